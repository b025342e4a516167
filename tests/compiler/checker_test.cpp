// Checks: each kind of wrong catalog gives its diagnostic code, and all errors come at once.
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

std::string messageOf(const CompileResult& r, const std::string& code) {
    for (const Diagnostic& d : r.diagnostics.items()) {
        if (d.code == code) {
            return d.message;
        }
    }
    return "";
}

} // namespace

TEST_CASE("the base test catalog compiles without diagnostics") {
    CompileResult r = compileTest(testYdelse());
    CHECK(codes(r).empty());
    REQUIRE(r.program.has_value());
    CHECK(r.program->ydelser.size() == 1);
}

TEST_CASE("a misspelt name is reported with a suggestion") {
    CompileResult r = compileTest(testYdelse("grundlag.beløbb"));
    REQUIRE(has(r, "K102"));
    CHECK(messageOf(r, "K102").find("mente du 'beløb'") != std::string::npos);
    CompileResult r2 = compileTest(testYdelse("grundlag.beløb + brutt"));
    REQUIRE(has(r2, "K101"));
}

TEST_CASE("Beløb + Procent is a type error found before anything runs") {
    CompileResult r = compileTest(testYdelse("grundlag.beløb + 37 %"));
    CHECK(has(r, "K203"));
    CHECK_FALSE(r.program.has_value());
}

TEST_CASE("Beløb × Procent is a Beløb, Beløb × Beløb is an error") {
    CHECK(codes(compileTest(testYdelse("rund_ned(grundlag.beløb * 37 %; 1 kr)"))).empty());
    CHECK(has(compileTest(testYdelse("grundlag.beløb * grundlag.beløb")), "K203"));
}

TEST_CASE("a division must be rounded explicitly") {
    CHECK(has(compileTest(testYdelse("grundlag.beløb / 2")), "K204"));
    CHECK(codes(compileTest(testYdelse("rund_ned(grundlag.beløb / 12; 1 kr)"))).empty());
}

TEST_CASE("a missing required definition and a missing kontering line are reported") {
    std::string body = testYdelse();
    std::string without = body;
    without.erase(without.find("  op_bidrag = 0 kr\n"), std::string("  op_bidrag = 0 kr\n").size());
    CHECK(has(compileTest(without), "K301"));

    // An AM-bidrag that can be non-zero needs a kontering line; KONTI2 has none for it.
    std::string konti2 = R"(
kontering KONTI2(udgift: Konto) {
  lovgrundlag "k"
  version "1"
  brutto: debet udgift kredit logisk mellemregning
})";
    std::string am = testYdelse();
    am.replace(am.find("am_bidrag = 0 kr"), std::string("am_bidrag = 0 kr").size(),
               "am_bidrag = rund_op(8 % * brutto; 1 kr)");
    am.replace(am.find("kontering KONTI("), std::string("kontering KONTI(").size(),
               "kontering KONTI2(");
    CompileResult r = compileTest(am + konti2);
    CHECK(has(r, "K501"));
    CHECK(messageOf(r, "K501").find("am_bidrag") != std::string::npos);
}

TEST_CASE("cycles between definitions are errors; unused definitions are warnings") {
    CompileResult cyc = compileTest(testYdelse("a + 0 kr", "a = brutto + 0 kr"));
    CHECK(has(cyc, "K120"));
    CompileResult unused = compileTest(testYdelse("grundlag.beløb", "overflødig = 1 kr"));
    CHECK(has(unused, "K110"));
    CHECK_FALSE(unused.diagnostics.hasErrors());
    CHECK(unused.program.has_value());
}

TEST_CASE("vælg must cover every value of its enumeration") {
    std::string rule = R"(
regel r(x: Beløb): Beløb {
  lovgrundlag "l"
  version "1"
  = vælg skattekort.type { hovedkort, bikort: x  frikort: 0 kr }
})";
    CompileResult r = compileTest(testYdelse("r(grundlag.beløb)") + rule);
    REQUIRE(has(r, "K209"));
    CHECK(messageOf(r, "K209").find("intet") != std::string::npos);
}

TEST_CASE("rules calling each other in a ring are refused") {
    std::string rules = R"(
regel a(x: Beløb): Beløb { lovgrundlag "l" version "1" = b(x) }
regel b(x: Beløb): Beløb { lovgrundlag "l" version "1" = a(x) }
)";
    CHECK(has(compileTest(testYdelse("a(grundlag.beløb)") + rules), "K121"));
}

TEST_CASE("sats tables: a gap, an overlap and a value without a source are errors") {
    const std::string gap = R"(
S:
  type: Beløb
  værdier:
    - {fra: 2024-01-01, til: 2024-06-30, værdi: "1", kilde: "k"}
    - {fra: 2024-08-01, værdi: "2", kilde: "k"}
)";
    const std::string overlap = R"(
S:
  type: Beløb
  værdier:
    - {fra: 2024-01-01, til: 2024-12-31, værdi: "1", kilde: "k"}
    - {fra: 2024-07-01, værdi: "2", kilde: "k"}
)";
    const std::string unsourced = R"(
S:
  type: Beløb
  værdier:
    - {fra: 2024-01-01, værdi: "1"}
)";
    CHECK(has(compileTest(testYdelse("S"), {{"s.yaml", gap}}), "K416"));
    CHECK(has(compileTest(testYdelse("S"), {{"s.yaml", overlap}}), "K417"));
    CHECK(has(compileTest(testYdelse("S"), {{"s.yaml", unsourced}}), "K415"));
}

TEST_CASE("a catalog with several errors reports all of them in one run") {
    std::string body = testYdelse("grundlag.beløbb + 37 %", "x = ukendt_navn\ny = 1 kr / 2");
    CompileResult r = compileTest(body);
    std::vector<std::string> c = codes(r);
    CHECK(r.diagnostics.errorCount() >= 3);
    CHECK(has(r, "K102"));
    CHECK(has(r, "K101"));
    CHECK(has(r, "K204"));
    // Sorted by position: the first rendered error is the earliest in the file.
    std::vector<Diagnostic> sorted = r.diagnostics.sorted();
    CHECK(std::is_sorted(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.range.file, a.range.line) < std::tie(b.range.file, b.range.line);
    }));
}

TEST_CASE("decision tables: a gap and an overlap are shown with a witness case") {
    const std::string gap = R"(
tabel t(uge: Heltal): Procent {
  lovgrundlag "l"
  version "1"
  træf først
  | <= 4  | 80 % |
  | 6..26 | 40 % |
  | > 26  | 30 % |
})";
    CompileResult g = compileTest(testYdelse("rund_ned(t(3) * grundlag.beløb; 1 kr)") + gap);
    REQUIRE(has(g, "K315"));
    CHECK(messageOf(g, "K315").find("uge = 5") != std::string::npos);

    const std::string overlap = R"(
tabel t(uge: Heltal; kort: Skattekorttype): Procent {
  lovgrundlag "l"
  version "1"
  træf entydig
  | <= 26 | -                 | 40 % |
  | >= 26 | hovedkort, bikort | 30 % |
  | > 26  | frikort, intet    | 20 % |
})";
    CompileResult o = compileTest(testYdelse("rund_ned(t(3; hovedkort) * grundlag.beløb; 1 kr)") +
                                  overlap);
    REQUIRE(has(o, "K316"));
    CHECK(messageOf(o, "K316").find("uge = 26") != std::string::npos);
    CHECK(messageOf(o, "K316").find("række 1 og 2") != std::string::npos);
}

TEST_CASE("decision tables: complete tables compile; sum needs a numeric result") {
    const std::string ok = R"(
tabel t(x: Beløb): Beløb {
  lovgrundlag "l"
  version "1"
  træf først
  | < 100 kr | 1 kr |
  | -        | x    |
})";
    CHECK(codes(compileTest(testYdelse("t(grundlag.beløb)") + ok)).empty());
    const std::string badSum = R"(
tabel t(x: Beløb): Sand/Falsk {
  lovgrundlag "l"
  version "1"
  træf sum
  | - | sand |
})";
    CHECK(has(compileTest(testYdelse("hvis t(grundlag.beløb) så 1 kr ellers 2 kr") + badSum),
              "K314"));
    const std::string nonConstant = R"(
tabel t(x: Beløb): Beløb {
  lovgrundlag "l"
  version "1"
  træf først
  | < x | 1 kr |
  | -   | x    |
})";
    CHECK(has(compileTest(testYdelse("t(grundlag.beløb)") + nonConstant), "K312"));
}

TEST_CASE("an undtagelse must name an existing regel and match its type") {
    const std::string rules = R"(
regel loft(x: Beløb): Beløb { lovgrundlag "l" version "1" = x }
undtagelse højt til loftt { lovgrundlag "u" version "1" når x > 100 kr = 100 kr }
undtagelse forkert til loft { lovgrundlag "u" version "1" når x > 100 kr = 5 % }
)";
    CompileResult r = compileTest(testYdelse("loft(grundlag.beløb)") + rules);
    REQUIRE(has(r, "K107"));
    CHECK(messageOf(r, "K107").find("mente du 'loft'") != std::string::npos);
    CHECK(has(r, "K201"));
}

TEST_CASE("a kommune overlay may not change a national regel that is not marked for it") {
    const std::string rules = R"(
regel loft(x: Beløb): Beløb { lovgrundlag "l" version "1" = x }
undtagelse lokalt til loft for kommune 561 { lovgrundlag "u" version "1" når x > 1 kr = 1 kr }
)";
    CompileResult r = compileTest(testYdelse("loft(grundlag.beløb)") + rules);
    REQUIRE(has(r, "K320"));
    CHECK(messageOf(r, "K320").find("kommune 561") != std::string::npos);
}
