// Exact decimal arithmetic; see decimal.hpp for the contract. The inline fast paths there cover
// operands of equal scale; everything else, and every overflow, comes here.
#include "runtime/support/decimal.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

namespace ydelse {
namespace {

constexpr Int128 kInt128Max = static_cast<Int128>(~static_cast<unsigned __int128>(0) >> 1);
constexpr Int128 kInt128Min = -kInt128Max - 1;

// 10^n for n in [0, 38]: every power a 128-bit mantissa can hold.
constexpr std::array<Int128, 39> kPowersOfTen = [] {
    std::array<Int128, 39> t{};
    t[0] = 1;
    for (std::size_t i = 1; i < t.size(); ++i) {
        t[i] = t[i - 1] * 10;
    }
    return t;
}();

// For a scale or a difference of scales: always within [0, kMaxScale], so no check.
inline Int128 scalePower(int n) { return kPowersOfTen[static_cast<std::size_t>(n)]; }
static_assert(Decimal::kMaxScale < static_cast<int>(kPowersOfTen.size()));

Int128 powerOfTen(int n) {
    if (n < 0 || n >= static_cast<int>(kPowersOfTen.size())) {
        throw std::overflow_error("decimal scale out of range");
    }
    return kPowersOfTen[static_cast<std::size_t>(n)];
}

[[noreturn]] void overflow() { throw std::overflow_error("decimal overflow"); }

bool fitsInt64(Int128 v) {
    return v >= std::numeric_limits<std::int64_t>::min() &&
           v <= std::numeric_limits<std::int64_t>::max();
}

// Two factors below 2^63 have a product below 2^126: no overflow check (a library call for
// 128 bits) is needed for them, and nearly every factor of a payment is one.
bool tryMul(Int128 a, Int128 b, Int128& r) {
    if (fitsInt64(a) && fitsInt64(b)) {
        r = a * b;
        return true;
    }
    return !__builtin_mul_overflow(a, b, &r);
}

Int128 checkedMul(Int128 a, Int128 b) {
    Int128 r;
    if (!tryMul(a, b, r)) {
        overflow();
    }
    return r;
}

// m * 10^k for a scale or a difference of scales k.
Int128 scaleUp(Int128 m, int k) { return k == 0 ? m : checkedMul(m, scalePower(k)); }

// Quotient (truncated towards zero) and remainder. The 64-bit division is several times
// faster than the 128-bit library call, and nearly every operand of a payment fits.
void divide(Int128 num, Int128 den, Int128& q, Int128& r) {
    if (fitsInt64(num) && fitsInt64(den) &&
        !(num == std::numeric_limits<std::int64_t>::min() && den == -1)) {
        const auto n = static_cast<std::int64_t>(num);
        const auto d = static_cast<std::int64_t>(den);
        q = n / d;
        r = n % d;
        return;
    }
    if (num == kInt128Min && den == -1) {
        overflow();
    }
    q = num / den;
    r = num % den;
}

Int128 remainder(Int128 num, Int128 den) {
    Int128 q;
    Int128 r;
    divide(num, den, q, r);
    return r;
}

Int128 absolute(Int128 v) {
    if (v == kInt128Min) {
        overflow();
    }
    return v < 0 ? -v : v;
}

// Integer quotient num/den rounded by mode (den > 0 is not required).
Int128 divideInteger(Int128 num, Int128 den, RoundingMode mode) {
    Int128 q;
    Int128 r;
    divide(num, den, q, r);
    if (r == 0) {
        return q;
    }
    const bool negative = (num < 0) != (den < 0);
    switch (mode) {
    case RoundingMode::Down:
        return negative ? q - 1 : q;
    case RoundingMode::Up:
        return negative ? q : q + 1;
    case RoundingMode::HalfUp:
    case RoundingMode::HalfEven: {
        // |r| < |den| <= 2^127 - 1, so comparing |r| with |den| - |r| cannot overflow.
        const Int128 absR = absolute(r);
        const Int128 absDen = absolute(den);
        const Int128 rest = absDen - absR;
        bool awayFromZero = absR > rest;
        if (absR == rest) {
            awayFromZero = mode == RoundingMode::HalfUp || (q % 2 != 0);
        }
        if (!awayFromZero) {
            return q;
        }
        return negative ? q - 1 : q + 1;
    }
    }
    throw std::logic_error("unreachable rounding mode");
}

// The digits of `value` written backwards from `end`; returns the new start.
char* writeDigits(char* end, unsigned __int128 value) {
    // 64-bit divisions for all but the top digits of a huge value.
    while (value > std::numeric_limits<std::uint64_t>::max()) {
        *--end = static_cast<char>('0' + static_cast<int>(value % 10));
        value /= 10;
    }
    auto small = static_cast<std::uint64_t>(value);
    do {
        *--end = static_cast<char>('0' + small % 10);
        small /= 10;
    } while (small != 0);
    return end;
}

} // namespace

Decimal::Decimal(Int128 mantissa, int scale) : mantissa_(mantissa), scale_(scale) {
    if (scale_ < 0) {
        mantissa_ = checkedMul(mantissa_, powerOfTen(-scale_));
        scale_ = 0;
    }
    if (scale_ > kMaxScale) {
        *this = normalized();
        if (scale_ > kMaxScale) {
            throw std::overflow_error("decimal precision exceeded");
        }
    }
}

Decimal Decimal::operator-() const {
    if (mantissa_ == kInt128Min) {
        overflow();
    }
    return Decimal(Raw{}, -mantissa_, scale_);
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
    if (text.empty() || text.size() > 40) {
        return std::nullopt;
    }
    std::size_t i = 0;
    bool negative = false;
    if (text[0] == '-') {
        negative = true;
        i = 1;
    }
    Int128 mantissa = 0;
    int scale = 0;
    bool sawDigit = false;
    bool sawPoint = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.') {
            if (sawPoint || !sawDigit) {
                return std::nullopt;
            }
            sawPoint = true;
            continue;
        }
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        // Accumulated negatively when negative, so that the most negative value parses too.
        const int digit = negative ? -(c - '0') : c - '0';
        if (__builtin_mul_overflow(mantissa, 10, &mantissa) ||
            __builtin_add_overflow(mantissa, digit, &mantissa)) {
            return std::nullopt;
        }
        sawDigit = true;
        if (sawPoint) {
            ++scale;
        }
    }
    if (!sawDigit || (sawPoint && scale == 0) || scale > kMaxScale) {
        return std::nullopt;
    }
    return Decimal(Raw{}, mantissa, scale);
}

bool Decimal::isWholeOre() const {
    return scale_ <= 2 || remainder(mantissa_, scalePower(scale_ - 2)) == 0;
}

bool Decimal::isInteger() const {
    return scale_ == 0 || remainder(mantissa_, scalePower(scale_)) == 0;
}

std::int64_t Decimal::toInt64() const {
    Int128 whole;
    Int128 rest;
    divide(mantissa_, powerOfTen(scale_), whole, rest);
    if (!fitsInt64(whole)) {
        throw std::overflow_error("integer out of range");
    }
    return static_cast<std::int64_t>(whole);
}

Decimal Decimal::normalized() const {
    Int128 m = mantissa_;
    int s = scale_;
    if (fitsInt64(m)) {
        auto small = static_cast<std::int64_t>(m);
        while (s > 0 && small % 10 == 0) {
            small /= 10;
            --s;
        }
        return Decimal(Raw{}, small, s);
    }
    while (s > 0 && m % 10 == 0) {
        m /= 10;
        --s;
    }
    return Decimal(Raw{}, m, s);
}

void Decimal::appendTo(std::string& out, int minDecimals) const {
    const Decimal n = normalized();
    // No caller asks for more than a few forced decimals; the clamp keeps the buffer bounded.
    const int decimals = std::max(n.scale_, std::clamp(minDecimals, 0, 40));
    const bool negative = n.mantissa_ < 0;
    // The magnitude as unsigned, so that the most negative mantissa has one too.
    const unsigned __int128 magnitude = negative
                                            ? ~static_cast<unsigned __int128>(n.mantissa_) + 1
                                            : static_cast<unsigned __int128>(n.mantissa_);
    // At most 39 digits, 40 padding zeros and a leading zero.
    char buffer[96];
    char* const end = buffer + sizeof buffer;
    char* const digitsEnd = end - (decimals - n.scale_);
    for (char* p = digitsEnd; p != end; ++p) {
        *p = '0';
    }
    char* start = writeDigits(digitsEnd, magnitude);
    while (end - start <= decimals) {
        *--start = '0';
    }
    if (negative) {
        out += '-';
    }
    out.append(start, static_cast<std::size_t>(end - start - decimals));
    if (decimals > 0) {
        out += '.';
        out.append(end - decimals, static_cast<std::size_t>(decimals));
    }
}

std::string Decimal::toString(int minDecimals) const {
    std::string text;
    appendTo(text, minDecimals);
    return text;
}

Decimal Decimal::roundTo(const Decimal& unit, RoundingMode mode) const {
    // Nearly every unit is a power of ten (øre, whole kroner): then rounding is a division by
    // a power of ten, or nothing at all, and gives the same as the general case below.
    if (unit.mantissa_ == 1) {
        const int k = unit.scale_;
        if (scale_ <= k) {
            return Decimal(Raw{}, scaleUp(mantissa_, k - scale_), k);
        }
        return Decimal(Raw{}, divideInteger(mantissa_, scalePower(scale_ - k), mode), k);
    }
    return divideRound(*this, Decimal::fromInt(1), unit, mode);
}

Decimal Decimal::divideRound(const Decimal& numerator, const Decimal& denominator,
                             const Decimal& unit, RoundingMode mode) {
    if (denominator.isZero() || unit.isZero() || unit.isNegative()) {
        throw std::domain_error("division by zero or non-positive rounding unit");
    }
    // value = (n / 10^ns) / (d / 10^ds); we want k = value / unit rounded, result k * unit.
    // k = n * 10^ds * 10^us / (10^ns * d * u)  with unit = u / 10^us.
    const Decimal u = unit.normalized();
    Int128 num;
    Int128 den;
    // As given first: normalising numerator and denominator (a division by 10 per trailing
    // zero) only matters when their product would not fit otherwise.
    if (!tryMul(numerator.mantissa_, scalePower(denominator.scale_), num) ||
        !tryMul(num, scalePower(u.scale_), num) ||
        !tryMul(scalePower(numerator.scale_), denominator.mantissa_, den) ||
        !tryMul(den, u.mantissa_, den)) {
        const Decimal n = numerator.normalized();
        const Decimal d = denominator.normalized();
        num = checkedMul(checkedMul(n.mantissa_, scalePower(d.scale_)), scalePower(u.scale_));
        den = checkedMul(checkedMul(scalePower(n.scale_), d.mantissa_), u.mantissa_);
    }
    const Int128 k = divideInteger(num, den, mode);
    return Decimal(checkedMul(k, u.mantissa_), u.scale_);
}

Decimal Decimal::addAligned(const Decimal& a, const Decimal& b, bool subtract) {
    const int scale = std::max(a.scale_, b.scale_);
    const Int128 x = scaleUp(a.mantissa_, scale - a.scale_);
    const Int128 y = scaleUp(b.mantissa_, scale - b.scale_);
    Int128 r;
    if (subtract ? __builtin_sub_overflow(x, y, &r) : __builtin_add_overflow(x, y, &r)) {
        overflow();
    }
    return Decimal(Raw{}, r, scale);
}

Decimal Decimal::multiplyWide(const Decimal& a, const Decimal& b) {
    // Either the product's mantissa overflowed (an error) or its scale exceeds kMaxScale, which
    // the checked constructor normalises away or refuses.
    return Decimal(checkedMul(a.mantissa_, b.mantissa_), a.scale_ + b.scale_);
}

std::strong_ordering Decimal::compareAligned(const Decimal& a, const Decimal& b) {
    const int scale = std::max(a.scale_, b.scale_);
    Int128 x;
    Int128 y;
    // A side that overflows when scaled up exceeds every 128-bit value in magnitude, so its
    // sign alone decides.
    if (__builtin_mul_overflow(a.mantissa_, scalePower(scale - a.scale_), &x)) {
        return a.mantissa_ < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    if (__builtin_mul_overflow(b.mantissa_, scalePower(scale - b.scale_), &y)) {
        return b.mantissa_ < 0 ? std::strong_ordering::greater : std::strong_ordering::less;
    }
    return x <=> y;
}

Decimal max(const Decimal& a, const Decimal& b) { return a < b ? b : a; }
Decimal min(const Decimal& a, const Decimal& b) { return b < a ? b : a; }

} // namespace ydelse
