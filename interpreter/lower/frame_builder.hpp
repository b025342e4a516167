// Internal to lowering: emits the code of one frame (a ydelse's or the order's) and allocates its
// registers. Register layout of every frame:
//
//   [0, kInputCount)        order inputs (periode, skattekort.*, ...), filled by the runtime
//   [kInputCount, ...)      frame-specific inputs: grundlag fields, or the order's line sums
//   then                    one result register per definition, then temporaries
#pragma once

#include "interpreter/sema/checked_catalog.hpp"
#include "interpreter/source/source_file.hpp"
#include "runtime/ir/program.hpp"

#include <functional>
#include <stdexcept>

namespace ydelse {

/// Regler are inlined at every call, so rules that call each other many times over can multiply
/// the code; past this size lowering stops with a diagnostic instead of exhausting memory.
inline constexpr std::size_t kMaxInstructions = 4'000'000;

struct ProgramTooLarge : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Program::rules index of each regel and each tabel, for the audit list.
struct RuleIds {
    std::vector<std::uint32_t> regler;
    std::vector<std::uint32_t> tabeller;
    std::vector<std::uint32_t> undtagelser;
    std::vector<std::uint32_t> konteringer;
};

/// A `sum`, `antal` or `findes` over the claims met while lowering some frame: its filter and
/// value are lowered into the claim frame afterwards, so no frame's code is interleaved.
struct PendingAggregate {
    const ast::ClaimListExpr* list = nullptr;
    const ast::Expr* value = nullptr; ///< sum only
};

class FrameBuilder {
public:
    FrameBuilder(ir::Program& program, ir::Frame& frame, const sema::CheckedCatalog& checked,
                 const SourceManager& sources, const RuleIds& rules)
        : program_(program), frame_(frame), checked_(checked), sources_(sources), rules_(rules) {
        frame_.size = ir::kInputCount;
    }

    std::uint32_t allocRegister() { return frame_.size++; }

    /// Reserves a definition (result register now, code later) and returns its index.
    std::uint32_t reserveDefinition(std::string name);
    /// Emits the code of a reserved definition: `expr` evaluated, moved to its register, ret.
    void emitDefinition(std::uint32_t definition, const ast::Expr& expr,
                        const std::vector<std::uint32_t>& params = {});

    /// Emits a definition giving an account of a posting line of the ydelse's konteringsregel:
    /// the rule's parameters are bound to the ydelse's arguments (`konteringArgDefinitions`).
    void emitKonteringAccount(std::uint32_t definition, const ast::Expr& expr);
    /// The same for a konteringsregel with versions: the line for `art` of the version in force
    /// for the order's period (lower_versions.cpp).
    void emitVersionedKonteringAccount(std::uint32_t definition, const sema::RuleVersions& rule,
                                       const std::string& art, bool debit);

    /// Register of grundlag field `i` (ydelse frames) or line sum `i` (the order's frame).
    std::vector<std::uint32_t> frameInputs;
    /// Per grundlag field: the register saying the order gave it, and its name if optional.
    std::vector<std::uint32_t> grundlagPresent;
    std::vector<std::string> grundlagNames;
    /// Block definition index -> frame definition index.
    std::vector<std::uint32_t> blockDefinitions;
    std::uint32_t aSkatShareSlot = ir::kNone;
    /// Shared by every builder of one program; index = Program::claimAggregates index.
    std::vector<PendingAggregate>* aggregates = nullptr;
    /// Definition of each parameter of the ydelse's konteringsregel, in parameter order.
    std::vector<std::uint32_t> konteringArgDefinitions;

private:
    /// Type and formula text of a definition, for explanations.
    void describe(std::uint32_t definition, const ast::Expr& expr);
    std::uint32_t lower(const ast::Expr& e, const std::vector<std::uint32_t>& params);
    std::uint32_t lowerName(const ast::NameExpr& e, const std::vector<std::uint32_t>& params);
    std::uint32_t lowerCall(const ast::CallExpr& e, const std::vector<std::uint32_t>& params);
    std::uint32_t lowerBinary(const ast::BinaryExpr& e, const std::vector<std::uint32_t>& params);
    std::uint32_t lowerShortCircuit(const ast::BinaryExpr& e,
                                    const std::vector<std::uint32_t>& params);
    std::uint32_t lowerIf(const ast::IfExpr& e, const std::vector<std::uint32_t>& params);
    std::uint32_t lowerSelect(const ast::SelectExpr& e, const std::vector<std::uint32_t>& params);
    /// A regel or tabel call, its arguments lowered: the version in force, or the only one.
    std::uint32_t lowerRuleCall(const ast::CallExpr& call, const sema::Ref& ref,
                                const std::vector<std::uint32_t>& args);
    /// Chooses among a rule's versions by periode.fra; `body` lowers one version's code.
    std::uint32_t lowerByPeriod(const ast::Expr& at, const std::string& what,
                                const sema::RuleVersions& rule,
                                const std::function<std::uint32_t(std::uint32_t)>& body);
    std::uint32_t lowerKonteringExpr(const ast::Expr& expr);
    /// `regel`: the declaration its undtagelser belong to; `version`: whose body is lowered.
    std::uint32_t lowerRuleBody(const ast::CallExpr& call, std::uint32_t regel,
                                std::uint32_t version, const std::vector<std::uint32_t>& args);
    std::uint32_t lowerTable(const ast::CallExpr& call, const ast::TableDecl& table,
                             const std::vector<std::uint32_t>& args);
    void emitCellTest(const ast::TableCell& cell, std::uint32_t arg, bool numeric,
                      const ast::Expr& at, std::vector<std::uint32_t>& toNextRow);

    std::uint32_t emit(ir::Instruction instruction, const ast::Expr& from);
    std::uint32_t constant(ir::Value value);
    std::uint32_t loadConstant(ir::Value value, const ast::Expr& from);
    std::uint32_t account(const ast::AccountExpr& e);
    std::uint32_t origin(const SourceRange& range);
    std::uint32_t here() const { return static_cast<std::uint32_t>(program_.code.size()); }

    ir::Program& program_;
    ir::Frame& frame_;
    const sema::CheckedCatalog& checked_;
    const SourceManager& sources_;
    const RuleIds& rules_;
};

} // namespace ydelse
