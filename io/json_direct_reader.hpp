// Reads an order straight from its JSON line into the Order, without building the tree, when the
// order is one the tree reader would accept as it stands: every field there and valid, no key
// unknown or written twice, no null. That is nearly every line of a batch, and reading it this
// way costs less than half of parsing the tree and then looking fields up in it.
//
// Anything else, every order with an error among it, this reader does not judge: it says no,
// and the tree reader (json_tree_parser.hpp, json_order_fields.cpp) reads the line from the
// start and reports why, so errors, their order and their words are the tree reader's alone.
// What this reader accepts, it reads to the same Order the tree reader gives (the same lexer,
// json_lexer.hpp, and the same scalar rules, plain_scalars.hpp); tests/io/json_order_reader_
// tests.cpp compares the two on every generated and mutated order.
#pragma once

#include "io/json_order_reader.hpp"
#include "io/order_reuse.hpp"

#include <string_view>

namespace ydelse::io::json {

/// Reads the order in `line` (as json::padded made it; `strings` its buffer of unescaped texts)
/// into out.order and out.ordreId, and says whether it could. False leaves out.order partly
/// written: the tree reader then reads the line again from the start.
bool readOrderDirect(std::string_view line, char* strings, JsonRead& out, Spares& spares);

} // namespace ydelse::io::json
