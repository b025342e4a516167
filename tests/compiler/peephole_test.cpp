// The IR clean-up after lowering on hand-built code: what it removes, what it must leave alone
// (registers explanations read), and that evaluation gives the same values before and after.
#include "interpreter/lower/peephole.hpp"
#include "runtime/eval/machine.hpp"
#include "runtime/ir/program_verifier.hpp"

#include <doctest/doctest.h>

using namespace ydelse;
using ir::Op;

namespace {

// One order frame. Registers [kInputCount, kInputCount + 2) are frame inputs (line sums here),
// definition slots follow, then temporaries.
struct Builder {
    ir::Program program;
    std::uint32_t nextRegister = ir::kInputCount + 2;

    Builder() { program.rules.push_back({"regel", "1", "lov"}); }
    std::uint32_t constant(std::int64_t number, std::int64_t bits = 0) {
        ir::Value v;
        v.number = Decimal::fromInt(number);
        v.bits = bits;
        program.constants.push_back(v);
        return static_cast<std::uint32_t>(program.constants.size() - 1);
    }
    std::uint32_t reg() { return nextRegister++; }
    std::uint32_t here() const { return static_cast<std::uint32_t>(program.code.size()); }
    std::uint32_t emit(Op op, std::uint32_t dst, std::uint32_t a = 0, std::uint32_t b = 0,
                       std::uint8_t mode = 0) {
        program.code.push_back(ir::Instruction{op, mode, dst, a, b, 0, 0});
        return here() - 1;
    }
    std::uint32_t definition(const char* name, std::uint32_t slot) {
        program.order.frame.definitions.push_back({name, here(), slot});
        return static_cast<std::uint32_t>(program.order.frame.definitions.size() - 1);
    }
    void finish() { program.order.frame.size = nextRegister; }
};

std::vector<Op> ops(const ir::Program& p) {
    std::vector<Op> out;
    for (const ir::Instruction& in : p.code) {
        out.push_back(in.op);
    }
    return out;
}

// Forces every definition; returns the registers afterwards.
std::vector<ir::Value> evaluate(const ir::Program& p, std::int64_t input) {
    EvalState::FrameMemory memory;
    AppliedRules applied;
    Machine::prepare(p.order.frame, memory);
    memory.registers[ir::kInputCount].number = Decimal::fromInt(input);
    memory.registers[ir::kInputCount].bits = input;
    Machine m(p, p.order.frame, memory, applied);
    for (std::uint32_t d = 0; d < p.order.frame.definitions.size(); ++d) {
        REQUIRE(m.force(d));
    }
    return memory.registers;
}

void checkSameSlots(const ir::Program& before, const ir::Program& after) {
    REQUIRE(ir::verifyProgram(after).empty());
    for (std::int64_t input : {0, 1, 7}) {
        const std::vector<ir::Value> a = evaluate(before, input);
        const std::vector<ir::Value> b = evaluate(after, input);
        for (const ir::Definition& d : before.order.frame.definitions) {
            CHECK(a[d.slot].number == b[d.slot].number);
            CHECK(a[d.slot].bits == b[d.slot].bits);
        }
    }
}

} // namespace

TEST_CASE("a temporary moved on at once is written where it goes, and the move disappears") {
    Builder b;
    const std::uint32_t slot = b.reg();
    b.definition("x", slot);
    const std::uint32_t two = b.reg(), sum = b.reg(), copy = b.reg();
    b.emit(Op::Const, two, b.constant(2));
    b.emit(Op::Add, sum, ir::kInputCount, two);
    b.emit(Op::Move, copy, sum);
    b.emit(Op::Move, slot, copy);
    b.emit(Op::Ret, 0, slot);
    b.finish();
    const ir::Program before = b.program;

    const PeepholeStats stats = optimizeIr(b.program);
    CHECK(stats.before == 5);
    CHECK(stats.after == 3);
    CHECK(ops(b.program) == std::vector<Op>{Op::Const, Op::Add, Op::Ret});
    CHECK(b.program.code[1].dst == slot);
    checkSameSlots(before, b.program);
}

TEST_CASE("jumps to jumps go straight on, and code no path reaches goes, indexes follow") {
    Builder b;
    const std::uint32_t first = b.reg(), second = b.reg();
    b.definition("first", first);
    const std::uint32_t flag = b.reg(), r = b.reg(), one = b.reg(), two = b.reg();
    b.emit(Op::Move, flag, ir::kInputCount);                  // 0 reads a frame input: kept
    const std::uint32_t toElse = b.emit(Op::JumpIfFalse, 0, flag); // 1
    b.emit(Op::Const, one, b.constant(1));                    // 2
    b.emit(Op::Move, r, one);                                 // 3
    const std::uint32_t toEnd = b.emit(Op::Jump, 0);          // 4 -> 7
    b.emit(Op::Const, two, b.constant(99));                   // 5 unreachable
    b.program.code[toElse].b = b.emit(Op::Jump, 0, 9);        // 6: jump -> jump
    b.program.code[toEnd].a = b.emit(Op::Jump, 0, 9);         // 7
    b.emit(Op::Const, two, b.constant(5));                    // 8 unreachable
    b.emit(Op::Move, first, r);                               // 9
    b.emit(Op::Ret, 0, first);                                // 10
    b.program.code[6].a = 9;
    b.definition("second", second);
    b.emit(Op::Move, second, first); // 11
    b.emit(Op::Ret, 0, second);      // 12
    b.finish();
    const ir::Program before = b.program;

    optimizeIr(b.program);
    // 4 jumped over removed code only; 3's constant is now written straight into r.
    CHECK(ops(b.program) ==
          std::vector<Op>{Op::Move, Op::JumpIfFalse, Op::Const, Op::Move, Op::Ret, Op::Move, Op::Ret});
    CHECK(b.program.code[1].b == 3);
    CHECK(b.program.code[2].dst == r);
    CHECK(b.program.order.frame.definitions[1].codeBegin == 5);
    checkSameSlots(before, b.program);
}

TEST_CASE("a conditional jump onto a test of the same register takes the outcome it knows") {
    Builder b;
    const std::uint32_t slot = b.reg();
    b.definition("og", slot);
    const std::uint32_t c = b.reg(), r = b.reg(), k = b.reg();
    b.emit(Op::Move, c, ir::kInputCount);            // 0
    b.emit(Op::JumpIfFalse, 0, c, 3);                // 1 -> 3, where c is still false
    b.emit(Op::Const, k, b.constant(0, 1));          // 2
    b.emit(Op::JumpIfFalse, 0, c, 5);                // 3
    b.emit(Op::Const, k, b.constant(0, 1));          // 4
    b.emit(Op::Move, r, c);                          // 5
    b.emit(Op::Move, slot, r);                       // 6
    b.emit(Op::Ret, 0, slot);                        // 7
    b.finish();
    const ir::Program before = b.program;

    optimizeIr(b.program);
    CHECK(b.program.code[1].op == Op::JumpIfFalse);
    CHECK(b.program.code[1].b == 5);
    checkSameSlots(before, b.program);
}

TEST_CASE("a conditional jump over a jump is inverted, and the jump goes") {
    Builder b;
    const std::uint32_t slot = b.reg();
    b.definition("hvis", slot);
    const std::uint32_t c = b.reg();
    b.emit(Op::Move, c, ir::kInputCount);              // 0
    b.emit(Op::JumpIfTrue, 0, c, 3);                   // 1 -> 3 over the jump
    b.emit(Op::Jump, 0, 5);                            // 2 -> 5
    b.emit(Op::Const, slot, b.constant(10));           // 3: c is true
    b.emit(Op::Jump, 0, 6);                            // 4
    b.emit(Op::Const, slot, b.constant(20));           // 5: c is false
    b.emit(Op::Ret, 0, slot);                          // 6
    b.finish();
    const ir::Program before = b.program;

    optimizeIr(b.program);
    CHECK(ops(b.program) ==
          std::vector<Op>{Op::Move, Op::JumpIfFalse, Op::Const, Op::Jump, Op::Const, Op::Ret});
    CHECK(b.program.code[1].b == 4); // the false branch
    checkSameSlots(before, b.program);
}

TEST_CASE("registers explanations read keep their writes: call values, sats, jump conditions") {
    Builder b;
    ir::Sats s;
    s.name = "S";
    s.intervals.push_back({*Date::parse("2000-01-01"), *Date::parse("2999-12-31"), true,
                           Decimal::fromInt(3), ""});
    b.program.satser.push_back(s);
    const std::uint32_t slot = b.reg();
    b.definition("x", slot);
    const std::uint32_t arg = b.reg(), res = b.reg(), sats = b.reg(), join = b.reg(),
                        cond = b.reg(), one = b.reg();
    b.program.calls.push_back({0, {{"p", arg, ir::ValueType::Belob, ir::kNone}},
                               {"", res, ir::ValueType::Belob, ir::kNone}});
    b.emit(Op::Const, arg, b.constant(4));      // 0 a call's argument: named, kept
    b.emit(Op::Move, res, arg);                 // 1
    b.emit(Op::Applied, 0, 0, 1);               // 2
    b.emit(Op::Cmp, cond, res, arg, std::uint8_t(ir::Comparison::Eq)); // 3
    b.emit(Op::Move, join, cond);               // 4 join is tested and written twice: kept
    b.emit(Op::JumpIfFalse, 0, join, 9);        // 5
    b.emit(Op::Sats, sats, 0);                  // 6 join is written twice: kept
    b.emit(Op::Move, join, sats);               // 7
    b.emit(Op::Const, one, b.constant(1));      // 8
    b.emit(Op::Move, slot, join);               // 9
    b.emit(Op::Ret, 0, slot);                   // 10
    b.finish();
    const std::size_t size = b.program.code.size();

    optimizeIr(b.program);
    CHECK(b.program.code.size() == size);
    REQUIRE(ir::verifyProgram(b.program).empty());
}

TEST_CASE("a condition written once may be computed straight into the tested register") {
    Builder b;
    const std::uint32_t slot = b.reg();
    b.definition("x", slot);
    const std::uint32_t t = b.reg(), c = b.reg(), r = b.reg(), one = b.reg(), two = b.reg();
    b.emit(Op::Const, one, b.constant(1));
    b.emit(Op::Cmp, t, ir::kInputCount, one, std::uint8_t(ir::Comparison::Ge)); // 1
    b.emit(Op::Move, c, t);                                                     // 2 goes
    b.emit(Op::JumpIfFalse, 0, c, 6);                                           // 3
    b.emit(Op::Const, r, b.constant(10));                                       // 4
    b.emit(Op::Jump, 0, 7);                                                     // 5
    b.emit(Op::Const, r, b.constant(20));                                       // 6
    b.emit(Op::Add, two, r, r);                                                 // 7
    b.emit(Op::Move, slot, two);                                                // 8 goes
    b.emit(Op::Ret, 0, slot);
    b.finish();
    const ir::Program before = b.program;

    optimizeIr(b.program);
    CHECK(ops(b.program) == std::vector<Op>{Op::Const, Op::Cmp, Op::JumpIfFalse, Op::Const,
                                            Op::Jump, Op::Const, Op::Add, Op::Ret});
    CHECK(b.program.code[1].dst == c);
    CHECK(b.program.code[2].b == 5);
    CHECK(b.program.code[4].a == 6);
    checkSameSlots(before, b.program);
}
