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

    void clear();
};

class PathReplay {
public:
    /// `bits` is scratch space, overwritten; passing the same vector again reuses its capacity.
    PathReplay(const ir::Program& program, const ir::Frame& frame,
               const EvalState::FrameMemory& memory, std::vector<std::int64_t>& bits);

    /// The reads of definition `def`, which must have been computed (its done flag set).
    void replay(std::uint32_t def, PathReads& out);

private:
    void noteRegister(std::uint32_t reg, PathReads& out) const;

    const ir::Program& program_;
    const ir::Frame& frame_;
    std::vector<std::int64_t>& bits_; ///< truth values as the jumps saw them
    std::uint32_t definitionsBegin_ = 0;
};

} // namespace ydelse::explain
