// Modregning (domain P7), the generic mechanism: the catalog says which claims each ydelse may be
// offset against (its modregningsregel's `omfatter`), how much may be taken (`højst`), and the
// order of coverage (the udbetaling's `dækning`); this file orders the claims, allocates the
// amount available over them to the øre, and reports each claim touched.
#include "runtime/eval/order_binder.hpp"
#include "runtime/eval/order_run.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ydelse {
namespace {

// Whether coverage key row `a` comes before row `b` (each row has `width` values).
bool keysBefore(const std::vector<ir::Value>& keys, std::size_t width, std::size_t a,
                std::size_t b) {
    for (std::size_t k = 0; k < width; ++k) {
        const ir::Value& x = keys[a * width + k];
        const ir::Value& y = keys[b * width + k];
        if (auto c = x.number <=> y.number; c != 0) {
            return c < 0;
        }
        if (x.bits != y.bits) {
            return x.bits < y.bits;
        }
    }
    return false;
}

} // namespace

bool OrderRun::offsetClaims(const Decimal& available) {
    if (order_.fordringer.empty() || available.isZero()) {
        return true;
    }
    // A claim is covered only if every ydelse of the order allows it; a ydelse without a
    // modregningsregel allows none.
    EvalState::Scratch& scratch = state_.scratch();
    std::vector<std::uint32_t>& rules = scratch.offsetRules;
    rules.clear();
    for (const LineResult& line : lines_) {
        if (line.ydelse->offsetRule == ir::kNone) {
            return true;
        }
        if (std::find(rules.begin(), rules.end(), line.ydelse->offsetRule) == rules.end()) {
            rules.push_back(line.ydelse->offsetRule);
        }
    }

    // The limit: what is available, or less where a rule caps it.
    Decimal limit = available;
    {
        EvalState::FrameMemory& memory = state_.frame(orderFrameIndex());
        memory.registers[static_cast<std::size_t>(ir::Input::TilRaadighed)].number = available;
        memory.present |= 1u << static_cast<unsigned>(ir::Input::TilRaadighed);
        Machine machine(program_, program_.order.frame, memory, state_.appliedRules(), &claims_);
        for (std::uint32_t r : rules) {
            const std::uint32_t cap = program_.offsetRules[r].cap;
            if (cap == ir::kNone) {
                continue;
            }
            if (!machine.force(cap)) {
                return failWith(machine.error());
            }
            const Decimal& value = machine.value(cap).number;
            if (value.isNegative() || !value.isWholeOre()) {
                return failWith({"MODREGNING_GRÆNSE", "",
                                 fmt::format("modregningsreglen {} giver grænsen {} kr; den skal "
                                             "være et ikke-negativt beløb i hele øre",
                                             program_.rules[program_.offsetRules[r].rule].name,
                                             value.toString())});
            }
            limit = std::min(limit, value);
        }
    }

    const ir::OrderBlock& block = program_.order;
    EvalState::FrameMemory& memory = state_.frame(claimFrameIndex());
    // Eligible claims by row (their coverage keys are row r of `keys`), then ordered by the
    // keys: an insertion sort, stable as the order requires, and an order has a few claims.
    std::vector<std::size_t>& eligible = scratch.claimOrder;
    std::vector<ir::Value>& keys = scratch.claimKeys;
    eligible.clear();
    keys.clear();
    const std::size_t width = block.coverageKeys.size();
    for (std::size_t i = 0; i < order_.fordringer.size(); ++i) {
        Machine::prepare(block.claimFrame, memory);
        loadOrderInputs(order_, memory);
        loadClaimInputs(order_.fordringer[i], memory);
        Machine machine(program_, block.claimFrame, memory, state_.appliedRules(), &claims_);
        bool allowed = true;
        for (std::uint32_t r : rules) {
            if (!machine.force(program_.offsetRules[r].covers)) {
                return failWith(machine.error());
            }
            allowed = allowed && machine.value(program_.offsetRules[r].covers).bits != 0;
        }
        if (!allowed) {
            continue;
        }
        for (std::uint32_t key : block.coverageKeys) {
            if (!machine.force(key)) {
                return failWith(machine.error());
            }
            keys.push_back(machine.value(key));
        }
        eligible.push_back(i);
    }
    std::vector<std::size_t>& rows = scratch.claimRows;
    rows.clear();
    for (std::size_t r = 0; r < eligible.size(); ++r) {
        std::size_t at = rows.size();
        rows.push_back(r);
        while (at > 0 && keysBefore(keys, width, r, rows[at - 1])) {
            rows[at] = rows[at - 1];
            --at;
        }
        rows[at] = r;
    }
    Decimal left = limit;
    for (std::size_t row : rows) {
        if (left.isZero()) {
            break;
        }
        const Claim& claim = order_.fordringer[eligible[row]];
        Offset offset{claim.id, {}, {}, {}};
        auto cover = [&](const Decimal& owed, Decimal& covered) {
            covered = std::min(left, owed);
            left -= covered;
        };
        if (block.renteFirst) {
            cover(claim.rente, offset.rente);
            cover(claim.hovedstol, offset.hovedstol);
        } else {
            cover(claim.hovedstol, offset.hovedstol);
            cover(claim.rente, offset.rente);
        }
        const Decimal taken = offset.rente + offset.hovedstol;
        if (taken.isZero()) {
            continue; // nothing owed on this claim
        }
        offset.rest = claim.rente + claim.hovedstol - taken;
        result_.belob.modregning += taken;
        result_.modregninger.push_back(std::move(offset));
    }
    if (!result_.modregninger.empty()) {
        for (std::uint32_t r : rules) {
            state_.appliedRules().add(program_.offsetRules[r].rule);
        }
    }
    return true;
}

} // namespace ydelse
