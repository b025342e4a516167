// Transformer: decision tables.
#include "interpreter/syntax/transformer.hpp"

#include <fmt/format.h>

namespace ydelse {

void Transformer::transformTabel(P::TabelDeklContext& ctx) {
    ast::TableDecl decl;
    decl.name = ident(ctx.navn);
    for (P::ParamContext* p : ctx.params) {
        decl.params.push_back(transformParam(*p));
    }
    decl.returnType = transformType(*ctx.retur);
    transformRuleAttrs(ctx.regelAttr(), decl.lovgrundlag, decl.version, &decl.validity);
    decl.policyWord = ident(ctx.politik);
    const std::string& word = decl.policyWord.name;
    if (word == "først") {
        decl.policy = ast::HitPolicy::First;
    } else if (word == "entydig") {
        decl.policy = ast::HitPolicy::Unique;
    } else if (word == "sum") {
        decl.policy = ast::HitPolicy::Sum;
    } else {
        diagnostics_.error("K311", decl.policyWord.range,
                           fmt::format("ukendt træfpolitik '{}'; brug først, entydig eller sum",
                                       word));
    }
    for (P::TabelRaekkeContext* row : ctx.raekker) {
        ast::TableRow out;
        out.range = range(row->start);
        const auto& cells = row->celler;
        if (cells.empty()) {
            continue;
        }
        for (std::size_t i = 0; i + 1 < cells.size(); ++i) {
            out.cells.push_back(transformCell(*cells[i]));
        }
        // The last cell is the row's result: an expression, not a condition.
        auto* last = dynamic_cast<P::CelleVaerdierContext*>(cells.back());
        if (last == nullptr || last->vaerdier.size() != 1) {
            diagnostics_.error("K312", range(cells.back()->start),
                               "rækkens sidste celle skal være resultatet: ét udtryk");
            continue;
        }
        out.result = transformExpr(last->vaerdier[0]);
        decl.rows.push_back(std::move(out));
    }
    catalog_.tabeller.push_back(std::move(decl));
}

ast::TableCell Transformer::transformCell(P::TabelCelleContext& ctx) {
    ast::TableCell cell;
    cell.range = range(&ctx);
    if (dynamic_cast<P::CelleAlleContext*>(&ctx) != nullptr) {
        cell.kind = ast::CellKind::Any;
    } else if (auto* c = dynamic_cast<P::CelleIntervalContext*>(&ctx)) {
        cell.kind = ast::CellKind::Range;
        cell.values.push_back(transformExpr(c->fra));
        cell.values.push_back(transformExpr(c->til));
    } else if (auto* c = dynamic_cast<P::CelleSammenligningContext*>(&ctx)) {
        cell.kind = ast::CellKind::Compare;
        const std::string op = c->op->getText();
        cell.compare = op == "<" ? ast::BinaryOp::Lt
                       : op == "<=" || op == "≤" ? ast::BinaryOp::Le
                       : op == ">" ? ast::BinaryOp::Gt
                       : op == ">=" || op == "≥" ? ast::BinaryOp::Ge
                                                  : ast::BinaryOp::Ne;
        cell.values.push_back(transformExpr(c->graense));
    } else if (auto* c = dynamic_cast<P::CelleVaerdierContext*>(&ctx)) {
        cell.kind = ast::CellKind::OneOf;
        for (P::ExprContext* v : c->vaerdier) {
            cell.values.push_back(transformExpr(v));
        }
    }
    return cell;
}

} // namespace ydelse
