// The JSON writer's primitives: each writes at a raw pointer into room its caller has made sure
// of, and returns the new end. Appending piece by piece to a std::string (a capacity check, a
// size update and a terminator per piece) was most of the writer's time.
#pragma once

#include "runtime/support/date.hpp"
#include "runtime/support/decimal.hpp"

#include <cstddef>
#include <cstring>
#include <string_view>

namespace ydelse::json {

/// The room writeQuoted needs for `length` bytes of text: each byte becomes at most "\u00XX",
/// and it may copy a whole block (16 bytes) past what it keeps.
constexpr std::size_t quotedBound(std::size_t length) { return 6 * length + 2 + 16; }

/// `text` as a double-quoted string, exactly as appendQuoted writes it.
char* writeQuoted(char* p, std::string_view text);

/// The room writeDecimal needs: the text is shorter, but it copies a block of this size.
constexpr std::size_t kDecimalBound = 32;

/// value.toString(minDecimals) ("12326.00", "-0.05", "1.125", "30"), when the value is small
/// enough for 64-bit arithmetic (every real amount and rate) and minDecimals is 0 to 6;
/// nullptr, having written nothing, when it is not.
char* writeDecimal(char* p, const Decimal& value, int minDecimals);

/// Most bytes writeDate writes.
constexpr std::size_t kDateBound = 10;

/// date.toString() ("2024-03-28") for years 0 to 9999; nullptr, having written nothing, for
/// any other year.
char* writeDate(char* p, const Date& date);

/// Most bytes writeInt writes.
constexpr std::size_t kIntBound = 11;

/// std::to_string(value).
char* writeInt(char* p, int value);

/// A string literal without its terminating NUL.
template <std::size_t N>
char* writeLiteral(char* p, const char (&text)[N]) {
    std::memcpy(p, text, N - 1);
    return p + N - 1;
}

} // namespace ydelse::json
