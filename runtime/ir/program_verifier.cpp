#include "runtime/ir/program_verifier.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ydelse::ir {
namespace {

class Verifier {
public:
    explicit Verifier(const Program& p) : p_(p) {}

    void frame(const Frame& f, std::string_view name, bool orderLevel) {
        // Registers come from lowering one or two per instruction; a larger frame is not ours.
        if (f.size > 2 * p_.code.size() + kInputCount + 4 * kLineAmountCount + 64) {
            problems.push_back(fmt::format("{}: frame of {} registers is implausibly large", name,
                                           f.size));
            return;
        }
        for (const PostingRule& r : f.postings) {
            expect(static_cast<std::size_t>(r.art) < kPostingArtCount &&
                       isOrderLevel(r.art) == orderLevel,
                   fmt::format("{}: posting rule of the wrong kind of amount", name));
        }
        for (const Definition& d : f.definitions) {
            expect(d.slot < f.size, fmt::format("{}: definition {} has slot {} outside the frame",
                                                name, d.name, d.slot));
            expect(d.codeBegin < p_.code.size(),
                   fmt::format("{}: definition {} starts outside the code", name, d.name));
            checkCode(f, d, name);
        }
        for (const PostingRule& r : f.postings) {
            expect(r.debit < f.definitions.size() && r.credit < f.definitions.size(),
                   fmt::format("{}: posting rule refers to a missing definition", name));
        }
    }

    void ydelse(const Ydelse& y) {
        frame(y.frame, y.code, false);
        for (std::uint32_t d : y.amounts) {
            expect(d < y.frame.definitions.size(), y.code + ": amount without definition");
        }
        for (const Requirement& r : y.requirements) {
            expect(r.definition < y.frame.definitions.size(), y.code + ": krav without code");
        }
        for (const EIncomeRule& e : y.eindkomst) {
            expect(e.definition < y.frame.definitions.size(), y.code + ": eindkomst without code");
        }
        expect(y.rule < p_.rules.size(), y.code + ": rule out of range");
        expect(y.offsetRule == kNone || y.offsetRule < p_.offsetRules.size(),
               y.code + ": modregningsregel out of range");
        expect(y.repaymentRule == kNone ||
                   (y.repaymentRule < p_.repaymentRules.size() &&
                    y.repaymentKrav < y.frame.definitions.size() &&
                    y.repaymentForaeldes < y.frame.definitions.size() &&
                    (y.repaymentInddrivelse == kNone ||
                     y.repaymentInddrivelse < y.frame.definitions.size())),
               y.code + ": tilbagebetalingsregel out of range");
    }

    void claims() {
        const OrderBlock& o = p_.order;
        frame(o.claimFrame, "fordring", false);
        expect(o.claimFrame.postings.empty(), "fordring: the claim frame posts nothing");
        for (std::uint32_t k : o.coverageKeys) {
            expect(k < o.claimFrame.definitions.size(), "fordring: coverage key out of range");
        }
        for (const OffsetRule& r : p_.offsetRules) {
            expect(r.rule < p_.rules.size() && r.covers < o.claimFrame.definitions.size() &&
                       (r.cap == kNone || r.cap < o.frame.definitions.size()),
                   "modregningsregel out of range");
        }
        for (const ClaimAggregate& a : p_.claimAggregates) {
            const std::size_t defs = o.claimFrame.definitions.size();
            expect((a.filter == kNone || a.filter < defs) && (a.value == kNone || a.value < defs) &&
                       static_cast<unsigned>(a.kind) <= static_cast<unsigned>(AggregateKind::Findes),
                   "claim aggregate out of range");
        }
        for (const RepaymentRule& r : p_.repaymentRules) {
            expect(r.rule < p_.rules.size(), "tilbagebetalingsregel out of range");
        }
    }

    std::vector<std::string> problems;

private:
    bool callInFrame(const Frame& f, std::uint32_t call) const {
        if (call >= p_.calls.size() || p_.calls[call].rule >= p_.rules.size()) {
            return false;
        }
        const RuleCall& c = p_.calls[call];
        auto ok = [&](const CallValue& v) {
            return v.reg < f.size && static_cast<unsigned>(v.type) <=
                                         static_cast<unsigned>(ValueType::Enum) &&
                   (v.type != ValueType::Enum || v.enumId < p_.enums.size());
        };
        return ok(c.result) && std::all_of(c.args.begin(), c.args.end(), ok);
    }

    void expect(bool ok, std::string what) {
        if (!ok) {
            problems.push_back(std::move(what));
        }
    }

    // Walks a definition's code to its Ret; every operand must be in range for its kind.
    // A definition's code runs from codeBegin to its first ret; every jump must stay inside that
    // extent, so what was checked against this frame is all that can run in it. The walk is
    // bounded in total, so a file with many definitions over the same long run cannot make
    // verification quadratic.
    void checkCode(const Frame& f, const Definition& d, std::string_view name) {
        std::size_t end = d.codeBegin;
        while (end < p_.code.size() && p_.code[end].op != Op::Ret) {
            ++end;
        }
        walked_ += end - d.codeBegin + 1;
        if (walked_ > 4 * p_.code.size() + 1024) {
            problems.push_back(fmt::format("{}: definitions overlap too much to verify", name));
            return;
        }
        for (std::size_t pc = d.codeBegin; pc < p_.code.size(); ++pc) {
            const Instruction& in = p_.code[pc];
            auto reg = [&](std::uint32_t r) {
                expect(r < f.size, fmt::format("{}:{} register {} outside frame", name, pc, r));
            };
            switch (in.op) {
            case Op::Const:
                reg(in.dst);
                expect(in.a < p_.constants.size(), fmt::format("{}:{} bad constant", name, pc));
                break;
            case Op::Input:
            case Op::Present:
                reg(in.dst);
                expect(in.a < kInputCount, fmt::format("{}:{} bad input", name, pc));
                break;
            case Op::Sats:
                reg(in.dst);
                expect(in.a < p_.satser.size(), fmt::format("{}:{} bad sats", name, pc));
                break;
            case Op::Force:
                expect(in.a < f.definitions.size(), fmt::format("{}:{} bad definition", name, pc));
                break;
            case Op::Claims:
                reg(in.dst);
                expect(in.a < p_.claimAggregates.size(),
                       fmt::format("{}:{} bad claim aggregate", name, pc));
                break;
            case Op::Move:
            case Op::Neg:
            case Op::Not:
            case Op::FullMonth:
            case Op::Year:
            case Op::Weeks:
                reg(in.dst);
                reg(in.a);
                break;
            case Op::AddYears:
            case Op::Add:
            case Op::Sub:
            case Op::Mul:
            case Op::Max:
            case Op::Min:
                reg(in.dst);
                reg(in.a);
                reg(in.b);
                break;
            case Op::Cmp:
            case Op::ICmp:
                reg(in.dst);
                reg(in.a);
                reg(in.b);
                expect(in.mode <= static_cast<std::uint8_t>(Comparison::Ne),
                       fmt::format("{}:{} bad comparison", name, pc));
                break;
            case Op::Round:
            case Op::DivRound:
                reg(in.dst);
                reg(in.a);
                if (in.op == Op::DivRound) {
                    reg(in.b);
                }
                expect(in.c < p_.constants.size(), fmt::format("{}:{} bad unit", name, pc));
                expect(in.mode <= static_cast<std::uint8_t>(RoundingMode::HalfEven),
                       fmt::format("{}:{} bad rounding mode", name, pc));
                break;
            // Jumps go forward only: with Force checked for cycles at run time, every
            // definition terminates, whatever program a file holds.
            case Op::Jump:
                expect(in.a > pc && in.a <= end,
                       fmt::format("{}:{} jump out of its definition", name, pc));
                break;
            case Op::JumpIfFalse:
            case Op::JumpIfTrue:
                reg(in.a);
                expect(in.b > pc && in.b <= end,
                       fmt::format("{}:{} jump out of its definition", name, pc));
                break;
            case Op::Applied:
                expect(in.a < p_.rules.size(), fmt::format("{}:{} bad rule", name, pc));
                expect(in.b == 0 || callInFrame(f, in.b - 1),
                       fmt::format("{}:{} bad call", name, pc));
                break;
            case Op::Fail:
                expect(in.a < p_.failures.size(), fmt::format("{}:{} bad failure", name, pc));
                break;
            case Op::Need:
                reg(in.a);
                expect(in.b < p_.failures.size(), fmt::format("{}:{} bad failure", name, pc));
                break;
            case Op::Ret:
                reg(in.a);
                return;
            }
        }
        problems.push_back(fmt::format("{}: definition {} has no ret", name, d.name));
    }

    const Program& p_;
    std::size_t walked_ = 0;
};

} // namespace

std::vector<std::string> verifyProgram(const Program& program) {
    Verifier v(program);
    v.frame(program.order.frame, "udbetaling", true);
    v.claims();
    for (const Ydelse& y : program.ydelser) {
        v.ydelse(y);
    }
    return v.problems;
}

} // namespace ydelse::ir
