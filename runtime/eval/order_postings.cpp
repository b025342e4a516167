// The order's postings (domain P9): each line's amounts by its ydelse's konteringsregel, the
// order's own (A-skat, modregning, netto, tilbageholdt, tilbagebetalingskrav) by the
// udbetaling's. A correction that creates a claim reverses the postings of the withdrawn amounts
// and posts the claim. The book must balance, or the order is not effektueret.
#include "runtime/eval/order_run.hpp"

#include <fmt/format.h>

#include <optional>

namespace ydelse {

using ir::LineAmount;

namespace {

const OrderError kBadAccount{"INTERN_FEJL", "", "en konteringsregel peger på en ukendt konto"};

constexpr LineAmount kAmountOfArt[] = {LineAmount::Brutto,   LineAmount::AtpEgen,
                                       LineAmount::AtpKommune, LineAmount::AmBidrag,
                                       LineAmount::OpBidrag, LineAmount::Refusion};

} // namespace

// "YYYY-MM" of the period's first day, without a string (years 0-9999, as Date prints them).
// Computed once per order: every posting of the order carries it.
std::array<char, 7> OrderRun::monthText(const Order& order) {
    const Date d = order.periode.from;
    const int y = d.year();
    const int m = d.month();
    return {static_cast<char>('0' + y / 1000 % 10), static_cast<char>('0' + y / 100 % 10),
            static_cast<char>('0' + y / 10 % 10),   static_cast<char>('0' + y % 10),
            '-', static_cast<char>('0' + m / 10),   static_cast<char>('0' + m % 10)};
}

namespace {

// A frame's posting rules' accounts: those the catalog fixes from the program's index, the rest
// computed in the frame by a Machine made only when one is needed.
class RuleAccounts {
public:
    RuleAccounts(const ir::Program& program, const ir::Frame& frame,
                 EvalState::FrameMemory& memory, AppliedRules& applied,
                 const ClaimSource* claims)
        : program_(program), frame_(frame), memory_(memory), applied_(applied), claims_(claims) {}

    bool resolve(const ir::PostingRule& rule, const ir::ProgramIndex::FixedAccounts& fixed,
                 std::uint32_t& debit, std::uint32_t& credit) {
        debit = fixed.debit;
        credit = fixed.credit;
        if (debit != ir::kNone && credit != ir::kNone) {
            return true;
        }
        if (!machine_) {
            machine_.emplace(program_, frame_, memory_, applied_, claims_);
        }
        return computed(rule.debit, debit) && computed(rule.credit, credit);
    }
    const OrderError& error() const { return machine_->error(); }

private:
    bool computed(std::uint32_t def, std::uint32_t& account) {
        if (account != ir::kNone) {
            return true;
        }
        if (!machine_->force(def)) {
            return false;
        }
        account = static_cast<std::uint32_t>(machine_->value(def).bits);
        return true;
    }

    const ir::Program& program_;
    const ir::Frame& frame_;
    EvalState::FrameMemory& memory_;
    AppliedRules& applied_;
    const ClaimSource* claims_;
    std::optional<Machine> machine_;
};

} // namespace

// Posts a line's amounts; a negative amount is posted the other way round, which is how a
// reversal is made.
bool OrderRun::postLine(PostingBook& book, const LineResult& line) {
    const ir::Ydelse& y = *line.ydelse;
    const auto fixed = program_.index->ydelsePostings(
        static_cast<std::size_t>(line.ydelse - program_.ydelser.data()));
    RuleAccounts accounts(program_, y.frame, state_.frame(line.index), state_.appliedRules(),
                          &claims_);
    const PostingText tekst(y.navn, std::string_view(month_.data(), month_.size()));
    bool posted = false;
    for (std::size_t i = 0; i < y.frame.postings.size(); ++i) {
        const ir::PostingRule& rule = y.frame.postings[i];
        const Decimal& amount = line.amount(kAmountOfArt[static_cast<std::size_t>(rule.art)]);
        if (amount.isZero()) {
            continue;
        }
        std::uint32_t debit = 0;
        std::uint32_t credit = 0;
        if (!accounts.resolve(rule, fixed[i], debit, credit)) {
            return failLine(line.index, accounts.error());
        }
        if (!book.post(debit, credit, amount, tekst)) {
            return failWith(kBadAccount);
        }
        posted = true;
    }
    if (posted && y.frame.postingRule != ir::kNone) {
        state_.appliedRules().add(y.frame.postingRule);
    }
    return true;
}

bool OrderRun::postOrderArt(PostingBook& book, ir::PostingArt art, const Decimal& amount) {
    if (amount.isZero()) {
        return true;
    }
    const std::uint32_t r = program_.index->orderPostingRule(art);
    if (r == ir::kNone) {
        // The compiler requires a posting line for every order-level amount that can arise.
        return failWith({"INTERN_FEJL", "",
                         fmt::format("'udbetaling' har ingen kontering for {}",
                                     ir::postingArtName(art))});
    }
    const ir::Frame& frame = program_.order.frame;
    RuleAccounts accounts(program_, frame, state_.frame(orderFrameIndex()), state_.appliedRules(),
                          &claims_);
    std::uint32_t debit = 0;
    std::uint32_t credit = 0;
    if (!accounts.resolve(frame.postings[r], program_.index->orderPostings()[r], debit, credit)) {
        return failWith(accounts.error());
    }
    if (!book.post(debit, credit, amount,
                   PostingText("Udbetaling", std::string_view(month_.data(), month_.size())))) {
        return failWith(kBadAccount);
    }
    return true;
}

bool OrderRun::post(PostingBook& book) {
    for (const LineResult& line : lines_) {
        if (!postLine(book, line)) {
            return false;
        }
    }
    const Amounts& sum = result_.belob;
    if (!postOrderArt(book, ir::PostingArt::ASkat, sum.aSkat) ||
        !postOrderArt(book, ir::PostingArt::Modregning, sum.modregning) ||
        !postOrderArt(book, ir::PostingArt::Netto, sum.netto) ||
        !postOrderArt(book, ir::PostingArt::Tilbageholdt, sum.tilbageholdt)) {
        return false;
    }
    if (!book.balanced()) {
        return failWith({"INTERN_UBALANCE", "",
                         "konteringerne balancerer ikke; ordren er ikke effektueret"});
    }
    return true;
}

// The withdrawn part of the earlier payout is reversed: its expense, what was withheld from it
// (A-skat only for a nettokrav: a bruttokrav leaves the closed year's tax as it was) and the
// payer's own shares. The claim makes up the rest (P9).
bool OrderRun::postRepayment(PostingBook& book) {
    const Repayment& r = *repayment_;
    if (!postLine(book, r.difference)) {
        return false;
    }
    if (r.kind == ir::ClaimKind::Nettokrav &&
        !postOrderArt(book, ir::PostingArt::ASkat, r.dASkat)) {
        return false;
    }
    if (!postOrderArt(book, ir::PostingArt::Tilbagebetalingskrav, r.claim)) {
        return false;
    }
    if (!book.balanced()) {
        return failWith({"INTERN_UBALANCE", "",
                         "konteringerne af tilbagebetalingskravet balancerer ikke; ordren er "
                         "ikke effektueret"});
    }
    return true;
}

} // namespace ydelse
