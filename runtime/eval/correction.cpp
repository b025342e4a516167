// Corrections (domain P8): the order's ydelse states what is right for the period now, the
// order's `korrektion.tidligere` what was paid then. Higher now: the difference is paid as an
// efterbetaling, taxed in this payout. Lower now: a tilbagebetalingskrav, net or gross as the
// ydelse's tilbagebetalingsregel decides, with reversing postings and (net) negative eIndkomst
// lines. The catalog computes every amount; this file only takes differences and re-runs the
// ydelse's own rules on them.
#include "runtime/eval/order_binder.hpp"
#include "runtime/eval/order_run.hpp"

#include <fmt/format.h>

namespace ydelse {

using ir::LineAmount;

// Re-runs a line's frame with some amounts fixed in advance: every other amount the catalog
// derives (a_indkomst, OP, refusion, eIndkomst fields) then follows from the fixed ones by the
// ydelse's own rules.
void OrderRun::pinFrame(const LineResult& line,
                        const std::array<const Decimal*, ir::kLineAmountCount>& pins) {
    const ir::Ydelse& y = *line.ydelse;
    EvalState::FrameMemory& memory = state_.frame(line.index);
    Machine::prepare(y.frame, memory);
    loadOrderInputs(order_, memory);
    loadGrundlag(y, state_.scratch().grundlag, line.index, memory);
    for (std::size_t a = 0; a < ir::kLineAmountCount; ++a) {
        if (pins[a] != nullptr) {
            const std::uint32_t def = y.amounts[a];
            memory.registers[y.frame.definitions[def].slot].number = *pins[a];
            memory.done[def] = 1;
        }
    }
}

bool OrderRun::correct(bool& repaid) {
    if (lines_.size() != 1) {
        return failWith({"KORREKTION_FLERE_YDELSER", "ydelser",
                         "en korrektion angår én ydelse; send en ordre pr. ydelse, da "
                         "'tidligere' ikke siger, hvad hver ydelse udbetalte"});
    }
    const ir::Ydelse& y = *lines_[0].ydelse;
    if (y.repaymentRule == ir::kNone) {
        return failWith({"KORREKTION_IKKE_MULIG", "korrektion",
                         fmt::format("{} kan ikke korrigeres: kataloget har ingen "
                                     "tilbagebetalingsregel for ydelsen",
                                     y.code)});
    }
    const PreviousPayout& before = *order_.korrektion;
    // Higher or lower is decided on brutto (P8).
    if (lines_[0].amount(LineAmount::Brutto) >= before.brutto) {
        return payDifference(before);
    }
    repaid = true;
    return createRepayment(before);
}

// Every line amount of a correction is the difference between what is due now and what the
// ydelse's own rules give for the earlier payout: its brutto, atp_egen and am_bidrag pinned to
// `tidligere`'s, everything else (the payer's ATP share, OP, refusion) derived from them. So a
// correction followed by its reverse nets every amount and every posting to zero.
bool OrderRun::differenceToBefore(const PreviousPayout& before, LineResult& difference) {
    LineResult earlier = lines_[0];
    std::array<const Decimal*, ir::kLineAmountCount> pins{};
    pins[static_cast<std::size_t>(LineAmount::Brutto)] = &before.brutto;
    pins[static_cast<std::size_t>(LineAmount::AtpEgen)] = &before.atpEgen;
    pins[static_cast<std::size_t>(LineAmount::AmBidrag)] = &before.amBidrag;
    pinFrame(earlier, pins);
    Machine machine(program_, earlier.ydelse->frame, state_.frame(earlier.index),
                    state_.appliedRules(), &claims_);
    if (!readAmounts(machine, earlier)) {
        return false;
    }
    difference = lines_[0];
    for (std::size_t a = 0; a < ir::kLineAmountCount; ++a) {
        if (static_cast<LineAmount>(a) != LineAmount::RefusionProcent) {
            difference.amounts[a] = lines_[0].amounts[a] - earlier.amounts[a];
        }
    }
    // The frame is left holding the differences, for the eIndkomst fields and accounts.
    std::array<const Decimal*, ir::kLineAmountCount> all{};
    for (std::size_t a = 0; a < ir::kLineAmountCount; ++a) {
        all[a] = &difference.amounts[a];
    }
    pinFrame(difference, all);
    return true;
}

bool OrderRun::payDifference(const PreviousPayout& before) {
    LineResult difference;
    if (!differenceToBefore(before, difference)) {
        return false;
    }
    for (std::size_t a = 0; a < ir::kLineAmountCount; ++a) {
        if (difference.amounts[a].isNegative()) {
            return failWith({"KORREKTION_NEGATIVT_BELØB", "korrektion.tidligere",
                             fmt::format("bruttobeløbet er højere nu, men {} er {} kr lavere "
                                         "end før; en efterbetaling kan ikke trække et beløb "
                                         "tilbage",
                                         ir::lineAmountName(static_cast<LineAmount>(a)),
                                         (-difference.amounts[a]).toString())});
        }
    }
    lines_[0] = difference;
    return true;
}

bool OrderRun::createRepayment(const PreviousPayout& before) {
    const LineResult& line = lines_[0];
    const ir::Ydelse& y = *line.ydelse;
    // The reversal and the claim balance only if what was paid adds up (P9).
    const Decimal paidNet = before.brutto - before.atpEgen - before.amBidrag - before.aSkat;
    if (!(paidNet == before.netto)) {
        return failWith({"KORREKTION_UOVERENSSTEMMELSE", "korrektion.tidligere.netto",
                         fmt::format("tidligere.netto er {} kr, men brutto − atp_egen − "
                                     "am_bidrag − a_skat er {} kr; et krav kan ikke opgøres "
                                     "af tal, der ikke hænger sammen",
                                     before.netto.toString(2), paidNet.toString(2))});
    }
    // Everything due now, with the order's own skattekort (P8).
    if (!taxOrder()) {
        return false;
    }
    const Amounts now = result_.belob;
    Repayment r;
    r.dASkat = now.aSkat - before.aSkat;

    EvalState::FrameMemory& memory = state_.frame(line.index);
    Machine machine(program_, y.frame, memory, state_.appliedRules(), &claims_);
    if (!machine.force(y.repaymentKrav) || !machine.force(y.repaymentForaeldes)) {
        return failLine(line.index, machine.error());
    }
    std::optional<bool> inddrivelse;
    if (y.repaymentInddrivelse != ir::kNone) {
        if (!machine.force(y.repaymentInddrivelse)) {
            return failLine(line.index, machine.error());
        }
        inddrivelse = machine.value(y.repaymentInddrivelse).bits != 0;
    }
    r.kind = static_cast<ir::ClaimKind>(machine.value(y.repaymentKrav).bits);
    const Date foraeldes =
        Date::fromDays(static_cast<std::int32_t>(machine.value(y.repaymentForaeldes).bits));
    // Last: it re-prepares the line's frame.
    if (!differenceToBefore(before, r.difference)) {
        return false;
    }
    if (r.kind == ir::ClaimKind::Nettokrav) {
        const Decimal nettoNow = now.brutto - now.atpEgen - now.amBidrag - now.aSkat;
        r.claim = before.netto - nettoNow;
    } else {
        const Decimal aIndkomstBefore = before.brutto - before.atpEgen - before.amBidrag;
        r.claim = aIndkomstBefore - (now.brutto - now.atpEgen - now.amBidrag);
    }
    // Zero is possible (a small reduction all of which was withheld): the reversal and the
    // eIndkomst correction are still made, but there is nothing to claim.
    if (r.claim.isNegative()) {
        return failWith({"KORREKTION_INTET_KRAV", "korrektion.tidligere",
                         fmt::format("bruttobeløbet er lavere nu ({} kr mod {} kr), men {} bliver "
                                     "{} kr; tallene i 'tidligere' hænger ikke sammen",
                                     now.brutto.toString(2), before.brutto.toString(2),
                                     r.kind == ir::ClaimKind::Nettokrav ? "nettokravet"
                                                                        : "bruttokravet",
                                     r.claim.toString(2))});
    }
    const ir::RepaymentRule& rule = program_.repaymentRules[y.repaymentRule];
    const ir::Rule& audit = program_.rules[rule.rule];
    if (r.claim.isPositive()) {
        result_.fordringerOprettet.push_back(
        {rule.fordringstype,
         r.kind == ir::ClaimKind::Nettokrav ? std::string_view("nettokrav") : "bruttokrav",
         r.claim, audit.lovgrundlag, foraeldes, inddrivelse});
    }
    state_.appliedRules().add(rule.rule);
    // Nothing is paid out: the claim is the whole outcome (P8).
    result_.belob = Amounts{};
    result_.status = ResultStatus::Effektueret;
    repayment_ = r;
    return true;
}

} // namespace ydelse
