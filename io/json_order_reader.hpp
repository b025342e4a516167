// Reads an effektueringsordre written as JSON (one JSON Lines line, or a .json file) with a
// parser of its own, for the batch path: yaml-cpp (order_reader.hpp) reads some 17,000 orders
// a second, this reader 1.3 million (BM_ReadJsonOrder). It fills the same ydelse::Order and
// reports every problem with the same kode and felt as order_reader.hpp (see there for the
// codes); the differential test (tests/io/json_order_reader_tests.cpp) holds the two readers to
// that.
//
// JSON is read strictly (RFC 8259): anything else, invalid UTF-8, a value nested deeper than
// kMaxJsonDepth, or text after the object is one ORDRE_SYNTAKS error with felt "" whose besked
// says where (json_syntax.hpp). A field written twice is ORDRE_SYNTAKS naming the field, as in
// order_reader.hpp. Numbers are kept as the text written ("12326.50"), never as a double.
//
// A reader keeps its buffers (the padded line, the parsed tree, unescaped strings, the Order's
// strings and list items) between reads, so reading a stream of valid orders allocates nothing
// in steady state. Not thread-safe: one reader per thread.
#pragma once

#include "io/order_reader.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ydelse::io {

/// The outcome of one JsonOrderReader::read, owned by the reader until its next read.
struct JsonRead {
    bool ok = false;     ///< `order` holds the order; otherwise `errors` say why
    bool syntax = false; ///< not one JSON object: `errors` is that one ORDRE_SYNTAKS error
    Order order;         ///< meaningful only when ok
    std::vector<OrderError> errors;     ///< in the order order_reader.hpp reports them
    std::optional<std::string> ordreId; ///< whenever ordre_id was readable, errors or not
};

class JsonOrderReader {
public:
    JsonOrderReader();
    ~JsonOrderReader();
    JsonOrderReader(const JsonOrderReader&) = delete;
    JsonOrderReader& operator=(const JsonOrderReader&) = delete;

    /// Reads one order from `text`. The result stays valid until the next call.
    const JsonRead& read(std::string_view text);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Reads one JSON order with a reader of its own (for one-off use; a stream should keep one
/// JsonOrderReader). The same ReadOrder that readOrderText gives for valid JSON.
ReadOrder readJsonOrderText(std::string_view text);

} // namespace ydelse::io
