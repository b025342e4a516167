// Stage 2: the checks a catalog must pass before any money moves. Runs every pass and reports
// every error; the driver lowers only a catalog with none.
#pragma once

#include "interpreter/sema/checked_catalog.hpp"
#include "interpreter/source/diagnostics.hpp"

namespace ydelse {

/// `satser` come from the catalog's YAML tables (satser/sats_loader.hpp), already checked for
/// gaps and overlaps; `satsUnits` (parallel, may be empty) their period units.
sema::CheckedCatalog check(const ast::Catalog& catalog, std::vector<ir::Sats> satser,
                           Diagnostics& diagnostics, std::vector<PeriodUnit> satsUnits = {});

} // namespace ydelse
