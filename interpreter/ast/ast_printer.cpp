#include "interpreter/ast/ast_printer.hpp"

#include <fmt/format.h>

namespace ydelse::ast {
namespace {

std::string_view binaryText(BinaryOp op) {
    switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Eq: return "=";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::And: return "og";
    case BinaryOp::Or: return "eller";
    }
    return "?";
}

void printDefinitions(std::string& out, const std::vector<Definition>& defs) {
    for (const Definition& d : defs) {
        out += fmt::format("  {} = {}\n", d.name.name, printExpr(*d.value));
    }
}

void printPostings(std::string& out, const std::vector<PostingLine>& lines) {
    for (const PostingLine& l : lines) {
        out += fmt::format("  kontering {}: debet {} kredit {}\n", l.art.name, printExpr(*l.debit),
                           printExpr(*l.credit));
    }
}

std::string typeText(const TypeRef& t) {
    return t.unit.empty() ? t.name : t.name + " pr. " + t.unit;
}

std::string params(const std::vector<Param>& ps) {
    std::string out;
    for (const Param& p : ps) {
        out += fmt::format("{}{}: {}{}", out.empty() ? "" : "; ", p.name.name, typeText(p.type),
                           p.optional ? " valgfri" : "");
    }
    return out;
}

// ` gyldig fra D [til D] [bevidst hul "…"]` of a versioned declaration, or nothing.
std::string validityText(const Validity& v) {
    if (!v.fra.present) {
        return "";
    }
    std::string out = " gyldig fra " + v.fra.value.toString();
    if (v.til) {
        out += " til " + v.til->toString();
    }
    if (v.deliberateGap.present) {
        out += " bevidst hul \"" + v.deliberateGap.value + "\"";
    }
    return out;
}

} // namespace

std::string printExpr(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Literal: {
        const auto& l = static_cast<const LiteralExpr&>(e);
        switch (l.literalKind) {
        case LiteralKind::Belob: return l.number.toString() + " kr";
        case LiteralKind::Procent: return l.number.toString() + " %";
        case LiteralKind::Tal: return l.number.toString();
        case LiteralKind::Tekst: return fmt::format("\"{}\"", l.text);
        case LiteralKind::Dato: return l.date.toString();
        case LiteralKind::Bool: return l.boolean ? "sand" : "falsk";
        }
        return "?";
    }
    case ExprKind::Name:
        return static_cast<const NameExpr&>(e).dotted();
    case ExprKind::Call: {
        const auto& c = static_cast<const CallExpr&>(e);
        std::string args;
        for (const ExprPtr& a : c.args) {
            args += (args.empty() ? "" : "; ") + printExpr(*a);
        }
        return fmt::format("{}({})", c.callee.name, args);
    }
    case ExprKind::Unary: {
        const auto& u = static_cast<const UnaryExpr&>(e);
        return fmt::format("({}{})", u.op == UnaryOp::Neg ? "-" : "ikke ", printExpr(*u.operand));
    }
    case ExprKind::Binary: {
        const auto& b = static_cast<const BinaryExpr&>(e);
        return fmt::format("({} {} {})", printExpr(*b.lhs), binaryText(b.op), printExpr(*b.rhs));
    }
    case ExprKind::If: {
        const auto& i = static_cast<const IfExpr&>(e);
        return fmt::format("(hvis {} så {} ellers {})", printExpr(*i.condition),
                           printExpr(*i.thenExpr), printExpr(*i.elseExpr));
    }
    case ExprKind::Select: {
        const auto& s = static_cast<const SelectExpr&>(e);
        std::string out = fmt::format("(vælg {} {{", printExpr(*s.subject));
        for (const SelectBranch& b : s.branches) {
            std::string values;
            for (const Ident& v : b.values) {
                values += (values.empty() ? "" : ", ") + v.name;
            }
            out += fmt::format(" {}: {};", values, printExpr(*b.result));
        }
        return out + " })";
    }
    case ExprKind::ClaimList: {
        const auto& l = static_cast<const ClaimListExpr&>(e);
        return l.filter ? "fordringer hvor " + printExpr(*l.filter) : std::string("fordringer");
    }
    case ExprKind::Account: {
        const auto& a = static_cast<const AccountExpr&>(e);
        if (a.logical) {
            return "logisk " + a.logicalName;
        }
        std::string out = "konto " + a.funktion;
        if (a.dranst) out += fmt::format(" dranst {}", *a.dranst);
        if (!a.gruppering.empty()) out += " gruppering " + a.gruppering;
        if (!a.art.empty()) out += " art " + a.art;
        return out;
    }
    }
    return "?";
}

std::string printCatalog(const Catalog& c) {
    std::string out;
    for (const KatalogDecl& k : c.katalog) {
        out += fmt::format("katalog \"{}\" version \"{}\"\n", k.navn, k.version);
    }
    for (const TypeDecl& t : c.types) {
        std::string values;
        for (const Ident& v : t.values) {
            values += (values.empty() ? "" : " | ") + v.name;
        }
        out += fmt::format("type {} = {}\n", t.name.name, values);
    }
    for (const RegelDecl& r : c.regler) {
        out += fmt::format("regel {}({}): {}{} = {}\n", r.name.name, params(r.params),
                           typeText(r.returnType), validityText(r.validity), printExpr(*r.body));
    }
    for (const TableDecl& t : c.tabeller) {
        out += fmt::format("tabel {}({}): {}{} træf {}\n", t.name.name, params(t.params),
                           typeText(t.returnType), validityText(t.validity), t.policyWord.name);
        for (const TableRow& row : t.rows) {
            std::string cells;
            for (const TableCell& cell : row.cells) {
                std::string text;
                switch (cell.kind) {
                case CellKind::Any: text = "-"; break;
                case CellKind::Range:
                    text = printExpr(*cell.values[0]) + ".." + printExpr(*cell.values[1]);
                    break;
                case CellKind::Compare:
                    text = std::string(binaryText(cell.compare)) + " " + printExpr(*cell.values[0]);
                    break;
                case CellKind::OneOf:
                    for (const ExprPtr& v : cell.values) {
                        text += (text.empty() ? "" : ", ") + printExpr(*v);
                    }
                    break;
                }
                cells += "| " + text + " ";
            }
            out += fmt::format("  {}| {} |\n", cells, printExpr(*row.result));
        }
    }
    for (const ExceptionDecl& u : c.undtagelser) {
        out += fmt::format("undtagelse {} til {}{} når {} = {}\n", u.name.name, u.target.name,
                           u.kommune ? fmt::format(" for kommune {}", *u.kommune) : "",
                           printExpr(*u.condition), printExpr(*u.value));
    }
    for (const KonteringDecl& k : c.konteringer) {
        out += fmt::format("kontering {}({}){}\n", k.name.name, params(k.params),
                           validityText(k.validity));
        printPostings(out, k.lines);
    }
    for (const ModregningDecl& m : c.modregninger) {
        out += fmt::format("modregning {} omfatter {}{}\n", m.name.name, printExpr(*m.covers),
                           m.cap ? " højst " + printExpr(*m.cap) : "");
    }
    for (const TilbagebetalingDecl& t : c.tilbagebetalinger) {
        out += fmt::format("tilbagebetaling {} fordringstype \"{}\"\n", t.name.name,
                           t.fordringstype);
        printDefinitions(out, t.definitions);
    }
    for (const UdbetalingDecl& u : c.udbetalinger) {
        out += "udbetaling\n";
        printDefinitions(out, u.definitions);
        if (u.coverage) {
            std::string keys;
            for (const ExprPtr& k : u.coverage->keys) {
                keys += (keys.empty() ? "" : ", ") + printExpr(*k);
            }
            std::string parts;
            for (const Ident& p : u.coverage->parts) {
                parts += (parts.empty() ? "" : ", ") + p.name;
            }
            out += fmt::format("  dækning rækkefølge {} dæk {}\n", keys, parts);
        }
        printPostings(out, u.postings);
    }
    for (const YdelseDecl& y : c.ydelser) {
        out += fmt::format("ydelse {} \"{}\"\n", y.code.name, y.navn);
        out += fmt::format("  grundlag {{{}}}\n", params(y.grundlag.value));
        for (const Requirement& r : y.requirements) {
            out += fmt::format("  krav {} ellers afvis {}\n", printExpr(*r.condition), r.code.name);
        }
        printDefinitions(out, y.definitions);
        for (const EIncomeField& f : y.eindkomst.value) {
            out += fmt::format("  eindkomst felt {} = {}\n", f.field, printExpr(*f.value));
        }
        if (y.kontering) {
            out += fmt::format("  kontering {}\n", y.kontering->rule.name);
        }
        if (y.modregning.present) {
            out += fmt::format("  modregning {}\n", y.modregning.value.name);
        }
        if (y.tilbagebetaling.present) {
            out += fmt::format("  tilbagebetaling {}\n", y.tilbagebetaling.value.name);
        }
    }
    return out;
}

} // namespace ydelse::ast
