// The single-pass JSON parser of the order reader; see json_tree_parser.hpp. A recursive descent
// over a padded copy of the text: nesting is bounded by kMaxJsonDepth, so the recursion is too.
//
// Strings, some 45 a line, are most of the work. They are scanned 16 bytes at a time for the
// quote, a backslash or a control character (SSE2), and only a string holding a byte above
// ASCII (a Danish letter, mostly) is checked as UTF-8, once its end is known.
#include "io/json_tree_parser.hpp"

#include "io/json_syntax.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ydelse::io::json {
namespace {

// Zero bytes after the copied text: more than the longest read-ahead (16 bytes of a string,
// "\uXXXX", a literal's five letters).
constexpr std::size_t kPadding = 32;

// 16 bytes at p, one bit each: `special` for the quote, the backslash and control characters
// (where a string's plain run ends), `high` for bytes above ASCII.
struct Scan {
    unsigned special;
    unsigned high;
};

Scan scan16(const char* p) {
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    const __m128i special = _mm_or_si128(_mm_or_si128(quote, backslash), control);
    return Scan{static_cast<unsigned>(_mm_movemask_epi8(special)),
                static_cast<unsigned>(_mm_movemask_epi8(v))};
#else
    Scan scan{0, 0};
    for (unsigned i = 0; i < 16; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        scan.special |= static_cast<unsigned>(c == '"' || c == '\\' || c < 0x20) << i;
        scan.high |= static_cast<unsigned>(c >= 0x80) << i;
    }
    return scan;
#endif
}

// The length of the UTF-8 sequence of two to four bytes at p (before end), as Unicode's table
// 3-7 allows them (no overlong form, no surrogate, nothing above U+10FFFF); 0 when there is none.
int utf8Sequence(const char* p, const char* end) {
    const auto lead = static_cast<unsigned char>(*p);
    const std::ptrdiff_t left = end - p;
    auto at = [&](int i) { return static_cast<unsigned char>(p[i]); };
    auto tail = [&](int i) { return (at(i) & 0xC0) == 0x80; };
    if (lead >= 0xC2 && lead <= 0xDF) {
        return left >= 2 && tail(1) ? 2 : 0;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
        const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
        return left >= 3 && at(1) >= low && at(1) <= high && tail(2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
        const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
        return left >= 4 && at(1) >= low && at(1) <= high && tail(2) && tail(3) ? 4 : 0;
    }
    return 0;
}

// Whether [p, end) is UTF-8. Called on a string's text as written: its escapes are ASCII, so
// this is the same as checking the text between them. ASCII is passed over 8 bytes at a time
// (the text is padded, so the bytes may run past `end`; only those before it are looked at).
bool validUtf8(const char* p, const char* end) {
    while (p < end) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, sizeof w);
        const std::uint64_t high = w & 0x8080'8080'8080'8080ULL;
        const std::ptrdiff_t ascii = high == 0 ? 8 : std::countr_zero(high) / 8;
        if (ascii >= end - p) {
            return true;
        }
        p += ascii;
        if (ascii == 8) {
            continue;
        }
        const int length = utf8Sequence(p, end);
        if (length == 0) {
            return false;
        }
        p += length;
    }
    return true;
}

bool isDigit(char c) { return static_cast<unsigned>(c - '0') < 10; }

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
    // `text` is followed by kPadding zero bytes; `strings` has room for every unescaped text
    // of the line and then 16 bytes (a run is copied 16 bytes at a time).
    Parser(std::string_view text, Tree& tree, char* strings)
        : p_(text.data()), end_(text.data() + text.size()), tree_(tree), out_(strings) {}

    bool document() {
        skipSpace();
        if (*p_ != '{') {
            return false;
        }
        nodes_ = tree_.nodes.data();
        capacity_ = static_cast<std::uint32_t>(tree_.nodes.size());
        size_ = 0;
        newNode();
        const bool ok = value(0, 0);
        tree_.size = size_;
        if (!ok) {
            return false;
        }
        skipSpace();
        return p_ == end_;
    }

private:
    // A zero byte (the padding, or one in the text) ends every loop here: JSON allows none
    // outside a string, and in a string it is a control character.
    void skipSpace() {
        // Mostly there is none (JSON Lines are written compact): one test for that.
        if (static_cast<unsigned char>(*p_) > ' ') {
            return;
        }
        while (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t') {
            ++p_;
        }
    }

    std::uint32_t newNode() {
        if (size_ == capacity_) [[unlikely]] {
            tree_.nodes.resize(capacity_ == 0 ? 64 : 2 * static_cast<std::size_t>(capacity_));
            nodes_ = tree_.nodes.data();
            capacity_ = static_cast<std::uint32_t>(tree_.nodes.size());
        }
        nodes_[size_] = Node{};
        return size_++;
    }

    // The value at the cursor into node `self`.
    [[gnu::always_inline]] bool value(std::uint32_t self, int depth) {
        if (depth > kMaxJsonDepth) {
            return false;
        }
        switch (*p_) {
        case '"':
            nodes_[self].kind = Kind::String;
            return string(nodes_[self].text);
        case '{':
            return object(self, depth);
        case '[':
            return array(self, depth);
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

    template <std::size_t N>
    bool literal(std::uint32_t self, Kind kind, const char (&word)[N]) {
        constexpr std::size_t length = N - 1;
        if (std::memcmp(p_, word, length) != 0) {
            return false;
        }
        p_ += length;
        nodes_[self].kind = kind;
        nodes_[self].text =
            kind == Kind::Null ? std::string_view() : std::string_view(word, length);
        return true;
    }

    bool digits() {
        const char* start = p_;
        while (isDigit(*p_)) {
            ++p_;
        }
        return p_ != start;
    }

    // RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, kept as written.
    bool number(std::uint32_t self) {
        const char* start = p_;
        if (*p_ == '-') {
            ++p_;
        }
        if (*p_ == '0') {
            ++p_;
        } else if (!digits()) {
            return false;
        }
        if (*p_ == '.') {
            ++p_;
            if (!digits()) {
                return false;
            }
        }
        if (*p_ == 'e' || *p_ == 'E') {
            ++p_;
            if (*p_ == '+' || *p_ == '-') {
                ++p_;
            }
            if (!digits()) {
                return false;
            }
        }
        nodes_[self].kind = Kind::Number;
        nodes_[self].text = std::string_view(start, static_cast<std::size_t>(p_ - start));
        return true;
    }

    // Moves the cursor over a string's plain run to the next quote, backslash or control
    // character (the padding's zero at the latest); `high` collects whether the run held a
    // byte above ASCII. (special - 1 has the bits below the first stop, and beyond it only
    // other stops, none of which is above ASCII.)
    void skipPlain(unsigned& high) {
        while (true) {
            const Scan scan = scan16(p_);
            if (scan.special != 0) {
                const int stop = std::countr_zero(scan.special);
                high |= scan.high & (scan.special - 1);
                p_ += stop;
                return;
            }
            high |= scan.high;
            p_ += 16;
        }
    }

    // A string at the cursor (its opening quote). Without an escape its text is a view of the
    // input; with one it is unescaped into the strings buffer.
    bool string(std::string_view& text) {
        const char* start = ++p_;
        unsigned high = 0;
        skipPlain(high);
        if (*p_ == '"') {
            if (high != 0 && !validUtf8(start, p_)) {
                return false;
            }
            text = std::string_view(start, static_cast<std::size_t>(p_ - start));
            ++p_;
            return true;
        }
        if (*p_ == '\\') {
            return escapedString(start, high, text);
        }
        return false; // a control character, or the end of the text
    }

    // The rest of a string from its first escape at the cursor, unescaped into the buffer.
    bool escapedString(const char* start, unsigned high, std::string_view& text) {
        char* const begin = out_;
        std::memcpy(out_, start, static_cast<std::size_t>(p_ - start));
        out_ += p_ - start;
        while (*p_ == '\\') {
            if (!escape()) {
                return false;
            }
            // The plain run after the escape, copied 16 bytes at a time as it is scanned.
            while (true) {
                const Scan scan = scan16(p_);
                std::memcpy(out_, p_, 16);
                if (scan.special != 0) {
                    const int stop = std::countr_zero(scan.special);
                    high |= scan.high & (scan.special - 1);
                    p_ += stop;
                    out_ += stop;
                    break;
                }
                high |= scan.high;
                p_ += 16;
                out_ += 16;
            }
        }
        if (*p_ != '"' || (high != 0 && !validUtf8(start, p_))) {
            return false;
        }
        ++p_;
        text = std::string_view(begin, static_cast<std::size_t>(out_ - begin));
        return true;
    }

    // The escape at the cursor (its backslash), unescaped as simdjson does.
    bool escape() {
        ++p_;
        char replacement = 0;
        switch (*p_) {
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
            if (p_[0] != '\\' || p_[1] != 'u') {
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

    [[gnu::noinline]] bool object(std::uint32_t self, int depth) {
        ++p_;
        nodes_[self].kind = Kind::Object;
        skipSpace();
        if (*p_ == '}') {
            ++p_;
            return true;
        }
        std::uint32_t last = 0;
        std::uint32_t count = 0;
        while (true) {
            if (*p_ != '"') {
                return false;
            }
            std::string_view key;
            if (!string(key)) {
                return false;
            }
            skipSpace();
            if (*p_ != ':') {
                return false;
            }
            ++p_;
            skipSpace();
            const std::uint32_t member = newNode();
            nodes_[member].key = key;
            (last == 0 ? nodes_[self].first : nodes_[last].next) = member;
            last = member;
            ++count;
            if (!value(member, depth + 1)) {
                return false;
            }
            skipSpace();
            const char c = *p_++;
            if (c == '}') {
                nodes_[self].count = count;
                return true;
            }
            if (c != ',') {
                return false;
            }
            skipSpace();
        }
    }

    [[gnu::noinline]] bool array(std::uint32_t self, int depth) {
        ++p_;
        nodes_[self].kind = Kind::Array;
        skipSpace();
        if (*p_ == ']') {
            ++p_;
            return true;
        }
        std::uint32_t last = 0;
        std::uint32_t count = 0;
        while (true) {
            const std::uint32_t item = newNode();
            (last == 0 ? nodes_[self].first : nodes_[last].next) = item;
            last = item;
            ++count;
            if (!value(item, depth + 1)) {
                return false;
            }
            skipSpace();
            const char c = *p_++;
            if (c == ']') {
                nodes_[self].count = count;
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
    Node* nodes_ = nullptr; ///< tree_.nodes.data(), reloaded when it grows
    std::uint32_t size_ = 0;
    std::uint32_t capacity_ = 0;
    char* out_;
};

} // namespace

bool parseJsonObject(std::string_view text, Tree& tree, ParseBuffers& buffers) {
    // Sized before parsing, the buffers never move under the views into them. Unescaping never
    // lengthens a string, so the texts of one line fit in its length.
    if (buffers.padded.size() < text.size() + kPadding) {
        buffers.padded.resize(text.size() + kPadding);
        buffers.strings.resize(text.size() + kPadding);
    }
    char* const padded = buffers.padded.data();
    std::memcpy(padded, text.data(), text.size());
    std::memset(padded + text.size(), 0, kPadding);
    return Parser(std::string_view(padded, text.size()), tree, buffers.strings.data())
        .document();
}

} // namespace ydelse::io::json
