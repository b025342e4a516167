#include "runtime/explain/path_replay.hpp"

#include <algorithm>
#include <array>

namespace ydelse::explain {
namespace {

// The lists hold a few items each: a scan is cheaper than any set.
[[gnu::always_inline]] inline void addOnce(std::vector<std::uint32_t>& items, std::uint32_t item) {
    for (const std::uint32_t present : items) {
        if (present == item) {
            return;
        }
    }
    items.push_back(item);
}

// What the replay does for an instruction. Looked up from a table so that the switch below is
// a single jump; the IR's own opcodes spread over more cases than the replay tells apart.
enum class Action : std::uint8_t {
    Skip,
    Const,
    Input,
    Sats,
    Force,
    Move,
    NoteA,  ///< reads register a
    NoteAB, ///< reads registers a and b
    Jump,
    JumpIfFalse,
    JumpIfTrue,
    Applied,
    Fail,
    Ret,
};

constexpr Action actionOf(ir::Op op) {
    switch (op) {
    case ir::Op::Const: return Action::Const;
    case ir::Op::Input:
    case ir::Op::Present: return Action::Input;
    case ir::Op::Sats: return Action::Sats;
    case ir::Op::Force: return Action::Force;
    case ir::Op::Move: return Action::Move;
    case ir::Op::Claims: return Action::Skip; // its filter and value live in the claim frame
    case ir::Op::AddYears:
    case ir::Op::Add:
    case ir::Op::Sub:
    case ir::Op::Mul:
    case ir::Op::Max:
    case ir::Op::Min:
    case ir::Op::Cmp:
    case ir::Op::ICmp:
    case ir::Op::DivRound: return Action::NoteAB;
    case ir::Op::Neg:
    case ir::Op::Not:
    case ir::Op::Round:
    case ir::Op::FullMonth:
    case ir::Op::Year:
    case ir::Op::Weeks:
    case ir::Op::Need: return Action::NoteA;
    case ir::Op::Jump: return Action::Jump;
    case ir::Op::JumpIfFalse: return Action::JumpIfFalse;
    case ir::Op::JumpIfTrue: return Action::JumpIfTrue;
    case ir::Op::Applied: return Action::Applied;
    case ir::Op::Fail: return Action::Fail;
    case ir::Op::Ret: return Action::Ret;
    }
    return Action::Skip;
}

constexpr std::array<Action, ir::kOpCount> kActions = [] {
    std::array<Action, ir::kOpCount> actions{};
    for (unsigned op = 0; op < ir::kOpCount; ++op) {
        actions[op] = actionOf(static_cast<ir::Op>(op));
    }
    return actions;
}();

} // namespace

void PathReplay::reset(const ir::Program& program, const ir::Frame& frame,
                       const EvalState::FrameMemory& memory, std::uint32_t frameInputsEnd,
                       ReplayShadow& shadow) {
    program_ = &program;
    frame_ = &frame;
    memory_ = &memory;
    shadow_ = &shadow;
    frameInputsEnd_ = std::max(frameInputsEnd, ir::kInputCount);
    if (shadow.bits.size() < memory.registers.size()) {
        shadow.bits.resize(memory.registers.size());
        shadow.stamp.resize(memory.registers.size(), 0);
    }
}

void PathReplay::replay(std::uint32_t def, PathReads& out) {
    out.clear();
    ReplayShadow& shadow = *shadow_;
    if (++shadow.generation == 0) { // after 2^32 replays: no stamp may look current
        std::fill(shadow.stamp.begin(), shadow.stamp.end(), 0);
        shadow.generation = 1;
    }
    // Held in locals: the lists' push_back could otherwise alias any of them.
    const std::uint32_t generation = shadow.generation;
    std::int64_t* const shadowBits = shadow.bits.data();
    std::uint32_t* const stamp = shadow.stamp.data();
    const ir::Value* const registers = memory_->registers.data();
    const ir::Value* const constants = program_->constants.data();
    const ir::Instruction* const code = program_->code.data();
    const std::size_t end = program_->code.size();
    const std::uint32_t frameInputCount = frameInputsEnd_ - ir::kInputCount;
    auto truth = [&](std::uint32_t reg) {
        return stamp[reg] == generation ? shadowBits[reg] : registers[reg].bits;
    };
    auto write = [&](std::uint32_t reg, std::int64_t bits) {
        shadowBits[reg] = bits;
        stamp[reg] = generation;
    };
    auto note = [&](std::uint32_t reg) {
        if (reg - ir::kInputCount < frameInputCount) { // unsigned: below kInputCount wraps
            addOnce(out.frameInputs, reg);
        }
    };
    std::size_t pc = frame_->definitions[def].codeBegin;
    // Bounded by the code's length: jumps go forward only (the verifier checks it).
    while (pc < end) {
        const ir::Instruction& in = code[pc++];
        switch (kActions[static_cast<std::size_t>(in.op)]) {
        case Action::Skip:
            break;
        case Action::Const:
            write(in.dst, constants[in.a].bits);
            break;
        case Action::Input:
            addOnce(out.inputs, in.a);
            break;
        case Action::Sats:
            if (std::none_of(out.satser.begin(), out.satser.end(),
                             [&](std::uint32_t at) { return code[at].a == in.a; })) {
                out.satser.push_back(static_cast<std::uint32_t>(pc - 1));
            }
            break;
        case Action::Force:
            addOnce(out.definitions, in.a);
            break;
        case Action::Move:
            note(in.a);
            write(in.dst, truth(in.a));
            break;
        case Action::NoteAB:
            note(in.a);
            note(in.b);
            break;
        case Action::NoteA:
            note(in.a);
            break;
        case Action::Jump:
            pc = in.a;
            break;
        case Action::JumpIfFalse:
            note(in.a);
            if (truth(in.a) == 0) {
                pc = in.b;
            }
            break;
        case Action::JumpIfTrue:
            note(in.a);
            if (truth(in.a) != 0) {
                pc = in.b;
            }
            break;
        case Action::Applied:
            addOnce(out.rules, in.a);
            if (in.b != 0) {
                out.calls.push_back(in.b - 1);
            }
            break;
        case Action::Fail:
            return; // not reached in a definition that was computed
        case Action::Ret:
            out.origin = in.origin;
            return;
        }
    }
}

} // namespace ydelse::explain
