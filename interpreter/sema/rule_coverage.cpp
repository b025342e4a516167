// K431: a ydelse that can reach a versioned regel, tabel or konteringsregel on a day no version
// (and no deliberate gap) covers. Like K430 for satser, but a rule reached through one version of
// another rule is only needed while that version is in force, so the walk narrows a window of
// days as it descends.
#include "interpreter/sema/rule_versions.hpp"

#include "interpreter/sema/expr_walk.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace ydelse::sema {
namespace {

enum class Kind : std::uint8_t { Regel, Tabel, Kontering };

struct Window {
    Date from;
    Date to;
};

class CoverageWalker {
public:
    explicit CoverageWalker(const CheckedCatalog& checked) : checked_(checked) {}

    void walk(const ast::Expr& e, Window w) {
        forEachSubExpr(e, [&](const ast::Expr& sub) {
            if (sub.kind != ast::ExprKind::Call || sub.id >= checked_.refs.size()) {
                return;
            }
            const Ref& ref = checked_.refs[sub.id];
            if (ref.kind == RefKind::Rule) {
                visit(Kind::Regel, ref.index, w);
            } else if (ref.kind == RefKind::Table) {
                visit(Kind::Tabel, ref.index, w);
            }
        });
    }

    void visit(Kind kind, std::uint32_t primary, Window w) {
        if (!visited_.insert({kind, primary, w.from.days(), w.to.days()}).second) {
            return;
        }
        const RuleVersions& rv = versionsOf(kind)[primary];
        if (kind == Kind::Regel) {
            for (std::uint32_t u : checked_.undtagelserByRegel[primary]) {
                walk(*checked_.ast->undtagelser[u].condition, w);
                walk(*checked_.ast->undtagelser[u].value, w);
            }
        }
        if (!rv.versioned) {
            for (std::uint32_t d : rv.decls) {
                walkBody(kind, d, w);
            }
            return;
        }
        const Date first = rv.spans.front().from;
        const Date last = rv.spans.back().to;
        if (w.from < first) {
            uncovered[{kind, primary}].push_back({w.from, std::min(w.to, first.plusDays(-1))});
        }
        if (w.to > last) {
            uncovered[{kind, primary}].push_back({std::max(w.from, last.plusDays(1)), w.to});
        }
        for (const VersionSpan& s : rv.spans) {
            Window x{std::max(w.from, s.from), std::min(w.to, s.to)};
            if (s.decl != ir::kNone && x.from <= x.to) {
                walkBody(kind, s.decl, x);
            }
        }
    }

    std::map<std::pair<Kind, std::uint32_t>, std::vector<Window>> uncovered;

private:
    const std::vector<RuleVersions>& versionsOf(Kind kind) const {
        return kind == Kind::Regel   ? checked_.regelVersions
               : kind == Kind::Tabel ? checked_.tabelVersions
                                     : checked_.konteringVersions;
    }

    void walkBody(Kind kind, std::uint32_t decl, Window w) {
        const ast::Catalog& cat = *checked_.ast;
        switch (kind) {
        case Kind::Regel:
            walk(*cat.regler[decl].body, w);
            return;
        case Kind::Tabel:
            for (const ast::TableRow& row : cat.tabeller[decl].rows) {
                walk(*row.result, w);
            }
            return;
        case Kind::Kontering:
            for (const ast::PostingLine& line : cat.konteringer[decl].lines) {
                walk(*line.debit, w);
                walk(*line.credit, w);
            }
            return;
        }
    }

    const CheckedCatalog& checked_;
    std::set<std::tuple<Kind, std::uint32_t, std::int32_t, std::int32_t>> visited_;
};

std::string stretches(std::vector<Window> list) {
    std::sort(list.begin(), list.end(),
              [](const Window& a, const Window& b) { return a.from < b.from; });
    std::vector<Window> merged;
    for (const Window& w : list) {
        if (!merged.empty() && w.from <= merged.back().to.plusDays(1)) {
            merged.back().to = std::max(merged.back().to, w.to);
        } else {
            merged.push_back(w);
        }
    }
    std::string text;
    for (std::size_t i = 0; i < merged.size(); ++i) {
        text += i == 0 ? "" : " og ";
        text += merged[i].to == kOpenEnd
                    ? fmt::format("fra {} og frem", merged[i].from.toString())
                    : fmt::format("fra {} til {}", merged[i].from.toString(),
                                  merged[i].to.toString());
    }
    return text;
}

} // namespace

void checkRuleCoverage(const CheckedCatalog& checked, Diagnostics& diagnostics) {
    const ast::Catalog& cat = *checked.ast;
    for (const ast::YdelseDecl& y : cat.ydelser) {
        if (!y.gyldigFra.present) {
            continue;
        }
        const Window validity{y.gyldigFra.value, y.gyldigTil.value.value_or(kOpenEnd)};
        CoverageWalker walker(checked);
        for (const ast::Definition& d : y.definitions) {
            walker.walk(*d.value, validity);
        }
        for (const ast::Requirement& r : y.requirements) {
            walker.walk(*r.condition, validity);
        }
        for (const ast::EIncomeField& f : y.eindkomst.value) {
            walker.walk(*f.value, validity);
        }
        // The order's own rules (A-skat) apply to every ydelse.
        for (const ast::UdbetalingDecl& u : cat.udbetalinger) {
            for (const ast::Definition& d : u.definitions) {
                walker.walk(*d.value, validity);
            }
        }
        if (y.kontering) {
            for (const ast::NamedArg& a : y.kontering->args) {
                walker.walk(*a.value, validity);
            }
            auto k = checked.konteringByName.find(y.kontering->rule.name);
            if (k != checked.konteringByName.end()) {
                walker.visit(Kind::Kontering, k->second, validity);
            }
        }
        for (const auto& [rule, gaps] : walker.uncovered) {
            const auto [kind, primary] = rule;
            const ast::Ident& name = kind == Kind::Regel   ? cat.regler[primary].name
                                     : kind == Kind::Tabel ? cat.tabeller[primary].name
                                                           : cat.konteringer[primary].name;
            const char* what = kind == Kind::Regel   ? "reglen"
                               : kind == Kind::Tabel ? "tabellen"
                                                     : "konteringsreglen";
            diagnostics
                .error("K431", y.gyldigFra.range,
                       fmt::format("ydelsen {} bruger {} {}, som ikke gælder {}; giv reglen en "
                                   "version for de dage, eller begræns ydelsens gyldighed",
                                   y.code.name, what, name.name, stretches(gaps)))
                .notes.push_back({name.range, fmt::format("{} er her", what)});
        }
    }
}

} // namespace ydelse::sema
