#include "runtime/eval/postings.hpp"

namespace ydelse {

PostingBook::PostingBook(const ir::ProgramIndex& index, std::int64_t kommune,
                         std::vector<Posting>& lines, std::vector<std::uint32_t>& lineAccounts,
                         std::vector<std::uint32_t>& lineOfAccount)
    : index_(index), accountCount_(index.accountCount()),
      configRow_(index.configRow(kommune)), lines_(lines), lineAccounts_(lineAccounts),
      lineOfAccount_(lineOfAccount) {
    // Undo only what the previous order marked (even if it ended in an exception): the table
    // is kept all kNone between orders without being cleared whole. It only grows, so it
    // covers the accounts of any program used before.
    for (std::uint32_t account : lineAccounts_) {
        lineOfAccount_[account] = ir::kNone;
    }
    lineAccounts_.clear();
    if (lineOfAccount_.size() < accountCount_) {
        lineOfAccount_.resize(accountCount_, ir::kNone);
    }
}

void PostingBook::open(std::uint32_t account, const Decimal& debit, const Decimal& credit,
                       const PostingText& tekst) {
    lines_.emplace_back(index_.accountFields(configRow_, account), debit, credit, tekst);
    lineAccounts_.push_back(account);
    lineOfAccount_[account] = static_cast<std::uint32_t>(lines_.size() - 1);
}

bool PostingBook::post(std::uint32_t debit, std::uint32_t credit, const Decimal& amount,
                       const PostingText& tekst) {
    if (debit >= accountCount_ || credit >= accountCount_) {
        return false;
    }
    if (amount.isZero()) {
        return true;
    }
    if (amount.isNegative()) {
        return post(credit, debit, -amount, tekst);
    }
    // Each leg adds to one side only: adding a zero to the other changed nothing.
    if (Posting* line = lineOf(debit)) {
        line->debet += amount;
    } else {
        open(debit, amount, Decimal{}, tekst);
    }
    if (Posting* line = lineOf(credit)) {
        line->kredit += amount;
    } else {
        open(credit, Decimal{}, amount, tekst);
    }
    return true;
}

// Summed from the lines rather than kept per leg: every post adds the same amount to both
// sides, so this checks the merged lines, the only thing the order reports.
bool PostingBook::balanced() const {
    Decimal debit;
    Decimal credit;
    for (const Posting& line : lines_) {
        // Most lines have one side only; the other's zero would still cost an addition.
        if (!line.debet.isZero()) {
            debit += line.debet;
        }
        if (!line.kredit.isZero()) {
            credit += line.kredit;
        }
    }
    return debit == credit;
}

} // namespace ydelse
