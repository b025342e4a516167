// Internal to sema: checks the rules that drive effektuering beyond one payout's arithmetic:
// modregningsregler, tilbagebetalingsregler, the udbetaling's dækningsrækkefølge, and each
// ydelse's references to them. checker.cpp runs it after the ydelser are checked.
#pragma once

#include "interpreter/sema/expr_checker.hpp"

namespace ydelse::sema {

class EffectChecker {
public:
    EffectChecker(CheckedCatalog& checked, Diagnostics& diagnostics)
        : checked_(checked), diagnostics_(diagnostics) {}

    /// Names every modregnings- and tilbagebetalingsregel (K304 for a second of one name).
    void collect();
    void checkOffsetRules();
    void checkRepaymentRules();
    /// Resolves each ydelse's `modregning` and `tilbagebetaling` (K601) into the CheckedCatalog.
    void resolveYdelseUses();
    /// The dækningsrækkefølge (K603-K605) and the tilbagebetalingskrav posting (K501).
    void checkUdbetaling();
    void warnUnused();

private:
    void requireRuleAttrs(const ast::Attr<std::string>& lovgrundlag,
                          const ast::Attr<std::string>& version, const ast::Ident& name,
                          std::string_view kind);

    CheckedCatalog& checked_;
    Diagnostics& diagnostics_;
};

} // namespace ydelse::sema
