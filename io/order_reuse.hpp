// Filling a reused Order in place, for the JSON reader: strings keep their buffers, and list
// items cut from one order are kept for the next, so a stream of orders allocates nothing in
// steady state.
#pragma once

#include "runtime/model/order.hpp"

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ydelse::io::json {

/// Items the reused Order's lists no longer hold, kept with their strings' buffers for a later
/// order that needs more.
struct Spares {
    std::vector<OrderLine> lines;
    std::vector<GrundlagField> grundlag;
    std::vector<Claim> claims;
};

// The next item of a reused list: one left from an earlier order if there is one, with its
// strings' buffers, so that a stream of orders allocates nothing in steady state.
template <typename T>
T& nextItem(std::vector<T>& items, std::size_t used, std::vector<T>& spares) {
    if (used == items.size()) {
        if (spares.empty()) {
            items.emplace_back();
        } else {
            items.push_back(std::move(spares.back()));
            spares.pop_back();
        }
    }
    return items[used];
}

// Cuts the list to its first `used` items, keeping the rest for later orders.
template <typename T>
void keepFirst(std::vector<T>& items, std::size_t used, std::vector<T>& spares) {
    while (items.size() > used) {
        spares.push_back(std::move(items.back()));
        items.pop_back();
    }
}

// Copies `from` over `to`, keeping its buffer. A text of at most 16 bytes that fits in the
// current one (a fagsystem, a cpr number, a claim's id) is copied inline and the rest cut off
// with erase(), which is inline too: assign() goes through _M_replace and a memcpy call, some
// 70 instructions for a short text.
inline void setText(std::string& to, std::string_view from) {
    const std::size_t n = from.size();
    if (n > to.size() || n > 16 || n == 0) {
        to.assign(from.data(), n);
        return;
    }
    // Two overlapping words of the largest size that fits cover 1 to 16 bytes exactly.
    char* const d = to.data();
    const char* const s = from.data();
    auto copy = [&](auto word) {
        constexpr std::size_t size = sizeof word;
        std::memcpy(&word, s, size);
        std::memcpy(d, &word, size);
        std::memcpy(&word, s + n - size, size);
        std::memcpy(d + n - size, &word, size);
    };
    if (n >= 8) {
        copy(std::uint64_t{});
    } else if (n >= 4) {
        copy(std::uint32_t{});
    } else if (n >= 2) {
        copy(std::uint16_t{});
    } else {
        d[0] = s[0];
    }
    to.erase(n);
}

inline void setText(std::string& to, const std::optional<std::string_view>& from) {
    setText(to, from.value_or(std::string_view()));
}

inline void setText(std::optional<std::string>& to, const std::optional<std::string_view>& from) {
    if (!from) {
        to.reset();
    } else if (to) {
        setText(*to, *from);
    } else {
        to.emplace(*from);
    }
}

} // namespace ydelse::io::json
