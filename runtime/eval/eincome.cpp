// eIndkomst lines (domain P10). Each ydelse's catalog says which fields it reports; the order's
// A-skat is one amount for all lines, so felt 15 is shared out between the indkomsttyper of the
// order pro rata to their A-indkomst, in whole kroner rounded down, the remainder to the largest
// share. A nettokrav reports the correction as negative amounts in the same fields (P8).
#include "runtime/eval/order_run.hpp"

#include <fmt/format.h>

namespace ydelse {

using ir::LineAmount;

bool OrderRun::emitLineEIncome(const LineResult& line, const Decimal& aSkatShare) {
    const ir::Ydelse& y = *line.ydelse;
    EvalState::FrameMemory& memory = state_.frame(line.index);
    memory.registers[y.aSkatShareSlot].number = aSkatShare;
    Machine machine(program_, y.frame, memory, state_.appliedRules(), &claims_);
    for (const ir::EIncomeRule& rule : y.eindkomst) {
        if (!machine.force(rule.definition)) {
            return failLine(line.index, machine.error());
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

bool OrderRun::emitEIncome() {
    if (repayment_) {
        if (repayment_->kind != ir::ClaimKind::Nettokrav) {
            return true; // a bruttokrav is settled in the closed income year's own return
        }
        // The fields the ydelse reports, on the (negative) differences its frame now holds.
        return emitLineEIncome(lines_[0], repayment_->dASkat);
    }

    // The A-indkomst of each indkomsttype, in the order the types first appear.
    using TypeShare = EvalState::IncomeTypeShare;
    std::vector<TypeShare>& types = state_.scratch().incomeTypes;
    types.clear();
    for (const LineResult& line : lines_) {
        if (!line.ydelse->aIndkomst) {
            continue;
        }
        auto it = std::find_if(types.begin(), types.end(), [&](const TypeShare& t) {
            return t.type == line.ydelse->indkomsttype;
        });
        if (it == types.end()) {
            types.push_back({line.ydelse->indkomsttype, {}, {}, &line});
            it = types.end() - 1;
        }
        it->aIndkomst += line.amount(LineAmount::AIndkomst);
    }
    const Decimal& aSkat = result_.belob.aSkat;
    Decimal total;
    for (const TypeShare& t : types) {
        total += t.aIndkomst;
    }
    if (!types.empty()) {
        if (types.size() == 1 || !total.isPositive()) {
            types[0].aSkat = aSkat;
        } else {
            Decimal given;
            TypeShare* largest = &types[0];
            for (TypeShare& t : types) {
                t.aSkat = Decimal::divideRound(aSkat * t.aIndkomst, total, Decimal::fromInt(1),
                                               RoundingMode::Down);
                given += t.aSkat;
                if (t.aIndkomst > largest->aIndkomst) {
                    largest = &t;
                }
            }
            largest->aSkat += aSkat - given;
        }
    }
    for (const LineResult& line : lines_) {
        Decimal share;
        for (const TypeShare& t : types) {
            if (t.reporter == &line) {
                share = t.aSkat;
            }
        }
        if (!emitLineEIncome(line, share)) {
            return false;
        }
    }
    return true;
}

} // namespace ydelse
