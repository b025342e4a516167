// Records an inlined regel or tabel call for explanations (ir::RuleCall): which registers hold
// its arguments and its result, with their names and types. Evaluation never reads it.
#pragma once

#include "interpreter/sema/checked_catalog.hpp"
#include "runtime/ir/program.hpp"

#include <vector>

namespace ydelse {

/// Adds the call and returns the `applied` instruction's operand b for it (index + 1).
std::uint32_t recordCall(ir::Program& program, const sema::CheckedCatalog& checked,
                         std::uint32_t rule, const std::vector<ast::Param>& params,
                         const ast::CallExpr& call, const std::vector<std::uint32_t>& args);

/// Completes the call with the register its result ended in.
void recordCallResult(ir::Program& program, const sema::CheckedCatalog& checked,
                      std::uint32_t operand, const ast::CallExpr& call, std::uint32_t result);

} // namespace ydelse
