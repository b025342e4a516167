// The JSON writer's primitives; see json_format.hpp.
#include "runtime/output/json_format.hpp"

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ydelse::json {
namespace {

// Length of the well-formed UTF-8 sequence starting at s[i] (of n bytes), or 0 if it is not one.
std::size_t utf8SequenceLength(const char* s, std::size_t n, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t length = lead < 0x80            ? 1
                               : (lead >> 5) == 0x6   ? 2
                               : (lead >> 4) == 0xE   ? 3
                               : (lead >> 3) == 0x1E  ? 4
                                                      : 0;
    if (length == 0 || i + length > n || (length == 2 && lead < 0xC2)) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
            return 0;
        }
    }
    return length;
}

// The bytes of `w` that need attention in writeQuoted (anything but printable ASCII other than
// '"' and '\\'), as their high bits. Bit tricks on one 64-bit word ("has a byte less than n",
// "has a zero byte"): a borrow can mark a byte above a marked one falsely, never one below, so
// zero means none and the lowest mark is exact.
inline std::uint64_t specialBytes(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t high = 0x8080808080808080ULL;
    auto zeroBytes = [](std::uint64_t v) { return (v - ones) & ~v & high; };
    return (w & high) | ((w - ones * 0x20) & ~w & high) | zeroBytes(w ^ (ones * '"')) |
           zeroBytes(w ^ (ones * '\\')) | zeroBytes(w ^ (ones * 0x7f));
}

#if defined(__SSE2__)
// specialBytes for 16 bytes, one bit per byte.
inline unsigned specialBytes16(__m128i v) {
    // As signed bytes, everything from 0x80 up is negative: one comparison finds both the
    // controls and the non-ASCII bytes.
    const __m128i lowOrHigh = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
    const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    const __m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f));
    const __m128i marked =
        _mm_or_si128(_mm_or_si128(lowOrHigh, quote), _mm_or_si128(backslash, del));
    return static_cast<unsigned>(_mm_movemask_epi8(marked));
}
#endif

// The index (0 to 15) of the first byte of the 16 at `p` that needs attention, or 16 if none
// does. SSE2 (every x86-64) compares all 16 at once; elsewhere, two words.
inline unsigned firstSpecial16(const char* p) {
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const unsigned mask = specialBytes16(v);
    return mask == 0 ? 16 : static_cast<unsigned>(__builtin_ctz(mask));
#else
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    std::uint64_t special = specialBytes(w);
    if (special != 0) {
        return static_cast<unsigned>(__builtin_ctzll(special) / 8);
    }
    std::memcpy(&w, p + 8, 8);
    special = specialBytes(w);
    return special == 0 ? 16 : 8 + static_cast<unsigned>(__builtin_ctzll(special) / 8);
#endif
}

// True when no byte of the words `a` and `b` needs attention.
inline bool plainWords(std::uint64_t a, std::uint64_t b) {
#if defined(__SSE2__)
    const __m128i v = _mm_set_epi64x(static_cast<long long>(b), static_cast<long long>(a));
    return specialBytes16(v) == 0;
#else
    return (specialBytes(a) | specialBytes(b)) == 0;
#endif
}

inline std::uint64_t load8(const char* p) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    return w;
}

// The `k` (1 to 7) bytes at `p` as a word whose other bytes are a plain letter, read without a
// call to memcpy of a variable length: two overlapping loads of four bytes, or single bytes.
inline std::uint64_t loadTail(const char* p, std::size_t k) {
    std::uint64_t w = 0;
    if (k >= 4) {
        std::uint32_t low = 0;
        std::uint32_t high = 0;
        std::memcpy(&low, p, 4);
        std::memcpy(&high, p + k - 4, 4);
        w = low | (static_cast<std::uint64_t>(high) << (8 * (k - 4)));
    } else {
        w = static_cast<unsigned char>(p[0]);
        if (k > 1) {
            w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[1])) << 8;
        }
        if (k > 2) {
            w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[2])) << 16;
        }
    }
    const std::uint64_t padding = ~0ULL << (8 * k);
    return (w & ~padding) | (0x6161616161616161ULL & padding);
}

// The escaping of one byte that is not printable ASCII, or '"' or '\\'; i is advanced past
// what was consumed.
char* writeSpecial(char* p, const char* s, std::size_t n, std::size_t& i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte >= 0x80) {
        // Invalid UTF-8 (e.g. an ordre_id in Latin-1) would make the JSON unreadable; it
        // becomes U+FFFD, the replacement character.
        const std::size_t length = utf8SequenceLength(s, n, i);
        if (length == 0) {
            ++i;
            return writeLiteral(p, "\xEF\xBF\xBD");
        }
        std::memcpy(p, s + i, length);
        i += length;
        return p + length;
    }
    ++i;
    switch (byte) {
    case '"':
        return writeLiteral(p, "\\\"");
    case '\\':
        return writeLiteral(p, "\\\\");
    case '\n':
        return writeLiteral(p, "\\n");
    case '\r':
        return writeLiteral(p, "\\r");
    case '\t':
        return writeLiteral(p, "\\t");
    default:
        // Other controls, and DEL: legal in JSON but not printable in YAML; escaping suits both.
        static constexpr char hex[] = "0123456789abcdef";
        p = writeLiteral(p, "\\u00");
        *p++ = hex[byte >> 4];
        *p++ = hex[byte & 0xF];
        return p;
    }
}

// writeQuoted from s[i] on, once something needs attention: the plain bytes before each such
// byte are copied in one piece, sixteen or eight at a time; the closing quote included.
[[gnu::noinline]] char* writeQuotedRest(char* p, const char* s, std::size_t n, std::size_t i) {
    while (i < n) {
        std::size_t plain = 0;
        std::size_t available = 0;
        if (n - i >= 16) {
            available = 16;
            plain = firstSpecial16(s + i);
            std::memcpy(p, s + i, 16);
        } else {
            available = n - i < 8 ? n - i : 8;
            const std::uint64_t w = available == 8 ? load8(s + i) : loadTail(s + i, available);
            const std::uint64_t special = specialBytes(w);
            plain = special == 0 ? available
                                 : static_cast<std::size_t>(__builtin_ctzll(special) / 8);
            std::memcpy(p, &w, 8);
        }
        p += plain;
        i += plain;
        if (plain == available) {
            continue;
        }
        // Two-byte UTF-8 (æ, ø, å, §) is the common case by far.
        const auto lead = static_cast<unsigned char>(s[i]);
        if (lead >= 0xC2 && lead < 0xE0 && i + 1 < n &&
            (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
            p[0] = s[i];
            p[1] = s[i + 1];
            p += 2;
            i += 2;
            continue;
        }
        p = writeSpecial(p, s, n, i);
    }
    *p++ = '"';
    return p;
}

// "00" to "99".
constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// The decimal digits of `value` written backwards, ending at `end`; returns the first.
inline char* digitsBackwards(char* end, std::uint64_t value) {
    while (value >= 100) {
        end -= 2;
        std::memcpy(end, kDigitPairs + 2 * (value % 100), 2);
        value /= 100;
    }
    if (value >= 10) {
        end -= 2;
        std::memcpy(end, kDigitPairs + 2 * value, 2);
    } else {
        *--end = static_cast<char>('0' + value);
    }
    return end;
}

// What writeDecimal handles: a mantissa of at most 12 digits, at most 18 decimals in it and at
// most 6 asked for. The digits then stay below 10^18, inside 64 bits, and the text (sign, at
// most 18 digits or "0." and 18 decimals) fits kDecimalBound.
constexpr long long kMantissaLimit = 1'000'000'000'000LL;
constexpr int kMaxScale = 18;
constexpr int kMaxMinDecimals = 6;

} // namespace

char* writeQuoted(char* p, std::string_view text) {
    const char* const s = text.data();
    const std::size_t n = text.size();
    *p++ = '"';
    // Sixteen bytes at a time while all are plain; then the last up to 15 bytes as the text's
    // last 16, or two overlapping words, or one padded word. Copying a whole block or word when
    // fewer of its bytes are kept stays inside quotedBound. Anything that needs attention (rare,
    // and in catalog texts mostly a two-byte letter) goes to the general loop.
    std::size_t i = 0;
    while (n - i >= 16) {
        if (firstSpecial16(s + i) != 16) {
            return writeQuotedRest(p, s, n, i);
        }
        std::memcpy(p, s + i, 16);
        p += 16;
        i += 16;
    }
    const std::size_t rest = n - i;
    if (n >= 16) {
        // The text's last 16 bytes: those before s[i] are plain and already written as they
        // are, so writing them again changes nothing.
        if (firstSpecial16(s + n - 16) != 16) {
            return writeQuotedRest(p, s, n, i);
        }
        std::memcpy(p + rest - 16, s + n - 16, 16);
    } else if (rest >= 8) {
        const std::uint64_t head = load8(s + i);
        const std::uint64_t tail = load8(s + n - 8);
        if (!plainWords(head, tail)) {
            return writeQuotedRest(p, s, n, i);
        }
        std::memcpy(p, &head, 8);
        std::memcpy(p + rest - 8, &tail, 8);
    } else if (rest > 0) {
        const std::uint64_t w = loadTail(s + i, rest);
        if (!plainWords(w, w)) {
            return writeQuotedRest(p, s, n, i);
        }
        std::memcpy(p, &w, 8);
    }
    p += rest;
    *p++ = '"';
    return p;
}

char* writeDecimal(char* p, const Decimal& value, int minDecimals) {
    if (value.isZero() && minDecimals >= 0 && minDecimals <= kMaxMinDecimals) {
        // A good third of a result's amounts: "0.00".
        std::memcpy(p, "0.000000", 8);
        return p + (minDecimals == 0 ? 1 : 2 + minDecimals);
    }
    const auto& mantissa = value.mantissa();
    int scale = value.scale();
    if (mantissa >= kMantissaLimit || mantissa <= -kMantissaLimit || scale > kMaxScale ||
        scale < 0 || minDecimals < 0 || minDecimals > kMaxMinDecimals) {
        return nullptr;
    }
    const auto m = static_cast<long long>(mantissa);
    const bool negative = m < 0;
    std::uint64_t digits = static_cast<std::uint64_t>(negative ? -m : m);
    // No trailing zeros beyond minDecimals, and at least minDecimals decimals.
    while (scale > minDecimals && digits % 10 == 0) {
        digits /= 10;
        --scale;
    }
    for (; scale < minDecimals; ++scale) {
        digits *= 10;
    }
    // Backwards into a scratch buffer: the decimals (with their leading zeros), the point, the
    // whole part (at least "0"), the sign. Then one copy of fixed size, which inlines.
    char buffer[2 * kDecimalBound];
    char* const end = buffer + kDecimalBound;
    char* start = end;
    for (int k = scale; k >= 2; k -= 2) {
        start -= 2;
        std::memcpy(start, kDigitPairs + 2 * (digits % 100), 2);
        digits /= 100;
    }
    if (scale % 2 == 1) {
        *--start = static_cast<char>('0' + digits % 10);
        digits /= 10;
    }
    if (scale > 0) {
        *--start = '.';
    }
    start = digitsBackwards(start, digits);
    if (negative) {
        *--start = '-';
    }
    std::memcpy(p, start, kDecimalBound);
    return p + (end - start);
}

char* writeDate(char* p, const Date& date) {
    const Date::Civil c = date.civil();
    if (c.year < 0 || c.year > 9999) {
        return nullptr;
    }
    std::memcpy(p, kDigitPairs + 2 * (c.year / 100), 2);
    std::memcpy(p + 2, kDigitPairs + 2 * (c.year % 100), 2);
    p[4] = '-';
    std::memcpy(p + 5, kDigitPairs + 2 * c.month, 2);
    p[7] = '-';
    std::memcpy(p + 8, kDigitPairs + 2 * c.day, 2);
    return p + 10;
}

char* writeInt(char* p, int value) {
    const bool negative = value < 0;
    // Through 64 bits, so that the most negative int has a magnitude.
    const auto magnitude = static_cast<std::uint64_t>(negative ? -static_cast<long long>(value)
                                                               : static_cast<long long>(value));
    char buffer[24];
    char* const end = buffer + sizeof buffer;
    const char* start = digitsBackwards(end, magnitude);
    if (negative) {
        *p++ = '-';
    }
    std::memcpy(p, start, static_cast<std::size_t>(end - start));
    return p + (end - start);
}

} // namespace ydelse::json
