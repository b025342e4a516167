// Readers for the nested parts of an order (modtager, ydelser, skattekort, ...), used by
// order_reader.cpp; kept apart so each file stays small.
#pragma once

#include "io/field_reader.hpp"

namespace ydelse::io {

std::optional<Period> readPeriode(FieldReader& r, const Field& field);
std::optional<Recipient> readModtager(FieldReader& r, const Field& field);
std::optional<std::vector<OrderLine>> readYdelser(FieldReader& r, const Field& field);
std::optional<Forsorgelse> readForsorgelse(FieldReader& r, const Field& field);
std::optional<TaxCard> readSkattekort(FieldReader& r, const Field& field);
std::optional<std::vector<Claim>> readFordringer(FieldReader& r, const Field& field);
std::optional<PreviousPayout> readKorrektion(FieldReader& r, const Field& field);

/// cpr: 10 digits, the first six DDMMYY of a real date in 19YY or 20YY; cvr, se: 8 digits.
/// Returns the Danish reason when `nummer` is invalid for `type`, nothing when it is valid.
std::optional<std::string> recipientNumberProblem(RecipientType type, std::string_view nummer);

} // namespace ydelse::io
