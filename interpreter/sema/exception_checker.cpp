#include "interpreter/sema/exception_checker.hpp"

#include "interpreter/sema/expr_checker.hpp"
#include "interpreter/sema/suggest.hpp"

#include <fmt/format.h>

#include <set>

namespace ydelse::sema {

void checkExceptions(CheckedCatalog& checked, Diagnostics& diagnostics) {
    const ast::Catalog& cat = *checked.ast;
    checked.undtagelserByRegel.assign(cat.regler.size(), {});
    std::set<std::string> names;
    for (std::uint32_t i = 0; i < cat.undtagelser.size(); ++i) {
        const ast::ExceptionDecl& u = cat.undtagelser[i];
        if (!names.insert(u.name.name).second || checked.regelByName.count(u.name.name) != 0 ||
            checked.tabelByName.count(u.name.name) != 0) {
            diagnostics.error("K304", u.name.range,
                              fmt::format("navnet '{}' er allerede brugt af en regel, tabel eller undtagelse",
                                          u.name.name));
        }
        for (auto [present, what] : {std::pair{u.lovgrundlag.present, "lovgrundlag"},
                                     std::pair{u.version.present, "version"}}) {
            if (!present) {
                diagnostics.error("K301", u.name.range,
                                  fmt::format("undtagelsen {} mangler '{}'", u.name.name, what));
            }
        }
        auto target = checked.regelByName.find(u.target.name);
        if (target == checked.regelByName.end()) {
            std::vector<std::string> regler;
            for (const auto& [name, index] : checked.regelByName) {
                regler.push_back(name);
            }
            diagnostics.error("K107", u.target.range,
                              fmt::format("undtagelsen {} er til reglen '{}', som ikke findes{}",
                                          u.name.name, u.target.name,
                                          suggestion(u.target.name, regler)));
            continue;
        }
        const ast::RegelDecl& r = cat.regler[target->second];
        // An undtagelse applies to every version, so every version must allow the overlay.
        for (std::uint32_t v : checked.regelVersions[target->second].decls) {
            const ast::RegelDecl& version = cat.regler[v];
            if (u.kommune && !version.kommuneMayChange) {
                diagnostics
                    .error("K320", u.kommuneRange,
                           fmt::format("kommune {} må ikke ændre reglen {}: den nationale regel "
                                       "er ikke markeret 'kommunen kan ændre'",
                                       *u.kommune, r.name.name))
                    .notes.push_back({version.name.range, "reglen er her"});
                break;
            }
        }
        Scope scope;
        scope.kind = Scope::Kind::Regel;
        scope.params = &r.params;
        for (const ast::Param& p : r.params) {
            scope.paramTypes.push_back(
                resolveTypeRef(checked, p.type).value_or(Type::errorType()));
        }
        ExprChecker checker(checked, diagnostics, scope);
        checker.checkAs(*u.condition, Type::of(ir::ValueType::Bool),
                        fmt::format("betingelsen i undtagelsen {}", u.name.name));
        if (std::optional<Type> ret = resolveTypeRef(checked, r.returnType)) {
            checker.checkAs(*u.value, *ret,
                            fmt::format("værdien af undtagelsen {} (reglen {} giver {})",
                                        u.name.name, r.name.name, r.returnType.name));
        } else {
            checker.check(*u.value);
        }
        checked.undtagelserByRegel[target->second].push_back(i);
    }
    // Undtagelser are tried in the order they are written; across files that order is the
    // files' path order, which renaming a file would change. Say so where it can matter.
    for (std::size_t r = 0; r < checked.undtagelserByRegel.size(); ++r) {
        const std::vector<std::uint32_t>& list = checked.undtagelserByRegel[r];
        for (std::size_t k = 1; k < list.size(); ++k) {
            const ast::ExceptionDecl& first = cat.undtagelser[list[0]];
            const ast::ExceptionDecl& later = cat.undtagelser[list[k]];
            if (later.name.range.file != first.name.range.file) {
                diagnostics
                    .warning("K114", later.name.range,
                             fmt::format("undtagelserne til {} står i flere filer; de prøves i "
                                         "filernes navneorden, så saml dem i én fil",
                                         cat.regler[r].name.name))
                    .notes.push_back({first.name.range, "den første undtagelse står her"});
                break;
            }
        }
    }
}

} // namespace ydelse::sema
