// The JSON order reader; see json_order_reader.hpp. The line is copied once into a padded buffer
// (json_lexer.hpp). json_direct_reader.cpp then reads an order that is as it should be straight
// into the Order; for any other line, json_tree_parser.cpp parses it into the flat tree of
// json_tree.hpp (strictly: UTF-8, numbers and literals checked as written, never converted) and
// json_order_fields.cpp reads the order from the tree, reporting every problem. Only a text that
// is no JSON object is looked at once more, to say why: json_syntax.hpp, then simdjson's UTF-8
// check.
#include "io/json_order_reader.hpp"

#include "io/json_direct_reader.hpp"
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

};

JsonOrderReader::JsonOrderReader() : impl_(std::make_unique<Impl>()) {}
JsonOrderReader::~JsonOrderReader() = default;

const JsonRead& JsonOrderReader::read(std::string_view text) {
    Impl& impl = *impl_;
    JsonRead& result = impl.result;
    const std::string_view line = json::padded(text, impl.buffers);
    char* const strings = impl.buffers.strings.data();
    result.syntax = false;
    if (json::readOrderDirect(line, strings, result, impl.spares)) {
        result.errors.clear();
        result.ok = true;
        return result;
    }
    // Not an order as it should be: the tree reader reads it again and says why.
    if (!json::parseJsonTree(line, impl.tree, strings)) {
        impl.syntaxError(text);
        return result;
    }
    json::readOrderTree(impl.tree, result, impl.spares);
    return result;
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
