// Internal to the evaluator: the state of one effektueringsordre while it is carried out. The
// catalog computes every amount; OrderRun supplies the generic mechanics around it (evaluator.cpp
// the payout, offsets.cpp modregning, correction.cpp corrections, eincome.cpp the eIndkomst
// lines, order_postings.cpp the postings).
#pragma once

#include "runtime/eval/evaluator.hpp"
#include "runtime/eval/machine.hpp"
#include "runtime/eval/postings.hpp"

#include <array>

namespace ydelse {

/// What a correction that lowers the payout leaves behind.
struct Repayment {
    ir::ClaimKind kind = ir::ClaimKind::Nettokrav;
    Decimal claim;
    LineResult difference; ///< due now minus before, every line amount (mostly negative)
    Decimal dASkat;        ///< A-skat due now minus `tidligere.a_skat`
};

class OrderRun {
public:
    OrderRun(const ir::Program& program, const Order& order, EvalState& state, Result& result,
             EvalOptions options)
        : program_(program), order_(order), state_(state), result_(result), options_(options),
          lines_(state.scratch().lines), claims_{&order, &state.claimScratch()},
          month_(monthText(order)) {
        lines_.clear();
    }

    bool run();
    std::vector<OrderError> errors;

private:
    // evaluator.cpp
    bool evaluateLine(std::size_t index);
    bool readAmounts(Machine& machine, LineResult& out);
    bool taxOrder();
    bool settle();
    bool checkWholeOre();
    void emitLines();
    void listAppliedRules();
    std::size_t orderFrameIndex() const { return order_.ydelser.size(); }
    std::size_t claimFrameIndex() const { return order_.ydelser.size() + 1; }
    bool failWith(const OrderError& e) {
        errors.push_back(e);
        return false;
    }
    bool failLine(std::size_t index, OrderError e);

    // offsets.cpp
    bool offsetClaims(const Decimal& available);

    // correction.cpp
    bool correct(bool& repaid);
    bool payDifference(const PreviousPayout& before);
    bool differenceToBefore(const PreviousPayout& before, LineResult& difference);
    bool createRepayment(const PreviousPayout& before);
    /// Prepares a line's frame afresh with some amounts fixed in advance.
    void pinFrame(const LineResult& line,
                  const std::array<const Decimal*, ir::kLineAmountCount>& pins);

    // eincome.cpp
    bool emitEIncome();
    bool emitLineEIncome(const LineResult& line, const Decimal& aSkatShare);

    // order_postings.cpp
    bool post(PostingBook& book);
    bool postRepayment(PostingBook& book);
    bool postLine(PostingBook& book, const LineResult& line);
    bool postOrderArt(PostingBook& book, ir::PostingArt art, const Decimal& amount);
    static std::array<char, 7> monthText(const Order& order);

    const ir::Program& program_;
    const Order& order_;
    EvalState& state_;
    Result& result_;
    EvalOptions options_;
    std::vector<LineResult>& lines_; ///< in EvalState, to keep its capacity
    std::optional<Repayment> repayment_;
    ClaimSource claims_; ///< for every Machine of this order
    std::array<char, 7> month_; ///< the postings' month, "YYYY-MM"
};

} // namespace ydelse
