// Stage 1: catalog source text -> AST. Owns the ANTLR objects, which never escape this stage.
#pragma once

#include "interpreter/ast/ast.hpp"
#include "interpreter/source/diagnostics.hpp"

namespace ydelse {

/// Limits that keep the parser bounded on any input.
struct ParseLimits {
    std::size_t maxSyntaxErrors = 50; ///< per file; recovery stops after this many
    std::size_t maxNesting = 200;     ///< nested expressions
};

/// Parses one file and appends its declarations to `into`. Never throws: every problem becomes a
/// diagnostic. Returns false if the file had syntax errors.
bool parseFile(FileId file, const SourceManager& sources, ast::Catalog& into,
               Diagnostics& diagnostics, const ParseLimits& limits = {});

} // namespace ydelse
