// The JSON writer's primitives; see json_format.hpp.
#include "runtime/output/json_format.hpp"

#include <cstdint>

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

// "00" to "99".
constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// The decimal digits of `value` written backwards, ending at `end`; returns the first.
char* digitsBackwards(char* end, std::uint64_t value) {
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
    // Eight bytes at a time: the plain ones before the first that needs attention are copied
    // in one piece. The last few bytes are a word padded with a plain letter. Copying a whole
    // word when fewer bytes are plain stays inside quotedBound: what follows overwrites it.
    std::size_t i = 0;
    while (i < n) {
        std::uint64_t w = 0x6161616161616161ULL;
        const std::size_t available = n - i < 8 ? n - i : 8;
        std::memcpy(&w, s + i, available);
        const std::uint64_t special = specialBytes(w);
        std::memcpy(p, &w, 8);
        if (special == 0) {
            p += available;
            i += available;
            continue;
        }
        const auto plain = static_cast<std::size_t>(__builtin_ctzll(special) / 8);
        p += plain;
        i += plain;
        p = writeSpecial(p, s, n, i);
    }
    *p++ = '"';
    return p;
}

char* writeDecimal(char* p, const Decimal& value, int minDecimals) {
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
    char buffer[32];
    char* const end = buffer + sizeof buffer;
    char* start = digitsBackwards(end, digits);
    while (end - start <= scale) {
        *--start = '0'; // at least one digit before the point: "0.05"
    }
    if (negative) {
        *p++ = '-';
    }
    const auto whole = static_cast<std::size_t>(end - start - scale);
    std::memcpy(p, start, whole);
    p += whole;
    if (scale == 0) {
        return p;
    }
    *p++ = '.';
    std::memcpy(p, end - scale, static_cast<std::size_t>(scale));
    return p + scale;
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
