#include "cli/catalog_location.hpp"

#include "interpreter/source/diagnostic_renderer.hpp"

#include <cstdlib>
#include <iostream>

namespace ydelse::cli {

std::string catalogPath(const std::string& flag) {
    if (!flag.empty()) {
        return flag;
    }
    if (const char* env = std::getenv("YDELSE_CATALOG"); env != nullptr && *env != '\0') {
        return env;
    }
    return YDELSE_DEFAULT_CATALOG;
}

std::optional<CompileResult> loadCatalog(const std::string& path) {
    CompileResult result = compileCatalog(path);
    if (!result.program) {
        std::cerr << renderDiagnostics(result.diagnostics, result.sources);
        std::cerr << "kataloget '" << path << "' kan ikke bruges\n";
        return std::nullopt;
    }
    return result;
}

} // namespace ydelse::cli
