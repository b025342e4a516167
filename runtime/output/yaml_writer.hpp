// Writes a Result as a block-style YAML document shaped like the contract's example: small
// records as flow mappings, amounts always quoted strings, identifiers plain where safe.
#pragma once

#include "runtime/model/result.hpp"

#include <string>

namespace ydelse {

/// Appends the YAML document to `out`; every line, the last included, ends with '\n'.
void writeYaml(const Result& result, std::string& out);

} // namespace ydelse
