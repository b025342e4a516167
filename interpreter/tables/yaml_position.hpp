// Positions of YAML nodes as SourceRanges, so table errors render like language errors.
// yaml-cpp counts columns in bytes; a SourceRange counts code points, so 'værdi' is five wide.
#pragma once

#include "interpreter/source/source_file.hpp"

#include <yaml-cpp/yaml.h>

namespace ydelse {

class YamlPositions {
public:
    YamlPositions(FileId file, const SourceManager& sources) : file_(file), sources_(sources) {}

    SourceRange at(const YAML::Mark& mark, std::uint32_t lengthInBytes = 1) const {
        if (mark.line < 0 || file_ >= sources_.size()) {
            return {file_, 0, 0, 1};
        }
        const auto line = static_cast<std::uint32_t>(mark.line + 1);
        std::string_view text = sources_.file(file_).line(line);
        const auto column = static_cast<std::size_t>(std::max(0, mark.column));
        auto codePoints = [&](std::size_t from, std::size_t to) {
            std::uint32_t n = 0;
            for (std::size_t i = from; i < to && i < text.size(); ++i) {
                n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;
            }
            return n;
        };
        return {file_, line, codePoints(0, column) + 1,
                std::max<std::uint32_t>(1, codePoints(column, column + lengthInBytes))};
    }

    SourceRange at(const YAML::Node& node) const {
        std::uint32_t length =
            node.IsScalar() ? static_cast<std::uint32_t>(node.Scalar().size()) : 1;
        return at(node.Mark(), length);
    }

private:
    FileId file_;
    const SourceManager& sources_;
};

} // namespace ydelse
