// Register values as explanations keep them (runtime/model/explanation.hpp), and type names.
#pragma once

#include "runtime/ir/program.hpp"
#include "runtime/model/explanation.hpp"

#include <string>
#include <string_view>

namespace ydelse::explain {

/// A register holding a value of `type` (`enumId` for an enumeration).
ExplainedValue explainedValue(const ir::Program& program, ir::ValueType type,
                              std::uint32_t enumId, const ir::Value& value);

/// The type's name as the catalog writes it; an enumeration by its own name.
std::string_view typeText(const ir::Program& program, ir::ValueType type, std::uint32_t enumId);

/// Type and enumeration of an order input (skattekort.type is a Skattekorttype, ...).
ir::ValueType inputType(ir::Input input);
std::uint32_t inputEnum(const ir::Program& program, ir::Input input);

} // namespace ydelse::explain
