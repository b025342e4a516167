// JSON serialisation of a Result; see json_writer.hpp. Written by hand rather than through a
// JSON library so the runtime has no dependency but fmt and the key order is the contract's.
//
// The text goes into a buffer on the stack through a raw pointer and reaches the caller's
// string in a few large appends: appending piece by piece to the std::string was most of the
// writer's time. Room is made once per record (a posting, a rule, the amounts), for a bound
// reckoned from the lengths of its texts; inside a record every write is a plain store. Each
// key is written together with the punctuation around it as one literal (`,"atp_egen":"`, an
// amount's key with the opening quote of its value), so the order of the members is the order
// of the calls below.
#include "runtime/output/json_writer.hpp"

#include "runtime/output/explain_writer.hpp"
#include "runtime/output/json_format.hpp"
#include "runtime/output/output_common.hpp"

#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace ydelse {
namespace {

using json::writeLiteral;

// Room for a record's keys and punctuation: every record's literals together are well below it.
constexpr std::size_t kKeys = 256;
// Room for an amount, a date and a number with their quotes.
constexpr std::size_t kAmount = json::kDecimalBound + 2;
constexpr std::size_t kDate = json::kDateBound + 2;
constexpr std::size_t kNumber = json::kIntBound;

std::size_t textRoom(std::string_view text) { return json::quotedBound(text.size()); }

class Sink {
public:
    explicit Sink(std::string& out) : out_(out) {}
    Sink(const Sink&) = delete;
    Sink& operator=(const Sink&) = delete;

    /// Where `n` bytes can be written; what was written is handed back with more() or done().
    char* room(std::size_t n) {
        if (n > static_cast<std::size_t>(limit_ - cur_)) [[unlikely]] {
            return roomElsewhere(n);
        }
        return cur_;
    }
    /// Written up to `end`; where `n` more bytes can be written.
    char* more(char* end, std::size_t n) {
        cur_ = end;
        return room(n);
    }
    /// Written up to `end`.
    void done(char* end) { cur_ = end; }

    /// The caller's string holding everything written so far, for a part written there
    /// directly.
    std::string& direct() {
        flush();
        return out_;
    }
    void flush() {
        if (inString_) {
            out_.resize(static_cast<std::size_t>(cur_ - out_.data()));
            inString_ = false;
        } else {
            out_.append(buffer_, static_cast<std::size_t>(cur_ - buffer_));
        }
        cur_ = buffer_;
        limit_ = buffer_ + kCapacity;
    }

private:
    static constexpr std::size_t kCapacity = 16 * 1024;

    // Room beyond what the buffer has left: the buffer again once emptied, or for a record
    // larger than the buffer (a very long ordre_id, say) the end of the caller's string,
    // lengthened by the bound and cut back to what was written at the next flush.
    [[gnu::noinline]] char* roomElsewhere(std::size_t n) {
        flush();
        if (n <= kCapacity) {
            return cur_;
        }
        const std::size_t start = out_.size();
        out_.resize(start + n);
        inString_ = true;
        cur_ = out_.data() + start;
        limit_ = cur_ + n;
        return cur_;
    }

    std::string& out_;
    char* cur_ = buffer_;
    char* limit_ = buffer_ + kCapacity;
    bool inString_ = false; ///< cur_ and limit_ point into out_, not buffer_
    char buffer_[kCapacity];
};

/// `key` then `value` as a JSON string.
template <std::size_t N>
char* text(char* p, const char (&key)[N], std::string_view value) {
    return json::writeQuoted(writeLiteral(p, key), value);
}
/// One of the contract's names for an enum value (output_common.hpp): plain lower-case ASCII,
/// shorter than a block, so quoted without a look for escapes.
char* name(char* p, std::string_view value) {
    *p = '"';
    p = json::writePlain(p + 1, value);
    *p = '"';
    return p + 1;
}
/// `key` (ending with the opening quote) then the amount with two decimals and a quote.
template <std::size_t N>
char* money(char* p, const char (&key)[N], const Decimal& value) {
    p = json::writeMoney(writeLiteral(p, key), value);
    *p = '"';
    return p + 1;
}
/// `key` (ending with the opening quote) then the date and a quote.
template <std::size_t N>
char* date(char* p, const char (&key)[N], const Date& value) {
    p = json::writeDate(writeLiteral(p, key), value);
    *p = '"';
    return p + 1;
}

// `key[item,item]`: room(item) is the room an item needs, write(p, item) writes it.
template <std::size_t N, typename Items, typename Room, typename Write>
char* writeArray(Sink& s, char* p, const char (&key)[N], const Items& items, Room room,
                 Write write) {
    p = writeLiteral(s.more(p, N + 1), key);
    if (items.empty()) {
        *p = ']';
        return p + 1;
    }
    // A comma after each item; the last becomes the closing bracket.
    for (const auto& item : items) {
        p = write(s.more(p, room(item) + 1), item);
        *p++ = ',';
    }
    p[-1] = ']';
    return p;
}

std::size_t ordreIdRoom(const std::optional<std::string>& ordreId) {
    return ordreId ? textRoom(*ordreId) : 0;
}

char* writeOrdreId(char* p, const std::optional<std::string>& ordreId) {
    if (ordreId) {
        return text(p, R"({"ordre_id":)", *ordreId);
    }
    return writeLiteral(p, R"({"ordre_id":null)");
}

void writeErrorRecord(Sink& s, const Result& result) {
    char* p = s.room(kKeys + ordreIdRoom(result.ordreId));
    p = writeOrdreId(p, result.ordreId);
    p = writeLiteral(p, R"(,"status":"afvist")");
    p = writeArray(
        s, p, R"(,"fejl":[)", result.fejl,
        [](const OrderError& e) {
            return kKeys + textRoom(e.kode) + textRoom(e.felt) + textRoom(e.besked);
        },
        [](char* o, const OrderError& e) {
            o = text(o, R"({"kode":)", e.kode);
            o = text(o, R"(,"felt":)", e.felt);
            o = text(o, R"(,"besked":)", e.besked);
            *o = '}';
            return o + 1;
        });
    p = s.more(p, 1);
    *p = '}';
    s.done(p + 1);
}

char* writeHead(char* p, const Result& result) {
    p = writeOrdreId(p, result.ordreId);
    p = writeLiteral(p, R"(,"status":)");
    p = name(p, statusName(result.status));
    p = text(p, R"(,"katalog":{"hash":)", result.katalogHash);
    p = text(p, R"(,"version":)", result.katalogVersion);
    p = writeLiteral(p, R"(},"modtager":{"type":)");
    p = name(p, recipientTypeName(result.modtager.type));
    p = text(p, R"(,"nummer":)", result.modtager.nummer);
    p = date(p, R"(},"periode":{"fra":")", result.periode.from);
    p = date(p, R"(,"til":")", result.periode.to);
    return date(p, R"(},"udbetalingsdato":")", result.udbetalingsdato);
}

std::size_t headRoom(const Result& result) {
    return kKeys + ordreIdRoom(result.ordreId) + textRoom(result.katalogHash) +
           textRoom(result.katalogVersion) + textRoom(result.modtager.nummer) + 3 * kDate;
}

constexpr std::size_t kAmountsRoom = kKeys + 11 * kAmount;

char* writeAmounts(char* p, const Amounts& a) {
    p = money(p, R"(,"beløb":{"brutto":")", a.brutto);
    p = money(p, R"(,"atp_egen":")", a.atpEgen);
    p = money(p, R"(,"am_bidrag":")", a.amBidrag);
    p = money(p, R"(,"a_indkomst":")", a.aIndkomst);
    p = money(p, R"(,"a_skat":")", a.aSkat);
    p = money(p, R"(,"modregning":")", a.modregning);
    p = money(p, R"(,"netto":")", a.netto);
    p = money(p, R"(,"tilbageholdt":")", a.tilbageholdt);
    p = money(p, R"(,"atp_kommune":")", a.atpKommune);
    p = money(p, R"(,"op_bidrag":")", a.opBidrag);
    p = money(p, R"(,"refusion":")", a.refusion);
    *p = '}';
    return p + 1;
}

std::size_t lineRoom(const PayLine& line) {
    return kKeys + kAmount + textRoom(line.ydelse) + textRoom(line.lovgrundlag) +
           textRoom(line.fordring);
}

char* writeLine(char* p, const PayLine& line) {
    switch (line.art) {
    case LineArt::Brutto:
        p = text(p, R"({"art":"brutto","ydelse":)", line.ydelse);
        p = money(p, R"(,"beløb":")", line.belob);
        p = text(p, R"(,"lovgrundlag":)", line.lovgrundlag);
        break;
    case LineArt::Modregning:
        p = text(p, R"({"art":"modregning","fordring":)", line.fordring);
        p = money(p, R"(,"beløb":")", line.belob);
        break;
    default:
        p = name(writeLiteral(p, R"({"art":)"), lineArtName(line.art));
        p = money(p, R"(,"beløb":")", line.belob);
    }
    *p = '}';
    return p + 1;
}

std::size_t postingRoom(const Posting& posting) {
    // The text's month joins its quoted name: a space and seven bytes more.
    std::size_t room = kKeys + 2 * kAmount + textRoom(posting.tekst.lead()) + 8;
    for (const AccountField& field : posting.konto) {
        room += textRoom(field.name) + textRoom(field.value) + 2;
    }
    return room;
}

// isPlainNumber, a single digit (a dranst) decided here.
bool plainNumber(std::string_view value) {
    if (value.size() == 1) {
        return value[0] >= '0' && value[0] <= '9';
    }
    return isPlainNumber(value);
}

char* writePosting(char* p, const Posting& posting) {
    p = writeLiteral(p, R"({"konto":{)");
    // A comma after each field; the last is taken back.
    for (const AccountField& field : posting.konto) {
        // The name is the catalog's, so it is escaped like any text.
        p = json::writeQuoted(p, field.name);
        *p++ = ':';
        // A "numeric" value that is not a plain number would make invalid JSON.
        if (field.numeric && plainNumber(field.value)) {
            p = json::writePlain(p, field.value);
        } else {
            p = json::writeQuoted(p, field.value);
        }
        *p++ = ',';
    }
    p -= posting.konto.empty() ? 0 : 1;
    p = money(p, R"(},"debet":")", posting.debet);
    p = money(p, R"(,"kredit":")", posting.kredit);
    if (!posting.tekst.empty()) {
        // The month part ("YYYY-MM") needs no escaping: it takes the place of the quoted
        // name's closing quote, without a joined copy of the text.
        p = text(p, R"(,"tekst":)", posting.tekst.lead());
        const std::string_view month = posting.tekst.month();
        if (!month.empty()) {
            // Always "YYYY-MM" (PostingText), so a copy of fixed size.
            p[-1] = ' ';
            std::memcpy(p, month.data(), 7);
            p[7] = '"';
            p += 8;
        }
    }
    *p = '}';
    return p + 1;
}

void writeEffected(Sink& s, const Result& result) {
    char* p = s.room(headRoom(result));
    p = writeHead(p, result);
    p = writeAmounts(s.more(p, kAmountsRoom), result.belob);
    p = writeArray(s, p, R"(,"linjer":[)", result.linjer, lineRoom, writeLine);
    p = writeArray(
        s, p, R"(,"modregninger":[)", result.modregninger,
        [](const Offset& m) { return kKeys + textRoom(m.fordring) + 3 * kAmount; },
        [](char* o, const Offset& m) {
            o = text(o, R"({"fordring":)", m.fordring);
            o = money(o, R"(,"rente":")", m.rente);
            o = money(o, R"(,"hovedstol":")", m.hovedstol);
            o = money(o, R"(,"rest":")", m.rest);
            *o = '}';
            return o + 1;
        });
    p = writeArray(s, p, R"(,"konteringer":[)", result.konteringer, postingRoom, writePosting);
    p = writeArray(
        s, p, R"(,"fordringer_oprettet":[)", result.fordringerOprettet,
        [](const CreatedClaim& c) {
            return kKeys + textRoom(c.type) + textRoom(c.krav) + textRoom(c.hjemmel) + kAmount +
                   kDate;
        },
        [](char* o, const CreatedClaim& c) {
            o = text(o, R"({"type":)", c.type);
            o = text(o, R"(,"krav":)", c.krav);
            o = money(o, R"(,"beløb":")", c.belob);
            o = text(o, R"(,"hjemmel":)", c.hjemmel);
            o = date(o, R"(,"forældes":")", c.foraeldes);
            if (c.inddrivelse) {
                o = *c.inddrivelse ? writeLiteral(o, R"(,"inddrivelse":true)")
                                   : writeLiteral(o, R"(,"inddrivelse":false)");
            }
            *o = '}';
            return o + 1;
        });
    p = writeArray(
        s, p, R"(,"eindkomst":[)", result.eindkomst,
        [](const EIncomeLine& e) { return kKeys + textRoom(e.indkomsttype) + kNumber + kAmount; },
        [](char* o, const EIncomeLine& e) {
            o = text(o, R"({"indkomsttype":)", e.indkomsttype);
            o = json::writeInt(writeLiteral(o, R"(,"felt":)"), e.felt);
            o = money(o, R"(,"beløb":")", e.belob);
            *o = '}';
            return o + 1;
        });
    p = writeArray(
        s, p, R"(,"refusion":[)", result.refusion,
        [](const RefusionLine& r) { return kKeys + textRoom(r.ydelse) + 3 * kAmount; },
        [](char* o, const RefusionLine& r) {
            o = text(o, R"({"ydelse":)", r.ydelse);
            o = json::writeDecimal(writeLiteral(o, R"(,"procent":")"), r.procent, 0);
            *o++ = '"';
            o = money(o, R"(,"grundlag":")", r.grundlag);
            o = money(o, R"(,"beløb":")", r.belob);
            *o = '}';
            return o + 1;
        });
    p = writeArray(
        s, p, R"(,"regler":[)", result.regler,
        [](const AppliedRule& r) {
            return kKeys + textRoom(r.regel) + textRoom(r.version) + textRoom(r.lovgrundlag);
        },
        [](char* o, const AppliedRule& r) {
            o = text(o, R"({"regel":)", r.regel);
            o = text(o, R"(,"version":)", r.version);
            o = text(o, R"(,"lovgrundlag":)", r.lovgrundlag);
            *o = '}';
            return o + 1;
        });
    if (!result.forklaring.empty()) {
        p = writeLiteral(s.more(p, kKeys), R"(,"forklaring":)");
        s.done(p);
        writeExplanationJson(result.forklaring, s.direct());
        p = s.room(1);
    } else {
        p = s.more(p, 1);
    }
    *p = '}';
    s.done(p + 1);
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
