// Period units on amounts (`Beløb pr. måned`): amounts of different units cannot meet (K214), an
// amount without a unit meets any, and × and rounding keep the unit.
#include "test_catalog.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace ydelse;
using namespace ydelse::testing;

namespace {

bool has(const CompileResult& r, const std::string& code) {
    std::vector<std::string> c = codes(r);
    return std::find(c.begin(), c.end(), code) != c.end();
}

// The test ydelse with a monthly grundlag field `beløb` and a weekly `ugebeløb`.
std::string withUnits(const std::string& brutto, const std::string& extra = "") {
    std::string y = testYdelse(brutto, extra);
    const std::string from = "grundlag { beløb: Beløb }";
    y.replace(y.find(from), from.size(),
              "grundlag { beløb: Beløb pr. måned  ugebeløb: Beløb pr. uge  andet: Beløb }");
    return y;
}

const std::pair<std::string, std::string> kMonthlySats = {
    "satser/s.yaml", "MÅNEDSSATS:\n  type: Beløb pr. måned\n  værdier:\n    - fra: 2020-01-01\n"
                     "      værdi: \"100\"\n      kilde: \"test\"\n"};

} // namespace

TEST_CASE("amounts of the same unit, or without a unit, compute together") {
    CHECK(codes(compileTest(withUnits("grundlag.beløb + grundlag.andet"))).empty());
    CHECK(codes(compileTest(withUnits("max(grundlag.beløb; MÅNEDSSATS)"), {kMonthlySats})).empty());
    // × a number or a percentage, and rounding, keep the unit: still comparable with monthly.
    CHECK(codes(compileTest(withUnits("hvis rund_ned(grundlag.beløb * 37 %; 1 kr) > MÅNEDSSATS "
                                      "så grundlag.beløb * 2 ellers 0 kr"),
                            {kMonthlySats}))
              .empty());
}

TEST_CASE("a monthly and a weekly amount cannot be added, compared or mixed in branches") {
    CHECK(has(compileTest(withUnits("grundlag.beløb + grundlag.ugebeløb")), "K214"));
    CHECK(has(compileTest(withUnits("grundlag.ugebeløb * 4 - MÅNEDSSATS"), {kMonthlySats}),
              "K214"));
    CHECK(has(compileTest(withUnits("hvis grundlag.beløb > grundlag.ugebeløb så 1 kr ellers 0 kr")),
              "K214"));
    CHECK(has(compileTest(withUnits("hvis sand så grundlag.beløb ellers grundlag.ugebeløb")),
              "K214"));
    CHECK(has(compileTest(withUnits("min(grundlag.beløb; grundlag.ugebeløb)")), "K214"));
}

TEST_CASE("a weekly amount passed where a monthly one is declared is K214") {
    const std::string rule = "regel halv(x: Beløb pr. måned): Beløb pr. måned { lovgrundlag \"l\" "
                             "version \"1\" = rund_ned(x / 2; 1 kr) }\n";
    CHECK(codes(compileTest(rule + withUnits("halv(grundlag.beløb)"))).empty());
    CHECK(codes(compileTest(rule + withUnits("halv(grundlag.andet)"))).empty());
    CHECK(has(compileTest(rule + withUnits("halv(grundlag.ugebeløb)")), "K214"));
    // The declared result carries the unit back to the caller.
    CHECK(has(compileTest(rule + withUnits("halv(grundlag.andet) + grundlag.ugebeløb")), "K214"));
    // A definition's declared type is checked the same way.
    CHECK(has(compileTest(withUnits("grundlag.beløb", "x: Beløb pr. uge = grundlag.beløb\n"
                                                      "y = x")),
              "K214"));
}

TEST_CASE("an unknown unit, or a unit on another type than Beløb, is K215") {
    CHECK(has(compileTest(withUnits("grundlag.beløb", "x: Beløb pr. kvartal = 0 kr")), "K215"));
    CHECK(has(compileTest("regel r(n: Heltal pr. uge): Heltal { lovgrundlag \"l\" version \"1\" = n }\n" +
                          withUnits("grundlag.beløb")),
              "K215"));
}

TEST_CASE("a sats type with a unit other than on a Beløb is K412") {
    const std::pair<std::string, std::string> bad = {
        "satser/s.yaml", "S:\n  type: Procent pr. måned\n  værdier:\n    - fra: 2020-01-01\n"
                         "      værdi: \"1\"\n      kilde: \"test\"\n"};
    CHECK(has(compileTest(withUnits("grundlag.beløb"), {bad}), "K412"));
}
