// The JSON order reader; see json_order_reader.hpp. json_tree_parser.cpp parses the text into
// the flat tree of json_tree.hpp in one pass (strictly: UTF-8, numbers and literals are checked
// as written, never converted), and json_order_fields.cpp reads the order from the tree. Only a
// refused text is looked at again, to say why: json_syntax.hpp, then simdjson's UTF-8 check.
#include "io/json_order_reader.hpp"

#include "io/json_syntax.hpp"
#include "io/json_tree.hpp"
#include "io/json_tree_parser.hpp"

#include <simdjson.h>

namespace ydelse::io {

struct JsonOrderReader::Impl {
    json::Tree tree;
    json::ParseBuffers buffers;
    json::Spares spares;
    JsonRead result;

    void syntaxError(std::string_view text) {
        result.ok = false;
        result.syntax = true;
        result.ordreId.reset();
        result.errors.clear();
        std::string besked;
        if (auto fault = checkJsonObject(text)) {
            besked = describeJsonFault(text, *fault);
        } else if (!simdjson::validate_utf8(text)) {
            besked = "ikke gyldig JSON: teksten er ikke gyldig UTF-8";
        } else {
            // The checker found nothing, the parser did: an escape for half a surrogate pair.
            besked = "ikke gyldig JSON: ugyldig tekst eller escape-sekvens";
        }
        result.errors.push_back(OrderError{std::string(kOrdreSyntaks), "", std::move(besked)});
    }

    // Parses `text` into the tree; false when it is not exactly one well-formed object.
    bool parse(std::string_view text) {
        return json::parseJsonObject(text, tree, buffers);
    }
};

JsonOrderReader::JsonOrderReader() : impl_(std::make_unique<Impl>()) {}
JsonOrderReader::~JsonOrderReader() = default;

const JsonRead& JsonOrderReader::read(std::string_view text) {
    Impl& impl = *impl_;
    if (!impl.parse(text)) {
        impl.syntaxError(text);
        return impl.result;
    }
    impl.result.syntax = false;
    json::readOrderTree(impl.tree, impl.result, impl.spares);
    return impl.result;
}

ReadOrder readJsonOrderText(std::string_view text) {
    JsonOrderReader reader;
    const JsonRead& read = reader.read(text);
    ReadOrder result;
    result.errors = read.errors;
    result.ordreId = read.ordreId;
    if (read.ok) {
        result.order = read.order;
    }
    return result;
}

} // namespace ydelse::io
