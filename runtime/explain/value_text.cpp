#include "runtime/explain/value_text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ydelse::explain {
namespace {

std::string dateText(std::int64_t days) {
    return Date::fromDays(static_cast<std::int32_t>(days)).toString();
}

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

std::string valueText(const ir::Program& program, ir::ValueType type, std::uint32_t enumId,
                      const ir::Value& value) {
    switch (type) {
    case ir::ValueType::Belob:
        // Amounts keep every decimal they have (an unrounded intermediate shows as such), but
        // never fewer than two, as in the result's `beløb`.
        return value.number.normalized().toString(2);
    case ir::ValueType::Procent: {
        const Decimal percent(value.number.mantissa(), value.number.scale() - 2);
        return percent.normalized().toString();
    }
    case ir::ValueType::Decimal:
    case ir::ValueType::Heltal:
        return value.number.normalized().toString();
    case ir::ValueType::Bool:
        return value.bits != 0 ? "sand" : "falsk";
    case ir::ValueType::Dato:
        return dateText(value.bits);
    case ir::ValueType::Periode:
        return fmt::format("{} til {}", dateText(value.bits >> 32), dateText(value.bits & 0xFFFFFFFF));
    case ir::ValueType::Enum:
        if (enumId < program.enums.size() && value.bits >= 0 &&
            static_cast<std::size_t>(value.bits) < program.enums[enumId].values.size()) {
            return program.enums[enumId].values[static_cast<std::size_t>(value.bits)];
        }
        return "?";
    case ir::ValueType::Konto: {
        if (value.bits < 0 || static_cast<std::size_t>(value.bits) >= program.accounts.size()) {
            return "?";
        }
        std::string text;
        for (const ir::AccountField& f : program.accounts[static_cast<std::size_t>(value.bits)].fields) {
            text += text.empty() ? "" : " ";
            text += f.name + " " + f.value;
        }
        return text;
    }
    case ir::ValueType::Tekst:
        return "";
    }
    return "?";
}

std::string_view typeText(const ir::Program& program, ir::ValueType type, std::uint32_t enumId) {
    if (type == ir::ValueType::Enum && enumId < program.enums.size()) {
        return program.enums[enumId].name;
    }
    return ir::valueTypeName(type);
}

ir::ValueType inputType(ir::Input input) {
    switch (input) {
    case ir::Input::Periode: return ir::ValueType::Periode;
    case ir::Input::PeriodeFra:
    case ir::Input::PeriodeTil:
    case ir::Input::Udbetalingsdato: return ir::ValueType::Dato;
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
    return ir::kNone;
}

} // namespace ydelse::explain
