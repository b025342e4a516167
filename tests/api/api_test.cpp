// Tests of the embedding API (runtime/api/ydelse.hpp, io/embed_json.hpp; docs/embedding.md):
// loading artifacts (good and damaged), struct orders against JSON orders, many threads sharing
// one Catalog, and that the header states the Result lifetime rule. The artifact is made in
// process from the shipped catalog, which is why this test (unlike a service) links the
// compiler.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "interpreter/compiler.hpp"
#include "io/embed_json.hpp"
#include "runtime/api/ydelse.hpp"
#include "runtime/artifact/artifact.hpp"
#include "runtime/support/sha256.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using ydelse::Date;
using ydelse::Decimal;
using ydelse::api::Catalog;
using ydelse::api::Evaluator;

/// The shipped catalog, compiled once and written as artifact bytes.
const std::string& shippedArtifact() {
    static const std::string bytes = [] {
        ydelse::CompileResult compiled =
            ydelse::compileCatalog(std::filesystem::path(YDELSE_SOURCE_DIR) / "catalog");
        REQUIRE(compiled.program.has_value());
        return ydelse::writeArtifact(*compiled.program);
    }();
    return bytes;
}

Catalog shippedCatalog() {
    std::string error;
    std::optional<Catalog> catalog = Catalog::fromBytes(shippedArtifact(), &error);
    REQUIRE_MESSAGE(catalog.has_value(), error);
    return *catalog;
}

Date date(int y, int m, int d) { return *Date::fromYmd(y, m, d); }

/// The knobs the generated orders vary; each order exists both as a struct and as JSON text.
struct OrderParams {
    int index = 0;
    std::int64_t belobOre = 0;
    bool forsorger = false;
    int forsorgelse = 0; ///< 0 none, 1 uge only, 2 måneder only, 3 both
    std::int64_t uge = 1;
    std::int64_t maaneder = 1;
    ydelse::TaxCardType card = ydelse::TaxCardType::Hovedkort;
    std::int64_t traekprocent = 37;
    std::int64_t fradragOre = 0;
    std::int64_t frikortRestOre = 0;
};

OrderParams generated(int i) {
    OrderParams p;
    p.index = i;
    p.belobOre = 250000 + (std::int64_t{i} * 7919) % 2000000; // 2,500.00 .. 22,499.99
    p.forsorger = i % 3 == 0;
    p.forsorgelse = (i / 2) % 4;
    p.uge = 1 + (i * 7) % 70;
    p.maaneder = 1 + (i * 5) % 30;
    p.card = static_cast<ydelse::TaxCardType>(i % 4);
    p.traekprocent = 30 + i % 20;
    p.fradragOre = (std::int64_t{i} * 3331) % 800000;
    p.frikortRestOre = (std::int64_t{i} * 104729) % 6000000;
    return p;
}

std::string money(std::int64_t ore) { return Decimal::fromOre(ore).toMoneyString(); }

ydelse::Order toOrder(const OrderParams& p) {
    ydelse::Order order;
    order.ordreId = "API-" + std::to_string(p.index);
    order.fagsystem = "KY";
    order.kommune = 561;
    order.udbetalingsdato = date(2024, 3, 28);
    order.periode = {date(2024, 3, 1), date(2024, 3, 31)};
    order.modtager = {ydelse::RecipientType::Cpr, "0101801234", true};
    ydelse::OrderLine line;
    line.ydelse = "KONTANTHJÆLP";
    line.grundlag.push_back({"beløb", {money(p.belobOre), true}});
    line.grundlag.push_back({"forsørger", {p.forsorger ? "true" : "false", false}});
    order.ydelser.push_back(line);
    if (p.forsorgelse != 0) {
        ydelse::Forsorgelse f;
        if (p.forsorgelse & 1) {
            f.uge = p.uge;
        }
        if (p.forsorgelse & 2) {
            f.maaneder = p.maaneder;
        }
        order.forsorgelse = f;
    }
    ydelse::TaxCard card;
    card.type = p.card;
    if (p.card != ydelse::TaxCardType::Intet) {
        card.traekprocent = Decimal::fromInt(p.traekprocent);
    }
    if (p.card == ydelse::TaxCardType::Hovedkort) {
        card.fradrag = Decimal::fromOre(p.fradragOre);
    }
    if (p.card == ydelse::TaxCardType::Frikort) {
        card.frikortRest = Decimal::fromOre(p.frikortRestOre);
    }
    order.skattekort = card;
    return order;
}

std::string toJsonText(const OrderParams& p) {
    static const char* const kCards[] = {"hovedkort", "bikort", "frikort", "intet"};
    std::ostringstream s;
    s << R"({"ordre_id":"API-)" << p.index << R"(","fagsystem":"KY","kommune":561,)"
      << R"("udbetalingsdato":"2024-03-28","periode":{"fra":"2024-03-01","til":"2024-03-31"},)"
      << R"("modtager":{"type":"cpr","nummer":"0101801234"},)"
      << R"("ydelser":[{"ydelse":"KONTANTHJÆLP","grundlag":{"beløb":")" << money(p.belobOre)
      << R"(","forsørger":)" << (p.forsorger ? "true" : "false") << "}}]";
    if (p.forsorgelse != 0) {
        s << R"(,"forsørgelse":{)";
        if (p.forsorgelse & 1) {
            s << R"("uge":)" << p.uge << (p.forsorgelse & 2 ? "," : "");
        }
        if (p.forsorgelse & 2) {
            s << R"("måneder":)" << p.maaneder;
        }
        s << "}";
    }
    s << R"(,"skattekort":{"type":")" << kCards[static_cast<int>(p.card)] << '"';
    if (p.card != ydelse::TaxCardType::Intet) {
        s << R"(,"trækprocent":")" << p.traekprocent << '"';
    }
    if (p.card == ydelse::TaxCardType::Hovedkort) {
        s << R"(,"fradrag":")" << money(p.fradragOre) << '"';
    }
    if (p.card == ydelse::TaxCardType::Frikort) {
        s << R"(,"frikort_rest":")" << money(p.frikortRestOre) << '"';
    }
    s << "}}";
    return s.str();
}

/// The artifact with its payload altered and the checksum recomputed, so that the loader's
/// structural checks (not only the checksum) have to catch the damage.
std::string resealed(std::string bytes) {
    constexpr std::size_t kHeader = 10 + 4 + 64;
    ydelse::Sha256 sha;
    sha.update(std::string_view(bytes).substr(kHeader));
    const std::string digest = sha.hexDigest();
    bytes.replace(10 + 4, 64, digest);
    return bytes;
}

} // namespace

TEST_CASE("a catalog loads from artifact bytes and from a file") {
    const Catalog catalog = shippedCatalog();
    CHECK(catalog.hash().size() == 64);
    CHECK_FALSE(catalog.version().empty());

    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / "ydelse_api_test_katalog.ydk";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << shippedArtifact();
    }
    std::string error;
    std::optional<Catalog> loaded = Catalog::load(file, &error);
    std::filesystem::remove(file);
    REQUIRE_MESSAGE(loaded.has_value(), error);
    CHECK(loaded->hash() == catalog.hash());
    CHECK(loaded->version() == catalog.version());
}

TEST_CASE("a missing or damaged artifact is an error, never a crash") {
    std::string error;
    CHECK_FALSE(Catalog::load("/nonexistent/katalog.ydk", &error).has_value());
    CHECK_FALSE(error.empty());
    CHECK_FALSE(Catalog::load(YDELSE_SOURCE_DIR, nullptr).has_value()); // a directory

    const std::string& good = shippedArtifact();
    std::vector<std::string> bad;
    bad.emplace_back("");
    bad.emplace_back("YDKATALOG\n");
    bad.emplace_back("not an artifact at all");
    for (std::size_t cut : {std::size_t{5}, std::size_t{14}, std::size_t{78}, std::size_t{100},
                            good.size() / 2, good.size() - 1}) {
        bad.push_back(good.substr(0, cut));
    }
    std::string wrongMagic = good;
    wrongMagic[0] = 'X';
    bad.push_back(wrongMagic);
    std::string wrongFormat = good;
    wrongFormat[10] = static_cast<char>(0x7F);
    bad.push_back(wrongFormat);
    std::string flipped = good;
    flipped[good.size() / 3] = static_cast<char>(flipped[good.size() / 3] ^ 0x5A);
    bad.push_back(flipped); // checksum mismatch
    bad.push_back(good + "trailing");
    // Payload damage behind a valid checksum: counts and indexes become nonsense.
    for (std::size_t at = 80; at < good.size(); at += good.size() / 40 + 1) {
        std::string s = good;
        s[at] = static_cast<char>(s[at] ^ 0xFF);
        bad.push_back(resealed(std::move(s)));
    }
    bad.push_back(resealed(good.substr(0, good.size() - 7)));

    for (std::size_t i = 0; i < bad.size(); ++i) {
        CAPTURE(i);
        std::string message;
        std::optional<Catalog> catalog = Catalog::fromBytes(bad[i], &message);
        if (catalog) {
            // A flipped byte inside a text field can leave a well-formed program; it must then
            // still evaluate without crashing.
            Evaluator evaluator(*catalog);
            (void)evaluator.evaluateToJson(toOrder(generated(1)));
        } else {
            CHECK_FALSE(message.empty());
        }
    }
    // The first few are structurally hopeless and must be refused.
    for (std::size_t i = 0; i < 12; ++i) {
        CAPTURE(i);
        CHECK_FALSE(Catalog::fromBytes(bad[i], nullptr).has_value());
    }
}

TEST_CASE("the shipped example order gives netto 9237.00") {
    Evaluator evaluator(shippedCatalog());
    OrderParams p;
    p.index = 1;
    p.belobOre = 1232600;
    p.forsorgelse = 3;
    p.uge = 30;
    p.maaneder = 14;
    p.fradragOre = 414100;
    const ydelse::Result result = evaluator.evaluate(toOrder(p));
    REQUIRE(result.status == ydelse::ResultStatus::Effektueret);
    CHECK(result.belob.netto.toMoneyString() == "9237.00");
    CHECK(result.katalogHash == evaluator.catalog().hash());
}

TEST_CASE("a struct order and the same order as JSON give byte-identical JSON") {
    Evaluator evaluator(shippedCatalog());
    int effektueret = 0;
    for (int i = 0; i < 200; ++i) {
        const OrderParams p = generated(i);
        CAPTURE(toJsonText(p));
        const std::string fromStruct = evaluator.evaluateToJson(toOrder(p));
        const std::string fromJson = ydelse::api::evaluateJsonToJson(evaluator, toJsonText(p));
        CHECK(fromStruct == fromJson);
        effektueret += fromStruct.find(R"("status":"effektueret")") != std::string::npos;
    }
    // The comparison means something only if most orders got a full result.
    CHECK(effektueret > 100);
}

TEST_CASE("malformed JSON gives the contract's error record") {
    Evaluator evaluator(shippedCatalog());
    const std::string syntax = ydelse::api::evaluateJsonToJson(evaluator, R"({"ordre_id": "X", )");
    CHECK(syntax.rfind(R"({"ordre_id":)", 0) == 0);
    CHECK(syntax.find(R"("status":"afvist")") != std::string::npos);
    CHECK(syntax.find("ORDRE_SYNTAKS") != std::string::npos);

    for (const char* text : {"", "[1, 2]", "42", "{}", "{\"ordre_id\": \"K-1\"}"}) {
        CAPTURE(text);
        const ydelse::Result r = ydelse::api::evaluateJson(evaluator, text);
        CHECK(r.status == ydelse::ResultStatus::Afvist);
        CHECK_FALSE(r.fejl.empty());
    }
    // ordre_id is echoed whenever it could be read, also in an error record.
    const ydelse::Result missing = ydelse::api::evaluateJson(evaluator, R"({"ordre_id": "K-1"})");
    REQUIRE(missing.ordreId.has_value());
    CHECK(*missing.ordreId == "K-1");
    CHECK(ydelse::api::toJson(missing).find(R"("kode":"FELT_MANGLER")") != std::string::npos);

    // A wrongly typed field names its felt.
    OrderParams p = generated(4);
    std::string text = toJsonText(p);
    const std::string belob = "\"" + money(p.belobOre) + "\"";
    text.replace(text.find(belob), belob.size(), "\"12.326,00\"");
    const std::string typed = ydelse::api::evaluateJsonToJson(evaluator, text);
    CHECK(typed.find("FELT_TYPE") != std::string::npos);
    CHECK(typed.find("ydelser[0].grundlag.beløb") != std::string::npos);
}

TEST_CASE("many threads sharing one Catalog give byte-identical results to one thread") {
    constexpr int kOrders = 500;
    constexpr int kThreads = 8;
    const Catalog catalog = shippedCatalog();

    std::vector<ydelse::Order> orders;
    std::vector<std::string> jsonOrders;
    for (int i = 0; i < kOrders; ++i) {
        orders.push_back(toOrder(generated(i)));
        jsonOrders.push_back(toJsonText(generated(i)));
    }
    std::vector<std::string> expected;
    int effektueret = 0;
    {
        Evaluator single(catalog);
        for (const ydelse::Order& order : orders) {
            expected.push_back(single.evaluateToJson(order));
            effektueret += expected.back().find(R"("status":"effektueret")") != std::string::npos;
        }
    }
    CHECK(effektueret > kOrders / 2);

    // Each thread evaluates every order, starting at a different one, alternating struct and
    // JSON input. Results are collected and compared on this thread: doctest's assertions are
    // not meant to be called from several threads.
    std::vector<std::vector<std::string>> got(kThreads, std::vector<std::string>(kOrders));
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            Evaluator evaluator(catalog);
            for (int k = 0; k < kOrders; ++k) {
                const int i = (k + t * 61) % kOrders;
                const auto at = static_cast<std::size_t>(i);
                got[static_cast<std::size_t>(t)][at] =
                    (i + t) % 2 == 0
                        ? evaluator.evaluateToJson(orders[at])
                        : ydelse::api::evaluateJsonToJson(evaluator, jsonOrders[at]);
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    int differences = 0;
    for (int t = 0; t < kThreads; ++t) {
        for (int i = 0; i < kOrders; ++i) {
            differences += got[static_cast<std::size_t>(t)][static_cast<std::size_t>(i)] !=
                           expected[static_cast<std::size_t>(i)];
        }
    }
    CHECK(differences == 0);
}

TEST_CASE("an Evaluator keeps its catalog alive and copies share one program") {
    std::optional<Catalog> catalog = Catalog::fromBytes(shippedArtifact());
    REQUIRE(catalog.has_value());
    const Catalog copy = *catalog;
    CHECK(&copy.program() == &catalog->program());

    Evaluator evaluator(*catalog);
    const std::string before = evaluator.evaluateToJson(toOrder(generated(0)));
    catalog.reset(); // the caller's Catalog is gone; the evaluator's share remains
    const ydelse::Result after = evaluator.evaluate(toOrder(generated(0)));
    CHECK(ydelse::api::toJson(after) == before);
    CHECK(after.katalogHash == copy.hash());
}

TEST_CASE("the public header states the Result lifetime rule") {
    std::ifstream in(std::filesystem::path(YDELSE_SOURCE_DIR) / "runtime/api/ydelse.hpp");
    const std::string header((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
    CHECK(header.find("LIFETIME RULE") != std::string::npos);
    CHECK(header.find("A Result must not outlive") != std::string::npos);
    CHECK(header.find("std::string_view") != std::string::npos);
}

TEST_CASE("modregning and a correction through the JSON API, the same on several threads") {
    const std::string base =
        R"({"ordre_id":"API-M","fagsystem":"KY","kommune":101,"udbetalingsdato":"2024-03-28",)"
        R"("periode":{"fra":"2024-03-01","til":"2024-03-31"},)"
        R"("modtager":{"type":"cpr","nummer":"0101801234"},)"
        R"("forsørgelse":{"uge":30,"måneder":14},)"
        R"("skattekort":{"type":"hovedkort","trækprocent":"37","fradrag":"4141.00"},)";
    const std::string withClaims =
        base +
        R"("ydelser":[{"ydelse":"KONTANTHJÆLP","grundlag":{"beløb":"12326.00","forsørger":false}}],)"
        R"("fordringer":[{"id":"F-1","type":"X","kategori":"underholdsbidrag_privat",)"
        R"("fordringshaver":"inddrivelse","modtaget":"2023-01-01","rente":"10.00","hovedstol":"990.00"}]})";
    const std::string correction =
        base +
        R"("ydelser":[{"ydelse":"KONTANTHJÆLP","grundlag":{"beløb":"10000.00","forsørger":false}}],)"
        R"("korrektion":{"tidligere":{"udbetalingsdato":"2024-02-28","brutto":"12326.00",)"
        R"("atp_egen":"99.00","am_bidrag":"0.00","a_skat":"2990.00","netto":"9237.00"}}})";
    const Catalog catalog = shippedCatalog();
    Evaluator single(catalog);
    const ydelse::Result offset = ydelse::api::evaluateJson(single, withClaims);
    REQUIRE(offset.status == ydelse::ResultStatus::Effektueret);
    CHECK(offset.belob.modregning.toMoneyString() == "1000.00");
    CHECK(offset.belob.netto.toMoneyString() == "8237.00");
    const ydelse::Result claim = ydelse::api::evaluateJson(single, correction);
    REQUIRE(claim.fordringerOprettet.size() == 1);
    CHECK(claim.fordringerOprettet[0].belob.toMoneyString() == "1405.00");

    const std::string expected = ydelse::api::evaluateJsonToJson(single, withClaims) +
                                 ydelse::api::evaluateJsonToJson(single, correction);
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < got.size(); ++t) {
        threads.emplace_back([&, t] {
            Evaluator evaluator(catalog);
            for (int k = 0; k < 50; ++k) {
                got[t] = ydelse::api::evaluateJsonToJson(evaluator, withClaims) +
                         ydelse::api::evaluateJsonToJson(evaluator, correction);
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (const std::string& g : got) {
        CHECK(g == expected);
    }
}
