// The runtime's entry point: evaluate one effektueringsordre against a loaded Program.
//
// A Program is immutable and may be shared by any number of threads; each thread keeps its own
// EvalState and reuses it for every order, so steady-state evaluation reuses its buffers.
// Evaluation is deterministic: the same Program and Order give the same Result.
#pragma once

#include "runtime/ir/program.hpp"
#include "runtime/model/order.hpp"
#include "runtime/model/result.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace ydelse {

/// One order line's amounts, by ir::LineAmount (internal to the evaluator; here so that
/// EvalState can keep a buffer of them).
struct LineResult {
    const ir::Ydelse* ydelse = nullptr;
    std::size_t index = 0; ///< in order.ydelser, and its frame in EvalState
    std::array<Decimal, ir::kLineAmountCount> amounts;

    const Decimal& amount(ir::LineAmount a) const { return amounts[static_cast<std::size_t>(a)]; }
    Decimal& amount(ir::LineAmount a) { return amounts[static_cast<std::size_t>(a)]; }
};

/// Each order line's ydelse and grundlag as the binder found them, so that evaluation neither
/// looks the ydelse up again nor parses the order's text again: for line i, from
/// `lineStart[i]`, one value and one flag (the order gave it) per field the line's ydelse
/// declares, in declaration order.
struct BoundGrundlag {
    std::vector<ir::Value> values;
    std::vector<std::uint8_t> given;
    std::vector<std::uint32_t> lineStart;
    std::vector<std::uint32_t> ydelse; ///< per line: its ydelse (Program::ydelser), or kNone

    void clear() {
        values.clear();
        given.clear();
        lineStart.clear();
        ydelse.clear();
    }
};

/// The rules an order applied, each once, in the order first applied (the result's `regler`).
/// A mark per rule makes adding O(1): an order records a rule at every regel call it makes.
class AppliedRules {
public:
    void add(std::uint32_t rule) {
        if (rule >= marks_.size()) {
            marks_.resize(rule + 1, 0);
        }
        if (marks_[rule] != epoch_) {
            marks_[rule] = epoch_;
            list_.push_back(rule);
        }
    }
    /// Starts a new order: every mark of the last one becomes stale at once.
    void clear() {
        list_.clear();
        if (++epoch_ == 0) { // wrapped after 2^32 orders: stale marks could match again
            std::fill(marks_.begin(), marks_.end(), 0);
            epoch_ = 1;
        }
    }
    const std::vector<std::uint32_t>& list() const { return list_; }
    std::size_t size() const { return list_.size(); }

private:
    std::vector<std::uint32_t> list_;
    std::vector<std::uint32_t> marks_; ///< epoch_ when the rule was added this order
    std::uint32_t epoch_ = 1;
};

/// Per-thread scratch space, reused between orders: after the first orders, evaluation
/// allocates nothing here.
class EvalState {
public:
    struct FrameMemory {
        std::vector<ir::Value> registers;
        std::vector<std::uint8_t> done;
        std::uint32_t present = 0; ///< bit per ir::Input the order has
    };

    FrameMemory& frame(std::size_t index) {
        if (frames_.size() <= index) {
            frames_.resize(index + 1);
        }
        return frames_[index];
    }
    AppliedRules& appliedRules() { return applied_; }
    /// Where `sum`, `antal` and `findes` evaluate one claim at a time.
    FrameMemory& claimScratch() { return claimScratch_; }

    /// One eIndkomst type's share of the order's A-skat.
    struct IncomeTypeShare {
        std::string_view type;
        Decimal aIndkomst;
        Decimal aSkat;
        const LineResult* reporter = nullptr; ///< the first line of the type reports felt 15
    };

    /// Buffers of one order's evaluation; each user clears what it uses before use.
    struct Scratch {
        std::vector<IncomeTypeShare> incomeTypes;
        std::vector<LineResult> lines;
        std::vector<std::uint32_t> postingAccounts; ///< account index of each kontering
        std::vector<std::uint32_t> postingLines;    ///< by account: its kontering, or kNone
        std::vector<std::uint32_t> offsetRules;
        std::vector<std::size_t> claimOrder;        ///< eligible claims (fordringer index)
        std::vector<ir::Value> claimKeys;           ///< their coverage keys, row by row
        std::vector<std::size_t> claimRows;         ///< rows in offsetting order
        BoundGrundlag grundlag;
    };
    Scratch& scratch() { return scratch_; }

private:
    std::vector<FrameMemory> frames_;
    FrameMemory claimScratch_;
    AppliedRules applied_;
    Scratch scratch_;
};

/// What to produce besides the result itself.
struct EvalOptions {
    /// Fill Result::forklaring (how each amount was computed). Off: no extra work at all.
    bool explain = false;
};

/// Evaluates `order` into `result`, replacing everything it held. The result's vectors keep
/// their capacity, so a caller that reuses one Result (and one EvalState) per thread evaluates
/// without heap allocation in steady state. Never throws for bad input: a rejected order gives
/// status Afvist and its errors in `fejl`.
void evaluate(const ir::Program& program, const Order& order, EvalState& state, Result& result,
              EvalOptions options = {});

/// As above, into a fresh Result.
inline Result evaluate(const ir::Program& program, const Order& order, EvalState& state,
                       EvalOptions options = {}) {
    Result result;
    evaluate(program, order, state, result, options);
    return result;
}

} // namespace ydelse
