#include "runtime/eval/machine.hpp"

#include "runtime/eval/order_binder.hpp"
#include "runtime/ir/program_index.hpp"

#include <fmt/format.h>

namespace ydelse {
namespace {

// Inlined: cmp and icmp are among the most frequent instructions.
[[gnu::always_inline]] inline bool compare(std::strong_ordering order, ir::Comparison c) {
    switch (c) {
    case ir::Comparison::Lt: return order < 0;
    case ir::Comparison::Le: return order <= 0;
    case ir::Comparison::Gt: return order > 0;
    case ir::Comparison::Ge: return order >= 0;
    case ir::Comparison::Eq: return order == 0;
    case ir::Comparison::Ne: return order != 0;
    }
    return false;
}

std::string periodText(const ir::Value& fra, const ir::Value& til) {
    return fmt::format("{} til {}", Date::fromDays(static_cast<std::int32_t>(fra.bits)).toString(),
                       Date::fromDays(static_cast<std::int32_t>(til.bits)).toString());
}

} // namespace

// Only the frame's own inputs (grundlag and its presence flags, line sums, the A-skat share),
// which lie between the order's inputs and the first definition, must start at zero: an absent
// grundlag field is read as "not present". The order's inputs are read only when their
// `present` bit is set, a definition's register only once it is done, and the compiler writes
// every temporary before reading it. Clearing the whole frame (some 4 KB) was 5 % of an order.
void Machine::prepare(const ir::Frame& frame, EvalState::FrameMemory& memory) {
    const std::uint32_t begin = std::min<std::uint32_t>(frame.size, ir::kInputCount);
    // Derived once per program; a program built by hand and never indexed (tests) works it out.
    const std::uint32_t lowest =
        frame.inputsEnd != ir::kNone ? frame.inputsEnd : ir::lowestDefinitionSlot(frame);
    const std::uint32_t end = std::max(begin, std::min(lowest, frame.size));
    // Grow only: one memory serves the frames of different ydelser in turn, and shrinking
    // then growing again would zero the whole tail each time. Registers past the frame's size
    // are never read.
    if (memory.registers.size() < frame.size) {
        memory.registers.resize(frame.size);
    }
    std::fill(memory.registers.begin() + begin, memory.registers.begin() + end, ir::Value{});
    if (memory.done.size() < frame.definitions.size()) {
        memory.done.resize(frame.definitions.size());
    }
    std::fill_n(memory.done.begin(), frame.definitions.size(), 0);
    memory.present = 0;
}

bool Machine::fail(std::string kode, std::string felt, std::string besked) {
    error_ = {std::move(kode), std::move(felt), std::move(besked)};
    return false;
}

bool Machine::compute(std::uint32_t def) {
    constexpr std::uint8_t kInProgress = 2;
    // The compiler refuses cyclic definitions; this guards a program loaded from a file.
    if (memory_.done[def] == kInProgress) {
        return fail("INTERN_FEJL", "", "kataloget har en definition, der afhænger af sig selv");
    }
    memory_.done[def] = kInProgress;
    if (!run(frame_.definitions[def].codeBegin)) {
        memory_.done[def] = 0;
        return false;
    }
    memory_.done[def] = 1;
    return true;
}

// One pass over the order's claims, each in the claim frame: bounded by the number of claims,
// and never nested (the compiler refuses an aggregate inside a claim's own scope).
bool Machine::aggregate(std::uint32_t index, ir::Value& out) {
    if (claims_ == nullptr || claims_->order == nullptr || claims_->scratch == nullptr) {
        return fail("INTERN_FEJL", "", "en sum over fordringerne blev beregnet uden ordrens fordringer");
    }
    const ir::ClaimAggregate& agg = program_.claimAggregates[index];
    const ir::Frame& frame = program_.order.claimFrame;
    Decimal sum;
    std::int64_t count = 0;
    for (const Claim& claim : claims_->order->fordringer) {
        EvalState::FrameMemory& memory = *claims_->scratch;
        prepare(frame, memory);
        loadOrderInputs(*claims_->order, memory);
        loadClaimInputs(claim, memory);
        Machine inner(program_, frame, memory, applied_);
        if (agg.filter != ir::kNone) {
            if (!inner.force(agg.filter)) {
                error_ = inner.error();
                return false;
            }
            if (inner.value(agg.filter).bits == 0) {
                continue;
            }
        }
        ++count;
        if (agg.kind == ir::AggregateKind::Findes) {
            break;
        }
        if (agg.value != ir::kNone) {
            if (!inner.force(agg.value)) {
                error_ = inner.error();
                return false;
            }
            sum += inner.value(agg.value).number;
        }
    }
    out = ir::Value{};
    switch (agg.kind) {
    case ir::AggregateKind::Sum: out.number = sum; break;
    case ir::AggregateKind::Antal: out.number = Decimal::fromInt(count); break;
    case ir::AggregateKind::Findes: out.bits = count > 0 ? 1 : 0; break;
    }
    return true;
}

// The sats in force on periode.fra (P12), provided the period does not straddle a change.
bool Machine::lookupSats(std::uint32_t index, ir::Value& out) {
    const ir::Sats& sats = program_.satser[index];
    const auto& regs = memory_.registers;
    const ir::Value& fraValue = regs[static_cast<std::size_t>(ir::Input::PeriodeFra)];
    const ir::Value& tilValue = regs[static_cast<std::size_t>(ir::Input::PeriodeTil)];
    const Date fra = Date::fromDays(static_cast<std::int32_t>(fraValue.bits));
    const Date til = Date::fromDays(static_cast<std::int32_t>(tilValue.bits));
    const ir::SatsInterval* first = nullptr;
    const ir::SatsInterval* change = nullptr; // a later interval in the period that differs
    bool periodCovered = false;
    for (const ir::SatsInterval& in : sats.intervals) {
        if (in.from <= fra && fra <= in.to) {
            first = &in;
        } else if (first != nullptr && in.from <= til && change == nullptr &&
                   (!in.known || !(in.value == first->value))) {
            change = &in;
        }
        periodCovered = periodCovered || (in.from <= til && til <= in.to);
    }
    if (first == nullptr) {
        return fail("SATS_UKENDT", "periode",
                    fmt::format("satsen {} har ingen værdi for perioden {}", sats.name,
                                periodText(fraValue, tilValue)));
    }
    if (!first->known) {
        return fail("SATS_UKENDT", "periode",
                    fmt::format("satsen {} er ikke kendt for perioden {}: {}", sats.name,
                                periodText(fraValue, tilValue), first->note));
    }
    if (change != nullptr || !periodCovered) {
        return fail("SATS_SKIFTER_I_PERIODEN", "periode",
                    fmt::format("satsen {} skifter den {} inden for perioden {}; perioden skal "
                                "deles ved skiftet",
                                sats.name,
                                change != nullptr ? change->from.toString()
                                                  : first->to.plusDays(1).toString(),
                                periodText(fraValue, tilValue)));
    }
    out.number = first->value;
    return true;
}

bool Machine::run(std::uint32_t pc) {
    // Raw pointers: neither vector changes size while a frame runs, and the compiler would
    // otherwise reload their data pointers after every store to a register.
    ir::Value* const r = memory_.registers.data();
    const ir::Instruction* const code = program_.code.data();
    const ir::Value* const constants = program_.constants.data();
    for (;;) {
        const ir::Instruction& in = code[pc++];
        switch (in.op) {
        case ir::Op::Const:
            r[in.dst] = constants[in.a];
            break;
        case ir::Op::Input:
            if ((memory_.present & (1u << in.a)) == 0) {
                const auto input = static_cast<ir::Input>(in.a);
                const bool card = input >= ir::Input::SkattekortType;
                const bool cardMissing =
                    card && (memory_.present &
                             (1u << static_cast<unsigned>(ir::Input::SkattekortType))) == 0;
                std::string felt(cardMissing ? "skattekort" : ir::inputFieldName(input));
                return fail("FELT_MANGLER", felt,
                            cardMissing ? "ordren har intet skattekort, men ydelsen er "
                                          "A-indkomst og skal beskattes"
                                        : fmt::format("ordren mangler feltet {}, som kataloget "
                                                      "skal bruge her",
                                                      felt));
            }
            r[in.dst] = r[in.a];
            break;
        case ir::Op::Present:
            r[in.dst].bits = (memory_.present >> in.a) & 1u;
            break;
        case ir::Op::Sats:
            if (!lookupSats(in.a, r[in.dst])) {
                return false;
            }
            break;
        case ir::Op::Force:
            // Most forces find the definition already computed.
            if (memory_.done[in.a] != 1 && !compute(in.a)) {
                return false;
            }
            break;
        case ir::Op::Move:
            r[in.dst] = r[in.a];
            break;
        case ir::Op::Add:
            r[in.dst].number = r[in.a].number + r[in.b].number;
            break;
        case ir::Op::Sub:
            r[in.dst].number = r[in.a].number - r[in.b].number;
            break;
        case ir::Op::Mul:
            r[in.dst].number = r[in.a].number * r[in.b].number;
            break;
        case ir::Op::Neg:
            r[in.dst].number = -r[in.a].number;
            break;
        case ir::Op::Max:
            r[in.dst].number = max(r[in.a].number, r[in.b].number);
            break;
        case ir::Op::Min:
            r[in.dst].number = min(r[in.a].number, r[in.b].number);
            break;
        case ir::Op::Round:
            r[in.dst].number = r[in.a].number.roundTo(constants[in.c].number,
                                                      static_cast<RoundingMode>(in.mode));
            break;
        case ir::Op::DivRound:
            if (r[in.b].number.isZero()) {
                return fail("DIVISION_MED_NUL", "",
                            "kataloget dividerer med nul for denne ordre");
            }
            r[in.dst].number =
                Decimal::divideRound(r[in.a].number, r[in.b].number,
                                     constants[in.c].number,
                                     static_cast<RoundingMode>(in.mode));
            break;
        case ir::Op::Cmp:
            r[in.dst].bits = compare(r[in.a].number <=> r[in.b].number,
                                     static_cast<ir::Comparison>(in.mode));
            break;
        case ir::Op::ICmp:
            r[in.dst].bits = compare(r[in.a].bits <=> r[in.b].bits,
                                     static_cast<ir::Comparison>(in.mode));
            break;
        case ir::Op::Not:
            r[in.dst].bits = r[in.a].bits == 0 ? 1 : 0;
            break;
        case ir::Op::Jump:
            pc = in.a;
            break;
        case ir::Op::JumpIfFalse:
            if (r[in.a].bits == 0) {
                pc = in.b;
            }
            break;
        case ir::Op::JumpIfTrue:
            if (r[in.a].bits != 0) {
                pc = in.b;
            }
            break;
        case ir::Op::FullMonth: {
            const std::int64_t p = r[in.a].bits;
            Period period{Date::fromDays(static_cast<std::int32_t>(p >> 32)),
                          Date::fromDays(static_cast<std::int32_t>(p & 0xFFFFFFFF))};
            r[in.dst].bits = period.isCalendarMonth() ? 1 : 0;
            break;
        }
        case ir::Op::Year:
            r[in.dst].number =
                Decimal::fromInt(Date::fromDays(static_cast<std::int32_t>(r[in.a].bits)).year());
            break;
        case ir::Op::Applied:
            applied_.add(in.a);
            break;
        case ir::Op::Fail: {
            const ir::Failure& f = program_.failures[in.a];
            return fail(f.kode, f.felt, f.besked);
        }
        case ir::Op::Need:
            if (r[in.a].bits == 0) {
                const ir::Failure& f = program_.failures[in.b];
                return fail(f.kode, f.felt, f.besked);
            }
            break;
        case ir::Op::Claims:
            if (!aggregate(in.a, r[in.dst])) {
                return false;
            }
            break;
        case ir::Op::AddYears: {
            const Decimal& years = r[in.b].number;
            if (!years.isInteger() || years > Decimal::fromInt(1000) ||
                years < Decimal::fromInt(-1000)) {
                return fail("BEREGNINGSFEJL", "",
                            fmt::format("kan ikke lægge {} år til en dato", years.toString()));
            }
            const Date d = Date::fromDays(static_cast<std::int32_t>(r[in.a].bits));
            r[in.dst].bits = d.plusYears(static_cast<int>(years.toInt64())).days();
            break;
        }
        case ir::Op::Weeks: {
            const std::int64_t p = r[in.a].bits;
            Period period{Date::fromDays(static_cast<std::int32_t>(p >> 32)),
                          Date::fromDays(static_cast<std::int32_t>(p & 0xFFFFFFFF))};
            r[in.dst].number = Decimal::fromInt(period.calendarWeeksTouched());
            break;
        }
        case ir::Op::Ret:
            return true;
        }
    }
}

} // namespace ydelse
