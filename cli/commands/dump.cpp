// `ydelse dump-ast` and `ydelse dump-ir`: the representations between the stages, as stable text.
#include "cli/catalog_location.hpp"
#include "cli/commands/commands.hpp"
#include "interpreter/compiler.hpp"
#include "interpreter/ast/ast_printer.hpp"
#include "interpreter/source/diagnostic_renderer.hpp"
#include "runtime/ir/program_printer.hpp"

#include <iostream>

namespace ydelse::cli {

Command addDumpAst(CLI::App& app) {
    auto path = std::make_shared<std::string>();
    app.add_option("catalog", *path, "katalogmappe");
    return [path] {
        CompileResult result = compileCatalog(catalogPath(*path));
        if (result.ast) {
            std::cout << ast::printCatalog(*result.ast);
        }
        if (result.diagnostics.hasErrors()) {
            std::cerr << renderDiagnostics(result.diagnostics, result.sources);
            return 1;
        }
        return 0;
    };
}

Command addDumpIr(CLI::App& app) {
    auto path = std::make_shared<std::string>();
    app.add_option("catalog", *path, "katalogmappe");
    return [path] {
        std::optional<ir::Program> program = loadProgram(catalogPath(*path));
        if (!program) {
            return 1;
        }
        std::cout << ir::printProgram(*program);
        return 0;
    };
}

} // namespace ydelse::cli
