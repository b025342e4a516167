// Writes a Result's `forklaring` (runtime/model/explanation.hpp) in the three output formats.
// The result writers call these only when the explanation is not empty, so a result evaluated
// without --explain is written byte for byte as before. Field names: docs/explain.md.
#pragma once

#include "runtime/model/explanation.hpp"

#include <string>

namespace ydelse {

/// A value as JSON and YAML write it: amounts with at least two decimals ("12326.00", an
/// unrounded intermediate keeps all its decimals), Procent in percent ("37"), numbers in their
/// shortest form, "sand"/"falsk", dates ÅÅÅÅ-MM-DD, a period "fra til til", names as they are;
/// empty for a value the order did not give.
std::string explainedValueText(const ExplainedValue& value);

/// Appends the JSON array that is the value of the result's "forklaring" key.
void writeExplanationJson(const Explanation& explanation, std::string& out);

/// Appends the `forklaring:` block of the YAML result (a top-level key, block style).
void writeExplanationYaml(const Explanation& explanation, std::string& out);

/// Appends the readable Danish explanation that ends `--format text --explain`.
void writeExplanationText(const Explanation& explanation, std::string& out);

} // namespace ydelse
