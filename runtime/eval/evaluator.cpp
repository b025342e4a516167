// One effektueringsordre, start to end: bind the order, run each line's frame, then either a
// payout (tax on the sum of the lines, modregning, netto or hold-back) or a correction
// (correction.cpp), then eIndkomst, postings, payout lines and the audit list.
#include "runtime/eval/evaluator.hpp"

#include "runtime/eval/order_binder.hpp"
#include "runtime/eval/order_run.hpp"
#include "runtime/explain/explainer.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace ydelse {

using ir::LineAmount;

bool OrderRun::failLine(std::size_t index, OrderError e) {
    // A line's error about its own grundlag names the line, as the contract's field paths do.
    if (e.felt.rfind("grundlag.", 0) == 0) {
        e.felt = fmt::format("ydelser[{}].{}", index, e.felt);
    }
    return failWith(e);
}

bool OrderRun::readAmounts(Machine& machine, LineResult& out) {
    const ir::Ydelse& y = *out.ydelse;
    for (std::size_t a = 0; a < ir::kLineAmountCount; ++a) {
        if (!machine.force(y.amounts[a])) {
            return failLine(out.index, machine.error());
        }
        out.amounts[a] = machine.value(y.amounts[a]).number;
        // The result's amounts are never negative (contract); a catalog that computes one has
        // a fault this order exposes, and paying it would invert postings silently.
        if (out.amounts[a].isNegative()) {
            return failWith({"NEGATIVT_BELØB", "",
                             fmt::format("kataloget beregner {} = {} kr for {}; et beløb kan "
                                         "ikke være negativt",
                                         ir::lineAmountName(static_cast<LineAmount>(a)),
                                         out.amounts[a].toString(), y.code)});
        }
    }
    return true;
}

bool OrderRun::evaluateLine(std::size_t index) {
    const ir::Ydelse& y = program_.ydelser[state_.scratch().grundlag.ydelse[index]];
    EvalState::FrameMemory& memory = state_.frame(index);
    Machine::prepare(y.frame, memory);
    loadOrderInputs(order_, memory);
    loadGrundlag(y, state_.scratch().grundlag, index, memory);
    Machine machine(program_, y.frame, memory, state_.appliedRules(), &claims_);
    state_.appliedRules().add(y.rule);

    bool requirementsMet = true;
    for (const ir::Requirement& req : y.requirements) {
        if (!machine.force(req.definition)) {
            return failLine(index, machine.error());
        }
        if (machine.value(req.definition).bits == 0) {
            failLine(index, {req.kode, req.felt, req.besked});
            requirementsMet = false;
        }
    }
    if (!requirementsMet) {
        return false;
    }
    LineResult out;
    out.ydelse = &y;
    out.index = index;
    if (!readAmounts(machine, out)) {
        return false;
    }
    lines_.push_back(out);
    return true;
}

// The order's frame: the line sums as inputs, A-skat of the sum of A-indkomst (P1, P3).
bool OrderRun::taxOrder() {
    const ir::OrderBlock& block = program_.order;
    EvalState::FrameMemory& memory = state_.frame(orderFrameIndex());
    Machine::prepare(block.frame, memory);
    loadOrderInputs(order_, memory);
    Amounts& sum = result_.belob;
    sum = Amounts{};
    for (std::size_t a = 0; a < ir::kLineAmountCount; ++a) {
        Decimal total;
        for (const LineResult& line : lines_) {
            total += line.amounts[a];
        }
        memory.registers[block.sumSlots[a]].number = total;
    }
    for (const LineResult& line : lines_) {
        sum.brutto += line.amount(LineAmount::Brutto);
        sum.atpEgen += line.amount(LineAmount::AtpEgen);
        sum.atpKommune += line.amount(LineAmount::AtpKommune);
        sum.amBidrag += line.amount(LineAmount::AmBidrag);
        sum.aIndkomst += line.amount(LineAmount::AIndkomst);
        sum.opBidrag += line.amount(LineAmount::OpBidrag);
        sum.refusion += line.amount(LineAmount::Refusion);
    }
    Machine machine(program_, block.frame, memory, state_.appliedRules(), &claims_);
    if (!machine.force(block.aSkat)) {
        return failWith(machine.error());
    }
    sum.aSkat = machine.value(block.aSkat).number;
    if (sum.aSkat.isNegative()) {
        return failWith({"NEGATIVT_BELØB", "",
                         fmt::format("kataloget beregner a_skat = {} kr; et beløb kan ikke være "
                                     "negativt",
                                     sum.aSkat.toString())});
    }
    return true;
}

// Netto is what is left of brutto after the withholdings, in P1's order; modregning takes from
// it (also when the payout is held back), and the rest is paid or held back.
bool OrderRun::settle() {
    Amounts& sum = result_.belob;
    const Decimal available = sum.brutto - sum.atpEgen - sum.amBidrag - sum.aSkat;
    if (available.isNegative()) {
        return failWith({"NEGATIV_NETTO", "",
                         fmt::format("trækkene ({} kr) overstiger bruttobeløbet ({} kr)",
                                     (sum.brutto - available).toString(2),
                                     sum.brutto.toString(2))});
    }
    if (!offsetClaims(available)) {
        return false;
    }
    const Decimal netto = available - sum.modregning;
    if (order_.modtager.nemkonto) {
        sum.netto = netto;
        result_.status = ResultStatus::Effektueret;
    } else {
        sum.tilbageholdt = netto;
        result_.status = ResultStatus::Tilbageholdt;
    }
    return true;
}

// Every reported amount must be whole øre; the catalog rounds, the runtime never does.
bool OrderRun::checkWholeOre() {
    for (const LineResult& line : lines_) {
        for (std::size_t a = 0; a < ir::kLineAmountCount; ++a) {
            const auto amount = static_cast<LineAmount>(a);
            if (amount == LineAmount::RefusionProcent) {
                continue;
            }
            if (!line.amounts[a].isWholeOre()) {
                return failWith({"AFRUNDING_MANGLER", "",
                                 fmt::format("{} for {} er {} kr og ikke afrundet til hele øre; "
                                             "kataloget skal afrunde det",
                                             ir::lineAmountName(amount), line.ydelse->code,
                                             line.amounts[a].toString())});
            }
        }
    }
    if (!result_.belob.aSkat.isWholeOre()) {
        return failWith({"AFRUNDING_MANGLER", "", "a_skat er ikke afrundet til hele øre"});
    }
    return true;
}

void OrderRun::emitLines() {
    const Amounts& sum = result_.belob;
    for (const LineResult& line : lines_) {
        result_.linjer.push_back({LineArt::Brutto, line.ydelse->code, line.ydelse->lovgrundlag, {},
                                  repayment_ ? Decimal{} : line.amount(LineAmount::Brutto)});
    }
    auto add = [&](LineArt art, const Decimal& amount) {
        if (!amount.isZero()) {
            result_.linjer.push_back({art, {}, {}, {}, amount});
        }
    };
    add(LineArt::AtpEgen, sum.atpEgen);
    add(LineArt::AmBidrag, sum.amBidrag);
    add(LineArt::ASkat, sum.aSkat);
    for (const Offset& o : result_.modregninger) {
        result_.linjer.push_back({LineArt::Modregning, {}, {}, o.fordring, o.rente + o.hovedstol});
    }
    add(LineArt::Tilbageholdt, sum.tilbageholdt);
    result_.linjer.push_back({LineArt::Netto, {}, {}, {}, sum.netto});
    if (repayment_) {
        return; // nothing was paid, so the kommune claims no refusion
    }
    for (const LineResult& line : lines_) {
        const Decimal& amount = line.amount(LineAmount::Refusion);
        if (amount.isZero()) {
            continue;
        }
        const Decimal& fraction = line.amount(LineAmount::RefusionProcent);
        result_.refusion.push_back({line.ydelse->code,
                                    Decimal(fraction.mantissa(), fraction.scale() - 2).normalized(),
                                    line.amount(LineAmount::RefusionGrundlag), amount});
    }
}

void OrderRun::listAppliedRules() {
    // By rule, not by name: an undtagelse may share a name with another rule.
    for (std::uint32_t rule : state_.appliedRules().list()) {
        const ir::Rule& r = program_.rules[rule];
        result_.regler.push_back({r.name, r.version, r.lovgrundlag});
    }
}

bool OrderRun::run() {
    if (program_.index == nullptr) {
        return failWith({"INTERN_FEJL", "",
                         "kataloget er ikke gjort klar til beregning (ir::indexProgram)"});
    }
    bindOrder(program_, order_, state_.scratch().grundlag, errors);
    if (!errors.empty()) {
        return false;
    }
    for (std::size_t i = 0; i < order_.ydelser.size(); ++i) {
        if (!evaluateLine(i)) {
            return false;
        }
    }
    bool repaid = false;
    if (order_.korrektion && !correct(repaid)) {
        return false;
    }
    if (!repaid && (!taxOrder() || !settle())) {
        return false;
    }
    if (!checkWholeOre() || !emitEIncome()) {
        return false;
    }
    PostingBook book(*program_.index, order_.kommune, result_.konteringer,
                     state_.scratch().postingAccounts, state_.scratch().postingLines);
    if (!(repayment_ ? postRepayment(book) : post(book))) {
        return false;
    }
    emitLines();
    listAppliedRules();
    if (options_.explain) {
        // Read back from the frames' registers: a correction's line frame holds the differences
        // it paid or reversed, so the explanation shows those.
        explain::explainResult(program_, lines_, state_, orderFrameIndex(), result_);
    }
    return true;
}

namespace {

// Empties every list of `result` but keeps its capacity: this is what lets a reused Result be
// refilled without allocating.
void clearKeepingCapacity(Result& result) {
    result.belob = Amounts{};
    result.linjer.clear();
    result.modregninger.clear();
    result.konteringer.clear();
    result.fordringerOprettet.clear();
    result.eindkomst.clear();
    result.refusion.clear();
    result.regler.clear();
    result.fejl.clear();
    Explanation& ex = result.forklaring;
    ex.belob.clear();
    ex.trin.clear();
    ex.trinListe.clear();
    ex.regelListe.clear();
    ex.kaldListe.clear();
    ex.satsListe.clear();
    ex.inputListe.clear();
}

} // namespace

void evaluate(const ir::Program& program, const Order& order, EvalState& state, Result& result,
              EvalOptions options) {
    clearKeepingCapacity(result);
    result.ordreId = order.ordreId; // assigning keeps the string's buffer
    result.status = ResultStatus::Afvist;
    result.katalogHash = program.hash;
    result.katalogVersion = program.version;
    result.modtager = order.modtager;
    result.periode = order.periode;
    result.udbetalingsdato = order.udbetalingsdato;
    state.appliedRules().clear();

    OrderRun run(program, order, state, result, options);
    bool ok = false;
    try {
        ok = run.run();
    } catch (const std::overflow_error&) {
        run.errors.push_back({"BELØB_OVERLØB", "",
                              "et beløb i beregningen er for stort til at regne med præcist"});
    } catch (const std::domain_error& e) {
        run.errors.push_back({"BEREGNINGSFEJL", "", e.what()});
    }
    if (!ok) {
        // A rejected order's result holds its id and errors, nothing else (as a fresh Result).
        clearKeepingCapacity(result);
        result.status = ResultStatus::Afvist;
        result.katalogHash = {};
        result.katalogVersion = {};
        result.modtager.type = Recipient{}.type;
        result.modtager.nummer.clear();
        result.modtager.nemkonto = Recipient{}.nemkonto;
        result.periode = Period{};
        result.udbetalingsdato = Date{};
        result.fejl = std::move(run.errors);
    }
}

} // namespace ydelse
