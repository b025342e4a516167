// Invariants of a lowered Program, checked after every compilation (and by golden tests): a
// broken one is a compiler bug, reported as an internal error rather than run.
#pragma once

#include "runtime/ir/program.hpp"

#include <string>
#include <vector>

namespace ydelse::ir {

/// Every violated invariant, in words; empty when the program is well formed.
std::vector<std::string> verifyProgram(const Program& program);

} // namespace ydelse::ir

namespace ydelse {
using ir::verifyProgram;
}
