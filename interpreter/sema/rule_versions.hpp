// Versions of regler, tabeller and konteringsregler: declarations that share a name, each with
// `gyldig fra`, form one rule; the version in force for an order's periode.fra is used.
#pragma once

#include "interpreter/sema/checked_catalog.hpp"
#include "interpreter/source/diagnostics.hpp"

namespace ydelse::sema {

/// One declaration as the version checks see it, whatever kind of rule it is.
struct VersionedDecl {
    const ast::Ident* name = nullptr;
    const ast::Attr<std::string>* version = nullptr;
    const ast::Validity* validity = nullptr;
    const std::vector<ast::Param>* params = nullptr;
    const ast::TypeRef* returnType = nullptr; ///< none for a konteringsregel
};

/// Groups declarations by name: `byName` gets the first declaration of each name, `versions`
/// (by declaration index) its versions in date order. Reports a plain second declaration (K304),
/// versions without `gyldig fra` or with the same `version` (K333), `til` before `fra` (K306),
/// overlaps (K330), gaps not declared `bevidst hul` (K331) and differing parameters or result
/// (K332). `what` names the kind in messages: "reglen", "tabellen", "konteringsreglen".
void groupVersions(const std::vector<VersionedDecl>& decls, std::string_view what,
                   Diagnostics& diagnostics, std::map<std::string, std::uint32_t>& byName,
                   std::vector<RuleVersions>& versions);

/// Every ydelse's validity must be covered by each versioned rule it can reach (through its
/// definitions, krav, eindkomst, kontering and udbetaling): K431 names the uncovered days.
void checkRuleCoverage(const CheckedCatalog& checked, Diagnostics& diagnostics);

} // namespace ydelse::sema
