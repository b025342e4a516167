// ExprChecker, the bounded operations over the order's open claims: sum, antal and findes over
// `fordringer [hvor …]`. The filter and the summed value are about one claim and are checked in
// the claim scope (`fordring.*`); the aggregate itself may stand anywhere but inside such a
// scope, so evaluation never nests one loop over the claims in another.
#include "interpreter/sema/expr_checker.hpp"

#include <fmt/format.h>

namespace ydelse::sema {

Type ExprChecker::checkAggregate(const ast::CallExpr& e, Builtin builtin) {
    const std::size_t want = builtin == Builtin::Sum ? 2 : 1;
    const std::string usage = builtin == Builtin::Sum
                                  ? "sum(fordringer hvor betingelse; værdi)"
                                  : fmt::format("{}(fordringer hvor betingelse)", e.callee.name);
    if (e.args.size() != want || e.args[0]->kind != ast::ExprKind::ClaimList) {
        diagnostics_.error("K608", e.range,
                           fmt::format("{} tager listen af fordringer (evt. med 'hvor'){}: {}",
                                       e.callee.name,
                                       builtin == Builtin::Sum ? " og en værdi pr. fordring" : "",
                                       usage));
        return Type::errorType();
    }
    if (scope_.kind == Scope::Kind::Claim) {
        diagnostics_.error("K608", e.range,
                           fmt::format("{} over fordringerne kan ikke stå, hvor én bestemt "
                                       "fordring behandles",
                                       e.callee.name));
        return Type::errorType();
    }
    Scope claim;
    claim.kind = Scope::Kind::Claim;
    ExprChecker inner(checked_, diagnostics_, claim);
    const auto& list = static_cast<const ast::ClaimListExpr&>(*e.args[0]);
    if (list.filter) {
        inner.checkAs(*list.filter, Type::of(ir::ValueType::Bool), "betingelsen efter 'hvor'");
    }
    record(list, Type::of(ir::ValueType::Bool));
    switch (builtin) {
    case Builtin::Antal: return Type::of(ir::ValueType::Heltal);
    case Builtin::Findes: return Type::of(ir::ValueType::Bool);
    default: break;
    }
    Type value = inner.check(*e.args[1]);
    if (value.error) {
        return value;
    }
    if (value.kind != ir::ValueType::Belob && value.kind != ir::ValueType::Heltal &&
        value.kind != ir::ValueType::Decimal) {
        diagnostics_.error("K201", e.args[1]->range,
                           fmt::format("sum kan kun lægge Beløb, Heltal eller Decimal sammen, "
                                       "ikke {}",
                                       typeName(value)));
        return Type::errorType();
    }
    return value;
}

} // namespace ydelse::sema
