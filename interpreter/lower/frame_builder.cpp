// Lowering of expressions into one frame's code.
#include "interpreter/lower/frame_builder.hpp"

#include "interpreter/lower/call_record.hpp"
#include "interpreter/lower/formula_text.hpp"

#include <stdexcept>

namespace ydelse {
namespace {

ir::Comparison comparison(ast::BinaryOp op) {
    switch (op) {
    case ast::BinaryOp::Lt: return ir::Comparison::Lt;
    case ast::BinaryOp::Le: return ir::Comparison::Le;
    case ast::BinaryOp::Gt: return ir::Comparison::Gt;
    case ast::BinaryOp::Ge: return ir::Comparison::Ge;
    case ast::BinaryOp::Eq: return ir::Comparison::Eq;
    case ast::BinaryOp::Ne: return ir::Comparison::Ne;
    case ast::BinaryOp::Add:
    case ast::BinaryOp::Sub:
    case ast::BinaryOp::Mul:
    case ast::BinaryOp::Div:
    case ast::BinaryOp::And:
    case ast::BinaryOp::Or:
        break;
    }
    throw std::logic_error("not a comparison");
}

RoundingMode roundingMode(sema::Builtin b) {
    switch (b) {
    case sema::Builtin::RundNed: return RoundingMode::Down;
    case sema::Builtin::RundOp: return RoundingMode::Up;
    case sema::Builtin::RundHalvtOp: return RoundingMode::HalfUp;
    case sema::Builtin::RundHalvtLige: return RoundingMode::HalfEven;
    case sema::Builtin::Max:
    case sema::Builtin::Min:
    case sema::Builtin::Angivet:
    case sema::Builtin::HelMaaned:
    case sema::Builtin::Aar:
    case sema::Builtin::PlusAar:
    case sema::Builtin::Kalenderuger:
    case sema::Builtin::Sum:
    case sema::Builtin::Antal:
    case sema::Builtin::Findes:
        break;
    }
    throw std::logic_error("not a rounding builtin");
}

} // namespace

std::uint32_t FrameBuilder::reserveDefinition(std::string name) {
    frame_.definitions.push_back({std::move(name), 0, allocRegister()});
    return static_cast<std::uint32_t>(frame_.definitions.size() - 1);
}

void FrameBuilder::describe(std::uint32_t definition, const ast::Expr& expr) {
    ir::Definition& d = frame_.definitions[definition];
    const sema::Type& type = checked_.exprTypes[expr.id];
    d.type = type.kind;
    d.enumId = type.enumId;
    d.formel = formulaText(expr);
}

void FrameBuilder::emitDefinition(std::uint32_t definition, const ast::Expr& expr,
                                  const std::vector<std::uint32_t>& params) {
    describe(definition, expr);
    frame_.definitions[definition].codeBegin = here();
    std::uint32_t r = lower(expr, params);
    emit({ir::Op::Move, 0, frame_.definitions[definition].slot, r, 0, 0, 0}, expr);
    emit({ir::Op::Ret, 0, 0, frame_.definitions[definition].slot, 0, 0, 0}, expr);
}

namespace {

// The parameters an expression of a kontering line names directly (a regel called from it has
// its own parameters, in its own body).
void collectParams(const ast::Expr& e, const sema::CheckedCatalog& checked,
                   std::vector<bool>& used) {
    switch (e.kind) {
    case ast::ExprKind::Name:
        if (checked.refs[e.id].kind == sema::RefKind::Param) {
            used[checked.refs[e.id].index] = true;
        }
        return;
    case ast::ExprKind::Literal:
    case ast::ExprKind::Account:
    case ast::ExprKind::ClaimList: // about the claim in hand, never a parameter
        return;
    case ast::ExprKind::Call:
        for (const ast::ExprPtr& a : static_cast<const ast::CallExpr&>(e).args) {
            collectParams(*a, checked, used);
        }
        return;
    case ast::ExprKind::Unary:
        collectParams(*static_cast<const ast::UnaryExpr&>(e).operand, checked, used);
        return;
    case ast::ExprKind::Binary:
        collectParams(*static_cast<const ast::BinaryExpr&>(e).lhs, checked, used);
        collectParams(*static_cast<const ast::BinaryExpr&>(e).rhs, checked, used);
        return;
    case ast::ExprKind::If: {
        const auto& i = static_cast<const ast::IfExpr&>(e);
        collectParams(*i.condition, checked, used);
        collectParams(*i.thenExpr, checked, used);
        collectParams(*i.elseExpr, checked, used);
        return;
    }
    case ast::ExprKind::Select: {
        const auto& sel = static_cast<const ast::SelectExpr&>(e);
        collectParams(*sel.subject, checked, used);
        for (const ast::SelectBranch& b : sel.branches) {
            collectParams(*b.result, checked, used);
        }
        return;
    }
    }
}

} // namespace

void FrameBuilder::emitKonteringAccount(std::uint32_t definition, const ast::Expr& expr) {
    describe(definition, expr);
    frame_.definitions[definition].codeBegin = here();
    std::uint32_t r = lowerKonteringExpr(expr);
    emit({ir::Op::Move, 0, frame_.definitions[definition].slot, r, 0, 0, 0}, expr);
    emit({ir::Op::Ret, 0, 0, frame_.definitions[definition].slot, 0, 0, 0}, expr);
}

std::uint32_t FrameBuilder::lowerKonteringExpr(const ast::Expr& expr) {
    // Each argument is a definition of the ydelse's frame, forced only by the lines that use it,
    // so an argument one line needs cannot fail the posting of another.
    std::vector<bool> used(konteringArgDefinitions.size(), false);
    collectParams(expr, checked_, used);
    std::vector<std::uint32_t> params(konteringArgDefinitions.size(), 0);
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (used[i]) {
            emit({ir::Op::Force, 0, 0, konteringArgDefinitions[i], 0, 0, 0}, expr);
            params[i] = frame_.definitions[konteringArgDefinitions[i]].slot;
        }
    }
    return lower(expr, params);
}

std::uint32_t FrameBuilder::origin(const SourceRange& range) {
    ir::Origin o;
    if (range.file < sources_.size()) {
        o.file = sources_.file(range.file).path();
    }
    o.line = range.line;
    o.column = range.column;
    if (!program_.origins.empty() && program_.origins.back().file == o.file &&
        program_.origins.back().line == o.line && program_.origins.back().column == o.column) {
        return static_cast<std::uint32_t>(program_.origins.size() - 1);
    }
    program_.origins.push_back(std::move(o));
    return static_cast<std::uint32_t>(program_.origins.size() - 1);
}

std::uint32_t FrameBuilder::emit(ir::Instruction instruction, const ast::Expr& from) {
    if (program_.code.size() >= kMaxInstructions) {
        throw ProgramTooLarge("for mange instruktioner");
    }
    instruction.origin = origin(from.range);
    program_.code.push_back(instruction);
    return instruction.dst;
}

std::uint32_t FrameBuilder::constant(ir::Value value) {
    for (std::size_t i = 0; i < program_.constants.size(); ++i) {
        const ir::Value& c = program_.constants[i];
        // Exact identity, not numeric equality: no scale alignment, so no overflow.
        if (c.bits == value.bits && c.number.scale() == value.number.scale() &&
            c.number.mantissa() == value.number.mantissa()) {
            return static_cast<std::uint32_t>(i);
        }
    }
    program_.constants.push_back(std::move(value));
    return static_cast<std::uint32_t>(program_.constants.size() - 1);
}

std::uint32_t FrameBuilder::loadConstant(ir::Value value, const ast::Expr& from) {
    return emit({ir::Op::Const, 0, allocRegister(), constant(std::move(value)), 0, 0, 0}, from);
}

std::uint32_t FrameBuilder::account(const ast::AccountExpr& e) {
    ir::Account a;
    if (e.logical) {
        a.logicalName = e.logicalName;
        a.fields.push_back({"logisk", e.logicalName, false});
    } else {
        a.fields.push_back({"funktion", e.funktion, false});
        if (e.dranst) {
            a.fields.push_back({"dranst", std::to_string(*e.dranst), true});
        }
        if (!e.gruppering.empty()) {
            a.fields.push_back({"gruppering", e.gruppering, false});
        }
        if (!e.art.empty()) {
            a.fields.push_back({"art", e.art, false});
        }
    }
    for (std::size_t i = 0; i < program_.accounts.size(); ++i) {
        const ir::Account& existing = program_.accounts[i];
        if (existing.logicalName == a.logicalName && existing.fields.size() == a.fields.size() &&
            std::equal(existing.fields.begin(), existing.fields.end(), a.fields.begin(),
                       [](const ir::AccountField& x, const ir::AccountField& y) {
                           return x.name == y.name && x.value == y.value;
                       })) {
            return static_cast<std::uint32_t>(i);
        }
    }
    program_.accounts.push_back(std::move(a));
    return static_cast<std::uint32_t>(program_.accounts.size() - 1);
}

std::uint32_t FrameBuilder::lower(const ast::Expr& e, const std::vector<std::uint32_t>& params) {
    switch (e.kind) {
    case ast::ExprKind::Literal: {
        const auto& lit = static_cast<const ast::LiteralExpr&>(e);
        ir::Value v;
        switch (lit.literalKind) {
        case ast::LiteralKind::Belob:
        case ast::LiteralKind::Tal:
            v.number = lit.number;
            break;
        case ast::LiteralKind::Procent:
            v.number = Decimal(lit.number.mantissa(), lit.number.scale() + 2);
            break;
        case ast::LiteralKind::Bool:
            v.bits = lit.boolean ? 1 : 0;
            break;
        case ast::LiteralKind::Dato:
            v.bits = lit.date.days();
            break;
        case ast::LiteralKind::Tekst:
            break; // texts are not yet computed with
        }
        return loadConstant(std::move(v), e);
    }
    case ast::ExprKind::Name:
        return lowerName(static_cast<const ast::NameExpr&>(e), params);
    case ast::ExprKind::Call:
        return lowerCall(static_cast<const ast::CallExpr&>(e), params);
    case ast::ExprKind::Unary: {
        const auto& u = static_cast<const ast::UnaryExpr&>(e);
        std::uint32_t a = lower(*u.operand, params);
        ir::Op op = u.op == ast::UnaryOp::Neg ? ir::Op::Neg : ir::Op::Not;
        return emit({op, 0, allocRegister(), a, 0, 0, 0}, e);
    }
    case ast::ExprKind::Binary:
        return lowerBinary(static_cast<const ast::BinaryExpr&>(e), params);
    case ast::ExprKind::If:
        return lowerIf(static_cast<const ast::IfExpr&>(e), params);
    case ast::ExprKind::Select:
        return lowerSelect(static_cast<const ast::SelectExpr&>(e), params);
    case ast::ExprKind::ClaimList:
        break; // only an aggregate's argument, lowered with it
    case ast::ExprKind::Account: {
        ir::Value v;
        v.bits = account(static_cast<const ast::AccountExpr&>(e));
        return loadConstant(std::move(v), e);
    }
    }
    throw std::logic_error("unreachable expression kind");
}

std::uint32_t FrameBuilder::lowerName(const ast::NameExpr& e,
                                      const std::vector<std::uint32_t>& params) {
    const sema::Ref& ref = checked_.refs[e.id];
    switch (ref.kind) {
    case sema::RefKind::Input:
        return emit({ir::Op::Input, 0, allocRegister(), ref.index, 0, 0, 0}, e);
    case sema::RefKind::Grundlag:
        if (!grundlagNames[ref.index].empty()) {
            const std::string& name = grundlagNames[ref.index];
            program_.failures.push_back(
                {"FELT_MANGLER",
                 "ordren mangler grundlagsfeltet '" + name +
                     "', som kataloget skal bruge her (spørg med angivet(grundlag." + name +
                     ") først, hvis det må mangle)",
                 "grundlag." + name});
            emit({ir::Op::Need, 0, 0, grundlagPresent[ref.index],
                  static_cast<std::uint32_t>(program_.failures.size() - 1), 0, 0},
                 e);
        }
        return frameInputs[ref.index];
    case sema::RefKind::OrderSum:
        return frameInputs[ref.index];
    case sema::RefKind::Definition: {
        std::uint32_t def = blockDefinitions[ref.index];
        emit({ir::Op::Force, 0, 0, def, 0, 0, 0}, e);
        return frame_.definitions[def].slot;
    }
    case sema::RefKind::Param:
        return params[ref.index];
    case sema::RefKind::Sats:
        return emit({ir::Op::Sats, 0, allocRegister(), ref.index, 0, 0, 0}, e);
    case sema::RefKind::EnumValue: {
        ir::Value v;
        v.bits = ref.extra;
        return loadConstant(std::move(v), e);
    }
    case sema::RefKind::ASkatShare:
        return aSkatShareSlot;
    case sema::RefKind::None:
    case sema::RefKind::Rule:
    case sema::RefKind::Table:
    case sema::RefKind::Builtin:
        break;
    }
    throw std::logic_error("unresolved name reached lowering: " + e.dotted());
}

std::uint32_t FrameBuilder::lowerCall(const ast::CallExpr& e,
                                      const std::vector<std::uint32_t>& params) {
    const sema::Ref& ref = checked_.refs[e.id];
    if (ref.kind == sema::RefKind::Rule || ref.kind == sema::RefKind::Table) {
        std::vector<std::uint32_t> args;
        for (const ast::ExprPtr& a : e.args) {
            args.push_back(lower(*a, params));
        }
        return lowerRuleCall(e, ref, args);
    }
    auto builtin = static_cast<sema::Builtin>(ref.index);
    switch (builtin) {
    case sema::Builtin::Max:
    case sema::Builtin::Min: {
        std::uint32_t a = lower(*e.args[0], params);
        std::uint32_t b = lower(*e.args[1], params);
        ir::Op op = builtin == sema::Builtin::Max ? ir::Op::Max : ir::Op::Min;
        return emit({op, 0, allocRegister(), a, b, 0, 0}, e);
    }
    case sema::Builtin::RundNed:
    case sema::Builtin::RundOp:
    case sema::Builtin::RundHalvtOp:
    case sema::Builtin::RundHalvtLige: {
        const auto mode = static_cast<std::uint8_t>(roundingMode(builtin));
        ir::Value unitValue;
        unitValue.number = static_cast<const ast::LiteralExpr&>(*e.args[1]).number;
        std::uint32_t unit = constant(std::move(unitValue));
        const ast::Expr& value = *e.args[0];
        if (value.kind == ast::ExprKind::Binary &&
            static_cast<const ast::BinaryExpr&>(value).op == ast::BinaryOp::Div) {
            const auto& div = static_cast<const ast::BinaryExpr&>(value);
            std::uint32_t a = lower(*div.lhs, params);
            std::uint32_t b = lower(*div.rhs, params);
            return emit({ir::Op::DivRound, mode, allocRegister(), a, b, unit, 0}, e);
        }
        std::uint32_t a = lower(value, params);
        return emit({ir::Op::Round, mode, allocRegister(), a, 0, unit, 0}, e);
    }
    case sema::Builtin::Angivet: {
        const sema::Ref& input = checked_.refs[e.args[0]->id];
        if (input.kind == sema::RefKind::Grundlag) {
            return grundlagPresent[input.index];
        }
        return emit({ir::Op::Present, 0, allocRegister(), input.index, 0, 0, 0}, e);
    }
    case sema::Builtin::Kalenderuger: {
        std::uint32_t a = lower(*e.args[0], params);
        return emit({ir::Op::Weeks, 0, allocRegister(), a, 0, 0, 0}, e);
    }
    case sema::Builtin::HelMaaned: {
        std::uint32_t a = lower(*e.args[0], params);
        return emit({ir::Op::FullMonth, 0, allocRegister(), a, 0, 0, 0}, e);
    }
    case sema::Builtin::Aar: {
        std::uint32_t a = lower(*e.args[0], params);
        return emit({ir::Op::Year, 0, allocRegister(), a, 0, 0, 0}, e);
    }
    case sema::Builtin::Sum:
    case sema::Builtin::Antal:
    case sema::Builtin::Findes: {
        if (aggregates == nullptr) {
            throw std::logic_error("a claim aggregate in a frame that cannot have one");
        }
        const auto index = static_cast<std::uint32_t>(program_.claimAggregates.size());
        ir::ClaimAggregate agg;
        agg.kind = builtin == sema::Builtin::Sum     ? ir::AggregateKind::Sum
                   : builtin == sema::Builtin::Antal ? ir::AggregateKind::Antal
                                                     : ir::AggregateKind::Findes;
        program_.claimAggregates.push_back(agg);
        aggregates->push_back({static_cast<const ast::ClaimListExpr*>(e.args[0].get()),
                               builtin == sema::Builtin::Sum ? e.args[1].get() : nullptr});
        return emit({ir::Op::Claims, 0, allocRegister(), index, 0, 0, 0}, e);
    }
    case sema::Builtin::PlusAar: {
        std::uint32_t a = lower(*e.args[0], params);
        std::uint32_t b = lower(*e.args[1], params);
        return emit({ir::Op::AddYears, 0, allocRegister(), a, b, 0, 0}, e);
    }
    }
    throw std::logic_error("unreachable builtin");
}

std::uint32_t FrameBuilder::lowerBinary(const ast::BinaryExpr& e,
                                        const std::vector<std::uint32_t>& params) {
    if (e.op == ast::BinaryOp::And || e.op == ast::BinaryOp::Or) {
        return lowerShortCircuit(e, params);
    }
    std::uint32_t a = lower(*e.lhs, params);
    std::uint32_t b = lower(*e.rhs, params);
    switch (e.op) {
    case ast::BinaryOp::Add: return emit({ir::Op::Add, 0, allocRegister(), a, b, 0, 0}, e);
    case ast::BinaryOp::Sub: return emit({ir::Op::Sub, 0, allocRegister(), a, b, 0, 0}, e);
    case ast::BinaryOp::Mul: return emit({ir::Op::Mul, 0, allocRegister(), a, b, 0, 0}, e);
    case ast::BinaryOp::Lt:
    case ast::BinaryOp::Le:
    case ast::BinaryOp::Gt:
    case ast::BinaryOp::Ge:
    case ast::BinaryOp::Eq:
    case ast::BinaryOp::Ne: {
        ir::ValueType t = checked_.exprTypes[e.lhs->id].kind;
        const bool numeric = t == ir::ValueType::Belob || t == ir::ValueType::Procent ||
                             t == ir::ValueType::Decimal || t == ir::ValueType::Heltal;
        ir::Op op = numeric ? ir::Op::Cmp : ir::Op::ICmp;
        return emit({op, static_cast<std::uint8_t>(comparison(e.op)), allocRegister(), a, b, 0, 0},
                    e);
    }
    case ast::BinaryOp::Div: // only inside a rounding call, handled there
    case ast::BinaryOp::And:
    case ast::BinaryOp::Or:
        break;
    }
    throw std::logic_error("unexpected binary operator in lowering");
}

std::uint32_t FrameBuilder::lowerShortCircuit(const ast::BinaryExpr& e,
                                              const std::vector<std::uint32_t>& params) {
    const std::uint32_t r = allocRegister();
    std::uint32_t a = lower(*e.lhs, params);
    emit({ir::Op::Move, 0, r, a, 0, 0, 0}, e);
    const std::uint32_t jump = here();
    ir::Op op = e.op == ast::BinaryOp::And ? ir::Op::JumpIfFalse : ir::Op::JumpIfTrue;
    emit({op, 0, 0, r, 0, 0, 0}, e);
    std::uint32_t b = lower(*e.rhs, params);
    emit({ir::Op::Move, 0, r, b, 0, 0, 0}, e);
    program_.code[jump].b = here();
    return r;
}

std::uint32_t FrameBuilder::lowerIf(const ast::IfExpr& e,
                                    const std::vector<std::uint32_t>& params) {
    const std::uint32_t r = allocRegister();
    std::uint32_t c = lower(*e.condition, params);
    const std::uint32_t toElse = here();
    emit({ir::Op::JumpIfFalse, 0, 0, c, 0, 0, 0}, e);
    std::uint32_t t = lower(*e.thenExpr, params);
    emit({ir::Op::Move, 0, r, t, 0, 0, 0}, e);
    const std::uint32_t toEnd = here();
    emit({ir::Op::Jump, 0, 0, 0, 0, 0, 0}, e);
    program_.code[toElse].b = here();
    std::uint32_t f = lower(*e.elseExpr, params);
    emit({ir::Op::Move, 0, r, f, 0, 0, 0}, e);
    program_.code[toEnd].a = here();
    return r;
}

std::uint32_t FrameBuilder::lowerSelect(const ast::SelectExpr& e,
                                        const std::vector<std::uint32_t>& params) {
    const std::uint32_t r = allocRegister();
    const std::uint32_t subject = lower(*e.subject, params);
    const std::uint32_t enumId = checked_.exprTypes[e.subject->id].enumId;
    const ir::EnumType& en = checked_.enums[enumId];
    std::vector<std::uint32_t> toEnd;
    // Each branch but the last tests its values; the last needs no test, as sema has proved
    // the branches cover every value.
    for (std::size_t i = 0; i < e.branches.size(); ++i) {
        const ast::SelectBranch& branch = e.branches[i];
        const bool last = i + 1 == e.branches.size();
        std::vector<std::uint32_t> toBody;
        std::uint32_t toNext = ir::kNone;
        if (!last) {
            for (const ast::Ident& v : branch.values) {
                ir::Value ordinal;
                ordinal.bits =
                    std::find(en.values.begin(), en.values.end(), v.name) - en.values.begin();
                std::uint32_t k = loadConstant(std::move(ordinal), e);
                std::uint32_t t = emit({ir::Op::ICmp, static_cast<std::uint8_t>(ir::Comparison::Eq),
                                        allocRegister(), subject, k, 0, 0},
                                       e);
                toBody.push_back(here());
                emit({ir::Op::JumpIfTrue, 0, 0, t, 0, 0, 0}, e);
            }
            toNext = here();
            emit({ir::Op::Jump, 0, 0, 0, 0, 0, 0}, e);
        }
        for (std::uint32_t j : toBody) {
            program_.code[j].b = here();
        }
        std::uint32_t v = lower(*branch.result, params);
        emit({ir::Op::Move, 0, r, v, 0, 0, 0}, *branch.result);
        if (!last) {
            toEnd.push_back(here());
            emit({ir::Op::Jump, 0, 0, 0, 0, 0, 0}, e);
            program_.code[toNext].a = here();
        }
    }
    for (std::uint32_t j : toEnd) {
        program_.code[j].a = here();
    }
    return r;
}

// A row's cells, each a jump to the next row when it fails:
//
//   row i:   test cell 1 ; jump_if_false → row i+1
//            test cell 2 ; jump_if_false → row i+1
//            dst = result (først, entydig) | dst = dst + result (sum) ; jump → end (not sum)
//   row i+1: ...
//   after the last row: fail "no row applies" (først, entydig; sema proves it unreachable)
void FrameBuilder::emitCellTest(const ast::TableCell& cell, std::uint32_t arg, bool numeric,
                                const ast::Expr& at, std::vector<std::uint32_t>& toNextRow) {
    const ir::Op cmp = numeric ? ir::Op::Cmp : ir::Op::ICmp;
    auto test = [&](ir::Comparison c, const ast::Expr& constantExpr) {
        std::uint32_t k = lower(constantExpr, {});
        return emit({cmp, static_cast<std::uint8_t>(c), allocRegister(), arg, k, 0, 0}, at);
    };
    auto failIfFalse = [&](std::uint32_t r) {
        toNextRow.push_back(here());
        emit({ir::Op::JumpIfFalse, 0, 0, r, 0, 0, 0}, at);
    };
    switch (cell.kind) {
    case ast::CellKind::Any:
        return;
    case ast::CellKind::Range:
        failIfFalse(test(ir::Comparison::Ge, *cell.values[0]));
        failIfFalse(test(ir::Comparison::Le, *cell.values[1]));
        return;
    case ast::CellKind::Compare:
        failIfFalse(test(comparison(cell.compare), *cell.values[0]));
        return;
    case ast::CellKind::OneOf: {
        std::vector<std::uint32_t> toMatch;
        for (const ast::ExprPtr& v : cell.values) {
            std::uint32_t r = test(ir::Comparison::Eq, *v);
            toMatch.push_back(here());
            emit({ir::Op::JumpIfTrue, 0, 0, r, 0, 0, 0}, at);
        }
        toNextRow.push_back(here());
        emit({ir::Op::Jump, 0, 0, 0, 0, 0, 0}, at);
        for (std::uint32_t j : toMatch) {
            program_.code[j].b = here();
        }
        return;
    }
    }
}

std::uint32_t FrameBuilder::lowerTable(const ast::CallExpr& call, const ast::TableDecl& table,
                                       const std::vector<std::uint32_t>& args) {
    const bool sum = table.policy == ast::HitPolicy::Sum;
    const std::uint32_t r = allocRegister();
    if (sum) {
        emit({ir::Op::Const, 0, r, constant(ir::Value{}), 0, 0, 0}, call);
    }
    std::vector<std::uint32_t> toEnd;
    for (const ast::TableRow& row : table.rows) {
        std::vector<std::uint32_t> toNextRow;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const ir::ValueType t = checked_.exprTypes[call.args[c]->id].kind;
            const bool numeric = t == ir::ValueType::Belob || t == ir::ValueType::Procent ||
                                 t == ir::ValueType::Decimal || t == ir::ValueType::Heltal;
            emitCellTest(row.cells[c], args[c], numeric, *row.result, toNextRow);
        }
        std::uint32_t v = lower(*row.result, args);
        if (sum) {
            emit({ir::Op::Add, 0, r, r, v, 0, 0}, *row.result);
        } else {
            emit({ir::Op::Move, 0, r, v, 0, 0, 0}, *row.result);
            toEnd.push_back(here());
            emit({ir::Op::Jump, 0, 0, 0, 0, 0, 0}, *row.result);
        }
        for (std::uint32_t j : toNextRow) {
            if (program_.code[j].op == ir::Op::Jump) {
                program_.code[j].a = here();
            } else {
                program_.code[j].b = here();
            }
        }
    }
    if (!sum) {
        program_.failures.push_back(
            {"TABEL_UDEN_RÆKKE",
             "ingen række i tabellen " + table.name.name + " passer til ordren", ""});
        emit({ir::Op::Fail, 0, 0, static_cast<std::uint32_t>(program_.failures.size() - 1), 0, 0,
              0},
             call);
        for (std::uint32_t j : toEnd) {
            program_.code[j].a = here();
        }
    }
    return r;
}

// A regel with undtagelser tries them in order before its general rule:
//
//   c1 = condition 1 ; jump_if_false c1 → U2 ; applied undtagelse 1 ; dst = value 1 ; jump → end
//   U2: ...
//   dst = general body
//   end:
std::uint32_t FrameBuilder::lowerRuleBody(const ast::CallExpr& call, std::uint32_t regel,
                                          std::uint32_t version,
                                          const std::vector<std::uint32_t>& args) {
    const ast::RegelDecl& rule = checked_.ast->regler[version];
    const std::vector<std::uint32_t>& exceptions = checked_.undtagelserByRegel[regel];
    if (exceptions.empty()) {
        return lower(*rule.body, args);
    }
    const std::uint32_t r = allocRegister();
    std::vector<std::uint32_t> toEnd;
    for (std::uint32_t u : exceptions) {
        const ast::ExceptionDecl& exception = checked_.ast->undtagelser[u];
        std::vector<std::uint32_t> toNext;
        if (exception.kommune) {
            // A kommune overlay applies to that kommune's orders only.
            std::uint32_t k = emit({ir::Op::Input, 0, allocRegister(),
                                    static_cast<std::uint32_t>(ir::Input::Kommune), 0, 0, 0},
                                   call);
            ir::Value number;
            number.number = Decimal::fromInt(*exception.kommune);
            std::uint32_t n = loadConstant(std::move(number), call);
            std::uint32_t same = emit({ir::Op::Cmp, static_cast<std::uint8_t>(ir::Comparison::Eq),
                                       allocRegister(), k, n, 0, 0},
                                      call);
            toNext.push_back(here());
            emit({ir::Op::JumpIfFalse, 0, 0, same, 0, 0, 0}, call);
        }
        std::uint32_t c = lower(*exception.condition, args);
        toNext.push_back(here());
        emit({ir::Op::JumpIfFalse, 0, 0, c, 0, 0, 0}, call);
        emit({ir::Op::Applied, 0, 0, rules_.undtagelser[u], 0, 0, 0}, *exception.value);
        std::uint32_t v = lower(*exception.value, args);
        emit({ir::Op::Move, 0, r, v, 0, 0, 0}, *exception.value);
        toEnd.push_back(here());
        emit({ir::Op::Jump, 0, 0, 0, 0, 0, 0}, call);
        for (std::uint32_t j : toNext) {
            program_.code[j].b = here();
        }
    }
    std::uint32_t general = lower(*rule.body, args);
    emit({ir::Op::Move, 0, r, general, 0, 0, 0}, *rule.body);
    for (std::uint32_t j : toEnd) {
        program_.code[j].a = here();
    }
    return r;
}

} // namespace ydelse
