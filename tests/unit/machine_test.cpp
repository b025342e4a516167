// The IR interpreter on hand-built programs: no parser, no catalog files.
#include "runtime/eval/machine.hpp"

#include <doctest/doctest.h>

using namespace ydelse;
using ir::Instruction;
using ir::Op;

namespace {

// Builds one frame by hand. Registers from kInputCount on are free for the test.
struct Builder {
    ir::Program program;
    std::uint32_t nextRegister = ir::kInputCount + 4;

    std::uint32_t constant(const char* number, std::int64_t bits = 0) {
        ir::Value v;
        v.number = *Decimal::parse(number);
        v.bits = bits;
        program.constants.push_back(v);
        return static_cast<std::uint32_t>(program.constants.size() - 1);
    }
    std::uint32_t reg() { return nextRegister++; }
    void emit(Op op, std::uint32_t dst, std::uint32_t a = 0, std::uint32_t b = 0,
              std::uint32_t c = 0, std::uint8_t mode = 0) {
        program.code.push_back(Instruction{op, mode, dst, a, b, c, 0});
    }
    std::uint32_t here() const { return static_cast<std::uint32_t>(program.code.size()); }
    // Starts a definition; its code must end with Move(slot, r) and Ret.
    std::uint32_t beginDefinition(const char* name, std::uint32_t slot) {
        program.order.frame.definitions.push_back({name, here(), slot});
        return static_cast<std::uint32_t>(program.order.frame.definitions.size() - 1);
    }
    void endDefinition(std::uint32_t slot, std::uint32_t result) {
        emit(Op::Move, slot, result);
        emit(Op::Ret, 0, slot);
    }
};

struct Run {
    EvalState::FrameMemory memory;
    AppliedRules applied;
};

} // namespace

TEST_CASE("A-skat on a hovedkort: floor to 10 kr, minus fradrag, times rate, ceil to 1 kr") {
    Builder b;
    const std::uint32_t slot = ir::kInputCount;
    std::uint32_t def = b.beginDefinition("a_skat", slot);
    std::uint32_t income = b.reg(), ten = b.reg(), floored = b.reg(), fradrag = b.reg(),
                  base = b.reg(), zero = b.reg(), positive = b.reg(), rate = b.reg(),
                  tax = b.reg(), rounded = b.reg();
    b.emit(Op::Const, income, b.constant("12227"));
    b.emit(Op::Round, floored, income, 0, b.constant("10"), std::uint8_t(RoundingMode::Down));
    b.emit(Op::Const, fradrag, b.constant("4141"));
    b.emit(Op::Sub, base, floored, fradrag);
    b.emit(Op::Const, zero, b.constant("0"));
    b.emit(Op::Max, positive, zero, base);
    b.emit(Op::Const, rate, b.constant("0.37"));
    b.emit(Op::Mul, tax, rate, positive);
    b.emit(Op::Round, rounded, tax, 0, b.constant("1"), std::uint8_t(RoundingMode::Up));
    b.endDefinition(slot, rounded);
    (void)ten;
    b.program.order.frame.size = b.nextRegister;

    Run run;
    Machine::prepare(b.program.order.frame, run.memory);
    Machine m(b.program, b.program.order.frame, run.memory, run.applied);
    REQUIRE(m.force(def));
    CHECK(m.value(def).number == Decimal::fromInt(2990));
}

TEST_CASE("a branch not taken is never evaluated, so an unknown sats fails only when used") {
    Builder b;
    ir::Sats unknown;
    unknown.name = "UKENDT_SATS";
    unknown.intervals.push_back({*Date::parse("2020-01-01"), *Date::parse("2999-12-31"), false,
                                 Decimal{}, "ikke fundet"});
    b.program.satser.push_back(unknown);
    const std::uint32_t slot = ir::kInputCount;
    auto conditional = [&](bool condition) {
        std::uint32_t def = b.beginDefinition(condition ? "taken" : "not_taken",
                                              slot + (condition ? 0 : 1));
        std::uint32_t c = b.reg(), r = b.reg(), one = b.reg(), sats = b.reg();
        b.emit(Op::Const, c, b.constant("0", condition ? 1 : 0));
        std::uint32_t jump = b.here();
        b.emit(Op::JumpIfFalse, 0, c, 0);
        b.emit(Op::Const, one, b.constant("1"));
        b.emit(Op::Move, r, one);
        std::uint32_t toEnd = b.here();
        b.emit(Op::Jump, 0, 0);
        b.program.code[jump].b = b.here();
        b.emit(Op::Sats, sats, 0);
        b.emit(Op::Move, r, sats);
        b.program.code[toEnd].a = b.here();
        b.endDefinition(slot + (condition ? 0 : 1), r);
        return def;
    };
    std::uint32_t taken = conditional(true);
    std::uint32_t notTaken = conditional(false);
    b.program.order.frame.size = b.nextRegister;

    Run run;
    Machine::prepare(b.program.order.frame, run.memory);
    run.memory.registers[std::size_t(ir::Input::PeriodeFra)].bits =
        Date::parse("2026-01-01")->days();
    run.memory.registers[std::size_t(ir::Input::PeriodeTil)].bits =
        Date::parse("2026-01-31")->days();
    Machine m(b.program, b.program.order.frame, run.memory, run.applied);
    REQUIRE(m.force(taken));
    CHECK(m.value(taken).number == Decimal::fromInt(1));
    CHECK_FALSE(m.force(notTaken));
    CHECK(m.error().kode == "SATS_UKENDT");
    CHECK(m.error().besked.find("UKENDT_SATS") != std::string::npos);
    CHECK(m.error().besked.find("ikke fundet") != std::string::npos);
}

TEST_CASE("reading an order field the order lacks names the field") {
    Builder b;
    const std::uint32_t slot = ir::kInputCount;
    std::uint32_t def = b.beginDefinition("uge", slot);
    std::uint32_t r = b.reg();
    b.emit(Op::Input, r, std::uint32_t(ir::Input::ForsorgelseUge));
    b.endDefinition(slot, r);
    b.program.order.frame.size = b.nextRegister;

    Run run;
    Machine::prepare(b.program.order.frame, run.memory);
    Machine m(b.program, b.program.order.frame, run.memory, run.applied);
    CHECK_FALSE(m.force(def));
    CHECK(m.error().kode == "FELT_MANGLER");
    CHECK(m.error().felt == "forsørgelse.uge");

    run.memory.present |= 1u << unsigned(ir::Input::ForsorgelseUge);
    run.memory.registers[std::size_t(ir::Input::ForsorgelseUge)].number = Decimal::fromInt(30);
    Machine again(b.program, b.program.order.frame, run.memory, run.applied);
    REQUIRE(again.force(def));
    CHECK(again.value(def).number == Decimal::fromInt(30));
}

TEST_CASE("a definition is computed once per frame and its rule recorded once") {
    Builder b;
    b.program.rules.push_back({"regel", "1", "lov"});
    const std::uint32_t inner = ir::kInputCount, outer = ir::kInputCount + 1;
    std::uint32_t innerDef = b.beginDefinition("inner", inner);
    std::uint32_t r = b.reg();
    b.emit(Op::Applied, 0, 0);
    b.emit(Op::Const, r, b.constant("21"));
    b.endDefinition(inner, r);
    std::uint32_t outerDef = b.beginDefinition("outer", outer);
    std::uint32_t s = b.reg();
    b.emit(Op::Force, 0, innerDef);
    b.emit(Op::Force, 0, innerDef);
    b.emit(Op::Add, s, inner, inner);
    b.endDefinition(outer, s);
    b.program.order.frame.size = b.nextRegister;

    Run run;
    Machine::prepare(b.program.order.frame, run.memory);
    Machine m(b.program, b.program.order.frame, run.memory, run.applied);
    REQUIRE(m.force(outerDef));
    CHECK(m.value(outerDef).number == Decimal::fromInt(42));
    CHECK(run.applied.size() == 1);
}
