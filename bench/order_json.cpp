// See order_json.hpp. Generated texts need no escaping (no quotes, backslashes or control
// characters), but they are escaped anyway so any Order gives valid JSON.
#include "bench/order_json.hpp"

#include <fmt/format.h>

namespace ydelse::bench {
namespace {

void quoted(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += fmt::format("\\u{:04x}", static_cast<int>(c));
        } else {
            out += c;
        }
    }
    out += '"';
}

void key(std::string& out, std::string_view name, bool first = false) {
    if (!first) {
        out += ',';
    }
    quoted(out, name);
    out += ':';
}

void text(std::string& out, std::string_view name, std::string_view value, bool first = false) {
    key(out, name, first);
    quoted(out, value);
}

void decimal(std::string& out, std::string_view name, const Decimal& value, int minDecimals) {
    text(out, name, value.toString(minDecimals));
}

// A number (digits, at most one point, optional minus) or true/false/null.
bool isJsonLiteral(std::string_view text) {
    if (text == "true" || text == "false" || text == "null") {
        return true;
    }
    std::size_t i = text.starts_with('-') ? 1 : 0;
    const std::size_t point = text.find('.');
    bool digits = false;
    for (; i < text.size(); ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            digits = true;
        } else if (i != point) {
            return false;
        }
    }
    return digits && !text.ends_with('.') && !(text.size() > 1 && text[0] == '0' &&
                                                text[1] != '.');
}

const char* recipientType(RecipientType type) {
    switch (type) {
    case RecipientType::Cvr: return "cvr";
    case RecipientType::Se: return "se";
    default: return "cpr";
    }
}

const char* taxCardType(TaxCardType type) {
    switch (type) {
    case TaxCardType::Hovedkort: return "hovedkort";
    case TaxCardType::Bikort: return "bikort";
    case TaxCardType::Frikort: return "frikort";
    default: return "intet";
    }
}

} // namespace

void appendOrderJson(const Order& o, std::string& out) {
    out += '{';
    if (o.ordreId) {
        text(out, "ordre_id", *o.ordreId, true);
    } else {
        out += "\"ordre_id\":null";
    }
    text(out, "fagsystem", o.fagsystem);
    key(out, "kommune");
    out += std::to_string(o.kommune);
    text(out, "udbetalingsdato", o.udbetalingsdato.toString());
    key(out, "periode");
    out += '{';
    text(out, "fra", o.periode.from.toString(), true);
    text(out, "til", o.periode.to.toString());
    out += '}';
    key(out, "modtager");
    out += '{';
    text(out, "type", recipientType(o.modtager.type), true);
    text(out, "nummer", o.modtager.nummer);
    key(out, "nemkonto");
    out += o.modtager.nemkonto ? "true" : "false";
    out += '}';
    key(out, "ydelser");
    out += '[';
    for (std::size_t i = 0; i < o.ydelser.size(); ++i) {
        const OrderLine& line = o.ydelser[i];
        out += i == 0 ? "{" : ",{";
        text(out, "ydelse", line.ydelse, true);
        key(out, "grundlag");
        out += '{';
        for (std::size_t j = 0; j < line.grundlag.size(); ++j) {
            const GrundlagField& field = line.grundlag[j];
            key(out, field.name, j == 0);
            // A plain scalar JSON has no bare form for (YAML's `forløb: jobafklaring`) is
            // written as a string, as a fagsystem writing JSON would.
            if (field.value.quoted || !isJsonLiteral(field.value.text)) {
                quoted(out, field.value.text);
            } else {
                out += field.value.text;
            }
        }
        out += "}}";
    }
    out += ']';
    if (o.forsorgelse) {
        key(out, "forsørgelse");
        out += '{';
        bool first = true;
        if (o.forsorgelse->uge) {
            key(out, "uge", first);
            out += std::to_string(*o.forsorgelse->uge);
            first = false;
        }
        if (o.forsorgelse->maaneder) {
            key(out, "måneder", first);
            out += std::to_string(*o.forsorgelse->maaneder);
        }
        out += '}';
    }
    if (o.skattekort) {
        const TaxCard& card = *o.skattekort;
        key(out, "skattekort");
        out += '{';
        text(out, "type", taxCardType(card.type), true);
        if (card.traekprocent) {
            decimal(out, "trækprocent", *card.traekprocent, 0);
        }
        if (card.fradrag) {
            decimal(out, "fradrag", *card.fradrag, 2);
        }
        if (card.frikortRest) {
            decimal(out, "frikort_rest", *card.frikortRest, 2);
        }
        out += '}';
    }
    if (!o.fordringer.empty()) {
        key(out, "fordringer");
        out += '[';
        for (std::size_t i = 0; i < o.fordringer.size(); ++i) {
            const Claim& c = o.fordringer[i];
            out += i == 0 ? "{" : ",{";
            text(out, "id", c.id, true);
            text(out, "type", c.type);
            text(out, "kategori", c.kategori);
            text(out, "fordringshaver", c.fordringshaver);
            text(out, "modtaget", c.modtaget.toString());
            decimal(out, "rente", c.rente, 2);
            decimal(out, "hovedstol", c.hovedstol, 2);
            out += '}';
        }
        out += ']';
    }
    if (o.korrektion) {
        const PreviousPayout& k = *o.korrektion;
        key(out, "korrektion");
        out += "{\"tidligere\":{";
        text(out, "udbetalingsdato", k.udbetalingsdato.toString(), true);
        decimal(out, "brutto", k.brutto, 2);
        decimal(out, "atp_egen", k.atpEgen, 2);
        decimal(out, "am_bidrag", k.amBidrag, 2);
        decimal(out, "a_skat", k.aSkat, 2);
        decimal(out, "netto", k.netto, 2);
        out += "}}";
    }
    out += '}';
}

} // namespace ydelse::bench
