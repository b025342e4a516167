// Money and rounding: exact decimal arithmetic and every named rounding mode, table-driven.
#include "runtime/support/decimal.hpp"

#include <boost/multiprecision/cpp_int.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>

using ydelse::Decimal;
using ydelse::RoundingMode;

namespace {
Decimal d(const char* text) {
    auto v = Decimal::parse(text);
    REQUIRE_MESSAGE(v.has_value(), text);
    return *v;
}
} // namespace

TEST_CASE("parse accepts plain decimal text and refuses anything else") {
    CHECK(d("12326").toString(2) == "12326.00");
    CHECK(d("12326.5").toString(2) == "12326.50");
    CHECK(d("-0.05").toString() == "-0.05");
    CHECK(d("0.000001").toString() == "0.000001");
    for (const char* bad : {"", "-", ".5", "5.", "1,5", "12.326,00", "1e3", "1.2.3", "abc", " 1"}) {
        CHECK_MESSAGE(!Decimal::parse(bad).has_value(), bad);
    }
}

TEST_CASE("arithmetic is exact") {
    CHECK((d("0.1") + d("0.2")) == d("0.3"));
    CHECK((d("12227") * d("0.015")).toString() == "183.405");
    CHECK((d("12326") - d("99") - d("0")).toString(2) == "12227.00");
    CHECK((-d("1.50")).toString(2) == "-1.50");
    CHECK(d("1.10") == d("1.1"));
    CHECK(d("2") > d("1.999999"));
}

TEST_CASE("rounding modes to a unit") {
    struct Case {
        const char* value;
        const char* unit;
        RoundingMode mode;
        const char* expected;
    };
    const Case cases[] = {
        {"12227", "10", RoundingMode::Down, "12220"},
        {"12220", "10", RoundingMode::Down, "12220"},
        {"2989.23", "1", RoundingMode::Up, "2990"},
        {"2989.00", "1", RoundingMode::Up, "2989"},
        {"183.405", "1", RoundingMode::HalfUp, "183"},
        {"183.5", "1", RoundingMode::HalfUp, "184"},
        {"-183.5", "1", RoundingMode::HalfUp, "-184"},
        {"3697.805", "0.01", RoundingMode::HalfUp, "3697.81"},
        {"2.5", "1", RoundingMode::HalfEven, "2"},
        {"3.5", "1", RoundingMode::HalfEven, "4"},
        {"-2.5", "1", RoundingMode::HalfEven, "-2"},
        {"-12.3", "10", RoundingMode::Down, "-20"},
        {"-12.3", "10", RoundingMode::Up, "-10"},
        {"0.004", "0.01", RoundingMode::Up, "0.01"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.value);
        CAPTURE(c.unit);
        CHECK(d(c.value).roundTo(d(c.unit), c.mode) == d(c.expected));
    }
}

TEST_CASE("division only together with a rounding") {
    CHECK(Decimal::divideRound(d("49700"), d("12"), d("1"), RoundingMode::Down) == d("4141"));
    CHECK(Decimal::divideRound(d("49700"), d("12"), d("0.01"), RoundingMode::HalfUp) ==
          d("4141.67"));
    CHECK(Decimal::divideRound(d("1"), d("3"), d("0.01"), RoundingMode::Up) == d("0.34"));
    CHECK(Decimal::divideRound(d("-1"), d("3"), d("0.01"), RoundingMode::Down) == d("-0.34"));
    CHECK_THROWS_AS(Decimal::divideRound(d("1"), d("0"), d("1"), RoundingMode::Down),
                    std::domain_error);
}

TEST_CASE("whole øre and money text") {
    CHECK(d("12326.5").isWholeOre());
    CHECK(d("183.400").isWholeOre());
    CHECK_FALSE(d("183.405").isWholeOre());
    CHECK(d("99").toMoneyString() == "99.00");
    CHECK(d("0").toMoneyString() == "0.00");
    CHECK(d("-0.5").toMoneyString() == "-0.50");
}

TEST_CASE("overflow is an error, never a wrap") {
    Decimal big = d("100000000000000000000"); // 1e20
    CHECK_THROWS_AS(big * big * big, std::overflow_error);
    CHECK_THROWS_AS(Decimal(ydelse::Int128(1), Decimal::kMaxScale + 1), std::overflow_error);
}

namespace {

using Big = boost::multiprecision::cpp_int;

Big big(ydelse::Int128 v) {
    // Two 64-bit halves: cpp_int has no constructor from the compiler's 128-bit type here.
    const bool negative = v < 0;
    const auto magnitude = negative ? ~static_cast<unsigned __int128>(v) + 1
                                    : static_cast<unsigned __int128>(v);
    Big b = Big(static_cast<std::uint64_t>(magnitude >> 64));
    b <<= 64;
    b += static_cast<std::uint64_t>(magnitude);
    return negative ? Big(-b) : b;
}

Big pow10(int n) {
    Big p = 1;
    for (int i = 0; i < n; ++i) {
        p *= 10;
    }
    return p;
}

const Big kMax = (Big(1) << 127) - 1;
const Big kMin = -(Big(1) << 127);

bool fits(const Big& v) { return v >= kMin && v <= kMax; }

// `actual` must equal mantissa/10^scale exactly when that mantissa fits in 128 bits, and the
// operation must have thrown otherwise.
template <typename Operation>
void checkAgainst(const Big& mantissa, int scale, Operation operation) {
    if (!fits(mantissa)) {
        CHECK_THROWS_AS(operation(), std::overflow_error);
        return;
    }
    const Decimal actual = operation();
    CHECK(big(actual.mantissa()) == mantissa);
    CHECK(actual.scale() == scale);
}

// Integer quotient with the rounding mode, on unbounded integers.
Big roundedQuotient(const Big& num, const Big& den, RoundingMode mode) {
    Big q = num / den; // truncates
    const Big r = num - q * den;
    if (r == 0) {
        return q;
    }
    const bool negative = (num < 0) != (den < 0);
    const Big twice = abs(r) * 2;
    bool away = false;
    switch (mode) {
    case RoundingMode::Down: away = negative; break;
    case RoundingMode::Up: away = !negative; break;
    case RoundingMode::HalfUp: away = twice >= abs(den); break;
    case RoundingMode::HalfEven: away = twice > abs(den) || (twice == abs(den) && q % 2 != 0); break;
    }
    return away ? Big(negative ? Big(q - 1) : Big(q + 1)) : q;
}

} // namespace

TEST_CASE("native 128-bit arithmetic equals unbounded arithmetic, or throws") {
    // Mantissas from a few digits to beyond 2^126, so every fast and slow path is taken and
    // products and alignments overflow; the reference never overflows.
    std::uint64_t state = 42;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 1;
    };
    auto draw = [&] {
        const std::uint64_t kind = next() % 6;
        ydelse::Int128 m = kind == 0   ? ydelse::Int128(next() % 1000)
                           : kind == 1 ? ydelse::Int128(next() % 100000000000ULL)
                           : kind == 2 ? ydelse::Int128((1ULL << 62) - 2 + next() % 4)
                           : kind == 3 ? ydelse::Int128(next() % (1ULL << 62))
                           : kind == 4 ? ydelse::Int128(next()) * 3 // beyond 2^63
                                       : ydelse::Int128(next()) << 63; // near 2^126
        if (next() % 3 == 0) {
            m = -m;
        }
        return Decimal(m, static_cast<int>(next() % 9));
    };
    const RoundingMode modes[] = {RoundingMode::Down, RoundingMode::Up, RoundingMode::HalfUp,
                                  RoundingMode::HalfEven};
    for (int n = 0; n < 20000; ++n) {
        const Decimal a = draw();
        const Decimal c = draw();
        const int s = std::max(a.scale(), c.scale());
        const Big x = big(a.mantissa()) * pow10(s - a.scale());
        const Big y = big(c.mantissa()) * pow10(s - c.scale());
        CAPTURE(a.toString());
        CAPTURE(c.toString());
        if (fits(x) && fits(y)) {
            checkAgainst(x + y, s, [&] { return a + c; });
            checkAgainst(x - y, s, [&] { return a - c; });
        }
        const Big product = big(a.mantissa()) * big(c.mantissa());
        checkAgainst(product, a.scale() + c.scale(), [&] { return a * c; });
        const auto expected = x < y   ? std::strong_ordering::less
                              : x > y ? std::strong_ordering::greater
                                      : std::strong_ordering::equal;
        CHECK((a <=> c) == expected);
        CHECK((c <=> a) == (0 <=> expected));

        Big m = big(a.mantissa());
        int scale = a.scale();
        while (scale > 0 && m % 10 == 0) {
            m /= 10;
            --scale;
        }
        checkAgainst(m, scale, [&] { return a.normalized(); });

        // divideRound with a unit of 1 or 0.01: k = a * 10^us / c, as the reference rounds it.
        if (!c.isZero()) {
            const RoundingMode mode = modes[next() % 4];
            const bool ore = next() % 2 == 0;
            const Decimal unit = ore ? Decimal::fromOre(1) : Decimal::fromInt(1);
            const Big num = big(a.mantissa()) * pow10(c.scale()) * (ore ? 100 : 1);
            const Big den = big(c.mantissa()) * pow10(a.scale());
            const Big k = roundedQuotient(num, den, mode);
            std::optional<Decimal> q;
            try {
                q = Decimal::divideRound(a, c, unit, mode);
            } catch (const std::overflow_error&) {
            }
            // Where numerator and denominator fit, so do their normalised forms.
            if (fits(num) && fits(den)) {
                REQUIRE(q.has_value());
            }
            if (q) {
                CHECK(big(q->mantissa()) == k);
                CHECK(q->scale() == (ore ? 2 : 0));
            }
        }

        // roundTo a power of ten (its own fast path) and to 5: k = a / (unit * 10^-sa)
        // rounded, the result k units at the unit's scale, or an overflow error.
        {
            const RoundingMode mode = modes[next() % 4];
            const int us = static_cast<int>(next() % 5);
            const bool five = next() % 4 == 0;
            const Decimal unit(five ? 5 : 1, us);
            const Big k = roundedQuotient(big(a.mantissa()) * pow10(us),
                                          pow10(a.scale()) * (five ? 5 : 1), mode);
            checkAgainst(k * (five ? 5 : 1), us, [&] { return a.roundTo(unit, mode); });
        }

        // Text round-trips exactly.
        const std::optional<Decimal> back = Decimal::parse(a.toString());
        REQUIRE(back.has_value());
        CHECK(*back == a);
    }
}

TEST_CASE("the extremes of the 128-bit mantissa") {
    const Decimal most = *Decimal::parse("170141183460469231731687303715884105727");
    const Decimal least = *Decimal::parse("-170141183460469231731687303715884105728");
    CHECK(most.toString() == "170141183460469231731687303715884105727");
    CHECK(least.toString() == "-170141183460469231731687303715884105728");
    CHECK_FALSE(Decimal::parse("170141183460469231731687303715884105728").has_value());
    CHECK_THROWS_AS(-least, std::overflow_error);
    CHECK_THROWS_AS(most + Decimal::fromInt(1), std::overflow_error);
    CHECK_THROWS_AS(least - Decimal::fromInt(1), std::overflow_error);
    CHECK(least < most);
    CHECK(most > Decimal::fromOre(1)); // aligning `most` to scale 2 overflows: its sign decides
    CHECK(least < Decimal::fromOre(-1));
    CHECK_THROWS_AS(Decimal::divideRound(least, Decimal::fromInt(-1), Decimal::fromInt(1),
                                         RoundingMode::Down),
                    std::overflow_error);
}
