// Compares a test case's `forventet` (a partial result) with an actual result (contract.md,
// "Test files"), giving readable Danish differences for `ydelse test`.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace ydelse::io {

/// Differences between `expected` and `actual` (the result as YAML::Load of writeJson's text),
/// empty when they match. Rules:
///  - only what `expected` names is compared; a mapping compares its named keys only;
///  - scalars that both parse as decimals compare exactly ("12326" equals "12326.00"), other
///    scalars as text, null only with null;
///  - a non-empty list matches when every expected item can be paired with a distinct actual
///    item that matches it (maximum bipartite matching, so the order of items does not matter
///    and no actual item serves twice); extra actual items are allowed;
///  - an empty list expects an empty list: `modregninger: []` asserts there are none.
/// Each difference starts with the path: `beløb.a_skat: forventet "2990.00", fik "2993.00"`.
std::vector<std::string> compareExpected(const YAML::Node& expected, const YAML::Node& actual);

/// Differences between expected error codes (a test case's `fejl`) and the codes an order was
/// rejected with: every expected code must occur, as often as it is listed; further codes are
/// allowed, as for `forventet`. Empty when they match.
std::vector<std::string> compareErrorCodes(const std::vector<std::string>& expected,
                                           const std::vector<std::string>& actual);

/// A node on one line in YAML flow style, e.g. `{art: a_skat, beløb: "2990.00"}`.
std::string renderFlow(const YAML::Node& node);

} // namespace ydelse::io
