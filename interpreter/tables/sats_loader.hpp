// Reads the catalog's satser: YAML tables of dated values, each with its source. Checked here for
// what a table can get wrong (gaps, overlaps, values without a source); names are resolved later
// by sema like any other symbol.
#pragma once

#include "interpreter/ast/period_unit.hpp"
#include "interpreter/source/diagnostics.hpp"
#include "runtime/ir/program.hpp"

namespace ydelse {

/// Appends the satser of one YAML file to `into`, and each one's period unit to `units`.
void loadSatser(FileId file, const SourceManager& sources, std::vector<ir::Sats>& into,
                std::vector<PeriodUnit>& units, Diagnostics& diagnostics);

} // namespace ydelse
