// The partial-result matcher of `ydelse test`: named keys only, exact decimals, one-to-one list
// matching, and readable differences.
#include "io/expectation.hpp"
#include "runtime/output/json_writer.hpp"

#include <doctest/doctest.h>

using namespace ydelse;

namespace {

std::vector<std::string> compare(const char* expected, const char* actual) {
    return io::compareExpected(YAML::Load(expected), YAML::Load(actual));
}

} // namespace

TEST_CASE("only what forventet names is compared") {
    const char* actual = R"({"status":"effektueret","beløb":{"brutto":"1.00","netto":"2.00"}})";
    CHECK(compare("beløb: {netto: \"2.00\"}", actual).empty());
    CHECK(compare("status: effektueret", actual).empty());
    CHECK(compare("{}", actual).empty());
}

TEST_CASE("amounts compare as exact decimals, other scalars as text") {
    const char* actual = R"({"beløb":{"a_skat":"2990.00"},"status":"effektueret","felt":14})";
    CHECK(compare("beløb: {a_skat: \"2990\"}", actual).empty());
    CHECK(compare("beløb: {a_skat: 2990.0}", actual).empty());
    CHECK(compare("felt: \"14.00\"", actual).empty());
    const auto diff = compare("beløb: {a_skat: \"2993.00\"}", actual);
    REQUIRE(diff.size() == 1);
    CHECK(diff[0] == "beløb.a_skat: forventet \"2993.00\", fik \"2990.00\"");
    const auto almost = compare("beløb: {a_skat: \"2990.001\"}", actual);
    CHECK(almost.size() == 1);
    const auto text = compare("status: tilbageholdt", actual);
    REQUIRE(text.size() == 1);
    CHECK(text[0] == "status: forventet \"tilbageholdt\", fik \"effektueret\"");
}

TEST_CASE("missing fields and wrong shapes are reported with their path") {
    const char* actual = R"({"beløb":{"brutto":"1.00"},"linjer":[]})";
    const auto missing = compare("beløb: {refusion: \"0\"}", actual);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].rfind("beløb.refusion: forventet \"0\", men feltet findes ikke", 0) == 0);
    const auto shape = compare("beløb: [1]", actual);
    REQUIRE(shape.size() == 1);
    CHECK(shape[0].rfind("beløb: forventet en liste", 0) == 0);
    CHECK(compare("ordre_id: null", R"({"ordre_id":null})").empty());
    CHECK(compare("ordre_id: null", R"({"ordre_id":"X"})").size() == 1);
}

TEST_CASE("list items are paired one to one, where first come first served would fail") {
    // Greedy pairing gives the loose first item the only line the strict second item fits.
    const char* actual = R"({"linjer":[{"art":"brutto","beløb":"5.00"},
                                       {"art":"brutto","beløb":"7.00"}]})";
    CHECK(compare("linjer: [{art: brutto}, {art: brutto, beløb: \"5\"}]", actual).empty());
    // Order does not matter either.
    CHECK(compare("linjer: [{beløb: \"7\"}, {beløb: \"5\"}]", actual).empty());
}

TEST_CASE("each actual item serves one expected item only") {
    const char* actual = R"({"linjer":[{"art":"brutto","beløb":"5.00"},
                                       {"art":"netto","beløb":"5.00"}]})";
    const auto diff = compare("linjer: [{art: brutto}, {art: brutto}]", actual);
    REQUIRE(diff.size() == 1);
    CHECK(diff[0].rfind("linjer: forventet element nr. 2 {art: brutto} har intet modstykke", 0) ==
          0);
    CHECK(diff[0].find("allerede parret") != std::string::npos);
}

TEST_CASE("an unpaired item is shown with the nearest actual item's differences") {
    const char* actual = R"({"linjer":[{"art":"brutto","beløb":"12326.00"},
                                       {"art":"a_skat","beløb":"2990.00"}]})";
    const auto diff = compare("linjer: [{art: a_skat, beløb: \"2993.00\"}]", actual);
    REQUIRE(diff.size() == 1);
    CHECK(diff[0] == "linjer: forventet element nr. 1 {art: a_skat, beløb: \"2993.00\"} har intet "
                     "modstykke i resultatet; nærmest er linjer[1].beløb: forventet \"2993.00\", "
                     "fik \"2990.00\"");
    const auto none = compare("linjer: [{art: a_skat}]", R"({"linjer":[]})");
    REQUIRE(none.size() == 1);
    CHECK(none[0].find("resultatets liste er tom") != std::string::npos);
}

TEST_CASE("an empty expected list requires an empty list") {
    CHECK(compare("modregninger: []", R"({"modregninger":[]})").empty());
    CHECK(compare("modregninger: []", R"({"modregninger":[{"fordring":"F-1"}]})").size() == 1);
}

TEST_CASE("a writeJson result read back compares against a partial expectation") {
    Result r;
    r.ordreId = "KY-1";
    r.status = ResultStatus::Effektueret;
    r.belob.aSkat = *Decimal::parse("2990");
    r.eindkomst = {EIncomeLine{"06", 14, *Decimal::parse("12227")},
                   EIncomeLine{"06", 15, *Decimal::parse("2990")}};
    std::string json;
    writeJson(r, json);
    const YAML::Node actual = YAML::Load(json);
    const YAML::Node expected = YAML::Load(R"(
status: effektueret
beløb: {a_skat: "2990"}
eindkomst:
  - {felt: 15, beløb: "2990"}
  - {indkomsttype: "06", felt: 14, beløb: "12227"}
)");
    CHECK(io::compareExpected(expected, actual).empty());
    const auto diff =
        io::compareExpected(YAML::Load("beløb: {a_skat: \"2993.00\"}\nstatus: afvist"), actual);
    REQUIRE(diff.size() == 2);
    CHECK(diff[0] == "beløb.a_skat: forventet \"2993.00\", fik \"2990.00\"");
}

TEST_CASE("expected error codes must occur as often as listed") {
    CHECK(io::compareErrorCodes({"FELT_TYPE"}, {"FELT_MANGLER", "FELT_TYPE"}).empty());
    CHECK(io::compareErrorCodes({"FELT_TYPE", "FELT_TYPE"}, {"FELT_TYPE"}).size() == 1);
    const auto diff = io::compareErrorCodes({"FELT_VÆRDI"}, {"FELT_TYPE"});
    REQUIRE(diff.size() == 1);
    CHECK(diff[0] == "fejl: forventet fejlkoden FELT_VÆRDI, fik [FELT_TYPE]");
}
