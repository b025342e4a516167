// The whole pipeline on the shipped catalog: compile, read an order, evaluate, write.
#include "interpreter/compiler.hpp"
#include "test_catalog.hpp"
#include "io/order_reader.hpp"
#include "runtime/eval/evaluator.hpp"
#include "runtime/output/json_writer.hpp"

#include <doctest/doctest.h>

using namespace ydelse;

namespace {

const CompileResult& shipped() {
    static const CompileResult result = compileCatalog(YDELSE_SOURCE_DIR "/catalog");
    return result;
}

const char* kOrder = R"(
ordre_id: "T-1"
fagsystem: KY
kommune: 101
udbetalingsdato: 2024-03-28
periode: {fra: 2024-03-01, til: 2024-03-31}
modtager: {type: cpr, nummer: "0101801234"}
ydelser:
  - ydelse: KONTANTHJÆLP
    grundlag: {beløb: "12326.00", forsørger: false}
forsørgelse: {uge: 30, måneder: 14}
skattekort: {type: hovedkort, trækprocent: "37", fradrag: "4141.00"}
)";

// A skattefri ydelse paying loft(beløb), for tests of regler and their undtagelser.
const std::string kLoftYdelse =
    testing::skattefriYdelse("loft(grundlag.beløb)") +
    "kontering K(u: Konto) { lovgrundlag \"k\" version \"1\" brutto: debet u kredit logisk m }\n";

Result run(const std::string& text) {
    io::ReadOrder read = io::readOrderText(text);
    REQUIRE_MESSAGE(read.order.has_value(), (read.errors.empty() ? "" : read.errors[0].besked));
    EvalState state;
    return evaluate(*shipped().program, *read.order, state);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    return text;
}

} // namespace

TEST_CASE("the shipped catalog compiles without errors or warnings") {
    const CompileResult& r = shipped();
    CHECK(r.diagnostics.errorCount() == 0);
    CHECK(r.diagnostics.warningCount() == 0);
    REQUIRE(r.program.has_value());
    CHECK(r.program->hash.size() == 64);
}

TEST_CASE("worked example 1 under P4 (ATP 99/198 from 2024)") {
    Result r = run(kOrder);
    REQUIRE(r.status == ResultStatus::Effektueret);
    CHECK(r.belob.brutto == Decimal::fromInt(12326));
    CHECK(r.belob.atpEgen == Decimal::fromInt(99));
    CHECK(r.belob.atpKommune == Decimal::fromInt(198));
    CHECK(r.belob.aIndkomst == Decimal::fromInt(12227));
    CHECK(r.belob.aSkat == Decimal::fromInt(2990));
    CHECK(r.belob.netto == Decimal::fromInt(9237));
    CHECK(r.belob.opBidrag == Decimal::fromInt(183));
    CHECK(r.belob.refusion == *Decimal::parse("3697.80"));
}

TEST_CASE("postings balance to the øre") {
    Result r = run(kOrder);
    Decimal debit;
    Decimal credit;
    for (const Posting& p : r.konteringer) {
        debit += p.debet;
        credit += p.kredit;
        CHECK_FALSE(p.debet.isNegative());
        CHECK_FALSE(p.kredit.isNegative());
    }
    CHECK(debit == credit);
    CHECK(debit > Decimal{});
}

TEST_CASE("without NemKonto the net is held back, nothing is lost") {
    Result r = run(replaced(kOrder, "nummer: \"0101801234\"}",
                            "nummer: \"0101801234\", nemkonto: false}"));
    REQUIRE(r.status == ResultStatus::Tilbageholdt);
    CHECK(r.belob.netto.isZero());
    CHECK(r.belob.tilbageholdt == Decimal::fromInt(9237));
}

TEST_CASE("an explicitly unknown sats rejects only the orders that need it") {
    std::string y2026 = replaced(replaced(replaced(kOrder, "2024-03-01", "2026-03-01"),
                                          "2024-03-31", "2026-03-31"),
                                 "2024-03-28", "2026-03-28");
    Result needsThreshold = run(y2026);
    REQUIRE(needsThreshold.status == ResultStatus::Afvist);
    CHECK(needsThreshold.fejl.at(0).kode == "SATS_UKENDT");
    CHECK(needsThreshold.fejl.at(0).besked.find("ATP_TÆRSKEL") != std::string::npos);

    Result noAtp = run(replaced(y2026, "måneder: 14", "måneder: 5"));
    CHECK(noAtp.status == ResultStatus::Effektueret);
    CHECK(noAtp.belob.atpEgen.isZero());
}

TEST_CASE("the same order gives byte-identical output") {
    std::string a;
    std::string b;
    writeJson(run(kOrder), a);
    writeJson(run(kOrder), b);
    CHECK(a == b);
}

TEST_CASE("a catalog's hash does not depend on the path it is read from") {
    CompileResult relative = compileCatalog(std::filesystem::relative(YDELSE_SOURCE_DIR "/catalog"));
    REQUIRE(relative.program.has_value());
    CHECK(relative.program->hash == shipped().program->hash);
}

TEST_CASE("decision tables evaluate by their hit policy") {
    const char* katalog = R"(katalog "T" version "1" fagsystemer KY
)";
    std::string tables = R"(
tabel trin(uge: Heltal): Procent {
  lovgrundlag "l"
  version "1"
  træf først
  | <= 4 | 80 % |
  | -    | 20 % |
}
tabel tillæg(x: Beløb; kort: Skattekorttype): Beløb {
  lovgrundlag "l"
  version "1"
  træf sum
  | >= 100 kr | -         | 10 kr |
  | -         | hovedkort | 5 kr  |
  | < 0 kr    | -         | 99 kr |
}
kontering K(u: Konto) {
  lovgrundlag "k"
  version "1"
  brutto: debet u kredit logisk m
  refusion: debet logisk r kredit logisk q
}
ydelse T "T" {
  lovgrundlag "l"
  version "1"
  fagsystem KY
  modtager cpr
  periode måned
  gyldig fra 2024-01-01
  skat fri
  grundlag { beløb: Beløb }
  brutto = grundlag.beløb + tillæg(grundlag.beløb; skattekort.type)
  atp_egen = 0 kr
  atp_kommune = 0 kr
  am_bidrag = 0 kr
  a_indkomst = 0 kr
  op_bidrag = 0 kr
  refusion_procent = trin(forsørgelse.uge)
  refusion_grundlag = brutto
  refusion = rund_halvt_op(refusion_procent * refusion_grundlag; 0,01 kr)
  kontering K(u = logisk udgift)
}
)";
    CompileResult c = compileSources(
        {{"k.yk", katalog}, {"t.yk", tables}, {"u.yk", testing::kMinimalUdbetaling}});
    for (const Diagnostic& d : c.diagnostics.items()) {
        INFO(d.code << " " << d.message);
    }
    REQUIRE(c.program.has_value());
    auto order = [&](const char* belob, int uge) {
        std::string text = std::string(R"(
ordre_id: "T"
fagsystem: KY
kommune: 101
udbetalingsdato: 2024-03-28
periode: {fra: 2024-03-01, til: 2024-03-31}
modtager: {type: cpr, nummer: "0101801234"}
ydelser: [{ydelse: T, grundlag: {beløb: ")") + belob + R"("}}]
skattekort: {type: hovedkort, trækprocent: "37", fradrag: "0"}
forsørgelse: {uge: )" + std::to_string(uge) + "}\n";
        io::ReadOrder read = io::readOrderText(text);
        REQUIRE(read.order.has_value());
        EvalState state;
        return evaluate(*c.program, *read.order, state);
    };
    Result small = order("50", 3);
    REQUIRE(small.status == ResultStatus::Effektueret);
    CHECK(small.belob.brutto == Decimal::fromInt(55)); // 50 + 5 (hovedkort)
    CHECK(small.belob.refusion == Decimal::fromInt(44)); // 80 % of 55
    Result large = order("200", 9);
    CHECK(large.belob.brutto == Decimal::fromInt(215)); // 200 + 10 + 5
    CHECK(large.belob.refusion == Decimal::fromInt(43)); // 20 % of 215
}

TEST_CASE("optional grundlag fields: angivet() asks, reading an absent one names the field") {
    const char* katalog = R"(katalog "T" version "1" fagsystemer KY
)";
    std::string body = R"(
kontering K(u: Konto) {
  lovgrundlag "k"
  version "1"
  brutto: debet u kredit logisk m
}
)" + testing::skattefriYdelse(
        "rund_halvt_op(sats * grundlag.timer; 0,01 kr) + grundlag.bonus",
        "timer: Heltal\n    timesats: Beløb valgfri\n    bonus: Beløb valgfri",
        R"(  krav grundlag.timer <= 37 * kalenderuger(periode)
    ellers afvis FOR_MANGE_TIMER "for mange timer" felt "grundlag.timer"
  sats = hvis angivet(grundlag.timesats) så grundlag.timesats ellers 100 kr)",
        "uge");
    CompileResult c = compileSources(
        {{"k.yk", katalog}, {"t.yk", body}, {"u.yk", testing::kMinimalUdbetaling}});
    for (const Diagnostic& d : c.diagnostics.items()) {
        INFO(d.code << " " << d.message);
    }
    REQUIRE(c.program.has_value());
    auto order = [&](const std::string& grundlag, const char* fra, const char* til) {
        std::string text = std::string(R"(
ordre_id: "T"
fagsystem: KY
kommune: 101
udbetalingsdato: 2024-03-28
periode: {fra: )") + fra + ", til: " + til + R"(}
modtager: {type: cpr, nummer: "0101801234"}
ydelser: [{ydelse: T, grundlag: {)" + grundlag + "}}]\n";
        io::ReadOrder read = io::readOrderText(text);
        REQUIRE(read.order.has_value());
        EvalState state;
        return evaluate(*c.program, *read.order, state);
    };
    Result given = order("timer: 10, timesats: \"126.89\", bonus: \"1\"", "2024-03-25", "2024-03-31");
    REQUIRE(given.status == ResultStatus::Effektueret);
    CHECK(given.belob.brutto == *Decimal::parse("1269.90"));

    Result missing = order("timer: 10", "2024-03-25", "2024-03-31");
    REQUIRE(missing.status == ResultStatus::Afvist);
    CHECK(missing.fejl.at(0).kode == "FELT_MANGLER");
    CHECK(missing.fejl.at(0).felt == "ydelser[0].grundlag.bonus");

    // 1-14 April 2024 touches two calendar weeks (Monday 1 to Sunday 14): at most 74 hours.
    CHECK(order("timer: 74, bonus: \"0\"", "2024-04-01", "2024-04-14").status ==
          ResultStatus::Effektueret);
    Result tooMany = order("timer: 75, bonus: \"0\"", "2024-04-01", "2024-04-14");
    REQUIRE(tooMany.status == ResultStatus::Afvist);
    CHECK(tooMany.fejl.at(0).kode == "FOR_MANGE_TIMER");
    CHECK(tooMany.fejl.at(0).felt == "ydelser[0].grundlag.timer");
}

TEST_CASE("an undtagelse takes precedence over its regel when its condition holds") {
    std::string text = R"(
regel loft(x: Beløb): Beløb { lovgrundlag "l" version "1" = x }
undtagelse over_loft til loft {
  lovgrundlag "særlig hjemmel § 2"
  version "1"
  når x > 1000 kr = 1000 kr
}
)";
    const std::string ydelseText = kLoftYdelse;
    CompileResult c = compileSources({{"k.yk", "katalog \"T\" version \"1\" fagsystemer KY\n"},
                                      {"r.yk", text}, {"y.yk", ydelseText},
                                      {"u.yk", testing::kMinimalUdbetaling}});
    REQUIRE(c.program.has_value());
    auto run = [&](const char* belob) {
        std::string order = std::string(R"(
ordre_id: "T"
fagsystem: KY
kommune: 101
udbetalingsdato: 2024-03-28
periode: {fra: 2024-03-01, til: 2024-03-31}
modtager: {type: cpr, nummer: "0101801234"}
ydelser: [{ydelse: T, grundlag: {beløb: ")") + belob + "\"}}]\n";
        io::ReadOrder read = io::readOrderText(order);
        REQUIRE(read.order.has_value());
        EvalState state;
        return evaluate(*c.program, *read.order, state);
    };
    Result low = run("500");
    CHECK(low.belob.brutto == Decimal::fromInt(500));
    Result high = run("5000");
    CHECK(high.belob.brutto == Decimal::fromInt(1000));
    bool listed = false;
    for (const AppliedRule& a : high.regler) {
        listed = listed || (a.regel == "over_loft" && a.lovgrundlag == "særlig hjemmel § 2");
    }
    CHECK(listed);
    for (const AppliedRule& a : low.regler) {
        CHECK(a.regel != "over_loft");
    }
}

TEST_CASE("a kommune overlay replaces a regel the standard marks, for that kommune only") {
    std::string rules = R"(
regel loft(x: Beløb): Beløb {
  lovgrundlag "l"
  version "1"
  kommunen kan ændre
  = x
}
undtagelse lokalt_loft til loft for kommune 561 {
  lovgrundlag "kommunalbestyrelsens beslutning"
  version "1"
  når x > 1000 kr = 1000 kr
}
)" + kLoftYdelse;
    CompileResult c = compileSources({{"k.yk", "katalog \"T\" version \"1\" fagsystemer KY\n"},
                                      {"r.yk", rules},
                                      {"u.yk", testing::kMinimalUdbetaling}});
    REQUIRE(c.program.has_value());
    auto run = [&](int kommune) {
        std::string order = R"(
ordre_id: "T"
fagsystem: KY
kommune: )" + std::to_string(kommune) + R"(
udbetalingsdato: 2024-03-28
periode: {fra: 2024-03-01, til: 2024-03-31}
modtager: {type: cpr, nummer: "0101801234"}
ydelser: [{ydelse: T, grundlag: {beløb: "5000"}}]
)";
        io::ReadOrder read = io::readOrderText(order);
        REQUIRE(read.order.has_value());
        EvalState state;
        return evaluate(*c.program, *read.order, state);
    };
    CHECK(run(561).belob.brutto == Decimal::fromInt(1000));
    CHECK(run(101).belob.brutto == Decimal::fromInt(5000));
}
