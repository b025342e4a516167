// The JSON writer's raw-pointer primitives (json_format.hpp): exact bytes for the edge cases,
// agreement with Decimal::toString and Date::toString, and that none writes past the room it
// asks for. Also the writer's own buffering: output longer than its buffer, long texts and
// amounts beyond the 64-bit path.
#include "runtime/output/json_format.hpp"
#include "runtime/output/json_writer.hpp"
#include "runtime/output/output_common.hpp"

#include "tests/io/json_quote_reference.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <vector>

using namespace ydelse;

namespace {

constexpr char kCanary = '#';

// Runs `write(p)` into a buffer with exactly `room` bytes before a canary zone; returns the
// text written and checks that nothing beyond the room changed.
template <typename Write>
std::string written(std::size_t room, Write write) {
    std::vector<char> buffer(room + 16, kCanary);
    char* end = write(buffer.data());
    REQUIRE(end != nullptr);
    REQUIRE(end >= buffer.data());
    REQUIRE(static_cast<std::size_t>(end - buffer.data()) <= room);
    for (std::size_t k = room; k < buffer.size(); ++k) {
        REQUIRE(buffer[k] == kCanary);
    }
    return std::string(buffer.data(), end);
}

std::string decimalText(const char* value, int minDecimals) {
    return written(json::kDecimalBound, [&](char* p) {
        return json::writeDecimal(p, *Decimal::parse(value), minDecimals);
    });
}

std::string quotedText(std::string_view text) {
    return written(json::quotedBound(text.size()),
                   [&](char* p) { return json::writeQuoted(p, text); });
}

} // namespace

TEST_CASE("writeDecimal: money and percent texts, exactly") {
    CHECK(decimalText("12326", 2) == "12326.00");
    CHECK(decimalText("0", 2) == "0.00");
    CHECK(decimalText("0.000", 2) == "0.00");
    CHECK(decimalText("0", 0) == "0");
    CHECK(decimalText("-0.00", 6) == "0.000000");
    CHECK(decimalText("-0.05", 2) == "-0.05");
    CHECK(decimalText("-99", 2) == "-99.00");
    CHECK(decimalText("3697.8", 2) == "3697.80");
    CHECK(decimalText("1.125", 2) == "1.125");
    CHECK(decimalText("1.12500", 2) == "1.125");
    CHECK(decimalText("4549.890000", 2) == "4549.89");
    CHECK(decimalText("999999999999", 2) == "999999999999.00");
    CHECK(decimalText("30.00", 0) == "30");
    CHECK(decimalText("1.50", 0) == "1.5");
    CHECK(decimalText("0.000000000000000001", 2) == "0.000000000000000001");
    CHECK(decimalText("-7", 6) == "-7.000000");
}

TEST_CASE("writeDecimal beyond 64 bits, and forced decimals beyond six") {
    // A mantissa of 13 digits, a scale above 18, and the largest and smallest mantissas.
    for (const char* text : {"1000000000000", "-1000000000000", "0.0000000000000000001",
                             "123456789012345678901234567890.123456789"}) {
        CHECK(decimalText(text, 2) == Decimal::parse(text)->toString(2));
    }
    const Int128 largest = ~(Int128(1) << 127);
    for (const Int128 mantissa : {largest, -largest, Int128(-1) - largest}) {
        for (int scale : {0, 2, Decimal::kMaxScale}) {
            for (int minDecimals : {0, 2, 6}) {
                const Decimal value(mantissa, scale);
                REQUIRE(written(json::kDecimalBound, [&](char* p) {
                            return json::writeDecimal(p, value, minDecimals);
                        }) == value.toString(minDecimals));
            }
        }
    }
    // Callers ask for 0 to 6; beyond is taken as the nearest.
    CHECK(decimalText("1", 7) == "1.000000");
    CHECK(decimalText("1", -1) == "1");
}

TEST_CASE("writeDecimal writes what Decimal::toString does") {
    std::uint64_t state = 99;
    for (int n = 0; n < 20000; ++n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const auto mantissa = static_cast<long long>(state >> 24) % 2'000'000'000'000LL -
                              1'000'000'000'000LL;
        const int scale = static_cast<int>((state >> 8) % 20);
        const int minDecimals = static_cast<int>(state % 4);
        const Decimal value(Int128(mantissa), scale);
        REQUIRE(written(json::kDecimalBound, [&](char* p) {
                    return json::writeDecimal(p, value, minDecimals);
                }) == value.toString(minDecimals));
    }
}

TEST_CASE("writeMoney writes what Decimal::toString(2) does") {
    auto money = [](const Decimal& value) {
        return written(json::kDecimalBound, [&](char* p) { return json::writeMoney(p, value); });
    };
    // Øre at the edges of the fast path's eight digits, and each count of digits.
    for (long long ore : {0LL, 1LL, -1LL, 9LL, 10LL, 99LL, 100LL, 101LL, 999LL, 1000LL, 12345LL,
                          454989LL, -310589LL, 9999999LL, 10000000LL, 99999999LL, -99999999LL,
                          100000000LL, -100000000LL, 123456789012LL}) {
        const Decimal value = Decimal::fromOre(ore);
        REQUIRE(money(value) == value.toString(2));
    }
    std::uint64_t state = 7;
    for (int n = 0; n < 100000; ++n) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        // Every magnitude from one digit to eleven, either sign, scales 0 to 4.
        const int digits = 1 + static_cast<int>((state >> 8) % 11);
        long long bound = 1;
        for (int k = 0; k < digits; ++k) {
            bound *= 10;
        }
        const auto magnitude = static_cast<long long>((state >> 20) % bound);
        const long long mantissa = (state & 1) != 0 ? -magnitude : magnitude;
        const int scale = n % 5 == 0 ? static_cast<int>((state >> 4) % 5) : 2;
        const Decimal value(Int128(mantissa), scale);
        REQUIRE(money(value) == value.toString(2));
    }
}

TEST_CASE("writeQuoted agrees with the escaping spelled out, for texts of every length") {
    // Every byte at each position of texts as long as two blocks and more.
    for (int byte = 0; byte < 256; ++byte) {
        for (std::size_t length : {1, 7, 8, 15, 16, 17, 31, 32, 33, 40}) {
            for (std::size_t at = 0; at < length; ++at) {
                std::string text(length, 'x');
                text[at] = static_cast<char>(byte);
                REQUIRE(quotedText(text) == testing::referenceQuoted(text));
            }
        }
    }
    // Pieces that each path treats differently: plain ASCII, two-byte letters, longer
    // sequences, escapes, and broken UTF-8 (stray continuation, cut-off or overlong lead).
    const std::vector<std::string> pieces = {
        "a", "Lov om ", "§", "æ", "ø", "Å", "\xC2\xA0", "\xDF\xBF", "\xE2\x80\x93", "\xF0\x9F\x98\x80",
        "\"", "\\", "\n", "\x01", "\x7f", "\x80", "\xC3", "\xC0\x80", "\xC1\xBF", "\xE2\x80",
        "\xF8", "\xFF", "1"};
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&state](std::size_t bound) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return static_cast<std::size_t>(state % bound);
    };
    for (int round = 0; round < 20'000; ++round) {
        std::string text;
        const std::size_t target = next(70);
        // Mostly plain text with letters, as a catalog's, sometimes anything.
        const std::size_t kinds = round % 3 == 0 ? pieces.size() : 7;
        while (text.size() < target) {
            text += pieces[next(kinds)];
        }
        REQUIRE(quotedText(text) == testing::referenceQuoted(text));
        // Every suffix too, so each piece meets each position of a block and each path.
        for (std::size_t from = 1; from < text.size(); from += 1 + next(3)) {
            const std::string_view rest = std::string_view(text).substr(from);
            REQUIRE(quotedText(rest) == testing::referenceQuoted(rest));
        }
    }
}

TEST_CASE("writeDate and writeInt") {
    auto date = [](const char* text) {
        return written(json::kDateBound,
                       [&](char* p) { return json::writeDate(p, *Date::parse(text)); });
    };
    CHECK(date("2024-03-28") == "2024-03-28");
    CHECK(date("1900-01-01") == "1900-01-01");
    CHECK(date("2999-12-31") == "2999-12-31");
    // Every day of the years 0 to 9999 and a little beyond them, and days far out: the same
    // text as Date::toString.
    for (std::int32_t days = -720'000; days < 2'934'000; ++days) {
        const Date d = Date::fromDays(days);
        char buffer[json::kDateBound];
        const char* end = json::writeDate(buffer, d);
        if (d.civil().year >= 0 && d.civil().year <= 9999) {
            REQUIRE(end == buffer + 10);
        }
        REQUIRE(std::string_view(buffer, static_cast<std::size_t>(end - buffer)) ==
                d.toString());
    }
    // Again, now that they are kept: the same texts.
    for (std::int32_t days = 19'000; days < 21'000; ++days) {
        const Date d = Date::fromDays(days);
        REQUIRE(written(json::kDateBound, [&](char* p) { return json::writeDate(p, d); }) ==
                d.toString());
    }
    for (std::int32_t days : {INT32_MIN, -5'000'000, -719'529, 2'932'897, 5'000'000, 100'000'000,
                              1, 512, 513}) {
        const Date d = Date::fromDays(days);
        REQUIRE(written(json::kDateBound, [&](char* p) { return json::writeDate(p, d); }) ==
                d.toString());
    }
    auto integer = [](int value) {
        return written(json::kIntBound, [&](char* p) { return json::writeInt(p, value); });
    };
    CHECK(integer(0) == "0");
    CHECK(integer(14) == "14");
    CHECK(integer(-1) == "-1");
    CHECK(integer(INT_MAX) == "2147483647");
    CHECK(integer(INT_MIN) == "-2147483648");
}

TEST_CASE("writeJson: output beyond its buffer, long texts, amounts beyond 64 bits") {
    Result r;
    r.status = ResultStatus::Effektueret;
    const std::string longId = std::string(3000, 'x') + "\"æ";
    r.ordreId = longId;
    r.belob.brutto = Decimal(Int128(1) << 80, 2); // 2^80 øre: Decimal's own path
    static constexpr AccountField kKonto[] = {{"funktion", "5.57.73", false},
                                              {"dranst", "1", true}};
    std::string postings;
    for (int k = 0; k < 400; ++k) {
        r.konteringer.push_back(
            Posting{kKonto, Decimal::fromOre(k - 200), Decimal(), PostingText("Løn", "2024-03")});
        postings += (k == 0 ? "" : ",") +
                    std::string(R"({"konto":{"funktion":"5.57.73","dranst":1},"debet":")") +
                    Decimal::fromOre(k - 200).toString(2) +
                    R"(","kredit":"0.00","tekst":"Løn 2024-03"})";
    }
    std::string json = "før";
    writeJson(r, json);
    std::string expectedId;
    appendQuoted(expectedId, longId);
    CHECK(expectedId == "\"" + std::string(3000, 'x') + "\\\"æ\"");
    const std::string expected =
        "før" + std::string(R"({"ordre_id":)") + expectedId +
        R"(,"status":"effektueret","katalog":{"hash":"","version":""},)"
        R"("modtager":{"type":"cpr","nummer":""},)"
        R"("periode":{"fra":"1970-01-01","til":"1970-01-01"},"udbetalingsdato":"1970-01-01",)"
        R"("beløb":{"brutto":"12089258196146291747061.76","atp_egen":"0.00","am_bidrag":"0.00",)"
        R"("a_indkomst":"0.00","a_skat":"0.00","modregning":"0.00","netto":"0.00",)"
        R"("tilbageholdt":"0.00","atp_kommune":"0.00","op_bidrag":"0.00","refusion":"0.00"},)"
        R"("linjer":[],"modregninger":[],"konteringer":[)" +
        postings +
        R"(],"fordringer_oprettet":[],"eindkomst":[],"refusion":[],"regler":[]})";
    CHECK(json.size() > 16 * 1024);
    CHECK(json == expected);
}
