// The result of one effektueringsordre (contract.md, "The result"). Texts owned by the loaded
// program (codes, legal bases, account names) are string_views into it: a Result must not
// outlive the Program that produced it.
#pragma once

#include "runtime/model/account_field.hpp"
#include "runtime/model/explanation.hpp"
#include "runtime/model/order.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
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

/// A posting's text, "<name> <YYYY-MM>": the name is the program's (a ydelse's name, or
/// "Udbetaling") and the month is the period's first. Kept in two parts so that evaluation
/// builds no string per posting; writers join them. A text given whole (tests, other callers)
/// is a view the caller keeps alive, like the program's texts.
class PostingText {
public:
    PostingText() = default;
    PostingText(const char* text) : lead_(text) {}
    PostingText(std::string_view text) : lead_(text) {}
    /// `yearMonth` is "YYYY-MM" (a longer ISO date is cut to its month).
    PostingText(std::string_view name, std::string_view yearMonth) : lead_(name) {
        std::copy_n(yearMonth.data(), std::min(yearMonth.size(), month_.size()), month_.data());
        hasMonth_ = true;
    }

    bool empty() const { return lead_.empty() && !hasMonth_; }
    std::string_view lead() const { return lead_; }
    /// "YYYY-MM", or empty for a text given whole.
    std::string_view month() const {
        return hasMonth_ ? std::string_view(month_.data(), month_.size()) : std::string_view();
    }
    void appendTo(std::string& out) const {
        out += lead_;
        if (hasMonth_) {
            out += ' ';
            out += month();
        }
    }
    std::string str() const {
        std::string out;
        appendTo(out);
        return out;
    }
    friend bool operator==(const PostingText& t, std::string_view text) {
        if (!t.hasMonth_) {
            return t.lead_ == text;
        }
        return text.size() == t.lead_.size() + 1 + t.month_.size() &&
               text.substr(0, t.lead_.size()) == t.lead_ && text[t.lead_.size()] == ' ' &&
               text.substr(t.lead_.size() + 1) == t.month();
    }

private:
    std::string_view lead_;
    std::array<char, 7> month_{};
    bool hasMonth_ = false;
};

struct Posting {
    AccountFields konto; ///< a view: see AccountFields
    Decimal debet;
    Decimal kredit;
    PostingText tekst;
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
