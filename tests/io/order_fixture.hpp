// Shared test input: the contract's example order, and helpers to vary it one line at a time.
#pragma once

#include "io/order_reader.hpp"

#include <string>
#include <string_view>

namespace ydelse::test {

/// contract.md's example effektueringsordre, verbatim apart from comments.
extern const std::string_view kContractOrderYaml;
/// The same order written as JSON.
extern const std::string_view kContractOrderJson;

/// `text` with the one occurrence of `from` replaced by `to`; fails the test if `from` is absent.
std::string replaced(std::string_view text, std::string_view from, std::string_view to);

/// The contract order with `from` replaced by `to`, read.
io::ReadOrder readVariant(std::string_view from, std::string_view to);

/// The one error of `read`, failing the test when there is not exactly one.
OrderError onlyError(const io::ReadOrder& read);

/// Every field of an order on one line per field, to compare two orders in one assertion.
std::string describeOrder(const Order& order);

} // namespace ydelse::test
