#include "interpreter/sema/sats_coverage.hpp"

#include <fmt/format.h>

#include <set>

namespace ydelse::sema {
namespace {

class SatsCollector {
public:
    explicit SatsCollector(const CheckedCatalog& checked) : checked_(checked) {}

    // Satser named in `e`, and in the bodies of the regler it calls (each body once).
    void collect(const ast::Expr& e) {
        const Ref& ref = e.id < checked_.refs.size() ? checked_.refs[e.id] : kNoRef;
        switch (e.kind) {
        case ast::ExprKind::Name:
            if (ref.kind == RefKind::Sats) {
                satser.insert(ref.index);
            }
            return;
        case ast::ExprKind::Literal:
        case ast::ExprKind::Account:
            return;
        case ast::ExprKind::Call: {
            const auto& call = static_cast<const ast::CallExpr&>(e);
            for (const ast::ExprPtr& a : call.args) {
                collect(*a);
            }
            if (ref.kind == RefKind::Rule && rules_.insert(ref.index).second) {
                for (std::uint32_t v : checked_.regelVersions[ref.index].decls) {
                    collect(*checked_.ast->regler[v].body);
                }
                for (std::uint32_t u : checked_.undtagelserByRegel[ref.index]) {
                    collect(*checked_.ast->undtagelser[u].condition);
                    collect(*checked_.ast->undtagelser[u].value);
                }
            }
            if (ref.kind == RefKind::Table && tables_.insert(ref.index).second) {
                for (std::uint32_t v : checked_.tabelVersions[ref.index].decls) {
                    for (const ast::TableRow& row : checked_.ast->tabeller[v].rows) {
                        collect(*row.result);
                    }
                }
            }
            return;
        }
        case ast::ExprKind::Unary:
            collect(*static_cast<const ast::UnaryExpr&>(e).operand);
            return;
        case ast::ExprKind::Binary:
            collect(*static_cast<const ast::BinaryExpr&>(e).lhs);
            collect(*static_cast<const ast::BinaryExpr&>(e).rhs);
            return;
        case ast::ExprKind::If: {
            const auto& i = static_cast<const ast::IfExpr&>(e);
            collect(*i.condition);
            collect(*i.thenExpr);
            collect(*i.elseExpr);
            return;
        }
        case ast::ExprKind::Select: {
            const auto& s = static_cast<const ast::SelectExpr&>(e);
            collect(*s.subject);
            for (const ast::SelectBranch& b : s.branches) {
                collect(*b.result);
            }
            return;
        }
        }
    }

    std::set<std::uint32_t> satser;

private:
    static constexpr Ref kNoRef{};
    const CheckedCatalog& checked_;
    std::set<std::uint32_t> rules_;
    std::set<std::uint32_t> tables_;
};

} // namespace

void checkSatsCoverage(const CheckedCatalog& checked, Diagnostics& diagnostics) {
    const Date openEnd = *Date::fromYmd(2999, 12, 31);
    for (const ast::YdelseDecl& y : checked.ast->ydelser) {
        if (!y.gyldigFra.present) {
            continue;
        }
        SatsCollector collector(checked);
        for (const ast::Definition& d : y.definitions) {
            collector.collect(*d.value);
        }
        for (const ast::Requirement& r : y.requirements) {
            collector.collect(*r.condition);
        }
        for (const ast::EIncomeField& f : y.eindkomst.value) {
            collector.collect(*f.value);
        }
        // The order's own rules (A-skat) apply to every ydelse.
        for (const ast::UdbetalingDecl& u : checked.ast->udbetalinger) {
            for (const ast::Definition& d : u.definitions) {
                collector.collect(*d.value);
            }
        }
        const Date from = y.gyldigFra.value;
        const Date to = y.gyldigTil.value.value_or(openEnd);
        for (std::uint32_t s : collector.satser) {
            const ir::Sats& sats = checked.satser[s];
            if (sats.intervals.empty()) {
                continue;
            }
            const Date satsFrom = sats.intervals.front().from;
            const Date satsTo = sats.intervals.back().to;
            if (satsFrom > from || satsTo < to) {
                auto span = [&](Date a, Date b) {
                    return b == openEnd ? fmt::format("fra {} og frem", a.toString())
                                        : fmt::format("fra {} til {}", a.toString(), b.toString());
                };
                diagnostics.error("K430", y.gyldigFra.range,
                                  fmt::format("ydelsen {} er gyldig {}, men satsen {} har kun "
                                              "værdier {}; skriv de manglende perioder som "
                                              "'ukendt', hvis værdien ikke kendes",
                                              y.code.name, span(from, to), sats.name,
                                              span(satsFrom, satsTo)));
            }
        }
    }
}

} // namespace ydelse::sema
