// Embedding example (docs/embedding.md): how a payment service uses the runtime alone.
//
//   embed_example KATALOG.ydk
//
// Loads a compiled catalog (`ydelse compile -o KATALOG.ydk`), builds the shipped example order
// (catalog/eksempler/kontanthjaelp.yaml) as a C++ struct and prints its netto. Then it shares the
// one Catalog with 4 threads, each with its own Evaluator, each evaluating the same 1,000
// orders with varied amounts, and checks that every result is byte-identical to a
// single-threaded run. Exit 0 when all is well; any problem is printed with "FEJL" and exit 1.
// Links only ydelse_runtime: no parser, no YAML.
#include "runtime/api/ydelse.hpp"

#include <atomic>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

using ydelse::Date;
using ydelse::Decimal;

Date date(int year, int month, int day) {
    return *Date::fromYmd(year, month, day); // fixed, valid dates only
}

/// The order of catalog/eksempler/kontanthjaelp.yaml, with the granted amount as a parameter:
/// kontanthjælp for March 2024, non-provider, hovedkort 37 % with fradrag 4,141 kr.
ydelse::Order kontanthjaelpOrder(const std::string& ordreId, const Decimal& belob) {
    ydelse::Order order;
    order.ordreId = ordreId;
    order.fagsystem = "KY";
    order.kommune = 561;
    order.udbetalingsdato = date(2024, 3, 28);
    order.periode = {date(2024, 3, 1), date(2024, 3, 31)};
    order.modtager = {ydelse::RecipientType::Cpr, "0101801234", true};

    // Grundlag is declared by the catalog, so its fields are passed as text exactly as they
    // would be written in an order; quoted = true means "a string", as "12326.00" in YAML.
    ydelse::OrderLine line;
    line.ydelse = "KONTANTHJÆLP";
    line.grundlag.push_back({"beløb", {belob.toMoneyString(), true}});
    line.grundlag.push_back({"forsørger", {"false", false}});
    order.ydelser.push_back(std::move(line));

    order.forsorgelse = ydelse::Forsorgelse{30, 14};
    ydelse::TaxCard card;
    card.type = ydelse::TaxCardType::Hovedkort;
    card.traekprocent = Decimal::fromInt(37);
    card.fradrag = Decimal::fromOre(414100);
    order.skattekort = card;
    return order;
}

constexpr int kThreads = 4;
constexpr int kOrders = 1000;

/// Order i of the batch: amounts from 5,000.00 up in steps that touch every øre digit.
ydelse::Order batchOrder(int i) {
    return kontanthjaelpOrder("KY-2024-" + std::to_string(100000 + i),
                              Decimal::fromOre(500000 + std::int64_t{i} * 1373));
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "brug: embed_example KATALOGFIL\n";
        return 2;
    }

    // 1. Load once. A damaged or missing file is an error message, never a crash.
    std::string error;
    std::optional<ydelse::api::Catalog> catalog = ydelse::api::Catalog::load(argv[1], &error);
    if (!catalog) {
        std::cerr << "FEJL: " << error << "\n";
        return 1;
    }
    std::cout << "katalog " << catalog->name() << " version " << catalog->version() << " hash "
              << catalog->hash().substr(0, 12) << "\n";

    // 2. One order as a C++ struct. `result` holds views into the catalog, which outlives it.
    ydelse::api::Evaluator evaluator(*catalog);
    const ydelse::Result result =
        evaluator.evaluate(kontanthjaelpOrder("KY-2024-000001", Decimal::fromOre(1232600)));
    if (result.status == ydelse::ResultStatus::Afvist) {
        for (const ydelse::OrderError& e : result.fejl) {
            std::cerr << "FEJL: " << e.kode << " " << e.felt << ": " << e.besked << "\n";
        }
        return 1;
    }
    std::cout << "ordre " << *result.ordreId << ": netto " << result.belob.netto.toMoneyString()
              << " (brutto " << result.belob.brutto.toMoneyString() << ", a-skat "
              << result.belob.aSkat.toMoneyString() << ")\n";

    // 3. The reference: every batch order on this thread, with the evaluator reused.
    std::vector<std::string> expected;
    expected.reserve(kOrders);
    for (int i = 0; i < kOrders; ++i) {
        const ydelse::Result r = evaluator.evaluate(batchOrder(i));
        if (r.status != ydelse::ResultStatus::Effektueret) {
            std::cout << "FEJL: ordre " << *r.ordreId << " blev ikke effektueret\n";
            return 1;
        }
        expected.push_back(ydelse::api::toJson(r));
    }

    // 4. The same orders on kThreads threads sharing the one Catalog, one Evaluator each.
    //    Each thread starts at a different order so that threads evaluate different orders at
    //    the same moment; the catalog is only read, so no lock is needed.
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            ydelse::api::Evaluator local(*catalog); // cheap: shares the program
            for (int k = 0; k < kOrders; ++k) {
                const int i = (k + t * kOrders / kThreads) % kOrders;
                if (local.evaluateToJson(batchOrder(i)) != expected[static_cast<std::size_t>(i)]) {
                    mismatches.fetch_add(1, std::memory_order_relaxed);
                }
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    if (mismatches.load() != 0) {
        std::cout << "FEJL: " << mismatches.load() << " resultater afviger fra den enkelttrådede "
                  << "kørsel\n";
        return 1;
    }
    std::cout << kThreads << " tråde x " << kOrders
              << " ordrer: alle resultater identiske med den enkelttrådede kørsel\n";
    return 0;
}
