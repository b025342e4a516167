// Sema pass for decision tables: names, types of cells and results, and the hit policy's
// promise (no gap for `først` and `entydig`, no overlap for `entydig`), each broken promise
// shown with a witness case.
#pragma once

#include "interpreter/sema/checked_catalog.hpp"
#include "interpreter/source/diagnostics.hpp"

namespace ydelse::sema {

/// Registers the tables' names (after regler, so a clash is reported on the table).
void collectTables(CheckedCatalog& checked, Diagnostics& diagnostics);
void checkTable(CheckedCatalog& checked, Diagnostics& diagnostics, std::uint32_t index);

/// A condition cell's constant as compared at run time (Procent as a fraction, enumeration
/// values as ordinals, dates as days), or nothing if the cell value is not a constant.
std::optional<ir::Value> cellConstant(const CheckedCatalog& checked, const ast::Expr& e);

} // namespace ydelse::sema
