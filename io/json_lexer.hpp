// The lexical level of the JSON order reader: strings, numbers and literals over a padded copy
// of the line, shared by the tree parser (json_tree_parser.hpp) and the direct reader
// (json_direct_reader.hpp), so that both accept exactly the same texts.
//
// Strings, some 45 a line, are most of the work. They are scanned 16 bytes at a time for the
// quote, a backslash or a control character (SSE2), and only a string holding a byte above
// ASCII (a Danish letter, mostly) is checked as UTF-8, once its end is known. A position is
// passed in and returned (nullptr: not what JSON allows), so that it stays in a register; kept
// as a member it was stored to memory at every step.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ydelse::io::json {

/// The lexer's memory, kept between lines so that reading allocates nothing in steady state.
struct ParseBuffers {
    /// The line copied and followed by zero bytes: the lexer reads ahead (16 bytes of a string
    /// at a time, a literal's letters, the byte after a number) without checking for the end,
    /// and a zero byte is nothing JSON allows where it is read, so the end needs no test.
    std::string padded;
    std::string strings; ///< the unescaped texts of strings with an escape
};

// Zero bytes after the copied text: more than the longest read-ahead (16 bytes of a string,
// "\uXXXX", a literal's five letters).
inline constexpr std::size_t kPadding = 32;

// 16 bytes at p, one bit each: `special` for the quote, the backslash and control characters
// (where a string's plain run ends), `high` for bytes above ASCII.
struct Scan {
    unsigned special;
    unsigned high;
};

inline Scan scan16(const char* p) {
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
inline int utf8Sequence(const char* p, const char* end) {
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
inline bool validUtf8(const char* p, const char* end) {
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

inline bool isDigit(char c) { return static_cast<unsigned>(c - '0') < 10; }

inline int hexValue(char c) {
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

/// Copies `text` into `buffers.padded`, zeros after it, and sizes `buffers.strings` for its
/// unescaped strings (unescaping never lengthens one) and a 16-byte run copied past the last.
/// Sized before reading, the buffers never move under the views into them.
inline std::string_view padded(std::string_view text, ParseBuffers& buffers) {
    if (buffers.padded.size() < text.size() + kPadding) {
        buffers.padded.resize(text.size() + kPadding);
        buffers.strings.resize(text.size() + kPadding);
    }
    char* const copy = buffers.padded.data();
    std::memcpy(copy, text.data(), text.size());
    std::memset(copy + text.size(), 0, kPadding);
    return std::string_view(copy, text.size());
}

class Lexer {
public:
    /// `strings` as sized by padded().
    explicit Lexer(char* strings) : out_(strings) {}

    // A zero byte (the padding, or one in the text) ends every loop here: JSON allows none
    // outside a string, and in a string it is a control character.
    static const char* skipSpace(const char* p) {
        // Mostly there is none (JSON Lines are written compact): one test for that.
        if (static_cast<unsigned char>(*p) > ' ') [[likely]] {
            return p;
        }
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') {
            ++p;
        }
        return p;
    }

    // One or more digits at p: the end of them, or nullptr.
    static const char* digits(const char* p) {
        const char* start = p;
        while (isDigit(*p)) {
            ++p;
        }
        return p != start ? p : nullptr;
    }

    // A number at p, RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; its end, or
    // nullptr.
    static const char* number(const char* p) {
        if (*p == '-') {
            ++p;
        }
        if (*p == '0') {
            ++p;
        } else if ((p = digits(p)) == nullptr) {
            return nullptr;
        }
        if (*p == '.' && (p = digits(p + 1)) == nullptr) {
            return nullptr;
        }
        if (*p == 'e' || *p == 'E') {
            ++p;
            if (*p == '+' || *p == '-') {
                ++p;
            }
            p = digits(p);
        }
        return p;
    }

    // `word` ("true", "false", "null") at p: its end, or nullptr.
    template <std::size_t N>
    static const char* literal(const char* p, const char (&word)[N]) {
        return std::memcmp(p, word, N - 1) == 0 ? p + N - 1 : nullptr;
    }

    // The end of a string's plain run at p: the next quote, backslash or control character
    // (the padding's zero at the latest). `high` collects whether the run held a byte above
    // ASCII. (special - 1 has the bits below the first stop, and beyond it only other stops,
    // none of which is above ASCII.)
    [[gnu::always_inline]] static const char* skipPlain(const char* p, unsigned& high) {
        while (true) {
            const Scan scan = scan16(p);
            if (scan.special != 0) {
                high |= scan.high & (scan.special - 1);
                return p + std::countr_zero(scan.special);
            }
            high |= scan.high;
            p += 16;
        }
    }

    // A string at p (its opening quote). Without an escape its text is a view of the input;
    // with one it is unescaped into the strings buffer.
    [[gnu::always_inline]] const char* string(const char* p, std::string_view& text) {
        const char* start = p + 1;
        unsigned high = 0;
        p = skipPlain(start, high);
        if (*p == '"') [[likely]] {
            if (high != 0 && !validUtf8(start, p)) {
                return nullptr;
            }
            text = std::string_view(start, static_cast<std::size_t>(p - start));
            return p + 1;
        }
        if (*p == '\\') {
            return escapedString(start, p, high, text);
        }
        return nullptr; // a control character, or the end of the text
    }

private:
    // The rest of a string from its first escape at p, unescaped into the buffer.
    [[gnu::noinline]] const char* escapedString(const char* start, const char* p,
                                                unsigned high, std::string_view& text) {
        char* const begin = out_;
        std::memcpy(out_, start, static_cast<std::size_t>(p - start));
        out_ += p - start;
        while (*p == '\\') {
            if ((p = escape(p)) == nullptr) {
                return nullptr;
            }
            // The plain run after the escape, copied 16 bytes at a time as it is scanned.
            while (true) {
                const Scan scan = scan16(p);
                std::memcpy(out_, p, 16);
                if (scan.special != 0) {
                    const int stop = std::countr_zero(scan.special);
                    high |= scan.high & (scan.special - 1);
                    p += stop;
                    out_ += stop;
                    break;
                }
                high |= scan.high;
                p += 16;
                out_ += 16;
            }
        }
        if (*p != '"' || (high != 0 && !validUtf8(start, p))) {
            return nullptr;
        }
        text = std::string_view(begin, static_cast<std::size_t>(out_ - begin));
        return p + 1;
    }

    // The escape at p (its backslash), unescaped as simdjson does.
    const char* escape(const char* p) {
        char replacement = 0;
        switch (p[1]) {
        case '"': replacement = '"'; break;
        case '\\': replacement = '\\'; break;
        case '/': replacement = '/'; break;
        case 'b': replacement = '\b'; break;
        case 'f': replacement = '\f'; break;
        case 'n': replacement = '\n'; break;
        case 'r': replacement = '\r'; break;
        case 't': replacement = '\t'; break;
        case 'u': return unicodeEscape(p + 1);
        default: return nullptr;
        }
        *out_++ = replacement;
        return p + 2;
    }

    // Four hex digits after the 'u' at p; negative when they are not.
    static std::int32_t hex4(const char* p) {
        std::int32_t value = 0;
        for (int i = 1; i <= 4; ++i) {
            const int digit = hexValue(p[i]);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    // \uXXXX at p (its 'u'), a surrogate pair as one code point; half a pair is refused, as
    // by simdjson.
    const char* unicodeEscape(const char* p) {
        std::int32_t cp = hex4(p);
        if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) {
            return nullptr;
        }
        p += 5;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (p[0] != '\\' || p[1] != 'u') {
                return nullptr;
            }
            const std::int32_t low = hex4(p + 1);
            if (low < 0xDC00 || low > 0xDFFF) {
                return nullptr;
            }
            p += 6;
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
        return p;
    }

    char* out_;
};

} // namespace ydelse::io::json
