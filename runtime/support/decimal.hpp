// Exact decimal numbers for money and rates: the only numeric type on a money path.
//
// A Decimal is mantissa / 10^scale with a checked 128-bit mantissa. Addition, subtraction and
// multiplication are exact; there is no division operator, because a quotient is generally not a
// finite decimal: divideRound() divides and rounds in one step, so every inexact result goes
// through a named rounding mode. Overflow (of the mantissa or of the scale limit) throws
// std::overflow_error; the evaluator turns it into an order error, never a wrapped value.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ydelse {

using Int128 = boost::multiprecision::checked_int128_t;

/// How an inexact value is brought to a multiple of a unit.
enum class RoundingMode : std::uint8_t {
    Down,     ///< towards minus infinity ("rund ned")
    Up,       ///< towards plus infinity ("rund op")
    HalfUp,   ///< to nearest, halves away from zero ("rund halvt op")
    HalfEven, ///< to nearest, halves to the even multiple ("rund halvt lige")
};

class Decimal {
public:
    /// Largest number of decimal places kept. Products of rates stay far below it.
    static constexpr int kMaxScale = 24;

    constexpr Decimal() = default;
    Decimal(Int128 mantissa, int scale);

    static Decimal fromInt(std::int64_t value) { return Decimal(Int128(value), 0); }
    static Decimal fromOre(std::int64_t ore) { return Decimal(Int128(ore), 2); }

    /// Parses plain decimal text: optional '-', digits, optional '.' and digits ("12326.50").
    static std::optional<Decimal> parse(std::string_view text);

    const Int128& mantissa() const { return mantissa_; }
    int scale() const { return scale_; }

    bool isZero() const { return mantissa_ == 0; }
    bool isNegative() const { return mantissa_ < 0; }
    bool isPositive() const { return mantissa_ > 0; }
    /// True when the value is a whole number of øre (at most two significant decimals).
    bool isWholeOre() const;
    bool isInteger() const;
    /// The value as a whole number; requires isInteger() and that it fits.
    std::int64_t toInt64() const;

    /// Exact text with at least `minDecimals` decimals and no trailing zeros beyond them.
    std::string toString(int minDecimals = 0) const;
    /// Appends toString(minDecimals) to `out`, without a string of its own when the value is
    /// small (the result writers' hot path).
    void appendTo(std::string& out, int minDecimals = 0) const;
    /// "12326.00": exactly two decimals; requires isWholeOre().
    std::string toMoneyString() const { return toString(2); }

    /// Removes trailing zero decimals (12.50 -> 12.5); the value is unchanged.
    Decimal normalized() const;

    /// Rounds to a multiple of `unit` (> 0), e.g. unit 10 for "round down to 10 kr".
    Decimal roundTo(const Decimal& unit, RoundingMode mode) const;
    /// (numerator / denominator) rounded to a multiple of `unit`; denominator != 0.
    static Decimal divideRound(const Decimal& numerator, const Decimal& denominator,
                               const Decimal& unit, RoundingMode mode);

    friend Decimal operator+(const Decimal& a, const Decimal& b);
    friend Decimal operator-(const Decimal& a, const Decimal& b);
    friend Decimal operator*(const Decimal& a, const Decimal& b);
    Decimal operator-() const { return Decimal(-mantissa_, scale_); }
    Decimal& operator+=(const Decimal& b) { return *this = *this + b; }
    Decimal& operator-=(const Decimal& b) { return *this = *this - b; }

    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
    friend bool operator==(const Decimal& a, const Decimal& b) {
        return (a <=> b) == std::strong_ordering::equal;
    }

private:
    Int128 mantissa_ = 0;
    int scale_ = 0;
};

Decimal max(const Decimal& a, const Decimal& b);
Decimal min(const Decimal& a, const Decimal& b);

} // namespace ydelse
