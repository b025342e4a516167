// Register values as explanations keep them (runtime/model/explanation.hpp), and type names.
#pragma once

#include "runtime/ir/program.hpp"
#include "runtime/model/explanation.hpp"

#include <string>
#include <string_view>

namespace ydelse::explain {

/// An enumeration value or an account, by its name.
ExplainedValue namedValue(const ir::Program& program, ir::ValueType type, std::uint32_t enumId,
                          const ir::Value& value);

/// A register holding a value of `type` (`enumId` for an enumeration). Inline: it is called for
/// every value an explanation shows, and most are numbers.
inline ExplainedValue explainedValue(const ir::Program& program, ir::ValueType type,
                                     std::uint32_t enumId, const ir::Value& value) {
    ExplainedValue v;
    switch (type) {
    case ir::ValueType::Belob:
        v.kind = ValueKind::Beloeb;
        v.number = value.number;
        return v;
    case ir::ValueType::Procent:
        v.kind = ValueKind::Procent;
        v.number = value.number;
        return v;
    case ir::ValueType::Decimal:
    case ir::ValueType::Heltal:
        v.kind = ValueKind::Tal;
        v.number = value.number;
        return v;
    case ir::ValueType::Bool:
        v.kind = ValueKind::SandFalsk;
        v.bits = value.bits != 0 ? 1 : 0;
        return v;
    case ir::ValueType::Dato:
        v.kind = ValueKind::Dato;
        v.bits = value.bits;
        return v;
    case ir::ValueType::Periode:
        v.kind = ValueKind::Periode;
        v.bits = value.bits;
        return v;
    case ir::ValueType::Enum:
    case ir::ValueType::Konto:
        return namedValue(program, type, enumId, value);
    case ir::ValueType::Tekst:
        v.kind = ValueKind::Navn;
        return v;
    }
    return v;
}

/// The type's name as the catalog writes it; an enumeration by its own name.
inline std::string_view typeText(const ir::Program& program, ir::ValueType type,
                                 std::uint32_t enumId) {
    if (type == ir::ValueType::Enum && enumId < program.enums.size()) {
        return program.enums[enumId].name;
    }
    return ir::valueTypeName(type);
}

/// Type and enumeration of an order input (skattekort.type is a Skattekorttype, ...).
ir::ValueType inputType(ir::Input input);
std::uint32_t inputEnum(const ir::Program& program, ir::Input input);

} // namespace ydelse::explain
