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

inline std::uint32_t load4(const char* p) {
    std::uint32_t w = 0;
    std::memcpy(&w, p, 4);
    return w;
}

// Sixteen bytes of text looked at together, and per byte (bit k for byte k) which need
// attention (as specialBytes16), which are UTF-8 continuations (0x80-0xBF) and which lead a
// two-byte sequence (0xC2-0xDF). SSE2 on every x86-64; elsewhere the same masks from two words.
#if defined(__SSE2__)
using Block = __m128i;
inline Block loadBlock(const char* p) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}
inline Block blockOf(std::uint64_t low, std::uint64_t high) {
    return _mm_set_epi64x(static_cast<long long>(high), static_cast<long long>(low));
}
inline void storeBlock(char* p, Block v) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v); }
inline unsigned attentionMask(Block v) { return specialBytes16(v); }
inline unsigned highMask(Block v) { return static_cast<unsigned>(_mm_movemask_epi8(v)); }
inline unsigned continuationMask(Block v) {
    // As signed bytes, 0x80-0xBF are exactly those below 0xC0.
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)))));
}
inline unsigned twoByteLeadMask(Block v) {
    const __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC1))),
                                       _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xE0))));
    return static_cast<unsigned>(_mm_movemask_epi8(lead));
}
#else
struct Block {
    std::uint64_t low;
    std::uint64_t high;
};
inline Block loadBlock(const char* p) { return Block{load8(p), load8(p + 8)}; }
inline Block blockOf(std::uint64_t low, std::uint64_t high) { return Block{low, high}; }
inline void storeBlock(char* p, Block v) {
    std::memcpy(p, &v.low, 8);
    std::memcpy(p + 8, &v.high, 8);
}
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
// The high bits of a word's bytes as eight bits, byte k as bit k.
inline unsigned byteBits(std::uint64_t marks) {
    return static_cast<unsigned>((((marks & kHigh) >> 7) * 0x0102040810204080ULL) >> 56);
}
// Exact per byte, unlike specialBytes: every mark counts here, not only the lowest.
inline std::uint64_t equalBytes(std::uint64_t w, char c) {
    const std::uint64_t y = w ^ (kOnes * static_cast<unsigned char>(c));
    return ~(((y & kLow7) + kLow7) | y) & kHigh;
}
inline std::uint64_t attentionBytes(std::uint64_t w) {
    const std::uint64_t control = ~((w & kLow7) + kOnes * 0x60) & ~w & kHigh;
    return (w & kHigh) | control | equalBytes(w, '"') | equalBytes(w, '\\') |
           equalBytes(w, '\x7f');
}
inline std::uint64_t continuationBytes(std::uint64_t w) { return w & ~(w << 1) & kHigh; }
inline std::uint64_t twoByteLeadBytes(std::uint64_t w) {
    // 110xxxxx, and not 0xC0 or 0xC1 (some of the bits 0x1E set).
    return w & (w << 1) & ~(w << 2) & ((w & (kOnes * 0x1E)) + kLow7) & kHigh;
}
inline unsigned attentionMask(Block v) {
    return byteBits(attentionBytes(v.low)) | byteBits(attentionBytes(v.high)) << 8;
}
inline unsigned highMask(Block v) { return byteBits(v.low) | byteBits(v.high) << 8; }
inline unsigned continuationMask(Block v) {
    return byteBits(continuationBytes(v.low)) | byteBits(continuationBytes(v.high)) << 8;
}
inline unsigned twoByteLeadMask(Block v) {
    return byteBits(twoByteLeadBytes(v.low)) | byteBits(twoByteLeadBytes(v.high)) << 8;
}
#endif

// The `n` (0 to 15) bytes at `s` as a block, read without touching a byte past them: two
// overlapping loads of eight or four bytes, or single bytes. The bytes past `n` are zero.
inline Block shortBlock(const char* s, std::size_t n) {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    if (n >= 8) {
        low = load8(s);
        high = n > 8 ? load8(s + n - 8) >> (8 * (16 - n)) : 0;
    } else if (n >= 4) {
        low = load4(s) | static_cast<std::uint64_t>(load4(s + n - 4)) << (8 * (n - 4));
    } else if (n > 0) {
        low = static_cast<unsigned char>(s[0]);
        if (n > 1) {
            low |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[1])) << 8;
        }
        if (n > 2) {
            low |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[2])) << 16;
        }
    }
    return blockOf(low, high);
}

// Whether the bytes of `v` in `live` (a run of bits) can be written as they are: printable
// ASCII other than '"' and '\\', and whole two-byte UTF-8 sequences (æ, ø, å, §: nearly all of
// a catalog's non-ASCII text). `attention` is attentionMask(v).
inline bool keptAsIs(Block v, unsigned attention, unsigned live) {
    attention &= live;
    if (attention == 0) {
        return true;
    }
    const unsigned high = highMask(v) & live;
    if (attention != high) {
        return false;
    }
    const unsigned continuation = continuationMask(v) & live;
    const unsigned lead = twoByteLeadMask(v) & live;
    return (continuation | lead) == high && continuation == (lead << 1);
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
    // Sixteen bytes at a time, each block copied whole before it is looked at; then the last up
    // to 15 bytes as the text's last 16 (a short text as one block put together from a few
    // loads). Copying a whole block when fewer of its bytes are kept stays inside quotedBound.
    // A block is kept as it is when it is plain or its non-ASCII bytes are whole two-byte
    // sequences; anything else goes to the general loop from the block's start.
    std::size_t i = 0;
    while (n - i >= 16) {
        const Block v = loadBlock(s + i);
        storeBlock(p, v);
        const unsigned attention = attentionMask(v);
        if (attention == 0) {
            p += 16;
            i += 16;
            continue;
        }
        // A lead byte last in the block is taken with its continuation in the next block.
        const unsigned step = (twoByteLeadMask(v) & 0x8000U) != 0 ? 15 : 16;
        if (!keptAsIs(v, attention, (1U << step) - 1)) {
            return writeQuotedRest(p, s, n, i);
        }
        p += step;
        i += step;
    }
    const std::size_t rest = n - i;
    if (n >= 16) {
        if (rest > 0) {
            // The text's last 16 bytes: those before s[i] were kept as they are and end a
            // sequence, so writing them again changes nothing and only the rest is checked.
            const Block v = loadBlock(s + n - 16);
            const unsigned live = 0xFFFFU & ~((1U << (16 - rest)) - 1);
            if (!keptAsIs(v, attentionMask(v), live)) {
                return writeQuotedRest(p, s, n, i);
            }
            storeBlock(p + rest - 16, v);
            p += rest;
        }
    } else {
        const Block v = shortBlock(s, n);
        if (!keptAsIs(v, attentionMask(v), (1U << n) - 1)) {
            return writeQuotedRest(p, s, n, 0);
        }
        storeBlock(p, v);
        p += n;
    }
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
