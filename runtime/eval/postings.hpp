// Postings: collects the legs a frame's posting rules produce and merges legs on the same
// account into one kontering line. Each line's account is a view of the program's resolved
// accounts (ir::ProgramIndex) under the order's kommune configuration: nothing is copied or
// looked up by name here.
#pragma once

#include "runtime/ir/program_index.hpp"
#include "runtime/model/result.hpp"

namespace ydelse {

class PostingBook {
public:
    /// Appends to `lines` (a Result's konteringer, empty). `lineAccounts` (each line's
    /// account) and `lineOfAccount` (each account's line, or ir::kNone) are scratch space an
    /// EvalState keeps between orders.
    PostingBook(const ir::ProgramIndex& index, std::int64_t kommune, std::vector<Posting>& lines,
                std::vector<std::uint32_t>& lineAccounts,
                std::vector<std::uint32_t>& lineOfAccount);

    /// Posts `amount` debit `debit`, credit `credit` (account indexes). A negative amount is
    /// posted the other way round, so postings never carry negative amounts. False when an
    /// account index is out of range (only a damaged program can do that).
    bool post(std::uint32_t debit, std::uint32_t credit, const Decimal& amount,
              const PostingText& tekst);

    /// The lines' debits and credits sum to the same.
    bool balanced() const;

private:
    Posting* lineOf(std::uint32_t account) {
        const std::uint32_t line = lineOfAccount_[account];
        return line == ir::kNone ? nullptr : &lines_[line];
    }
    void open(std::uint32_t account, const Decimal& debit, const Decimal& credit,
              const PostingText& tekst);

    const ir::ProgramIndex& index_;
    std::uint32_t accountCount_;
    std::uint32_t configRow_;
    std::vector<Posting>& lines_;
    std::vector<std::uint32_t>& lineAccounts_;
    std::vector<std::uint32_t>& lineOfAccount_; ///< all kNone but this order's accounts
};

} // namespace ydelse
