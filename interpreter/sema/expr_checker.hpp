// Resolves names and checks types of one expression tree in a scope, recording both in the
// CheckedCatalog's side tables. Reports every problem it finds and keeps going: an expression
// with an error gets Type::errorType(), which silences follow-on reports.
#pragma once

#include "interpreter/sema/checked_catalog.hpp"
#include "interpreter/source/diagnostics.hpp"

#include <functional>
#include <set>

namespace ydelse::sema {

struct Scope {
    /// Claim: about one open claim (`fordring.*`); OffsetCap: a modregningsregel's `højst`
    /// (`til_rådighed`); Tilbagebetaling: a tilbagebetalingsregel's definitions.
    enum class Kind : std::uint8_t {
        Ydelse,
        Regel,
        Kontering,
        Udbetaling,
        Claim,
        OffsetCap,
        Tilbagebetaling
    };
    Kind kind = Kind::Ydelse;
    const ast::YdelseDecl* ydelse = nullptr;
    BlockInfo* block = nullptr; ///< definitions visible (ydelse, udbetaling)
    const std::vector<ast::Param>* params = nullptr;
    std::vector<Type> paramTypes;
    bool eindkomst = false; ///< `a_skat` is the line's share of the order's A-skat
    /// Types a definition of the block on demand (and reports cycles); set by the decl checker.
    std::function<Type(std::uint32_t, SourceRange)> definitionType;
    std::set<std::uint32_t>* usedDefinitions = nullptr;
};

class ExprChecker {
public:
    ExprChecker(CheckedCatalog& checked, Diagnostics& diagnostics, const Scope& scope)
        : checked_(checked), diagnostics_(diagnostics), scope_(scope) {}

    Type check(const ast::Expr& expr);
    /// Checks and reports a mismatch with `expected` ("forventede Beløb, fik Procent").
    Type checkAs(const ast::Expr& expr, Type expected, std::string_view what);

private:
    Type checkLiteral(const ast::LiteralExpr& e);
    Type checkName(const ast::NameExpr& e);
    Type checkCall(const ast::CallExpr& e);
    Type checkBuiltin(const ast::CallExpr& e, Builtin builtin);
    Type checkAggregate(const ast::CallExpr& e, Builtin builtin);
    Type checkCallArgs(const ast::CallExpr& e, const std::string& callee,
                       const std::vector<ast::Param>& params, const ast::TypeRef& returnType);
    Type checkUnary(const ast::UnaryExpr& e);
    Type checkBinary(const ast::BinaryExpr& e, bool divisionAllowed);
    Type checkIf(const ast::IfExpr& e);
    Type checkSelect(const ast::SelectExpr& e);
    Type checkAccount(const ast::AccountExpr& e);

    /// K214 when `a` and `b` are amounts of different period units; true if reported.
    bool reportUnitClash(const ast::Expr& at, Type a, Type b, std::string_view what);
    Type record(const ast::Expr& e, Type t);
    void recordRef(const ast::Expr& e, Ref ref);
    std::vector<std::string> visibleNames() const;
    std::string typeName(Type t) const;

    CheckedCatalog& checked_;
    Diagnostics& diagnostics_;
    const Scope& scope_;
};

/// Types the parameters of a regel, tabel or konteringsregel into `scope.paramTypes`,
/// reporting unknown types (K211) and `valgfri` (K213, only grundlag fields may be optional).
/// False if a type is unknown.
bool declareParams(const CheckedCatalog& checked, Diagnostics& diagnostics,
                   const std::vector<ast::Param>& params, Scope& scope);

/// Numbers of any unit (Beløb, Procent, Decimal, Heltal).
bool isNumericType(ir::ValueType t);
/// The common type of two operands: equal types, or Heltal and Decimal meeting at Decimal.
std::optional<Type> unifyTypes(Type a, Type b);

/// The type a catalog author's type name stands for, or nothing.
std::optional<Type> resolveTypeName(const CheckedCatalog& checked, std::string_view name);
/// The same with the period unit written after it (`Beløb pr. måned`).
std::optional<Type> resolveTypeRef(const CheckedCatalog& checked, const ast::TypeRef& type);
/// Reports a period unit that is unknown or stands on another type than Beløb (K215).
void checkTypeUnit(Diagnostics& diagnostics, const ast::TypeRef& type,
                   const std::optional<Type>& resolved);
/// "Beløb pr. måned", "Procent", an enumeration's name.
std::string typeText(const CheckedCatalog& checked, Type t);

} // namespace ydelse::sema
