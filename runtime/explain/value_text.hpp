// Register values as explanations keep them (runtime/model/explanation.hpp), and type names.
#pragma once

#include "runtime/ir/program.hpp"
#include "runtime/model/explanation.hpp"

#include <array>
#include <string_view>

namespace ydelse::explain {

/// An enumeration value or an account, by its name.
ExplainedValue namedValue(const ir::Program& program, ir::ValueType type, std::uint32_t enumId,
                          const ir::Value& value);

/// Sets `v`, a default ExplainedValue, to a register holding a value of `type` (`enumId` for an
/// enumeration). Inline and in place: it runs for every value an explanation shows, and most
/// are numbers.
inline void setExplainedValue(ExplainedValue& v, const ir::Program& program, ir::ValueType type,
                              std::uint32_t enumId, const ir::Value& value) {
    switch (type) {
    case ir::ValueType::Belob:
        v.kind = ValueKind::Beloeb;
        v.number = value.number;
        return;
    case ir::ValueType::Procent:
        v.kind = ValueKind::Procent;
        v.number = value.number;
        return;
    case ir::ValueType::Decimal:
    case ir::ValueType::Heltal:
        v.kind = ValueKind::Tal;
        v.number = value.number;
        return;
    case ir::ValueType::Bool:
        v.kind = ValueKind::SandFalsk;
        v.bits = value.bits != 0 ? 1 : 0;
        return;
    case ir::ValueType::Dato:
        v.kind = ValueKind::Dato;
        v.bits = value.bits;
        return;
    case ir::ValueType::Periode:
        v.kind = ValueKind::Periode;
        v.bits = value.bits;
        return;
    case ir::ValueType::Enum:
    case ir::ValueType::Konto:
        v = namedValue(program, type, enumId, value);
        return;
    case ir::ValueType::Tekst:
        v.kind = ValueKind::Navn;
        return;
    }
}

/// ir::valueTypeName of every type, looked up without a call.
extern const std::array<std::string_view, static_cast<std::size_t>(ir::ValueType::Enum) + 1>
    kTypeNames;

/// The type's name as the catalog writes it; an enumeration by its own name.
inline std::string_view typeText(const ir::Program& program, ir::ValueType type,
                                 std::uint32_t enumId) {
    if (type == ir::ValueType::Enum && enumId < program.enums.size()) {
        return program.enums[enumId].name;
    }
    return kTypeNames[static_cast<std::size_t>(type)];
}

/// Type and enumeration of an order input (skattekort.type is a Skattekorttype, ...).
ir::ValueType inputType(ir::Input input);
std::uint32_t inputEnum(const ir::Program& program, ir::Input input);

} // namespace ydelse::explain
