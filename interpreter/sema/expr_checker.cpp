// Name resolution and type rules for expressions. The unit rules: Beløb + Procent is an error;
// Beløb × Procent, Beløb × Decimal and Beløb × Heltal are Beløb; Beløb × Beløb is an error; a
// division exists only inside a rounding function, so every inexact quotient is rounded by name.
#include "interpreter/sema/expr_checker.hpp"

#include "interpreter/sema/suggest.hpp"

#include <fmt/format.h>

namespace ydelse::sema {
namespace {

using ir::ValueType;

// Where an input may be named: everywhere, only about the claim in hand (a modregningsregel's
// `omfatter`, the dækningsrækkefølge), or only in a modregningsregel's cap.
enum class InputScope : std::uint8_t { Everywhere, Claim, OffsetCap };

struct InputInfo {
    std::string_view path;
    ir::Input input;
    ValueType type;
    std::uint32_t enumId;
    InputScope where = InputScope::Everywhere;
};

const InputInfo kInputs[] = {
    {"periode", ir::Input::Periode, ValueType::Periode, ir::kNone},
    {"periode.fra", ir::Input::PeriodeFra, ValueType::Dato, ir::kNone},
    {"periode.til", ir::Input::PeriodeTil, ValueType::Dato, ir::kNone},
    {"udbetalingsdato", ir::Input::Udbetalingsdato, ValueType::Dato, ir::kNone},
    {"kommune", ir::Input::Kommune, ValueType::Heltal, ir::kNone},
    {"modtager.type", ir::Input::ModtagerType, ValueType::Enum, kModtagerEnum},
    {"forsørgelse.uge", ir::Input::ForsorgelseUge, ValueType::Heltal, ir::kNone},
    {"forsørgelse.måneder", ir::Input::ForsorgelseMaaneder, ValueType::Heltal, ir::kNone},
    {"skattekort.type", ir::Input::SkattekortType, ValueType::Enum, kSkattekortEnum},
    {"skattekort.trækprocent", ir::Input::SkattekortTraekprocent, ValueType::Procent, ir::kNone},
    {"skattekort.fradrag", ir::Input::SkattekortFradrag, ValueType::Belob, ir::kNone},
    {"skattekort.frikort_rest", ir::Input::SkattekortFrikortRest, ValueType::Belob, ir::kNone},
    {"tidligere.udbetalingsdato", ir::Input::TidligereUdbetalingsdato, ValueType::Dato, ir::kNone},
    {"fordring.kategori", ir::Input::FordringKategori, ValueType::Enum, kFordringskategoriEnum,
     InputScope::Claim},
    {"fordring.fordringshaver", ir::Input::FordringFordringshaver, ValueType::Enum,
     kFordringshaverEnum, InputScope::Claim},
    {"fordring.modtaget", ir::Input::FordringModtaget, ValueType::Dato, ir::kNone,
     InputScope::Claim},
    {"fordring.rente", ir::Input::FordringRente, ValueType::Belob, ir::kNone, InputScope::Claim},
    {"fordring.hovedstol", ir::Input::FordringHovedstol, ValueType::Belob, ir::kNone,
     InputScope::Claim},
    {"til_rådighed", ir::Input::TilRaadighed, ValueType::Belob, ir::kNone, InputScope::OffsetCap},
};

bool inputVisible(const InputInfo& in, const Scope& scope) {
    switch (in.where) {
    case InputScope::Everywhere: return true;
    case InputScope::Claim: return scope.kind == Scope::Kind::Claim;
    case InputScope::OffsetCap: return scope.kind == Scope::Kind::OffsetCap;
    }
    return false;
}

struct BuiltinInfo {
    std::string_view name;
    Builtin builtin;
};

const BuiltinInfo kBuiltins[] = {
    {"max", Builtin::Max},
    {"min", Builtin::Min},
    {"rund_ned", Builtin::RundNed},
    {"rund_op", Builtin::RundOp},
    {"rund_halvt_op", Builtin::RundHalvtOp},
    {"rund_halvt_lige", Builtin::RundHalvtLige},
    {"angivet", Builtin::Angivet},
    {"hel_måned", Builtin::HelMaaned},
    {"år", Builtin::Aar},
    {"plus_år", Builtin::PlusAar},
    {"sum", Builtin::Sum},
    {"antal", Builtin::Antal},
    {"findes", Builtin::Findes},
    {"kalenderuger", Builtin::Kalenderuger},
};

bool isNumeric(ValueType t) {
    return t == ValueType::Belob || t == ValueType::Procent || t == ValueType::Decimal ||
           t == ValueType::Heltal;
}

bool isPlainNumber(ValueType t) { return t == ValueType::Decimal || t == ValueType::Heltal; }

} // namespace

bool isNumericType(ValueType t) { return isNumeric(t); }

namespace {

// Heltal and Decimal meet at Decimal; any other pair must be equal. An amount without a unit
// takes the other's (callers report clashing units first, K214).
std::optional<Type> unify(Type a, Type b) {
    if (a == b) {
        if (a.unit == PeriodUnit::None) {
            a.unit = b.unit;
        }
        return a;
    }
    if (isPlainNumber(a.kind) && isPlainNumber(b.kind)) {
        return Type::of(ValueType::Decimal);
    }
    return std::nullopt;
}

std::optional<Type> multiplyTypes(Type a, Type b) {
    if (a.kind == ValueType::Belob && b.kind == ValueType::Belob) {
        return std::nullopt;
    }
    for (auto [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
        if (x.kind == ValueType::Belob && (y.kind == ValueType::Procent || isPlainNumber(y.kind))) {
            return Type::belob(x.unit); // 37 % of a monthly amount is a monthly amount
        }
        if (x.kind == ValueType::Procent && (y.kind == ValueType::Procent || isPlainNumber(y.kind))) {
            return Type::of(ValueType::Procent);
        }
    }
    if (isPlainNumber(a.kind) && isPlainNumber(b.kind)) {
        return unify(a, b);
    }
    return std::nullopt;
}

} // namespace

std::optional<Type> unifyTypes(Type a, Type b) { return unify(a, b); }


Type ExprChecker::record(const ast::Expr& e, Type t) {
    if (checked_.exprTypes.size() <= e.id) {
        checked_.exprTypes.resize(e.id + 1);
    }
    checked_.exprTypes[e.id] = t;
    return t;
}

void ExprChecker::recordRef(const ast::Expr& e, Ref ref) {
    if (checked_.refs.size() <= e.id) {
        checked_.refs.resize(e.id + 1);
    }
    checked_.refs[e.id] = ref;
}

std::string ExprChecker::typeName(Type t) const { return typeText(checked_, t); }

bool ExprChecker::reportUnitClash(const ast::Expr& at, Type a, Type b, std::string_view what) {
    if (!unitsClash(a, b)) {
        return false;
    }
    diagnostics_.error("K214", at.range,
                       fmt::format("{}: {} og {} har forskellig periodeenhed; et beløb pr. {} "
                                   "er ikke et beløb pr. {}, så omregn det først",
                                   what, typeName(a), typeName(b), periodUnitWord(a.unit),
                                   periodUnitWord(b.unit)));
    return true;
}

Type ExprChecker::checkAs(const ast::Expr& expr, Type expected, std::string_view what) {
    Type t = check(expr);
    if (!t.error && t == expected && unitsClash(t, expected)) {
        diagnostics_.error("K214", expr.range,
                           fmt::format("{} skal være {}, men udtrykket er {}; et beløb pr. {} er "
                                       "ikke et beløb pr. {}",
                                       what, typeName(expected), typeName(t),
                                       periodUnitWord(t.unit), periodUnitWord(expected.unit)));
        return Type::errorType();
    }
    if (t.error || t == expected ||
        (expected.kind == ValueType::Decimal && t.kind == ValueType::Heltal)) {
        return t.error ? t : expected;
    }
    diagnostics_.error("K201", expr.range,
                       fmt::format("{} skal være {}, men udtrykket er {}", what,
                                   typeName(expected), typeName(t)));
    return Type::errorType();
}

Type ExprChecker::check(const ast::Expr& expr) {
    switch (expr.kind) {
    case ast::ExprKind::Literal:
        return record(expr, checkLiteral(static_cast<const ast::LiteralExpr&>(expr)));
    case ast::ExprKind::Name:
        return record(expr, checkName(static_cast<const ast::NameExpr&>(expr)));
    case ast::ExprKind::Call:
        return record(expr, checkCall(static_cast<const ast::CallExpr&>(expr)));
    case ast::ExprKind::Unary:
        return record(expr, checkUnary(static_cast<const ast::UnaryExpr&>(expr)));
    case ast::ExprKind::Binary:
        return record(expr, checkBinary(static_cast<const ast::BinaryExpr&>(expr), false));
    case ast::ExprKind::If:
        return record(expr, checkIf(static_cast<const ast::IfExpr&>(expr)));
    case ast::ExprKind::Select:
        return record(expr, checkSelect(static_cast<const ast::SelectExpr&>(expr)));
    case ast::ExprKind::Account:
        return record(expr, checkAccount(static_cast<const ast::AccountExpr&>(expr)));
    case ast::ExprKind::ClaimList:
        diagnostics_.error("K608", expr.range,
                           "'fordringer' kan kun stå som første argument til sum, antal eller "
                           "findes, f.eks. antal(fordringer hvor fordring.kategori == bøde)");
        return record(expr, Type::errorType());
    }
    return Type::errorType();
}

Type ExprChecker::checkLiteral(const ast::LiteralExpr& e) {
    switch (e.literalKind) {
    case ast::LiteralKind::Belob: return Type::of(ValueType::Belob);
    case ast::LiteralKind::Procent: return Type::of(ValueType::Procent);
    case ast::LiteralKind::Tal:
        return Type::of(e.number.isInteger() ? ValueType::Heltal : ValueType::Decimal);
    case ast::LiteralKind::Tekst: return Type::of(ValueType::Tekst);
    case ast::LiteralKind::Dato: return Type::of(ValueType::Dato);
    case ast::LiteralKind::Bool: return Type::of(ValueType::Bool);
    }
    return Type::errorType();
}

std::vector<std::string> ExprChecker::visibleNames() const {
    std::vector<std::string> names;
    if (scope_.block != nullptr) {
        for (const auto& [name, index] : scope_.block->byName) {
            names.push_back(name);
        }
    }
    if (scope_.params != nullptr) {
        for (const ast::Param& p : *scope_.params) {
            names.push_back(p.name.name);
        }
    }
    if (scope_.ydelse != nullptr && scope_.ydelse->grundlag.present) {
        for (const ast::Param& f : scope_.ydelse->grundlag.value) {
            names.push_back("grundlag." + f.name.name);
        }
    }
    if (scope_.kind == Scope::Kind::Udbetaling) {
        for (std::size_t i = 0; i < ir::kLineAmountCount; ++i) {
            names.emplace_back(ir::lineAmountName(static_cast<ir::LineAmount>(i)));
        }
    }
    for (const InputInfo& in : kInputs) {
        if (inputVisible(in, scope_)) {
            names.emplace_back(in.path);
        }
    }
    for (const auto& [name, index] : checked_.satsByName) {
        names.push_back(name);
    }
    for (const auto& [name, index] : checked_.enumValueByName) {
        names.push_back(name);
    }
    return names;
}

Type ExprChecker::checkName(const ast::NameExpr& e) {
    const std::string path = e.dotted();
    if (e.parts.size() == 1) {
        const std::string& name = e.parts[0].name;
        if (scope_.block != nullptr) {
            auto it = scope_.block->byName.find(name);
            if (it != scope_.block->byName.end()) {
                recordRef(e, {RefKind::Definition, it->second, 0});
                if (scope_.usedDefinitions != nullptr) {
                    scope_.usedDefinitions->insert(it->second);
                }
                return scope_.definitionType ? scope_.definitionType(it->second, e.range)
                                             : Type::errorType();
            }
        }
        if (scope_.params != nullptr) {
            for (std::size_t i = 0; i < scope_.params->size(); ++i) {
                if ((*scope_.params)[i].name.name == name) {
                    recordRef(e, {RefKind::Param, static_cast<std::uint32_t>(i), 0});
                    return scope_.paramTypes[i];
                }
            }
        }
        if (scope_.eindkomst && name == "a_skat") {
            recordRef(e, {RefKind::ASkatShare, 0, 0});
            return Type::of(ValueType::Belob);
        }
        if (scope_.kind == Scope::Kind::Udbetaling) {
            for (std::size_t i = 0; i < ir::kLineAmountCount; ++i) {
                auto amount = static_cast<ir::LineAmount>(i);
                if (ir::lineAmountName(amount) == name) {
                    recordRef(e, {RefKind::OrderSum, static_cast<std::uint32_t>(i), 0});
                    return Type::of(ir::lineAmountType(amount));
                }
            }
        }
        if (auto it = checked_.satsByName.find(name); it != checked_.satsByName.end()) {
            recordRef(e, {RefKind::Sats, it->second, 0});
            Type t = Type::of(checked_.satser[it->second].type);
            if (it->second < checked_.satsUnits.size()) {
                t.unit = checked_.satsUnits[it->second];
            }
            return t;
        }
        if (auto it = checked_.enumValueByName.find(name); it != checked_.enumValueByName.end()) {
            const ir::EnumType& en = checked_.enums[it->second];
            auto pos = std::find(en.values.begin(), en.values.end(), name);
            recordRef(e, {RefKind::EnumValue, it->second,
                          static_cast<std::uint32_t>(pos - en.values.begin())});
            return Type::enumeration(it->second);
        }
    }
    if (e.parts.size() == 2 && e.parts[0].name == "grundlag" && scope_.ydelse != nullptr) {
        const auto& fields = scope_.ydelse->grundlag.value;
        std::vector<std::string> names;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (fields[i].name.name == e.parts[1].name) {
                recordRef(e, {RefKind::Grundlag, static_cast<std::uint32_t>(i), 0});
                return resolveTypeRef(checked_, fields[i].type).value_or(Type::errorType());
            }
            names.push_back(fields[i].name.name);
        }
        diagnostics_.error("K102", e.parts[1].range,
                           fmt::format("ydelsen {} har intet grundlagsfelt '{}'{}",
                                       scope_.ydelse->code.name, e.parts[1].name,
                                       suggestion(e.parts[1].name, names)));
        return Type::errorType();
    }
    for (const InputInfo& in : kInputs) {
        if (in.path == path) {
            if (!inputVisible(in, scope_)) {
                diagnostics_.error(
                    "K602", e.range,
                    in.where == InputScope::Claim
                        ? fmt::format("'{}' findes kun i en modregningsregels 'omfatter' og i "
                                      "'dækning', hvor en bestemt fordring behandles",
                                      path)
                        : fmt::format("'{}' findes kun i en modregningsregels 'højst'", path));
                return Type::errorType();
            }
            recordRef(e, {RefKind::Input, static_cast<std::uint32_t>(in.input), 0});
            return in.enumId == ir::kNone ? Type::of(in.type) : Type::enumeration(in.enumId);
        }
    }
    diagnostics_.error("K101", e.range,
                       fmt::format("ukendt navn '{}'{}", path, suggestion(path, visibleNames())));
    return Type::errorType();
}

Type ExprChecker::checkCall(const ast::CallExpr& e) {
    for (const BuiltinInfo& b : kBuiltins) {
        if (b.name == e.callee.name) {
            recordRef(e, {RefKind::Builtin, static_cast<std::uint32_t>(b.builtin), 0});
            return checkBuiltin(e, b.builtin);
        }
    }
    if (auto it = checked_.regelByName.find(e.callee.name); it != checked_.regelByName.end()) {
        recordRef(e, {RefKind::Rule, it->second, 0});
        const ast::RegelDecl& r = checked_.ast->regler[it->second];
        return checkCallArgs(e, r.name.name, r.params, r.returnType);
    }
    if (auto it = checked_.tabelByName.find(e.callee.name); it != checked_.tabelByName.end()) {
        recordRef(e, {RefKind::Table, it->second, 0});
        const ast::TableDecl& t = checked_.ast->tabeller[it->second];
        return checkCallArgs(e, t.name.name, t.params, t.returnType);
    }
    std::vector<std::string> names;
    for (const BuiltinInfo& b : kBuiltins) {
        names.emplace_back(b.name);
    }
    for (const auto& [name, index] : checked_.regelByName) {
        names.push_back(name);
    }
    for (const auto& [name, index] : checked_.tabelByName) {
        names.push_back(name);
    }
    diagnostics_.error("K103", e.callee.range,
                       fmt::format("ukendt regel eller funktion '{}'{}", e.callee.name,
                                   suggestion(e.callee.name, names)));
    for (const ast::ExprPtr& arg : e.args) {
        check(*arg);
    }
    return Type::errorType();
}

Type ExprChecker::checkCallArgs(const ast::CallExpr& e, const std::string& callee,
                                const std::vector<ast::Param>& params,
                                const ast::TypeRef& returnType) {
    if (e.args.size() != params.size()) {
        diagnostics_.error("K202", e.range,
                           fmt::format("{} tager {} argument(er), men får {}", callee,
                                       params.size(), e.args.size()));
        for (const ast::ExprPtr& arg : e.args) {
            check(*arg);
        }
        return Type::errorType();
    }
    for (std::size_t i = 0; i < e.args.size(); ++i) {
        std::optional<Type> expected = resolveTypeRef(checked_, params[i].type);
        if (!expected) {
            check(*e.args[i]);
            continue; // the declaration itself reports the unknown type
        }
        checkAs(*e.args[i], *expected,
                fmt::format("argumentet '{}' til {}", params[i].name.name, callee));
    }
    return resolveTypeRef(checked_, returnType).value_or(Type::errorType());
}

Type ExprChecker::checkUnary(const ast::UnaryExpr& e) {
    if (e.op == ast::UnaryOp::Not) {
        checkAs(*e.operand, Type::of(ValueType::Bool), "operanden til 'ikke'");
        return Type::of(ValueType::Bool);
    }
    Type t = check(*e.operand);
    if (!t.error && !isNumeric(t.kind)) {
        diagnostics_.error("K201", e.range,
                           fmt::format("kun tal kan gøres negative, ikke {}", typeName(t)));
        return Type::errorType();
    }
    return t;
}

Type ExprChecker::checkBinary(const ast::BinaryExpr& e, bool divisionAllowed) {
    if (e.op == ast::BinaryOp::And || e.op == ast::BinaryOp::Or) {
        const char* word = e.op == ast::BinaryOp::And ? "'og'" : "'eller'";
        checkAs(*e.lhs, Type::of(ValueType::Bool), fmt::format("venstre side af {}", word));
        checkAs(*e.rhs, Type::of(ValueType::Bool), fmt::format("højre side af {}", word));
        return Type::of(ValueType::Bool);
    }
    Type a = check(*e.lhs);
    Type b = check(*e.rhs);
    if (a.error || b.error) {
        return Type::errorType();
    }
    auto mismatch = [&](std::string_view verb) {
        diagnostics_.error("K203", e.range,
                           fmt::format("kan ikke {} {} og {}", verb, typeName(a), typeName(b)))
            .notes.push_back({e.lhs->range, fmt::format("{} kommer herfra", typeName(a))});
        return Type::errorType();
    };
    switch (e.op) {
    case ast::BinaryOp::Add:
    case ast::BinaryOp::Sub: {
        if (reportUnitClash(e, a, b,
                            e.op == ast::BinaryOp::Add ? "kan ikke lægge sammen"
                                                       : "kan ikke trække fra hinanden")) {
            return Type::errorType();
        }
        std::optional<Type> t = unify(a, b);
        if (!t || !isNumeric(t->kind)) {
            return mismatch(e.op == ast::BinaryOp::Add ? "lægge sammen:" : "trække fra hinanden:");
        }
        return *t;
    }
    case ast::BinaryOp::Mul: {
        std::optional<Type> t = multiplyTypes(a, b);
        return t ? *t : mismatch("gange");
    }
    case ast::BinaryOp::Div: {
        if (!divisionAllowed) {
            diagnostics_.error("K204", e.range,
                               "en division skal afrundes eksplicit, f.eks. "
                               "rund_ned(a / b; 1 kr), fordi kvotienten sjældent er et helt "
                               "antal øre");
            return Type::errorType();
        }
        if (!isNumeric(a.kind) || !(isPlainNumber(b.kind) || b.kind == a.kind)) {
            return mismatch("dividere");
        }
        if (a.kind == b.kind && a.kind != ValueType::Heltal) {
            return Type::of(ValueType::Decimal); // a ratio of like quantities
        }
        return a.kind == ValueType::Heltal ? Type::of(ValueType::Decimal) : a;
    }
    case ast::BinaryOp::Lt:
    case ast::BinaryOp::Le:
    case ast::BinaryOp::Gt:
    case ast::BinaryOp::Ge:
    case ast::BinaryOp::Eq:
    case ast::BinaryOp::Ne: {
        if (reportUnitClash(e, a, b, "kan ikke sammenligne")) {
            return Type::errorType();
        }
        std::optional<Type> t = unify(a, b);
        const bool ordered = e.op != ast::BinaryOp::Eq && e.op != ast::BinaryOp::Ne;
        if (!t || t->kind == ValueType::Konto || t->kind == ValueType::Periode ||
            t->kind == ValueType::Tekst ||
            (ordered && (t->kind == ValueType::Bool || t->kind == ValueType::Enum))) {
            return mismatch("sammenligne");
        }
        return Type::of(ValueType::Bool);
    }
    case ast::BinaryOp::And:
    case ast::BinaryOp::Or:
        break;
    }
    return Type::errorType();
}

Type ExprChecker::checkIf(const ast::IfExpr& e) {
    checkAs(*e.condition, Type::of(ValueType::Bool), "betingelsen i 'hvis'");
    Type a = check(*e.thenExpr);
    Type b = check(*e.elseExpr);
    if (a.error || b.error || reportUnitClash(*e.elseExpr, a, b, "grenene i 'hvis'")) {
        return Type::errorType();
    }
    std::optional<Type> t = unify(a, b);
    if (!t) {
        diagnostics_.error("K201", e.elseExpr->range,
                           fmt::format("grenene i 'hvis' har forskellig type: {} og {}",
                                       typeName(a), typeName(b)))
            .notes.push_back({e.thenExpr->range, fmt::format("{} kommer herfra", typeName(a))});
        return Type::errorType();
    }
    return *t;
}

Type ExprChecker::checkSelect(const ast::SelectExpr& e) {
    Type subject = check(*e.subject);
    if (subject.error) {
        for (const ast::SelectBranch& b : e.branches) {
            check(*b.result);
        }
        return Type::errorType();
    }
    if (subject.kind != ValueType::Enum) {
        diagnostics_.error("K201", e.subject->range,
                           fmt::format("'vælg' kræver en opremsning (f.eks. skattekort.type), "
                                       "men udtrykket er {}",
                                       typeName(subject)));
        return Type::errorType();
    }
    const ir::EnumType& en = checked_.enums[subject.enumId];
    std::vector<const ast::Ident*> covered(en.values.size(), nullptr);
    std::optional<Type> result;
    bool failed = false;
    for (const ast::SelectBranch& branch : e.branches) {
        for (const ast::Ident& v : branch.values) {
            auto pos = std::find(en.values.begin(), en.values.end(), v.name);
            if (pos == en.values.end()) {
                diagnostics_.error("K207", v.range,
                                   fmt::format("'{}' er ikke en værdi af {}{}", v.name, en.name,
                                               suggestion(v.name, en.values)));
                failed = true;
                continue;
            }
            auto index = static_cast<std::size_t>(pos - en.values.begin());
            if (covered[index] != nullptr) {
                diagnostics_.error("K208", v.range,
                                   fmt::format("'{}' har allerede en gren i 'vælg'", v.name))
                    .notes.push_back({covered[index]->range, "første gren her"});
                failed = true;
            }
            covered[index] = &v;
        }
        Type t = check(*branch.result);
        if (t.error) {
            failed = true;
            continue;
        }
        if (result && reportUnitClash(*branch.result, *result, t, "grenene i 'vælg'")) {
            failed = true;
            continue;
        }
        std::optional<Type> joined = result ? unify(*result, t) : t;
        if (!joined) {
            diagnostics_.error("K201", branch.result->range,
                               fmt::format("grenene i 'vælg' har forskellig type: {} og {}",
                                           typeName(*result), typeName(t)));
            failed = true;
            continue;
        }
        result = joined;
    }
    for (std::size_t i = 0; i < covered.size(); ++i) {
        if (covered[i] == nullptr) {
            diagnostics_.error("K209", e.range,
                               fmt::format("'vælg' dækker ikke alle værdier af {}: der mangler en "
                                           "gren for '{}'",
                                           en.name, en.values[i]));
            failed = true;
        }
    }
    return failed || !result ? Type::errorType() : *result;
}

Type ExprChecker::checkAccount(const ast::AccountExpr& e) {
    if (e.logical) {
        return Type::of(ValueType::Konto);
    }
    auto digitsWithDots = [](const std::string& s, std::initializer_list<std::size_t> groups) {
        std::size_t pos = 0;
        std::size_t index = 0;
        for (std::size_t g : groups) {
            if (index++ > 0) {
                if (pos >= s.size() || s[pos] != '.') {
                    return false;
                }
                ++pos;
            }
            for (std::size_t k = 0; k < g; ++k, ++pos) {
                if (pos >= s.size() || s[pos] < '0' || s[pos] > '9') {
                    return false;
                }
            }
        }
        return pos == s.size();
    };
    if (!digitsWithDots(e.funktion, {1, 2, 2})) {
        diagnostics_.error("K210", e.range,
                           fmt::format("kontoens funktion '{}' skal skrives hovedkonto.hovedfunktion"
                                       ".funktion, f.eks. 5.57.73",
                                       e.funktion));
        return Type::errorType();
    }
    if (!e.gruppering.empty() && !digitsWithDots(e.gruppering, {3})) {
        diagnostics_.error("K210", e.range,
                           fmt::format("grupperingen '{}' skal være tre cifre, f.eks. 007",
                                       e.gruppering));
        return Type::errorType();
    }
    if (!e.art.empty() && !digitsWithDots(e.art, {1, 1})) {
        diagnostics_.error("K210", e.range,
                           fmt::format("arten '{}' skal skrives hovedart.art, f.eks. 5.2", e.art));
        return Type::errorType();
    }
    return Type::of(ValueType::Konto);
}

} // namespace ydelse::sema
