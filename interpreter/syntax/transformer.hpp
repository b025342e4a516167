// Builds the AST from ANTLR's parse tree with typed methods, one per grammar rule. It only builds:
// names, types and validity are sema's business. Split by grammar area into transform_*.cpp.
#pragma once

// Our headers first: the ANTLR runtime undefines EOF, which Boost's headers still need.
#include "interpreter/ast/ast.hpp"
#include "interpreter/source/diagnostics.hpp"

#include "KatalogParser.h"

namespace ydelse {

class Transformer {
public:
    Transformer(FileId file, ast::Catalog& catalog, Diagnostics& diagnostics)
        : file_(file), catalog_(catalog), diagnostics_(diagnostics) {}

    void transformFile(katalog_grammar::KatalogParser::KatalogFilContext& ctx);

private:
    using P = katalog_grammar::KatalogParser;

    // transform_decl.cpp
    void transformDeclaration(P::DeklarationContext& ctx);
    void transformYdelse(P::YdelseDeklContext& ctx);
    void transformYdelseItem(P::YdelseLedContext& ctx, ast::YdelseDecl& ydelse);
    void transformRegel(P::RegelDeklContext& ctx);
    void transformKontering(P::KonteringDeklContext& ctx);
    void transformUdbetaling(P::UdbetalingDeklContext& ctx);
    void transformTabel(P::TabelDeklContext& ctx);
    // transform_effect.cpp
    void transformModregning(P::ModregningDeklContext& ctx);
    void transformTilbagebetaling(P::TilbagebetalingDeklContext& ctx);
    ast::Coverage transformCoverage(P::UdbLedDaekningContext& ctx);
    ast::TableCell transformCell(P::TabelCelleContext& ctx);
    ast::Param transformParam(P::ParamContext& ctx);
    /// `lovgrundlag` and `version` of a regel, kontering, tabel or undtagelse, and `gyldig fra`
    /// and `bevidst hul` where the declaration can have versions (`validity` given); elsewhere
    /// those are reported (K334).
    void transformRuleAttrs(const std::vector<P::RegelAttrContext*>& attrs,
                            ast::Attr<std::string>& lovgrundlag, ast::Attr<std::string>& version,
                            ast::Validity* validity = nullptr);
    ast::TypeRef transformType(P::TypeRefContext& ctx);
    ast::Definition transformDefinition(P::DefinitionContext& ctx);
    ast::PostingLine transformPostingLine(P::KonteringLinjeContext& ctx);

    // transform_expr.cpp
    ast::ExprPtr transformExpr(P::ExprContext* ctx);
    ast::ExprPtr transformPrimary(P::PrimaryContext& ctx);
    ast::ExprPtr transformBinary(P::ExprContext& ctx, antlr4::Token* op, P::ExprContext* lhs,
                                 P::ExprContext* rhs);
    ast::ExprPtr transformAccount(P::KontoLiteralContext& ctx);

    // transform_literal.cpp
    std::optional<Decimal> numberValue(antlr4::Token* token);
    std::string stringValue(antlr4::Token* token);
    std::optional<Date> dateValue(antlr4::Token* token);

    ast::Ident ident(P::IdentContext* ctx);
    SourceRange range(antlr4::Token* token) const;
    SourceRange range(antlr4::ParserRuleContext* ctx) const;
    ast::ExprId nextId() { return catalog_.nextExprId++; }

    FileId file_;
    ast::Catalog& catalog_;
    Diagnostics& diagnostics_;
    // A long chain like 1 + 1 + ... parses iteratively but nests in the tree; every later pass
    // recurses over it, so the tree's depth is bounded here, once.
    static constexpr std::size_t kMaxExprDepth = 500;
    std::size_t depth_ = 0;
    bool depthReported_ = false;
};

} // namespace ydelse
