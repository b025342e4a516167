// Writes a Result as a readable Danish payout specification (`ydelse run --format text`): a
// header, the payout lines with amounts right-aligned, the postings, eIndkomst and refusion.
// Meant for people; machines read the JSON or YAML form.
#pragma once

#include "runtime/model/result.hpp"

#include <string>

namespace ydelse {

/// Appends the specification to `out`; every line ends with '\n'. Amounts are in Danish
/// notation ("12.326,00"); deductions are shown with a minus sign.
void writeText(const Result& result, std::string& out);

/// "12.326,00", "-99,00": thousands separated by '.', decimal comma, two decimals.
std::string danishMoney(const Decimal& amount);

} // namespace ydelse
