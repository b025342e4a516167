// ExprChecker, the built-in functions: max/min, the named roundings (the only place a division
// may stand), angivet, hel_måned, år and kalenderuger.
#include "interpreter/sema/expr_checker.hpp"

#include <fmt/format.h>

namespace ydelse::sema {
namespace {

using ir::ValueType;

bool isNumeric(ValueType t) { return isNumericType(t); }

std::optional<Type> unify(Type a, Type b) { return unifyTypes(a, b); }

} // namespace

Type ExprChecker::checkBuiltin(const ast::CallExpr& e, Builtin builtin) {
    auto arity = [&](std::size_t n) {
        if (e.args.size() == n) {
            return true;
        }
        diagnostics_.error("K202", e.range,
                           fmt::format("{} tager {} argument(er), men får {}", e.callee.name, n,
                                       e.args.size()));
        for (const ast::ExprPtr& arg : e.args) {
            check(*arg);
        }
        return false;
    };
    switch (builtin) {
    case Builtin::Sum:
    case Builtin::Antal:
    case Builtin::Findes:
        return checkAggregate(e, builtin);
    case Builtin::Max:
    case Builtin::Min: {
        if (!arity(2)) {
            return Type::errorType();
        }
        Type a = check(*e.args[0]);
        Type b = check(*e.args[1]);
        if (a.error || b.error || reportUnitClash(e, a, b, e.callee.name)) {
            return Type::errorType();
        }
        std::optional<Type> t = unify(a, b);
        if (!t || !isNumeric(t->kind)) {
            diagnostics_.error("K201", e.range,
                               fmt::format("{} kræver to tal af samme slags, men får {} og {}",
                                           e.callee.name, typeName(a), typeName(b)));
            return Type::errorType();
        }
        return *t;
    }
    case Builtin::RundNed:
    case Builtin::RundOp:
    case Builtin::RundHalvtOp:
    case Builtin::RundHalvtLige: {
        if (!arity(2)) {
            return Type::errorType();
        }
        const ast::Expr& value = *e.args[0];
        Type t = value.kind == ast::ExprKind::Binary
                     ? record(value, checkBinary(static_cast<const ast::BinaryExpr&>(value), true))
                     : check(value);
        const ast::Expr& unit = *e.args[1];
        Type u = check(unit);
        if (t.error || u.error) {
            return Type::errorType();
        }
        if (!isNumeric(t.kind) || t.kind == ValueType::Procent) {
            diagnostics_.error("K201", value.range,
                               fmt::format("{} afrunder et beløb eller et tal, ikke {}",
                                           e.callee.name, typeName(t)));
            return Type::errorType();
        }
        const bool unitIsPositiveLiteral =
            unit.kind == ast::ExprKind::Literal &&
            static_cast<const ast::LiteralExpr&>(unit).number > Decimal{};
        if (!unitIsPositiveLiteral || !unify(t, u)) {
            diagnostics_.error(
                "K205", unit.range,
                fmt::format("afrundingsenheden skal være en positiv konstant af samme slags som "
                            "værdien ({}), f.eks. {}",
                            typeName(t), t.kind == ValueType::Belob ? "1 kr" : "1"));
            return Type::errorType();
        }
        return t;
    }
    case Builtin::Angivet: {
        if (!arity(1)) {
            return Type::errorType();
        }
        const ast::Expr& arg = *e.args[0];
        check(arg);
        const Ref* ref = arg.id < checked_.refs.size() ? &checked_.refs[arg.id] : nullptr;
        const bool optionalInput =
            ref != nullptr && ref->kind == RefKind::Input &&
            ref->index >= static_cast<std::uint32_t>(ir::Input::ForsorgelseUge);
        const bool optionalGrundlag = ref != nullptr && ref->kind == RefKind::Grundlag &&
                                      scope_.ydelse != nullptr &&
                                      scope_.ydelse->grundlag.value[ref->index].optional;
        if (!optionalInput && !optionalGrundlag) {
            diagnostics_.error("K206", arg.range,
                               "angivet(...) kan kun spørge til et valgfrit felt i ordren, "
                               "f.eks. forsørgelse.uge, skattekort.fradrag eller et grundlagsfelt "
                               "erklæret 'valgfri'");
            return Type::errorType();
        }
        return Type::of(ValueType::Bool);
    }
    case Builtin::HelMaaned: {
        if (!arity(1)) {
            return Type::errorType();
        }
        checkAs(*e.args[0], Type::of(ValueType::Periode), "argumentet til hel_måned");
        return Type::of(ValueType::Bool);
    }
    case Builtin::Aar: {
        if (!arity(1)) {
            return Type::errorType();
        }
        checkAs(*e.args[0], Type::of(ValueType::Dato), "argumentet til år");
        return Type::of(ValueType::Heltal);
    }
    case Builtin::PlusAar: {
        if (!arity(2)) {
            return Type::errorType();
        }
        checkAs(*e.args[0], Type::of(ValueType::Dato), "det første argument til plus_år");
        checkAs(*e.args[1], Type::of(ValueType::Heltal), "antallet af år i plus_år");
        return Type::of(ValueType::Dato);
    }
    case Builtin::Kalenderuger: {
        if (!arity(1)) {
            return Type::errorType();
        }
        checkAs(*e.args[0], Type::of(ValueType::Periode), "argumentet til kalenderuger");
        return Type::of(ValueType::Heltal);
    }
    }
    return Type::errorType();
}

} // namespace ydelse::sema
