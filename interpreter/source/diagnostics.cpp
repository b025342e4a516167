#include "interpreter/source/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace ydelse {

Diagnostic& Diagnostics::error(std::string code, SourceRange range, std::string message) {
    ++errorCount_;
    return items_.emplace_back(
        Diagnostic{Severity::Fejl, std::move(code), range, std::move(message), {}});
}

Diagnostic& Diagnostics::warning(std::string code, SourceRange range, std::string message) {
    return items_.emplace_back(
        Diagnostic{Severity::Advarsel, std::move(code), range, std::move(message), {}});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.range.file, a.range.line, a.range.column, a.severity, a.code,
                        a.message) < std::tie(b.range.file, b.range.line, b.range.column,
                                              b.severity, b.code, b.message);
    });
    return out;
}

} // namespace ydelse
