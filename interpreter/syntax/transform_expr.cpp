// Transformer: expressions and account literals.
#include "interpreter/syntax/transformer.hpp"

#include <fmt/format.h>

namespace ydelse {
namespace {

ast::BinaryOp binaryOp(const std::string& text) {
    if (text == "+") return ast::BinaryOp::Add;
    if (text == "-" || text == "−") return ast::BinaryOp::Sub;
    if (text == "*" || text == "×") return ast::BinaryOp::Mul;
    if (text == "/") return ast::BinaryOp::Div;
    if (text == "<") return ast::BinaryOp::Lt;
    if (text == "<=" || text == "≤") return ast::BinaryOp::Le;
    if (text == ">") return ast::BinaryOp::Gt;
    if (text == ">=" || text == "≥") return ast::BinaryOp::Ge;
    if (text == "!=" || text == "≠") return ast::BinaryOp::Ne;
    return ast::BinaryOp::Eq; // "=" and "=="
}

} // namespace

ast::ExprPtr Transformer::transformExpr(P::ExprContext* ctx) {
    struct DepthGuard {
        std::size_t& depth;
        explicit DepthGuard(std::size_t& d) : depth(d) { ++depth; }
        ~DepthGuard() { --depth; }
    } guard(depth_);
    if (ctx != nullptr && depth_ > kMaxExprDepth) {
        if (!depthReported_) {
            diagnostics_.error("K002", range(ctx->start),
                               fmt::format("udtrykket er indlejret dybere end {} niveauer; del "
                                           "det op i definitioner",
                                           kMaxExprDepth));
            depthReported_ = true;
        }
        ctx = nullptr;
    }
    if (ctx == nullptr) {
        // Only after a reported syntax error: stand in a harmless literal so later phases run.
        auto lit = std::make_unique<ast::LiteralExpr>(nextId(), SourceRange{file_, 0, 0, 1},
                                                      ast::LiteralKind::Bool);
        return lit;
    }
    if (auto* c = dynamic_cast<P::PrimaryExprContext*>(ctx)) {
        return transformPrimary(*c->primary());
    }
    if (auto* c = dynamic_cast<P::NegExprContext*>(ctx)) {
        auto e = std::make_unique<ast::UnaryExpr>(nextId(), range(ctx->start), ast::UnaryOp::Neg);
        e->operand = transformExpr(c->operand);
        return e;
    }
    if (auto* c = dynamic_cast<P::NotExprContext*>(ctx)) {
        auto e = std::make_unique<ast::UnaryExpr>(nextId(), range(ctx->start), ast::UnaryOp::Not);
        e->operand = transformExpr(c->operand);
        return e;
    }
    if (auto* c = dynamic_cast<P::MulExprContext*>(ctx)) {
        return transformBinary(*ctx, c->op, c->lhs, c->rhs);
    }
    if (auto* c = dynamic_cast<P::AddExprContext*>(ctx)) {
        return transformBinary(*ctx, c->op, c->lhs, c->rhs);
    }
    if (auto* c = dynamic_cast<P::CompareExprContext*>(ctx)) {
        return transformBinary(*ctx, c->op, c->lhs, c->rhs);
    }
    if (auto* c = dynamic_cast<P::AndExprContext*>(ctx)) {
        return transformBinary(*ctx, c->OG()->getSymbol(), c->lhs, c->rhs);
    }
    if (auto* c = dynamic_cast<P::OrExprContext*>(ctx)) {
        return transformBinary(*ctx, c->ELLER()->getSymbol(), c->lhs, c->rhs);
    }
    if (auto* c = dynamic_cast<P::HvisExprContext*>(ctx)) {
        auto e = std::make_unique<ast::IfExpr>(nextId(), range(ctx->start));
        e->condition = transformExpr(c->betingelse);
        e->thenExpr = transformExpr(c->saa);
        e->elseExpr = transformExpr(c->ellers);
        return e;
    }
    if (auto* c = dynamic_cast<P::VaelgExprContext*>(ctx)) {
        auto e = std::make_unique<ast::SelectExpr>(nextId(), range(ctx->start));
        e->subject = transformExpr(c->emne);
        for (P::VaelgGrenContext* g : c->grene) {
            ast::SelectBranch branch;
            for (P::IdentContext* v : g->vaerdier) {
                branch.values.push_back(ident(v));
            }
            branch.result = transformExpr(g->vaerdi);
            e->branches.push_back(std::move(branch));
        }
        return e;
    }
    return transformExpr(nullptr);
}

ast::ExprPtr Transformer::transformBinary(P::ExprContext& ctx, antlr4::Token* op,
                                          P::ExprContext* lhs, P::ExprContext* rhs) {
    std::string text = op ? op->getText() : "";
    ast::BinaryOp kind = binaryOp(text);
    if (text == "og") kind = ast::BinaryOp::And;
    if (text == "eller") kind = ast::BinaryOp::Or;
    auto e = std::make_unique<ast::BinaryExpr>(nextId(), range(op), kind);
    (void)ctx;
    e->lhs = transformExpr(lhs);
    e->rhs = transformExpr(rhs);
    return e;
}

ast::ExprPtr Transformer::transformPrimary(P::PrimaryContext& ctx) {
    auto literal = [&](ast::LiteralKind kind) {
        return std::make_unique<ast::LiteralExpr>(nextId(), range(&ctx), kind);
    };
    if (auto* c = dynamic_cast<P::BelobLiteralContext*>(&ctx)) {
        auto e = literal(ast::LiteralKind::Belob);
        e->number = numberValue(c->NUMBER()->getSymbol()).value_or(Decimal{});
        return e;
    }
    if (auto* c = dynamic_cast<P::ProcentLiteralContext*>(&ctx)) {
        auto e = literal(ast::LiteralKind::Procent);
        e->number = numberValue(c->NUMBER()->getSymbol()).value_or(Decimal{});
        return e;
    }
    if (auto* c = dynamic_cast<P::TalLiteralContext*>(&ctx)) {
        auto e = literal(ast::LiteralKind::Tal);
        e->number = numberValue(c->NUMBER()->getSymbol()).value_or(Decimal{});
        return e;
    }
    if (auto* c = dynamic_cast<P::TekstLiteralContext*>(&ctx)) {
        auto e = literal(ast::LiteralKind::Tekst);
        e->text = stringValue(c->STRING()->getSymbol());
        return e;
    }
    if (auto* c = dynamic_cast<P::DatoLiteralContext*>(&ctx)) {
        auto e = literal(ast::LiteralKind::Dato);
        e->date = dateValue(c->DATE()->getSymbol()).value_or(Date{});
        return e;
    }
    if (dynamic_cast<P::SandLiteralContext*>(&ctx) != nullptr ||
        dynamic_cast<P::FalskLiteralContext*>(&ctx) != nullptr) {
        auto e = literal(ast::LiteralKind::Bool);
        e->boolean = dynamic_cast<P::SandLiteralContext*>(&ctx) != nullptr;
        return e;
    }
    if (auto* c = dynamic_cast<P::KontoLiteralContext*>(&ctx)) {
        return transformAccount(*c);
    }
    if (auto* c = dynamic_cast<P::LogiskKontoLiteralContext*>(&ctx)) {
        auto e = std::make_unique<ast::AccountExpr>(nextId(), range(&ctx));
        e->logical = true;
        e->logicalName = ident(c->navn).name;
        return e;
    }
    if (auto* c = dynamic_cast<P::FordringListeExprContext*>(&ctx)) {
        auto e = std::make_unique<ast::ClaimListExpr>(nextId(), range(&ctx));
        if (c->betingelse != nullptr) {
            e->filter = transformExpr(c->betingelse);
        }
        return e;
    }
    if (auto* c = dynamic_cast<P::KaldExprContext*>(&ctx)) {
        auto e = std::make_unique<ast::CallExpr>(nextId(), range(&ctx));
        e->callee = ident(c->navn);
        for (P::ExprContext* a : c->args) {
            e->args.push_back(transformExpr(a));
        }
        return e;
    }
    if (auto* c = dynamic_cast<P::NavnExprContext*>(&ctx)) {
        auto e = std::make_unique<ast::NameExpr>(nextId(), range(&ctx));
        for (P::IdentContext* part : c->dele) {
            e->parts.push_back(ident(part));
        }
        return e;
    }
    if (auto* c = dynamic_cast<P::ParenExprContext*>(&ctx)) {
        return transformExpr(c->indre);
    }
    return transformExpr(nullptr);
}

ast::ExprPtr Transformer::transformAccount(P::KontoLiteralContext& ctx) {
    auto e = std::make_unique<ast::AccountExpr>(nextId(), range(&ctx));
    e->funktion = ctx.funktion->getText();
    if (ctx.dranst != nullptr) {
        const std::string text = ctx.dranst->getText();
        if (text.size() == 1 && text[0] >= '0' && text[0] <= '9') {
            e->dranst = text[0] - '0';
        } else {
            diagnostics_.error("K004", range(ctx.dranst),
                               "dranst skal være ét ciffer (1 drift, 2 statsrefusion, 3 anlæg ...), "
                               "ikke '" + text + "'");
        }
    }
    if (ctx.gruppering != nullptr) {
        e->gruppering = ctx.gruppering->getText();
    }
    if (ctx.kontoart != nullptr) {
        e->art = ctx.kontoart->getText();
    }
    return e;
}

std::string ast::NameExpr::dotted() const {
    std::string out;
    for (const Ident& part : parts) {
        if (!out.empty()) {
            out += '.';
        }
        out += part.name;
    }
    return out;
}

} // namespace ydelse
