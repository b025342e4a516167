// Sema pass for undtagelser: each names an existing regel, takes that regel's parameters,
// has a Sand/Falsk condition and a value of the regel's type, and its own legal basis.
#pragma once

#include "interpreter/sema/checked_catalog.hpp"
#include "interpreter/source/diagnostics.hpp"

namespace ydelse::sema {

void checkExceptions(CheckedCatalog& checked, Diagnostics& diagnostics);

} // namespace ydelse::sema
