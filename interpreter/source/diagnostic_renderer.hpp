// Renders diagnostics as `file:line:col: fejl [CODE]: message`, the source line and a caret
// under the range, then the notes. Plain text, stable: golden tests compare it byte for byte.
#pragma once

#include "interpreter/source/diagnostics.hpp"

#include <string>

namespace ydelse {

std::string renderDiagnostic(const Diagnostic& diagnostic, const SourceManager& sources);
/// Every diagnostic in sorted order, then a count line ("2 fejl, 1 advarsel").
std::string renderDiagnostics(const Diagnostics& diagnostics, const SourceManager& sources);

} // namespace ydelse
