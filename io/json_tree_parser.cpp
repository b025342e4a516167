// The single-pass JSON parser of the order reader; see json_tree_parser.hpp. A recursive descent
// over the text: nesting is bounded by kMaxJsonDepth, so the recursion is too.
#include "io/json_tree_parser.hpp"

#include "io/json_syntax.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace ydelse::io::json {
namespace {

// Bytes a string may hold as they are: not the quote, not the backslash, no control character,
// and ASCII (anything else starts a UTF-8 sequence, checked where it is met).
constexpr std::array<bool, 256> kPlainStringByte = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) {
        plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    }
    return plain;
}();

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// A bit in each byte's high bit where the 8 bytes at p are not plain (kPlainStringByte); the
// lowest set bit is exactly the first such byte (the borrows of the subtractions run upwards
// only from a byte that is a hit).
std::uint64_t notPlainBytes(const char* p) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, sizeof w);
    const std::uint64_t quote = w ^ (kOnes * '"');
    const std::uint64_t backslash = w ^ (kOnes * '\\');
    return (((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
            ((backslash - kOnes) & ~backslash) | w) &
           kHighBits;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

class Parser {
public:
    Parser(std::string_view text, Tree& tree, char* strings)
        : p_(text.data()), end_(text.data() + text.size()), tree_(tree), out_(strings) {}

    bool document() {
        skipSpace();
        if (peek() != '{') {
            return false;
        }
        tree_.clear();
        tree_.emplace_back();
        if (!value(0, 0)) {
            return false;
        }
        skipSpace();
        return p_ == end_;
    }

private:
    // The byte at the cursor, or 0 at the end: no valid continuation is ever 0 (a NUL byte in the
    // text is a control character, refused in a string and outside one).
    char peek() const { return p_ < end_ ? *p_ : '\0'; }

    void skipSpace() {
        // Mostly there is none (JSON Lines are written compact): one test for that.
        if (p_ < end_ && static_cast<unsigned char>(*p_) > ' ') {
            return;
        }
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) {
            ++p_;
        }
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

    bool value(std::uint32_t self, int depth) {
        if (depth > kMaxJsonDepth) {
            return false;
        }
        switch (peek()) {
        case '{':
            return object(self, depth);
        case '[':
            return array(self, depth);
        case '"': {
            std::string_view text;
            if (!string(text)) {
                return false;
            }
            set(self, Kind::String, text);
            return true;
        }
        case 't':
            return literal(self, Kind::True, "true");
        case 'f':
            return literal(self, Kind::False, "false");
        case 'n':
            return literal(self, Kind::Null, "null");
        default:
            return number(self);
        }
    }

    void set(std::uint32_t self, Kind kind, std::string_view text) {
        tree_[self].kind = kind;
        tree_[self].text = text;
    }

    bool literal(std::uint32_t self, Kind kind, std::string_view word) {
        if (static_cast<std::size_t>(end_ - p_) < word.size() ||
            std::string_view(p_, word.size()) != word) {
            return false;
        }
        p_ += word.size();
        set(self, kind, kind == Kind::Null ? std::string_view() : word);
        return true;
    }

    bool digits() {
        const char* start = p_;
        while (p_ < end_ && isDigit(*p_)) {
            ++p_;
        }
        return p_ != start;
    }

    // RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, kept as written.
    bool number(std::uint32_t self) {
        const char* start = p_;
        if (peek() == '-') {
            ++p_;
        }
        if (peek() == '0') {
            ++p_;
        } else if (!digits()) {
            return false;
        }
        if (peek() == '.') {
            ++p_;
            if (!digits()) {
                return false;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            ++p_;
            if (peek() == '+' || peek() == '-') {
                ++p_;
            }
            if (!digits()) {
                return false;
            }
        }
        set(self, Kind::Number, std::string_view(start, static_cast<std::size_t>(p_ - start)));
        return true;
    }

    // Moves the cursor to the next byte of a string that is not plain (kPlainStringByte).
    void skipPlain() {
        if constexpr (std::endian::native == std::endian::little) {
            while (end_ - p_ >= 8) {
                if (const std::uint64_t hits = notPlainBytes(p_)) {
                    p_ += std::countr_zero(hits) / 8;
                    return;
                }
                p_ += 8;
            }
        }
        while (p_ < end_ && kPlainStringByte[static_cast<unsigned char>(*p_)]) {
            ++p_;
        }
    }

    // A string at the cursor (its opening quote). Without an escape its text is a view of the
    // input; with one it is unescaped into the strings buffer.
    bool string(std::string_view& text) {
        const char* start = ++p_;
        while (true) {
            skipPlain();
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                text = std::string_view(start, static_cast<std::size_t>(p_ - start));
                ++p_;
                return true;
            }
            if (c == '\\') {
                return escapedString(start, text);
            }
            if (c < 0x80 || !utf8Sequence()) {
                return false; // a control character, the end of the text, or not UTF-8
            }
        }
    }

    // The rest of a string from its first escape at the cursor, unescaped into the buffer.
    bool escapedString(const char* start, std::string_view& text) {
        char* const begin = out_;
        std::memcpy(out_, start, static_cast<std::size_t>(p_ - start));
        out_ += p_ - start;
        while (p_ < end_) {
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                text = std::string_view(begin, static_cast<std::size_t>(out_ - begin));
                return true;
            }
            if (c == '\\') {
                if (!escape()) {
                    return false;
                }
            } else if (c < 0x20) {
                return false;
            } else {
                const char* from = p_;
                if (c >= 0x80 && !utf8Sequence()) {
                    return false;
                }
                p_ = c >= 0x80 ? p_ : p_ + 1;
                std::memcpy(out_, from, static_cast<std::size_t>(p_ - from));
                out_ += p_ - from;
            }
        }
        return false;
    }

    // A UTF-8 sequence of two to four bytes at the cursor, as Unicode's table 3-7 allows them
    // (no overlong form, no surrogate, nothing above U+10FFFF); the cursor moves past it.
    bool utf8Sequence() {
        const auto lead = static_cast<unsigned char>(*p_);
        const std::ptrdiff_t left = end_ - p_;
        auto at = [&](int i) { return static_cast<unsigned char>(p_[i]); };
        auto tail = [&](int i) { return (at(i) & 0xC0) == 0x80; };
        int length = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = left >= 2 && tail(1) ? 2 : 0;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
            const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
            length = left >= 3 && at(1) >= low && at(1) <= high && tail(2) ? 3 : 0;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
            const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
            length = left >= 4 && at(1) >= low && at(1) <= high && tail(2) && tail(3) ? 4 : 0;
        }
        p_ += length;
        return length != 0;
    }

    // The escape at the cursor (its backslash), unescaped as simdjson does.
    bool escape() {
        ++p_;
        char replacement = 0;
        switch (peek()) {
        case '"': replacement = '"'; break;
        case '\\': replacement = '\\'; break;
        case '/': replacement = '/'; break;
        case 'b': replacement = '\b'; break;
        case 'f': replacement = '\f'; break;
        case 'n': replacement = '\n'; break;
        case 'r': replacement = '\r'; break;
        case 't': replacement = '\t'; break;
        case 'u': return unicodeEscape();
        default: return false;
        }
        *out_++ = replacement;
        ++p_;
        return true;
    }

    // Four hex digits after "\u" at the cursor's 'u'; nothing (negative) when they are not.
    std::int32_t hex4() {
        if (end_ - p_ < 5) {
            return -1;
        }
        std::int32_t value = 0;
        for (int i = 1; i <= 4; ++i) {
            const int digit = hexValue(p_[i]);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        p_ += 5;
        return value;
    }

    // \uXXXX, a surrogate pair as one code point; half a pair is refused, as by simdjson.
    bool unicodeEscape() {
        std::int32_t cp = hex4();
        if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) {
            return false;
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') {
                return false;
            }
            ++p_;
            const std::int32_t low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) {
                return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        auto put = [&](std::int32_t byte) { *out_++ = static_cast<char>(byte); };
        if (cp < 0x80) {
            put(cp);
        } else if (cp < 0x800) {
            put(0xC0 | (cp >> 6));
            put(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            put(0xE0 | (cp >> 12));
            put(0x80 | ((cp >> 6) & 0x3F));
            put(0x80 | (cp & 0x3F));
        } else {
            put(0xF0 | (cp >> 18));
            put(0x80 | ((cp >> 12) & 0x3F));
            put(0x80 | ((cp >> 6) & 0x3F));
            put(0x80 | (cp & 0x3F));
        }
        return true;
    }

    bool object(std::uint32_t self, int depth) {
        ++p_;
        tree_[self].kind = Kind::Object;
        skipSpace();
        if (peek() == '}') {
            ++p_;
            return true;
        }
        std::uint32_t last = 0;
        while (true) {
            if (peek() != '"') {
                return false;
            }
            std::string_view key;
            if (!string(key)) {
                return false;
            }
            skipSpace();
            if (peek() != ':') {
                return false;
            }
            ++p_;
            skipSpace();
            last = append(self, last);
            tree_[last].key = key;
            if (!value(last, depth + 1)) {
                return false;
            }
            skipSpace();
            const char c = peek();
            ++p_;
            if (c == '}') {
                return true;
            }
            if (c != ',') {
                return false;
            }
            skipSpace();
        }
    }

    bool array(std::uint32_t self, int depth) {
        ++p_;
        tree_[self].kind = Kind::Array;
        skipSpace();
        if (peek() == ']') {
            ++p_;
            return true;
        }
        std::uint32_t last = 0;
        while (true) {
            last = append(self, last);
            if (!value(last, depth + 1)) {
                return false;
            }
            skipSpace();
            const char c = peek();
            ++p_;
            if (c == ']') {
                return true;
            }
            if (c != ',') {
                return false;
            }
            skipSpace();
        }
    }

    const char* p_;
    const char* end_;
    Tree& tree_;
    char* out_;
};

} // namespace

bool parseJsonObject(std::string_view text, Tree& tree, std::string& strings) {
    // Unescaping never lengthens a string, so the texts of one line fit in its length; sized
    // before parsing, the buffer never moves under the views into it.
    if (strings.size() < text.size()) {
        strings.resize(text.size());
    }
    return Parser(text, tree, strings.data()).document();
}

} // namespace ydelse::io::json
