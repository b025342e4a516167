// Visiting every sub-expression of an expression tree (not into the bodies of called regler).
#pragma once

#include "interpreter/ast/ast.hpp"

namespace ydelse::sema {

template <typename Visit>
void forEachSubExpr(const ast::Expr& e, Visit&& visit) {
    visit(e);
    switch (e.kind) {
    case ast::ExprKind::Literal:
    case ast::ExprKind::Name:
    case ast::ExprKind::Account:
        return;
    case ast::ExprKind::ClaimList:
        if (const ast::ExprPtr& f = static_cast<const ast::ClaimListExpr&>(e).filter) {
            forEachSubExpr(*f, visit);
        }
        return;
    case ast::ExprKind::Call:
        for (const ast::ExprPtr& a : static_cast<const ast::CallExpr&>(e).args) {
            forEachSubExpr(*a, visit);
        }
        return;
    case ast::ExprKind::Unary:
        forEachSubExpr(*static_cast<const ast::UnaryExpr&>(e).operand, visit);
        return;
    case ast::ExprKind::Binary:
        forEachSubExpr(*static_cast<const ast::BinaryExpr&>(e).lhs, visit);
        forEachSubExpr(*static_cast<const ast::BinaryExpr&>(e).rhs, visit);
        return;
    case ast::ExprKind::If: {
        const auto& i = static_cast<const ast::IfExpr&>(e);
        forEachSubExpr(*i.condition, visit);
        forEachSubExpr(*i.thenExpr, visit);
        forEachSubExpr(*i.elseExpr, visit);
        return;
    }
    case ast::ExprKind::Select: {
        const auto& s = static_cast<const ast::SelectExpr&>(e);
        forEachSubExpr(*s.subject, visit);
        for (const ast::SelectBranch& b : s.branches) {
            forEachSubExpr(*b.result, visit);
        }
        return;
    }
    }
}

} // namespace ydelse::sema
