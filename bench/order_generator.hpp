// The reference workload of the speed benchmarks (quality.md, "Speed"): a deterministic, seeded
// generator of effektueringsordrer over the shipped catalog. It mixes the catalog's 8 ydelser
// from KY, KSD and KP in rough caseload proportions, each for a recipient it may be paid to,
// over periods in 2023-2024, with all four skattekort kinds, 0-3 open fordringer per person
// (the shares 55/25/12/8 %) and about 5 % corrections of an earlier payment (korrektion).
// Every order has one ydelse: a fagsystem sends one order per ydelse and period.
//
// Determinism: the same seed gives the same orders on every platform. The only source of
// randomness is std::mt19937_64, whose output the standard fixes; the standard distributions
// are not used because their algorithms differ between standard libraries. Money is drawn as
// whole øre (integers) and written as exact decimal text: no floating point anywhere.
#pragma once

#include "runtime/model/order.hpp"

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace ydelse::bench {

/// The seed the benchmark uses unless told otherwise; printed with every run.
inline constexpr std::uint64_t kDefaultSeed = 20240328;

class OrderGenerator {
public:
    explicit OrderGenerator(std::uint64_t seed = kDefaultSeed) : rng_(seed) {}

    /// The next order of the sequence.
    Order next();

private:
    std::mt19937_64 rng_;
    std::uint64_t sequence_ = 0;
};

/// `count` orders from a fresh generator with `seed`.
std::vector<Order> generateOrders(std::size_t count, std::uint64_t seed = kDefaultSeed);

} // namespace ydelse::bench
