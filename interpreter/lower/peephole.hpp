// The last step of lowering: removes instructions the naive lowering leaves behind (copies into
// a temporary and out again, jumps to jumps, code no path reaches) without changing any value a
// result or an explanation reads. The rules it keeps are in peephole.cpp.
#pragma once

#include "runtime/ir/program.hpp"

#include <cstddef>

namespace ydelse {

struct PeepholeStats {
    std::size_t before = 0; ///< instructions
    std::size_t after = 0;
};

/// Rewrites every frame's code in place; definitions' codeBegin and jump targets are remapped.
PeepholeStats optimizeIr(ir::Program& program);

} // namespace ydelse
