// Builds a Result's `forklaring` (runtime/model/explanation.hpp) after the order has been
// evaluated, from the program and the registers each frame was left with. Called by the
// evaluator only when EvalOptions::explain is set; evaluation itself records nothing for it.
#pragma once

#include "runtime/eval/evaluator.hpp"
#include "runtime/ir/program.hpp"
#include "runtime/model/result.hpp"

#include <vector>

namespace ydelse::explain {

/// One evaluated order line: its ydelse and the memory of its frame.
struct LineFrame {
    const ir::Ydelse* ydelse = nullptr;
    const EvalState::FrameMemory* memory = nullptr;
};

/// Fills `result.forklaring` for an order that got a result (effektueret or tilbageholdt):
/// every line amount of every line, the order's a_skat, and the amounts the runtime derives.
void explainResult(const ir::Program& program, const std::vector<LineFrame>& lines,
                   const EvalState::FrameMemory& orderMemory, Result& result);

} // namespace ydelse::explain
