// The result of one effektueringsordre (contract.md, "The result"). Texts owned by the loaded
// program (codes, legal bases, account names) are string_views into it: a Result must not
// outlive the Program that produced it.
#pragma once

#include "runtime/model/explanation.hpp"
#include "runtime/model/order.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ydelse {

enum class ResultStatus : std::uint8_t { Effektueret, Tilbageholdt, Afvist };

/// The summary amounts; every one is always present (zero when nothing).
struct Amounts {
    Decimal brutto;
    Decimal atpEgen;
    Decimal amBidrag;
    Decimal aIndkomst;
    Decimal aSkat;
    Decimal modregning;
    Decimal netto;
    Decimal tilbageholdt;
    Decimal atpKommune;
    Decimal opBidrag;
    Decimal refusion;
};

enum class LineArt : std::uint8_t {
    Brutto,
    AtpEgen,
    AmBidrag,
    ASkat,
    Modregning,
    Tilbageholdt,
    Netto
};

struct PayLine {
    LineArt art = LineArt::Brutto;
    std::string_view ydelse;      ///< brutto lines only
    std::string_view lovgrundlag; ///< brutto lines only
    std::string fordring;         ///< modregning lines only
    Decimal belob;
};

/// One dimension of an account: the contract's funktion, dranst, gruppering, art, logisk, and
/// whatever local dimensions a kommune configuration adds (e.g. sted).
struct AccountField {
    std::string_view name;
    std::string_view value;
    bool numeric = false; ///< written as a number (dranst) rather than a string
};

struct Posting {
    std::vector<AccountField> konto;
    Decimal debet;
    Decimal kredit;
    std::string tekst;
};

struct EIncomeLine {
    std::string_view indkomsttype;
    int felt = 0;
    Decimal belob;
};

struct RefusionLine {
    std::string_view ydelse;
    Decimal procent; ///< in percent: 30 means 30 %
    Decimal grundlag;
    Decimal belob;
};

struct AppliedRule {
    std::string_view regel;
    std::string_view version;
    std::string_view lovgrundlag;
};

struct Offset {
    std::string fordring;
    Decimal rente;
    Decimal hovedstol;
    Decimal rest;
};

struct CreatedClaim {
    std::string_view type;
    std::string_view krav; ///< nettokrav | bruttokrav
    Decimal belob;
    std::string_view hjemmel;
    Date foraeldes;
    /// May the claim be sent on for inddrivelse if unpaid; absent when the rule does not say.
    std::optional<bool> inddrivelse;
};

struct Result {
    std::optional<std::string> ordreId;
    ResultStatus status = ResultStatus::Afvist;
    std::string_view katalogHash;
    std::string_view katalogVersion;
    Recipient modtager;
    Period periode;
    Date udbetalingsdato;
    Amounts belob;
    std::vector<PayLine> linjer;
    std::vector<Offset> modregninger;
    std::vector<Posting> konteringer;
    std::vector<CreatedClaim> fordringerOprettet;
    std::vector<EIncomeLine> eindkomst;
    std::vector<RefusionLine> refusion;
    std::vector<AppliedRule> regler;
    std::vector<OrderError> fejl; ///< only when status is Afvist
    Explanation forklaring;       ///< only when asked for (EvalOptions::explain); else empty
};

} // namespace ydelse
