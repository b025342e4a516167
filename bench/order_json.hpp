// Writes a generated Order as one line of JSON, as a fagsystem would send it to `ydelse batch`:
// amounts and percentages as quoted decimal text, counts as numbers, grundlag values quoted or
// plain as the Order says. Used to write the batch benchmark's JSON Lines input and by the
// differential test of the two order readers.
#pragma once

#include "runtime/model/order.hpp"

#include <string>

namespace ydelse::bench {

/// Appends `order` as one compact JSON object (no newline) to `out`.
void appendOrderJson(const Order& order, std::string& out);

} // namespace ydelse::bench
