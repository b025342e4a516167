// The runtime's entry point: evaluate one effektueringsordre against a loaded Program.
//
// A Program is immutable and may be shared by any number of threads; each thread keeps its own
// EvalState and reuses it for every order, so steady-state evaluation reuses its buffers.
// Evaluation is deterministic: the same Program and Order give the same Result.
#pragma once

#include "runtime/ir/program.hpp"
#include "runtime/model/order.hpp"
#include "runtime/model/result.hpp"

#include <cstdint>
#include <vector>

namespace ydelse {

/// Per-thread scratch space, reused between orders.
class EvalState {
public:
    struct FrameMemory {
        std::vector<ir::Value> registers;
        std::vector<std::uint8_t> done;
        std::uint32_t present = 0; ///< bit per ir::Input the order has
    };

    FrameMemory& frame(std::size_t index) {
        if (frames_.size() <= index) {
            frames_.resize(index + 1);
        }
        return frames_[index];
    }
    std::vector<std::uint32_t>& appliedRules() { return applied_; }
    /// Where `sum`, `antal` and `findes` evaluate one claim at a time.
    FrameMemory& claimScratch() { return claimScratch_; }

private:
    std::vector<FrameMemory> frames_;
    FrameMemory claimScratch_;
    std::vector<std::uint32_t> applied_;
};

/// What to produce besides the result itself.
struct EvalOptions {
    /// Fill Result::forklaring (how each amount was computed). Off: no extra work at all.
    bool explain = false;
};

/// Evaluates `order`. Never throws for bad input: a rejected order gives a Result with status
/// Afvist and its errors in `fejl`.
Result evaluate(const ir::Program& program, const Order& order, EvalState& state,
                EvalOptions options = {});

} // namespace ydelse
