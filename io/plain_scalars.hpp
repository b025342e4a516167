// The forms an order's dates, amounts, rates and counts nearly always take, read inline and in
// one pass: the shared scalar rules (scalar_rules.hpp) and the JSON reader try these first, and
// only a text that is anything else goes the general way, which then gives the same value or
// says why there is none. So each function here accepts a subset of what its rule accepts, and
// returns exactly the rule's value for it (tests/io/plain_scalars_tests.cpp holds them to that).
#pragma once

#include "runtime/support/date.hpp"
#include "runtime/support/decimal.hpp"

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace ydelse::io::rules {

namespace plain {

inline constexpr std::uint64_t kPowersOfTen[] = {1ULL,
                                                 10ULL,
                                                 100ULL,
                                                 1'000ULL,
                                                 10'000ULL,
                                                 100'000ULL,
                                                 1'000'000ULL,
                                                 10'000'000ULL,
                                                 100'000'000ULL,
                                                 1'000'000'000ULL,
                                                 10'000'000'000ULL,
                                                 100'000'000'000ULL,
                                                 1'000'000'000'000ULL,
                                                 10'000'000'000'000ULL,
                                                 100'000'000'000'000ULL,
                                                 1'000'000'000'000'000ULL,
                                                 10'000'000'000'000'000ULL,
                                                 100'000'000'000'000'000ULL};

/// Digits with at most one point between them ("12326.50"; not "-1", ".5", "5." or "1.2.3"),
/// at most 18 characters so that the digits fit in 64 bits: all digits are the mantissa and
/// the decimals written the scale, as Decimal::parse reads it.
struct Decimal64 {
    std::uint64_t mantissa = 0;
    int scale = 0;
};

inline std::optional<Decimal64> decimal64(std::string_view text) {
    if (text.empty() || text.size() > 18) {
        return std::nullopt;
    }
    Decimal64 value;
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
        const auto digit = static_cast<unsigned>(text[i] - '0');
        if (digit >= 10) {
            break;
        }
        value.mantissa = value.mantissa * 10 + digit;
    }
    if (i == text.size()) {
        return value;
    }
    if (i == 0 || text[i] != '.' || i + 1 == text.size()) {
        return std::nullopt;
    }
    for (++i; i < text.size(); ++i) {
        const auto digit = static_cast<unsigned>(text[i] - '0');
        if (digit >= 10) {
            return std::nullopt;
        }
        value.mantissa = value.mantissa * 10 + digit;
        ++value.scale;
    }
    return value;
}

/// The value as a Decimal of the same mantissa and scale; the common scales without a call.
inline Decimal toDecimal(Decimal64 value) {
    constexpr std::uint64_t kInt64Max = 0x7FFF'FFFF'FFFF'FFFFULL;
    if (value.scale == 0 && value.mantissa <= kInt64Max) {
        return Decimal::fromInt(static_cast<std::int64_t>(value.mantissa));
    }
    if (value.scale == 2 && value.mantissa <= kInt64Max) {
        return Decimal::fromOre(static_cast<std::int64_t>(value.mantissa));
    }
    return Decimal(static_cast<Int128>(value.mantissa), value.scale);
}

inline bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

} // namespace plain

/// "YYYY-MM-DD" naming a real day in 1900-2999, as Date::parse reads it; nothing otherwise.
/// The day number is counted here, not by Date::fromYmd: this is the reader's commonest check.
inline std::optional<Date> plainDate(std::string_view t) {
    if (t.size() != 10) {
        return std::nullopt;
    }
    // "YYYY-MM-" as one word, the first byte lowest: digits where they must be, dashes at 4
    // and 7. A byte is a digit when its high half is 3 and adding 6 keeps it so ('0'..'9').
    std::uint64_t w = 0;
    std::memcpy(&w, t.data(), sizeof w);
    constexpr std::uint64_t kDigitBytes = 0x00FF'FF00'FFFF'FFFFULL;
    constexpr std::uint64_t kDashBytes = 0xFF00'00FF'0000'0000ULL;
    constexpr std::uint64_t kHighHalves = 0xF0F0'F0F0'F0F0'F0F0ULL & kDigitBytes;
    constexpr std::uint64_t kThrees = 0x3030'3030'3030'3030ULL & kDigitBytes;
    const bool shaped = (w & kDashBytes) == 0x2D00'002D'0000'0000ULL &&
                        (w & kHighHalves) == kThrees &&
                        ((w + 0x0606'0606'0606'0606ULL) & kHighHalves) == kThrees;
    const auto d8 = static_cast<unsigned>(t[8] - '0');
    const auto d9 = static_cast<unsigned>(t[9] - '0');
    if (!shaped || d8 >= 10 || d9 >= 10) {
        return std::nullopt;
    }
    // Digit pairs as numbers, all at once: each byte's value times ten plus the next byte's.
    const std::uint64_t values = w & 0x000F'0F00'0F0F'0F0FULL;
    const std::uint64_t pairs = values * 10 + (values >> 8);
    const int year = static_cast<int>((pairs & 0xFF) * 100 + ((pairs >> 16) & 0xFF));
    const int month = static_cast<int>((pairs >> 40) & 0xFF);
    const int day = static_cast<int>(d8 * 10 + d9);
    static constexpr int kDaysBefore[13] = {0,   0,   31,  59,  90,  120, 151,
                                            181, 212, 243, 273, 304, 334};
    static constexpr int kDaysIn[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) {
        return std::nullopt;
    }
    const bool leap = plain::isLeapYear(year);
    if (day > kDaysIn[month] + (month == 2 && leap ? 1 : 0)) {
        return std::nullopt;
    }
    // Days since 1970-01-01, Date's day 0; 477 leap days fall before 1970.
    const int before = year - 1;
    const int leapDays = before / 4 - before / 100 + before / 400 - 477;
    return Date::fromDays((year - 1970) * 365 + leapDays + kDaysBefore[month] +
                          (month > 2 && leap ? 1 : 0) + day - 1);
}

/// A plain decimal (plain::decimal64) with at most two decimals and at most 1 000 000 000:
/// what rules::amount accepts, save "-0" and texts of more than 18 characters.
inline std::optional<Decimal> plainAmount(std::string_view text) {
    constexpr std::uint64_t kMaxKroner = 1'000'000'000;
    const auto value = plain::decimal64(text);
    if (!value || value->scale > 2 ||
        value->mantissa > kMaxKroner * plain::kPowersOfTen[value->scale]) {
        return std::nullopt;
    }
    return plain::toDecimal(*value);
}

/// A plain decimal (plain::decimal64) from 0 to 100: what rules::percent accepts, save "-0"
/// and texts of more than 18 characters. (100 * 10^17 still fits in 64 bits.)
inline std::optional<Decimal> plainPercent(std::string_view text) {
    const auto value = plain::decimal64(text);
    if (!value || value->mantissa > 100 * plain::kPowersOfTen[value->scale]) {
        return std::nullopt;
    }
    return plain::toDecimal(*value);
}

/// One to 18 digits within [min, max], as rules::integer reads them.
inline std::optional<std::int64_t> plainInteger(std::string_view text, std::int64_t min,
                                                std::int64_t max) {
    if (text.empty() || text.size() > 18) {
        return std::nullopt;
    }
    std::int64_t number = 0;
    for (char c : text) {
        const auto digit = static_cast<unsigned>(c - '0');
        if (digit >= 10) {
            return std::nullopt;
        }
        number = number * 10 + static_cast<std::int64_t>(digit);
    }
    if (number < min || number > max) {
        return std::nullopt;
    }
    return number;
}

} // namespace ydelse::io::rules
