// Writes a Result as one compact JSON object in the contract's key order (contract.md, "The
// result"); an Afvist result becomes the contract's error record.
#pragma once

#include "runtime/model/result.hpp"

#include <string>

namespace ydelse {

/// Appends one JSON object (no trailing newline) to `out`. Deterministic: the same Result
/// always gives the same bytes.
void writeJson(const Result& result, std::string& out);

} // namespace ydelse
