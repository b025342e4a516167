// Diagnostics are values: every phase appends to one sink and goes on where it safely can; the
// driver stops between phases when an error was recorded. The library never prints; the CLI
// renders (diagnostic_renderer.hpp).
#pragma once

#include "interpreter/source/source_file.hpp"

#include <string>
#include <vector>

namespace ydelse {

enum class Severity : std::uint8_t { Fejl, Advarsel };

struct DiagnosticNote {
    SourceRange range;
    std::string message;
};

struct Diagnostic {
    Severity severity = Severity::Fejl;
    std::string code; ///< e.g. "K101"; listed in docs/diagnostics.md
    SourceRange range;
    std::string message; ///< Danish, lower-case start, no trailing period
    std::vector<DiagnosticNote> notes;
};

class Diagnostics {
public:
    Diagnostic& error(std::string code, SourceRange range, std::string message);
    Diagnostic& warning(std::string code, SourceRange range, std::string message);

    bool hasErrors() const { return errorCount_ > 0; }
    std::size_t errorCount() const { return errorCount_; }
    std::size_t warningCount() const { return items_.size() - errorCount_; }
    /// Sorted by file, position, severity and text: the order users and golden files see.
    std::vector<Diagnostic> sorted() const;
    const std::vector<Diagnostic>& items() const { return items_; }

private:
    std::vector<Diagnostic> items_;
    std::size_t errorCount_ = 0;
};

} // namespace ydelse
