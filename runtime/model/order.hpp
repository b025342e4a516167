// The effektueringsordre as the runtime receives it (contract.md, "The effektueringsordre").
//
// Fields the contract fixes are typed here; a ydelse's grundlag is catalog-defined, so it arrives
// as named raw scalars and is bound to the catalog's declared types by the evaluator. Readers
// (io/) fill this struct from YAML or JSON; an embedding service may fill it directly.
#pragma once

#include "runtime/support/date.hpp"
#include "runtime/support/decimal.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ydelse {

enum class RecipientType : std::uint8_t { Cpr, Cvr, Se };
enum class TaxCardType : std::uint8_t { Hovedkort, Bikort, Frikort, Intet };

/// A scalar exactly as written in the order, before the catalog gives it a type.
struct RawScalar {
    std::string text;
    bool quoted = false; ///< written as a string ("12326.00") rather than a plain scalar
};

struct GrundlagField {
    std::string name;
    RawScalar value;
};

struct OrderLine {
    std::string ydelse; ///< the catalog code, e.g. KONTANTHJÆLP
    std::vector<GrundlagField> grundlag;
};

struct Recipient {
    RecipientType type = RecipientType::Cpr;
    std::string nummer;
    bool nemkonto = true;
};

struct Forsorgelse {
    std::optional<std::int64_t> uge;
    std::optional<std::int64_t> maaneder;
};

struct TaxCard {
    TaxCardType type = TaxCardType::Intet;
    std::optional<Decimal> traekprocent; ///< in percent: 37 means 37 %
    std::optional<Decimal> fradrag;
    std::optional<Decimal> frikortRest;
};

struct Claim {
    std::string id;
    std::string type;
    std::string kategori;
    std::string fordringshaver;
    Date modtaget;
    Decimal rente;
    Decimal hovedstol;
};

struct PreviousPayout {
    Date udbetalingsdato;
    Decimal brutto;
    Decimal atpEgen;
    Decimal amBidrag;
    Decimal aSkat;
    Decimal netto;
};

struct Order {
    std::optional<std::string> ordreId;
    std::string fagsystem;
    std::int64_t kommune = 0;
    Date udbetalingsdato;
    Period periode;
    Recipient modtager;
    std::vector<OrderLine> ydelser;
    std::optional<Forsorgelse> forsorgelse;
    std::optional<TaxCard> skattekort;
    std::vector<Claim> fordringer;
    std::optional<PreviousPayout> korrektion;
};

/// One reason an order cannot be effektueret. `felt` names the place: "skattekort.trækprocent",
/// "ydelser[0].grundlag.beløb"; empty when the order as a whole is at fault.
struct OrderError {
    std::string kode;
    std::string felt;
    std::string besked; ///< Danish
};

} // namespace ydelse
