// Value types of the IR. The compiler has checked every operation against them; the runtime only
// needs them to bind order inputs and to print.
#pragma once

#include "runtime/support/decimal.hpp"

#include <cstdint>
#include <string_view>

namespace ydelse::ir {

enum class ValueType : std::uint8_t {
    Belob,   ///< kroner, exact; whole øre when stored or reported
    Procent, ///< held as a fraction at run time: 37 % is 0.37
    Decimal,
    Heltal,
    Bool,
    Tekst,
    Dato,
    Periode,
    Konto,
    Enum,
};

std::string_view valueTypeName(ValueType type);

/// One register. Numbers live in `number`; truth values, dates (days), enumeration ordinals,
/// account and text indexes, and periods (from << 32 | to) in `bits`.
struct Value {
    ydelse::Decimal number;
    std::int64_t bits = 0;
};

enum class Comparison : std::uint8_t { Lt, Le, Gt, Ge, Eq, Ne };

/// Order inputs every frame starts with, at these register numbers.
enum class Input : std::uint8_t {
    Periode,
    PeriodeFra,
    PeriodeTil,
    Udbetalingsdato,
    Kommune,
    ModtagerType,
    ForsorgelseUge,
    ForsorgelseMaaneder,
    SkattekortType,
    SkattekortTraekprocent,
    SkattekortFradrag,
    SkattekortFrikortRest,
    TidligereUdbetalingsdato, ///< korrektion.tidligere.udbetalingsdato; only in a correction
    // The claim being looked at, in a modregningsregel's `omfatter` and the dækningsrækkefølge.
    FordringKategori,
    FordringFordringshaver,
    FordringModtaget,
    FordringRente,
    FordringHovedstol,
    /// What the offsets may take at most before any cap: netto after A-skat (a cap's `højst`).
    TilRaadighed,
    Count
};
inline constexpr std::uint32_t kInputCount = static_cast<std::uint32_t>(Input::Count);

/// The order field an input comes from, as the contract names it ("forsørgelse.uge").
std::string_view inputFieldName(Input input);

/// Amounts every ydelse computes per order line. The catalog defines each; the runtime sums,
/// reports and posts them.
enum class LineAmount : std::uint8_t {
    Brutto,
    AtpEgen,
    AtpKommune,
    AmBidrag,
    AIndkomst,
    OpBidrag,
    RefusionProcent,
    RefusionGrundlag,
    Refusion,
    Count
};
inline constexpr std::size_t kLineAmountCount = static_cast<std::size_t>(LineAmount::Count);
std::string_view lineAmountName(LineAmount amount);
ValueType lineAmountType(LineAmount amount);

/// Kinds of amount a posting rule can post: line amounts and the order's own.
enum class PostingArt : std::uint8_t {
    Brutto,
    AtpEgen,
    AtpKommune,
    AmBidrag,
    OpBidrag,
    Refusion,
    ASkat,
    Modregning,
    Netto,
    Tilbageholdt,
    Tilbagebetalingskrav,
    Count
};
inline constexpr std::size_t kPostingArtCount = static_cast<std::size_t>(PostingArt::Count);
std::string_view postingArtName(PostingArt art);
/// True for the arts that belong to the order as a whole (posted in `udbetaling`).
bool isOrderLevel(PostingArt art);

} // namespace ydelse::ir
