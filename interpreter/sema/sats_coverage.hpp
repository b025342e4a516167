// Sema pass: every sats a ydelse can reach (directly or through regler) must have a value, or an
// explicit 'ukendt', for the whole of the ydelse's validity. A period with neither is an
// unintended gap, found here rather than by the first order that falls into it.
#pragma once

#include "interpreter/sema/checked_catalog.hpp"
#include "interpreter/source/diagnostics.hpp"

namespace ydelse::sema {

void checkSatsCoverage(const CheckedCatalog& checked, Diagnostics& diagnostics);

} // namespace ydelse::sema
