// DeclChecker, the call graph between regler, tabeller and undtagelser: rings of calls (which
// inlining could never finish) and regler, tabeller and konteringsregler nothing uses.
#include "interpreter/sema/decl_checker.hpp"

#include "interpreter/sema/expr_walk.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace ydelse::sema {

void DeclChecker::noteRuleCalls(const ast::Expr& expr, std::set<std::uint32_t>& into) const {
    const auto regler = static_cast<std::uint32_t>(checked_.ast->regler.size());
    forEachSubExpr(expr, [&](const ast::Expr& e) {
        if (e.kind != ast::ExprKind::Call || e.id >= checked_.refs.size()) {
            return;
        }
        // A call reaches every version: which one runs depends on the order's period.
        const Ref& ref = checked_.refs[e.id];
        if (ref.kind == RefKind::Rule) {
            for (std::uint32_t v : checked_.regelVersions[ref.index].decls) {
                into.insert(v);
            }
        } else if (ref.kind == RefKind::Table) {
            for (std::uint32_t v : checked_.tabelVersions[ref.index].decls) {
                into.insert(regler + v);
            }
        }
    });
}

// Regler and tabeller are inlined where they are called, so a ring of calls between them would
// never terminate; it is refused here. Nodes: regler first, then tabeller.
void DeclChecker::checkRuleCycles() {
    const auto& regler = checked_.ast->regler;
    const auto& tabeller = checked_.ast->tabeller;
    const std::size_t nodes = regler.size() + tabeller.size();
    auto nameOf = [&](std::uint32_t n) -> const ast::Ident& {
        return n < regler.size() ? regler[n].name : tabeller[n - regler.size()].name;
    };
    std::vector<std::set<std::uint32_t>> calls(nodes);
    for (std::size_t i = 0; i < regler.size(); ++i) {
        noteRuleCalls(*regler[i].body, calls[i]);
        if (i < checked_.undtagelserByRegel.size()) {
            for (std::uint32_t u : checked_.undtagelserByRegel[i]) {
                noteRuleCalls(*checked_.ast->undtagelser[u].condition, calls[i]);
                noteRuleCalls(*checked_.ast->undtagelser[u].value, calls[i]);
            }
        }
    }
    for (std::size_t t = 0; t < tabeller.size(); ++t) {
        for (const ast::TableRow& row : tabeller[t].rows) {
            if (row.result) {
                noteRuleCalls(*row.result, calls[regler.size() + t]);
            }
        }
    }
    std::vector<std::uint8_t> state(nodes, 0);
    std::vector<std::uint32_t> stack;
    std::function<void(std::uint32_t)> visit = [&](std::uint32_t r) {
        state[r] = 1;
        stack.push_back(r);
        for (std::uint32_t callee : calls[r]) {
            if (state[callee] == 1) {
                std::string chain;
                auto from = std::find(stack.begin(), stack.end(), callee);
                for (auto it = from; it != stack.end(); ++it) {
                    chain += nameOf(*it).name + " → ";
                }
                chain += nameOf(callee).name;
                diagnostics_.error("K121", nameOf(callee).range,
                                   fmt::format("reglerne kalder hinanden i ring: {}; kataloget "
                                               "skal terminere på ethvert input",
                                               chain));
            } else if (state[callee] == 0) {
                visit(callee);
            }
        }
        stack.pop_back();
        state[r] = 2;
    };
    for (std::uint32_t i = 0; i < nodes; ++i) {
        if (state[i] == 0) {
            visit(i);
        }
    }
}

void DeclChecker::warnUnusedRules() {
    std::vector<bool> used(checked_.ast->regler.size(), false);
    std::vector<bool> tableUsed(checked_.ast->tabeller.size(), false);
    for (const Ref& ref : checked_.refs) {
        if (ref.kind == RefKind::Rule) {
            for (std::uint32_t v : checked_.regelVersions[ref.index].decls) {
                used[v] = true;
            }
        } else if (ref.kind == RefKind::Table) {
            for (std::uint32_t v : checked_.tabelVersions[ref.index].decls) {
                tableUsed[v] = true;
            }
        }
    }
    for (std::size_t i = 0; i < tableUsed.size(); ++i) {
        if (!tableUsed[i]) {
            const ast::Ident& name = checked_.ast->tabeller[i].name;
            diagnostics_.warning("K111", name.range,
                                 fmt::format("tabellen '{}' bruges ikke", name.name));
        }
    }
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (!used[i]) {
            const ast::Ident& name = checked_.ast->regler[i].name;
            diagnostics_.warning("K111", name.range,
                                 fmt::format("reglen '{}' bruges ikke", name.name));
        }
    }
    std::vector<bool> konteringUsed(checked_.ast->konteringer.size(), false);
    for (const ast::YdelseDecl& y : checked_.ast->ydelser) {
        if (y.kontering) {
            auto it = checked_.konteringByName.find(y.kontering->rule.name);
            if (it != checked_.konteringByName.end()) {
                for (std::uint32_t v : checked_.konteringVersions[it->second].decls) {
                    konteringUsed[v] = true;
                }
            }
        }
    }
    for (std::size_t i = 0; i < konteringUsed.size(); ++i) {
        if (!konteringUsed[i]) {
            const ast::Ident& name = checked_.ast->konteringer[i].name;
            diagnostics_.warning("K111", name.range,
                                 fmt::format("konteringsreglen '{}' bruges ikke", name.name));
        }
    }
}

} // namespace ydelse::sema
