// Shared pieces of the result writers (JSON, YAML, text): the contract's names for enum values
// and the quoting helpers, so the three formats cannot drift apart in spelling.
#pragma once

#include "runtime/model/result.hpp"

#include <string>
#include <string_view>

namespace ydelse {

/// "effektueret" | "tilbageholdt" | "afvist".
std::string_view statusName(ResultStatus status);
/// "brutto" | "atp_egen" | "am_bidrag" | "a_skat" | "modregning" | "tilbageholdt" | "netto".
std::string_view lineArtName(LineArt art);
/// "cpr" | "cvr" | "se".
std::string_view recipientTypeName(RecipientType type);

/// Appends `text` as a double-quoted JSON string. UTF-8 passes through; quotes, backslashes and
/// control characters are escaped. The result is also a valid YAML double-quoted scalar.
void appendQuoted(std::string& out, std::string_view text);

/// True when `text` is a plain decimal number ("1", "-2.5") that JSON and YAML read as a number.
bool isPlainNumber(std::string_view text);

/// Amounts are always written with exactly two decimals ("12326.00").
std::string moneyText(const Decimal& amount);

} // namespace ydelse
