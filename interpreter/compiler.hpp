// The compiler driver: a catalog directory in, a Program (or diagnostics) out. The stages, in
// order: read files -> parse (syntax/) -> load tables (tables/) -> check (sema/) -> lower
// (lower/). A stage runs only if the ones before it recorded no error.
#pragma once

#include "interpreter/ast/ast.hpp"
#include "interpreter/source/diagnostics.hpp"
#include "runtime/ir/program.hpp"

#include <filesystem>
#include <memory>
#include <optional>

namespace ydelse {

struct CompileResult {
    SourceManager sources;
    Diagnostics diagnostics;
    std::unique_ptr<ast::Catalog> ast; ///< kept for dump-ast
    std::optional<ir::Program> program;
};

/// Compiles every *.yk file under `dir`, the satser in `dir/satser/*.yaml` and the kommune
/// configurations in `dir/konfiguration/`. Never throws for a bad catalog.
CompileResult compileCatalog(const std::filesystem::path& dir);

/// Parses and checks in-memory sources (for tests); `satser` and `config` are YAML texts.
CompileResult compileSources(const std::vector<std::pair<std::string, std::string>>& files,
                             const std::vector<std::pair<std::string, std::string>>& satser = {},
                             const std::vector<std::pair<std::string, std::string>>& config = {});

} // namespace ydelse
