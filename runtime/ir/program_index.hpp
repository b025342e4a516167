// Lookups derived from a Program once it is complete (compiled or loaded), so that evaluating an
// order needs no search by name: a ydelse by its code, a kommune's configuration, each account's
// dimensions as every configuration resolves them, and the posting rules whose accounts are
// fixed in the catalog. Nothing here is serialised; indexProgram() rebuilds it from the rest of
// the Program.
#pragma once

#include "runtime/ir/program.hpp"
#include "runtime/model/account_field.hpp"

#include <deque>
#include <span>
#include <string>
#include <vector>

namespace ydelse::ir {

class ProgramIndex {
public:
    explicit ProgramIndex(const Program& program);

    /// Index of the ydelse with code `code` (the first, should two share it), or kNone.
    /// `program` is the one indexed, or a copy of it.
    std::uint32_t findYdelse(const Program& program, std::string_view code) const;

    /// The row of accountFields() for an order of `kommune`: its own configuration, else the
    /// standard one (kommune 0), else none (accounts as the catalog writes them).
    std::uint32_t configRow(std::int64_t kommune) const;

    /// Account `account`'s dimensions under configuration row `row`: the catalog's own, then
    /// those the configuration maps its logical name to. Views into this index.
    AccountFields accountFields(std::uint32_t row, std::uint32_t account) const {
        const std::uint32_t logical = logicalOrdinal_[account];
        return logical == kNone ? own_[account] : mapped_[row * logicalCount_ + logical];
    }

    /// Accounts resolved: those of the program indexed.
    std::uint32_t accountCount() const { return static_cast<std::uint32_t>(own_.size()); }

    /// A posting rule's accounts when the catalog fixes them (a constant, possibly through
    /// argument definitions that are constants); kNone where only evaluation can tell.
    struct FixedAccounts {
        std::uint32_t debit = kNone;
        std::uint32_t credit = kNone;
    };
    /// One per rule of `program.ydelser[ydelse].frame.postings`.
    std::span<const FixedAccounts> ydelsePostings(std::size_t ydelse) const {
        return {fixed_.data() + ydelsePostingsBegin_[ydelse],
                fixed_.data() + ydelsePostingsBegin_[ydelse + 1]};
    }
    /// One per rule of `program.order.frame.postings`.
    std::span<const FixedAccounts> orderPostings() const {
        return {fixed_.data() + ydelsePostingsBegin_.back(), fixed_.data() + fixed_.size()};
    }
    /// The order frame's posting rule for `art`, or kNone.
    std::uint32_t orderPostingRule(PostingArt art) const {
        return orderRuleOfArt_[static_cast<std::size_t>(art)];
    }

private:
    void indexYdelser(const Program& program);
    void indexKommuner(const Program& program);
    void resolveAccounts(const Program& program);
    void fixPostings(const Program& program);

    // Open addressing over the ydelser's codes: a slot holds the code's hash and its index.
    struct Slot {
        std::size_t hash = 0;
        std::uint32_t ydelse = kNone;
    };
    std::vector<Slot> ydelseSlots_;

    std::vector<std::pair<std::int64_t, std::uint32_t>> kommuneRows_; ///< sorted by kommune
    std::uint32_t defaultRow_ = 0;

    // The texts the fields view: copies, so that the views stay valid in a copy of the Program
    // (which shares this index) whatever becomes of the original.
    std::deque<std::string> texts_;
    std::vector<ydelse::AccountField> fields_; ///< the views of every resolved account
    std::vector<AccountFields> own_;              ///< by account
    std::vector<std::uint32_t> logicalOrdinal_; ///< by account; kNone unless logical
    std::uint32_t logicalCount_ = 0;
    std::vector<AccountFields> mapped_; ///< by configuration row, then logical ordinal

    std::vector<FixedAccounts> fixed_;                 ///< every ydelse's rules, then the order's
    std::vector<std::uint32_t> ydelsePostingsBegin_;   ///< per ydelse, and one past the last
    std::array<std::uint32_t, kPostingArtCount> orderRuleOfArt_{};
};

/// Builds `program.index` from the rest of the program. Call it once the program is complete
/// and verified, and again after changing its ydelser, accounts, kommuner or code.
void indexProgram(Program& program);

/// The lowest register of a frame's definitions (its size if it has none).
std::uint32_t lowestDefinitionSlot(const Frame& frame);

} // namespace ydelse::ir
