// K431: a ydelse that can reach a versioned regel, tabel or konteringsregel on a day no version
// (and no deliberate gap) covers. Like K430 for satser, but a rule reached through one version of
// another rule is only needed while that version is in force, so the walk narrows a window of
// days as it descends.
#include "interpreter/sema/rule_versions.hpp"

#include "interpreter/sema/coverage_walk.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ydelse::sema {
namespace {

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

CoverageWalker walkYdelse(const CheckedCatalog& checked, const ast::YdelseDecl& y) {
    const ast::Catalog& cat = *checked.ast;
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
            walker.visit(ReachKind::Kontering, k->second, validity);
        }
    }
    return walker;
}

void checkRuleCoverage(const CheckedCatalog& checked, Diagnostics& diagnostics) {
    const ast::Catalog& cat = *checked.ast;
    for (const ast::YdelseDecl& y : cat.ydelser) {
        if (!y.gyldigFra.present) {
            continue;
        }
        CoverageWalker walker = walkYdelse(checked, y);
        for (const auto& [rule, gaps] : walker.uncovered) {
            const auto [kind, primary] = rule;
            const ast::Ident& name = kind == ReachKind::Regel   ? cat.regler[primary].name
                                     : kind == ReachKind::Tabel ? cat.tabeller[primary].name
                                                           : cat.konteringer[primary].name;
            const char* what = kind == ReachKind::Regel   ? "reglen"
                               : kind == ReachKind::Tabel ? "tabellen"
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
