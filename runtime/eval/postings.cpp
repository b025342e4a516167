#include "runtime/eval/postings.hpp"

namespace ydelse {

PostingBook::PostingBook(const ir::Program& program, std::int64_t kommune,
                         std::vector<Posting>& lines, std::vector<std::uint32_t>& lineAccounts)
    : program_(program), lines_(lines), lineAccounts_(lineAccounts) {
    lineAccounts_.clear();
    const ir::KommuneConfig* standard = nullptr;
    for (const ir::KommuneConfig& c : program.kommuner) {
        if (c.kommune == kommune) {
            config_ = &c;
        }
        if (c.kommune == 0) {
            standard = &c;
        }
    }
    if (config_ == nullptr) {
        config_ = standard;
    }
}

void PostingBook::accountFields(std::uint32_t account, AccountFields& out) const {
    const ir::Account& a = program_.accounts[account];
    out.clear();
    for (const ir::AccountField& f : a.fields) {
        out.push_back({f.name, f.value, f.numeric});
    }
    if (!a.logicalName.empty() && config_ != nullptr) {
        for (const auto& [name, mapped] : config_->mapping) {
            if (name == a.logicalName) {
                for (const ir::AccountField& f : mapped.fields) {
                    out.push_back({f.name, f.value, f.numeric});
                }
            }
        }
    }
}

void PostingBook::leg(std::uint32_t account, const Decimal& debit, const Decimal& credit,
                      const PostingText& tekst) {
    totalDebit_ += debit;
    totalCredit_ += credit;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        if (lineAccounts_[i] == account) {
            lines_[i].debet += debit;
            lines_[i].kredit += credit;
            return;
        }
    }
    lineAccounts_.push_back(account);
    // Aggregate initialisation, not emplace_back(): value-initialising a Posting would zero
    // all of it, inline account storage included.
    Posting& line = lines_.emplace_back(Posting{{}, debit, credit, tekst});
    accountFields(account, line.konto);
}

bool PostingBook::post(std::uint32_t debit, std::uint32_t credit, const Decimal& amount,
                       const PostingText& tekst) {
    if (debit >= program_.accounts.size() || credit >= program_.accounts.size()) {
        return false;
    }
    if (amount.isZero()) {
        return true;
    }
    if (amount.isNegative()) {
        return post(credit, debit, -amount, tekst);
    }
    leg(debit, amount, Decimal{}, tekst);
    leg(credit, Decimal{}, amount, tekst);
    return true;
}

} // namespace ydelse
