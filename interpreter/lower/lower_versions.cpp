// Lowering of rules with versions. The version in force is chosen at run time from the order's
// periode.fra (domain P12), so the runtime needs nothing but jumps:
//
//   f = input periode.fra
//   t = icmp lt f, <first fra> ; jump_if_true t → NONE
//   t = icmp le f, <til of span 1> ; jump_if_false t → span 2
//   applied <version 1> ; dst = body of version 1 ; jump → end
//   span 2: …                       (a deliberate gap: fail with its reason)
//   NONE: fail "no version for the period"   (unreachable when K431 holds)
//   end:
#include "interpreter/lower/call_record.hpp"
#include "interpreter/lower/frame_builder.hpp"

namespace ydelse {

std::uint32_t FrameBuilder::lowerRuleCall(const ast::CallExpr& call, const sema::Ref& ref,
                                          const std::vector<std::uint32_t>& args) {
    if (ref.kind == sema::RefKind::Rule) {
        auto version = [&](std::uint32_t decl) {
            const std::uint32_t recorded = recordCall(program_, checked_, rules_.regler[decl],
                                                      checked_.ast->regler[decl].params, call, args);
            emit({ir::Op::Applied, 0, 0, rules_.regler[decl], recorded, 0, 0}, call);
            const std::uint32_t result = lowerRuleBody(call, ref.index, decl, args);
            recordCallResult(program_, checked_, recorded, call, result);
            return result;
        };
        const sema::RuleVersions& rv = checked_.regelVersions[ref.index];
        return rv.versioned ? lowerByPeriod(call, "reglen " + call.callee.name, rv, version)
                            : version(ref.index);
    }
    auto version = [&](std::uint32_t decl) {
        const ast::TableDecl& table = checked_.ast->tabeller[decl];
        const std::uint32_t recorded =
            recordCall(program_, checked_, rules_.tabeller[decl], table.params, call, args);
        emit({ir::Op::Applied, 0, 0, rules_.tabeller[decl], recorded, 0, 0}, call);
        const std::uint32_t result = lowerTable(call, table, args);
        recordCallResult(program_, checked_, recorded, call, result);
        return result;
    };
    const sema::RuleVersions& rv = checked_.tabelVersions[ref.index];
    return rv.versioned ? lowerByPeriod(call, "tabellen " + call.callee.name, rv, version)
                        : version(ref.index);
}

std::uint32_t FrameBuilder::lowerByPeriod(const ast::Expr& at, const std::string& what,
                                          const sema::RuleVersions& rule,
                                          const std::function<std::uint32_t(std::uint32_t)>& body) {
    const std::uint32_t r = allocRegister();
    const std::uint32_t from = emit(
        {ir::Op::Input, 0, allocRegister(), static_cast<std::uint32_t>(ir::Input::PeriodeFra), 0,
         0, 0},
        at);
    auto compare = [&](ir::Comparison c, Date d) {
        ir::Value v;
        v.bits = d.days();
        std::uint32_t k = loadConstant(std::move(v), at);
        return emit({ir::Op::ICmp, static_cast<std::uint8_t>(c), allocRegister(), from, k, 0, 0},
                    at);
    };
    auto fail = [&](std::string message) {
        program_.failures.push_back({"REGEL_UDEN_VERSION", std::move(message), "periode"});
        emit({ir::Op::Fail, 0, 0, static_cast<std::uint32_t>(program_.failures.size() - 1), 0, 0,
              0},
             at);
    };
    std::vector<std::uint32_t> toNone;
    std::vector<std::uint32_t> toEnd;
    const std::uint32_t before = compare(ir::Comparison::Lt, rule.spans.front().from);
    toNone.push_back(here());
    emit({ir::Op::JumpIfTrue, 0, 0, before, 0, 0, 0}, at);
    for (const sema::VersionSpan& span : rule.spans) {
        std::uint32_t toNext = ir::kNone;
        if (span.to != sema::kOpenEnd) {
            const std::uint32_t inside = compare(ir::Comparison::Le, span.to);
            toNext = here();
            emit({ir::Op::JumpIfFalse, 0, 0, inside, 0, 0, 0}, at);
        }
        if (span.decl == ir::kNone) {
            fail(what + " gælder ikke fra " + span.from.toString() + " til " +
                 span.to.toString() + ": " + span.reason);
        } else {
            const std::uint32_t v = body(span.decl);
            emit({ir::Op::Move, 0, r, v, 0, 0, 0}, at);
            toEnd.push_back(here());
            emit({ir::Op::Jump, 0, 0, 0, 0, 0, 0}, at);
        }
        if (toNext != ir::kNone) {
            program_.code[toNext].b = here();
        }
    }
    for (std::uint32_t j : toNone) {
        program_.code[j].b = here();
    }
    fail(what + " har ingen version for ordrens periode");
    for (std::uint32_t j : toEnd) {
        program_.code[j].a = here();
    }
    return r;
}

void FrameBuilder::emitVersionedKonteringAccount(std::uint32_t definition,
                                                 const sema::RuleVersions& rule,
                                                 const std::string& art, bool debit) {
    const ast::Catalog& cat = *checked_.ast;
    const ast::PostingLine* any = nullptr;
    for (std::uint32_t d : rule.decls) {
        for (const ast::PostingLine& line : cat.konteringer[d].lines) {
            if (any == nullptr && line.art.name == art) {
                any = &line;
            }
        }
    }
    const ast::Expr& at = debit ? *any->debit : *any->credit;
    frame_.definitions[definition].codeBegin = here();
    const std::string& name = cat.konteringer[rule.decls.front()].name.name;
    std::uint32_t r = lowerByPeriod(at, "konteringsreglen " + name, rule, [&](std::uint32_t decl) {
        emit({ir::Op::Applied, 0, 0, rules_.konteringer[decl], 0, 0, 0}, at);
        for (const ast::PostingLine& line : cat.konteringer[decl].lines) {
            if (line.art.name == art) {
                return lowerKonteringExpr(debit ? *line.debit : *line.credit);
            }
        }
        // Sema (K501) proves an amount this version cannot post is zero, and zero is not posted.
        program_.failures.push_back({"KONTERING_MANGLER",
                                     "konteringsreglen " + name + " version \"" +
                                         cat.konteringer[decl].version.value +
                                         "\" har ingen linje for " + art,
                                     ""});
        emit({ir::Op::Fail, 0, 0, static_cast<std::uint32_t>(program_.failures.size() - 1), 0, 0,
              0},
             at);
        return allocRegister();
    });
    emit({ir::Op::Move, 0, frame_.definitions[definition].slot, r, 0, 0, 0}, at);
    emit({ir::Op::Ret, 0, 0, frame_.definitions[definition].slot, 0, 0, 0}, at);
}

} // namespace ydelse
