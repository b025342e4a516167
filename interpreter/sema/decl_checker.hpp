// Internal to sema: checks one kind of declaration each. checker.cpp runs them in order.
#pragma once

#include "interpreter/sema/expr_checker.hpp"

namespace ydelse::sema {

class DeclChecker {
public:
    DeclChecker(CheckedCatalog& checked, Diagnostics& diagnostics)
        : checked_(checked), diagnostics_(diagnostics) {}

    void collectSymbols();
    void checkRegel(std::uint32_t index);
    void checkKontering(std::uint32_t index);
    void checkUdbetaling();
    void checkYdelse(std::uint32_t index);
    void checkRuleCycles();
    void warnUnusedRules();

private:
    /// Types every definition of a block, reporting cycles and mismatched declared types.
    void checkBlock(BlockInfo& block, Scope& scope, std::set<std::uint32_t>& used);
    void checkPostingLines(const std::vector<ast::PostingLine>& lines, Scope& scope,
                           bool orderLevel, std::vector<bool>& present);
    void checkKonteringUse(const ast::YdelseDecl& y, Scope& scope);
    void checkProducedArtsPosted(const ast::YdelseDecl& y, const Scope& scope,
                                 const ast::KonteringDecl& k);
    void requireAttribute(bool present, const ast::YdelseDecl& y, std::string_view what);
    void noteRuleCalls(const ast::Expr& expr, std::set<std::uint32_t>& into) const;
    void noteUsedRules(const ast::Expr& expr);

    CheckedCatalog& checked_;
    Diagnostics& diagnostics_;
    std::vector<bool> ruleUsed_;
};

} // namespace ydelse::sema
