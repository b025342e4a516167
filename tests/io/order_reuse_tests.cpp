// The in-place filling of a reused Order (io/order_reuse.hpp): short texts are copied without
// assign(), list items cut from one order are kept for the next.
#include "io/order_reuse.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace ydelse;
using namespace ydelse::io::json;

TEST_CASE("setText: every length over every length, and the buffer kept") {
    const std::string source = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
    for (std::size_t before = 0; before <= 40; ++before) {
        for (std::size_t after = 0; after <= 40; ++after) {
            std::string to(before, '#');
            to.reserve(64);
            const char* buffer = to.data();
            setText(to, std::string_view(source).substr(3, after));
            INFO(before, " -> ", after);
            CHECK(to == source.substr(3, after));
            CHECK(to.size() == after);
            CHECK(to.c_str()[after] == '\0');
            CHECK(to.data() == buffer);
        }
    }
    std::optional<std::string> maybe;
    setText(maybe, std::optional<std::string_view>("KY-1"));
    CHECK(maybe == "KY-1");
    setText(maybe, std::optional<std::string_view>());
    CHECK_FALSE(maybe.has_value());
}

TEST_CASE("nextItem and keepFirst: items cut off come back with their strings' buffers") {
    std::vector<Claim> claims;
    std::vector<Claim> spares;
    for (std::size_t i = 0; i < 3; ++i) {
        nextItem(claims, i, spares).kategori = std::string(40, 'k');
    }
    const char* third = claims[2].kategori.data();
    keepFirst(claims, 1, spares);
    CHECK(claims.size() == 1);
    CHECK(spares.size() == 2);
    Claim& again = nextItem(claims, 1, spares);
    nextItem(claims, 2, spares);
    CHECK(claims.size() == 3);
    CHECK(spares.empty());
    // The last one cut off is the first one back.
    CHECK((again.kategori.data() == third || claims[2].kategori.data() == third));
    keepFirst(claims, 0, spares);
    CHECK(claims.empty());
    CHECK(spares.size() == 3);
}
