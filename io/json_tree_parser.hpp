// Parses one JSON object into the flat tree of json_tree.hpp in a single pass over the text, for
// the JSON order reader. It replaced simdjson's On Demand walk, which for a line of some 500
// bytes cost more than the order reader's own work: On Demand indexes the text, then hands out
// each value once, so the reader walked it a second time to build the tree.
//
// What it accepts is exactly what the simdjson reader accepted (RFC 8259, one object, nesting up
// to kMaxJsonDepth, valid UTF-8, escapes as simdjson unescapes them, a \u escape of half a
// surrogate pair refused). It says only whether the text is such an object: the reader asks
// json_syntax.hpp and simdjson's UTF-8 check why when it is not.
#pragma once

#include "io/json_lexer.hpp"
#include "io/json_tree.hpp"

#include <string>
#include <string_view>

namespace ydelse::io::json {

/// Fills `tree` (tree[0] the root object) from `text`; false when `text` is not one JSON object
/// (whitespace around it allowed) within the nesting limit. The tree's texts point into
/// `buffers`, which must stay unchanged while the tree is in use.
bool parseJsonObject(std::string_view text, Tree& tree, ParseBuffers& buffers);

/// The same for a line json::padded made (`strings` its buffer of unescaped texts), for a
/// caller that has padded it already.
bool parseJsonTree(std::string_view line, Tree& tree, char* strings);

} // namespace ydelse::io::json
