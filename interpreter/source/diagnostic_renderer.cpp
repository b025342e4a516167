#include "interpreter/source/diagnostic_renderer.hpp"

#include <fmt/format.h>

namespace ydelse {
namespace {

// Byte offset of the `column`-th code point (1-based) in a UTF-8 line.
std::size_t byteOffsetOfColumn(std::string_view line, std::uint32_t column) {
    std::size_t offset = 0;
    for (std::uint32_t cp = 1; cp < column && offset < line.size(); ++cp) {
        ++offset;
        while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80) {
            ++offset;
        }
    }
    return offset;
}

void renderLocation(std::string& out, const SourceRange& range, const SourceManager& sources) {
    if (range.file >= sources.size()) {
        out += "katalog: ";
        return;
    }
    const SourceFile& file = sources.file(range.file);
    if (range.line == 0) {
        out += fmt::format("{}: ", file.path());
        return;
    }
    out += fmt::format("{}:{}:{}: ", file.path(), range.line, range.column);
}

void renderExcerpt(std::string& out, const SourceRange& range, const SourceManager& sources) {
    if (range.file >= sources.size() || range.line == 0) {
        return;
    }
    std::string_view line = sources.file(range.file).line(range.line);
    if (line.empty()) {
        return;
    }
    // A very long line is shown as a window around the caret, so one diagnostic stays readable.
    constexpr std::size_t kWindow = 120;
    SourceRange shown = range;
    const std::size_t caretByte = byteOffsetOfColumn(line, range.column);
    if (line.size() > 2 * kWindow) {
        std::size_t begin = caretByte > kWindow / 2 ? caretByte - kWindow / 2 : 0;
        while (begin > 0 && (static_cast<unsigned char>(line[begin]) & 0xC0) == 0x80) {
            --begin;
        }
        std::size_t end = std::min(line.size(), begin + kWindow);
        while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) {
            ++end;
        }
        std::uint32_t skipped = 0;
        for (std::size_t i = 0; i < begin; ++i) {
            skipped += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80 ? 1 : 0;
        }
        line = line.substr(begin, end - begin);
        shown.column = range.column - skipped;
        shown.length = std::min<std::uint32_t>(range.length, 40);
    }
    out += fmt::format("  {}\n  ", line);
    // Tabs are kept so the caret lines up under the same layout as the source line.
    std::size_t caretAt = byteOffsetOfColumn(line, shown.column);
    for (std::size_t i = 0, cp = 1; i < caretAt; ++cp) {
        out += line[i] == '\t' ? '\t' : ' ';
        ++i;
        while (i < caretAt && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) {
            ++i;
        }
    }
    out += '^';
    for (std::uint32_t i = 1; i < shown.length; ++i) {
        out += '~';
    }
    out += '\n';
}

} // namespace

std::string renderDiagnostic(const Diagnostic& d, const SourceManager& sources) {
    std::string out;
    renderLocation(out, d.range, sources);
    out += fmt::format("{} [{}]: {}\n", d.severity == Severity::Fejl ? "fejl" : "advarsel", d.code,
                       d.message);
    renderExcerpt(out, d.range, sources);
    for (const DiagnosticNote& note : d.notes) {
        renderLocation(out, note.range, sources);
        out += fmt::format("note: {}\n", note.message);
        renderExcerpt(out, note.range, sources);
    }
    return out;
}

std::string renderDiagnostics(const Diagnostics& diagnostics, const SourceManager& sources) {
    std::string out;
    for (const Diagnostic& d : diagnostics.sorted()) {
        out += renderDiagnostic(d, sources);
    }
    out += fmt::format("{} fejl, {} {}\n", diagnostics.errorCount(), diagnostics.warningCount(),
                       diagnostics.warningCount() == 1 ? "advarsel" : "advarsler");
    return out;
}

} // namespace ydelse
