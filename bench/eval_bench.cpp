// The speed benchmark of the engine (quality.md, "Speed"; how to run: bench/README.md).
//
//   build/bench/eval_bench [Google Benchmark flags, e.g. --benchmark_filter=BM_EvaluateOrders]
//
// Compiles the shipped catalog, loads it from its artifact bytes as a payment service would
// (Catalog::fromBytes), generates the seeded reference workload (order_generator.hpp) and
// checks, before any timing, that at least 95 % of it is effektueret: a benchmark of rejected
// orders would time the error path. Then it measures evaluation (result structs, and result plus
// JSON), compiling the catalog and loading its artifact. Every figure is followed by the command
// that reproduces it.
#include "bench/order_generator.hpp"
#include "interpreter/compiler.hpp"
#include "runtime/api/ydelse.hpp"
#include "runtime/artifact/artifact.hpp"
#include "runtime/output/json_writer.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

using namespace ydelse;

// Large enough that the orders do not all sit in L1/L2 as a real batch would not, small enough
// to generate in well under a second.
constexpr std::size_t kOrderCount = 100'000;
constexpr std::uint64_t kSeed = bench::kDefaultSeed;
// Below this share of effektueret orders the workload is not the one the targets are set for.
constexpr std::size_t kMinEffektueretPercent = 95;

const char* const kCatalogDir = YDELSE_BENCH_CATALOG;
const char* const kRunCommand = "cmake --build build --target eval_bench && build/bench/eval_bench";

// Set up once in main() before any benchmark runs; the benchmarks only read it.
struct Workload {
    std::string artifact;
    std::optional<api::Catalog> catalog;
    std::vector<Order> orders;
};
Workload* workload = nullptr;

void BM_EvaluateOrders(benchmark::State& state) {
    api::Evaluator evaluator(*workload->catalog);
    const std::vector<Order>& orders = workload->orders;
    std::size_t next = 0;
    for (auto _ : state) {
        Result result = evaluator.evaluate(orders[next]);
        benchmark::DoNotOptimize(result.status);
        next = next + 1 == orders.size() ? 0 : next + 1;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_EvaluateOrders);

void BM_EvaluateToJson(benchmark::State& state) {
    api::Evaluator evaluator(*workload->catalog);
    const std::vector<Order>& orders = workload->orders;
    std::string json; // reused, as a batch writer would reuse its line buffer
    std::size_t next = 0;
    for (auto _ : state) {
        Result result = evaluator.evaluate(orders[next]);
        json.clear();
        writeJson(result, json);
        benchmark::DoNotOptimize(json.data());
        next = next + 1 == orders.size() ? 0 : next + 1;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_EvaluateToJson);

void BM_CompileShippedCatalog(benchmark::State& state) {
    for (auto _ : state) {
        CompileResult compiled = compileCatalog(kCatalogDir);
        benchmark::DoNotOptimize(compiled.program.has_value());
    }
}
BENCHMARK(BM_CompileShippedCatalog)->Unit(benchmark::kMillisecond);

void BM_LoadArtifact(benchmark::State& state) {
    for (auto _ : state) {
        LoadedArtifact loaded = readArtifact(workload->artifact);
        benchmark::DoNotOptimize(loaded.program.has_value());
    }
}
BENCHMARK(BM_LoadArtifact)->Unit(benchmark::kMicrosecond);

// The console table, with the command that reproduces each figure under its line.
class ReproducingReporter : public benchmark::ConsoleReporter {
public:
    // Colour only on a terminal, as the library's own console reporter decides by default.
    explicit ReproducingReporter(bool color)
        : ConsoleReporter(color ? OO_ColorTabular : OO_Tabular) {}

    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            GetOutputStream() << fmt::format("  reproduce: {} --benchmark_filter='^{}$'\n",
                                             kRunCommand, run.benchmark_name());
        }
    }
};

const char* statusName(ResultStatus status) {
    switch (status) {
    case ResultStatus::Effektueret: return "effektueret";
    case ResultStatus::Tilbageholdt: return "tilbageholdt";
    case ResultStatus::Afvist: return "afvist";
    }
    return "?";
}

/// Evaluates every order once and prints the outcome and the mix. Returns false when too few
/// are effektueret for the figures to mean anything.
bool checkWorkload(const Workload& w) {
    api::Evaluator evaluator(*w.catalog);
    std::map<std::string, std::size_t> byStatus;
    std::map<std::string, std::size_t> byYdelse;
    std::map<std::string, std::size_t> byRejection;
    std::map<std::string, std::size_t> byTaxCard;
    std::size_t effektueret = 0;
    for (const Order& order : w.orders) {
        const Result result = evaluator.evaluate(order);
        ++byStatus[statusName(result.status)];
        ++byYdelse[order.ydelser.front().ydelse];
        if (result.status == ResultStatus::Effektueret) {
            ++effektueret;
        }
        for (const OrderError& e : result.fejl) {
            ++byRejection[e.kode + (e.felt.empty() ? "" : " (" + e.felt + ")")];
        }
        static const char* const kCards[] = {"hovedkort", "bikort", "frikort", "intet"};
        ++byTaxCard[order.skattekort ? kCards[static_cast<int>(order.skattekort->type)]
                                     : "ingen (CVR/SE)"];
    }
    auto print = [](const char* title, const std::map<std::string, std::size_t>& counts) {
        fmt::print("{}:", title);
        for (const auto& [name, n] : counts) {
            fmt::print(" {} {}", name, n);
        }
        fmt::print("\n");
    };
    fmt::print("workload: {} orders, seed {}, catalog {} ({})\n", w.orders.size(), kSeed,
               kCatalogDir, w.catalog->hash().substr(0, 12));
    fmt::print("workload: one ydelse per order, no fordringer, no korrektion (the engine "
               "refuses those for now)\n");
    print("ydelser", byYdelse);
    print("skattekort", byTaxCard);
    print("status", byStatus);
    if (!byRejection.empty()) {
        print("afvist because", byRejection);
    }
    const std::size_t percent = effektueret * 100 / w.orders.size();
    fmt::print("effektueret: {} of {} ({} %, required >= {} %)\n", effektueret, w.orders.size(),
               percent, kMinEffektueretPercent);
    fmt::print("reproduce: {}\n\n", kRunCommand);
    return percent >= kMinEffektueretPercent;
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }

    CompileResult compiled = compileCatalog(kCatalogDir);
    if (!compiled.program) {
        fmt::print(stderr, "FEJL: the shipped catalog {} does not compile\n", kCatalogDir);
        return 1;
    }
    auto w = std::make_unique<Workload>();
    w->artifact = writeArtifact(*compiled.program);
    std::string error;
    w->catalog = api::Catalog::fromBytes(w->artifact, &error);
    if (!w->catalog) {
        fmt::print(stderr, "FEJL: the compiled catalog does not load: {}\n", error);
        return 1;
    }
    w->orders = bench::generateOrders(kOrderCount, kSeed);
    if (!checkWorkload(*w)) {
        fmt::print(stderr, "FEJL: fewer than {} % of the generated orders are effektueret; fix "
                           "bench/order_generator.cpp\n", kMinEffektueretPercent);
        return 1;
    }
    workload = w.get();

    // The reproducing reporter only for the console table; other formats keep their own.
    bool consoleFormat = true;
    bool color = isatty(STDOUT_FILENO) != 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--benchmark_format=", 19) == 0 &&
            std::strcmp(argv[i] + 19, "console") != 0) {
            consoleFormat = false;
        }
        if (std::strcmp(argv[i], "--benchmark_color=false") == 0) {
            color = false;
        }
    }
    if (consoleFormat) {
        ReproducingReporter reporter(color);
        benchmark::RunSpecifiedBenchmarks(&reporter);
    } else {
        benchmark::RunSpecifiedBenchmarks();
    }
    benchmark::Shutdown();
    workload = nullptr;
    return 0;
}
