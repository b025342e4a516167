// Types as the catalog author writes them: type names (`Beløb`, an enumeration), period units
// (`Beløb pr. måned`), and the parameters of regler, tabeller and konteringsregler.
#include "interpreter/sema/expr_checker.hpp"

#include <fmt/format.h>

namespace ydelse::sema {

using ir::ValueType;

bool declareParams(const CheckedCatalog& checked, Diagnostics& diagnostics,
                   const std::vector<ast::Param>& params, Scope& scope) {
    bool allKnown = true;
    scope.params = &params;
    for (const ast::Param& p : params) {
        if (p.optional) {
            diagnostics.error("K213", p.optionalRange,
                              "kun grundlagsfelter kan være valgfri; en parameter får altid en "
                              "værdi");
        }
        std::optional<Type> t = resolveTypeRef(checked, p.type);
        if (!t) {
            diagnostics.error("K211", p.type.range, fmt::format("ukendt type '{}'", p.type.name));
            allKnown = false;
        }
        checkTypeUnit(diagnostics, p.type, t);
        scope.paramTypes.push_back(t.value_or(Type::errorType()));
    }
    return allKnown;
}

std::optional<Type> resolveTypeName(const CheckedCatalog& checked, std::string_view name) {
    static const std::pair<std::string_view, ValueType> kNames[] = {
        {"Beløb", ValueType::Belob},     {"Procent", ValueType::Procent},
        {"Decimal", ValueType::Decimal}, {"Heltal", ValueType::Heltal},
        {"Sand/Falsk", ValueType::Bool}, {"Tekst", ValueType::Tekst},
        {"Dato", ValueType::Dato},       {"Periode", ValueType::Periode},
        {"Konto", ValueType::Konto},
    };
    for (auto [n, t] : kNames) {
        if (n == name) {
            return Type::of(t);
        }
    }
    for (std::size_t i = 0; i < checked.enums.size(); ++i) {
        if (checked.enums[i].name == name) {
            return Type::enumeration(static_cast<std::uint32_t>(i));
        }
    }
    return std::nullopt;
}

std::optional<Type> resolveTypeRef(const CheckedCatalog& checked, const ast::TypeRef& type) {
    std::optional<Type> t = resolveTypeName(checked, type.name);
    if (t && t->kind == ValueType::Belob && !type.unit.empty()) {
        t->unit = periodUnitByWord(type.unit).value_or(PeriodUnit::None);
    }
    return t;
}

void checkTypeUnit(Diagnostics& diagnostics, const ast::TypeRef& type,
                   const std::optional<Type>& resolved) {
    if (type.unit.empty() || !resolved) {
        return;
    }
    if (resolved->kind != ValueType::Belob) {
        diagnostics.error("K215", type.unitRange,
                          fmt::format("kun et Beløb kan have en periodeenhed, ikke {}", type.name));
    } else if (!periodUnitByWord(type.unit)) {
        diagnostics.error("K215", type.unitRange,
                          fmt::format("ukendt periodeenhed '{}'; brug time, dag, uge, "
                                      "fjorten_dage, måned eller år",
                                      type.unit));
    }
}

std::string typeText(const CheckedCatalog& checked, Type t) {
    std::string name = t.kind == ValueType::Enum && t.enumId < checked.enums.size()
                           ? checked.enums[t.enumId].name
                           : std::string(ir::valueTypeName(t.kind));
    if (t.unit != PeriodUnit::None) {
        name += " pr. " + std::string(periodUnitWord(t.unit));
    }
    return name;
}

} // namespace ydelse::sema
