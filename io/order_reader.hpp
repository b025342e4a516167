// Reads an effektueringsordre (contract.md, "The effektueringsordre") from YAML or JSON text, or
// from an already parsed yaml-cpp node, into a ydelse::Order. It never throws: every problem is
// an OrderError, and all of them are collected, not only the first.
//
// Error codes (kode) and what they mean; `felt` names the place exactly as the contract does
// ("skattekort.trækprocent", "ydelser[0].grundlag.beløb", "fordringer[1].modtaget"), empty when
// the order as a whole is at fault; `besked` is Danish and says what was expected and found.
//
//   ORDRE_SYNTAKS  the text is not YAML/JSON (besked gives line and column), the top level is
//                  not a mapping, or a field is written twice in the same mapping
//   FELT_MANGLER   a required field is absent or null (a null optional field counts as absent)
//   FELT_TYPE      wrong type or format: a date not YYYY-MM-DD, an amount that is not decimal
//                  text with a point and at most two decimals (also 1e3, "12.326,00"), an
//                  integer that is not plain digits, a boolean that is not unquoted true/false,
//                  a list or mapping where a scalar belongs (or the reverse), a grundlag value
//                  that is not a scalar
//   FELT_VÆRDI     well-formed but invalid: unknown enum value (modtager.type, skattekort.type,
//                  kategori, fordringshaver), invalid CPR/CVR/SE number, a date that does not
//                  exist, negative amount, amount above 1 000 000 000, kommune outside 1..999,
//                  forsørgelse.uge/måneder below 1, trækprocent outside 0..100, periode.fra
//                  after periode.til, an empty ydelser list or empty required text, a fordring
//                  id used twice
//   FELT_UKENDT    a field the contract does not define, at any level the contract fixes
//                  (grundlag contents are free)
#pragma once

#include "runtime/model/order.hpp"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ydelse::io {

inline constexpr std::string_view kOrdreSyntaks = "ORDRE_SYNTAKS";
inline constexpr std::string_view kFeltMangler = "FELT_MANGLER";
inline constexpr std::string_view kFeltType = "FELT_TYPE";
inline constexpr std::string_view kFeltVaerdi = "FELT_VÆRDI";
inline constexpr std::string_view kFeltUkendt = "FELT_UKENDT";

struct ReadOrder {
    std::optional<Order> order;      ///< set exactly when `errors` is empty
    std::vector<OrderError> errors;  ///< in document order, all of them
    std::optional<std::string> ordreId; ///< whenever ordre_id was readable, errors or not
};

/// Reads an order from a parsed node (e.g. one case of a test file).
ReadOrder readOrder(const YAML::Node& node);
/// Parses YAML or JSON text (JSON is read as YAML) and reads the order from it.
ReadOrder readOrderText(std::string_view text);

} // namespace ydelse::io
