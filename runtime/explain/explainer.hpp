// Builds a Result's `forklaring` (runtime/model/explanation.hpp) after the order has been
// evaluated, from the program and the registers each frame was left with. Called by the
// evaluator only when EvalOptions::explain is set; evaluation itself records nothing for it.
#pragma once

#include "runtime/eval/evaluator.hpp"
#include "runtime/ir/program.hpp"
#include "runtime/model/result.hpp"

#include <cstddef>
#include <span>

namespace ydelse::explain {

/// Fills `result.forklaring` for an order that got a result (effektueret or tilbageholdt):
/// every line amount of every line, the order's a_skat, and the amounts the runtime derives.
/// Each line's frame is `state.frame(line.index)`, the order's `state.frame(orderFrame)`.
/// Its working buffers are kept per thread, so a refilled Result makes it allocate nothing.
void explainResult(const ir::Program& program, std::span<const LineResult> lines,
                   EvalState& state, std::size_t orderFrame, Result& result);

} // namespace ydelse::explain
