// Values as explanations write them (see runtime/model/explanation.hpp for the spelling).
#pragma once

#include "runtime/ir/program.hpp"

#include <string>
#include <string_view>

namespace ydelse::explain {

/// Text of a register holding a value of `type` (`enumId` for an enumeration).
std::string valueText(const ir::Program& program, ir::ValueType type, std::uint32_t enumId,
                      const ir::Value& value);

/// The type's name as the catalog writes it; an enumeration by its own name.
std::string_view typeText(const ir::Program& program, ir::ValueType type, std::uint32_t enumId);

/// Type and enumeration of an order input (skattekort.type is a Skattekorttype, ...).
ir::ValueType inputType(ir::Input input);
std::uint32_t inputEnum(const ir::Program& program, ir::Input input);

} // namespace ydelse::explain
