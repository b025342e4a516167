// Period units of amounts: `Beløb pr. måned`. A compile-time notion only: the checker keeps a
// monthly amount from being used as a weekly one; nothing about units reaches the IR.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ydelse {

enum class PeriodUnit : std::uint8_t { None, Time, Dag, Uge, FjortenDage, Maaned, Aar };

inline constexpr std::pair<std::string_view, PeriodUnit> kPeriodUnitWords[] = {
    {"time", PeriodUnit::Time},       {"dag", PeriodUnit::Dag},
    {"uge", PeriodUnit::Uge},         {"fjorten_dage", PeriodUnit::FjortenDage},
    {"måned", PeriodUnit::Maaned},    {"år", PeriodUnit::Aar},
};

inline std::optional<PeriodUnit> periodUnitByWord(std::string_view word) {
    for (auto [w, u] : kPeriodUnitWords) {
        if (w == word) {
            return u;
        }
    }
    return std::nullopt;
}

inline std::string_view periodUnitWord(PeriodUnit unit) {
    for (auto [w, u] : kPeriodUnitWords) {
        if (u == unit) {
            return w;
        }
    }
    return "";
}

} // namespace ydelse
