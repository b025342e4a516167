// Transformer: declarations (katalog, type, ydelse, regel, kontering, udbetaling).
#include "interpreter/syntax/transformer.hpp"

#include <fmt/format.h>

namespace ydelse {

namespace {

// Records an attribute, reporting a second occurrence instead of overwriting the first.
template <typename T>
bool setOnce(ast::Attr<T>& attr, T value, SourceRange at, std::string_view what,
             Diagnostics& diagnostics) {
    if (attr.present) {
        diagnostics
            .error("K302", at, fmt::format("'{}' er angivet mere end én gang", what))
            .notes.push_back({attr.range, "første gang her"});
        return false;
    }
    attr.value = std::move(value);
    attr.range = at;
    attr.present = true;
    return true;
}

} // namespace

void Transformer::transformFile(P::KatalogFilContext& ctx) {
    for (P::DeklarationContext* decl : ctx.deklaration()) {
        transformDeclaration(*decl);
    }
}

void Transformer::transformDeclaration(P::DeklarationContext& ctx) {
    if (auto* k = dynamic_cast<P::KatalogDeklContext*>(&ctx)) {
        ast::KatalogDecl decl;
        decl.navn = stringValue(k->navn);
        decl.version = stringValue(k->version);
        decl.range = range(k->KATALOG()->getSymbol());
        for (P::IdentContext* f : k->fagsystemer) {
            decl.fagsystemer.push_back(ident(f));
        }
        catalog_.katalog.push_back(std::move(decl));
    } else if (auto* t = dynamic_cast<P::TypeDeklContext*>(&ctx)) {
        ast::TypeDecl decl;
        decl.name = ident(t->navn);
        for (P::IdentContext* v : t->vaerdier) {
            decl.values.push_back(ident(v));
        }
        catalog_.types.push_back(std::move(decl));
    } else if (auto* y = dynamic_cast<P::YdelseDeklContext*>(&ctx)) {
        transformYdelse(*y);
    } else if (auto* r = dynamic_cast<P::RegelDeklContext*>(&ctx)) {
        transformRegel(*r);
    } else if (auto* kd = dynamic_cast<P::KonteringDeklContext*>(&ctx)) {
        transformKontering(*kd);
    } else if (auto* u = dynamic_cast<P::UdbetalingDeklContext*>(&ctx)) {
        transformUdbetaling(*u);
    } else if (auto* m = dynamic_cast<P::ModregningDeklContext*>(&ctx)) {
        transformModregning(*m);
    } else if (auto* tb = dynamic_cast<P::TilbagebetalingDeklContext*>(&ctx)) {
        transformTilbagebetaling(*tb);
    } else if (auto* tab = dynamic_cast<P::TabelDeklContext*>(&ctx)) {
        transformTabel(*tab);
    } else if (auto* u = dynamic_cast<P::UndtagelseDeklContext*>(&ctx)) {
        ast::ExceptionDecl decl;
        decl.name = ident(u->navn);
        decl.target = ident(u->regel);
        transformRuleAttrs(u->regelAttr(), decl.lovgrundlag, decl.version);
        if (u->kommune != nullptr) {
            decl.kommuneRange = range(u->kommune);
            std::optional<Decimal> n = numberValue(u->kommune);
            if (n && n->isInteger() && *n >= Decimal::fromInt(1) && *n <= Decimal::fromInt(999)) {
                decl.kommune = n->toInt64();
            } else {
                diagnostics_.error("K321", decl.kommuneRange,
                                   "et kommunenummer er et heltal fra 1 til 999");
            }
        }
        decl.condition = transformExpr(u->betingelse);
        decl.value = transformExpr(u->vaerdi);
        catalog_.undtagelser.push_back(std::move(decl));
    }
    // A context of the base type means the parser recovered from a syntax error that was
    // already reported; there is nothing to build.
}


void Transformer::transformYdelse(P::YdelseDeklContext& ctx) {
    ast::YdelseDecl decl;
    decl.code = ident(ctx.kode);
    decl.navn = stringValue(ctx.navn);
    decl.range = decl.code.range;
    for (P::YdelseLedContext* item : ctx.ydelseLed()) {
        transformYdelseItem(*item, decl);
    }
    catalog_.ydelser.push_back(std::move(decl));
}

void Transformer::transformYdelseItem(P::YdelseLedContext& ctx, ast::YdelseDecl& y) {
    auto idents = [&](const std::vector<P::IdentContext*>& list) {
        std::vector<ast::Ident> out;
        for (P::IdentContext* i : list) {
            out.push_back(ident(i));
        }
        return out;
    };
    if (auto* c = dynamic_cast<P::LedLovgrundlagContext*>(&ctx)) {
        setOnce(y.lovgrundlag, stringValue(c->tekst), range(c->start), "lovgrundlag", diagnostics_);
    } else if (auto* c = dynamic_cast<P::LedVersionContext*>(&ctx)) {
        setOnce(y.version, stringValue(c->tekst), range(c->start), "version", diagnostics_);
    } else if (auto* c = dynamic_cast<P::LedFagsystemContext*>(&ctx)) {
        setOnce(y.fagsystemer, idents(c->vaerdier), range(c->start), "fagsystem", diagnostics_);
    } else if (auto* c = dynamic_cast<P::LedModtagerContext*>(&ctx)) {
        setOnce(y.modtagere, idents(c->vaerdier), range(c->start), "modtager", diagnostics_);
    } else if (auto* c = dynamic_cast<P::LedPeriodeContext*>(&ctx)) {
        setOnce(y.periodeArt, ident(c->art), range(c->start), "periode", diagnostics_);
    } else if (auto* c = dynamic_cast<P::LedGyldighedContext*>(&ctx)) {
        std::optional<Date> fra = dateValue(c->fra);
        std::optional<Date> til = c->til ? dateValue(c->til) : std::nullopt;
        setOnce(y.gyldigFra, fra.value_or(Date{}), range(c->start), "gyldig fra", diagnostics_);
        y.gyldigTil.value = til;
        y.gyldigTil.present = til.has_value();
        y.gyldigTil.range = c->til ? range(c->til) : SourceRange{};
    } else if (auto* c = dynamic_cast<P::LedSkatContext*>(&ctx)) {
        setOnce(y.skat, ident(c->art), range(c->start), "skat", diagnostics_);
    } else if (auto* c = dynamic_cast<P::LedIndkomsttypeContext*>(&ctx)) {
        setOnce(y.indkomsttype, stringValue(c->tekst), range(c->start), "indkomsttype",
                diagnostics_);
    } else if (auto* c = dynamic_cast<P::LedGrundlagContext*>(&ctx)) {
        std::vector<ast::Param> fields;
        for (P::ParamContext* p : c->felter) {
            fields.push_back(transformParam(*p));
        }
        setOnce(y.grundlag, std::move(fields), range(c->start), "grundlag", diagnostics_);
    } else if (auto* c = dynamic_cast<P::LedKravContext*>(&ctx)) {
        ast::Requirement req;
        req.condition = transformExpr(c->betingelse);
        req.code = ident(c->kode);
        req.message = stringValue(c->besked);
        req.field = c->felt ? stringValue(c->felt) : "";
        req.range = range(c->start);
        y.requirements.push_back(std::move(req));
    } else if (auto* c = dynamic_cast<P::LedDefinitionContext*>(&ctx)) {
        y.definitions.push_back(transformDefinition(*c->definition()));
    } else if (auto* c = dynamic_cast<P::LedEIndkomstContext*>(&ctx)) {
        std::vector<ast::EIncomeField> fields;
        for (P::EindkomstFeltContext* f : c->felter) {
            ast::EIncomeField field;
            field.range = range(f->nummer);
            std::optional<Decimal> n = numberValue(f->nummer);
            field.field = n && n->isInteger() && n->toInt64() < 10000 ? int(n->toInt64()) : 0;
            field.value = transformExpr(f->vaerdi);
            fields.push_back(std::move(field));
        }
        setOnce(y.eindkomst, std::move(fields), range(c->start), "eindkomst", diagnostics_);
    } else if (auto* c = dynamic_cast<P::LedKonteringContext*>(&ctx)) {
        ast::KonteringUse use;
        use.rule = ident(c->navn);
        use.range = range(c->start);
        for (P::NavngivetArgContext* a : c->args) {
            use.args.push_back({ident(a->navn), transformExpr(a->vaerdi)});
        }
        if (y.kontering) {
            diagnostics_.error("K302", use.range, "'kontering' er angivet mere end én gang")
                .notes.push_back({y.kontering->range, "første gang her"});
            return;
        }
        y.kontering = std::move(use);
    } else if (auto* c = dynamic_cast<P::LedModregningContext*>(&ctx)) {
        setOnce(y.modregning, ident(c->navn), range(c->start), "modregning", diagnostics_);
    } else if (auto* c = dynamic_cast<P::LedTilbagebetalingContext*>(&ctx)) {
        setOnce(y.tilbagebetaling, ident(c->navn), range(c->start), "tilbagebetaling",
                diagnostics_);
    }
}

void Transformer::transformRegel(P::RegelDeklContext& ctx) {
    ast::RegelDecl decl;
    decl.name = ident(ctx.navn);
    for (P::ParamContext* p : ctx.params) {
        decl.params.push_back(transformParam(*p));
    }
    decl.returnType = transformType(*ctx.retur);
    transformRuleAttrs(ctx.regelAttr(), decl.lovgrundlag, decl.version, &decl.validity);
    for (P::RegelAttrContext* a : ctx.regelAttr()) {
        decl.kommuneMayChange =
            decl.kommuneMayChange ||
            dynamic_cast<P::RegelKommunalTilpasningContext*>(a) != nullptr;
    }
    decl.body = transformExpr(ctx.krop);
    catalog_.regler.push_back(std::move(decl));
}

void Transformer::transformKontering(P::KonteringDeklContext& ctx) {
    ast::KonteringDecl decl;
    decl.name = ident(ctx.navn);
    for (P::ParamContext* p : ctx.params) {
        decl.params.push_back(transformParam(*p));
    }
    transformRuleAttrs(ctx.regelAttr(), decl.lovgrundlag, decl.version, &decl.validity);
    for (P::KonteringLinjeContext* line : ctx.konteringLinje()) {
        decl.lines.push_back(transformPostingLine(*line));
    }
    catalog_.konteringer.push_back(std::move(decl));
}

void Transformer::transformUdbetaling(P::UdbetalingDeklContext& ctx) {
    ast::UdbetalingDecl decl;
    decl.range = range(ctx.start);
    for (P::UdbetalingLedContext* item : ctx.udbetalingLed()) {
        if (auto* d = dynamic_cast<P::UdbLedDefinitionContext*>(item)) {
            decl.definitions.push_back(transformDefinition(*d->definition()));
        } else if (auto* k = dynamic_cast<P::UdbLedKonteringContext*>(item)) {
            for (P::KonteringLinjeContext* line : k->konteringLinje()) {
                decl.postings.push_back(transformPostingLine(*line));
            }
        } else if (auto* c = dynamic_cast<P::UdbLedDaekningContext*>(item)) {
            if (decl.coverage) {
                diagnostics_.error("K302", range(c->start), "'dækning' er angivet mere end én gang")
                    .notes.push_back({decl.coverage->range, "første gang her"});
                continue;
            }
            decl.coverage = transformCoverage(*c);
        }
    }
    catalog_.udbetalinger.push_back(std::move(decl));
}

void Transformer::transformRuleAttrs(const std::vector<P::RegelAttrContext*>& attrs,
                                     ast::Attr<std::string>& lovgrundlag,
                                     ast::Attr<std::string>& version,
                                     ast::Validity* validity) {
    for (P::RegelAttrContext* a : attrs) {
        if (auto* l = dynamic_cast<P::RegelLovgrundlagContext*>(a)) {
            setOnce(lovgrundlag, stringValue(l->tekst), range(l->start), "lovgrundlag",
                    diagnostics_);
        } else if (auto* v = dynamic_cast<P::RegelVersionContext*>(a)) {
            setOnce(version, stringValue(v->tekst), range(v->start), "version", diagnostics_);
        } else if (dynamic_cast<P::RegelGyldighedContext*>(a) != nullptr ||
                   dynamic_cast<P::RegelBevidstHulContext*>(a) != nullptr) {
            if (validity == nullptr) {
                diagnostics_.error("K334", range(a->start),
                                   "kun en regel, tabel eller konteringsregel kan have versioner "
                                   "med 'gyldig fra' og 'bevidst hul'; en undtagelse gælder for "
                                   "alle versioner af reglen, den hører til");
            } else if (auto* g = dynamic_cast<P::RegelGyldighedContext*>(a)) {
                std::optional<Date> fra = dateValue(g->fra);
                if (setOnce(validity->fra, fra.value_or(Date{}), range(g->start), "gyldig fra",
                            diagnostics_) &&
                    g->til != nullptr) {
                    validity->til = dateValue(g->til);
                    validity->tilRange = range(g->til);
                }
            } else if (auto* h = dynamic_cast<P::RegelBevidstHulContext*>(a)) {
                setOnce(validity->deliberateGap, stringValue(h->begrundelse), range(h->start),
                        "bevidst hul", diagnostics_);
            }
        }
    }
}

ast::Param Transformer::transformParam(P::ParamContext& ctx) {
    ast::Param p;
    p.name = ident(ctx.navn);
    p.type = transformType(*ctx.type);
    if (ctx.valgfri != nullptr) {
        p.optional = true;
        p.optionalRange = range(ctx.valgfri);
    }
    return p;
}

ast::TypeRef Transformer::transformType(P::TypeRefContext& ctx) {
    if (auto* n = dynamic_cast<P::NamedTypeContext*>(&ctx)) {
        ast::Ident id = ident(n->navn);
        ast::TypeRef t{id.name, id.range, "", {}};
        if (n->enhed != nullptr) {
            ast::Ident unit = ident(n->enhed);
            t.unit = unit.name;
            t.unitRange = unit.range;
        }
        return t;
    }
    return {"Sand/Falsk", range(ctx.start), "", {}};
}

ast::Definition Transformer::transformDefinition(P::DefinitionContext& ctx) {
    ast::Definition def;
    def.name = ident(ctx.navn);
    if (ctx.type) {
        def.declaredType = transformType(*ctx.type);
    }
    def.value = transformExpr(ctx.vaerdi);
    return def;
}

ast::PostingLine Transformer::transformPostingLine(P::KonteringLinjeContext& ctx) {
    return {ident(ctx.art), transformExpr(ctx.debet), transformExpr(ctx.kredit)};
}

ast::Ident Transformer::ident(P::IdentContext* ctx) {
    if (ctx == nullptr) {
        return {"<mangler>", {file_, 0, 0, 1}};
    }
    return {ctx->getText(), range(ctx)};
}

SourceRange Transformer::range(antlr4::Token* token) const {
    if (token == nullptr) {
        return {file_, 0, 0, 1};
    }
    auto length = static_cast<std::uint32_t>(token->getStopIndex() - token->getStartIndex() + 1);
    return {file_, static_cast<std::uint32_t>(token->getLine()),
            static_cast<std::uint32_t>(token->getCharPositionInLine() + 1), std::max(1u, length)};
}

SourceRange Transformer::range(antlr4::ParserRuleContext* ctx) const {
    if (ctx == nullptr || ctx->start == nullptr) {
        return {file_, 0, 0, 1};
    }
    SourceRange r = range(ctx->start);
    if (ctx->stop != nullptr && ctx->stop->getLine() == ctx->start->getLine() &&
        ctx->stop->getStopIndex() >= ctx->start->getStartIndex()) {
        r.length = static_cast<std::uint32_t>(ctx->stop->getStopIndex() -
                                              ctx->start->getStartIndex() + 1);
    }
    return r;
}

} // namespace ydelse
