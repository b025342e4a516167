#include "interpreter/sema/table_analysis.hpp"

#include "interpreter/sema/expr_checker.hpp"
#include "interpreter/sema/table_checker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace ydelse::sema {
namespace {

constexpr std::size_t kMaxCombinations = 100'000;

// Numbers and dates are compared as numbers here; enumerations and truth values by ordinal.
bool usesNumber(const Type& t) { return isNumericType(t.kind); }

Decimal asNumber(const Type& t, const ir::Value& v) {
    return usesNumber(t) ? v.number : Decimal::fromInt(v.bits);
}

// The representatives of one parameter: each constant, a value between each two neighbours
// (when one exists), and one below and one above them all.
std::vector<Decimal> representatives(const CheckedCatalog& checked, const Type& type,
                                     std::vector<Decimal> constants) {
    if (type.kind == ir::ValueType::Enum) {
        std::vector<Decimal> all;
        for (std::size_t i = 0; i < checked.enums[type.enumId].values.size(); ++i) {
            all.push_back(Decimal::fromInt(static_cast<std::int64_t>(i)));
        }
        return all;
    }
    if (type.kind == ir::ValueType::Bool) {
        return {Decimal::fromInt(0), Decimal::fromInt(1)};
    }
    std::sort(constants.begin(), constants.end());
    constants.erase(std::unique(constants.begin(), constants.end()), constants.end());
    if (constants.empty()) {
        return {Decimal::fromInt(0)};
    }
    const bool integral = type.kind == ir::ValueType::Heltal || type.kind == ir::ValueType::Dato;
    const Decimal one = Decimal::fromInt(1);
    std::vector<Decimal> out{constants.front() - one};
    for (std::size_t i = 0; i < constants.size(); ++i) {
        out.push_back(constants[i]);
        if (i + 1 < constants.size()) {
            const Decimal& a = constants[i];
            const Decimal& b = constants[i + 1];
            if (!integral) {
                // At the finest scale no value lies between two neighbours; skip the midpoint.
                try {
                    out.push_back((a + b) * *Decimal::parse("0.5"));
                } catch (const std::overflow_error&) {
                }
            } else if (b - a > one) {
                out.push_back(a + one);
            }
        }
    }
    out.push_back(constants.back() + one);
    return out;
}

bool compareHolds(ast::BinaryOp op, const Decimal& x, const Decimal& bound) {
    switch (op) {
    case ast::BinaryOp::Lt: return x < bound;
    case ast::BinaryOp::Le: return x <= bound;
    case ast::BinaryOp::Gt: return x > bound;
    case ast::BinaryOp::Ge: return x >= bound;
    case ast::BinaryOp::Ne: return x != bound;
    default: return x == bound;
    }
}

class Analysis {
public:
    Analysis(const CheckedCatalog& checked, const ast::TableDecl& table,
             const std::vector<Type>& types)
        : checked_(checked), table_(table), types_(types) {}

    Decimal constant(std::size_t column, const ast::Expr& e) const {
        return asNumber(types_[column], *cellConstant(checked_, e));
    }

    bool cellMatches(std::size_t column, const ast::TableCell& cell, const Decimal& x) const {
        switch (cell.kind) {
        case ast::CellKind::Any:
            return true;
        case ast::CellKind::Range:
            return constant(column, *cell.values[0]) <= x && x <= constant(column, *cell.values[1]);
        case ast::CellKind::Compare:
            return compareHolds(cell.compare, x, constant(column, *cell.values[0]));
        case ast::CellKind::OneOf:
            return std::any_of(cell.values.begin(), cell.values.end(),
                               [&](const ast::ExprPtr& v) { return constant(column, *v) == x; });
        }
        return false;
    }

    std::string witness(const std::vector<Decimal>& point) const {
        std::string out;
        for (std::size_t c = 0; c < point.size(); ++c) {
            const Type& t = types_[c];
            std::string value;
            if (t.kind == ir::ValueType::Enum) {
                value = checked_.enums[t.enumId].values[static_cast<std::size_t>(
                    point[c].toInt64())];
            } else if (t.kind == ir::ValueType::Bool) {
                value = point[c].isZero() ? "falsk" : "sand";
            } else if (t.kind == ir::ValueType::Dato) {
                value = Date::fromDays(static_cast<std::int32_t>(point[c].toInt64())).toString();
            } else if (t.kind == ir::ValueType::Procent) {
                value = (point[c] * Decimal::fromInt(100)).toString() + " %";
            } else if (t.kind == ir::ValueType::Belob) {
                value = point[c].toString() + " kr";
            } else {
                value = point[c].toString();
            }
            out += fmt::format("{}{} = {}", out.empty() ? "" : ", ", table_.params[c].name.name,
                               value);
        }
        return out;
    }

    const CheckedCatalog& checked_;
    const ast::TableDecl& table_;
    const std::vector<Type>& types_;
};

} // namespace

void analyseTable(const CheckedCatalog& checked, Diagnostics& diagnostics,
                  const ast::TableDecl& table, const std::vector<Type>& paramTypes) {
    if (table.policy == ast::HitPolicy::Sum) {
        return; // a sum has no gaps or overlaps to forbid
    }
    if (table.params.empty()) {
        // Every row matches the one case there is.
        if (table.policy == ast::HitPolicy::Unique && table.rows.size() > 1) {
            diagnostics.error("K316", table.rows[1].range,
                              fmt::format("tabellen {} er 'entydig', men uden parametre passer "
                                          "alle {} rækker altid",
                                          table.name.name, table.rows.size()));
        }
        return;
    }
    Analysis analysis(checked, table, paramTypes);
    std::vector<std::vector<Decimal>> axes;
    std::size_t combinations = 1;
    for (std::size_t c = 0; c < table.params.size(); ++c) {
        std::vector<Decimal> constants;
        for (const ast::TableRow& row : table.rows) {
            for (const ast::ExprPtr& v : row.cells[c].values) {
                constants.push_back(analysis.constant(c, *v));
            }
        }
        axes.push_back(representatives(checked, paramTypes[c], std::move(constants)));
        combinations *= axes.back().size();
        if (combinations > kMaxCombinations) {
            // An 'entydig' table promises no overlap; one that cannot be checked is refused
            // rather than trusted. For 'først' only completeness is unproved: a warning.
            const std::string message =
                fmt::format("tabellen {} har for mange kombinationer til at kontrollere huller "
                            "og overlap; del den op i mindre tabeller",
                            table.name.name);
            if (table.policy == ast::HitPolicy::Unique) {
                diagnostics.error("K317", table.name.range, message);
            } else {
                diagnostics.warning("K317", table.name.range, message);
            }
            return;
        }
    }
    bool gapReported = false;
    bool overlapReported = false;
    std::vector<std::size_t> index(axes.size(), 0);
    std::vector<Decimal> point(axes.size());
    for (std::size_t n = 0; n < combinations; ++n) {
        for (std::size_t c = 0; c < axes.size(); ++c) {
            point[c] = axes[c][index[c]];
        }
        std::vector<std::size_t> matching;
        for (std::size_t r = 0; r < table.rows.size() && matching.size() < 2; ++r) {
            bool all = true;
            for (std::size_t c = 0; c < axes.size() && all; ++c) {
                all = analysis.cellMatches(c, table.rows[r].cells[c], point[c]);
            }
            if (all) {
                matching.push_back(r);
            }
        }
        if (matching.empty() && !gapReported) {
            diagnostics.error("K315", table.name.range,
                              fmt::format("tabellen {} har et hul: ingen række passer, når {}",
                                          table.name.name, analysis.witness(point)));
            gapReported = true;
        }
        if (matching.size() == 2 && table.policy == ast::HitPolicy::Unique && !overlapReported) {
            diagnostics
                .error("K316", table.rows[matching[1]].range,
                       fmt::format("tabellen {} er 'entydig', men række {} og {} passer begge, "
                                   "når {}",
                                   table.name.name, matching[0] + 1, matching[1] + 1,
                                   analysis.witness(point)))
                .notes.push_back({table.rows[matching[0]].range, "den første række her"});
            overlapReported = true;
        }
        for (std::size_t c = 0; c < index.size(); ++c) {
            if (++index[c] < axes[c].size()) {
                break;
            }
            index[c] = 0;
        }
    }
}

} // namespace ydelse::sema
