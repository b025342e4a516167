#include "interpreter/sema/table_checker.hpp"

#include "interpreter/sema/expr_checker.hpp"
#include "interpreter/sema/rule_versions.hpp"
#include "interpreter/sema/table_analysis.hpp"

#include <fmt/format.h>

namespace ydelse::sema {

void collectTables(CheckedCatalog& checked, Diagnostics& diagnostics) {
    const auto& tables = checked.ast->tabeller;
    std::vector<VersionedDecl> decls;
    for (const ast::TableDecl& t : tables) {
        if (checked.regelByName.count(t.name.name) != 0) {
            diagnostics.error("K304", t.name.range,
                              fmt::format("'{}' er allerede defineret som regel", t.name.name));
        }
        decls.push_back({&t.name, &t.version, &t.validity, &t.params, &t.returnType});
    }
    groupVersions(decls, "tabellen", diagnostics, checked.tabelByName, checked.tabelVersions);
}

std::optional<ir::Value> cellConstant(const CheckedCatalog& checked, const ast::Expr& e) {
    ir::Value v;
    if (e.kind == ast::ExprKind::Unary) {
        const auto& u = static_cast<const ast::UnaryExpr&>(e);
        std::optional<ir::Value> inner = cellConstant(checked, *u.operand);
        if (!inner || u.op != ast::UnaryOp::Neg) {
            return std::nullopt;
        }
        inner->number = -inner->number;
        return inner;
    }
    if (e.kind == ast::ExprKind::Name) {
        const Ref& ref = checked.refs[e.id];
        if (ref.kind != RefKind::EnumValue) {
            return std::nullopt;
        }
        v.bits = ref.extra;
        return v;
    }
    if (e.kind != ast::ExprKind::Literal) {
        return std::nullopt;
    }
    const auto& lit = static_cast<const ast::LiteralExpr&>(e);
    switch (lit.literalKind) {
    case ast::LiteralKind::Belob:
    case ast::LiteralKind::Tal:
        v.number = lit.number;
        return v;
    case ast::LiteralKind::Procent:
        v.number = Decimal(lit.number.mantissa(), lit.number.scale() + 2);
        return v;
    case ast::LiteralKind::Bool:
        v.bits = lit.boolean ? 1 : 0;
        return v;
    case ast::LiteralKind::Dato:
        v.bits = lit.date.days();
        return v;
    case ast::LiteralKind::Tekst:
        break;
    }
    return std::nullopt;
}

void checkTable(CheckedCatalog& checked, Diagnostics& diagnostics, std::uint32_t index) {
    const ast::TableDecl& t = checked.ast->tabeller[index];
    Scope scope;
    scope.kind = Scope::Kind::Regel;
    const bool typesKnown = declareParams(checked, diagnostics, t.params, scope);
    std::optional<Type> result = resolveTypeRef(checked, t.returnType);
    if (!result) {
        diagnostics.error("K211", t.returnType.range,
                          fmt::format("ukendt type '{}'", t.returnType.name));
    }
    checkTypeUnit(diagnostics, t.returnType, result);
    for (auto [present, what] : {std::pair{t.lovgrundlag.present, "lovgrundlag"},
                                 std::pair{t.version.present, "version"}}) {
        if (!present) {
            diagnostics.error("K301", t.name.range,
                              fmt::format("tabellen {} mangler '{}'", t.name.name, what));
        }
    }
    if (t.policy == ast::HitPolicy::Sum && result && !isNumericType(result->kind)) {
        diagnostics.error("K314", t.policyWord.range,
                          fmt::format("træf sum lægger resultaterne sammen, men tabellens "
                                      "resultat er {}",
                                      t.returnType.name));
    }
    if (t.rows.empty()) {
        diagnostics.error("K313", t.name.range,
                          fmt::format("tabellen {} har ingen rækker", t.name.name));
        return;
    }
    ExprChecker checker(checked, diagnostics, scope);
    bool cellsOk = typesKnown;
    for (const ast::TableRow& row : t.rows) {
        if (row.cells.size() != t.params.size()) {
            diagnostics.error("K313", row.range,
                              fmt::format("rækken har {} betingelse(r), men tabellen har {} "
                                          "parameter(e)",
                                          row.cells.size(), t.params.size()));
            cellsOk = false;
            continue;
        }
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const ast::TableCell& cell = row.cells[c];
            const Type paramType = scope.paramTypes[c];
            const bool ordered = isNumericType(paramType.kind) ||
                                 paramType.kind == ir::ValueType::Dato;
            if ((cell.kind == ast::CellKind::Range ||
                 (cell.kind == ast::CellKind::Compare && cell.compare != ast::BinaryOp::Ne)) &&
                !paramType.error && !ordered) {
                diagnostics.error("K201", cell.range,
                                  fmt::format("'{}' er {} og kan ikke ordnes; brug en liste af "
                                              "værdier",
                                              t.params[c].name.name, ir::valueTypeName(
                                                                         paramType.kind)));
                cellsOk = false;
            }
            for (const ast::ExprPtr& v : cell.values) {
                Type vt = paramType.error ? checker.check(*v)
                                          : checker.checkAs(*v, paramType,
                                                            fmt::format("betingelsen for '{}'",
                                                                        t.params[c].name.name));
                if (vt.error) {
                    cellsOk = false;
                } else if (!cellConstant(checked, *v)) {
                    diagnostics.error("K312", v->range,
                                      "en betingelse i en tabel skal være en konstant (et tal, "
                                      "beløb, en dato eller en opremsningsværdi)");
                    cellsOk = false;
                }
            }
        }
        if (result) {
            checker.checkAs(*row.result, *result, fmt::format("resultatet af {}", t.name.name));
        } else {
            checker.check(*row.result);
        }
    }
    if (cellsOk) {
        analyseTable(checked, diagnostics, t, scope.paramTypes);
    }
}

} // namespace ydelse::sema
