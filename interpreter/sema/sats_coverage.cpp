#include "interpreter/sema/sats_coverage.hpp"

#include "interpreter/sema/coverage_walk.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ydelse::sema {

void checkSatsCoverage(const CheckedCatalog& checked, Diagnostics& diagnostics) {
    const Date openEnd = *Date::fromYmd(2999, 12, 31);
    for (const ast::YdelseDecl& y : checked.ast->ydelser) {
        if (!y.gyldigFra.present) {
            continue;
        }
        const CoverageWalker reach = walkYdelse(checked, y);
        const Date from = y.gyldigFra.value;
        const Date to = y.gyldigTil.value.value_or(openEnd);
        for (const auto& [s, windows] : reach.satsWindows) {
            const ir::Sats& sats = checked.satser[s];
            if (sats.intervals.empty()) {
                continue;
            }
            // A sats reached only through one version of a rule is needed on its days only.
            Date needFrom = to;
            Date needTo = from;
            for (const Window& w : windows) {
                needFrom = std::min(needFrom, w.from);
                needTo = std::max(needTo, w.to);
            }
            const Date satsFrom = sats.intervals.front().from;
            const Date satsTo = sats.intervals.back().to;
            if (satsFrom > needFrom || satsTo < needTo) {
                auto span = [&](Date a, Date b) {
                    return b == openEnd ? fmt::format("fra {} og frem", a.toString())
                                        : fmt::format("fra {} til {}", a.toString(), b.toString());
                };
                const std::string need =
                    needFrom == from && needTo == to
                        ? fmt::format("er gyldig {}, men satsen {}", span(from, to), sats.name)
                        : fmt::format("bruger (gennem en version af en regel) satsen {} {}, men "
                                      "den",
                                      sats.name, span(needFrom, needTo));
                diagnostics.error("K430", y.gyldigFra.range,
                                  fmt::format("ydelsen {} {} har kun værdier {}; skriv de "
                                              "manglende perioder som 'ukendt', hvis værdien "
                                              "ikke kendes",
                                              y.code.name, need, span(satsFrom, satsTo)));
            }
        }
    }
}

} // namespace ydelse::sema
