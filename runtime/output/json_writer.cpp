// JSON serialisation of a Result; see json_writer.hpp. Written by hand rather than through a
// JSON library so the runtime has no dependency but fmt and the key order is the contract's.
//
// The text goes into a buffer on the stack through a raw pointer, with one capacity check per
// member, and reaches the caller's string in a few large appends: appending piece by piece to
// the std::string was most of the writer's time. Each key is written together with the
// punctuation around it as one literal (`,"atp_egen":`), so the order of the members is the
// order of the calls below.
#include "runtime/output/json_writer.hpp"

#include "runtime/output/explain_writer.hpp"
#include "runtime/output/json_format.hpp"
#include "runtime/output/output_common.hpp"

namespace ydelse {
namespace {

class Sink {
public:
    explicit Sink(std::string& out) : out_(out) {}
    Sink(const Sink&) = delete;
    Sink& operator=(const Sink&) = delete;

    /// A literal of this file: punctuation and member names, none of which needs escaping.
    template <std::size_t N>
    void raw(const char (&text)[N]) {
        static_assert(N < kCapacity);
        advance(json::writeLiteral(room(N), text));
    }
    /// `key` then `value` as a JSON string.
    template <std::size_t N>
    void text(const char (&key)[N], std::string_view value) {
        raw(key);
        quoted(value);
    }
    /// `key` then the amount as a string with two decimals (moneyText's text).
    template <std::size_t N>
    void money(const char (&key)[N], const Decimal& value) {
        decimal(key, value, 2);
    }
    /// `key` then value.toString(minDecimals) as a string.
    template <std::size_t N>
    void decimal(const char (&key)[N], const Decimal& value, int minDecimals) {
        char* p = json::writeLiteral(room(N + json::kDecimalBound + 2), key);
        *p++ = '"';
        char* end = json::writeDecimal(p, value, minDecimals);
        if (end == nullptr) {
            // An amount beyond 64-bit arithmetic: Decimal writes it.
            advance(p);
            std::string& out = direct();
            value.appendTo(out, minDecimals);
            out += '"';
            return;
        }
        *end++ = '"';
        advance(end);
    }
    /// `key` then the date as an ISO 8601 string.
    template <std::size_t N>
    void date(const char (&key)[N], const Date& value) {
        char* p = json::writeLiteral(room(N + json::kDateBound + 2), key);
        *p++ = '"';
        char* end = json::writeDate(p, value);
        if (end == nullptr) {
            advance(p);
            direct() += value.toString() + '"';
            return;
        }
        *end++ = '"';
        advance(end);
    }
    /// `key` then an int as a number.
    template <std::size_t N>
    void number(const char (&key)[N], int value) {
        char* p = json::writeLiteral(room(N + json::kIntBound), key);
        advance(json::writeInt(p, value));
    }

    /// `value` as a JSON string.
    void quoted(std::string_view value) { quoted(value, {}); }
    /// `value`, a space and `suffix` as one JSON string; the suffix needs no escaping.
    void quoted(std::string_view value, std::string_view suffix) {
        if (value.size() > kLongText) {
            std::string& out = direct();
            appendQuoted(out, value);
            if (!suffix.empty()) {
                out.pop_back();
                out += ' ';
                out += suffix;
                out += '"';
            }
            return;
        }
        char* end = json::writeQuoted(room(json::quotedBound(value.size()) + suffix.size() + 1),
                                      value);
        if (!suffix.empty()) {
            end[-1] = ' ';
            std::memcpy(end, suffix.data(), suffix.size());
            end += suffix.size();
            *end++ = '"';
        }
        advance(end);
    }
    /// Text that needs no escaping, unquoted (a plain number).
    void plain(std::string_view value) {
        if (value.size() > kLongText) {
            direct() += value;
            return;
        }
        char* p = room(value.size());
        std::memcpy(p, value.data(), value.size());
        advance(p + value.size());
    }

    /// The caller's string holding everything written so far, for a part written there
    /// directly.
    std::string& direct() {
        flush();
        return out_;
    }
    void flush() {
        out_.append(buffer_, static_cast<std::size_t>(cur_ - buffer_));
        cur_ = buffer_;
    }

private:
    static constexpr std::size_t kCapacity = 16 * 1024;
    // Longer texts (an ordre_id could be anything) go straight to the caller's string, so no
    // single write can need more than the buffer holds.
    static constexpr std::size_t kLongText = 1024;
    static_assert(json::quotedBound(kLongText) + 64 < kCapacity);

    // Where `n` more bytes can be written.
    char* room(std::size_t n) {
        if (static_cast<std::size_t>(buffer_ + kCapacity - cur_) < n) {
            flush();
        }
        return cur_;
    }
    void advance(char* end) { cur_ = end; }

    std::string& out_;
    char* cur_ = buffer_;
    char buffer_[kCapacity];
};

// Writes `key[item,item]` with `writeItem(sink, item)` producing each element.
template <std::size_t N, typename Items, typename WriteItem>
void writeArray(Sink& s, const char (&key)[N], const Items& items, WriteItem writeItem) {
    s.raw(key);
    bool first = true;
    for (const auto& item : items) {
        if (!first) {
            s.raw(",");
        }
        first = false;
        writeItem(s, item);
    }
    s.raw("]");
}

void writeOrdreId(Sink& s, const std::optional<std::string>& ordreId) {
    if (ordreId) {
        s.text(R"({"ordre_id":)", *ordreId);
    } else {
        s.raw(R"({"ordre_id":null)");
    }
}

void writeErrorRecord(Sink& s, const Result& result) {
    writeOrdreId(s, result.ordreId);
    s.raw(R"(,"status":"afvist")");
    writeArray(s, R"(,"fejl":[)", result.fejl, [](Sink& o, const OrderError& e) {
        o.text(R"({"kode":)", e.kode);
        o.text(R"(,"felt":)", e.felt);
        o.text(R"(,"besked":)", e.besked);
        o.raw("}");
    });
    s.raw("}");
}

void writeAmounts(Sink& s, const Amounts& a) {
    s.money(R"(,"beløb":{"brutto":)", a.brutto);
    s.money(R"(,"atp_egen":)", a.atpEgen);
    s.money(R"(,"am_bidrag":)", a.amBidrag);
    s.money(R"(,"a_indkomst":)", a.aIndkomst);
    s.money(R"(,"a_skat":)", a.aSkat);
    s.money(R"(,"modregning":)", a.modregning);
    s.money(R"(,"netto":)", a.netto);
    s.money(R"(,"tilbageholdt":)", a.tilbageholdt);
    s.money(R"(,"atp_kommune":)", a.atpKommune);
    s.money(R"(,"op_bidrag":)", a.opBidrag);
    s.money(R"(,"refusion":)", a.refusion);
    s.raw("}");
}

void writeLine(Sink& s, const PayLine& line) {
    switch (line.art) {
    case LineArt::Brutto:
        s.text(R"({"art":"brutto","ydelse":)", line.ydelse);
        s.money(R"(,"beløb":)", line.belob);
        s.text(R"(,"lovgrundlag":)", line.lovgrundlag);
        break;
    case LineArt::Modregning:
        s.text(R"({"art":"modregning","fordring":)", line.fordring);
        s.money(R"(,"beløb":)", line.belob);
        break;
    default:
        s.raw(R"({"art":)");
        s.quoted(lineArtName(line.art));
        s.money(R"(,"beløb":)", line.belob);
    }
    s.raw("}");
}

void writePosting(Sink& s, const Posting& posting) {
    s.raw(R"({"konto":{)");
    bool first = true;
    for (const AccountField& field : posting.konto) {
        if (!first) {
            s.raw(",");
        }
        first = false;
        // The name is the catalog's, so it is escaped like any text.
        s.quoted(field.name);
        s.raw(":");
        // A "numeric" value that is not a plain number would make invalid JSON.
        if (field.numeric && isPlainNumber(field.value)) {
            s.plain(field.value);
        } else {
            s.quoted(field.value);
        }
    }
    s.money(R"(},"debet":)", posting.debet);
    s.money(R"(,"kredit":)", posting.kredit);
    if (!posting.tekst.empty()) {
        // The month part ("YYYY-MM") needs no escaping: it joins the quoted name as it is,
        // without a joined copy of the text.
        s.raw(R"(,"tekst":)");
        s.quoted(posting.tekst.lead(), posting.tekst.month());
    }
    s.raw("}");
}

void writeEffected(Sink& s, const Result& result) {
    writeOrdreId(s, result.ordreId);
    s.raw(R"(,"status":)");
    s.quoted(statusName(result.status));
    s.text(R"(,"katalog":{"hash":)", result.katalogHash);
    s.text(R"(,"version":)", result.katalogVersion);
    s.raw(R"(},"modtager":{"type":)");
    s.quoted(recipientTypeName(result.modtager.type));
    s.text(R"(,"nummer":)", result.modtager.nummer);
    s.date(R"(},"periode":{"fra":)", result.periode.from);
    s.date(R"(,"til":)", result.periode.to);
    s.date(R"(},"udbetalingsdato":)", result.udbetalingsdato);
    writeAmounts(s, result.belob);
    writeArray(s, R"(,"linjer":[)", result.linjer, writeLine);
    writeArray(s, R"(,"modregninger":[)", result.modregninger, [](Sink& o, const Offset& m) {
        o.text(R"({"fordring":)", m.fordring);
        o.money(R"(,"rente":)", m.rente);
        o.money(R"(,"hovedstol":)", m.hovedstol);
        o.money(R"(,"rest":)", m.rest);
        o.raw("}");
    });
    writeArray(s, R"(,"konteringer":[)", result.konteringer, writePosting);
    writeArray(s, R"(,"fordringer_oprettet":[)", result.fordringerOprettet,
               [](Sink& o, const CreatedClaim& c) {
                   o.text(R"({"type":)", c.type);
                   o.text(R"(,"krav":)", c.krav);
                   o.money(R"(,"beløb":)", c.belob);
                   o.text(R"(,"hjemmel":)", c.hjemmel);
                   o.date(R"(,"forældes":)", c.foraeldes);
                   if (c.inddrivelse) {
                       o.raw(R"(,"inddrivelse":)");
                       o.plain(*c.inddrivelse ? "true" : "false");
                   }
                   o.raw("}");
               });
    writeArray(s, R"(,"eindkomst":[)", result.eindkomst, [](Sink& o, const EIncomeLine& e) {
        o.text(R"({"indkomsttype":)", e.indkomsttype);
        o.number(R"(,"felt":)", e.felt);
        o.money(R"(,"beløb":)", e.belob);
        o.raw("}");
    });
    writeArray(s, R"(,"refusion":[)", result.refusion, [](Sink& o, const RefusionLine& r) {
        o.text(R"({"ydelse":)", r.ydelse);
        o.decimal(R"(,"procent":)", r.procent, 0);
        o.money(R"(,"grundlag":)", r.grundlag);
        o.money(R"(,"beløb":)", r.belob);
        o.raw("}");
    });
    writeArray(s, R"(,"regler":[)", result.regler, [](Sink& o, const AppliedRule& r) {
        o.text(R"({"regel":)", r.regel);
        o.text(R"(,"version":)", r.version);
        o.text(R"(,"lovgrundlag":)", r.lovgrundlag);
        o.raw("}");
    });
    if (!result.forklaring.empty()) {
        s.raw(R"(,"forklaring":)");
        writeExplanationJson(result.forklaring, s.direct());
    }
    s.raw("}");
}

} // namespace

void writeJson(const Result& result, std::string& out) {
    Sink sink(out);
    if (result.status == ResultStatus::Afvist) {
        writeErrorRecord(sink, result);
    } else {
        writeEffected(sink, result);
    }
    sink.flush();
}

} // namespace ydelse
