// Reads kommune configurations: how a kommune maps the catalog's logical accounts to its own real
// accounts and local dimensions (domain policy P9). The standard configuration (kommune:
// standard) applies to every kommune without its own.
#pragma once

#include "interpreter/source/diagnostics.hpp"
#include "runtime/ir/program.hpp"

namespace ydelse {

void loadKommuneConfig(FileId file, const SourceManager& sources,
                       std::vector<ir::KommuneConfig>& into, Diagnostics& diagnostics);

} // namespace ydelse
