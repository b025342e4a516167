// Versions of regler, tabeller and konteringsregler: the checks on their validity (K306,
// K330-K334, K431) and the choice of the version in force for the order's periode.fra.
#include "io/order_reader.hpp"
#include "runtime/artifact/artifact.hpp"
#include "runtime/eval/evaluator.hpp"
#include "runtime/output/json_writer.hpp"
#include "test_catalog.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace ydelse;
using namespace ydelse::testing;

namespace {

// A skattefri ydelse valid from 2024 paying loft(beløb) + tillæg(), posted by konteringsregel K.
const std::string kYdelse = skattefriYdelse("loft(grundlag.beløb) + tillæg(grundlag.beløb)");

// Two versions of loft (with a deliberate gap in July 2025), two of the tabel tillæg and two
// of the konteringsregel K.
const char* kVersioned = R"(
regel loft(x: Beløb): Beløb {
  lovgrundlag "loftloven 2024"
  version "2024.1"
  gyldig fra 2024-01-01 til 2025-06-30
  = min(x; 1000 kr)
}
regel loft(x: Beløb): Beløb {
  lovgrundlag "loftloven 2025"
  version "2025.2"
  gyldig fra 2025-08-01
  bevidst hul "loftet var ophævet i juli 2025"
  = min(x; 2000 kr)
}
tabel tillæg(x: Beløb): Beløb {
  lovgrundlag "tillægsloven"
  version "A"
  gyldig fra 2024-01-01 til 2024-12-31
  træf først
  | - | 0 kr |
}
tabel tillæg(x: Beløb): Beløb {
  lovgrundlag "tillægsloven, ny"
  version "B"
  gyldig fra 2025-01-01
  træf først
  | - | 10 kr |
}
kontering K(u: Konto) {
  lovgrundlag "kontoplan 2024"
  version "K2024"
  gyldig fra 2024-01-01 til 2024-12-31
  brutto: debet u kredit logisk gammel
}
kontering K(u: Konto) {
  lovgrundlag "kontoplan 2025"
  version "K2025"
  gyldig fra 2025-01-01
  brutto: debet u kredit logisk ny
}
)";

CompileResult compileVersions(const std::string& rules, const std::string& ydelse = kYdelse) {
    return compileSources({{"k.yk", "katalog \"T\" version \"1\" fagsystemer KY\n"},
                           {"r.yk", rules},
                           {"y.yk", ydelse},
                           {"u.yk", kMinimalUdbetaling}});
}

bool has(const CompileResult& r, const std::string& code) {
    std::vector<std::string> c = codes(r);
    return std::find(c.begin(), c.end(), code) != c.end();
}

Result runMonth(const ir::Program& program, const std::string& month, const char* belob) {
    const std::string order = R"(
ordre_id: "T"
fagsystem: KY
kommune: 101
udbetalingsdato: )" + month + R"(-28
periode: {fra: )" + month + R"(-01, til: )" + month + R"(-28}
modtager: {type: cpr, nummer: "0101801234"}
ydelser: [{ydelse: T, grundlag: {beløb: ")" + belob + "\"}}]\n";
    io::ReadOrder read = io::readOrderText(order);
    REQUIRE(read.order.has_value());
    EvalState state;
    return evaluate(program, *read.order, state);
}

std::string versionOf(const Result& r, const std::string& rule) {
    for (const AppliedRule& a : r.regler) {
        if (a.regel == rule) {
            return std::string(a.version);
        }
    }
    return "";
}

bool postsTo(const Result& r, const std::string& logical) {
    for (const Posting& k : r.konteringer) {
        for (const AccountField& f : k.konto) {
            if (f.value == logical) {
                return true;
            }
        }
    }
    return false;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
    return text;
}

} // namespace

TEST_CASE("versions that follow each other, or leave a deliberate gap, compile") {
    CompileResult c = compileVersions(kVersioned);
    CHECK(codes(c).empty());
    CHECK(c.program.has_value());
}

TEST_CASE("the version in force on periode.fra is used, and the audit list names it") {
    CompileResult c = compileVersions(kVersioned);
    REQUIRE(c.program.has_value());
    Result r2024 = runMonth(*c.program, "2024-03", "5000");
    REQUIRE(r2024.status != ResultStatus::Afvist);
    CHECK(r2024.belob.brutto == Decimal::fromInt(1000));
    CHECK(versionOf(r2024, "loft") == "2024.1");
    CHECK(versionOf(r2024, "tillæg") == "A");
    CHECK(versionOf(r2024, "K") == "K2024");
    CHECK(postsTo(r2024, "gammel"));
    CHECK_FALSE(postsTo(r2024, "ny"));

    Result r2025 = runMonth(*c.program, "2025-03", "5000");
    REQUIRE(r2025.status != ResultStatus::Afvist);
    CHECK(r2025.belob.brutto == Decimal::fromInt(1010)); // loft 2024.1 until June, tillæg B
    CHECK(versionOf(r2025, "tillæg") == "B");
    CHECK(versionOf(r2025, "K") == "K2025");
    CHECK(postsTo(r2025, "ny"));
    CHECK_FALSE(postsTo(r2025, "gammel"));

    Result r2026 = runMonth(*c.program, "2026-03", "5000");
    CHECK(r2026.belob.brutto == Decimal::fromInt(2010));
    CHECK(versionOf(r2026, "loft") == "2025.2");
    CHECK(versionOf(r2026, "loft") != "2024.1");
}

TEST_CASE("an order in a deliberate gap is rejected with the reason") {
    CompileResult c = compileVersions(kVersioned);
    REQUIRE(c.program.has_value());
    Result gap = runMonth(*c.program, "2025-07", "5000");
    REQUIRE(gap.status == ResultStatus::Afvist);
    CHECK(gap.fejl.at(0).kode == "REGEL_UDEN_VERSION");
    CHECK(std::string(gap.fejl.at(0).besked).find("ophævet i juli 2025") != std::string::npos);
}

TEST_CASE("from a compiled artifact, versions give byte for byte the same results") {
    CompileResult c = compileVersions(kVersioned);
    REQUIRE(c.program.has_value());
    LoadedArtifact loaded = readArtifact(writeArtifact(*c.program));
    REQUIRE_MESSAGE(loaded.program.has_value(), loaded.error);
    for (const char* month : {"2024-03", "2025-03", "2025-07", "2026-03"}) {
        std::string fromSource;
        std::string fromArtifact;
        writeJson(runMonth(*c.program, month, "5000"), fromSource);
        writeJson(runMonth(*loaded.program, month, "5000"), fromArtifact);
        CHECK(fromSource == fromArtifact);
        const bool gap = std::string(month) == "2025-07";
        CHECK(fromSource.find(gap ? "REGEL_UDEN_VERSION" : "\"regler\"") != std::string::npos);
    }
}

TEST_CASE("overlapping versions are K330, an undeclared gap K331") {
    CHECK(has(compileVersions(replaced(kVersioned, "til 2025-06-30", "til 2025-08-01")), "K330"));
    CHECK(has(compileVersions(replaced(kVersioned, "bevidst hul \"loftet var ophævet i juli 2025\"",
                                       "")),
              "K331"));
    // A deliberate gap where there is none is refused too.
    CHECK(has(compileVersions(replaced(kVersioned, "til 2025-06-30", "til 2025-07-31")), "K331"));
    CHECK(has(compileVersions(replaced(kVersioned, "til 2024-12-31\n  træf", "til 2024-11-30\n  træf")),
              "K331"));
}

TEST_CASE("versions must agree on parameters and result (K332) and be told apart (K333)") {
    CHECK(has(compileVersions(replaced(kVersioned, "tabel tillæg(x: Beløb): Beløb {\n  lovgrundlag "
                                                   "\"tillægsloven, ny\"",
                                       "tabel tillæg(x: Beløb): Procent {\n  lovgrundlag "
                                       "\"tillægsloven, ny\"")),
              "K332"));
    CHECK(has(compileVersions(replaced(kVersioned, "version \"K2025\"", "version \"K2024\"")),
              "K333"));
    CHECK(has(compileVersions(replaced(kVersioned, "  gyldig fra 2025-01-01\n  brutto", "  brutto")),
              "K333"));
    // Without any `gyldig fra`, a second declaration is simply defined twice.
    const std::string twice = "regel loft(x: Beløb): Beløb { lovgrundlag \"l\" version \"1\" = x }\n"
                              "regel loft(x: Beløb): Beløb { lovgrundlag \"l\" version \"2\" = x }\n";
    CHECK(has(compileVersions(twice + "tabel tillæg(x: Beløb): Beløb { lovgrundlag \"t\" version "
                                      "\"1\" træf først | - | 0 kr | }\n"
                                      "kontering K(u: Konto) { lovgrundlag \"k\" version \"1\" "
                                      "brutto: debet u kredit logisk m }\n"),
              "K304"));
}

TEST_CASE("til before fra on a version is K306; gyldig on an undtagelse is K334") {
    CHECK(has(compileVersions(replaced(kVersioned, "til 2024-12-31\n  brutto",
                                       "til 2023-12-31\n  brutto")),
              "K306"));
    CHECK(has(compileVersions(std::string(kVersioned) +
                              "undtagelse u til loft { lovgrundlag \"u\" version \"1\" gyldig fra "
                              "2024-01-01 når x < 0 kr = 0 kr }\n"),
              "K334"));
}

TEST_CASE("a ydelse using a rule outside the rule's versions is K431, naming the days") {
    const std::string later = replaced(kVersioned, "gyldig fra 2024-01-01 til 2025-06-30",
                                       "gyldig fra 2024-02-01 til 2025-06-30");
    CompileResult r = compileVersions(later);
    REQUIRE(has(r, "K431"));
    bool named = false;
    for (const Diagnostic& d : r.diagnostics.items()) {
        named = named || (d.code == "K431" &&
                          d.message.find("fra 2024-01-01 til 2024-01-31") != std::string::npos);
    }
    CHECK(named);
    // A ydelse whose validity ends before the rule's first version starts needs nothing more.
    const std::string bounded = replaced(kYdelse, "gyldig fra 2024-01-01",
                                         "gyldig fra 2024-02-01 til 2025-06-30");
    CHECK(codes(compileVersions(later, bounded)).empty());
    // A konteringsregel ending too early is reached through the ydelse's kontering.
    CHECK(has(compileVersions(replaced(kVersioned, "gyldig fra 2025-01-01\n  brutto",
                                       "gyldig fra 2025-01-01 til 2025-12-31\n  brutto")),
              "K431"));
}

TEST_CASE("a sats used only by a later version need not cover the earlier days (K430)") {
    const std::string usesNewSats =
        replaced(kVersioned, "= min(x; 2000 kr)", "= min(x; NYT_LOFT)");
    auto withSats = [&](const char* from) {
        return compileSources({{"k.yk", "katalog \"T\" version \"1\" fagsystemer KY\n"},
                               {"r.yk", usesNewSats},
                               {"y.yk", kYdelse},
                               {"u.yk", kMinimalUdbetaling}},
                              {{"satser/s.yaml",
                                std::string("NYT_LOFT:\n  type: Beløb\n  værdier:\n    - fra: ") +
                                    from + "\n      værdi: \"2000\"\n      kilde: \"test\"\n"}});
    };
    CHECK(codes(withSats("2025-08-01")).empty());
    CompileResult late = withSats("2025-09-01");
    REQUIRE(has(late, "K430"));
    bool narrowed = false;
    for (const Diagnostic& d : late.diagnostics.items()) {
        narrowed = narrowed || d.message.find("satsen NYT_LOFT fra 2025-08-01 og frem") !=
                                   std::string::npos;
    }
    CHECK(narrowed);
}
