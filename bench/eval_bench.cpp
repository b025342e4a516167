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
#include "bench/order_json.hpp"
#include "io/json_order_reader.hpp"
#include "interpreter/compiler.hpp"
#include "runtime/api/ydelse.hpp"
#include "runtime/artifact/artifact.hpp"
#include "runtime/output/json_writer.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <thread>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

#include <atomic>
#include <new>

// The replacement pair below is malloc/free on both sides; GCC sees only the inlined halves.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
// Every heap allocation of this process is counted, so a benchmark can report allocations per
// order. Only in the benchmark binary: the product's allocator is the system's.
namespace {
std::atomic<std::uint64_t> heapAllocations{0};
}
void* operator new(std::size_t size) {
    heapAllocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) {
        return p;
    }
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

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
    std::vector<Order> orders;    ///< the reference workload, as generated
    std::vector<Order> supported; ///< its orders without fordringer and korrektion
};
Workload* workload = nullptr;

bool hasClaimsOrCorrection(const Order& order) {
    return !order.fordringer.empty() || order.korrektion.has_value();
}

void evaluateRoundRobin(benchmark::State& state, const std::vector<Order>& orders) {
    api::Evaluator evaluator(*workload->catalog); // one per thread, as a service would have
    // Threads start at different orders so they do not walk the same cache lines in step.
    std::size_t next = static_cast<std::size_t>(state.thread_index()) * 7919 % orders.size();
    Result result; // refilled: a service keeps one per thread
    for (auto _ : state) {
        evaluator.evaluate(orders[next], result);
        benchmark::DoNotOptimize(result.status);
        next = next + 1 == orders.size() ? 0 : next + 1;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// quality.md's first figure: the whole reference workload, modregning and corrections included.
// BM_EvaluateSupportedOrders (no fordringer, no korrektion) is kept to compare with the figures
// from before the engine evaluated those.
void BM_EvaluateOrders(benchmark::State& state) { evaluateRoundRobin(state, workload->orders); }

void BM_EvaluateSupportedOrders(benchmark::State& state) {
    evaluateRoundRobin(state, workload->supported);
}

// quality.md's "explanation on" figure: the same workload, each Result with its forklaring.
void BM_EvaluateOrdersExplained(benchmark::State& state) {
    api::Evaluator evaluator(*workload->catalog);
    const std::vector<Order>& orders = workload->orders;
    Result result;
    std::size_t next = 0;
    for (auto _ : state) {
        evaluator.evaluate(orders[next], result, EvalOptions{.explain = true});
        benchmark::DoNotOptimize(result.status);
        next = next + 1 == orders.size() ? 0 : next + 1;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_EvaluateOrdersExplained)->UseRealTime();

// Heap allocations per order once the Evaluator and the caller's Result have seen the whole
// workload once (steady state), for the refilling evaluate and for the one returning a fresh
// Result. Counter `allocs_per_order`; the time column is not the figure here.
void allocationsPerOrder(benchmark::State& state, bool refill, bool explain) {
    api::Evaluator evaluator(*workload->catalog);
    const std::vector<Order>& orders = workload->orders;
    Result result;
    for (const Order& order : orders) { // warm-up: every buffer reaches its steady size
        evaluator.evaluate(order, result, EvalOptions{.explain = explain});
    }
    std::uint64_t allocations = 0;
    std::uint64_t evaluated = 0;
    for (auto _ : state) {
        const std::uint64_t before = heapAllocations.load(std::memory_order_relaxed);
        for (const Order& order : orders) {
            if (refill) {
                evaluator.evaluate(order, result, EvalOptions{.explain = explain});
                benchmark::DoNotOptimize(result.status);
            } else {
                Result fresh = evaluator.evaluate(order, EvalOptions{.explain = explain});
                benchmark::DoNotOptimize(fresh.status);
            }
        }
        allocations += heapAllocations.load(std::memory_order_relaxed) - before;
        evaluated += orders.size();
    }
    state.counters["allocs_per_order"] =
        static_cast<double>(allocations) / static_cast<double>(std::max<std::uint64_t>(evaluated, 1));
}
void BM_AllocationsPerOrder(benchmark::State& state) { allocationsPerOrder(state, true, false); }
BENCHMARK(BM_AllocationsPerOrder)->Iterations(1);
void BM_AllocationsPerOrderFreshResult(benchmark::State& state) {
    allocationsPerOrder(state, false, false);
}
BENCHMARK(BM_AllocationsPerOrderFreshResult)->Iterations(1);
void BM_AllocationsPerOrderExplained(benchmark::State& state) {
    allocationsPerOrder(state, true, true);
}
BENCHMARK(BM_AllocationsPerOrderExplained)->Iterations(1);

void BM_EvaluateToJson(benchmark::State& state) {
    api::Evaluator evaluator(*workload->catalog);
    const std::vector<Order>& orders = workload->orders;
    std::string json; // reused, as a batch writer would reuse its line buffer
    std::size_t next = 0;
    Result result;
    for (auto _ : state) {
        evaluator.evaluate(orders[next], result);
        json.clear();
        writeJson(result, json);
        benchmark::DoNotOptimize(json.data());
        next = next + 1 == orders.size() ? 0 : next + 1;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_EvaluateToJson);

// The latency of one evaluation, each timed on its own: p50, p99 and p99.9 in microseconds
// (quality.md: p99 < 5 µs). The clock read costs some 20 ns, included.
void BM_Latency(benchmark::State& state) {
    api::Evaluator evaluator(*workload->catalog);
    const std::vector<Order>& orders = workload->orders;
    std::vector<std::int64_t> nanos;
    nanos.reserve(static_cast<std::size_t>(state.max_iterations));
    std::size_t next = 0;
    Result result;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        evaluator.evaluate(orders[next], result);
        benchmark::DoNotOptimize(result.status);
        const auto end = std::chrono::steady_clock::now();
        nanos.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(end - start).count());
        next = next + 1 == orders.size() ? 0 : next + 1;
    }
    std::sort(nanos.begin(), nanos.end());
    auto percentile = [&](double p) {
        const auto index = static_cast<std::size_t>(p * static_cast<double>(nanos.size() - 1));
        return static_cast<double>(nanos[index]) / 1000.0;
    };
    state.counters["p50_us"] = percentile(0.50);
    state.counters["p99_us"] = percentile(0.99);
    state.counters["p999_us"] = percentile(0.999);
}
BENCHMARK(BM_Latency)->Iterations(300'000);

// Reading one JSON Lines order (the batch's reader), and the yaml-cpp reader it replaced.
void readOrders(benchmark::State& state, bool simdjson) {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < 10'000; ++i) {
        bench::appendOrderJson(workload->orders[i], lines.emplace_back());
    }
    io::JsonOrderReader reader;
    for (const std::string& line : lines) { // warm-up: the reader's buffers reach their size
        benchmark::DoNotOptimize(simdjson && reader.read(line).ok);
    }
    const std::uint64_t allocationsBefore = heapAllocations.load(std::memory_order_relaxed);
    std::size_t next = 0;
    for (auto _ : state) {
        if (simdjson) {
            benchmark::DoNotOptimize(reader.read(lines[next]).ok);
        } else {
            benchmark::DoNotOptimize(io::readOrderText(lines[next]).order.has_value());
        }
        next = next + 1 == lines.size() ? 0 : next + 1;
    }
    // Heap allocations per read in steady state (the yaml-cpp reader allocates as it goes).
    state.counters["allocs_per_read"] = benchmark::Counter(
        static_cast<double>(heapAllocations.load(std::memory_order_relaxed) - allocationsBefore),
        benchmark::Counter::kAvgIterations);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
void BM_ReadJsonOrder(benchmark::State& state) { readOrders(state, true); }
BENCHMARK(BM_ReadJsonOrder);
void BM_ReadJsonOrderWithYamlCpp(benchmark::State& state) { readOrders(state, false); }
BENCHMARK(BM_ReadJsonOrderWithYamlCpp);

// Writing one result as JSON (the batch's writer), results evaluated beforehand.
void BM_WriteJson(benchmark::State& state) {
    api::Evaluator evaluator(*workload->catalog);
    std::vector<Result> results;
    for (std::size_t i = 0; i < 10'000; ++i) {
        results.push_back(evaluator.evaluate(workload->orders[i]));
    }
    std::string json;
    std::size_t next = 0;
    for (auto _ : state) {
        json.clear();
        writeJson(results[next], json);
        benchmark::DoNotOptimize(json.data());
        next = next + 1 == results.size() ? 0 : next + 1;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_WriteJson);

void BM_CompileShippedCatalog(benchmark::State& state) {
    for (auto _ : state) {
        CompileResult compiled = compileCatalog(kCatalogDir);
        benchmark::DoNotOptimize(compiled.program.has_value());
    }
}
BENCHMARK(BM_CompileShippedCatalog)->Unit(benchmark::kMillisecond);

// A catalog of 1,000 ydelser written by bench/tools/generate_catalog.py (bench/run.sh makes it
// and names it in YDELSE_BENCH_GENERATED_CATALOG); quality.md: < 2 s.
void BM_CompileGeneratedCatalog(benchmark::State& state) {
    const char* dir = std::getenv("YDELSE_BENCH_GENERATED_CATALOG");
    if (dir == nullptr) {
        state.SkipWithError("YDELSE_BENCH_GENERATED_CATALOG is not set (bench/run.sh sets it)");
        return;
    }
    for (auto _ : state) {
        CompileResult compiled = compileCatalog(dir);
        if (!compiled.program) {
            state.SkipWithError("the generated catalog does not compile");
            return;
        }
    }
}
BENCHMARK(BM_CompileGeneratedCatalog)->Unit(benchmark::kMillisecond)->Iterations(3);

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
    std::map<std::string, std::size_t> byClaims;
    std::size_t corrections = 0;
    std::size_t supported = 0;
    std::size_t supportedEffektueret = 0;
    for (const Order& order : w.orders) {
        const Result result = evaluator.evaluate(order);
        ++byStatus[statusName(result.status)];
        ++byYdelse[order.ydelser.front().ydelse];
        ++byClaims[std::to_string(order.fordringer.size())];
        corrections += order.korrektion ? 1 : 0;
        if (!hasClaimsOrCorrection(order)) {
            ++supported;
            supportedEffektueret += result.status == ResultStatus::Effektueret ? 1 : 0;
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
    print("ydelser", byYdelse);
    print("skattekort", byTaxCard);
    print("fordringer per order", byClaims);
    fmt::print("korrektion: {} ({:.1f} %)\n", corrections,
               100.0 * static_cast<double>(corrections) / static_cast<double>(w.orders.size()));
    print("status", byStatus);
    if (!byRejection.empty()) {
        print("afvist because", byRejection);
    }
    // Orders with fordringer or a korrektion are counted, not required to pass: the engine
    // rejects them until modregning and corrections are implemented.
    const std::size_t percent = supportedEffektueret * 100 / std::max<std::size_t>(supported, 1);
    fmt::print("without fordringer and korrektion: {} orders, {} effektueret ({} %, required >= "
               "{} %)\n",
               supported, supportedEffektueret, percent, kMinEffektueretPercent);
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
    for (const Order& order : w->orders) {
        if (!hasClaimsOrCorrection(order)) {
            w->supported.push_back(order);
        }
    }
    if (!checkWorkload(*w)) {
        fmt::print(stderr, "FEJL: fewer than {} % of the generated orders are effektueret; fix "
                           "bench/order_generator.cpp\n", kMinEffektueretPercent);
        return 1;
    }
    workload = w.get();
    // Registered here: the thread counts depend on the machine. Real time, since the figure is
    // orders per wall-clock second over all threads.
    const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    benchmark::RegisterBenchmark("BM_EvaluateOrders", BM_EvaluateOrders)
        ->ThreadRange(1, cores)
        ->UseRealTime();
    benchmark::RegisterBenchmark("BM_EvaluateSupportedOrders", BM_EvaluateSupportedOrders)
        ->ThreadRange(1, cores)
        ->UseRealTime();

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
