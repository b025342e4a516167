// Exact decimal numbers for money and rates: the only numeric type on a money path.
//
// A Decimal is mantissa / 10^scale with a 128-bit mantissa. Addition, subtraction and
// multiplication are exact; there is no division operator, because a quotient is generally not a
// finite decimal: divideRound() divides and rounds in one step, so every inexact result goes
// through a named rounding mode. Overflow (of the mantissa or of the scale limit) throws
// std::overflow_error; the evaluator turns it into an order error, never a wrapped value.
//
// The mantissa is the compiler's native 128-bit integer, every operation checked with the
// overflow builtins. That keeps a Decimal trivially copyable and 24 bytes, so a frame's
// registers are cleared and copied as plain memory, and the common case (two operands of the
// same scale) is inline and a handful of instructions.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ydelse {

__extension__ typedef __int128 Int128;

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
    /// mantissa / 10^scale; a negative scale multiplies out, a scale beyond kMaxScale is
    /// normalised away or throws std::overflow_error.
    Decimal(Int128 mantissa, int scale);

    static Decimal fromInt(std::int64_t value) { return Decimal(Raw{}, value, 0); }
    static Decimal fromOre(std::int64_t ore) { return Decimal(Raw{}, ore, 2); }

    /// Parses plain decimal text: optional '-', digits, optional '.' and digits ("12326.50").
    static std::optional<Decimal> parse(std::string_view text);

    Int128 mantissa() const { return mantissa_; }
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
    /// Appends toString(minDecimals) to `out`, without a string of its own (the result
    /// writers' hot path).
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

    // The result has the larger of the two scales. Sums often start from a zero of scale 0
    // (Decimal{}), hence the second case.
    friend Decimal operator+(const Decimal& a, const Decimal& b) {
        Int128 sum;
        if (a.scale_ == b.scale_ && !__builtin_add_overflow(a.mantissa_, b.mantissa_, &sum)) {
            return Decimal(Raw{}, sum, a.scale_);
        }
        if (a.mantissa_ == 0 && a.scale_ < b.scale_) {
            return b;
        }
        if (b.mantissa_ == 0 && b.scale_ < a.scale_) {
            return a;
        }
        return addAligned(a, b, false);
    }
    friend Decimal operator-(const Decimal& a, const Decimal& b) {
        Int128 difference;
        if (a.scale_ == b.scale_ &&
            !__builtin_sub_overflow(a.mantissa_, b.mantissa_, &difference)) {
            return Decimal(Raw{}, difference, a.scale_);
        }
        if (b.mantissa_ == 0 && b.scale_ < a.scale_) {
            return a;
        }
        return addAligned(a, b, true);
    }
    friend Decimal operator*(const Decimal& a, const Decimal& b) {
        // Factors below 2^63 cannot overflow 128 bits; the checked 128-bit multiplication is a
        // library call.
        if (a.scale_ + b.scale_ <= kMaxScale && fitsInt64(a.mantissa_) &&
            fitsInt64(b.mantissa_)) {
            return Decimal(Raw{}, Int128(a.mantissa_) * b.mantissa_, a.scale_ + b.scale_);
        }
        return multiplyWide(a, b);
    }
    Decimal operator-() const;
    Decimal& operator+=(const Decimal& b) { return *this = *this + b; }
    Decimal& operator-=(const Decimal& b) { return *this = *this - b; }

    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
        if (a.scale_ == b.scale_) {
            return a.mantissa_ <=> b.mantissa_;
        }
        return compareAligned(a, b);
    }
    friend bool operator==(const Decimal& a, const Decimal& b) {
        return (a <=> b) == std::strong_ordering::equal;
    }

private:
    struct Raw {};
    // No checks: the caller knows 0 <= scale <= kMaxScale.
    constexpr Decimal(Raw, Int128 mantissa, int scale) : mantissa_(mantissa), scale_(scale) {}

    static bool fitsInt64(Int128 v) { return v == static_cast<std::int64_t>(v); }
    static Decimal addAligned(const Decimal& a, const Decimal& b, bool subtract);
    static Decimal multiplyWide(const Decimal& a, const Decimal& b);
    static std::strong_ordering compareAligned(const Decimal& a, const Decimal& b);

    // Aligned to 8 rather than 16 so that a Decimal is 24 bytes and a register (Decimal plus
    // 64 bits) 32: registers are cleared and copied per order, and half the memory is faster.
    __extension__ typedef __int128 PackedInt128 __attribute__((aligned(8)));
    PackedInt128 mantissa_ = 0;
    std::int32_t scale_ = 0;
};

Decimal max(const Decimal& a, const Decimal& b);
Decimal min(const Decimal& a, const Decimal& b);

} // namespace ydelse
