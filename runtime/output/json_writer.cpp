// JSON serialisation of a Result; see json_writer.hpp. Written by hand rather than through a
// JSON library so the runtime has no dependency but fmt and the key order is the contract's.
#include "runtime/output/json_writer.hpp"

#include "runtime/output/explain_writer.hpp"
#include "runtime/output/output_common.hpp"

namespace ydelse {
namespace {

// A member name. A string literal of this file is written as it is (each one needs no
// escaping); a name from the catalog (an account dimension) goes through appendQuoted. Skipping
// the escaping scan for the hundred-odd literal names of a result was worth a tenth of the
// writer's time.
class Key {
public:
    Key(const char* literal) : name_(literal), literal_(true) {}
    Key(std::string_view name) : name_(name), literal_(false) {}
    void appendTo(std::string& out) const {
        if (literal_) {
            out += '"';
            out += name_;
            out += '"';
        } else {
            appendQuoted(out, name_);
        }
    }

private:
    std::string_view name_;
    bool literal_;
};

// Writes one JSON object, taking care of the commas between members.
class ObjectWriter {
public:
    explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
    ObjectWriter(const ObjectWriter&) = delete;
    ObjectWriter& operator=(const ObjectWriter&) = delete;
    ~ObjectWriter() { out_ += '}'; }

    std::string& key(const Key& name) {
        if (!first_) {
            out_ += ',';
        }
        first_ = false;
        name.appendTo(out_);
        out_ += ':';
        return out_;
    }
    void text(const Key& name, std::string_view value) { appendQuoted(key(name), value); }
    /// A value that needs no escaping (digits, '-', '.'): a money amount or a date.
    void plain(const Key& name, std::string_view value) {
        std::string& out = key(name);
        out += '"';
        out += value;
        out += '"';
    }
    // The same text as moneyText(value), appended without a string of its own.
    void money(const Key& name, const Decimal& value) {
        std::string& out = key(name);
        out += '"';
        value.appendTo(out, 2);
        out += '"';
    }
    void date(const Key& name, const Date& value) { plain(name, value.toString()); }
    void number(const Key& name, std::string_view digits) { key(name) += digits; }

private:
    std::string& out_;
    bool first_ = true;
};

// Writes `[item, item]` with `writeItem(out, item)` producing each element.
template <typename Items, typename WriteItem>
void writeArray(std::string& out, const Items& items, WriteItem writeItem) {
    out += '[';
    bool first = true;
    for (const auto& item : items) {
        if (!first) {
            out += ',';
        }
        first = false;
        writeItem(out, item);
    }
    out += ']';
}

void writeOrdreId(ObjectWriter& obj, const std::optional<std::string>& ordreId) {
    if (ordreId) {
        obj.text("ordre_id", *ordreId);
    } else {
        obj.key("ordre_id") += "null";
    }
}

void writeErrorRecord(const Result& result, std::string& out) {
    ObjectWriter obj(out);
    writeOrdreId(obj, result.ordreId);
    obj.text("status", statusName(ResultStatus::Afvist));
    writeArray(obj.key("fejl"), result.fejl, [](std::string& o, const OrderError& e) {
        ObjectWriter item(o);
        item.text("kode", e.kode);
        item.text("felt", e.felt);
        item.text("besked", e.besked);
    });
}

void writeAmounts(std::string& out, const Amounts& a) {
    ObjectWriter obj(out);
    obj.money("brutto", a.brutto);
    obj.money("atp_egen", a.atpEgen);
    obj.money("am_bidrag", a.amBidrag);
    obj.money("a_indkomst", a.aIndkomst);
    obj.money("a_skat", a.aSkat);
    obj.money("modregning", a.modregning);
    obj.money("netto", a.netto);
    obj.money("tilbageholdt", a.tilbageholdt);
    obj.money("atp_kommune", a.atpKommune);
    obj.money("op_bidrag", a.opBidrag);
    obj.money("refusion", a.refusion);
}

void writeLine(std::string& out, const PayLine& line) {
    ObjectWriter obj(out);
    obj.text("art", lineArtName(line.art));
    switch (line.art) {
    case LineArt::Brutto:
        obj.text("ydelse", line.ydelse);
        obj.money("beløb", line.belob);
        obj.text("lovgrundlag", line.lovgrundlag);
        return;
    case LineArt::Modregning:
        obj.text("fordring", line.fordring);
        obj.money("beløb", line.belob);
        return;
    default:
        obj.money("beløb", line.belob);
    }
}

void writePosting(std::string& out, const Posting& posting) {
    ObjectWriter obj(out);
    {
        ObjectWriter konto(obj.key("konto"));
        for (const AccountField& field : posting.konto) {
            // A "numeric" value that is not a plain number would make invalid JSON.
            if (field.numeric && isPlainNumber(field.value)) {
                konto.number(field.name, field.value);
            } else {
                konto.text(field.name, field.value);
            }
        }
    }
    obj.money("debet", posting.debet);
    obj.money("kredit", posting.kredit);
    if (!posting.tekst.empty()) {
        // Quoted as one string; the month part ("YYYY-MM") needs no escaping, so it goes in
        // before the closing quote without a joined copy of the text.
        std::string& value = obj.key("tekst");
        appendQuoted(value, posting.tekst.lead());
        if (!posting.tekst.month().empty()) {
            value.pop_back();
            value += ' ';
            value += posting.tekst.month();
            value += '"';
        }
    }
}

} // namespace

void writeJson(const Result& result, std::string& out) {
    if (result.status == ResultStatus::Afvist) {
        writeErrorRecord(result, out);
        return;
    }
    ObjectWriter obj(out);
    writeOrdreId(obj, result.ordreId);
    obj.text("status", statusName(result.status));
    {
        ObjectWriter katalog(obj.key("katalog"));
        katalog.text("hash", result.katalogHash);
        katalog.text("version", result.katalogVersion);
    }
    {
        ObjectWriter modtager(obj.key("modtager"));
        modtager.text("type", recipientTypeName(result.modtager.type));
        modtager.text("nummer", result.modtager.nummer);
    }
    {
        ObjectWriter periode(obj.key("periode"));
        periode.date("fra", result.periode.from);
        periode.date("til", result.periode.to);
    }
    obj.date("udbetalingsdato", result.udbetalingsdato);
    writeAmounts(obj.key("beløb"), result.belob);
    writeArray(obj.key("linjer"), result.linjer, writeLine);
    writeArray(obj.key("modregninger"), result.modregninger, [](std::string& o, const Offset& m) {
        ObjectWriter item(o);
        item.text("fordring", m.fordring);
        item.money("rente", m.rente);
        item.money("hovedstol", m.hovedstol);
        item.money("rest", m.rest);
    });
    writeArray(obj.key("konteringer"), result.konteringer, writePosting);
    writeArray(obj.key("fordringer_oprettet"), result.fordringerOprettet,
               [](std::string& o, const CreatedClaim& c) {
                   ObjectWriter item(o);
                   item.text("type", c.type);
                   item.text("krav", c.krav);
                   item.money("beløb", c.belob);
                   item.text("hjemmel", c.hjemmel);
                   item.date("forældes", c.foraeldes);
                   if (c.inddrivelse) {
                       item.number("inddrivelse", *c.inddrivelse ? "true" : "false");
                   }
               });
    writeArray(obj.key("eindkomst"), result.eindkomst, [](std::string& o, const EIncomeLine& e) {
        ObjectWriter item(o);
        item.text("indkomsttype", e.indkomsttype);
        item.number("felt", std::to_string(e.felt));
        item.money("beløb", e.belob);
    });
    writeArray(obj.key("refusion"), result.refusion, [](std::string& o, const RefusionLine& r) {
        ObjectWriter item(o);
        item.text("ydelse", r.ydelse);
        item.text("procent", r.procent.toString(0));
        item.money("grundlag", r.grundlag);
        item.money("beløb", r.belob);
    });
    writeArray(obj.key("regler"), result.regler, [](std::string& o, const AppliedRule& r) {
        ObjectWriter item(o);
        item.text("regel", r.regel);
        item.text("version", r.version);
        item.text("lovgrundlag", r.lovgrundlag);
    });
    if (!result.forklaring.empty()) {
        writeExplanationJson(result.forklaring, obj.key("forklaring"));
    }
}

} // namespace ydelse
