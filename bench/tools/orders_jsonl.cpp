// Writes the reference workload (order_generator.hpp) as JSON Lines on standard output: the
// input of the `ydelse batch` benchmark (bench/run.sh). Streams, so a million orders can be
// piped straight into `ydelse batch` without a file.
//
//   build/bench/orders_jsonl COUNT [SEED]
#include "bench/order_generator.hpp"
#include "bench/order_json.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "brug: orders_jsonl ANTAL [FRØ]\n");
        return 2;
    }
    const unsigned long long count = std::strtoull(argv[1], nullptr, 10);
    const unsigned long long seed =
        argc == 3 ? std::strtoull(argv[2], nullptr, 10) : ydelse::bench::kDefaultSeed;
    ydelse::bench::OrderGenerator generator(seed);
    std::string buffer;
    for (unsigned long long i = 0; i < count; ++i) {
        ydelse::bench::appendOrderJson(generator.next(), buffer);
        buffer += '\n';
        if (buffer.size() >= (1 << 16)) {
            if (std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size()) {
                return 1;
            }
            buffer.clear();
        }
    }
    if (std::fwrite(buffer.data(), 1, buffer.size(), stdout) != buffer.size()) {
        return 1;
    }
    return std::fflush(stdout) == 0 ? 0 : 1;
}
