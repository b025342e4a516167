// The rules for an order's scalar fields, once for both readers (yaml-cpp for YAML and JSON
// files, the JSON reader for batch): each takes the scalar's text and returns the value, or
// nothing with the error code and Danish message the contract's error record gets. The readers
// only find the text and name the field.
#pragma once

#include "runtime/model/order.hpp"
#include "runtime/support/date.hpp"
#include "runtime/support/decimal.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ydelse::io::rules {

/// Why a scalar was refused: FELT_TYPE for a wrong form, FELT_VÆRDI for a right form out of range.
struct Problem {
    std::string_view kode;
    std::string besked;
};

inline bool allDigits(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}
/// "a, b, c", for messages naming the allowed values.
std::string joinChoices(std::span<const std::string_view> allowed);

/// One of `allowed`.
bool oneOf(std::string_view text, std::span<const std::string_view> allowed,
           Problem& problem);
/// An ISO date YYYY-MM-DD that exists.
std::optional<Date> date(std::string_view text, Problem& problem);
/// A non-negative amount with at most two decimals, at most 1 000 000 000.
std::optional<Decimal> amount(std::string_view text, Problem& problem);
/// A percentage 0..100, any number of decimals.
std::optional<Decimal> percent(std::string_view text, Problem& problem);
/// Plain digits within [min, max].
std::optional<std::int64_t> integer(std::string_view text, std::int64_t min, std::int64_t max,
                                    Problem& problem);
/// The largest forsørgelse.uge and forsørgelse.måneder an order may give.
inline constexpr std::int64_t kMaxCount = 9999;

/// The contract's names of recipient and skattekort types, already checked with oneOf.
RecipientType recipientType(std::string_view name);
TaxCardType taxCardType(std::string_view name);

/// Unquoted true or false.
std::optional<bool> boolean(std::string_view text, bool quoted, Problem& problem);

} // namespace ydelse::io::rules
