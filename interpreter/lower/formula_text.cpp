// See formula_text.hpp. Precedence follows grammar/Katalog.g4's `expr` alternatives, tightest
// first: unary minus, * /, + -, comparisons, ikke, og, eller, then hvis and vælg.
#include "interpreter/lower/formula_text.hpp"

#include <fmt/format.h>

namespace ydelse {
namespace {

enum Level : int { kConditional = 1, kOr, kAnd, kNot, kCompare, kAdd, kMul, kNeg, kPrimary };

int level(const ast::Expr& e) {
    switch (e.kind) {
    case ast::ExprKind::Unary:
        return static_cast<const ast::UnaryExpr&>(e).op == ast::UnaryOp::Neg ? kNeg : kNot;
    case ast::ExprKind::Binary:
        switch (static_cast<const ast::BinaryExpr&>(e).op) {
        case ast::BinaryOp::Mul:
        case ast::BinaryOp::Div: return kMul;
        case ast::BinaryOp::Add:
        case ast::BinaryOp::Sub: return kAdd;
        case ast::BinaryOp::And: return kAnd;
        case ast::BinaryOp::Or: return kOr;
        default: return kCompare;
        }
    case ast::ExprKind::If:
    case ast::ExprKind::Select: return kConditional;
    default: return kPrimary;
    }
}

std::string_view operatorText(ast::BinaryOp op) {
    switch (op) {
    case ast::BinaryOp::Add: return "+";
    case ast::BinaryOp::Sub: return "-";
    case ast::BinaryOp::Mul: return "*";
    case ast::BinaryOp::Div: return "/";
    case ast::BinaryOp::Lt: return "<";
    case ast::BinaryOp::Le: return "<=";
    case ast::BinaryOp::Gt: return ">";
    case ast::BinaryOp::Ge: return ">=";
    case ast::BinaryOp::Eq: return "==";
    case ast::BinaryOp::Ne: return "!=";
    case ast::BinaryOp::And: return "og";
    case ast::BinaryOp::Or: return "eller";
    }
    return "?";
}

// The catalog writes decimals with a comma ("0,01 kr").
std::string danishNumber(const Decimal& number) {
    std::string text = number.toString();
    for (char& c : text) {
        if (c == '.') {
            c = ',';
        }
    }
    return text;
}

void print(const ast::Expr& e, std::string& out);

// An operand that binds looser than its context needs parentheses; `strict` also for an equal
// level (the right operand of a left-associative operator).
void operand(const ast::Expr& e, int context, bool strict, std::string& out) {
    const int own = level(e);
    const bool parens = own < context || (strict && own == context);
    if (parens) {
        out += '(';
    }
    print(e, out);
    if (parens) {
        out += ')';
    }
}

void print(const ast::Expr& e, std::string& out) {
    switch (e.kind) {
    case ast::ExprKind::Literal: {
        const auto& l = static_cast<const ast::LiteralExpr&>(e);
        switch (l.literalKind) {
        case ast::LiteralKind::Belob: out += danishNumber(l.number) + " kr"; return;
        case ast::LiteralKind::Procent: out += danishNumber(l.number) + " %"; return;
        case ast::LiteralKind::Tal: out += danishNumber(l.number); return;
        case ast::LiteralKind::Tekst: out += fmt::format("\"{}\"", l.text); return;
        case ast::LiteralKind::Dato: out += l.date.toString(); return;
        case ast::LiteralKind::Bool: out += l.boolean ? "sand" : "falsk"; return;
        }
        return;
    }
    case ast::ExprKind::Name:
        out += static_cast<const ast::NameExpr&>(e).dotted();
        return;
    case ast::ExprKind::Call: {
        const auto& c = static_cast<const ast::CallExpr&>(e);
        out += c.callee.name;
        out += '(';
        for (std::size_t i = 0; i < c.args.size(); ++i) {
            out += i == 0 ? "" : "; ";
            print(*c.args[i], out);
        }
        out += ')';
        return;
    }
    case ast::ExprKind::Unary: {
        const auto& u = static_cast<const ast::UnaryExpr&>(e);
        const bool neg = u.op == ast::UnaryOp::Neg;
        out += neg ? "-" : "ikke ";
        operand(*u.operand, neg ? kNeg : kNot, false, out);
        return;
    }
    case ast::ExprKind::Binary: {
        const auto& b = static_cast<const ast::BinaryExpr&>(e);
        const int own = level(e);
        operand(*b.lhs, own, false, out);
        out += ' ';
        out += operatorText(b.op);
        out += ' ';
        operand(*b.rhs, own, true, out);
        return;
    }
    case ast::ExprKind::If: {
        const auto& i = static_cast<const ast::IfExpr&>(e);
        out += "hvis ";
        print(*i.condition, out);
        out += " så ";
        print(*i.thenExpr, out);
        out += " ellers ";
        print(*i.elseExpr, out);
        return;
    }
    case ast::ExprKind::Select: {
        const auto& s = static_cast<const ast::SelectExpr&>(e);
        out += "vælg ";
        print(*s.subject, out);
        out += " {";
        for (std::size_t i = 0; i < s.branches.size(); ++i) {
            out += i == 0 ? " " : "; ";
            for (std::size_t v = 0; v < s.branches[i].values.size(); ++v) {
                out += v == 0 ? "" : ", ";
                out += s.branches[i].values[v].name;
            }
            out += ": ";
            print(*s.branches[i].result, out);
        }
        out += " }";
        return;
    }
    case ast::ExprKind::ClaimList: {
        out += "fordringer";
        if (const ast::ExprPtr& filter = static_cast<const ast::ClaimListExpr&>(e).filter) {
            out += " hvor ";
            print(*filter, out);
        }
        return;
    }
    case ast::ExprKind::Account: {
        const auto& a = static_cast<const ast::AccountExpr&>(e);
        if (a.logical) {
            out += "logisk " + a.logicalName;
            return;
        }
        out += "konto " + a.funktion;
        if (a.dranst) {
            out += fmt::format(" dranst {}", *a.dranst);
        }
        if (!a.gruppering.empty()) {
            out += " gruppering " + a.gruppering;
        }
        if (!a.art.empty()) {
            out += " art " + a.art;
        }
        return;
    }
    }
}

} // namespace

std::string formulaText(const ast::Expr& expr) {
    std::string out;
    print(expr, out);
    return out;
}

} // namespace ydelse
