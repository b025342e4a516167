// Explanations through the embedding API (runtime/api/ydelse.hpp, docs/explain.md): off by
// default and then empty, on request a forklaring whose steps carry the satser, inputs and
// regler of the path each definition actually took, and JSON that is the plain result plus
// the "forklaring" key. The artifact is compiled in process from the shipped catalog.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "interpreter/compiler.hpp"
#include "runtime/api/ydelse.hpp"
#include "runtime/artifact/artifact.hpp"
#include "runtime/output/explain_writer.hpp"

#include <algorithm>
#include <filesystem>
#include <string>

namespace {

using ydelse::Date;
using ydelse::Decimal;
using ydelse::ExplainedAmount;
using ydelse::ExplainedStep;
using ydelse::Explanation;
using ydelse::api::Catalog;
using ydelse::api::Evaluator;

Evaluator shippedEvaluator() {
    static const std::string bytes = [] {
        ydelse::CompileResult compiled =
            ydelse::compileCatalog(std::filesystem::path(YDELSE_SOURCE_DIR) / "catalog");
        REQUIRE(compiled.program.has_value());
        return ydelse::writeArtifact(*compiled.program);
    }();
    std::string error;
    std::optional<Catalog> catalog = Catalog::fromBytes(bytes, &error);
    REQUIRE_MESSAGE(catalog.has_value(), error);
    return Evaluator(*catalog);
}

Date date(int y, int m, int d) { return *Date::fromYmd(y, m, d); }

// Kontanthjælp for March 2024 (worked example 1 by default): a non-forsørger in the 14th
// month, week 30, hovedkort 37 % with fradrag 4141.
ydelse::Order kontanthjaelp(const std::string& belob, ydelse::TaxCardType card) {
    ydelse::Order order;
    order.ordreId = "API-FORKLARING";
    order.fagsystem = "KY";
    order.kommune = 561;
    order.udbetalingsdato = date(2024, 3, 28);
    order.periode = {date(2024, 3, 1), date(2024, 3, 31)};
    order.modtager = {ydelse::RecipientType::Cpr, "0101801234", true};
    ydelse::OrderLine line;
    line.ydelse = "KONTANTHJÆLP";
    line.grundlag.push_back({"beløb", {belob, true}});
    line.grundlag.push_back({"forsørger", {"false", false}});
    order.ydelser.push_back(line);
    ydelse::Forsorgelse f;
    f.uge = 30;
    f.maaneder = 14;
    order.forsorgelse = f;
    ydelse::TaxCard tax;
    tax.type = card;
    tax.traekprocent = Decimal::fromInt(37);
    if (card == ydelse::TaxCardType::Hovedkort) {
        tax.fradrag = Decimal::fromOre(414100);
    } else {
        tax.frikortRest = Decimal::fromOre(1000000);
    }
    order.skattekort = tax;
    return order;
}

const ExplainedAmount& amount(const Explanation& ex, std::string_view belob) {
    auto it = std::find_if(ex.belob.begin(), ex.belob.end(),
                           [&](const ExplainedAmount& a) { return a.belob == belob; });
    REQUIRE(it != ex.belob.end());
    return *it;
}

// The amount's own step or one of its intermediate steps, by definition name.
const ExplainedStep* step(const Explanation& ex, const ExplainedAmount& a,
                          std::string_view definition) {
    if (a.trin != ydelse::kNoStep && ex.trin[a.trin].definition == definition) {
        return &ex.trin[a.trin];
    }
    for (std::uint32_t s : ex.mellemregninger(a)) {
        if (ex.trin[s].definition == definition) {
            return &ex.trin[s];
        }
    }
    return nullptr;
}

bool readsSats(const Explanation& ex, const ExplainedStep& s, std::string_view sats) {
    const auto satser = ex.satser(s);
    return std::any_of(satser.begin(), satser.end(),
                       [&](const ydelse::ExplainedSats& x) { return x.navn == sats; });
}

bool readsInput(const Explanation& ex, const ExplainedStep& s, std::string_view navn) {
    const auto input = ex.input(s);
    return std::any_of(input.begin(), input.end(),
                       [&](const ydelse::ExplainedInput& x) { return x.navn == navn; });
}

} // namespace

TEST_CASE("without explain the result has no forklaring") {
    Evaluator evaluator = shippedEvaluator();
    const ydelse::Result result =
        evaluator.evaluate(kontanthjaelp("12326.00", ydelse::TaxCardType::Hovedkort));
    REQUIRE(result.status == ydelse::ResultStatus::Effektueret);
    CHECK(result.forklaring.empty());
    CHECK(result.forklaring.trin.empty());
    CHECK(ydelse::api::toJson(result).find("forklaring") == std::string::npos);
}

TEST_CASE("worked example 1 explained: satser, inputs, regler and intermediate values") {
    Evaluator evaluator = shippedEvaluator();
    const ydelse::Result result = evaluator.evaluate(
        kontanthjaelp("12326.00", ydelse::TaxCardType::Hovedkort), ydelse::EvalOptions{true});
    REQUIRE(result.status == ydelse::ResultStatus::Effektueret);
    const Explanation& ex = result.forklaring;

    const ExplainedAmount& atp = amount(ex, "atp_egen");
    CHECK(atp.ydelse == "KONTANTHJÆLP");
    CHECK(atp.vaerdi == Decimal::fromInt(99));
    CHECK(atp.regel.lovgrundlag == "Lov om aktiv socialpolitik § 25");
    REQUIRE(atp.trin != ydelse::kNoStep);
    const ExplainedStep& own = ex.trin[atp.trin];
    const auto ownSatser = ex.satser(own);
    REQUIRE(ownSatser.size() == 1);
    CHECK(ownSatser[0].navn == "ATP_FORSØRGERYDELSE_EGEN");
    CHECK(ownSatser[0].vaerdi.kind == ydelse::ValueKind::Beloeb);
    CHECK(ownSatser[0].vaerdi.number == Decimal::fromInt(99));
    CHECK(ydelse::explainedValueText(ownSatser[0].vaerdi) == "99.00");
    CHECK(ownSatser[0].fra == date(2024, 1, 1));

    const ExplainedStep* berettiget = step(ex, atp, "atp_berettiget");
    REQUIRE(berettiget != nullptr);
    CHECK(ydelse::explainedValueText(berettiget->vaerdi) == "sand");
    const auto satser = ex.satser(*berettiget);
    REQUIRE(satser.size() == 1);
    CHECK(satser[0].navn == "ATP_TÆRSKEL_ANDRE");
    CHECK(satser[0].vaerdi.number == Decimal::fromInt(12326));
    CHECK(satser[0].til == date(2024, 12, 31));
    REQUIRE(ex.regler(*berettiget).size() == 1);
    CHECK(ex.regler(*berettiget)[0].regel == "atp_forsørgerydelse_berettiget");
    CHECK(readsInput(ex, *berettiget, "forsørgelse.måneder"));
    CHECK(readsInput(ex, *berettiget, "forsørger"));
    CHECK(step(ex, atp, "brutto") != nullptr);

    const ExplainedAmount& aSkat = amount(ex, "a_skat");
    CHECK(aSkat.vaerdi == Decimal::fromInt(2990));
    REQUIRE(aSkat.trin != ydelse::kNoStep);
    const ExplainedStep& tax = ex.trin[aSkat.trin];
    REQUIRE(ex.regler(tax).size() == 1);
    CHECK(ex.regler(tax)[0].regel == "a_skat_efter_skattekort");
    CHECK(ex.regler(tax)[0].lovgrundlag.find("Kildeskatteloven") != std::string_view::npos);
    REQUIRE(ex.kald(tax).size() == 1);
    const ydelse::ExplainedCall& call = ex.kald(tax)[0];
    CHECK(call.regel == "a_skat_efter_skattekort");
    REQUIRE(ex.argumenter(call).size() == 1);
    CHECK(ex.argumenter(call)[0].navn == "a_indkomst");
    CHECK(ex.argumenter(call)[0].vaerdi.number == Decimal::fromInt(12227));
    CHECK(call.resultat.number == Decimal::fromInt(2990));
    CHECK(readsInput(ex, tax, "skattekort.fradrag"));
    CHECK(readsInput(ex, tax, "a_indkomst"));
    // Only the hovedkort branch ran.
    CHECK_FALSE(readsInput(ex, tax, "skattekort.frikort_rest"));

    const ExplainedAmount& netto = amount(ex, "netto");
    CHECK(netto.trin == ydelse::kNoStep);
    CHECK(netto.vaerdi == Decimal::fromInt(9237));
    CHECK(ex.input(netto).size() == 5);
}

TEST_CASE("a branch not taken contributes nothing to the explanation") {
    Evaluator evaluator = shippedEvaluator();
    // Below the 2024 threshold: no ATP, so the ATP sats is never looked up.
    const ydelse::Result below = evaluator.evaluate(
        kontanthjaelp("12000.00", ydelse::TaxCardType::Frikort), ydelse::EvalOptions{true});
    REQUIRE(below.status == ydelse::ResultStatus::Effektueret);
    const ExplainedAmount& atp = amount(below.forklaring, "atp_egen");
    CHECK(atp.vaerdi.isZero());
    const ExplainedStep& own = below.forklaring.trin[atp.trin];
    CHECK_FALSE(readsSats(below.forklaring, own, "ATP_FORSØRGERYDELSE_EGEN"));
    const ExplainedStep* berettiget = step(below.forklaring, atp, "atp_berettiget");
    REQUIRE(berettiget != nullptr);
    CHECK(berettiget->vaerdi.kind == ydelse::ValueKind::SandFalsk);
    CHECK(berettiget->vaerdi.bits == 0);
    // The frikort branch of the tax rule, not the hovedkort one.
    const ExplainedStep& tax = below.forklaring.trin[amount(below.forklaring, "a_skat").trin];
    CHECK(readsInput(below.forklaring, tax, "skattekort.frikort_rest"));
    CHECK_FALSE(readsInput(below.forklaring, tax, "skattekort.fradrag"));
}

TEST_CASE("explained JSON is the plain JSON with the forklaring key added") {
    Evaluator evaluator = shippedEvaluator();
    const ydelse::Order order = kontanthjaelp("12326.00", ydelse::TaxCardType::Hovedkort);
    const std::string plain = evaluator.evaluateToJson(order);
    const std::string explained = evaluator.evaluateToJson(order, ydelse::EvalOptions{true});
    REQUIRE(plain.size() > 2);
    REQUIRE(plain.back() == '}');
    const std::string body = plain.substr(0, plain.size() - 1);
    CHECK(explained.compare(0, body.size(), body) == 0);
    CHECK(explained.compare(body.size(), 15, ",\"forklaring\":[") == 0);
    // Evaluating with and then without explanation on one Evaluator leaves nothing behind.
    CHECK(evaluator.evaluateToJson(order) == plain);
}
