// One effektueringsordre, start to end. The catalog computes every amount; this file supplies
// the generic mechanics around it: bind the order, run each line's frame, sum, run the order's
// frame, derive netto as what is left after withholding, hold back without NemKonto, emit lines,
// eIndkomst, refusion and postings, and assert that the postings balance.
#include "runtime/eval/evaluator.hpp"

#include "runtime/eval/machine.hpp"
#include "runtime/eval/order_binder.hpp"
#include "runtime/eval/postings.hpp"
#include "runtime/explain/explainer.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace ydelse {
namespace {

using ir::LineAmount;

const OrderError kBadAccount{"INTERN_FEJL", "", "en konteringsregel peger på en ukendt konto"};

struct LineResult {
    const ir::Ydelse* ydelse = nullptr;
    std::array<Decimal, ir::kLineAmountCount> amounts;
};

const Decimal& amountOf(const LineResult& line, LineAmount a) {
    return line.amounts[static_cast<std::size_t>(a)];
}

class OrderRun {
public:
    OrderRun(const ir::Program& program, const Order& order, EvalState& state, Result& result,
             EvalOptions options)
        : program_(program), order_(order), state_(state), result_(result), options_(options) {}

    bool run();
    std::vector<OrderError> errors;

private:
    bool evaluateLine(std::size_t index);
    bool evaluateOrder();
    bool emitEIncome(std::size_t index);
    bool post(PostingBook& book);
    bool checkWholeOre();
    void emitLines();
    bool failWith(const OrderError& e) {
        errors.push_back(e);
        return false;
    }
    // A line's error about its own grundlag names the line, as the contract's field paths do.
    bool failLine(std::size_t index, OrderError e) {
        if (e.felt.rfind("grundlag.", 0) == 0) {
            e.felt = fmt::format("ydelser[{}].{}", index, e.felt);
        }
        return failWith(e);
    }

    const ir::Program& program_;
    const Order& order_;
    EvalState& state_;
    Result& result_;
    EvalOptions options_;
    std::vector<LineResult> lines_;
    std::size_t orderFrameIndex_ = 0;
};

bool OrderRun::evaluateLine(std::size_t index) {
    const OrderLine& line = order_.ydelser[index];
    const ir::Ydelse& y = program_.ydelser[program_.findYdelse(line.ydelse)];
    EvalState::FrameMemory& memory = state_.frame(index);
    Machine::prepare(y.frame, memory);
    loadOrderInputs(order_, memory);
    loadGrundlag(program_, y, line, memory);
    Machine machine(program_, y.frame, memory, state_.appliedRules());
    state_.appliedRules().push_back(y.rule);

    bool requirementsMet = true;
    for (const ir::Requirement& req : y.requirements) {
        if (!machine.force(req.definition)) {
            return failLine(index, machine.error());
        }
        if (machine.value(req.definition).bits == 0) {
            OrderError e{req.kode, req.felt, req.besked};
            if (e.felt.rfind("grundlag.", 0) == 0) {
                e.felt = fmt::format("ydelser[{}].{}", index, e.felt);
            }
            errors.push_back(std::move(e));
            requirementsMet = false;
        }
    }
    if (!requirementsMet) {
        return false;
    }
    LineResult out;
    out.ydelse = &y;
    for (std::size_t a = 0; a < ir::kLineAmountCount; ++a) {
        if (!machine.force(y.amounts[a])) {
            return failLine(index, machine.error());
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
    lines_.push_back(std::move(out));
    return true;
}

bool OrderRun::evaluateOrder() {
    const ir::OrderBlock& block = program_.order;
    orderFrameIndex_ = order_.ydelser.size();
    EvalState::FrameMemory& memory = state_.frame(orderFrameIndex_);
    Machine::prepare(block.frame, memory);
    loadOrderInputs(order_, memory);
    Amounts& sum = result_.belob;
    for (std::size_t a = 0; a < ir::kLineAmountCount; ++a) {
        Decimal total;
        for (const LineResult& line : lines_) {
            total += line.amounts[a];
        }
        memory.registers[block.sumSlots[a]].number = total;
    }
    for (const LineResult& line : lines_) {
        sum.brutto += amountOf(line, LineAmount::Brutto);
        sum.atpEgen += amountOf(line, LineAmount::AtpEgen);
        sum.atpKommune += amountOf(line, LineAmount::AtpKommune);
        sum.amBidrag += amountOf(line, LineAmount::AmBidrag);
        sum.aIndkomst += amountOf(line, LineAmount::AIndkomst);
        sum.opBidrag += amountOf(line, LineAmount::OpBidrag);
        sum.refusion += amountOf(line, LineAmount::Refusion);
    }
    Machine machine(program_, block.frame, memory, state_.appliedRules());
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
    // Netto is what is left of brutto after the withholdings, in P1's order.
    Decimal netto = sum.brutto - sum.atpEgen - sum.amBidrag - sum.aSkat - sum.modregning;
    if (netto.isNegative()) {
        return failWith({"NEGATIV_NETTO", "",
                         fmt::format("trækkene ({} kr) overstiger bruttobeløbet ({} kr)",
                                     (sum.brutto - netto).toString(2), sum.brutto.toString(2))});
    }
    if (order_.modtager.nemkonto) {
        sum.netto = netto;
        result_.status = ResultStatus::Effektueret;
    } else {
        sum.tilbageholdt = netto;
        result_.status = ResultStatus::Tilbageholdt;
    }
    return true;
}

bool OrderRun::emitEIncome(std::size_t index) {
    const LineResult& line = lines_[index];
    const ir::Ydelse& y = *line.ydelse;
    EvalState::FrameMemory& memory = state_.frame(index);
    // One line: its share of the order's A-skat is all of it (several lines are refused for now).
    memory.registers[y.aSkatShareSlot].number = result_.belob.aSkat;
    Machine machine(program_, y.frame, memory, state_.appliedRules());
    for (const ir::EIncomeRule& rule : y.eindkomst) {
        if (!machine.force(rule.definition)) {
            return failLine(index, machine.error());
        }
        const Decimal& amount = machine.value(rule.definition).number;
        if (!amount.isWholeOre()) {
            return failWith({"AFRUNDING_MANGLER", "",
                             fmt::format("eIndkomst felt {} for {} er {} kr og ikke afrundet til "
                                         "hele øre; kataloget skal afrunde det",
                                         rule.felt, y.code, amount.toString())});
        }
        if (amount.isZero()) {
            continue;
        }
        auto same = std::find_if(result_.eindkomst.begin(), result_.eindkomst.end(),
                                 [&](const EIncomeLine& e) {
                                     return e.indkomsttype == y.indkomsttype && e.felt == rule.felt;
                                 });
        if (same != result_.eindkomst.end()) {
            same->belob += amount;
        } else {
            result_.eindkomst.push_back({y.indkomsttype, rule.felt, amount});
        }
    }
    return true;
}

bool OrderRun::post(PostingBook& book) {
    const std::string month = order_.periode.from.toString().substr(0, 7);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        const LineResult& line = lines_[i];
        const ir::Ydelse& y = *line.ydelse;
        Machine machine(program_, y.frame, state_.frame(i), state_.appliedRules());
        const std::string tekst = fmt::format("{} {}", y.navn, month);
        bool posted = false;
        for (const ir::PostingRule& rule : y.frame.postings) {
            static constexpr LineAmount kAmountOfArt[] = {
                LineAmount::Brutto,   LineAmount::AtpEgen,  LineAmount::AtpKommune,
                LineAmount::AmBidrag, LineAmount::OpBidrag, LineAmount::Refusion};
            const Decimal& amount = amountOf(line, kAmountOfArt[static_cast<std::size_t>(rule.art)]);
            if (amount.isZero()) {
                continue;
            }
            if (!machine.force(rule.debit) || !machine.force(rule.credit)) {
                return failLine(i, machine.error());
            }
            if (!book.post(static_cast<std::uint32_t>(machine.value(rule.debit).bits),
                           static_cast<std::uint32_t>(machine.value(rule.credit).bits), amount,
                           tekst)) {
                return failWith(kBadAccount);
            }
            posted = true;
        }
        if (posted && y.frame.postingRule != ir::kNone) {
            state_.appliedRules().push_back(y.frame.postingRule);
        }
    }
    const ir::Frame& frame = program_.order.frame;
    Machine machine(program_, frame, state_.frame(orderFrameIndex_), state_.appliedRules());
    const Amounts& sum = result_.belob;
    const std::string tekst = fmt::format("Udbetaling {}", month);
    for (const ir::PostingRule& rule : frame.postings) {
        const Decimal* amount = nullptr;
        switch (rule.art) {
        case ir::PostingArt::ASkat: amount = &sum.aSkat; break;
        case ir::PostingArt::Modregning: amount = &sum.modregning; break;
        case ir::PostingArt::Netto: amount = &sum.netto; break;
        case ir::PostingArt::Tilbageholdt: amount = &sum.tilbageholdt; break;
        default: continue; // line arts are not allowed here (sema K504)
        }
        if (amount->isZero()) {
            continue;
        }
        if (!machine.force(rule.debit) || !machine.force(rule.credit)) {
            return failWith(machine.error());
        }
        if (!book.post(static_cast<std::uint32_t>(machine.value(rule.debit).bits),
                       static_cast<std::uint32_t>(machine.value(rule.credit).bits), *amount,
                       tekst)) {
            return failWith(kBadAccount);
        }
    }
    if (!book.balanced()) {
        return failWith({"INTERN_UBALANCE", "",
                         "konteringerne balancerer ikke; ordren er ikke effektueret"});
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
                                  amountOf(line, LineAmount::Brutto)});
    }
    auto add = [&](LineArt art, const Decimal& amount) {
        if (!amount.isZero()) {
            result_.linjer.push_back({art, {}, {}, {}, amount});
        }
    };
    add(LineArt::AtpEgen, sum.atpEgen);
    add(LineArt::AmBidrag, sum.amBidrag);
    add(LineArt::ASkat, sum.aSkat);
    add(LineArt::Modregning, sum.modregning);
    add(LineArt::Tilbageholdt, sum.tilbageholdt);
    result_.linjer.push_back({LineArt::Netto, {}, {}, {}, sum.netto});

    for (const LineResult& line : lines_) {
        const Decimal& amount = amountOf(line, LineAmount::Refusion);
        if (amount.isZero()) {
            continue;
        }
        const Decimal& fraction = amountOf(line, LineAmount::RefusionProcent);
        result_.refusion.push_back({line.ydelse->code,
                                    Decimal(fraction.mantissa(), fraction.scale() - 2).normalized(),
                                    amountOf(line, LineAmount::RefusionGrundlag), amount});
    }
}

bool OrderRun::run() {
    errors = bindOrder(program_, order_);
    if (!errors.empty()) {
        return false;
    }
    for (std::size_t i = 0; i < order_.ydelser.size(); ++i) {
        if (!evaluateLine(i)) {
            return false;
        }
    }
    if (!evaluateOrder() || !checkWholeOre()) {
        return false;
    }
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        if (!emitEIncome(i)) {
            return false;
        }
    }
    PostingBook book(program_, order_.kommune);
    if (!post(book)) {
        return false;
    }
    result_.konteringer = book.take();
    emitLines();
    // By rule, not by name: an undtagelse may share a name with another rule.
    std::vector<std::uint32_t> listed;
    for (std::uint32_t rule : state_.appliedRules()) {
        if (std::find(listed.begin(), listed.end(), rule) != listed.end()) {
            continue;
        }
        listed.push_back(rule);
        const ir::Rule& r = program_.rules[rule];
        result_.regler.push_back({r.name, r.version, r.lovgrundlag});
    }
    if (options_.explain) {
        std::vector<explain::LineFrame> frames;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            frames.push_back({lines_[i].ydelse, &state_.frame(i)});
        }
        explain::explainResult(program_, frames, state_.frame(orderFrameIndex_), result_);
    }
    return true;
}

} // namespace

Result evaluate(const ir::Program& program, const Order& order, EvalState& state,
                EvalOptions options) {
    Result result;
    result.ordreId = order.ordreId;
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
        Result rejected;
        rejected.ordreId = order.ordreId;
        rejected.status = ResultStatus::Afvist;
        rejected.fejl = std::move(run.errors);
        return rejected;
    }
    return result;
}

} // namespace ydelse
