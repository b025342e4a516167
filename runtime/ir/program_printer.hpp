// A stable text dump of a Program (`ydelse dump-ir`), used by golden tests and when debugging
// the compiler.
#pragma once

#include "runtime/ir/program.hpp"

#include <string>

namespace ydelse::ir {

std::string printProgram(const Program& program);

} // namespace ydelse::ir
