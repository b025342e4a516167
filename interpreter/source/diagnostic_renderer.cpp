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
    out += fmt::format("  {}\n  ", line);
    // Tabs are kept so the caret lines up under the same layout as the source line.
    std::size_t caretAt = byteOffsetOfColumn(line, range.column);
    for (std::size_t i = 0, cp = 1; i < caretAt; ++cp) {
        out += line[i] == '\t' ? '\t' : ' ';
        ++i;
        while (i < caretAt && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) {
            ++i;
        }
    }
    out += '^';
    for (std::uint32_t i = 1; i < range.length; ++i) {
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
