// Stage 3 driver: lays out rules, ydelser and the order block, and lets FrameBuilder emit code.
#include "interpreter/lower/lower_to_ir.hpp"

#include "interpreter/lower/frame_builder.hpp"
#include "interpreter/lower/peephole.hpp"
#include "interpreter/sema/expr_checker.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ydelse {
namespace {

std::optional<ir::PostingArt> postingArt(std::string_view name) {
    for (std::size_t i = 0; i < ir::kPostingArtCount; ++i) {
        if (ir::postingArtName(static_cast<ir::PostingArt>(i)) == name) {
            return static_cast<ir::PostingArt>(i);
        }
    }
    return std::nullopt;
}

ir::PeriodKind periodKind(const std::string& word) {
    if (word == "uge") return ir::PeriodKind::Uge;
    if (word == "fjorten_dage") return ir::PeriodKind::FjortenDage;
    if (word == "enkelt") return ir::PeriodKind::Enkelt;
    return ir::PeriodKind::Maaned;
}

// The block's definitions become the frame's first definitions, in the same order, so a
// definition's index is the same in sema and in the IR.
void lowerBlock(FrameBuilder& builder, const sema::BlockInfo& block) {
    for (const ast::Definition* d : block.definitions) {
        builder.blockDefinitions.push_back(builder.reserveDefinition(d->name.name));
    }
    for (std::size_t i = 0; i < block.definitions.size(); ++i) {
        builder.emitDefinition(builder.blockDefinitions[i], *block.definitions[i]->value);
    }
}

// The frame evaluated once per open claim: the dækningsrækkefølge's keys and each
// modregningsregel's `omfatter`.
void lowerClaimFrame(ir::Program& program, const sema::CheckedCatalog& checked,
                     const SourceManager& sources, const RuleIds& ruleIds,
                     const std::vector<PendingAggregate>& aggregates) {
    const ast::Catalog& cat = *checked.ast;
    ir::OrderBlock& order = program.order;
    FrameBuilder builder(program, order.claimFrame, checked, sources, ruleIds);
    if (!cat.udbetalinger.empty() && cat.udbetalinger[0].coverage) {
        const ast::Coverage& coverage = *cat.udbetalinger[0].coverage;
        for (std::size_t i = 0; i < coverage.keys.size(); ++i) {
            std::uint32_t def = builder.reserveDefinition(fmt::format("dækning nøgle {}", i + 1));
            builder.emitDefinition(def, *coverage.keys[i]);
            order.coverageKeys.push_back(def);
        }
        order.renteFirst = coverage.parts.empty() || coverage.parts[0].name == "rente";
    }
    for (std::size_t i = 0; i < cat.modregninger.size(); ++i) {
        const ast::ModregningDecl& m = cat.modregninger[i];
        program.offsetRules[i].covers = builder.reserveDefinition("omfatter " + m.name.name);
        builder.emitDefinition(program.offsetRules[i].covers, *m.covers);
    }
    // Sema keeps aggregates out of the claim scope, so lowering these adds no new ones.
    for (std::size_t i = 0; i < aggregates.size(); ++i) {
        ir::ClaimAggregate& agg = program.claimAggregates[i];
        if (aggregates[i].list->filter) {
            agg.filter = builder.reserveDefinition(fmt::format("hvor {}", i + 1));
            builder.emitDefinition(agg.filter, *aggregates[i].list->filter);
        }
        if (aggregates[i].value != nullptr) {
            agg.value = builder.reserveDefinition(fmt::format("værdi {}", i + 1));
            builder.emitDefinition(agg.value, *aggregates[i].value);
        }
    }
}

// The posting lines of a konteringsregel with versions: one pair of account definitions per
// beløbsart any version posts, each choosing the version in force. The version is put on the
// audit list by its own `applied` when an account is computed (only for an amount posted), so
// the frame names no single posting rule.
void lowerVersionedPostings(FrameBuilder& builder, const ast::Catalog& cat,
                            const sema::RuleVersions& versions, ir::Frame& frame) {
    std::vector<std::string> arts;
    for (std::uint32_t d : versions.decls) {
        for (const ast::PostingLine& line : cat.konteringer[d].lines) {
            if (std::find(arts.begin(), arts.end(), line.art.name) == arts.end()) {
                arts.push_back(line.art.name);
            }
        }
    }
    for (const std::string& art : arts) {
        ir::PostingRule rule;
        rule.art = *postingArt(art);
        rule.debit = builder.reserveDefinition("debet " + art);
        builder.emitVersionedKonteringAccount(rule.debit, versions, art, true);
        rule.credit = builder.reserveDefinition("kredit " + art);
        builder.emitVersionedKonteringAccount(rule.credit, versions, art, false);
        frame.postings.push_back(rule);
    }
    frame.postingRule = ir::kNone;
}

} // namespace

ir::Program lowerToIr(const sema::CheckedCatalog& checked, const SourceManager& sources) {
    const ast::Catalog& cat = *checked.ast;
    ir::Program program;
    program.katalogNavn = cat.katalog.empty() ? "" : cat.katalog[0].navn;
    program.version = cat.katalog.empty() ? "" : cat.katalog[0].version;
    if (!cat.katalog.empty()) {
        for (const ast::Ident& f : cat.katalog[0].fagsystemer) {
            program.fagsystemer.push_back(f.name);
        }
    }
    program.satser = checked.satser;
    program.enums = checked.enums;
    program.kommuner = checked.kommuner;

    RuleIds ruleIds;
    std::vector<PendingAggregate> aggregates;
    for (const ast::RegelDecl& r : cat.regler) {
        ruleIds.regler.push_back(static_cast<std::uint32_t>(program.rules.size()));
        program.rules.push_back({r.name.name, r.version.value, r.lovgrundlag.value});
    }
    for (const ast::TableDecl& t : cat.tabeller) {
        ruleIds.tabeller.push_back(static_cast<std::uint32_t>(program.rules.size()));
        program.rules.push_back({t.name.name, t.version.value, t.lovgrundlag.value});
    }
    for (const ast::ExceptionDecl& u : cat.undtagelser) {
        ruleIds.undtagelser.push_back(static_cast<std::uint32_t>(program.rules.size()));
        program.rules.push_back({u.name.name, u.version.value, u.lovgrundlag.value});
    }
    std::vector<std::uint32_t> konteringRules;
    for (const ast::KonteringDecl& k : cat.konteringer) {
        konteringRules.push_back(static_cast<std::uint32_t>(program.rules.size()));
        ruleIds.konteringer.push_back(konteringRules.back());
        program.rules.push_back({k.name.name, k.version.value, k.lovgrundlag.value});
    }

    for (const ast::ModregningDecl& m : cat.modregninger) {
        program.offsetRules.push_back({static_cast<std::uint32_t>(program.rules.size()), 0,
                                       ir::kNone});
        program.rules.push_back({m.name.name, m.version.value, m.lovgrundlag.value});
    }
    for (const ast::TilbagebetalingDecl& t : cat.tilbagebetalinger) {
        program.repaymentRules.push_back({static_cast<std::uint32_t>(program.rules.size()),
                                          t.fordringstype});
        program.rules.push_back({t.name.name, t.version.value, t.lovgrundlag.value});
    }

    // The order block first: ydelser do not refer to it, and its sum registers are fixed.
    {
        ir::OrderBlock& order = program.order;
        FrameBuilder builder(program, order.frame, checked, sources, ruleIds);
        builder.aggregates = &aggregates;
        for (std::size_t i = 0; i < ir::kLineAmountCount; ++i) {
            order.sumSlots[i] = builder.allocRegister();
            builder.frameInputs.push_back(order.sumSlots[i]);
        }
        lowerBlock(builder, checked.orderBlock);
        auto aSkat = checked.orderBlock.byName.find("a_skat");
        order.aSkat = builder.blockDefinitions.at(aSkat->second);
        if (!cat.udbetalinger.empty()) {
            for (const ast::PostingLine& line : cat.udbetalinger[0].postings) {
                ir::PostingRule rule;
                rule.art = *postingArt(line.art.name);
                rule.debit = builder.reserveDefinition("debet " + line.art.name);
                builder.emitDefinition(rule.debit, *line.debit);
                rule.credit = builder.reserveDefinition("kredit " + line.art.name);
                builder.emitDefinition(rule.credit, *line.credit);
                order.frame.postings.push_back(rule);
            }
        }
        for (std::size_t i = 0; i < cat.modregninger.size(); ++i) {
            const ast::ModregningDecl& m = cat.modregninger[i];
            if (m.cap) {
                program.offsetRules[i].cap = builder.reserveDefinition("højst " + m.name.name);
                builder.emitDefinition(program.offsetRules[i].cap, *m.cap);
            }
        }
    }

    for (std::size_t yi = 0; yi < cat.ydelser.size(); ++yi) {
        const ast::YdelseDecl& y = cat.ydelser[yi];
        ir::Ydelse& out = program.ydelser.emplace_back();
        out.code = y.code.name;
        out.navn = y.navn;
        out.lovgrundlag = y.lovgrundlag.value;
        out.rule = static_cast<std::uint32_t>(program.rules.size());
        program.rules.push_back({y.code.name, y.version.value, y.lovgrundlag.value});
        for (const ast::Ident& f : y.fagsystemer.value) {
            out.fagsystemer.push_back(f.name);
        }
        for (const ast::Ident& m : y.modtagere.value) {
            out.modtagere[m.name == "cpr" ? 0 : m.name == "cvr" ? 1 : 2] = true;
        }
        out.periodKind = periodKind(y.periodeArt.value.name);
        out.gyldigFra = y.gyldigFra.value;
        out.gyldigTil = y.gyldigTil.value;
        out.aIndkomst = y.skat.value.name == "a_indkomst";
        out.indkomsttype = y.indkomsttype.value;

        FrameBuilder builder(program, out.frame, checked, sources, ruleIds);
        builder.aggregates = &aggregates;
        for (const ast::Param& f : y.grundlag.value) {
            ir::GrundlagField field;
            field.name = f.name.name;
            sema::Type t = sema::resolveTypeName(checked, f.type.name).value();
            field.type = t.kind;
            field.enumId = t.enumId;
            field.slot = builder.allocRegister();
            field.optional = f.optional;
            field.presentSlot = builder.allocRegister();
            builder.frameInputs.push_back(field.slot);
            builder.grundlagPresent.push_back(field.presentSlot);
            builder.grundlagNames.push_back(f.optional ? f.name.name : std::string());
            out.grundlag.push_back(std::move(field));
        }
        out.aSkatShareSlot = builder.allocRegister();
        builder.aSkatShareSlot = out.aSkatShareSlot;
        const sema::BlockInfo& block = checked.ydelseBlocks[yi];
        lowerBlock(builder, block);
        for (std::size_t i = 0; i < ir::kLineAmountCount; ++i) {
            auto it = block.byName.find(std::string(ir::lineAmountName(
                static_cast<ir::LineAmount>(i))));
            out.amounts[i] = builder.blockDefinitions.at(it->second);
        }
        for (const ast::Requirement& r : y.requirements) {
            std::uint32_t def = builder.reserveDefinition("krav " + r.code.name);
            builder.emitDefinition(def, *r.condition);
            out.requirements.push_back({def, r.code.name, r.message, r.field});
        }
        for (const ast::EIncomeField& f : y.eindkomst.value) {
            std::uint32_t def = builder.reserveDefinition("eindkomst felt " +
                                                          std::to_string(f.field));
            builder.emitDefinition(def, *f.value);
            out.eindkomst.push_back({f.field, def});
        }
        const ast::KonteringDecl& k = cat.konteringer[checked.konteringByName.at(y.kontering->rule.name)];
        for (const ast::Param& p : k.params) {
            for (const ast::NamedArg& a : y.kontering->args) {
                if (a.name.name == p.name.name) {
                    std::uint32_t def = builder.reserveDefinition("argument " + p.name.name);
                    builder.emitDefinition(def, *a.value);
                    builder.konteringArgDefinitions.push_back(def);
                }
            }
        }
        out.offsetRule = checked.ydelseOffsetRule[yi];
        out.repaymentRule = checked.ydelseRepaymentRule[yi];
        if (out.repaymentRule != ir::kNone) {
            // The tilbagebetalingsregel is evaluated in the frame of the ydelse it corrects.
            for (const ast::Definition& d : cat.tilbagebetalinger[out.repaymentRule].definitions) {
                std::uint32_t def = builder.reserveDefinition("tilbagebetaling " + d.name.name);
                builder.emitDefinition(def, *d.value);
                (d.name.name == "krav"        ? out.repaymentKrav
                 : d.name.name == "forældes" ? out.repaymentForaeldes
                                             : out.repaymentInddrivelse) = def;
            }
        }
        const sema::RuleVersions& versions =
            checked.konteringVersions[checked.konteringByName.at(k.name.name)];
        if (versions.versioned) {
            lowerVersionedPostings(builder, cat, versions, out.frame);
            continue;
        }
        out.frame.postingRule = konteringRules[checked.konteringByName.at(k.name.name)];
        for (const ast::PostingLine& line : k.lines) {
            ir::PostingRule rule;
            rule.art = *postingArt(line.art.name);
            rule.debit = builder.reserveDefinition("debet " + line.art.name);
            builder.emitKonteringAccount(rule.debit, *line.debit);
            rule.credit = builder.reserveDefinition("kredit " + line.art.name);
            builder.emitKonteringAccount(rule.credit, *line.credit);
            out.frame.postings.push_back(rule);
        }
    }
    // Last: every frame has registered the claim aggregates it uses.
    lowerClaimFrame(program, checked, sources, ruleIds, aggregates);
    optimizeIr(program);
    return program;
}

} // namespace ydelse
