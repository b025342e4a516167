// Which catalog a command uses: --catalog, else $YDELSE_CATALOG, else the catalog shipped in the
// repository (its path fixed at build time), so every command works on a fresh checkout.
#pragma once

#include "interpreter/compiler.hpp"

#include <string>

namespace ydelse::cli {

std::string catalogPath(const std::string& flag);

/// Compiles the catalog; on errors prints them to stderr and returns nothing.
std::optional<CompileResult> loadCatalog(const std::string& path);

} // namespace ydelse::cli
