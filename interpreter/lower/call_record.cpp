#include "interpreter/lower/call_record.hpp"

namespace ydelse {

std::uint32_t recordCall(ir::Program& program, const sema::CheckedCatalog& checked,
                         std::uint32_t rule, const std::vector<ast::Param>& params,
                         const ast::CallExpr& call, const std::vector<std::uint32_t>& args) {
    ir::RuleCall& c = program.calls.emplace_back();
    c.rule = rule;
    for (std::size_t i = 0; i < args.size() && i < params.size() && i < call.args.size(); ++i) {
        const sema::Type& type = checked.exprTypes[call.args[i]->id];
        c.args.push_back({params[i].name.name, args[i], type.kind, type.enumId});
    }
    return static_cast<std::uint32_t>(program.calls.size());
}

void recordCallResult(ir::Program& program, const sema::CheckedCatalog& checked,
                      std::uint32_t operand, const ast::CallExpr& call, std::uint32_t result) {
    const sema::Type& type = checked.exprTypes[call.id];
    program.calls[operand - 1].result = {std::string(), result, type.kind, type.enumId};
}

} // namespace ydelse
