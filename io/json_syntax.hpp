// A strict JSON syntax check that says where and why a text is not one JSON object. The order
// readers use it to describe a syntax error: simdjson (json_order_reader.hpp) says only that a
// text is malformed, an order author needs the column. It allocates nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ydelse::io {

/// Deeper nesting than any order needs; the limit keeps a hostile line from exhausting a
/// reader's stack. Both JSON readers refuse a value nested deeper than this.
inline constexpr int kMaxJsonDepth = 64;

/// Where and why a text is not a JSON object; `offset` is a byte offset into the text.
struct JsonFault {
    std::size_t offset = 0;
    const char* what = "";
    bool json = false; ///< the text is valid JSON, only not an object
};

/// Nothing when `text` is exactly one JSON object (surrounding whitespace allowed).
std::optional<JsonFault> checkJsonObject(std::string_view text);

/// "ikke gyldig JSON: <what> (kolonne N)", or without the prefix when the text is JSON but not an
/// object; "(linje L, kolonne N)" when the text has several lines. Columns count characters.
std::string describeJsonFault(std::string_view text, const JsonFault& fault);

} // namespace ydelse::io
