#include "runtime/eval/postings.hpp"

namespace ydelse {

PostingBook::PostingBook(const ir::Program& program, std::int64_t kommune) : program_(program) {
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

std::vector<AccountField> PostingBook::accountFields(std::uint32_t account) const {
    const ir::Account& a = program_.accounts[account];
    std::vector<AccountField> out;
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
    return out;
}

void PostingBook::leg(std::uint32_t account, const Decimal& debit, const Decimal& credit,
                      const std::string& tekst) {
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
    lines_.push_back({accountFields(account), debit, credit, tekst});
}

bool PostingBook::post(std::uint32_t debit, std::uint32_t credit, const Decimal& amount,
                       const std::string& tekst) {
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
