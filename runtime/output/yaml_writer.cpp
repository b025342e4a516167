// YAML serialisation of a Result; see yaml_writer.hpp. Hand-written (no yaml-cpp in the runtime)
// so the layout matches the contract's example and is byte-for-byte deterministic.
#include "runtime/output/yaml_writer.hpp"

#include "runtime/output/explain_writer.hpp"
#include "runtime/output/output_common.hpp"

#include <array>
#include <cctype>

namespace ydelse {
namespace {

// Words a YAML 1.1 or 1.2 reader would turn into a bool or null if written plain.
bool isReservedWord(std::string_view text) {
    static constexpr std::array<std::string_view, 10> kWords = {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"};
    for (std::string_view word : kWords) {
        if (text.size() == word.size()) {
            bool same = true;
            for (std::size_t i = 0; i < text.size(); ++i) {
                const auto c = static_cast<unsigned char>(text[i]);
                same = same && std::tolower(c) == static_cast<unsigned char>(word[i]);
            }
            if (same) {
                return true;
            }
        }
    }
    return false;
}

// A conservative whitelist: a letter first, then letters, digits, '_', '-', '.'; non-ASCII only
// as Latin-1 letters (ÆØÅ and friends, lead byte 0xC3), so no exotic line breaks slip through.
bool isPlainSafe(std::string_view text) {
    if (text.empty() || isReservedWord(text)) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next < 0x80 || next > 0xBF) {
                return false;
            }
            ++i;
            continue;
        }
        const bool letter = std::isalpha(c) != 0;
        const bool other = std::isdigit(c) != 0 || c == '_' || c == '-' || c == '.';
        if (!(letter || (i > 0 && other))) {
            return false;
        }
    }
    return true;
}

void appendScalar(std::string& out, std::string_view text) {
    if (isPlainSafe(text)) {
        out += text;
    } else {
        appendQuoted(out, text);
    }
}

// Writes one flow mapping `{a: 1, b: "x"}`; closes it on destruction.
class FlowWriter {
public:
    explicit FlowWriter(std::string& out) : out_(out) { out_ += '{'; }
    FlowWriter(const FlowWriter&) = delete;
    FlowWriter& operator=(const FlowWriter&) = delete;
    ~FlowWriter() { out_ += '}'; }

    std::string& key(std::string_view name) {
        if (!first_) {
            out_ += ", ";
        }
        first_ = false;
        out_ += name;
        out_ += ": ";
        return out_;
    }
    /// Identifiers and codes: plain when that reads back as the same string.
    void plain(std::string_view name, std::string_view value) { appendScalar(key(name), value); }
    /// Free texts and ids: always quoted, as in the contract's example.
    void quoted(std::string_view name, std::string_view value) { appendQuoted(key(name), value); }
    void money(std::string_view name, const Decimal& value) { quoted(name, moneyText(value)); }
    void raw(std::string_view name, std::string_view value) { key(name) += value; }

private:
    std::string& out_;
    bool first_ = true;
};

// `name:` followed by `  - item` lines, or `name: []` when there are none.
template <typename Items, typename WriteItem>
void writeList(std::string& out, std::string_view name, const Items& items, WriteItem writeItem) {
    out += name;
    if (items.empty()) {
        out += ": []\n";
        return;
    }
    out += ":\n";
    for (const auto& item : items) {
        out += "  - ";
        writeItem(out, item);
        out += '\n';
    }
}

void writeOrdreId(std::string& out, const std::optional<std::string>& ordreId) {
    out += "ordre_id: ";
    if (ordreId) {
        appendQuoted(out, *ordreId);
    } else {
        out += "null";
    }
    out += '\n';
}

void writeErrorRecord(const Result& result, std::string& out) {
    writeOrdreId(out, result.ordreId);
    out += "status: afvist\n";
    writeList(out, "fejl", result.fejl, [](std::string& o, const OrderError& e) {
        FlowWriter item(o);
        item.plain("kode", e.kode);
        item.quoted("felt", e.felt);
        item.quoted("besked", e.besked);
    });
}

void writeAmounts(std::string& out, const Amounts& a) {
    const std::array<std::pair<std::string_view, const Decimal*>, 11> rows = {{
        {"brutto", &a.brutto},
        {"atp_egen", &a.atpEgen},
        {"am_bidrag", &a.amBidrag},
        {"a_indkomst", &a.aIndkomst},
        {"a_skat", &a.aSkat},
        {"modregning", &a.modregning},
        {"netto", &a.netto},
        {"tilbageholdt", &a.tilbageholdt},
        {"atp_kommune", &a.atpKommune},
        {"op_bidrag", &a.opBidrag},
        {"refusion", &a.refusion},
    }};
    out += "beløb:\n";
    for (const auto& [name, value] : rows) {
        out += "  ";
        out += name;
        out += ": ";
        appendQuoted(out, moneyText(*value));
        out += '\n';
    }
}

void writeLine(std::string& out, const PayLine& line) {
    FlowWriter obj(out);
    obj.plain("art", lineArtName(line.art));
    switch (line.art) {
    case LineArt::Brutto:
        obj.plain("ydelse", line.ydelse);
        obj.money("beløb", line.belob);
        obj.quoted("lovgrundlag", line.lovgrundlag);
        return;
    case LineArt::Modregning:
        obj.quoted("fordring", line.fordring);
        obj.money("beløb", line.belob);
        return;
    default:
        obj.money("beløb", line.belob);
    }
}

// A posting is a small block mapping under its list dash, as in the contract's example.
void writePosting(std::string& out, const Posting& posting) {
    out += "konto: ";
    {
        FlowWriter konto(out);
        for (const AccountField& field : posting.konto) {
            if (field.numeric && isPlainNumber(field.value)) {
                konto.raw(field.name, field.value);
            } else {
                konto.plain(field.name, field.value);
            }
        }
    }
    out += "\n    debet: ";
    appendQuoted(out, moneyText(posting.debet));
    out += "\n    kredit: ";
    appendQuoted(out, moneyText(posting.kredit));
    if (!posting.tekst.empty()) {
        out += "\n    tekst: ";
        appendQuoted(out, posting.tekst.str());
    }
}

} // namespace

void writeYaml(const Result& result, std::string& out) {
    if (result.status == ResultStatus::Afvist) {
        writeErrorRecord(result, out);
        return;
    }
    writeOrdreId(out, result.ordreId);
    out += "status: ";
    out += statusName(result.status);
    out += "\nkatalog: ";
    {
        FlowWriter katalog(out);
        katalog.quoted("hash", result.katalogHash);
        katalog.quoted("version", result.katalogVersion);
    }
    out += "\nmodtager: ";
    {
        FlowWriter modtager(out);
        modtager.plain("type", recipientTypeName(result.modtager.type));
        modtager.quoted("nummer", result.modtager.nummer);
    }
    out += "\nperiode: ";
    {
        FlowWriter periode(out);
        periode.raw("fra", result.periode.from.toString());
        periode.raw("til", result.periode.to.toString());
    }
    out += "\nudbetalingsdato: " + result.udbetalingsdato.toString() + "\n";
    writeAmounts(out, result.belob);
    writeList(out, "linjer", result.linjer, writeLine);
    writeList(out, "modregninger", result.modregninger, [](std::string& o, const Offset& m) {
        FlowWriter item(o);
        item.quoted("fordring", m.fordring);
        item.money("rente", m.rente);
        item.money("hovedstol", m.hovedstol);
        item.money("rest", m.rest);
    });
    writeList(out, "konteringer", result.konteringer, writePosting);
    writeList(out, "fordringer_oprettet", result.fordringerOprettet,
              [](std::string& o, const CreatedClaim& c) {
                  FlowWriter item(o);
                  item.plain("type", c.type);
                  item.plain("krav", c.krav);
                  item.money("beløb", c.belob);
                  item.quoted("hjemmel", c.hjemmel);
                  item.raw("forældes", c.foraeldes.toString());
                  if (c.inddrivelse) {
                      item.raw("inddrivelse", *c.inddrivelse ? "true" : "false");
                  }
              });
    writeList(out, "eindkomst", result.eindkomst, [](std::string& o, const EIncomeLine& e) {
        FlowWriter item(o);
        item.quoted("indkomsttype", e.indkomsttype);
        item.raw("felt", std::to_string(e.felt));
        item.money("beløb", e.belob);
    });
    writeList(out, "refusion", result.refusion, [](std::string& o, const RefusionLine& r) {
        FlowWriter item(o);
        item.plain("ydelse", r.ydelse);
        item.quoted("procent", r.procent.toString(0));
        item.money("grundlag", r.grundlag);
        item.money("beløb", r.belob);
    });
    writeList(out, "regler", result.regler, [](std::string& o, const AppliedRule& r) {
        FlowWriter item(o);
        item.quoted("regel", r.regel);
        item.quoted("version", r.version);
        item.quoted("lovgrundlag", r.lovgrundlag);
    });
    if (!result.forklaring.empty()) {
        writeExplanationYaml(result.forklaring, out);
    }
}

} // namespace ydelse
