// Postings: collects the legs a frame's posting rules produce, maps logical accounts through the
// kommune's configuration, and merges legs on the same account into one kontering line.
#pragma once

#include "runtime/ir/program.hpp"
#include "runtime/model/result.hpp"

namespace ydelse {

class PostingBook {
public:
    /// Appends to `lines` (a Result's konteringer, empty); `lineAccounts` is scratch space kept
    /// between orders for its capacity.
    PostingBook(const ir::Program& program, std::int64_t kommune, std::vector<Posting>& lines,
                std::vector<std::uint32_t>& lineAccounts);

    /// Posts `amount` debit `debit`, credit `credit` (account indexes). A negative amount is
    /// posted the other way round, so postings never carry negative amounts. False when an
    /// account index is out of range (only a damaged program can do that).
    bool post(std::uint32_t debit, std::uint32_t credit, const Decimal& amount,
              const PostingText& tekst);

    bool balanced() const { return totalDebit_ == totalCredit_; }

private:
    void leg(std::uint32_t account, const Decimal& debit, const Decimal& credit,
             const PostingText& tekst);
    void accountFields(std::uint32_t account, AccountFields& out) const;

    const ir::Program& program_;
    const ir::KommuneConfig* config_ = nullptr;
    std::vector<Posting>& lines_;
    std::vector<std::uint32_t>& lineAccounts_; ///< account index of each line
    Decimal totalDebit_;
    Decimal totalCredit_;
};

} // namespace ydelse
