// Reading well-formed orders: the contract's example, JSON against YAML, the accepted forms of
// amounts, and defaults.
#include "order_fixture.hpp"

#include <doctest/doctest.h>

using namespace ydelse;
using ydelse::test::kContractOrderJson;
using ydelse::test::kContractOrderYaml;
using ydelse::test::onlyError;
using ydelse::test::readVariant;

TEST_CASE("the contract's example order is read field by field") {
    const io::ReadOrder read = io::readOrderText(kContractOrderYaml);
    for (const OrderError& e : read.errors) {
        MESSAGE(e.kode << " " << e.felt << ": " << e.besked);
    }
    REQUIRE(read.errors.empty());
    REQUIRE(read.order.has_value());
    const Order& o = *read.order;
    CHECK(read.ordreId == "KY-2024-000001");
    CHECK(o.ordreId == "KY-2024-000001");
    CHECK(o.fagsystem == "KY");
    CHECK(o.kommune == 561);
    CHECK(o.udbetalingsdato == *Date::parse("2024-03-28"));
    CHECK(o.periode.from == *Date::parse("2024-03-01"));
    CHECK(o.periode.to == *Date::parse("2024-03-31"));
    CHECK(o.modtager.type == RecipientType::Cpr);
    CHECK(o.modtager.nummer == "0101801234");
    CHECK(o.modtager.nemkonto);

    REQUIRE(o.ydelser.size() == 1);
    CHECK(o.ydelser[0].ydelse == "KONTANTHJÆLP");
    REQUIRE(o.ydelser[0].grundlag.size() == 2);
    CHECK(o.ydelser[0].grundlag[0].name == "beløb");
    CHECK(o.ydelser[0].grundlag[0].value.text == "12326.00");
    CHECK(o.ydelser[0].grundlag[0].value.quoted);
    CHECK(o.ydelser[0].grundlag[1].name == "forsørger");
    CHECK(o.ydelser[0].grundlag[1].value.text == "false");
    CHECK_FALSE(o.ydelser[0].grundlag[1].value.quoted);

    REQUIRE(o.forsorgelse.has_value());
    CHECK(o.forsorgelse->uge == 30);
    CHECK(o.forsorgelse->maaneder == 14);

    REQUIRE(o.skattekort.has_value());
    CHECK(o.skattekort->type == TaxCardType::Hovedkort);
    CHECK(o.skattekort->traekprocent == Decimal::fromInt(37));
    CHECK(o.skattekort->fradrag == Decimal::fromOre(414100));
    CHECK(o.skattekort->frikortRest == Decimal::fromInt(0));

    REQUIRE(o.fordringer.size() == 1);
    const Claim& c = o.fordringer[0];
    CHECK(c.id == "F-1");
    CHECK(c.type == "KTTIBAK");
    CHECK(c.kategori == "anden");
    CHECK(c.fordringshaver == "egen_kommune");
    CHECK(c.modtaget == *Date::parse("2023-05-01"));
    CHECK(c.rente == Decimal::fromInt(0));
    CHECK(c.hovedstol == Decimal::fromInt(2500));

    REQUIRE(o.korrektion.has_value());
    CHECK(o.korrektion->udbetalingsdato == *Date::parse("2024-02-28"));
    CHECK(o.korrektion->brutto == Decimal::fromInt(12326));
    CHECK(o.korrektion->atpEgen == Decimal::fromInt(99));
    CHECK(o.korrektion->amBidrag == Decimal::fromInt(0));
    CHECK(o.korrektion->aSkat == Decimal::fromInt(2990));
    CHECK(o.korrektion->netto == Decimal::fromInt(9237));
}

TEST_CASE("JSON and YAML forms of the same order give equal orders") {
    const io::ReadOrder yaml = io::readOrderText(kContractOrderYaml);
    const io::ReadOrder json = io::readOrderText(kContractOrderJson);
    REQUIRE(yaml.order.has_value());
    REQUIRE(json.order.has_value());
    CHECK(test::describeOrder(*json.order) == test::describeOrder(*yaml.order));
    // The comparison must be able to see a difference at all.
    const io::ReadOrder other = readVariant("uge: 30", "uge: 31");
    REQUIRE(other.order.has_value());
    CHECK(test::describeOrder(*other.order) != test::describeOrder(*yaml.order));
}

TEST_CASE("amounts are accepted as decimal text or numbers with at most two decimals") {
    struct Accepted {
        const char* written;
        Decimal value;
    };
    const Accepted cases[] = {
        {"\"12326\"", Decimal::fromInt(12326)},
        {"\"12326.5\"", Decimal::fromOre(1232650)},
        {"12326.50", Decimal::fromOre(1232650)},
        {"12326", Decimal::fromInt(12326)},
        {"\"0\"", Decimal::fromInt(0)},
        {"\"1000000000.00\"", Decimal::fromInt(1000000000)},
    };
    for (const Accepted& c : cases) {
        CAPTURE(c.written);
        const io::ReadOrder read =
            readVariant("fradrag: \"4141.00\"", std::string("fradrag: ") + c.written);
        REQUIRE(read.order.has_value());
        CHECK(read.order->skattekort->fradrag == c.value);
    }
}

TEST_CASE("amounts in other notations are rejected with the field named") {
    struct Rejected {
        const char* written;
        const char* kode;
    };
    const Rejected cases[] = {
        {"\"12.326,00\"", "FELT_TYPE"},     {"\"1.234\"", "FELT_TYPE"},
        {"1e3", "FELT_TYPE"},               {"\"12326,00\"", "FELT_TYPE"},
        {"\"+5\"", "FELT_TYPE"},            {"\" 5\"", "FELT_TYPE"},
        {"\"\"", "FELT_TYPE"},              {"[1]", "FELT_TYPE"},
        {"\"-5.00\"", "FELT_VÆRDI"},        {"\"1000000000.01\"", "FELT_VÆRDI"},
        {"0x10", "FELT_TYPE"},              {".5", "FELT_TYPE"},
    };
    for (const Rejected& c : cases) {
        CAPTURE(c.written);
        const OrderError e = onlyError(
            readVariant("hovedstol: \"2500.00\"", std::string("hovedstol: ") + c.written));
        CHECK(e.kode == c.kode);
        CHECK(e.felt == "fordringer[0].hovedstol");
    }
    const OrderError e = onlyError(readVariant("fradrag: \"4141.00\"", "fradrag: \"12.326,00\""));
    CHECK(e.besked == "beløbet \"12.326,00\" er ikke et decimaltal med punktum og højst to "
                      "decimaler");
    CHECK(onlyError(readVariant("fradrag: \"4141.00\"", "fradrag: \"2000000000\""))
              .besked.find("urimeligt stort beløb") != std::string::npos);
}

TEST_CASE("optional parts may be left out, and nemkonto defaults to true") {
    std::string text(kContractOrderYaml);
    text = test::replaced(text, "  nemkonto: true\n", "");
    text = text.substr(0, text.find("forsørgelse:"));
    text += "skattekort: {type: intet}\n";
    const io::ReadOrder read = io::readOrderText(text);
    REQUIRE(read.errors.empty());
    REQUIRE(read.order.has_value());
    CHECK(read.order->modtager.nemkonto);
    CHECK_FALSE(read.order->forsorgelse.has_value());
    CHECK(read.order->skattekort->type == TaxCardType::Intet);
    CHECK_FALSE(read.order->skattekort->traekprocent.has_value());
    CHECK(read.order->fordringer.empty());
    CHECK_FALSE(read.order->korrektion.has_value());
}

TEST_CASE("nemkonto false, cvr and se recipients, decimal trækprocent") {
    CHECK_FALSE(readVariant("nemkonto: true", "nemkonto: false").order->modtager.nemkonto);
    const io::ReadOrder cvr =
        readVariant("type: cpr\n  nummer: \"0101801234\"", "type: cvr\n  nummer: \"12345678\"");
    REQUIRE(cvr.order.has_value());
    CHECK(cvr.order->modtager.type == RecipientType::Cvr);
    const io::ReadOrder se =
        readVariant("type: cpr\n  nummer: \"0101801234\"", "type: se\n  nummer: \"87654321\"");
    REQUIRE(se.order.has_value());
    CHECK(se.order->modtager.type == RecipientType::Se);
    const io::ReadOrder pct = readVariant("trækprocent: \"37\"", "trækprocent: 1.5");
    REQUIRE(pct.order.has_value());
    CHECK(pct.order->skattekort->traekprocent == Decimal::parse("1.5"));
}

TEST_CASE("cpr numbers need a real date in their first six digits") {
    auto withCpr = [](const char* nummer) {
        return readVariant("nummer: \"0101801234\"", std::string("nummer: \"") + nummer + "\"");
    };
    CHECK(withCpr("2902001234").order.has_value()); // 29 Feb 2000
    CHECK(withCpr("2902961234").order.has_value()); // 29 Feb 1996
    CHECK(withCpr("3112991234").order.has_value());
    const char* invalid[] = {"2902011234", "3204801234", "0013801234", "010180123", "01018012345",
                             "01018O1234"};
    for (const char* nummer : invalid) {
        CAPTURE(nummer);
        const OrderError e = onlyError(withCpr(nummer));
        CHECK(e.kode == "FELT_VÆRDI");
        CHECK(e.felt == "modtager.nummer");
    }
}
