// The JSON order reader; see json_order_reader.hpp. simdjson's On Demand parser indexes the text
// (validating UTF-8 on the way), this file walks every value into the flat tree of
// json_tree.hpp, and json_order_fields.cpp reads the order from the tree.
//
// simdjson's indexing rejects invalid UTF-8 and raw control characters in strings. On Demand
// checks only what is visited, and parses numbers and literals only when asked, so
// the walk visits every value, unknown fields included, and checks each scalar's raw text
// itself: that is what makes the reader strict. Numbers are never converted here; their text
// goes to the order as written.
#include "io/json_order_reader.hpp"

#include "io/json_syntax.hpp"
#include "io/json_tree.hpp"

#include <simdjson.h>

#include <cstring>

namespace ydelse::io {
namespace {

namespace od = simdjson::ondemand;
using json::Kind;
using json::Node;
using json::Tree;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trimRight(std::string_view text) {
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumber(std::string_view t) {
    std::size_t i = 0;
    auto digits = [&] {
        const std::size_t start = i;
        while (i < t.size() && isDigit(t[i])) {
            ++i;
        }
        return i > start;
    };
    if (i < t.size() && t[i] == '-') {
        ++i;
    }
    if (i < t.size() && t[i] == '0') {
        ++i;
    } else if (!digits()) {
        return false;
    }
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (!digits()) {
            return false;
        }
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
            ++i;
        }
        if (!digits()) {
            return false;
        }
    }
    return i == t.size();
}

// Copies the document into the tree, checking what On Demand leaves unchecked.
class TreeBuilder {
public:
    explicit TreeBuilder(Tree& tree) : tree_(tree) {}

    simdjson::error_code value(od::value v, std::uint32_t self, int depth) {
        if (depth > kMaxJsonDepth) {
            return simdjson::DEPTH_ERROR;
        }
        od::json_type type{};
        if (auto error = v.type().get(type)) {
            return error;
        }
        switch (type) {
        case od::json_type::object:
            return object(v, self, depth);
        case od::json_type::array:
            return array(v, self, depth);
        case od::json_type::string: {
            std::string_view text;
            if (auto error = v.get_string().get(text)) {
                return error;
            }
            set(self, Kind::String, text);
            return simdjson::SUCCESS;
        }
        case od::json_type::number: {
            const std::string_view text = trimRight(v.raw_json_token());
            if (!isJsonNumber(text)) {
                return simdjson::NUMBER_ERROR;
            }
            set(self, Kind::Number, text);
            return simdjson::SUCCESS;
        }
        case od::json_type::boolean: {
            const std::string_view text = trimRight(v.raw_json_token());
            if (text != "true" && text != "false") {
                return simdjson::T_ATOM_ERROR;
            }
            set(self, text == "true" ? Kind::True : Kind::False, text);
            return simdjson::SUCCESS;
        }
        case od::json_type::null:
            if (trimRight(v.raw_json_token()) != "null") {
                return simdjson::N_ATOM_ERROR;
            }
            set(self, Kind::Null, {});
            return simdjson::SUCCESS;
        }
        return simdjson::TAPE_ERROR;
    }

private:
    void set(std::uint32_t self, Kind kind, std::string_view text) {
        tree_[self].kind = kind;
        tree_[self].text = text;
    }

    // A new node, linked after `last` (or as the first child of `parent`).
    std::uint32_t append(std::uint32_t parent, std::uint32_t last) {
        const auto index = static_cast<std::uint32_t>(tree_.size());
        tree_.emplace_back();
        if (last == 0) {
            tree_[parent].first = index;
        } else {
            tree_[last].next = index;
        }
        ++tree_[parent].count;
        return index;
    }

    simdjson::error_code object(od::value& v, std::uint32_t self, int depth) {
        od::object object;
        if (auto error = v.get_object().get(object)) {
            return error;
        }
        tree_[self].kind = Kind::Object;
        std::uint32_t last = 0;
        for (auto member : object) {
            od::field field;
            if (auto error = std::move(member).get(field)) {
                return error;
            }
            std::string_view key;
            if (auto error = field.unescaped_key().get(key)) {
                return error;
            }
            last = append(self, last);
            tree_[last].key = key;
            if (auto error = value(field.value(), last, depth + 1)) {
                return error;
            }
        }
        return simdjson::SUCCESS;
    }

    simdjson::error_code array(od::value& v, std::uint32_t self, int depth) {
        od::array array;
        if (auto error = v.get_array().get(array)) {
            return error;
        }
        tree_[self].kind = Kind::Array;
        std::uint32_t last = 0;
        for (auto item : array) {
            od::value element;
            if (auto error = std::move(item).get(element)) {
                return error;
            }
            last = append(self, last);
            if (auto error = value(element, last, depth + 1)) {
                return error;
            }
        }
        return simdjson::SUCCESS;
    }

    Tree& tree_;
};

} // namespace

struct JsonOrderReader::Impl {
    od::parser parser;
    std::string padded; // the text and simdjson's padding; kept for its capacity
    Tree tree;
    JsonRead result;

    void syntaxError(std::string_view text, simdjson::error_code error) {
        result.ok = false;
        result.syntax = true;
        result.ordreId.reset();
        result.errors.clear();
        std::string besked;
        if (auto fault = checkJsonObject(text)) {
            besked = describeJsonFault(text, *fault);
        } else if (error == simdjson::UTF8_ERROR) {
            besked = "ikke gyldig JSON: teksten er ikke gyldig UTF-8";
        } else {
            // The checker found nothing, simdjson did: e.g. an escape for half a surrogate pair.
            besked = "ikke gyldig JSON: ugyldig tekst eller escape-sekvens";
        }
        result.errors.push_back(OrderError{std::string(kOrdreSyntaks), "", std::move(besked)});
    }

    // Parses `text` into the tree; an error when it is not exactly one well-formed object.
    simdjson::error_code parse(std::string_view text) {
        // simdjson reads up to SIMDJSON_PADDING bytes past the end of its input.
        padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
        std::memcpy(padded.data(), text.data(), text.size());
        std::memset(padded.data() + text.size(), ' ', simdjson::SIMDJSON_PADDING);
        od::document doc;
        if (auto error = parser.iterate(padded.data(), text.size(), padded.size()).get(doc)) {
            return error;
        }
        od::json_type type{};
        if (auto error = doc.type().get(type)) {
            return error;
        }
        if (type != od::json_type::object) {
            return simdjson::INCORRECT_TYPE;
        }
        od::value root;
        if (auto error = doc.get_value().get(root)) {
            return error;
        }
        tree.clear();
        tree.emplace_back();
        if (auto error = TreeBuilder(tree).value(root, 0, 0)) {
            return error;
        }
        // On Demand stops at the end of the root object and does not look at text after it;
        // a location there means there is some.
        const char* rest = nullptr;
        if (doc.current_location().get(rest) == simdjson::SUCCESS) {
            return simdjson::TRAILING_CONTENT;
        }
        return simdjson::SUCCESS;
    }
};

JsonOrderReader::JsonOrderReader() : impl_(std::make_unique<Impl>()) {}
JsonOrderReader::~JsonOrderReader() = default;

const JsonRead& JsonOrderReader::read(std::string_view text) {
    Impl& impl = *impl_;
    if (auto error = impl.parse(text)) {
        impl.syntaxError(text, error);
        return impl.result;
    }
    impl.result.syntax = false;
    json::readOrderTree(impl.tree, impl.result);
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
