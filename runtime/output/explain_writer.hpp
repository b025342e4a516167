// Writes a Result's `forklaring` (runtime/model/explanation.hpp) in the three output formats.
// The result writers call these only when the explanation is not empty, so a result evaluated
// without --explain is written byte for byte as before. Field names: docs/explain.md.
#pragma once

#include "runtime/model/explanation.hpp"

#include <string>

namespace ydelse {

/// Appends the JSON array that is the value of the result's "forklaring" key.
void writeExplanationJson(const Explanation& explanation, std::string& out);

/// Appends the `forklaring:` block of the YAML result (a top-level key, block style).
void writeExplanationYaml(const Explanation& explanation, std::string& out);

/// Appends the readable Danish explanation that ends `--format text --explain`.
void writeExplanationText(const Explanation& explanation, std::string& out);

} // namespace ydelse
