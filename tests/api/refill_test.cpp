// The refilling evaluate (Evaluator::evaluate(order, result)): one Result reused over a stream
// of different orders must serialise exactly as a fresh Result per order, whatever the order
// before it left behind (more postings, a rejection, an explanation). Also PostingText.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "bench/order_generator.hpp"
#include "interpreter/compiler.hpp"
#include "runtime/api/ydelse.hpp"
#include "runtime/artifact/artifact.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace ydelse;

api::Catalog shippedCatalog() {
    CompileResult compiled = compileCatalog(std::filesystem::path(YDELSE_SOURCE_DIR) / "catalog");
    REQUIRE(compiled.program.has_value());
    std::string error;
    std::optional<api::Catalog> catalog = api::Catalog::fromBytes(writeArtifact(*compiled.program),
                                                                  &error);
    REQUIRE_MESSAGE(catalog.has_value(), error);
    return *catalog;
}

} // namespace

TEST_CASE("a reused Result and EvalState give the same JSON as fresh ones, order after order") {
    const api::Catalog catalog = shippedCatalog();
    // The reference workload's orders: all ydelser, skattekort kinds, fordringer, corrections.
    std::vector<Order> orders = bench::generateOrders(3000);
    // Rejections between the others: an unknown ydelse every 97 orders.
    for (std::size_t i = 0; i < orders.size(); i += 97) {
        Order bad = orders[i];
        bad.ydelser.front().ydelse = "FINDES_IKKE";
        orders.insert(orders.begin() + static_cast<std::ptrdiff_t>(i), bad);
    }
    // A new Evaluator (so a new EvalState) per order for the reference: the reusing one keeps
    // registers the previous orders wrote, so an order that read a register it had not written
    // would come out differently.
    api::Evaluator reusing(catalog);
    Result result;
    std::size_t kinds[3] = {0, 0, 0};
    for (std::size_t i = 0; i < orders.size(); ++i) {
        const EvalOptions options{.explain = i % 5 == 0};
        reusing.evaluate(orders[i], result, options);
        const Result expected = api::Evaluator(catalog).evaluate(orders[i], options);
        ++kinds[static_cast<int>(expected.status)];
        REQUIRE_MESSAGE(api::toJson(result) == api::toJson(expected), "order " << i);
        REQUIRE(result.forklaring.empty() == expected.forklaring.empty());
    }
    // The stream covered every outcome, so every path left something behind for the next.
    CHECK(kinds[static_cast<int>(ResultStatus::Effektueret)] > 0);
    CHECK(kinds[static_cast<int>(ResultStatus::Tilbageholdt)] > 0);
    CHECK(kinds[static_cast<int>(ResultStatus::Afvist)] > 0);
}

TEST_CASE("PostingText joins its name and month as the writers do") {
    const PostingText text("Kontanthjælp", std::string_view("2024-03-01"));
    CHECK(text.str() == "Kontanthjælp 2024-03");
    CHECK(text == std::string_view("Kontanthjælp 2024-03"));
    CHECK_FALSE(text == std::string_view("Kontanthjælp 2024-04"));
    CHECK(PostingText().empty());
    CHECK(PostingText("hel tekst").str() == "hel tekst");
}
