// Rejected orders: every error code with the exact felt path, syntax errors with their line,
// and several errors collected from one order.
#include "order_fixture.hpp"

#include <doctest/doctest.h>

using namespace ydelse;
using ydelse::test::kContractOrderYaml;
using ydelse::test::onlyError;
using ydelse::test::readVariant;

namespace {

void checkError(const io::ReadOrder& read, const char* kode, const char* felt) {
    const OrderError e = onlyError(read);
    CHECK(e.kode == kode);
    CHECK(e.felt == felt);
    CHECK_FALSE(e.besked.empty());
}

} // namespace

TEST_CASE("ORDRE_SYNTAKS: text that is neither YAML nor JSON gives its line and column") {
    const io::ReadOrder read =
        io::readOrderText("ordre_id: \"X\"\nfagsystem: KY\n"
                          "periode: {fra: 2024-03-01\nkommune: 1\n");
    const OrderError e = onlyError(read);
    CHECK(e.kode == "ORDRE_SYNTAKS");
    CHECK(e.felt == "");
    CHECK(e.besked.find("linje 4") != std::string::npos);
    CHECK(e.besked.find("kolonne") != std::string::npos);
    CHECK_FALSE(read.ordreId.has_value());

    const OrderError json = onlyError(io::readOrderText("{\"ordre_id\": \"X\",\n\"kommune\": 1]}"));
    CHECK(json.kode == "ORDRE_SYNTAKS");
    CHECK(json.besked.find("linje 2") != std::string::npos);
}

TEST_CASE("ORDRE_SYNTAKS: the top level must be a mapping") {
    checkError(io::readOrderText("- ordre_id: X\n"), "ORDRE_SYNTAKS", "");
    checkError(io::readOrderText(""), "ORDRE_SYNTAKS", "");
    checkError(io::readOrderText("\"just text\""), "ORDRE_SYNTAKS", "");
    checkError(io::readOrder(YAML::Node()), "ORDRE_SYNTAKS", "");
}

TEST_CASE("ORDRE_SYNTAKS: a field written twice") {
    checkError(readVariant("kommune: 561\n", "kommune: 561\nkommune: 562\n"), "ORDRE_SYNTAKS",
               "kommune");
}

TEST_CASE("FELT_MANGLER: required fields, also by skattekort type") {
    checkError(readVariant("fagsystem: KY\n", ""), "FELT_MANGLER", "fagsystem");
    checkError(readVariant("kommune: 561\n", "kommune: ~\n"), "FELT_MANGLER", "kommune");
    checkError(readVariant("{fra: 2024-03-01, til", "{til"), "FELT_MANGLER", "periode.fra");
    checkError(readVariant("  nummer: \"0101801234\"\n", ""), "FELT_MANGLER", "modtager.nummer");
    checkError(readVariant("  - ydelse: KONTANTHJÆLP\n    grundlag",
                           "  - grundlag"),
               "FELT_MANGLER", "ydelser[0].ydelse");
    checkError(readVariant("  fradrag: \"4141.00\"\n", ""), "FELT_MANGLER", "skattekort.fradrag");
    checkError(readVariant("  type: hovedkort\n", ""), "FELT_MANGLER", "skattekort.type");
    checkError(readVariant("  type: hovedkort\n  trækprocent: \"37\"\n", "  type: bikort\n"),
               "FELT_MANGLER", "skattekort.trækprocent");
    checkError(readVariant("type: hovedkort\n  trækprocent: \"37\"\n  fradrag: \"4141.00\"\n"
                           "  frikort_rest: \"0.00\"\n",
                           "type: frikort\n  trækprocent: \"37\"\n"),
               "FELT_MANGLER", "skattekort.frikort_rest");
    checkError(readVariant("    modtaget: 2023-05-01\n", ""), "FELT_MANGLER",
               "fordringer[0].modtaget");
    checkError(readVariant("    a_skat: \"2990.00\"\n", ""), "FELT_MANGLER",
               "korrektion.tidligere.a_skat");
    checkError(readVariant("ydelser:\n  - ydelse: KONTANTHJÆLP\n    grundlag: {beløb: "
                           "\"12326.00\", forsørger: false}\n",
                           ""),
               "FELT_MANGLER", "ydelser");
}

TEST_CASE("FELT_TYPE: wrong type or format, with the place named exactly") {
    checkError(readVariant("trækprocent: \"37\"", "trækprocent: {a: 1}"), "FELT_TYPE",
               "skattekort.trækprocent");
    checkError(readVariant("udbetalingsdato: 2024-03-28", "udbetalingsdato: 28-03-2024"),
               "FELT_TYPE", "udbetalingsdato");
    checkError(readVariant("modtaget: 2023-05-01", "modtaget: 2023-5-1"), "FELT_TYPE",
               "fordringer[0].modtaget");
    checkError(readVariant("{beløb: \"12326.00\",", "{beløb: [1, 2],"), "FELT_TYPE",
               "ydelser[0].grundlag.beløb");
    checkError(readVariant("grundlag: {beløb: \"12326.00\", forsørger: false}", "grundlag: [1]"),
               "FELT_TYPE", "ydelser[0].grundlag");
    checkError(readVariant("kommune: 561", "kommune: 5.0"), "FELT_TYPE", "kommune");
    checkError(readVariant("kommune: 561", "kommune: -5"), "FELT_TYPE", "kommune");
    checkError(readVariant("nemkonto: true", "nemkonto: \"true\""), "FELT_TYPE",
               "modtager.nemkonto");
    checkError(readVariant("nemkonto: true", "nemkonto: yes"), "FELT_TYPE", "modtager.nemkonto");
    checkError(readVariant("uge: 30", "uge: 3.5"), "FELT_TYPE", "forsørgelse.uge");
    checkError(readVariant("fagsystem: KY", "fagsystem: [KY]"), "FELT_TYPE", "fagsystem");
    checkError(readVariant("periode: {fra: 2024-03-01, til: 2024-03-31}", "periode: 2024-03"),
               "FELT_TYPE", "periode");
    checkError(readVariant("trækprocent: \"37\"", "trækprocent: \"37 %\""), "FELT_TYPE",
               "skattekort.trækprocent");
}

TEST_CASE("FELT_VÆRDI: invalid values") {
    checkError(readVariant("type: cpr", "type: xyz"), "FELT_VÆRDI", "modtager.type");
    checkError(readVariant("type: hovedkort", "type: kort"), "FELT_VÆRDI", "skattekort.type");
    checkError(readVariant("kategori: anden", "kategori: andet"), "FELT_VÆRDI",
               "fordringer[0].kategori");
    checkError(readVariant("fordringshaver: egen_kommune", "fordringshaver: skat"), "FELT_VÆRDI",
               "fordringer[0].fordringshaver");
    checkError(readVariant("trækprocent: \"37\"", "trækprocent: \"100.5\""), "FELT_VÆRDI",
               "skattekort.trækprocent");
    checkError(readVariant("kommune: 561", "kommune: 1000"), "FELT_VÆRDI", "kommune");
    checkError(readVariant("kommune: 561", "kommune: 0"), "FELT_VÆRDI", "kommune");
    checkError(readVariant("uge: 30", "uge: 0"), "FELT_VÆRDI", "forsørgelse.uge");
    checkError(readVariant("{fra: 2024-03-01, til: 2024-03-31}",
                           "{fra: 2024-04-01, til: 2024-03-31}"),
               "FELT_VÆRDI", "periode");
    checkError(readVariant("udbetalingsdato: 2024-03-28", "udbetalingsdato: 2023-02-29"),
               "FELT_VÆRDI", "udbetalingsdato");
    checkError(readVariant("ordre_id: \"KY-2024-000001\"", "ordre_id: \"\""), "FELT_VÆRDI",
               "ordre_id");
    checkError(readVariant("type: cpr\n  nummer: \"0101801234\"",
                           "type: cvr\n  nummer: \"1234567\""),
               "FELT_VÆRDI", "modtager.nummer");
    const std::string twoClaims = test::replaced(
        kContractOrderYaml, "korrektion:",
        "  - {id: \"F-1\", type: X, kategori: bøde, fordringshaver: inddrivelse, "
        "modtaget: 2023-01-01, rente: 0, hovedstol: 1}\nkorrektion:");
    checkError(io::readOrderText(twoClaims), "FELT_VÆRDI", "fordringer[1].id");
    const std::string noYdelser = test::replaced(
        kContractOrderYaml,
        "ydelser:\n  - ydelse: KONTANTHJÆLP\n    grundlag: {beløb: \"12326.00\", forsørger: false}",
        "ydelser: []");
    checkError(io::readOrderText(noYdelser), "FELT_VÆRDI", "ydelser");
}

TEST_CASE("FELT_UKENDT: fields the contract does not define, at every fixed level") {
    checkError(readVariant("kommune: 561\n", "kommune: 561\nbemærkning: x\n"), "FELT_UKENDT",
               "bemærkning");
    checkError(readVariant("  nemkonto: true\n", "  nemkonto: true\n  navn: x\n"), "FELT_UKENDT",
               "modtager.navn");
    checkError(readVariant("    grundlag:", "    note: x\n    grundlag:"), "FELT_UKENDT",
               "ydelser[0].note");
    checkError(readVariant("  frikort_rest: \"0.00\"\n", "  frikort_rest: \"0.00\"\n  træk: 1\n"),
               "FELT_UKENDT", "skattekort.træk");
    checkError(readVariant("    netto: \"9237.00\"\n", "    netto: \"9237.00\"\n    skat: 1\n"),
               "FELT_UKENDT", "korrektion.tidligere.skat");
    checkError(readVariant("{fra: 2024-03-01,", "{fra: 2024-03-01, uge: 1,"), "FELT_UKENDT",
               "periode.uge");
    // grundlag contents are the catalog's business: any name is read.
    const io::ReadOrder free =
        readVariant("forsørger: false}", "forsørger: false, hvad_som_helst: \"x\"}");
    REQUIRE(free.order.has_value());
    CHECK(free.order->ydelser[0].grundlag.back().name == "hvad_som_helst");
}

TEST_CASE("all errors of an order are collected, and ordre_id is kept") {
    std::string text(kContractOrderYaml);
    text = test::replaced(text, "kommune: 561", "kommune: 5000");
    text = test::replaced(text, "til: 2024-03-31", "til: 31-03-2024");
    text = test::replaced(text, "type: cpr", "type: person");
    text = test::replaced(text, "trækprocent: \"37\"", "trækprocent: \"137\"");
    text = test::replaced(text, "rente: \"0.00\"", "rente: \"1.234\"");
    text = test::replaced(text, "fagsystem: KY\n", "fagsystem: KY\nekstra: 1\n");
    const io::ReadOrder read = io::readOrderText(text);
    CHECK_FALSE(read.order.has_value());
    CHECK(read.ordreId == "KY-2024-000001");
    REQUIRE(read.errors.size() == 6);
    const std::pair<const char*, const char*> expected[] = {
        {"FELT_UKENDT", "ekstra"},
        {"FELT_VÆRDI", "kommune"},
        {"FELT_TYPE", "periode.til"},
        {"FELT_VÆRDI", "modtager.type"},
        {"FELT_VÆRDI", "skattekort.trækprocent"},
        {"FELT_TYPE", "fordringer[0].rente"},
    };
    for (std::size_t i = 0; i < read.errors.size(); ++i) {
        const OrderError& e = read.errors[i];
        CAPTURE(e.besked);
        CHECK(e.kode == expected[i].first);
        CHECK(e.felt == expected[i].second);
        // Danish besked style: lower-case start, no trailing period.
        REQUIRE_FALSE(e.besked.empty());
        CHECK_FALSE((e.besked[0] >= 'A' && e.besked[0] <= 'Z'));
        CHECK(e.besked.back() != '.');
    }
}

TEST_CASE("ordre_id is reported even when the rest of the order is unusable") {
    const io::ReadOrder read = io::readOrderText("ordre_id: \"X-1\"\nkommune: [1]\n");
    CHECK(read.ordreId == "X-1");
    CHECK_FALSE(read.order.has_value());
    CHECK(read.errors.size() >= 6); // kommune's type and the missing required fields
}
