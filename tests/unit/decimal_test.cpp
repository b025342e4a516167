// Money and rounding: exact decimal arithmetic and every named rounding mode, table-driven.
#include "runtime/support/decimal.hpp"

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

TEST_CASE("the 64-bit fast paths give exactly what 128-bit arithmetic gives") {
    // The reference computes with checked_int128_t directly, as the general path does; the
    // mantissas reach the fast path's 2^62 limit and beyond, so both paths are taken.
    using ydelse::Int128;
    std::uint64_t state = 42;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 1;
    };
    auto pow10 = [](int n) {
        Int128 p = 1;
        for (int i = 0; i < n; ++i) {
            p *= 10;
        }
        return p;
    };
    auto same = [](const Decimal& x, const Decimal& y) {
        return x.mantissa() == y.mantissa() && x.scale() == y.scale();
    };
    for (int n = 0; n < 20000; ++n) {
        auto draw = [&] {
            const std::uint64_t kind = next() % 5;
            Int128 m = kind == 0   ? Int128(next() % 1000)
                       : kind == 1 ? Int128(next() % 100000000000ULL)
                       : kind == 2 ? Int128((1ULL << 62) - 2 + next() % 4) // around the limit
                       : kind == 3 ? Int128(next() % (1ULL << 62))
                                   : Int128(next()) * 3; // beyond 2^63
            if (next() % 3 == 0) {
                m = -m;
            }
            return Decimal(m, static_cast<int>(next() % 7));
        };
        const Decimal a = draw();
        const Decimal c = draw();
        const int s = std::max(a.scale(), c.scale());
        const Int128 x = a.mantissa() * pow10(s - a.scale());
        const Int128 y = c.mantissa() * pow10(s - c.scale());
        CHECK(same(a + c, Decimal(x + y, s)));
        CHECK(same(a - c, Decimal(x - y, s)));
        CHECK(same(c - a, Decimal(y - x, s)));
        // Both mantissas beyond 2^64 can overflow: then both must throw.
        std::optional<Decimal> product;
        try {
            product = Decimal(a.mantissa() * c.mantissa(), a.scale() + c.scale());
        } catch (const std::overflow_error&) {
        }
        if (product) {
            CHECK(same(a * c, *product));
        } else {
            CHECK_THROWS_AS(a * c, std::overflow_error);
        }
        const auto expected = x < y   ? std::strong_ordering::less
                              : x > y ? std::strong_ordering::greater
                                      : std::strong_ordering::equal;
        CHECK((a <=> c) == expected);
        Int128 m = a.mantissa();
        int scale = a.scale();
        while (scale > 0 && m % 10 == 0) {
            m /= 10;
            --scale;
        }
        CHECK(same(a.normalized(), Decimal(m, scale)));
    }
}
