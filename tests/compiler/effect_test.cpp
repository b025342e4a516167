// Modregning, corrections and several ydelser per order, on a small catalog held here: the
// checks of the rules that drive them (K601-K607) and the runtime mechanisms they drive.
#include "interpreter/compiler.hpp"
#include "interpreter/source/diagnostic_renderer.hpp"
#include "io/order_reader.hpp"
#include "runtime/eval/evaluator.hpp"
#include "test_catalog.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace ydelse;
using namespace ydelse::testing;

namespace {

const char* kEffectUdbetaling = R"(
udbetaling {
  a_skat = rund_op(10 % * a_indkomst; 1 kr)
  dækning {
    rækkefølge gruppe(fordring.fordringshaver; fordring.kategori), fordring.modtaget
    dæk DELE
  }
  kontering {
    a_skat:       debet logisk mellemregning  kredit logisk skyldig_a_skat
    modregning:   debet logisk mellemregning  kredit logisk debitor
    netto:        debet logisk mellemregning  kredit logisk nemkonto
    tilbageholdt: debet logisk mellemregning  kredit logisk tilbageholdt
    tilbagebetalingskrav: debet logisk debitor_tilbagebetaling  kredit logisk mellemregning
  }
}
tabel gruppe(haver: Fordringshaver; kategori: Fordringskategori): Heltal {
  lovgrundlag "gældsinddrivelsesloven § 4"
  version "1"
  træf først
  | egen_kommune | -    | 1 |
  | inddrivelse  | bøde | 2 |
  | inddrivelse  | -    | 3 |
  | opkrævning   | -    | 4 |
}
modregning ALLE { lovgrundlag "m" version "1" omfatter sand }
modregning BIDRAG {
  lovgrundlag "m" version "1"
  omfatter fordring.kategori == underholdsbidrag_privat eller fordring.kategori == underholdsbidrag_offentlig
}
modregning HALVDELEN {
  lovgrundlag "m" version "1"
  omfatter sand
  højst = rund_ned(50 % * til_rådighed; 0,01 kr)
}
tilbagebetaling TILBAGE {
  lovgrundlag "tilbageloven § 1"
  version "1"
  fordringstype "KTEST"
  krav = hvis år(tidligere.udbetalingsdato) == år(udbetalingsdato) så nettokrav ellers bruttokrav
  forældes = plus_år(udbetalingsdato; 3)
}
kontering KONTI(udgift: Konto) {
  lovgrundlag "kontoplan"
  version "1"
  brutto:      debet udgift kredit logisk mellemregning
  atp_egen:    debet logisk mellemregning kredit logisk skyldig_atp
  atp_kommune: debet logisk atp kredit logisk skyldig_atp
  am_bidrag:   debet logisk mellemregning kredit logisk skyldig_am_bidrag
  op_bidrag:   debet logisk op kredit logisk skyldig_op
  refusion:    debet logisk tilgodehavende_refusion kredit logisk refusion
}
)";

// A ydelse with brutto = grundlag.beløb, ATP 100 / 200 from 10,000 kr, OP 1 % and refusion 50 %,
// so every derived amount of a correction shows.
std::string ydelseText(const std::string& code, const std::string& indkomsttype,
                   const std::string& extra) {
    return "ydelse " + code + R"( "Ydelse )" + code + R"(" {
  lovgrundlag "Testloven § 1"
  version "1"
  fagsystem KY
  modtager cpr
  periode måned
  gyldig fra 2023-01-01
  skat a_indkomst
  indkomsttype ")" + indkomsttype + R"("
  grundlag { beløb: Beløb }
  brutto = grundlag.beløb
  atp_egen = hvis brutto >= 10000 kr så 100 kr ellers 0 kr
  atp_kommune = hvis brutto >= 10000 kr så 200 kr ellers 0 kr
  am_bidrag = 0 kr
  a_indkomst = brutto - atp_egen
  op_bidrag = rund_halvt_op(1 % * (brutto - atp_egen); 1 kr)
  refusion_procent = 50 %
  refusion_grundlag = brutto
  refusion = rund_halvt_op(refusion_procent * refusion_grundlag; 0,01 kr)
  eindkomst { felt 14 = a_indkomst
              felt 15 = a_skat }
  kontering KONTI(udgift = logisk udgift)
)" + extra + "\n}\n";
}

std::string catalogText() {
    return ydelseText("ALT", "06", "modregning ALLE\ntilbagebetaling TILBAGE") +
           ydelseText("BIDRAG", "06", "modregning BIDRAG\ntilbagebetaling TILBAGE") +
           ydelseText("HALV", "06", "modregning HALVDELEN") + ydelseText("INGEN", "00", "");
}

CompileResult compileEffect(const std::string& parts = "rente, hovedstol",
                            const std::string& ydelser = catalogText()) {
    std::string udbetaling = kEffectUdbetaling;
    udbetaling.replace(udbetaling.find("DELE"), 4, parts);
    return compileSources({{"katalog.yk", kKatalog}, {"udbetaling.yk", udbetaling},
                           {"ydelser.yk", ydelser}});
}

const ir::Program& program() {
    static const CompileResult r = compileEffect();
    REQUIRE_MESSAGE(r.program.has_value(), renderDiagnostics(r.diagnostics, r.sources));
    return *r.program;
}

std::string order(const std::string& lines, const std::string& rest = "") {
    return R"(
ordre_id: "E-1"
fagsystem: KY
kommune: 101
udbetalingsdato: 2024-03-28
periode: {fra: 2024-03-01, til: 2024-03-31}
modtager: {type: cpr, nummer: "0101801234"}
ydelser:
)" + lines + rest;
}

std::string line(const std::string& code, const std::string& belob) {
    return "  - {ydelse: " + code + ", grundlag: {beløb: \"" + belob + "\"}}\n";
}

std::string claim(const std::string& id, const std::string& haver, const std::string& kategori,
                  const std::string& modtaget, const std::string& rente,
                  const std::string& hovedstol) {
    return "  - {id: " + id + ", type: X, kategori: " + kategori + ", fordringshaver: " + haver +
           ", modtaget: " + modtaget + ", rente: \"" + rente + "\", hovedstol: \"" + hovedstol +
           "\"}\n";
}

Result run(const std::string& text, const ir::Program& p = program()) {
    io::ReadOrder read = io::readOrderText(text);
    REQUIRE_MESSAGE(read.order.has_value(), (read.errors.empty() ? "" : read.errors[0].besked));
    EvalState state;
    return evaluate(p, *read.order, state);
}

Decimal money(const std::string& text) { return *Decimal::parse(text); }

std::vector<std::string> offsetIds(const Result& r) {
    std::vector<std::string> ids;
    for (const Offset& o : r.modregninger) {
        ids.push_back(o.fordring);
    }
    return ids;
}

// The invariants every result keeps (quality.md): balanced postings, netto + tilbageholdt =
// brutto - withholdings, and no øre lost in the offsets.
void checkInvariants(const Result& r) {
    Decimal debet;
    Decimal kredit;
    for (const Posting& p : r.konteringer) {
        debet += p.debet;
        kredit += p.kredit;
    }
    CHECK(debet == kredit);
    const Amounts& b = r.belob;
    CHECK(b.netto + b.tilbageholdt ==
          b.brutto - b.atpEgen - b.amBidrag - b.aSkat - b.modregning);
    Decimal offsets;
    for (const Offset& o : r.modregninger) {
        offsets += o.rente + o.hovedstol;
        CHECK_FALSE(o.rest.isNegative());
    }
    CHECK(offsets == b.modregning);
}

} // namespace

TEST_CASE("claims are covered in the catalog's dækningsrækkefølge, rente before hovedstol") {
    // 12,000 kr: ATP 100, a_indkomst 11,900, A-skat 1,190, available 10,710.
    const std::string claims =
        "fordringer:\n" + claim("ANDEN", "inddrivelse", "anden", "2022-01-01", "0", "5000") +
        claim("BØDE", "inddrivelse", "bøde", "2023-01-01", "10", "990") +
        claim("EGEN", "egen_kommune", "anden", "2024-01-01", "0", "3000") +
        claim("OPK", "opkrævning", "anden", "2020-01-01", "100", "5000");
    Result r = run(order(line("ALT", "12000.00"), claims));
    REQUIRE(r.status == ResultStatus::Effektueret);
    CHECK(r.belob.aSkat == money("1190"));
    CHECK(offsetIds(r) == std::vector<std::string>{"EGEN", "BØDE", "ANDEN", "OPK"});
    CHECK(r.belob.modregning == money("10710"));
    CHECK(r.belob.netto.isZero());
    // 3,000 + 1,000 + 5,000 leave 1,710: rente 100 first, then 1,610 of the hovedstol.
    const Offset& last = r.modregninger.back();
    CHECK(last.rente == money("100"));
    CHECK(last.hovedstol == money("1610"));
    CHECK(last.rest == money("3390"));
    checkInvariants(r);
}

TEST_CASE("dæk hovedstol, rente covers the hovedstol first") {
    CompileResult c = compileEffect("hovedstol, rente");
    REQUIRE(c.program.has_value());
    const std::string claims =
        "fordringer:\n" + claim("A", "egen_kommune", "anden", "2024-01-01", "500", "10500");
    Result r = run(order(line("ALT", "12000.00"), claims), *c.program);
    REQUIRE(r.modregninger.size() == 1);
    CHECK(r.modregninger[0].hovedstol == money("10500"));
    CHECK(r.modregninger[0].rente == money("210"));
    CHECK(r.modregninger[0].rest == money("290"));
    checkInvariants(r);
}

TEST_CASE("claims with equal keys keep the order's order; a claim not allowed is untouched") {
    const std::string claims =
        "fordringer:\n" + claim("B2", "inddrivelse", "underholdsbidrag_privat", "2023-01-01", "0", "100") +
        claim("B1", "inddrivelse", "underholdsbidrag_offentlig", "2023-01-01", "0", "100") +
        claim("X", "egen_kommune", "anden", "2020-01-01", "0", "100");
    Result r = run(order(line("BIDRAG", "12000.00"), claims));
    CHECK(offsetIds(r) == std::vector<std::string>{"B2", "B1"});
    CHECK(r.belob.modregning == money("200"));
    checkInvariants(r);
}

TEST_CASE("in an order of several ydelser a claim is covered only if every ydelse allows it") {
    const std::string claims =
        "fordringer:\n" + claim("ANDEN", "egen_kommune", "anden", "2020-01-01", "0", "100") +
        claim("BIDRAG", "inddrivelse", "underholdsbidrag_privat", "2023-01-01", "0", "100");
    Result both = run(order(line("ALT", "6000.00") + line("BIDRAG", "6000.00"), claims));
    CHECK(offsetIds(both) == std::vector<std::string>{"BIDRAG"});
    Result none = run(order(line("ALT", "6000.00") + line("INGEN", "6000.00"), claims));
    CHECK(none.modregninger.empty());
    CHECK(none.belob.modregning.isZero());
    checkInvariants(both);
    checkInvariants(none);
}

TEST_CASE("a modregningsregel's højst caps the offset; modregning also when held back") {
    const std::string claims =
        "fordringer:\n" + claim("A", "egen_kommune", "anden", "2020-01-01", "0", "50000");
    Result r = run(order(line("HALV", "12000.00"), claims));
    // Available 10,710; half of it.
    CHECK(r.belob.modregning == money("5355"));
    CHECK(r.belob.netto == money("5355"));
    std::string held = order(line("ALT", "12000.00"), claims);
    held.replace(held.find("\"0101801234\"}"), 13, "\"0101801234\", nemkonto: false}");
    Result h = run(held);
    CHECK(h.status == ResultStatus::Tilbageholdt);
    CHECK(h.belob.modregning == money("10710"));
    CHECK(h.belob.tilbageholdt.isZero());
    checkInvariants(r);
    checkInvariants(h);
}

TEST_CASE("several ydelser are taxed on their sum and felt 15 is split pro rata (P10)") {
    // ALT 9,000 (06, no ATP) and INGEN 3,001 (00): a_indkomst 12,001, A-skat ceil(1,200.1) =
    // 1,201; 06 gets floor(1,201 × 9,000 / 12,001) = 900, 00 floor(300.3) = 300, the remaining
    // 1 kr goes to the larger share, 06.
    Result r = run(order(line("ALT", "9000.00") + line("INGEN", "3001.00")));
    REQUIRE(r.status == ResultStatus::Effektueret);
    CHECK(r.belob.aSkat == money("1201"));
    auto field = [&](std::string_view type, int felt) {
        for (const EIncomeLine& e : r.eindkomst) {
            if (e.indkomsttype == type && e.felt == felt) {
                return e.belob;
            }
        }
        return Decimal{};
    };
    CHECK(field("06", 15) == money("901"));
    CHECK(field("00", 15) == money("300"));
    CHECK(field("06", 14) == money("9000"));
    checkInvariants(r);
}

TEST_CASE("a correction that raises brutto pays the difference, taxed now") {
    // Before: 9,000 without ATP. Now: 12,000 with ATP 100. Efterbetaling 3,000, ATP 100,
    // A-skat ceil(10 % × 2,900) = 290, netto 2,610; OP 1 % of 2,900 = 29, refusion 1,500.
    const std::string rest = R"(korrektion:
  tidligere: {udbetalingsdato: 2024-02-28, brutto: "9000.00", atp_egen: "0.00", am_bidrag: "0.00", a_skat: "900.00", netto: "8100.00"}
)";
    Result r = run(order(line("ALT", "12000.00"), rest));
    REQUIRE(r.status == ResultStatus::Effektueret);
    CHECK(r.belob.brutto == money("3000"));
    CHECK(r.belob.atpEgen == money("100"));
    CHECK(r.belob.atpKommune == money("200"));
    CHECK(r.belob.aSkat == money("290"));
    CHECK(r.belob.netto == money("2610"));
    CHECK(r.belob.opBidrag == money("29"));
    CHECK(r.belob.refusion == money("1500"));
    CHECK(r.fordringerOprettet.empty());
    checkInvariants(r);
}

TEST_CASE("a correction that lowers brutto in the same year is a nettokrav, reversed") {
    // Before: 12,000, ATP 100, A-skat 1,190, netto 10,710. Now: 9,000, no ATP, A-skat 900,
    // netto 8,100. Nettokrav 2,610; eIndkomst felt 14 -2,900, felt 15 -290.
    const std::string rest = R"(korrektion:
  tidligere: {udbetalingsdato: 2024-02-29, brutto: "12000.00", atp_egen: "100.00", am_bidrag: "0.00", a_skat: "1190.00", netto: "10710.00"}
)";
    std::string text = order(line("ALT", "9000.00"), rest);
    text.replace(text.find("2024-03-28"), 10, "2024-02-29");
    Result r = run(text);
    REQUIRE(r.status == ResultStatus::Effektueret);
    CHECK(r.belob.brutto.isZero());
    CHECK(r.belob.netto.isZero());
    REQUIRE(r.fordringerOprettet.size() == 1);
    const CreatedClaim& c = r.fordringerOprettet[0];
    CHECK(c.type == "KTEST");
    CHECK(c.krav == "nettokrav");
    CHECK(c.belob == money("2610"));
    CHECK(c.hjemmel == "tilbageloven § 1");
    CHECK(c.foraeldes.toString() == "2027-02-28"); // 29 February falls on 28 February
    REQUIRE(r.eindkomst.size() == 2);
    CHECK(r.eindkomst[0].belob == money("-2900"));
    CHECK(r.eindkomst[1].belob == money("-290"));
    checkInvariants(r);
    bool claimPosted = false;
    for (const Posting& p : r.konteringer) {
        for (const AccountField& f : p.konto) {
            claimPosted = claimPosted || (f.value == "debitor_tilbagebetaling" &&
                                          p.debet == money("2610"));
        }
    }
    CHECK(claimPosted);
}

TEST_CASE("a correction that lowers brutto in a later year is a bruttokrav without eIndkomst") {
    const std::string rest = R"(korrektion:
  tidligere: {udbetalingsdato: 2023-12-28, brutto: "12000.00", atp_egen: "100.00", am_bidrag: "0.00", a_skat: "1190.00", netto: "10710.00"}
)";
    Result r = run(order(line("ALT", "9000.00"), rest));
    REQUIRE(r.fordringerOprettet.size() == 1);
    CHECK(r.fordringerOprettet[0].krav == "bruttokrav");
    CHECK(r.fordringerOprettet[0].belob == money("2900")); // 11,900 - 9,000
    CHECK(r.eindkomst.empty());
    checkInvariants(r);
}

TEST_CASE("corrections the catalog does not allow are rejected with their own codes") {
    const std::string rest = R"(korrektion:
  tidligere: {udbetalingsdato: 2024-02-28, brutto: "12000.00", atp_egen: "100.00", am_bidrag: "0.00", a_skat: "1190.00", netto: "10710.00"}
)";
    Result none = run(order(line("INGEN", "9000.00"), rest));
    REQUIRE(none.status == ResultStatus::Afvist);
    CHECK(none.fejl[0].kode == "KORREKTION_IKKE_MULIG");
    std::string inconsistent = rest;
    inconsistent.replace(inconsistent.find("10710.00"), 8, "10700.00");
    Result wrongNetto = run(order(line("ALT", "9000.00"), inconsistent));
    REQUIRE(wrongNetto.status == ResultStatus::Afvist);
    CHECK(wrongNetto.fejl[0].kode == "KORREKTION_UOVERENSSTEMMELSE");
    CHECK(wrongNetto.fejl[0].felt == "korrektion.tidligere.netto");
    Result two = run(order(line("ALT", "9000.00") + line("BIDRAG", "100.00"), rest));
    REQUIRE(two.status == ResultStatus::Afvist);
    CHECK(two.fejl[0].kode == "KORREKTION_FLERE_YDELSER");
}

TEST_CASE("the checks of modregnings- and tilbagebetalingsregler") {
    auto compileWith = [](const std::string& extra, const std::string& ydelseExtra) {
        return compileEffect("rente, hovedstol", catalogText() + extra +
                                                     ydelseText("NY", "06", ydelseExtra));
    };
    auto has = [](const CompileResult& r, const std::string& code) {
        std::vector<std::string> c = codes(r);
        return std::find(c.begin(), c.end(), code) != c.end();
    };
    CHECK(codes(compileEffect()).empty());
    CHECK(has(compileWith("", "modregning ALLLE"), "K601"));
    CHECK(has(compileWith("", "tilbagebetaling TILBAGEE"), "K601"));
    CHECK(has(compileWith("modregning M { lovgrundlag \"m\" version \"1\" omfatter "
                          "til_rådighed > 0 kr }",
                          "modregning M"),
              "K602"));
    CHECK(has(compileWith("", "modregning ALLE\natp_x = fordring.rente"), "K602"));
    CHECK(has(compileWith("tilbagebetaling T { lovgrundlag \"t\" version \"1\" fordringstype "
                          "\"X\" krav = nettokrav }",
                          "tilbagebetaling T"),
              "K606"));
    CHECK(has(compileWith("tilbagebetaling T { lovgrundlag \"t\" version \"1\" fordringstype "
                          "\"\" krav = nettokrav forældes = udbetalingsdato }",
                          "tilbagebetaling T"),
              "K607"));
    CHECK(has(compileWith("modregning M { lovgrundlag \"m\" version \"1\" omfatter 5 }",
                          "modregning M"),
              "K201"));
    CompileResult parts = compileEffect("rente");
    CHECK(has(parts, "K604"));
    CompileResult noCoverage = compileSources(
        {{"katalog.yk", kKatalog}, {"udbetaling.yk", kUdbetaling},
         {"ydelse.yk", testYdelse("grundlag.beløb", "modregning M")},
         {"m.yk", "modregning M { lovgrundlag \"m\" version \"1\" omfatter sand }"}});
    CHECK(has(noCoverage, "K605"));
    CompileResult noClaimPosting = compileSources(
        {{"katalog.yk", kKatalog}, {"udbetaling.yk", kUdbetaling},
         {"ydelse.yk", testYdelse("grundlag.beløb", "tilbagebetaling T")},
         {"t.yk", "tilbagebetaling T { lovgrundlag \"t\" version \"1\" fordringstype \"X\" "
                  "krav = nettokrav forældes = udbetalingsdato }"}});
    CHECK(has(noClaimPosting, "K501"));
}

TEST_CASE("sum, antal and findes over the order's claims") {
    const std::string ydelser =
        catalogText() +
        ydelseText("TÆL", "06",
                   "modregning EGNE\n"
                   "krav ikke findes(fordringer hvor fordring.kategori == bøde)\n"
                   "  ellers afvis BØDE_ÅBEN \"en bøde er åben\" felt \"fordringer\"\n"
                   "krav antal(fordringer) <= 3\n"
                   "  ellers afvis FOR_MANGE \"højst tre fordringer\" felt \"fordringer\"") +
        R"(modregning EGNE {
  lovgrundlag "m" version "1"
  omfatter sand
  højst = min(til_rådighed; sum(fordringer hvor fordring.fordringshaver == egen_kommune;
                                fordring.rente + fordring.hovedstol))
})";
    CompileResult c = compileEffect("rente, hovedstol", ydelser);
    REQUIRE_MESSAGE(c.program.has_value(), renderDiagnostics(c.diagnostics, c.sources));
    CHECK(codes(c).empty());
    const std::string two =
        "fordringer:\n" + claim("EGEN", "egen_kommune", "anden", "2024-01-01", "25.50", "300") +
        claim("IND", "inddrivelse", "anden", "2020-01-01", "0", "5000");
    // The cap is what egen_kommune's claims owe (325.50), though IND is eligible too.
    Result r = run(order(line("TÆL", "12000.00"), two), *c.program);
    REQUIRE(r.status == ResultStatus::Effektueret);
    CHECK(r.belob.modregning == money("325.50"));
    CHECK(offsetIds(r) == std::vector<std::string>{"EGEN"});
    checkInvariants(r);

    const std::string fine =
        "fordringer:\n" + claim("B", "inddrivelse", "bøde", "2024-01-01", "0", "300");
    Result rejected = run(order(line("TÆL", "12000.00"), fine), *c.program);
    REQUIRE(rejected.status == ResultStatus::Afvist);
    CHECK(rejected.fejl[0].kode == "BØDE_ÅBEN");
    std::string four = "fordringer:\n";
    for (int i = 0; i < 4; ++i) {
        // Built with += : `"X" + std::to_string(i)` trips GCC 12's false -Wrestrict at -O3.
        std::string id = "X";
        id += std::to_string(i);
        four += claim(id, "opkrævning", "anden", "2024-01-01", "0", "1");
    }
    Result many = run(order(line("TÆL", "12000.00"), four), *c.program);
    REQUIRE(many.status == ResultStatus::Afvist);
    CHECK(many.fejl[0].kode == "FOR_MANGE");
    // No claims: the sum is zero, so nothing may be offset, and the krav hold.
    Result none = run(order(line("TÆL", "12000.00")), *c.program);
    CHECK(none.status == ResultStatus::Effektueret);
}

TEST_CASE("K608: fordringer only as the list of sum, antal or findes, never nested") {
    auto compileWith = [](const std::string& extra) {
        return compileEffect("rente, hovedstol", catalogText() + ydelseText("NY", "06", extra));
    };
    auto has = [](const CompileResult& r, const std::string& code) {
        std::vector<std::string> c = codes(r);
        return std::find(c.begin(), c.end(), code) != c.end();
    };
    CHECK(has(compileWith("x = fordringer"), "K608"));
    CHECK(has(compileWith("x = sum(fordringer)"), "K608"));
    CHECK(has(compileWith("x = antal(fordringer; 1)"), "K608"));
    CHECK(has(compileWith("x = sum(fordringer; fordring.modtaget)"), "K201"));
    CHECK(has(compileWith("x = antal(fordringer hvor fordring.rente)"), "K201"));
    CHECK(has(compileWith("x = antal(fordringer hvor brutto > 0 kr)"), "K101"));
    CompileResult nested = compileEffect(
        "rente, hovedstol",
        catalogText() + ydelseText("NY", "06", "modregning M") +
            "modregning M { lovgrundlag \"m\" version \"1\" omfatter antal(fordringer) > 1 }");
    CHECK(has(nested, "K608"));
}
