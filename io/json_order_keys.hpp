// The keys of the mappings of an order, for the JSON reader: each mapping's list, in the order
// error messages name them, with a table that finds a key's slot in one comparison.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <span>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ydelse::io::json {

/// Allowed values of a choice, or a mapping's keys, in the order messages name them.
using Names = std::span<const std::string_view>;

inline constexpr std::size_t kMaxKeys = 16;
inline constexpr std::size_t kKeyTableSize = 32;
/// The longest key a mapping of known keys may have: a key is compared as one 16-byte block.
inline constexpr std::size_t kMaxKeyLength = 16;

/// A non-empty key's entry in a KnownKeys table.
constexpr std::size_t keyHash(std::string_view key, unsigned seed) {
    const auto front = static_cast<unsigned char>(key.front());
    const auto back = static_cast<unsigned char>(key.back());
    return ((key.size() * seed) ^ (front * 3U) ^ back) % kKeyTableSize;
}

/// The members a mapping may have, in the order messages name them, with a table that gives a
/// key's slot from its length and first and last bytes, free of collisions (a seed for keyHash
/// is searched at compile time; none found fails the build). Defined as constants, so that a
/// MapView can point to them.
class KnownKeys {
public:
    consteval KnownKeys(std::initializer_list<std::string_view> names) : count_(names.size()) {
        if (names.size() == 0 || names.size() > kMaxKeys) {
            throw "between 1 and kMaxKeys keys";
        }
        std::size_t slot = 0;
        for (std::string_view name : names) {
            if (name.empty() || name.size() > kMaxKeyLength) {
                throw "a key of 1 to kMaxKeyLength bytes";
            }
            names_[slot] = name;
            for (std::size_t i = 0; i < name.size(); ++i) {
                blocks_[slot][i] = name[i];
            }
            ++slot;
        }
        for (seed_ = 1; seed_ < 64; ++seed_) {
            table_ = {};
            bool distinct = true;
            for (slot = 0; slot < count_ && distinct; ++slot) {
                std::uint8_t& entry = table_[keyHash(names_[slot], seed_)];
                distinct = entry == 0;
                entry = static_cast<std::uint8_t>(slot + 1);
            }
            if (distinct) {
                return;
            }
        }
        throw "no seed gives these keys distinct table entries";
    }

    /// The slot of `name`, which must be one of the keys (checked at compile time).
    consteval std::uint8_t slot(std::string_view name) const {
        for (std::size_t i = 0; i < count_; ++i) {
            if (names_[i] == name) {
                return static_cast<std::uint8_t>(i);
            }
        }
        throw "not one of the keys";
    }

    constexpr Names names() const { return Names(names_.data(), count_); }
    std::string_view name(std::uint8_t slot) const { return names_[slot]; }

    /// The slot of `key`, or -1. The 16 bytes at key.data() must be readable: a tree's keys
    /// point into the lexer's padded buffers (json_lexer.hpp), so they are.
    int slotOf(std::string_view key) const {
        if (key.empty() || key.size() > kMaxKeyLength) {
            return -1;
        }
        const int slot = table_[keyHash(key, seed_)] - 1;
        if (slot < 0 || names_[static_cast<std::size_t>(slot)].size() != key.size()) {
            return -1;
        }
        const char* block = blocks_[static_cast<std::size_t>(slot)].data();
#if defined(__SSE2__)
        const __m128i equal =
            _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(key.data())),
                           _mm_loadu_si128(reinterpret_cast<const __m128i*>(block)));
        const auto differing = ~static_cast<unsigned>(_mm_movemask_epi8(equal));
        return (differing & ((1U << key.size()) - 1)) == 0 ? slot : -1;
#else
        return std::memcmp(key.data(), block, key.size()) == 0 ? slot : -1;
#endif
    }

private:
    std::array<std::string_view, kMaxKeys> names_{};
    std::array<std::array<char, kMaxKeyLength>, kMaxKeys> blocks_{}; ///< each key, zero-padded
    std::array<std::uint8_t, kKeyTableSize> table_{};                ///< slot + 1, or 0
    std::size_t count_ = 0;
    unsigned seed_ = 0;
};

/// The members each mapping of an order may have, in the order messages name them (constants:
/// a MapView points to its keys while it is used).
inline constexpr KnownKeys kOrder({"ordre_id", "fagsystem", "kommune", "udbetalingsdato",
                                  "periode", "modtager", "ydelser", "forsørgelse", "skattekort",
                                  "fordringer", "korrektion"});
inline constexpr KnownKeys kPeriode({"fra", "til"});
inline constexpr KnownKeys kModtager({"type", "nummer", "nemkonto"});
inline constexpr KnownKeys kLine({"ydelse", "grundlag"});
inline constexpr KnownKeys kForsorgelse({"uge", "måneder"});
inline constexpr KnownKeys kSkattekort({"type", "trækprocent", "fradrag", "frikort_rest"});
inline constexpr KnownKeys kFordring({"id", "type", "kategori", "fordringshaver", "modtaget",
                                     "rente", "hovedstol"});
inline constexpr KnownKeys kKorrektion({"tidligere"});
inline constexpr KnownKeys kTidligere({"udbetalingsdato", "brutto", "atp_egen", "am_bidrag",
                                       "a_skat", "netto"});

/// The values a choice may take, in the order messages name them.
inline constexpr std::string_view kRecipientTypes[] = {"cpr", "cvr", "se"};
inline constexpr std::string_view kTaxCardTypes[] = {"hovedkort", "bikort", "frikort", "intet"};
inline constexpr std::string_view kClaimCategories[] = {
    "bøde", "underholdsbidrag_privat", "underholdsbidrag_offentlig", "anden"};
inline constexpr std::string_view kClaimHolders[] = {"egen_kommune", "inddrivelse",
                                                     "opkrævning"};

} // namespace ydelse::io::json
