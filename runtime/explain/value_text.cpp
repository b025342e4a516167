#include "runtime/explain/value_text.hpp"

namespace ydelse::explain {
namespace {

// The built-in enumerations are declared by the compiler under these names (sema).
std::uint32_t enumByName(const ir::Program& program, std::string_view name) {
    for (std::size_t i = 0; i < program.enums.size(); ++i) {
        if (program.enums[i].name == name) {
            return static_cast<std::uint32_t>(i);
        }
    }
    return ir::kNone;
}

} // namespace

const std::array<std::string_view, static_cast<std::size_t>(ir::ValueType::Enum) + 1> kTypeNames =
    [] {
        std::array<std::string_view, static_cast<std::size_t>(ir::ValueType::Enum) + 1> names;
        for (std::size_t t = 0; t < names.size(); ++t) {
            names[t] = ir::valueTypeName(static_cast<ir::ValueType>(t));
        }
        return names;
    }();

ExplainedValue namedValue(const ir::Program& program, ir::ValueType type, std::uint32_t enumId,
                          const ir::Value& value) {
    ExplainedValue v;
    switch (type) {
    case ir::ValueType::Enum:
        v.kind = ValueKind::Navn;
        v.name = "?";
        if (enumId < program.enums.size() && value.bits >= 0 &&
            static_cast<std::size_t>(value.bits) < program.enums[enumId].values.size()) {
            v.name = program.enums[enumId].values[static_cast<std::size_t>(value.bits)];
        }
        return v;
    case ir::ValueType::Konto:
        // Named by its logical name, or else its first (real) dimension.
        v.kind = ValueKind::Navn;
        v.name = "?";
        if (value.bits >= 0 && static_cast<std::size_t>(value.bits) < program.accounts.size()) {
            const ir::Account& a = program.accounts[static_cast<std::size_t>(value.bits)];
            v.name = !a.logicalName.empty() ? std::string_view(a.logicalName)
                     : a.fields.empty()     ? std::string_view("?")
                                            : std::string_view(a.fields.front().value);
        }
        return v;
    default:
        break;
    }
    return v;
}

ir::ValueType inputType(ir::Input input) {
    switch (input) {
    case ir::Input::Periode: return ir::ValueType::Periode;
    case ir::Input::PeriodeFra:
    case ir::Input::PeriodeTil:
    case ir::Input::Udbetalingsdato:
    case ir::Input::TidligereUdbetalingsdato:
    case ir::Input::FordringModtaget: return ir::ValueType::Dato;
    case ir::Input::FordringKategori:
    case ir::Input::FordringFordringshaver: return ir::ValueType::Enum;
    case ir::Input::FordringRente:
    case ir::Input::FordringHovedstol:
    case ir::Input::TilRaadighed: return ir::ValueType::Belob;
    case ir::Input::Kommune:
    case ir::Input::ForsorgelseUge:
    case ir::Input::ForsorgelseMaaneder: return ir::ValueType::Heltal;
    case ir::Input::ModtagerType:
    case ir::Input::SkattekortType: return ir::ValueType::Enum;
    case ir::Input::SkattekortTraekprocent: return ir::ValueType::Procent;
    case ir::Input::SkattekortFradrag:
    case ir::Input::SkattekortFrikortRest: return ir::ValueType::Belob;
    case ir::Input::Count: break;
    }
    return ir::ValueType::Belob;
}

std::uint32_t inputEnum(const ir::Program& program, ir::Input input) {
    if (input == ir::Input::ModtagerType) {
        return enumByName(program, "Modtagertype");
    }
    if (input == ir::Input::SkattekortType) {
        return enumByName(program, "Skattekorttype");
    }
    if (input == ir::Input::FordringKategori) {
        return enumByName(program, "Fordringskategori");
    }
    if (input == ir::Input::FordringFordringshaver) {
        return enumByName(program, "Fordringshaver");
    }
    return ir::kNone;
}

} // namespace ydelse::explain
