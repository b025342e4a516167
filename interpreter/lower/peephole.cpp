// What may change, and why it is safe. Evaluation reads registers only through instructions, but
// explanations (runtime/explain) read some after the run, and replay a definition's path from
// the registers left behind, simulating only `const` and `move`. So:
//
//  - A register the program's metadata names (order and frame inputs, definition slots, the
//    arguments and results of recorded calls) keeps every write; only temporaries written once
//    and read once may disappear.
//  - A register a replayed jump reads, directly or through moves ("observed"), must either be
//    written by one instruction only, or only by `const` and `move`: then the replay sees the
//    value the jump saw. A rewrite keeps that true.
//  - A `sats` instruction's register is read after the run, so it may be renamed only to a
//    register written by nothing else.
//  - An instruction that reads a frame input is never removed: the replay lists the inputs a
//    definition read from the instructions that read them.
//  - Jumps stay forward and inside their definition, which ends at its first `ret` (the
//    verifier's rule), so no `ret` is added.
//
// Every instruction index anyone holds (codeBegin, jump targets) is remapped when instructions
// go; `sats` positions the explainer keeps are taken from the final code at run time.
#include "interpreter/lower/peephole.hpp"

#include <algorithm>
#include <vector>

namespace ydelse {
namespace {

using ir::Instruction;
using ir::Op;

bool writesRegister(Op op) {
    switch (op) {
    case Op::Const:
    case Op::Input:
    case Op::Present:
    case Op::Sats:
    case Op::Move:
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Neg:
    case Op::Max:
    case Op::Min:
    case Op::Round:
    case Op::DivRound:
    case Op::Cmp:
    case Op::ICmp:
    case Op::Not:
    case Op::FullMonth:
    case Op::Year:
    case Op::Claims:
    case Op::AddYears:
    case Op::Weeks:
        return true;
    case Op::Force:
    case Op::Jump:
    case Op::JumpIfFalse:
    case Op::JumpIfTrue:
    case Op::Need:
    case Op::Applied:
    case Op::Fail:
    case Op::Ret:
        return false;
    }
    return false;
}

/// Calls `f` with each register the instruction reads.
template <typename F>
void forEachRead(const Instruction& in, F&& f) {
    switch (in.op) {
    case Op::Input: // copies the order's input register
    case Op::Move:
    case Op::Neg:
    case Op::Not:
    case Op::Round:
    case Op::FullMonth:
    case Op::Year:
    case Op::Weeks:
    case Op::JumpIfFalse:
    case Op::JumpIfTrue:
    case Op::Need:
    case Op::Ret:
        f(in.a);
        break;
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Max:
    case Op::Min:
    case Op::DivRound:
    case Op::Cmp:
    case Op::ICmp:
    case Op::AddYears:
        f(in.a);
        f(in.b);
        break;
    case Op::Const:
    case Op::Present:
    case Op::Sats:
    case Op::Force:
    case Op::Claims:
    case Op::Jump:
    case Op::Applied:
    case Op::Fail:
        break;
    }
}

bool isJump(Op op) { return op == Op::Jump || op == Op::JumpIfFalse || op == Op::JumpIfTrue; }

std::uint32_t& target(Instruction& in) { return in.op == Op::Jump ? in.a : in.b; }

class Peephole {
public:
    explicit Peephole(ir::Program& p) : p_(p), code_(p.code), deleted_(code_.size(), false) {}

    void run() {
        threadJumps();
        invertBranchesOverJumps();
        dropUnreachable();
        dropJumpsToNext();
        markLeaders();
        for (ir::Frame* f : frames()) {
            coalesce(*f);
        }
        compact();
    }

private:
    std::vector<ir::Frame*> frames() {
        std::vector<ir::Frame*> out{&p_.order.frame, &p_.order.claimFrame};
        for (ir::Ydelse& y : p_.ydelser) {
            out.push_back(&y.frame);
        }
        return out;
    }

    // A jump to a jump goes straight on; a conditional jump landing on a test of the same
    // register knows its outcome there.
    void threadJumps() {
        for (Instruction& in : code_) {
            if (!isJump(in.op)) {
                continue;
            }
            std::uint32_t& t = target(in);
            for (;;) {
                const Instruction& at = code_[t];
                if (at.op == Op::Jump) {
                    t = at.a;
                } else if (in.op != Op::Jump && isJump(at.op) && at.a == in.a) {
                    t = at.op == in.op ? at.b : t + 1;
                } else {
                    break;
                }
            }
        }
    }

    // `jump_if_true c, L; jump M; L:` is `jump_if_false c, M; L:` (and the other way round):
    // one dispatch fewer on either path. Only where nothing else enters the `jump`, since it
    // goes: after threading no jump lands on a jump, but a definition may begin with one.
    void invertBranchesOverJumps() {
        std::vector<bool> entered(code_.size() + 1, false);
        for (const Instruction& in : code_) {
            if (isJump(in.op)) {
                entered[in.op == Op::Jump ? in.a : in.b] = true;
            }
        }
        for (ir::Frame* f : frames()) {
            for (const ir::Definition& d : f->definitions) {
                entered[d.codeBegin] = true;
            }
        }
        for (std::size_t i = 0; i + 2 < code_.size(); ++i) {
            Instruction& in = code_[i];
            if ((in.op == Op::JumpIfTrue || in.op == Op::JumpIfFalse) && in.b == i + 2 &&
                code_[i + 1].op == Op::Jump && !entered[i + 1] && !deleted_[i + 1]) {
                in.op = in.op == Op::JumpIfTrue ? Op::JumpIfFalse : Op::JumpIfTrue;
                in.b = code_[i + 1].a;
                deleted_[i + 1] = true;
            }
        }
    }

    // Jumps go forward, so one pass in order finds every instruction some path reaches.
    void dropUnreachable() {
        std::vector<bool> reached(code_.size() + 1, false);
        for (ir::Frame* f : frames()) {
            for (const ir::Definition& d : f->definitions) {
                reached[d.codeBegin] = true;
            }
        }
        for (std::size_t i = 0; i < code_.size(); ++i) {
            // A definition ends at its first `ret`, reached or not (the verifier's rule).
            if (!reached[i]) {
                deleted_[i] = code_[i].op != Op::Ret;
                continue;
            }
            if (deleted_[i]) { // already gone: control falls through it
                reached[i + 1] = true;
                continue;
            }
            const Instruction& in = code_[i];
            switch (in.op) {
            case Op::Jump: reached[in.a] = true; break;
            case Op::JumpIfFalse:
            case Op::JumpIfTrue:
                reached[in.b] = true;
                reached[i + 1] = true;
                break;
            case Op::Ret:
            case Op::Fail: break;
            default: reached[i + 1] = true; break;
            }
        }
    }

    std::size_t nextLive(std::size_t i) const {
        while (i < code_.size() && deleted_[i]) {
            ++i;
        }
        return i;
    }

    // An unconditional jump over nothing but removed code. Backwards, so that a jump made
    // pointless by removing a later one goes too.
    void dropJumpsToNext() {
        for (std::size_t i = code_.size(); i-- > 0;) {
            if (!deleted_[i] && code_[i].op == Op::Jump && nextLive(i + 1) == nextLive(code_[i].a)) {
                deleted_[i] = true;
            }
        }
    }

    void markLeaders() {
        leader_.assign(code_.size() + 1, false);
        for (std::size_t i = 0; i < code_.size(); ++i) {
            if (!deleted_[i] && isJump(code_[i].op)) {
                leader_[nextLive(target(code_[i]))] = true;
            }
        }
        for (ir::Frame* f : frames()) {
            for (const ir::Definition& d : f->definitions) {
                leader_[nextLive(d.codeBegin)] = true;
            }
        }
    }

    // `x t = ...; move d = t`, where nothing reads t after the move, becomes `x d = ...`:
    // the value written to t was read by that move only. Jumps go forward, so "after" is "at a
    // higher index" within the definition, and a temporary belongs to one definition.
    void coalesce(ir::Frame& frame) {
        constexpr std::size_t kNoIndex = ~std::size_t{0};
        const std::uint32_t size = frame.size;
        std::vector<std::uint32_t> writes(size, 0);
        std::vector<std::size_t> lastRead(size, kNoIndex), firstAccess(size, kNoIndex);
        std::vector<std::size_t> firstWrite(size, kNoIndex), lastWrite(size, 0);
        std::vector<bool> pinned(size, false), observed(size, false);
        std::uint32_t inputsEnd = size;
        for (const ir::Definition& d : frame.definitions) {
            inputsEnd = std::min(inputsEnd, d.slot);
            pinned[d.slot] = true;
        }
        std::fill(pinned.begin(), pinned.begin() + inputsEnd, true);
        std::vector<std::size_t> mine; // live instructions of this frame, in order
        std::vector<std::size_t> defBegin(code_.size(), kNoIndex);
        for (const ir::Definition& d : frame.definitions) {
            for (std::size_t i = d.codeBegin; i < code_.size(); ++i) {
                // Code shared by two definitions is left as it is.
                defBegin[i] = defBegin[i] == kNoIndex ? d.codeBegin : kNoIndex - 1;
                if (!deleted_[i]) {
                    mine.push_back(i);
                }
                if (code_[i].op == Op::Ret) {
                    break;
                }
            }
        }
        std::sort(mine.begin(), mine.end());
        mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
        auto access = [&](std::uint32_t r, std::size_t i) {
            firstAccess[r] = std::min(firstAccess[r], i);
        };
        for (std::size_t i : mine) {
            const Instruction& in = code_[i];
            if (writesRegister(in.op)) {
                ++writes[in.dst];
                access(in.dst, i);
                firstWrite[in.dst] = std::min(firstWrite[in.dst], i);
                lastWrite[in.dst] = std::max(lastWrite[in.dst], i);
            }
            forEachRead(in, [&](std::uint32_t r) {
                lastRead[r] = lastRead[r] == kNoIndex ? i : std::max(lastRead[r], i);
                access(r, i);
            });
            if (in.op == Op::JumpIfFalse || in.op == Op::JumpIfTrue) {
                observed[in.a] = true;
            }
            if (in.op == Op::Applied && in.b != 0) {
                const ir::RuleCall& call = p_.calls[in.b - 1];
                pinned[call.result.reg] = true;
                for (const ir::CallValue& v : call.args) {
                    pinned[v.reg] = true;
                }
            }
        }
        // Through moves: what a move copies into an observed register is observed too.
        for (bool changed = true; changed;) {
            changed = false;
            for (std::size_t i : mine) {
                const Instruction& in = code_[i];
                if (in.op == Op::Move && observed[in.dst] && !observed[in.a]) {
                    observed[in.a] = changed = true;
                }
            }
        }
        std::size_t prev = kNoIndex; // the live instruction before, in the same block
        for (std::size_t j : mine) {
            Instruction& move = code_[j];
            const bool follows = prev != kNoIndex && nextLive(prev + 1) == j && !leader_[j];
            const std::size_t i = prev;
            prev = j;
            if (!follows || move.op != Op::Move) {
                continue;
            }
            Instruction& producer = code_[i];
            const std::uint32_t t = move.a;
            const std::uint32_t d = move.dst;
            if (!writesRegister(producer.op) || producer.dst != t || t == d || pinned[t] ||
                lastRead[t] != j || defBegin[j] >= kNoIndex - 1 ||
                firstAccess[t] < defBegin[j]) {
                continue;
            }
            // A replayed write stays a replayed write; any other must be the register's only
            // one, or the replay would see a later value at an earlier jump.
            const bool replayed = producer.op == Op::Move || producer.op == Op::Const;
            if (!replayed && observed[d] && writes[d] != 1) {
                continue;
            }
            // The explainer reads a sats's register after the run: nothing may write it later.
            if (producer.op == Op::Sats && (lastWrite[d] != j || firstWrite[d] < defBegin[j])) {
                continue;
            }
            producer.dst = d;
            deleted_[j] = true;
            --writes[t];
            lastRead[t] = kNoIndex;
            access(d, i);
            firstWrite[d] = std::min(firstWrite[d], i);
            if (lastWrite[d] == j) {
                lastWrite[d] = i;
            }
            prev = i;
        }
    }

    void compact() {
        std::vector<std::uint32_t> newIndex(code_.size() + 1, 0);
        std::uint32_t n = 0;
        for (std::size_t i = 0; i < code_.size(); ++i) {
            newIndex[i] = n;
            if (!deleted_[i]) {
                ++n;
            }
        }
        newIndex[code_.size()] = n;
        // A removed instruction's index now means the next one kept.
        std::vector<Instruction> out;
        out.reserve(n);
        for (std::size_t i = 0; i < code_.size(); ++i) {
            if (deleted_[i]) {
                continue;
            }
            Instruction in = code_[i];
            if (isJump(in.op)) {
                target(in) = newIndex[target(in)];
            }
            out.push_back(in);
        }
        for (ir::Frame* f : frames()) {
            for (ir::Definition& d : f->definitions) {
                d.codeBegin = newIndex[d.codeBegin];
            }
        }
        code_ = std::move(out);
    }

    ir::Program& p_;
    std::vector<Instruction>& code_;
    std::vector<bool> deleted_;
    std::vector<bool> leader_;
};

} // namespace

PeepholeStats optimizeIr(ir::Program& program) {
    PeepholeStats stats;
    stats.before = program.code.size();
    Peephole(program).run();
    stats.after = program.code.size();
    return stats;
}

} // namespace ydelse
