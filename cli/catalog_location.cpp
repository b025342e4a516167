#include "cli/catalog_location.hpp"

#include "interpreter/compiler.hpp"
#include "interpreter/source/diagnostic_renderer.hpp"
#include "runtime/artifact/artifact.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

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

std::optional<ir::Program> loadProgram(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        LoadedArtifact loaded = readArtifact(bytes.str());
        if (!loaded.program) {
            std::cerr << path << ": " << loaded.error << "\n";
            std::cerr << "kataloget '" << path << "' kan ikke bruges\n";
        }
        return std::move(loaded.program);
    }
    CompileResult result = compileCatalog(path);
    if (!result.program) {
        std::cerr << renderDiagnostics(result.diagnostics, result.sources);
        std::cerr << "kataloget '" << path << "' kan ikke bruges\n";
    }
    return std::move(result.program);
}

} // namespace ydelse::cli
