// Which catalog a command uses: --catalog, else $YDELSE_CATALOG, else the catalog shipped in the
// repository (its path fixed at build time), so every command works on a fresh checkout. A
// catalog is a directory of sources or a compiled artifact file (`ydelse compile`).
#pragma once

#include "runtime/ir/program.hpp"

#include <optional>
#include <string>

namespace ydelse::cli {

std::string catalogPath(const std::string& flag);

/// Compiles the directory or loads the artifact; on failure prints why to stderr and returns
/// nothing.
std::optional<ir::Program> loadProgram(const std::string& path);

} // namespace ydelse::cli
