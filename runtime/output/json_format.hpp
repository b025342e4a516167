// The JSON writer's primitives: each writes at a raw pointer into room its caller has made sure
// of, and returns the new end. Appending piece by piece to a std::string (a capacity check, a
// size update and a terminator per piece) was most of the writer's time. Each handles every
// value it can be given, so a caller can make room once for a whole record.
#pragma once

#include "runtime/output/json_block.hpp"
#include "runtime/support/date.hpp"
#include "runtime/support/decimal.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ydelse::json {

/// The room writeQuoted needs for `length` bytes of text: each byte becomes at most "\u00XX",
/// and it may copy a whole block (16 bytes) past what it keeps.
constexpr std::size_t quotedBound(std::size_t length) { return 6 * length + 2 + 16; }

/// writeQuoted for any text: the part that is not inline.
char* writeQuotedAny(char* p, std::string_view text);

/// `text` as a double-quoted string, exactly as appendQuoted writes it. A text of up to 32
/// bytes with nothing to escape, most of a result's texts, is copied where it is called: as
/// its first and last 8 or 16 bytes (overlapping, the same bytes twice), or for fewer than 8
/// as one word. Every byte looked at is the text's, so no mask is needed for the rest.
inline char* writeQuoted(char* p, std::string_view text) {
    const char* const s = text.data();
    const std::size_t n = text.size();
    if (n < 16) {
        std::uint64_t head = 0;   // written at the start
        std::uint64_t tail = 0;   // written to end at the text's end
        std::size_t tailAt = 0;
        std::uint64_t looked = 0; // looked at, with tail from 8 bytes on, else twice
        if (n >= 8) {
            head = block::load8(s);
            tail = block::load8(s + n - 8);
            tailAt = n - 8;
            looked = head;
        } else {
            if (n >= 4) {
                const std::uint64_t low = block::load4(s);
                const std::uint64_t high = block::load4(s + n - 4);
                head = low | high << (8 * (n - 4));
                looked = low | high << 32;
            } else {
                // The first, middle and last byte, in order (for two or one some twice), and
                // again to fill the word; an empty text as spaces.
                const std::uint64_t three =
                    n == 0 ? 0x202020
                           : static_cast<unsigned char>(s[0]) |
                                 static_cast<std::uint64_t>(static_cast<unsigned char>(s[n / 2]))
                                     << 8 |
                                 static_cast<std::uint64_t>(static_cast<unsigned char>(s[n - 1]))
                                     << 16;
                head = three | three << 24 | three << 48;
                looked = head;
            }
            tail = head;
        }
        if (block::attentionMask(block::fromWords(looked, n >= 8 ? tail : looked)) == 0) {
            *p = '"';
            std::memcpy(p + 1, &head, 8);
            std::memcpy(p + 1 + tailAt, &tail, 8);
            p[n + 1] = '"';
            return p + n + 2;
        }
    } else if (n <= 32) {
        const block::Block first = block::load(text.data());
        const block::Block last = block::load(text.data() + n - 16);
        if ((block::attentionMask(first) | block::attentionMask(last)) == 0) {
            *p = '"';
            block::store(p + 1, first);
            block::store(p + n - 15, last);
            p[n + 1] = '"';
            return p + n + 2;
        }
    }
    return writeQuotedAny(p, text);
}

/// `text` as it is, for a text that needs no escaping (a plain number); needs
/// quotedBound(text.size()) of room, like a quoted text.
inline char* writePlain(char* p, std::string_view text) {
    if (text.size() < 16) {
        block::store(p, block::loadShort(text.data(), text.size()));
    } else {
        std::memcpy(p, text.data(), text.size());
    }
    return p + text.size();
}

/// The room writeDecimal and writeMoney need: the longest text (a sign, 39 digits and a point)
/// is shorter, and the common case copies a block of 32 bytes.
constexpr std::size_t kDecimalBound = 48;

/// value.toString(minDecimals) ("12326.00", "-0.05", "1.125", "30"), for minDecimals 0 to 6
/// (a value outside is taken as the nearest). A mantissa beyond 64 bits takes a slower path.
char* writeDecimal(char* p, const Decimal& value, int minDecimals);

/// writeMoney for any amount: the part that is not inline.
char* writeMoneyAny(char* p, const Decimal& value);

namespace detail {
/// "00" to "99".
inline constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";
} // namespace detail

/// writeDecimal(p, value, 2), an amount. The usual one, below a million kroner and held in øre
/// or whole kroner (scale 2 or 0; a zero, a third of all amounts, mostly the latter), is
/// written where it is called: backwards into a scratch block two digits at a time, then one
/// copy of fixed size.
inline char* writeMoney(char* p, const Decimal& value) {
    static constexpr std::int64_t kToOre[] = {100, 10, 1};
    const Int128 mantissa = value.mantissa();
    if (mantissa == 0) {
        std::memcpy(p, "0.00", 4);
        return p + 4;
    }
    const auto m = static_cast<std::int32_t>(mantissa);
    const auto scale = static_cast<unsigned>(value.scale());
    if (Int128(m) != mantissa || scale > 2) {
        return writeMoneyAny(p, value);
    }
    const std::int64_t ore = m * kToOre[scale];
    constexpr std::int64_t kLimit = 100'000'000;
    if (static_cast<std::uint64_t>(ore + (kLimit - 1)) > 2 * (kLimit - 1)) {
        return writeMoneyAny(p, value);
    }
    *p = '-';
    p += ore < 0 ? 1 : 0;
    auto rest = static_cast<std::uint32_t>(ore < 0 ? -ore : ore);
    char buffer[32];
    char* const end = buffer + 16;
    std::memcpy(end - 2, detail::kDigitPairs + 2 * (rest % 100), 2);
    end[-3] = '.';
    char* start = end - 3;
    rest /= 100;
    while (rest >= 100) {
        start -= 2;
        std::memcpy(start, detail::kDigitPairs + 2 * (rest % 100), 2);
        rest /= 100;
    }
    if (rest >= 10) {
        start -= 2;
        std::memcpy(start, detail::kDigitPairs + 2 * rest, 2);
    } else {
        *--start = static_cast<char>('0' + rest);
    }
    std::memcpy(p, start, 16);
    return p + (end - start);
}

/// Most bytes writeDate writes (a year of seven digits and a sign, from a day far out).
constexpr std::size_t kDateBound = 16;

/// date.toString() ("2024-03-28").
char* writeDate(char* p, const Date& date);

/// The room writeInt needs: the text is at most 11 bytes, but it may copy a block of 16 after
/// the sign.
constexpr std::size_t kIntBound = 17;

/// std::to_string(value).
char* writeInt(char* p, int value);

/// A string literal without its terminating NUL.
template <std::size_t N>
char* writeLiteral(char* p, const char (&text)[N]) {
    std::memcpy(p, text, N - 1);
    return p + N - 1;
}

} // namespace ydelse::json
