// Replays, after evaluation, the path a forced definition's code took, and reports what it
// read. Nothing is recorded while evaluating: the path follows from the registers the
// evaluation left behind. Jumps only go forward and every temporary register is written by one
// instruction, so each condition register still holds the value its jump saw; the few registers
// written more than once (the result of `og`, `eller`, `hvis`, `vælg`, a table, a regel with
// undtagelser) are written by `move` and `const`, which the replay repeats in a shadow copy.
#pragma once

#include "runtime/eval/evaluator.hpp"
#include "runtime/ir/program.hpp"

#include <cstdint>
#include <vector>

namespace ydelse::explain {

/// What one run of a definition's code read, each item once, in first use.
struct PathReads {
    std::vector<std::uint32_t> definitions; ///< forced
    std::vector<std::uint32_t> satser;      ///< the `sats` instructions, one per sats
    std::vector<std::uint32_t> inputs;      ///< ir::Input, by `input` or `present`
    std::vector<std::uint32_t> frameInputs; ///< frame-specific input registers read
    std::vector<std::uint32_t> rules;       ///< Program::rules, by `applied`
    std::vector<std::uint32_t> calls;       ///< Program::calls, in the order they ran
    std::uint32_t origin = 0;               ///< of the definition's `ret`

    void clear() {
        definitions.clear();
        satser.clear();
        inputs.clear();
        frameInputs.clear();
        rules.clear();
        calls.clear();
        origin = 0;
    }
};

/// The shadow registers a replay writes, shared by every frame and kept between orders. Only
/// the registers the running replay wrote (stamped with its generation) are read from here; any
/// other still holds in the frame's memory what the jump saw, so nothing is copied per frame.
struct ReplayShadow {
    std::vector<std::int64_t> bits;
    std::vector<std::uint32_t> stamp;
    std::uint32_t generation = 0;
};

class PathReplay {
public:
    /// Replays `frame`'s definitions over `memory` from now on. The registers from
    /// ir::kInputCount up to `frameInputsEnd` are the frame's own inputs (grundlag, line sums,
    /// the a_skat share): reading one is reported.
    void reset(const ir::Program& program, const ir::Frame& frame,
               const EvalState::FrameMemory& memory, std::uint32_t frameInputsEnd,
               ReplayShadow& shadow);

    /// The reads of definition `def`, which must have been computed (its done flag set).
    void replay(std::uint32_t def, PathReads& out);

private:
    const ir::Program* program_ = nullptr;
    const ir::Frame* frame_ = nullptr;
    const EvalState::FrameMemory* memory_ = nullptr;
    ReplayShadow* shadow_ = nullptr;
    std::uint32_t frameInputsEnd_ = 0;
};

} // namespace ydelse::explain
