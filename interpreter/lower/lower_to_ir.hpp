// Stage 3: checked catalog -> flat IR. Names become register numbers, constant-pool and table
// indexes; regler are inlined at each call (the language has no recursion, so this terminates);
// `og`, `eller`, `hvis` and `vælg` become jumps.
#pragma once

#include "interpreter/sema/checked_catalog.hpp"
#include "interpreter/source/source_file.hpp"
#include "runtime/ir/program.hpp"

namespace ydelse {

ir::Program lowerToIr(const sema::CheckedCatalog& checked, const SourceManager& sources);

} // namespace ydelse
