// The enumerations every catalog has, because the contract fixes their values. The compiler
// declares them from these lists and the runtime binds order fields by the same lists, so an
// ordinal means the same thing on both sides of the artifact.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace ydelse::ir {

struct BuiltinEnum {
    std::string_view name;
    std::array<std::string_view, 4> values;
    std::size_t count;
};

inline constexpr std::uint32_t kSkattekortEnum = 0;
inline constexpr std::uint32_t kModtagerEnum = 1;
inline constexpr std::uint32_t kFordringskategoriEnum = 2;
inline constexpr std::uint32_t kFordringshaverEnum = 3;
inline constexpr std::uint32_t kKravtypeEnum = 4;

inline constexpr std::array<BuiltinEnum, 5> kBuiltinEnums{{
    {"Skattekorttype", {"hovedkort", "bikort", "frikort", "intet"}, 4},
    {"Modtagertype", {"cpr", "cvr", "se", ""}, 3},
    {"Fordringskategori",
     {"bøde", "underholdsbidrag_privat", "underholdsbidrag_offentlig", "anden"},
     4},
    {"Fordringshaver", {"egen_kommune", "inddrivelse", "opkrævning", ""}, 3},
    {"Kravtype", {"nettokrav", "bruttokrav", "", ""}, 2},
}};

/// The ordinal of `value` in builtin enumeration `id`, or -1.
inline int builtinOrdinal(std::uint32_t id, std::string_view value) {
    const BuiltinEnum& e = kBuiltinEnums[id];
    for (std::size_t i = 0; i < e.count; ++i) {
        if (e.values[i] == value) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace ydelse::ir
