// The text of an expression as an explanation shows it (`ydelse run --explain`): one line in the
// catalog language, with only the parentheses its precedence needs and Danish decimal commas.
// Printed from the AST rather than cut from the source, so comments and line breaks do not
// reach the result and the text is the same whatever the author's layout.
#pragma once

#include "interpreter/ast/ast.hpp"

#include <string>

namespace ydelse {

std::string formulaText(const ast::Expr& expr);

} // namespace ydelse
