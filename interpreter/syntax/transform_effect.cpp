// Transformer: the declarations that drive effektuering beyond one payout's arithmetic:
// modregningsregler, tilbagebetalingsregler and the udbetaling's dækningsrækkefølge.
#include "interpreter/syntax/transformer.hpp"

namespace ydelse {

void Transformer::transformModregning(P::ModregningDeklContext& ctx) {
    ast::ModregningDecl decl;
    decl.name = ident(ctx.navn);
    transformRuleAttrs(ctx.regelAttr(), decl.lovgrundlag, decl.version);
    decl.covers = transformExpr(ctx.omfatter);
    if (ctx.hoejst != nullptr) {
        decl.cap = transformExpr(ctx.hoejst);
    }
    catalog_.modregninger.push_back(std::move(decl));
}

void Transformer::transformTilbagebetaling(P::TilbagebetalingDeklContext& ctx) {
    ast::TilbagebetalingDecl decl;
    decl.name = ident(ctx.navn);
    transformRuleAttrs(ctx.regelAttr(), decl.lovgrundlag, decl.version);
    decl.fordringstype = stringValue(ctx.fordringstype);
    decl.fordringstypeRange = range(ctx.fordringstype);
    for (P::DefinitionContext* d : ctx.definitioner) {
        decl.definitions.push_back(transformDefinition(*d));
    }
    catalog_.tilbagebetalinger.push_back(std::move(decl));
}

ast::Coverage Transformer::transformCoverage(P::UdbLedDaekningContext& ctx) {
    ast::Coverage coverage;
    coverage.range = range(ctx.start);
    for (P::ExprContext* key : ctx.noegler) {
        coverage.keys.push_back(transformExpr(key));
    }
    for (P::IdentContext* part : ctx.dele) {
        coverage.parts.push_back(ident(part));
    }
    return coverage;
}

} // namespace ydelse
