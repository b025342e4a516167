// `ydelse compile [CATALOG] -o FILE`: write the compiled artifact a payment service loads with
// the runtime alone. 0 written, 1 the catalog has errors, 2 usage or the file cannot be written.
#include "cli/catalog_location.hpp"
#include "cli/commands/commands.hpp"
#include "interpreter/compiler.hpp"
#include "interpreter/source/diagnostic_renderer.hpp"
#include "runtime/artifact/artifact.hpp"

#include <fstream>
#include <iostream>

namespace ydelse::cli {

namespace {
struct CompileOptions {
    std::string catalog;
    std::string output;
};
} // namespace

Command addCompile(CLI::App& app) {
    auto opts = std::make_shared<CompileOptions>();
    app.add_option("catalog", opts->catalog, "katalogmappe");
    app.add_option("-o,--output", opts->output, "den oversatte katalogfil")->required();
    return [opts] {
        CompileResult result = compileCatalog(catalogPath(opts->catalog));
        if (!result.program) {
            std::cerr << renderDiagnostics(result.diagnostics, result.sources);
            return 1;
        }
        if (result.diagnostics.warningCount() > 0) {
            std::cerr << renderDiagnostics(result.diagnostics, result.sources);
        }
        const std::string bytes = writeArtifact(*result.program);
        std::ofstream out(opts->output, std::ios::binary | std::ios::trunc);
        out << bytes;
        out.close();
        if (!out) {
            std::cerr << "ydelse: kan ikke skrive '" << opts->output << "'\n";
            return 2;
        }
        std::cout << "skrev " << opts->output << " (" << bytes.size() << " bytes, hash "
                  << result.program->hash << ")\n";
        return 0;
    };
}

} // namespace ydelse::cli
