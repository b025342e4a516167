// The inline readers of plain_scalars.hpp against the general rules they shortcut: each must
// accept only what the rule accepts, with exactly the rule's value (the same Decimal mantissa
// and scale, the same day), and must accept the common forms, or it would be no shortcut.
#include "io/plain_scalars.hpp"
#include "io/scalar_rules.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <charconv>
#include <random>
#include <string>

using namespace ydelse;
using namespace ydelse::io;

namespace {

// The rules as they read without the shortcuts, written out again from scalar_rules.cpp.
std::optional<Decimal> generalAmount(std::string_view text) {
    const auto parsed = Decimal::parse(text);
    const std::size_t point = text.find('.');
    const std::size_t decimals = point == std::string_view::npos ? 0 : text.size() - point - 1;
    if (!parsed || decimals > 2 || parsed->isNegative() ||
        *parsed > Decimal::fromInt(1'000'000'000)) {
        return std::nullopt;
    }
    return parsed;
}

std::optional<Decimal> generalPercent(std::string_view text) {
    const auto parsed = Decimal::parse(text);
    if (!parsed || parsed->isNegative() || *parsed > Decimal::fromInt(100)) {
        return std::nullopt;
    }
    return parsed;
}

std::optional<std::int64_t> generalInteger(std::string_view text, std::int64_t min,
                                           std::int64_t max) {
    if (!rules::allDigits(text) || text.size() > 18) {
        return std::nullopt;
    }
    std::int64_t number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number);
    return number < min || number > max ? std::nullopt : std::optional(number);
}

void checkSame(const std::optional<Decimal>& fast, const std::optional<Decimal>& general,
               std::string_view text) {
    INFO(text);
    if (fast) {
        REQUIRE(general.has_value());
        CHECK(fast->mantissa() == general->mantissa());
        CHECK(fast->scale() == general->scale());
    }
}

// Random texts over the characters numbers are written with, and a few others.
std::string randomNumberText(std::mt19937_64& rng) {
    static constexpr std::string_view kAlphabet = "0123456789000999..-+ eaø";
    std::string text;
    const std::size_t length = rng() % 22;
    for (std::size_t i = 0; i < length; ++i) {
        text += kAlphabet[rng() % kAlphabet.size()];
    }
    return text;
}

} // namespace

TEST_CASE("plainDate: every date 1895-3004 and every impossible day, as Date::parse reads it") {
    for (int year = 1895; year <= 3004; ++year) {
        for (int month = 0; month <= 13; ++month) {
            for (int day = 0; day <= 32; ++day) {
                const std::string text = fmt::format("{:04}-{:02}-{:02}", year, month, day);
                const auto fast = rules::plainDate(text);
                const auto general = Date::parse(text);
                if (fast != general) {
                    FAIL(text);
                }
            }
        }
    }
    CHECK(rules::plainDate("2023-02-30") == std::nullopt);
    CHECK(rules::plainDate("2024-02-29") == Date::fromYmd(2024, 2, 29));
    CHECK(rules::plainDate("1900-02-29") == std::nullopt);
    CHECK(rules::plainDate("2000-02-29") == Date::fromYmd(2000, 2, 29));
}

TEST_CASE("plainDate: any other byte anywhere is no date") {
    const std::string good = "2024-03-28";
    for (std::size_t at = 0; at < good.size(); ++at) {
        for (int byte = 0; byte < 256; ++byte) {
            std::string text = good;
            text[at] = static_cast<char>(byte);
            INFO(fmt::format("byte {} at {}", byte, at));
            CHECK(rules::plainDate(text) == Date::parse(text));
        }
    }
    for (std::string_view text : {"", "2024-03-2", "2024-03-288", "2024-3-28", "2024/03/28",
                                  " 2024-03-28", "2024-03-28 ", "+024-03-28"}) {
        CHECK(rules::plainDate(text) == std::nullopt);
    }
}

TEST_CASE("plainAmount, plainPercent, plainInteger: a subset of their rules, same values") {
    const char* const fixed[] = {
        "0", "00", "0.0", "0.00", "0.000", "12326.00", "12326.5", "1000000000", "1000000000.00",
        "1000000000.01", "1000000001", "999999999.99", "-0", "-0.00", "-1", ".5", "5.", "1..2",
        "1.2.3", "", "100", "100.0", "100.000000000000001", "100.01", "37.5", "0.0000000000000001",
        "123456789012345678", "1234567890123456789", "12345678901234567.8", "1e3", " 1", "1 ",
        "007", "007.50",
    };
    std::mt19937_64 rng(42);
    std::vector<std::string> texts(std::begin(fixed), std::end(fixed));
    for (int i = 0; i < 200000; ++i) {
        texts.push_back(randomNumberText(rng));
    }
    for (const std::string& text : texts) {
        checkSame(rules::plainAmount(text), generalAmount(text), text);
        checkSame(rules::plainPercent(text), generalPercent(text), text);
        const auto integer = rules::plainInteger(text, 1, 999);
        if (integer) {
            CHECK(integer == generalInteger(text, 1, 999));
        }
        const auto wide = rules::plainInteger(text, 0, 999'999'999'999'999'999);
        if (wide) {
            CHECK(wide == generalInteger(text, 0, 999'999'999'999'999'999));
        }
    }
    // The forms orders have are taken by the shortcut.
    CHECK(rules::plainAmount("12326.00").has_value());
    CHECK(rules::plainAmount("1000000000.00").has_value());
    CHECK(rules::plainAmount("4141.5").has_value());
    CHECK(rules::plainAmount("0").has_value());
    CHECK(rules::plainPercent("37").has_value());
    CHECK(rules::plainPercent("37.25").has_value());
    CHECK(rules::plainPercent("100").has_value());
    CHECK(rules::plainInteger("851", 1, 999) == 851);
}
