// The single-pass JSON parser of the order reader; see json_tree_parser.hpp. A recursive descent
// over the padded copy of the line (json_lexer.hpp): nesting is bounded by kMaxJsonDepth, so
// the recursion is too.
#include "io/json_tree_parser.hpp"

#include "io/json_syntax.hpp"

namespace ydelse::io::json {
namespace {

class Parser : Lexer {
public:
    Parser(Tree& tree, char* strings) : Lexer(strings), tree_(tree) {}

    // `text` is followed by kPadding zero bytes.
    bool document(std::string_view text) {
        const char* p = skipSpace(text.data());
        if (*p != '{') {
            return false;
        }
        nodes_ = tree_.nodes.data();
        capacity_ = static_cast<std::uint32_t>(tree_.nodes.size());
        size_ = 0;
        newNode();
        p = object(p, 0, 0);
        tree_.size = size_;
        return p != nullptr && skipSpace(p) == text.data() + text.size();
    }

private:
    std::uint32_t newNode() {
        if (size_ == capacity_) [[unlikely]] {
            tree_.nodes.resize(capacity_ == 0 ? 64 : 2 * static_cast<std::size_t>(capacity_));
            nodes_ = tree_.nodes.data();
            capacity_ = static_cast<std::uint32_t>(tree_.nodes.size());
        }
        nodes_[size_] = Node{};
        return size_++;
    }

    // The value at p into node `self`.
    [[gnu::always_inline]] const char* value(const char* p, std::uint32_t self, int depth) {
        if (depth > kMaxJsonDepth) {
            return nullptr;
        }
        Node& node = nodes_[self];
        const char* start = p;
        switch (*p) {
        case '"':
            node.kind = Kind::String;
            return string(p, node.text);
        case '{':
            return object(p, self, depth);
        case '[':
            return array(p, self, depth);
        case 't':
            node.kind = Kind::True;
            p = literal(p, "true");
            break;
        case 'f':
            node.kind = Kind::False;
            p = literal(p, "false");
            break;
        case 'n':
            // A null's text stays empty.
            return literal(p, "null");
        default:
            node.kind = Kind::Number;
            p = number(p);
            break;
        }
        if (p != nullptr) {
            node.text = std::string_view(start, static_cast<std::size_t>(p - start));
        }
        return p;
    }

    [[gnu::noinline]] const char* object(const char* p, std::uint32_t self, int depth) {
        nodes_[self].kind = Kind::Object;
        p = skipSpace(p + 1);
        if (*p == '}') {
            return p + 1;
        }
        std::uint32_t last = 0;
        std::uint32_t count = 0;
        while (true) {
            std::string_view key;
            if (*p != '"' || (p = string(p, key)) == nullptr) {
                return nullptr;
            }
            p = skipSpace(p);
            if (*p != ':') {
                return nullptr;
            }
            p = skipSpace(p + 1);
            const std::uint32_t member = newNode();
            nodes_[member].key = key;
            (last == 0 ? nodes_[self].first : nodes_[last].next) = member;
            last = member;
            ++count;
            if ((p = value(p, member, depth + 1)) == nullptr) {
                return nullptr;
            }
            p = skipSpace(p);
            const char c = *p++;
            if (c == '}') {
                nodes_[self].count = count;
                return p;
            }
            if (c != ',') {
                return nullptr;
            }
            p = skipSpace(p);
        }
    }

    [[gnu::noinline]] const char* array(const char* p, std::uint32_t self, int depth) {
        nodes_[self].kind = Kind::Array;
        p = skipSpace(p + 1);
        if (*p == ']') {
            return p + 1;
        }
        std::uint32_t last = 0;
        std::uint32_t count = 0;
        while (true) {
            const std::uint32_t item = newNode();
            (last == 0 ? nodes_[self].first : nodes_[last].next) = item;
            last = item;
            ++count;
            if ((p = value(p, item, depth + 1)) == nullptr) {
                return nullptr;
            }
            p = skipSpace(p);
            const char c = *p++;
            if (c == ']') {
                nodes_[self].count = count;
                return p;
            }
            if (c != ',') {
                return nullptr;
            }
            p = skipSpace(p);
        }
    }

    Tree& tree_;
    Node* nodes_ = nullptr; ///< tree_.nodes.data(), reloaded when it grows
    std::uint32_t size_ = 0;
    std::uint32_t capacity_ = 0;
};

} // namespace

bool parseJsonTree(std::string_view line, Tree& tree, char* strings) {
    return Parser(tree, strings).document(line);
}

bool parseJsonObject(std::string_view text, Tree& tree, ParseBuffers& buffers) {
    const std::string_view line = padded(text, buffers); // sizes buffers.strings first
    return parseJsonTree(line, tree, buffers.strings.data());
}

} // namespace ydelse::io::json
