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

struct ClaimOrder {
    std::size_t index = 0; ///< in order.fordringer
    std::vector<ir::Value> keys;
};

// Heltal keys live in `number`, Dato keys in `bits`; the other half is zero for both kinds, so
// one comparison orders either.
bool keysBefore(const ClaimOrder& a, const ClaimOrder& b) {
    for (std::size_t k = 0; k < a.keys.size(); ++k) {
        if (auto c = a.keys[k].number <=> b.keys[k].number; c != 0) {
            return c < 0;
        }
        if (a.keys[k].bits != b.keys[k].bits) {
            return a.keys[k].bits < b.keys[k].bits;
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
    std::vector<std::uint32_t> rules;
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
    std::vector<ClaimOrder> eligible;
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
        ClaimOrder entry{i, {}};
        for (std::uint32_t key : block.coverageKeys) {
            if (!machine.force(key)) {
                return failWith(machine.error());
            }
            entry.keys.push_back(machine.value(key));
        }
        eligible.push_back(std::move(entry));
    }
    // Stable: claims with equal keys keep the order they have in the order (P7).
    std::stable_sort(eligible.begin(), eligible.end(), keysBefore);

    Decimal left = limit;
    for (const ClaimOrder& c : eligible) {
        if (left.isZero()) {
            break;
        }
        const Claim& claim = order_.fordringer[c.index];
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
            state_.appliedRules().push_back(program_.offsetRules[r].rule);
        }
    }
    return true;
}

} // namespace ydelse
