// A stable text dump of the AST (`ydelse dump-ast`), for golden tests and debugging the parser.
#pragma once

#include "interpreter/ast/ast.hpp"

#include <string>

namespace ydelse::ast {

std::string printCatalog(const Catalog& catalog);
std::string printExpr(const Expr& expr);

} // namespace ydelse::ast
