// Source files of a catalog and positions in them. A position is kept as line and column (both
// 1-based, columns in Unicode code points as ANTLR counts them); the text of a line is fetched only
// when a diagnostic is rendered.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ydelse {

using FileId = std::uint32_t;
/// The file of a diagnostic about the catalog as a whole.
inline constexpr FileId kNoFile = 0xFFFFFFFFu;

struct SourceRange {
    FileId file = 0;
    std::uint32_t line = 0;   ///< 1-based; 0 = no position (the file as a whole)
    std::uint32_t column = 0; ///< 1-based, in code points
    std::uint32_t length = 1; ///< in code points, for the caret underline
};

class SourceFile {
public:
    SourceFile(std::string path, std::string text);
    const std::string& path() const { return path_; }
    const std::string& text() const { return text_; }
    /// The text of a 1-based line without its line break; empty if out of range.
    std::string_view line(std::uint32_t lineNumber) const;

private:
    std::string path_;
    std::string text_;
    std::vector<std::size_t> lineStarts_;
};

/// All files of one compilation; FileIds index into it.
class SourceManager {
public:
    FileId add(std::string path, std::string text);
    const SourceFile& file(FileId id) const { return files_[id]; }
    std::size_t size() const { return files_.size(); }

private:
    std::vector<SourceFile> files_;
};

} // namespace ydelse
