// Reading and evaluating one order, shared by `run` and `test`: a reader error becomes the same
// error record an evaluation error does, so every order gives exactly one result or one error.
#pragma once

#include "runtime/eval/evaluator.hpp"

#include <yaml-cpp/yaml.h>

#include <string_view>

namespace ydelse::cli {

Result runOrderText(const ir::Program& program, std::string_view text, EvalState& state,
                    EvalOptions options = {});
Result runOrderNode(const ir::Program& program, const YAML::Node& node, EvalState& state);

} // namespace ydelse::cli
