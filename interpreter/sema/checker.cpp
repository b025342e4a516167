// Stage 2 driver: the passes in order. Each reports into the same sink; all run, so one run shows
// every error of the catalog.
#include "interpreter/sema/checker.hpp"

#include "interpreter/sema/decl_checker.hpp"
#include "interpreter/sema/effect_checker.hpp"
#include "interpreter/sema/exception_checker.hpp"
#include "interpreter/sema/rule_versions.hpp"
#include "interpreter/sema/sats_coverage.hpp"
#include "interpreter/sema/table_checker.hpp"

namespace ydelse {

sema::CheckedCatalog check(const ast::Catalog& catalog, std::vector<ir::Sats> satser,
                           Diagnostics& diagnostics, std::vector<PeriodUnit> satsUnits) {
    sema::CheckedCatalog checked;
    checked.ast = &catalog;
    checked.satser = std::move(satser);
    checked.satsUnits = std::move(satsUnits);
    checked.satsUnits.resize(checked.satser.size(), PeriodUnit::None);
    checked.exprTypes.resize(catalog.nextExprId);
    checked.refs.resize(catalog.nextExprId);
    checked.ydelseBlocks.resize(catalog.ydelser.size());

    sema::DeclChecker decls(checked, diagnostics);
    decls.collectSymbols();
    sema::collectTables(checked, diagnostics);
    for (std::uint32_t i = 0; i < catalog.regler.size(); ++i) {
        decls.checkRegel(i);
    }
    for (std::uint32_t i = 0; i < catalog.tabeller.size(); ++i) {
        sema::checkTable(checked, diagnostics, i);
    }
    sema::checkExceptions(checked, diagnostics);
    decls.checkRuleCycles();
    for (std::uint32_t i = 0; i < catalog.konteringer.size(); ++i) {
        decls.checkKontering(i);
    }
    decls.checkUdbetaling();
    for (std::uint32_t i = 0; i < catalog.ydelser.size(); ++i) {
        decls.checkYdelse(i);
    }
    sema::EffectChecker effects(checked, diagnostics);
    effects.collect();
    effects.checkOffsetRules();
    effects.checkRepaymentRules();
    effects.resolveYdelseUses();
    effects.checkUdbetaling();
    decls.warnUnusedRules();
    effects.warnUnused();
    if (!diagnostics.hasErrors()) {
        sema::checkSatsCoverage(checked, diagnostics);
        sema::checkRuleCoverage(checked, diagnostics);
    }
    return checked;
}

} // namespace ydelse
