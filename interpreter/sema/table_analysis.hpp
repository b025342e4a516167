// Gap and overlap analysis of a decision table. Every condition cell is a constant, so each
// parameter's line splits into finitely many regions between the constants; one representative
// value per region, combined across parameters, covers every case the table can meet. A
// combination no row matches is a gap; one two rows match is an overlap.
#pragma once

#include "interpreter/sema/checked_catalog.hpp"
#include "interpreter/source/diagnostics.hpp"

namespace ydelse::sema {

/// Reports K315 (gap) for hit policies först and entydig and K316 (overlap) for entydig, each
/// with a witness case; K317 (warning) when the table has too many regions to check.
void analyseTable(const CheckedCatalog& checked, Diagnostics& diagnostics,
                  const ast::TableDecl& table, const std::vector<Type>& paramTypes);

} // namespace ydelse::sema
