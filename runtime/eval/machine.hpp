// The IR interpreter: a switch loop over a flat instruction vector, one frame at a time.
// Definitions are computed on first use (Force) and remembered for the frame, so a branch not
// taken never runs, and an unknown sats fails only the orders that need it. Errors are returned,
// not thrown; only arithmetic overflow throws (std::overflow_error), caught by evaluate().
#pragma once

#include "runtime/eval/evaluator.hpp"

namespace ydelse {

/// What `sum`, `antal` and `findes` over the claims need: the order, and a frame's memory to
/// evaluate each claim in. Without one, such an instruction fails.
struct ClaimSource {
    const Order* order = nullptr;
    EvalState::FrameMemory* scratch = nullptr;
};

class Machine {
public:
    Machine(const ir::Program& program, const ir::Frame& frame, EvalState::FrameMemory& memory,
            AppliedRules& appliedRules, const ClaimSource* claims = nullptr)
        : program_(program), frame_(frame), memory_(memory), applied_(appliedRules),
          claims_(claims) {}

    /// Sizes and clears the frame's registers and memo flags (keeps their capacity).
    static void prepare(const ir::Frame& frame, EvalState::FrameMemory& memory);

    /// Computes definition `def` if not yet computed; false with `error()` set on failure.
    bool force(std::uint32_t def) { return memory_.done[def] == 1 || compute(def); }
    const ir::Value& value(std::uint32_t def) const {
        return memory_.registers[frame_.definitions[def].slot];
    }
    const OrderError& error() const { return error_; }

private:
    bool compute(std::uint32_t def);
    bool run(std::uint32_t pc);
    bool fail(std::string kode, std::string felt, std::string besked);
    bool lookupSats(std::uint32_t sats, ir::Value& out);
    bool aggregate(std::uint32_t index, ir::Value& out);

    const ir::Program& program_;
    const ir::Frame& frame_;
    EvalState::FrameMemory& memory_;
    AppliedRules& applied_;
    const ClaimSource* claims_;
    OrderError error_;
};

} // namespace ydelse
