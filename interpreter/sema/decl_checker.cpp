// Declaration checks: symbol tables, then regler, konteringer, udbetaling and ydelser.
#include "interpreter/sema/decl_checker.hpp"

#include "interpreter/sema/expr_walk.hpp"
#include "interpreter/sema/rule_versions.hpp"
#include "interpreter/sema/suggest.hpp"

#include <cctype>
#include <fmt/format.h>

namespace ydelse::sema {
namespace {

// A problem of the catalog as a whole, not of one file.
const SourceRange kWholeCatalog{kNoFile, 0, 0, 1};

using ir::ValueType;

std::vector<std::string> identNames(const std::vector<ast::Ident>& ids) {
    std::vector<std::string> out;
    for (const ast::Ident& i : ids) {
        out.push_back(i.name);
    }
    return out;
}

std::optional<ir::PostingArt> postingArtByName(std::string_view name) {
    for (std::size_t i = 0; i < ir::kPostingArtCount; ++i) {
        auto art = static_cast<ir::PostingArt>(i);
        if (ir::postingArtName(art) == name) {
            return art;
        }
    }
    return std::nullopt;
}

std::vector<std::string> postingArtNames() {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ir::kPostingArtCount; ++i) {
        out.emplace_back(ir::postingArtName(static_cast<ir::PostingArt>(i)));
    }
    return out;
}

// A definition that is the literal 0 kr can never produce an amount to post.
bool isLiteralZero(const ast::Expr& e) {
    return e.kind == ast::ExprKind::Literal &&
           static_cast<const ast::LiteralExpr&>(e).number.isZero() &&
           static_cast<const ast::LiteralExpr&>(e).literalKind == ast::LiteralKind::Belob;
}


} // namespace

void DeclChecker::collectSymbols() {
    const ast::Catalog& cat = *checked_.ast;
    for (std::uint32_t id = 0; id < ir::kBuiltinEnums.size(); ++id) {
        const ir::BuiltinEnum& builtin = ir::kBuiltinEnums[id];
        ir::EnumType& e = checked_.enums.emplace_back();
        e.name = builtin.name;
        for (std::size_t i = 0; i < builtin.count; ++i) {
            e.values.emplace_back(builtin.values[i]);
            // Modtagertype's values (cpr, cvr, se) stay out of the global names: a catalog
            // compares modtager.type in a `vælg`, and plain names like `se` are too common.
            if (id != kModtagerEnum) {
                checked_.enumValueByName.emplace(e.values.back(), id);
            }
        }
    }
    for (const ast::TypeDecl& t : cat.types) {
        if (resolveTypeName(checked_, t.name.name)) {
            diagnostics_.error("K304", t.name.range,
                               fmt::format("typen '{}' findes allerede", t.name.name));
            continue;
        }
        const auto id = static_cast<std::uint32_t>(checked_.enums.size());
        checked_.enums.push_back({t.name.name, identNames(t.values)});
        for (const ast::Ident& v : t.values) {
            auto [it, inserted] = checked_.enumValueByName.emplace(v.name, id);
            if (!inserted) {
                diagnostics_.error("K305", v.range,
                                   it->second == id
                                       ? fmt::format("værdien '{}' står to gange i {}", v.name,
                                                     t.name.name)
                                       : fmt::format("værdien '{}' findes allerede i {}; "
                                                     "værdinavne skal være entydige",
                                                     v.name, checked_.enums[it->second].name));
            }
        }
    }
    for (std::size_t i = 0; i < checked_.satser.size(); ++i) {
        checked_.satsByName.emplace(checked_.satser[i].name, static_cast<std::uint32_t>(i));
    }
    std::vector<VersionedDecl> regler;
    for (const ast::RegelDecl& r : cat.regler) {
        regler.push_back({&r.name, &r.version, &r.validity, &r.params, &r.returnType});
    }
    groupVersions(regler, "reglen", diagnostics_, checked_.regelByName, checked_.regelVersions);
    std::vector<VersionedDecl> konteringer;
    for (const ast::KonteringDecl& k : cat.konteringer) {
        konteringer.push_back({&k.name, &k.version, &k.validity, &k.params, nullptr});
    }
    groupVersions(konteringer, "konteringsreglen", diagnostics_, checked_.konteringByName,
                  checked_.konteringVersions);
    if (cat.katalog.empty()) {
        diagnostics_.error("K303", kWholeCatalog, "kataloget mangler en 'katalog'-erklæring med navn og version");
    }
    for (std::size_t i = 1; i < cat.katalog.size(); ++i) {
        diagnostics_.error("K303", cat.katalog[i].range, "der må kun være én 'katalog'-erklæring")
            .notes.push_back({cat.katalog[0].range, "den første er her"});
    }
    ruleUsed_.assign(cat.regler.size(), false);
}

void DeclChecker::checkRegel(std::uint32_t index) {
    const ast::RegelDecl& r = checked_.ast->regler[index];
    Scope scope;
    scope.kind = Scope::Kind::Regel;
    bool ok = declareParams(checked_, diagnostics_, r.params, scope);
    std::optional<Type> ret = resolveTypeRef(checked_, r.returnType);
    if (!ret) {
        diagnostics_.error("K211", r.returnType.range,
                           fmt::format("ukendt type '{}'", r.returnType.name));
        ok = false;
    }
    checkTypeUnit(diagnostics_, r.returnType, ret);
    // Every rule applied is listed for audit with its legal basis and version.
    if (!r.lovgrundlag.present) {
        diagnostics_.error("K301", r.name.range,
                           fmt::format("reglen {} mangler 'lovgrundlag'", r.name.name));
    }
    if (!r.version.present) {
        diagnostics_.error("K301", r.name.range,
                           fmt::format("reglen {} mangler 'version'", r.name.name));
    }
    ExprChecker checker(checked_, diagnostics_, scope);
    if (ok) {
        checker.checkAs(*r.body, *ret, fmt::format("resultatet af reglen {}", r.name.name));
    } else {
        checker.check(*r.body);
    }
}

void DeclChecker::checkPostingLines(const std::vector<ast::PostingLine>& lines, Scope& scope,
                                    bool orderLevel, std::vector<bool>& present) {
    present.assign(ir::kPostingArtCount, false);
    std::vector<const ast::Ident*> first(ir::kPostingArtCount, nullptr);
    ExprChecker checker(checked_, diagnostics_, scope);
    for (const ast::PostingLine& line : lines) {
        checker.checkAs(*line.debit, Type::of(ValueType::Konto), "debetkontoen");
        checker.checkAs(*line.credit, Type::of(ValueType::Konto), "kreditkontoen");
        std::optional<ir::PostingArt> art = postingArtByName(line.art.name);
        if (!art) {
            diagnostics_.error("K503", line.art.range,
                               fmt::format("ukendt beløbsart '{}'{}", line.art.name,
                                           suggestion(line.art.name, postingArtNames())));
            continue;
        }
        if (ir::isOrderLevel(*art) != orderLevel) {
            diagnostics_.error(
                "K504", line.art.range,
                orderLevel ? fmt::format("'{}' hører til den enkelte ydelse og konteres i "
                                         "ydelsens konteringsregel, ikke i 'udbetaling'",
                                         line.art.name)
                           : fmt::format("'{}' beregnes for hele ordren og konteres i "
                                         "'udbetaling', ikke i en ydelses konteringsregel",
                                         line.art.name));
            continue;
        }
        auto i = static_cast<std::size_t>(*art);
        if (present[i]) {
            diagnostics_.error("K502", line.art.range,
                               fmt::format("beløbsarten '{}' konteres mere end én gang",
                                           line.art.name))
                .notes.push_back({first[i]->range, "første gang her"});
            continue;
        }
        present[i] = true;
        first[i] = &line.art;
    }
}

void DeclChecker::checkKontering(std::uint32_t index) {
    const ast::KonteringDecl& k = checked_.ast->konteringer[index];
    for (auto [present, what] : {std::pair{k.lovgrundlag.present, "lovgrundlag"},
                                 std::pair{k.version.present, "version"}}) {
        if (!present) {
            diagnostics_.error("K301", k.name.range,
                               fmt::format("konteringsreglen {} mangler '{}'", k.name.name, what));
        }
    }
    Scope scope;
    scope.kind = Scope::Kind::Kontering;
    declareParams(checked_, diagnostics_, k.params, scope);
    std::vector<bool> present;
    checkPostingLines(k.lines, scope, false, present);
}

void DeclChecker::checkBlock(BlockInfo& block, Scope& scope, std::set<std::uint32_t>& used) {
    enum class State : std::uint8_t { Unvisited, InProgress, Done };
    std::vector<State> state(block.definitions.size(), State::Unvisited);
    block.types.assign(block.definitions.size(), Type::errorType());
    std::vector<std::uint32_t> stack;
    std::function<Type(std::uint32_t, SourceRange)> typeOf = [&](std::uint32_t i,
                                                                 SourceRange usedAt) -> Type {
        if (state[i] == State::Done) {
            return block.types[i];
        }
        if (state[i] == State::InProgress) {
            std::string chain;
            auto from = std::find(stack.begin(), stack.end(), i);
            for (auto it = from; it != stack.end(); ++it) {
                chain += block.definitions[*it]->name.name + " → ";
            }
            chain += block.definitions[i]->name.name;
            diagnostics_.error("K120", usedAt,
                               fmt::format("definitionen '{}' afhænger af sig selv: {}",
                                           block.definitions[i]->name.name, chain));
            return Type::errorType();
        }
        state[i] = State::InProgress;
        stack.push_back(i);
        const ast::Definition& def = *block.definitions[i];
        ExprChecker checker(checked_, diagnostics_, scope);
        Type t = checker.check(*def.value);
        if (def.declaredType) {
            std::optional<Type> declared = resolveTypeRef(checked_, *def.declaredType);
            checkTypeUnit(diagnostics_, *def.declaredType, declared);
            if (!declared) {
                diagnostics_.error("K211", def.declaredType->range,
                                   fmt::format("ukendt type '{}'", def.declaredType->name));
            } else if (!t.error && t == *declared && unitsClash(t, *declared)) {
                diagnostics_.error("K214", def.value->range,
                                   fmt::format("'{}' er erklæret som {}, men udtrykket er {}",
                                               def.name.name, typeText(checked_, *declared),
                                               typeText(checked_, t)));
                t = Type::errorType();
            } else if (!t.error && !(t == *declared)) {
                diagnostics_.error("K201", def.value->range,
                                   fmt::format("'{}' er erklæret som {}, men udtrykket er {}",
                                               def.name.name, def.declaredType->name,
                                               ir::valueTypeName(t.kind)));
                t = Type::errorType();
            } else {
                t = *declared;
            }
        }
        stack.pop_back();
        state[i] = State::Done;
        block.types[i] = t;
        return t;
    };
    scope.block = &block;
    scope.definitionType = typeOf;
    scope.usedDefinitions = &used;
    for (std::uint32_t i = 0; i < block.definitions.size(); ++i) {
        typeOf(i, block.definitions[i]->name.range);
    }
    // Every definition is typed now; later users of the scope read the results, not the
    // bookkeeping above, which dies with this call.
    scope.definitionType = [&block](std::uint32_t i, SourceRange) { return block.types[i]; };
}

void DeclChecker::checkUdbetaling() {
    const auto& blocks = checked_.ast->udbetalinger;
    if (blocks.empty()) {
        diagnostics_.error("K303", kWholeCatalog,
                           "kataloget mangler en 'udbetaling'-blok (A-skat og kontering af "
                           "skat, modregning og udbetaling)");
        return;
    }
    for (std::size_t i = 1; i < blocks.size(); ++i) {
        diagnostics_.error("K303", blocks[i].range, "der må kun være én 'udbetaling'-blok")
            .notes.push_back({blocks[0].range, "den første er her"});
    }
    const ast::UdbetalingDecl& u = blocks[0];
    BlockInfo& block = checked_.orderBlock;
    for (const ast::Definition& d : u.definitions) {
        if (!block.byName.emplace(d.name.name, static_cast<std::uint32_t>(block.definitions.size()))
                 .second) {
            diagnostics_.error("K304", d.name.range,
                               fmt::format("'{}' er defineret mere end én gang", d.name.name));
            continue;
        }
        block.definitions.push_back(&d);
    }
    Scope scope;
    scope.kind = Scope::Kind::Udbetaling;
    std::set<std::uint32_t> used;
    checkBlock(block, scope, used);
    auto aSkat = block.byName.find("a_skat");
    if (aSkat == block.byName.end()) {
        diagnostics_.error("K301", u.range, "'udbetaling' mangler definitionen af 'a_skat'");
    } else if (!block.types[aSkat->second].error &&
               !(block.types[aSkat->second] == Type::of(ValueType::Belob))) {
        diagnostics_.error("K201", block.definitions[aSkat->second]->value->range,
                           "'a_skat' skal være et Beløb");
    }
    std::vector<bool> present;
    checkPostingLines(u.postings, scope, true, present);
    for (std::size_t i = 0; i < ir::kPostingArtCount; ++i) {
        auto art = static_cast<ir::PostingArt>(i);
        // A tilbagebetalingskrav is posted only where a ydelse can create one (effect_checker).
        if (ir::isOrderLevel(art) && art != ir::PostingArt::Tilbagebetalingskrav && !present[i]) {
            diagnostics_.error("K501", u.range,
                               fmt::format("beløbsarten '{}' har ingen kontering i 'udbetaling'",
                                           ir::postingArtName(art)));
        }
    }
    for (std::uint32_t i = 0; i < block.definitions.size(); ++i) {
        if (!used.count(i) && block.definitions[i]->name.name != "a_skat") {
            diagnostics_.warning("K110", block.definitions[i]->name.range,
                                 fmt::format("definitionen '{}' bruges ikke",
                                             block.definitions[i]->name.name));
        }
    }
}

void DeclChecker::requireAttribute(bool present, const ast::YdelseDecl& y, std::string_view what) {
    if (!present) {
        diagnostics_.error("K301", y.code.range,
                           fmt::format("ydelsen {} mangler '{}'", y.code.name, what));
    }
}

void DeclChecker::checkKonteringUse(const ast::YdelseDecl& y, Scope& scope) {
    if (!y.kontering) {
        requireAttribute(false, y, "kontering");
        return;
    }
    const ast::KonteringUse& use = *y.kontering;
    ExprChecker checker(checked_, diagnostics_, scope);
    auto it = checked_.konteringByName.find(use.rule.name);
    if (it == checked_.konteringByName.end()) {
        std::vector<std::string> names;
        for (const auto& [name, i] : checked_.konteringByName) {
            names.push_back(name);
        }
        diagnostics_.error("K105", use.rule.range,
                           fmt::format("ukendt konteringsregel '{}'{}", use.rule.name,
                                       suggestion(use.rule.name, names)));
        for (const ast::NamedArg& a : use.args) {
            checker.check(*a.value);
        }
        return;
    }
    const ast::KonteringDecl& k = checked_.ast->konteringer[it->second];
    std::vector<std::string> paramNames;
    for (const ast::Param& p : k.params) {
        paramNames.push_back(p.name.name);
    }
    std::vector<bool> given(k.params.size(), false);
    for (const ast::NamedArg& a : use.args) {
        auto pos = std::find(paramNames.begin(), paramNames.end(), a.name.name);
        if (pos == paramNames.end()) {
            diagnostics_.error("K106", a.name.range,
                               fmt::format("konteringsreglen {} har ingen parameter '{}'{}",
                                           k.name.name, a.name.name,
                                           suggestion(a.name.name, paramNames)));
            checker.check(*a.value);
            continue;
        }
        auto i = static_cast<std::size_t>(pos - paramNames.begin());
        if (given[i]) {
            diagnostics_.error("K304", a.name.range,
                               fmt::format("'{}' er angivet mere end én gang", a.name.name));
        }
        given[i] = true;
        std::optional<Type> t = resolveTypeName(checked_, k.params[i].type.name);
        if (t) {
            checker.checkAs(*a.value, *t, fmt::format("'{}'", a.name.name));
        } else {
            checker.check(*a.value);
        }
    }
    for (std::size_t i = 0; i < given.size(); ++i) {
        if (!given[i]) {
            diagnostics_.error("K202", use.range,
                               fmt::format("konteringsreglen {} mangler argumentet '{}'",
                                           k.name.name, paramNames[i]));
        }
    }
    // Every amount this ydelse can produce must be posted somewhere, by every version.
    for (std::uint32_t v : checked_.konteringVersions[it->second].decls) {
        checkProducedArtsPosted(y, scope, checked_.ast->konteringer[v]);
    }
}

void DeclChecker::checkProducedArtsPosted(const ast::YdelseDecl& y, const Scope& scope,
                                          const ast::KonteringDecl& k) {
    std::vector<bool> present(ir::kPostingArtCount, false);
    for (const ast::PostingLine& line : k.lines) {
        if (std::optional<ir::PostingArt> art = postingArtByName(line.art.name)) {
            present[static_cast<std::size_t>(*art)] = true;
        }
    }
    const BlockInfo& block = scope.block ? *scope.block : checked_.orderBlock;
    const std::pair<ir::PostingArt, ir::LineAmount> produced[] = {
        {ir::PostingArt::Brutto, ir::LineAmount::Brutto},
        {ir::PostingArt::AtpEgen, ir::LineAmount::AtpEgen},
        {ir::PostingArt::AtpKommune, ir::LineAmount::AtpKommune},
        {ir::PostingArt::AmBidrag, ir::LineAmount::AmBidrag},
        {ir::PostingArt::OpBidrag, ir::LineAmount::OpBidrag},
        {ir::PostingArt::Refusion, ir::LineAmount::Refusion},
    };
    for (auto [art, amount] : produced) {
        auto def = block.byName.find(std::string(ir::lineAmountName(amount)));
        if (def == block.byName.end() || isLiteralZero(*block.definitions[def->second]->value)) {
            continue;
        }
        if (!present[static_cast<std::size_t>(art)]) {
            diagnostics_.error("K501", block.definitions[def->second]->name.range,
                               fmt::format("ydelsen {} kan give beløbsarten '{}', men "
                                           "konteringsreglen {}{} har ingen linje for den",
                                           y.code.name, ir::postingArtName(art), k.name.name,
                                           k.validity.fra.present
                                               ? fmt::format(" version \"{}\"", k.version.value)
                                               : ""))
                .notes.push_back({k.name.range, "konteringsreglen er her"});
        }
    }
}

void DeclChecker::checkYdelse(std::uint32_t index) {
    const ast::YdelseDecl& y = checked_.ast->ydelser[index];
    for (std::uint32_t j = 0; j < index; ++j) {
        if (checked_.ast->ydelser[j].code.name == y.code.name) {
            diagnostics_.error("K304", y.code.range,
                               fmt::format("ydelsen {} er defineret mere end én gang", y.code.name))
                .notes.push_back({checked_.ast->ydelser[j].code.range, "første gang her"});
        }
    }
    requireAttribute(y.lovgrundlag.present, y, "lovgrundlag");
    requireAttribute(y.fagsystemer.present, y, "fagsystem");
    requireAttribute(y.modtagere.present, y, "modtager");
    requireAttribute(y.periodeArt.present, y, "periode");
    requireAttribute(y.gyldigFra.present, y, "gyldig fra");
    requireAttribute(y.skat.present, y, "skat");
    requireAttribute(y.grundlag.present, y, "grundlag");
    requireAttribute(y.version.present, y, "version");

    auto checkWords = [&](const std::vector<ast::Ident>& words,
                          const std::vector<std::string>& allowed, std::string_view what) {
        for (const ast::Ident& w : words) {
            if (std::find(allowed.begin(), allowed.end(), w.name) == allowed.end()) {
                diagnostics_.error("K104", w.range,
                                   fmt::format("ukendt {} '{}'{}", what, w.name,
                                               suggestion(w.name, allowed)));
            }
        }
    };
    std::vector<std::string> fagsystemer;
    if (!checked_.ast->katalog.empty()) {
        fagsystemer = identNames(checked_.ast->katalog[0].fagsystemer);
    }
    checkWords(y.fagsystemer.value, fagsystemer, "fagsystem");
    checkWords(y.modtagere.value, {"cpr", "cvr", "se"}, "modtagertype");
    if (y.periodeArt.present) {
        checkWords({y.periodeArt.value}, {"måned", "fjorten_dage", "uge", "enkelt"}, "periodeart");
    }
    if (y.skat.present) {
        checkWords({y.skat.value}, {"a_indkomst", "fri"}, "skattebehandling");
        if (y.skat.value.name == "a_indkomst") {
            requireAttribute(y.indkomsttype.present, y, "indkomsttype");
            requireAttribute(y.eindkomst.present, y, "eindkomst");
            const std::string& type = y.indkomsttype.value;
            if (y.indkomsttype.present &&
                (type.size() != 2 || !std::isdigit(static_cast<unsigned char>(type[0])) ||
                 !std::isdigit(static_cast<unsigned char>(type[1])))) {
                diagnostics_.error("K310", y.indkomsttype.range,
                                   fmt::format("indkomsttypen '{}' skal være eIndkomsts kode på "
                                               "to cifre, f.eks. \"06\"",
                                               type));
            }
        }
    }
    if (y.gyldigTil.present && y.gyldigTil.value && *y.gyldigTil.value < y.gyldigFra.value) {
        diagnostics_.error("K306", y.gyldigTil.range,
                           fmt::format("ydelsen {} er gyldig til før den er gyldig fra",
                                       y.code.name));
    }
    std::set<std::string> fieldNames;
    for (const ast::Param& f : y.grundlag.value) {
        if (!fieldNames.insert(f.name.name).second) {
            diagnostics_.error("K304", f.name.range,
                               fmt::format("grundlagsfeltet '{}' er angivet mere end én gang",
                                           f.name.name));
        }
        std::optional<Type> t = resolveTypeRef(checked_, f.type);
        checkTypeUnit(diagnostics_, f.type, t);
        if (!t) {
            diagnostics_.error("K211", f.type.range, fmt::format("ukendt type '{}'", f.type.name));
        } else if (t->kind == ValueType::Tekst || t->kind == ValueType::Periode ||
                   t->kind == ValueType::Konto) {
            diagnostics_.error("K212", f.type.range,
                               fmt::format("et grundlagsfelt kan ikke være {}; brug Beløb, "
                                           "Procent, Decimal, Heltal, Sand/Falsk, Dato eller en "
                                           "opremsning",
                                           f.type.name));
        }
    }

    BlockInfo& block = checked_.ydelseBlocks[index];
    for (const ast::Definition& d : y.definitions) {
        if (d.name.name == "a_skat") {
            diagnostics_.error("K309", d.name.range,
                               "'a_skat' beregnes for hele ordren i 'udbetaling'; en ydelse kan "
                               "ikke definere den");
            continue;
        }
        if (checked_.satsByName.count(d.name.name) != 0) {
            diagnostics_.warning("K113", d.name.range,
                                 fmt::format("definitionen '{}' skygger for satsen af samme navn",
                                             d.name.name));
        }
        if (!block.byName.emplace(d.name.name, static_cast<std::uint32_t>(block.definitions.size()))
                 .second) {
            diagnostics_.error("K304", d.name.range,
                               fmt::format("'{}' er defineret mere end én gang i ydelsen {}",
                                           d.name.name, y.code.name));
            continue;
        }
        block.definitions.push_back(&d);
    }
    Scope scope;
    scope.kind = Scope::Kind::Ydelse;
    scope.ydelse = &y;
    std::set<std::uint32_t> used;
    checkBlock(block, scope, used);

    for (std::size_t i = 0; i < ir::kLineAmountCount; ++i) {
        auto amount = static_cast<ir::LineAmount>(i);
        const std::string name(ir::lineAmountName(amount));
        auto it = block.byName.find(name);
        if (it == block.byName.end()) {
            diagnostics_.error("K301", y.code.range,
                               fmt::format("ydelsen {} mangler definitionen af '{}'", y.code.name,
                                           name));
            continue;
        }
        used.insert(it->second);
        Type t = block.types[it->second];
        if (!t.error && !(t == Type::of(ir::lineAmountType(amount)))) {
            diagnostics_.error("K201", block.definitions[it->second]->value->range,
                               fmt::format("'{}' skal være {}, men udtrykket er {}", name,
                                           ir::valueTypeName(ir::lineAmountType(amount)),
                                           ir::valueTypeName(t.kind)));
        }
    }
    if (y.skat.present && y.skat.value.name == "fri") {
        auto it = block.byName.find("a_indkomst");
        if (it != block.byName.end() && !isLiteralZero(*block.definitions[it->second]->value)) {
            diagnostics_.error("K308", block.definitions[it->second]->value->range,
                               fmt::format("ydelsen {} er skattefri ('skat fri'), så a_indkomst "
                                           "skal være 0 kr",
                                           y.code.name));
        }
        if (y.eindkomst.present && !y.eindkomst.value.empty()) {
            diagnostics_.error("K308", y.eindkomst.range,
                               fmt::format("ydelsen {} er skattefri og indberettes ikke til "
                                           "eIndkomst",
                                           y.code.name));
        }
    }
    ExprChecker checker(checked_, diagnostics_, scope);
    for (const ast::Requirement& r : y.requirements) {
        checker.checkAs(*r.condition, Type::of(ValueType::Bool), "betingelsen i 'krav'");
    }
    Scope eindkomstScope = scope;
    eindkomstScope.eindkomst = true;
    ExprChecker eindkomstChecker(checked_, diagnostics_, eindkomstScope);
    std::set<int> felter;
    for (const ast::EIncomeField& f : y.eindkomst.value) {
        if (f.field <= 0) {
            diagnostics_.error("K307", f.range, "feltnummeret skal være et positivt heltal");
        } else if (!felter.insert(f.field).second) {
            diagnostics_.error("K304", f.range,
                               fmt::format("eIndkomst-felt {} er angivet mere end én gang",
                                           f.field));
        }
        eindkomstChecker.checkAs(*f.value, Type::of(ValueType::Belob),
                                 fmt::format("eIndkomst-felt {}", f.field));
    }
    checkKonteringUse(y, scope);
    for (std::uint32_t i = 0; i < block.definitions.size(); ++i) {
        if (!used.count(i)) {
            diagnostics_.warning("K110", block.definitions[i]->name.range,
                                 fmt::format("definitionen '{}' bruges ikke",
                                             block.definitions[i]->name.name));
        }
    }
}

} // namespace ydelse::sema
