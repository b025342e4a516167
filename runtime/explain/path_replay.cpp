#include "runtime/explain/path_replay.hpp"

#include <algorithm>

namespace ydelse::explain {
namespace {

void addOnce(std::vector<std::uint32_t>& items, std::uint32_t item) {
    if (std::find(items.begin(), items.end(), item) == items.end()) {
        items.push_back(item);
    }
}

} // namespace

void PathReads::clear() {
    definitions.clear();
    satser.clear();
    inputs.clear();
    frameInputs.clear();
    rules.clear();
    calls.clear();
    origin = 0;
}

void PathReplay::reset(const ir::Program& program, const ir::Frame& frame,
                       const EvalState::FrameMemory& memory, ReplayShadow& shadow) {
    program_ = &program;
    frame_ = &frame;
    memory_ = &memory;
    shadow_ = &shadow;
    if (shadow.bits.size() < memory.registers.size()) {
        shadow.bits.resize(memory.registers.size());
        shadow.stamp.resize(memory.registers.size(), 0);
    }
    // Frame-specific inputs (grundlag, line sums, the a_skat share) lie between the order's
    // inputs and the first definition's register.
    definitionsBegin_ = static_cast<std::uint32_t>(memory.registers.size());
    for (const ir::Definition& d : frame.definitions) {
        definitionsBegin_ = std::min(definitionsBegin_, d.slot);
    }
}

void PathReplay::noteRegister(std::uint32_t reg, PathReads& out) const {
    if (reg >= ir::kInputCount && reg < definitionsBegin_) {
        addOnce(out.frameInputs, reg);
    }
}

void PathReplay::replay(std::uint32_t def, PathReads& out) {
    out.clear();
    if (++shadow_->generation == 0) { // after 2^32 replays: no stamp may look current
        std::fill(shadow_->stamp.begin(), shadow_->stamp.end(), 0);
        shadow_->generation = 1;
    }
    const std::uint32_t generation = shadow_->generation;
    const auto& code = program_->code;
    const std::size_t end = code.size();
    std::uint32_t pc = frame_->definitions[def].codeBegin;
    // Bounded by the code's length: jumps go forward only (the verifier checks it).
    while (pc < end) {
        const ir::Instruction& in = code[pc++];
        switch (in.op) {
        case ir::Op::Const:
            write(in.dst, program_->constants[in.a].bits, generation);
            break;
        case ir::Op::Input:
        case ir::Op::Present:
            addOnce(out.inputs, in.a);
            break;
        case ir::Op::Sats:
            if (std::none_of(out.satser.begin(), out.satser.end(),
                             [&](std::uint32_t at) { return code[at].a == in.a; })) {
                out.satser.push_back(pc - 1);
            }
            break;
        case ir::Op::Force:
            addOnce(out.definitions, in.a);
            break;
        case ir::Op::Move:
            noteRegister(in.a, out);
            write(in.dst, bits(in.a, generation), generation);
            break;
        case ir::Op::Claims:
            break; // a pass over the claims: its filter and value live in the claim frame
        case ir::Op::AddYears:
        case ir::Op::Add:
        case ir::Op::Sub:
        case ir::Op::Mul:
        case ir::Op::Max:
        case ir::Op::Min:
        case ir::Op::Cmp:
        case ir::Op::ICmp:
        case ir::Op::DivRound:
            noteRegister(in.a, out);
            noteRegister(in.b, out);
            break;
        case ir::Op::Neg:
        case ir::Op::Not:
        case ir::Op::Round:
        case ir::Op::FullMonth:
        case ir::Op::Year:
        case ir::Op::Weeks:
        case ir::Op::Need:
            noteRegister(in.a, out);
            break;
        case ir::Op::Jump:
            pc = in.a;
            break;
        case ir::Op::JumpIfFalse:
            noteRegister(in.a, out);
            if (bits(in.a, generation) == 0) {
                pc = in.b;
            }
            break;
        case ir::Op::JumpIfTrue:
            noteRegister(in.a, out);
            if (bits(in.a, generation) != 0) {
                pc = in.b;
            }
            break;
        case ir::Op::Applied:
            addOnce(out.rules, in.a);
            if (in.b != 0) {
                out.calls.push_back(in.b - 1);
            }
            break;
        case ir::Op::Fail:
            return; // not reached in a definition that was computed
        case ir::Op::Ret:
            out.origin = in.origin;
            return;
        }
    }
}

} // namespace ydelse::explain
