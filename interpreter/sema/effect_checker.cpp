#include "interpreter/sema/effect_checker.hpp"

#include "interpreter/sema/suggest.hpp"

#include <fmt/format.h>

namespace ydelse::sema {
namespace {

using ir::ValueType;

template <typename Decl>
std::vector<std::string> declNames(const std::vector<Decl>& decls) {
    std::vector<std::string> out;
    for (const Decl& d : decls) {
        out.push_back(d.name.name);
    }
    return out;
}

template <typename Decl>
void collectNames(const std::vector<Decl>& decls, std::map<std::string, std::uint32_t>& byName,
                  Diagnostics& diagnostics, std::string_view kind) {
    for (std::uint32_t i = 0; i < decls.size(); ++i) {
        auto [it, inserted] = byName.emplace(decls[i].name.name, i);
        if (!inserted) {
            diagnostics
                .error("K304", decls[i].name.range,
                       fmt::format("{} '{}' er defineret mere end én gang", kind,
                                   decls[i].name.name))
                .notes.push_back({decls[it->second].name.range, "første gang her"});
        }
    }
}

} // namespace

void EffectChecker::collect() {
    collectNames(checked_.ast->modregninger, checked_.modregningByName, diagnostics_,
                 "modregningsreglen");
    collectNames(checked_.ast->tilbagebetalinger, checked_.tilbagebetalingByName, diagnostics_,
                 "tilbagebetalingsreglen");
}

void EffectChecker::requireRuleAttrs(const ast::Attr<std::string>& lovgrundlag,
                                     const ast::Attr<std::string>& version,
                                     const ast::Ident& name, std::string_view kind) {
    if (!lovgrundlag.present) {
        diagnostics_.error("K301", name.range,
                           fmt::format("{} {} mangler 'lovgrundlag'", kind, name.name));
    }
    if (!version.present) {
        diagnostics_.error("K301", name.range,
                           fmt::format("{} {} mangler 'version'", kind, name.name));
    }
}

void EffectChecker::checkOffsetRules() {
    for (const ast::ModregningDecl& m : checked_.ast->modregninger) {
        requireRuleAttrs(m.lovgrundlag, m.version, m.name, "modregningsreglen");
        Scope claim;
        claim.kind = Scope::Kind::Claim;
        ExprChecker(checked_, diagnostics_, claim)
            .checkAs(*m.covers, Type::of(ValueType::Bool), "'omfatter'");
        if (m.cap) {
            Scope cap;
            cap.kind = Scope::Kind::OffsetCap;
            ExprChecker(checked_, diagnostics_, cap)
                .checkAs(*m.cap, Type::of(ValueType::Belob), "'højst'");
        }
    }
}

void EffectChecker::checkRepaymentRules() {
    for (const ast::TilbagebetalingDecl& t : checked_.ast->tilbagebetalinger) {
        requireRuleAttrs(t.lovgrundlag, t.version, t.name, "tilbagebetalingsreglen");
        if (t.fordringstype.empty()) {
            diagnostics_.error("K607", t.fordringstypeRange,
                               "fordringstypen må ikke være tom; den er kravets typekode, "
                               "f.eks. \"KTTIBAK\"");
        }
        Scope scope;
        scope.kind = Scope::Kind::Tilbagebetaling;
        ExprChecker checker(checked_, diagnostics_, scope);
        bool krav = false;
        bool foraeldes = false;
        bool inddrivelse = false;
        for (const ast::Definition& d : t.definitions) {
            const std::string& name = d.name.name;
            if (name != "krav" && name != "forældes" && name != "inddrivelse") {
                diagnostics_.error("K606", d.name.range,
                                   fmt::format("en tilbagebetalingsregel definerer kun 'krav', "
                                               "'forældes' og 'inddrivelse', ikke '{}'{}",
                                               name,
                                               suggestion(name, {"krav", "forældes",
                                                                 "inddrivelse"})));
                checker.check(*d.value);
                continue;
            }
            bool& seen = name == "krav" ? krav : name == "forældes" ? foraeldes : inddrivelse;
            if (seen) {
                diagnostics_.error("K304", d.name.range,
                                   fmt::format("'{}' er defineret mere end én gang", name));
            }
            seen = true;
            if (name == "krav") {
                checker.checkAs(*d.value, Type::enumeration(kKravtypeEnum), "'krav'");
            } else if (name == "inddrivelse") {
                checker.checkAs(*d.value, Type::of(ValueType::Bool), "'inddrivelse'");
            } else {
                checker.checkAs(*d.value, Type::of(ValueType::Dato), "'forældes'");
            }
        }
        for (auto [present, name] : {std::pair{krav, "krav"}, std::pair{foraeldes, "forældes"}}) {
            if (!present) {
                diagnostics_.error("K606", t.name.range,
                                   fmt::format("tilbagebetalingsreglen {} mangler '{}'",
                                               t.name.name, name));
            }
        }
    }
}

void EffectChecker::resolveYdelseUses() {
    const ast::Catalog& cat = *checked_.ast;
    checked_.ydelseOffsetRule.assign(cat.ydelser.size(), ir::kNone);
    checked_.ydelseRepaymentRule.assign(cat.ydelser.size(), ir::kNone);
    auto resolve = [&](const ast::Attr<ast::Ident>& use,
                       const std::map<std::string, std::uint32_t>& byName,
                       const std::vector<std::string>& names, std::string_view kind) {
        if (!use.present) {
            return ir::kNone;
        }
        auto it = byName.find(use.value.name);
        if (it == byName.end()) {
            diagnostics_.error("K601", use.value.range,
                               fmt::format("ukendt {} '{}'{}", kind, use.value.name,
                                           suggestion(use.value.name, names)));
            return ir::kNone;
        }
        return it->second;
    };
    const std::vector<std::string> offsetNames = declNames(cat.modregninger);
    const std::vector<std::string> repaymentNames = declNames(cat.tilbagebetalinger);
    for (std::size_t i = 0; i < cat.ydelser.size(); ++i) {
        const ast::YdelseDecl& y = cat.ydelser[i];
        checked_.ydelseOffsetRule[i] =
            resolve(y.modregning, checked_.modregningByName, offsetNames, "modregningsregel");
        checked_.ydelseRepaymentRule[i] = resolve(y.tilbagebetaling, checked_.tilbagebetalingByName,
                                                  repaymentNames, "tilbagebetalingsregel");
    }
}

void EffectChecker::checkUdbetaling() {
    const ast::Catalog& cat = *checked_.ast;
    if (cat.udbetalinger.empty()) {
        return; // K303 is reported by the udbetaling check
    }
    const ast::UdbetalingDecl& u = cat.udbetalinger[0];
    const ast::YdelseDecl* offsetting = nullptr;
    const ast::YdelseDecl* repaying = nullptr;
    for (const ast::YdelseDecl& y : cat.ydelser) {
        offsetting = offsetting ? offsetting : (y.modregning.present ? &y : nullptr);
        repaying = repaying ? repaying : (y.tilbagebetaling.present ? &y : nullptr);
    }
    if (u.coverage) {
        Scope claim;
        claim.kind = Scope::Kind::Claim;
        ExprChecker checker(checked_, diagnostics_, claim);
        for (const ast::ExprPtr& key : u.coverage->keys) {
            Type t = checker.check(*key);
            if (!t.error && t.kind != ValueType::Heltal && t.kind != ValueType::Dato) {
                diagnostics_.error("K603", key->range,
                                   "en nøgle i dækningsrækkefølgen skal være et Heltal (en "
                                   "gruppe; lavest dækkes først) eller en Dato (ældst først)");
            }
        }
        const auto& parts = u.coverage->parts;
        const bool renteHovedstol = parts.size() == 2 && parts[0].name == "rente" &&
                                    parts[1].name == "hovedstol";
        const bool hovedstolRente = parts.size() == 2 && parts[0].name == "hovedstol" &&
                                    parts[1].name == "rente";
        if (!renteHovedstol && !hovedstolRente) {
            diagnostics_.error("K604", parts.empty() ? u.coverage->range : parts[0].range,
                               "'dæk' skal nævne både rente og hovedstol, i den rækkefølge en "
                               "fordring dækkes: 'dæk rente, hovedstol'");
        }
    } else if (offsetting != nullptr) {
        diagnostics_.error("K605", offsetting->modregning.value.range,
                           fmt::format("{} kan modregnes, men 'udbetaling' har ingen 'dækning', "
                                       "der siger, i hvilken rækkefølge fordringer dækkes",
                                       offsetting->code.name))
            .notes.push_back({u.range, "'udbetaling' er her"});
    }
    if (repaying != nullptr) {
        bool posted = false;
        for (const ast::PostingLine& line : u.postings) {
            posted = posted || line.art.name == "tilbagebetalingskrav";
        }
        if (!posted) {
            diagnostics_.error("K501", u.range,
                               fmt::format("{} kan give et tilbagebetalingskrav, men beløbsarten "
                                           "'tilbagebetalingskrav' har ingen kontering i "
                                           "'udbetaling'",
                                           repaying->code.name))
                .notes.push_back({repaying->tilbagebetaling.range, "tilbagebetalingsreglen her"});
        }
    }
}

void EffectChecker::warnUnused() {
    const ast::Catalog& cat = *checked_.ast;
    std::vector<bool> offsetUsed(cat.modregninger.size(), false);
    std::vector<bool> repaymentUsed(cat.tilbagebetalinger.size(), false);
    for (std::size_t i = 0; i < cat.ydelser.size(); ++i) {
        if (checked_.ydelseOffsetRule[i] != ir::kNone) {
            offsetUsed[checked_.ydelseOffsetRule[i]] = true;
        }
        if (checked_.ydelseRepaymentRule[i] != ir::kNone) {
            repaymentUsed[checked_.ydelseRepaymentRule[i]] = true;
        }
    }
    for (std::size_t i = 0; i < offsetUsed.size(); ++i) {
        if (!offsetUsed[i]) {
            const ast::Ident& name = cat.modregninger[i].name;
            diagnostics_.warning("K111", name.range,
                                 fmt::format("modregningsreglen '{}' bruges ikke", name.name));
        }
    }
    for (std::size_t i = 0; i < repaymentUsed.size(); ++i) {
        if (!repaymentUsed[i]) {
            const ast::Ident& name = cat.tilbagebetalinger[i].name;
            diagnostics_.warning("K111", name.range,
                                 fmt::format("tilbagebetalingsreglen '{}' bruges ikke", name.name));
        }
    }
}

} // namespace ydelse::sema
