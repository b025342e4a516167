// `ydelse check [CATALOG]`: compile and print every diagnostic. 0 no errors, 1 errors.
#include "cli/catalog_location.hpp"
#include "cli/commands/commands.hpp"
#include "interpreter/compiler.hpp"
#include "interpreter/source/diagnostic_renderer.hpp"

#include <iostream>

namespace ydelse::cli {

Command addCheck(CLI::App& app) {
    auto path = std::make_shared<std::string>();
    app.add_option("catalog", *path, "katalogmappe (standard: --catalog, $YDELSE_CATALOG, "
                                     "eller det medfølgende katalog)");
    app.add_option("--catalog", *path, "katalogmappe");
    return [path] {
        const std::string dir = catalogPath(*path);
        CompileResult result = compileCatalog(dir);
        std::cout << renderDiagnostics(result.diagnostics, result.sources);
        if (result.diagnostics.hasErrors()) {
            return 1;
        }
        std::cout << "kataloget er i orden: " << result.program->ydelser.size() << " ydelser, "
                  << result.program->satser.size() << " satser, hash " << result.program->hash
                  << "\n";
        return 0;
    };
}

} // namespace ydelse::cli
