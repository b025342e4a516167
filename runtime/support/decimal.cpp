// Exact decimal arithmetic; see decimal.hpp for the contract.
#include "runtime/support/decimal.hpp"

#include <algorithm>
#include <cstdint>
#include <array>
#include <stdexcept>

namespace ydelse {
namespace {

// 10^n for n in [0, 38]: the range a 128-bit mantissa can hold.
const Int128& powerOfTen(int n) {
    static const std::array<Int128, 39> table = [] {
        std::array<Int128, 39> t{};
        t[0] = 1;
        for (std::size_t i = 1; i < t.size(); ++i) {
            t[i] = t[i - 1] * 10;
        }
        return t;
    }();
    if (n < 0 || n >= static_cast<int>(table.size())) {
        throw std::overflow_error("decimal scale out of range");
    }
    return table[static_cast<std::size_t>(n)];
}

// Fast paths. Nearly every mantissa in a payment is far below 2^62 and scales differ by a few
// digits, so + - * and comparison can run on the compiler's native 128-bit integer: with
// |mantissa| < 2^62 and a scale difference of at most 18, every intermediate stays below 2^123,
// where neither the native type nor checked_int128_t (range +-(2^128 - 1)) can overflow. The
// results are therefore exactly those of the general path, which handles everything else.
constexpr unsigned long long kSmallLimit = 1ULL << 62;
constexpr int kMaxFastShift = 18;

constexpr long long kPow10[kMaxFastShift + 1] = {
    1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL, 100000000LL,
    1000000000LL, 10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL,
    100000000000000LL, 1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
    1000000000000000000LL};

// The mantissa as a 64-bit integer, when its magnitude is below 2^62.
bool smallMantissa(const Int128& m, long long& out) {
    const auto& backend = m.backend();
    if (backend.size() != 1 || backend.limbs()[0] >= kSmallLimit) {
        return false;
    }
    const auto magnitude = static_cast<long long>(backend.limbs()[0]);
    out = backend.sign() ? -magnitude : magnitude;
    return true;
}

// a and b as native integers at their common scale, when the fast path applies.
bool alignedSmall(const Decimal& a, const Decimal& b, __int128& x, __int128& y, int& scale) {
    long long am = 0;
    long long bm = 0;
    if (!smallMantissa(a.mantissa(), am) || !smallMantissa(b.mantissa(), bm)) {
        return false;
    }
    const int shift = a.scale() - b.scale();
    if (shift > kMaxFastShift || shift < -kMaxFastShift) {
        return false;
    }
    scale = std::max(a.scale(), b.scale());
    x = static_cast<__int128>(am) * (shift < 0 ? kPow10[-shift] : 1);
    y = static_cast<__int128>(bm) * (shift > 0 ? kPow10[shift] : 1);
    return true;
}

Int128 toInt128(__int128 value) {
    if (value >= INT64_MIN && value <= INT64_MAX) {
        return Int128(static_cast<long long>(value));
    }
    return Int128(value);
}

// Brings a and b to the same scale (the larger one).
std::pair<Int128, Int128> aligned(const Decimal& a, const Decimal& b, int& scale) {
    scale = std::max(a.scale(), b.scale());
    return {a.mantissa() * powerOfTen(scale - a.scale()),
            b.mantissa() * powerOfTen(scale - b.scale())};
}

// Integer quotient num/den rounded by mode (den > 0 is not required).
Int128 divideInteger(const Int128& num, const Int128& den, RoundingMode mode) {
    Int128 q = num / den; // truncates towards zero
    Int128 r = num - q * den;
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
        Int128 twiceR = abs(r) * 2;
        Int128 absDen = abs(den);
        bool awayFromZero = twiceR > absDen;
        if (twiceR == absDen) {
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

} // namespace

Decimal::Decimal(Int128 mantissa, int scale) : mantissa_(std::move(mantissa)), scale_(scale) {
    if (scale_ < 0) {
        mantissa_ *= powerOfTen(-scale_);
        scale_ = 0;
    }
    if (scale_ > kMaxScale) {
        *this = normalized();
        if (scale_ > kMaxScale) {
            throw std::overflow_error("decimal precision exceeded");
        }
    }
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
    try {
        for (; i < text.size(); ++i) {
            char c = text[i];
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
            mantissa = mantissa * 10 + (c - '0');
            sawDigit = true;
            if (sawPoint) {
                ++scale;
            }
        }
        if (!sawDigit || (sawPoint && scale == 0) || scale > kMaxScale) {
            return std::nullopt;
        }
    } catch (const std::overflow_error&) {
        return std::nullopt;
    }
    return Decimal(negative ? Int128(-mantissa) : mantissa, scale);
}

bool Decimal::isWholeOre() const {
    if (scale_ <= 2) {
        return true;
    }
    return mantissa_ % powerOfTen(scale_ - 2) == 0;
}

bool Decimal::isInteger() const { return scale_ == 0 || mantissa_ % powerOfTen(scale_) == 0; }

std::int64_t Decimal::toInt64() const {
    Int128 whole = mantissa_ / powerOfTen(scale_);
    if (whole > Int128(INT64_MAX) || whole < Int128(INT64_MIN)) {
        throw std::overflow_error("integer out of range");
    }
    return static_cast<std::int64_t>(whole);
}

Decimal Decimal::normalized() const {
    long long small = 0;
    if (smallMantissa(mantissa_, small)) {
        int s = scale_;
        while (s > 0 && small % 10 == 0) {
            small /= 10;
            --s;
        }
        Decimal d;
        d.mantissa_ = Int128(small);
        d.scale_ = s;
        return d;
    }
    Int128 m = mantissa_;
    int s = scale_;
    while (s > 0 && m % 10 == 0) {
        m /= 10;
        --s;
    }
    Decimal d;
    d.mantissa_ = m;
    d.scale_ = s;
    return d;
}

namespace {

// The fast path of toString: |mantissa| below 10^12 and at most 6 forced decimals keep every
// intermediate below 10^18, inside 64 bits.
constexpr long long kSmallMantissa = 1'000'000'000'000LL;
constexpr int kSmallMinDecimals = 6;

// The digits of `value` written backwards from `end`; returns the new start.
char* writeDigits(char* end, unsigned long long value) {
    do {
        *--end = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    return end;
}

} // namespace

void Decimal::appendTo(std::string& out, int minDecimals) const {
    // Nearly every amount has a mantissa of a few digits: formatting it with 64-bit integers
    // avoids a 128-bit division per digit. The text is the same as the general path's.
    long long m = 0;
    if (smallMantissa(mantissa_, m) && m > -kSmallMantissa && m < kSmallMantissa &&
        minDecimals >= 0 && minDecimals <= kSmallMinDecimals) {
        int scale = scale_;
        while (scale > 0 && m % 10 == 0) {
            m /= 10;
            --scale;
        }
        const bool negative = m < 0;
        unsigned long long digits = static_cast<unsigned long long>(negative ? -m : m);
        const int decimals = std::max(scale, minDecimals);
        for (int k = scale; k < decimals; ++k) {
            digits *= 10;
        }
        char buffer[48];
        char* const end = buffer + sizeof buffer;
        char* start = writeDigits(end, digits);
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
        return;
    }
    out += toString(minDecimals);
}

std::string Decimal::toString(int minDecimals) const {
    long long small = 0;
    if (smallMantissa(mantissa_, small) && small > -kSmallMantissa && small < kSmallMantissa &&
        minDecimals >= 0 && minDecimals <= kSmallMinDecimals) {
        std::string text;
        appendTo(text, minDecimals);
        return text;
    }
    Decimal n = normalized();
    int scale = std::max(n.scale_, minDecimals);
    Int128 m = n.mantissa_ * powerOfTen(scale - n.scale_);
    bool negative = m < 0;
    // Digits by hand: Boost's str() trips a false -Wrestrict in GCC 12 at -O2 (GCC PR 105329).
    std::string digits;
    Int128 rest = negative ? Int128(-m) : m;
    do {
        digits += static_cast<char>('0' + static_cast<int>(rest % 10));
        rest /= 10;
    } while (rest != 0);
    std::reverse(digits.begin(), digits.end());
    if (static_cast<int>(digits.size()) <= scale) {
        digits.insert(0, static_cast<std::size_t>(scale) + 1 - digits.size(), '0');
    }
    if (scale > 0) {
        digits.insert(digits.size() - static_cast<std::size_t>(scale), 1, '.');
    }
    return negative ? "-" + digits : digits;
}

Decimal Decimal::roundTo(const Decimal& unit, RoundingMode mode) const {
    return divideRound(*this, Decimal::fromInt(1), unit, mode);
}

Decimal Decimal::divideRound(const Decimal& numerator, const Decimal& denominator,
                             const Decimal& unit, RoundingMode mode) {
    if (denominator.isZero() || unit.isZero() || unit.isNegative()) {
        throw std::domain_error("division by zero or non-positive rounding unit");
    }
    // value = (n / 10^ns) / (d / 10^ds); we want k = value / unit rounded, result k * unit.
    // k = n * 10^ds * 10^us / (10^ns * d * u)  with unit = u / 10^us.
    Decimal n = numerator.normalized();
    Decimal d = denominator.normalized();
    Decimal u = unit.normalized();
    Int128 num = n.mantissa_ * powerOfTen(d.scale_) * powerOfTen(u.scale_);
    Int128 den = powerOfTen(n.scale_) * d.mantissa_ * u.mantissa_;
    Int128 k = divideInteger(num, den, mode);
    return Decimal(k * u.mantissa_, u.scale_);
}

Decimal operator+(const Decimal& a, const Decimal& b) {
    int scale = 0;
    __int128 sx = 0;
    __int128 sy = 0;
    if (alignedSmall(a, b, sx, sy, scale)) {
        return Decimal(toInt128(sx + sy), scale);
    }
    auto [x, y] = aligned(a, b, scale);
    return Decimal(x + y, scale);
}

Decimal operator-(const Decimal& a, const Decimal& b) {
    int scale = 0;
    __int128 sx = 0;
    __int128 sy = 0;
    if (alignedSmall(a, b, sx, sy, scale)) {
        return Decimal(toInt128(sx - sy), scale);
    }
    auto [x, y] = aligned(a, b, scale);
    return Decimal(x - y, scale);
}

Decimal operator*(const Decimal& a, const Decimal& b) {
    long long am = 0;
    long long bm = 0;
    if (smallMantissa(a.mantissa_, am) && smallMantissa(b.mantissa_, bm)) {
        return Decimal(toInt128(static_cast<__int128>(am) * bm), a.scale_ + b.scale_);
    }
    return Decimal(a.mantissa_ * b.mantissa_, a.scale_ + b.scale_);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    int scale = 0;
    __int128 sx = 0;
    __int128 sy = 0;
    if (alignedSmall(a, b, sx, sy, scale)) {
        return sx < sy ? std::strong_ordering::less
                       : sx > sy ? std::strong_ordering::greater : std::strong_ordering::equal;
    }
    auto [x, y] = aligned(a, b, scale);
    if (x < y) {
        return std::strong_ordering::less;
    }
    if (x > y) {
        return std::strong_ordering::greater;
    }
    return std::strong_ordering::equal;
}

Decimal max(const Decimal& a, const Decimal& b) { return a < b ? b : a; }
Decimal min(const Decimal& a, const Decimal& b) { return b < a ? b : a; }

} // namespace ydelse
