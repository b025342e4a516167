// The direct reader; see json_direct_reader.hpp. It walks the line as the order's shape says it
// must be, each value read into its field as it is met. Wherever the tree reader would report
// anything, or where sorting out whether it would is not worth it (a null, which may or may not
// be an error; more than 16 grundlag fields), it returns nullptr and the whole line goes to the
// tree reader. So every check here mirrors one in json_order_fields.cpp, for the accepted case
// only: change the two together.
#include "io/json_direct_reader.hpp"

#include "io/json_lexer.hpp"
#include "io/json_order_keys.hpp"
#include "io/json_tree.hpp"
#include "io/order_sections.hpp"
#include "io/plain_scalars.hpp"
#include "io/scalar_rules.hpp"

#include <array>
#include <cstdint>

namespace ydelse::io::json {
namespace {

constexpr std::uint32_t bit(std::uint8_t slot) { return 1U << slot; }

// Every slot of `keys`: the members a mapping must all have.
constexpr std::uint32_t all(const KnownKeys& keys) {
    return (1U << keys.names().size()) - 1;
}

// A scalar's text and kind, as the tree would hold them.
struct Scalar {
    std::string_view text;
    Kind kind = Kind::Null;
};

class DirectReader : Lexer {
public:
    DirectReader(char* strings, JsonRead& out, Spares& spares)
        : Lexer(strings), out_(out), order_(out.order), spares_(spares) {}

    bool document(std::string_view line) {
        const char* p = skipSpace(line.data());
        p = root(p);
        return p != nullptr && skipSpace(p) == line.data() + line.size();
    }

private:
    // The object at p, its members each one of `keys` and at most once: member(slot, value's
    // position) reads each and returns the value's end (nullptr: ask the tree reader). Returns
    // the object's end, with a bit for each member's slot in `seen`. The punctuation is the
    // tree parser's (json_tree_parser.cpp, Parser::object).
    template <typename F>
    const char* members(const char* p, const KnownKeys& keys, std::uint32_t& seen, F member) {
        seen = 0;
        if (*p != '{') {
            return nullptr;
        }
        p = skipSpace(p + 1);
        if (*p == '}') {
            return p + 1;
        }
        while (true) {
            int slot = -1;
            if (*p != '"' || (p = key(p, keys, slot)) == nullptr) {
                return nullptr;
            }
            if (slot < 0 || (seen & bit(static_cast<std::uint8_t>(slot))) != 0) {
                return nullptr; // unknown, or written twice
            }
            seen |= bit(static_cast<std::uint8_t>(slot));
            p = skipSpace(p);
            if (*p != ':') {
                return nullptr;
            }
            p = skipSpace(p + 1);
            if ((p = member(static_cast<std::uint8_t>(slot), p)) == nullptr) {
                return nullptr;
            }
            p = skipSpace(p);
            const char c = *p++;
            if (c == '}') {
                return p;
            }
            if (c != ',') {
                return nullptr;
            }
            p = skipSpace(p);
        }
    }

    // The key at p (its opening quote) and its slot in `keys`, or -1. A key that is one of them
    // as it stands is found within one 16-byte block and needs no UTF-8 check (it equals a
    // valid key byte for byte); any other, escaped or unknown, is read as a string.
    [[gnu::always_inline]] const char* key(const char* p, const KnownKeys& keys, int& slot) {
        const unsigned special = scan16(p + 1).special;
        const int length = std::countr_zero(special); // 32 when there is no stop in the block
        if (length < 16 && p[1 + length] == '"') {
            slot = keys.slotOf(std::string_view(p + 1, static_cast<std::size_t>(length)));
            if (slot >= 0) {
                return p + 2 + length;
            }
        }
        return escapedKey(p, keys, slot);
    }
    [[gnu::noinline]] const char* escapedKey(const char* p, const KnownKeys& keys, int& slot) {
        std::string_view text;
        if ((p = string(p, text)) != nullptr) {
            slot = keys.slotOf(text);
        }
        return p;
    }

    // The list at p: item(position) reads each item and returns its end (nullptr: ask the
    // tree reader). The punctuation is the tree parser's (Parser::array).
    template <typename F>
    const char* items(const char* p, F item) {
        if (*p != '[') {
            return nullptr;
        }
        p = skipSpace(p + 1);
        if (*p == ']') {
            return p + 1;
        }
        while (true) {
            if ((p = item(p)) == nullptr) {
                return nullptr;
            }
            p = skipSpace(p);
            const char c = *p++;
            if (c == ']') {
                return p;
            }
            if (c != ',') {
                return nullptr;
            }
            p = skipSpace(p);
        }
    }

    // A string, number, true or false at p (what Node::isScalar accepts); nullptr for a null,
    // an object or a list, all of which a field reader reports.
    const char* scalar(const char* p, Scalar& value) {
        const char* start = p;
        switch (*p) {
        case '"':
            value.kind = Kind::String;
            return string(p, value.text);
        case 't':
            value.kind = Kind::True;
            p = literal(p, "true");
            break;
        case 'f':
            value.kind = Kind::False;
            p = literal(p, "false");
            break;
        case '-': case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
            value.kind = Kind::Number;
            p = number(p);
            break;
        default:
            return nullptr;
        }
        if (p != nullptr) {
            value.text = std::string_view(start, static_cast<std::size_t>(p - start));
        }
        return p;
    }

    // The typed values, as FieldReader reads them when they are valid.
    const char* text(const char* p, std::string_view& text) {
        Scalar value;
        if ((p = scalar(p, value)) == nullptr || value.text.empty()) {
            return nullptr;
        }
        text = value.text;
        return p;
    }
    const char* choice(const char* p, Names allowed, std::string_view& chosen) {
        Scalar value;
        if ((p = scalar(p, value)) == nullptr) {
            return nullptr;
        }
        for (std::string_view candidate : allowed) {
            if (value.text == candidate) {
                chosen = candidate;
                return p;
            }
        }
        return nullptr;
    }
    template <typename T, typename Read>
    const char* typed(const char* p, T& to, Read read) {
        Scalar value;
        if ((p = scalar(p, value)) == nullptr) {
            return nullptr;
        }
        const auto parsed = read(value.text);
        if (!parsed) {
            return nullptr;
        }
        to = *parsed;
        return p;
    }
    const char* date(const char* p, Date& to) { return typed(p, to, rules::plainDate); }
    const char* amount(const char* p, Decimal& to) { return typed(p, to, rules::plainAmount); }
    const char* amount(const char* p, std::optional<Decimal>& to) {
        return typed(p, to.emplace(), rules::plainAmount);
    }
    const char* integer(const char* p, std::int64_t min, std::int64_t max, std::int64_t& to) {
        return typed(p, to, [&](std::string_view t) { return rules::plainInteger(t, min, max); });
    }
    const char* boolean(const char* p, bool& to) {
        to = *p == 't';
        return literal(p, "true") != nullptr ? p + 4 : literal(p, "false");
    }

    const char* root(const char* p) {
        Order& order = order_;
        order.forsorgelse.reset();
        order.skattekort.reset();
        order.korrektion.reset();
        std::uint32_t seen = 0;
        p = members(p, kOrder, seen, [&](std::uint8_t slot, const char* v) -> const char* {
            std::string_view value;
            switch (slot) {
            case kOrder.slot("ordre_id"):
                if ((v = text(v, value)) != nullptr) {
                    setText(out_.ordreId, value);
                    setText(order.ordreId, value);
                }
                return v;
            case kOrder.slot("fagsystem"):
                if ((v = text(v, value)) != nullptr) {
                    setText(order.fagsystem, value);
                }
                return v;
            case kOrder.slot("kommune"):
                return integer(v, 1, 999, order.kommune);
            case kOrder.slot("udbetalingsdato"):
                return date(v, order.udbetalingsdato);
            case kOrder.slot("periode"):
                return readPeriode(v, order.periode);
            case kOrder.slot("modtager"):
                return readModtager(v, order.modtager);
            case kOrder.slot("ydelser"):
                return readYdelser(v, order.ydelser);
            case kOrder.slot("forsørgelse"):
                return readForsorgelse(v, order.forsorgelse.emplace());
            case kOrder.slot("skattekort"):
                return readSkattekort(v, order.skattekort.emplace());
            case kOrder.slot("fordringer"):
                return readFordringer(v, order.fordringer);
            default:
                return readKorrektion(v, order.korrektion.emplace());
            }
        });
        constexpr std::uint32_t kRequired =
            bit(kOrder.slot("ordre_id")) | bit(kOrder.slot("fagsystem")) |
            bit(kOrder.slot("kommune")) | bit(kOrder.slot("udbetalingsdato")) |
            bit(kOrder.slot("periode")) | bit(kOrder.slot("modtager")) |
            bit(kOrder.slot("ydelser"));
        if (p == nullptr || (seen & kRequired) != kRequired) {
            return nullptr;
        }
        if ((seen & bit(kOrder.slot("fordringer"))) == 0) {
            keepFirst(order.fordringer, 0, spares_.claims);
        }
        return p;
    }

    const char* readPeriode(const char* p, Period& periode) {
        std::uint32_t seen = 0;
        p = members(p, kPeriode, seen, [&](std::uint8_t slot, const char* v) {
            return date(v, slot == kPeriode.slot("fra") ? periode.from : periode.to);
        });
        return p != nullptr && seen == all(kPeriode) && periode.from <= periode.to ? p : nullptr;
    }

    const char* readModtager(const char* p, Recipient& recipient) {
        std::string_view type;
        std::string_view nummer;
        recipient.nemkonto = true;
        std::uint32_t seen = 0;
        p = members(p, kModtager, seen, [&](std::uint8_t slot, const char* v) {
            switch (slot) {
            case kModtager.slot("type"):
                return choice(v, kRecipientTypes, type);
            case kModtager.slot("nummer"):
                return text(v, nummer);
            default:
                return boolean(v, recipient.nemkonto);
            }
        });
        constexpr std::uint32_t kRequired =
            bit(kModtager.slot("type")) | bit(kModtager.slot("nummer"));
        if (p == nullptr || (seen & kRequired) != kRequired) {
            return nullptr;
        }
        recipient.type = rules::recipientType(type);
        if (recipientNumberProblem(recipient.type, nummer)) {
            return nullptr;
        }
        setText(recipient.nummer, nummer);
        return p;
    }

    const char* readYdelser(const char* p, std::vector<OrderLine>& lines) {
        std::size_t used = 0;
        p = items(p, [&](const char* v) {
            return readLine(v, nextItem(lines, used++, spares_.lines));
        });
        if (p == nullptr || used == 0) {
            return nullptr; // an empty list is reported
        }
        keepFirst(lines, used, spares_.lines);
        return p;
    }

    const char* readLine(const char* p, OrderLine& line) {
        std::uint32_t seen = 0;
        p = members(p, kLine, seen, [&](std::uint8_t slot, const char* v) {
            if (slot == kLine.slot("ydelse")) {
                std::string_view ydelse;
                if ((v = text(v, ydelse)) != nullptr) {
                    setText(line.ydelse, ydelse);
                }
                return v;
            }
            return readGrundlag(v, line.grundlag);
        });
        if (p == nullptr || (seen & bit(kLine.slot("ydelse"))) == 0) {
            return nullptr;
        }
        if ((seen & bit(kLine.slot("grundlag"))) == 0) {
            keepFirst(line.grundlag, 0, spares_.grundlag);
        }
        return p;
    }

    // The catalog-defined grundlag: any names, each once, each value a scalar. Beyond
    // kMaxGrundlag fields the tree reader checks for names written twice.
    static constexpr std::size_t kMaxGrundlag = 16;
    const char* readGrundlag(const char* p, std::vector<GrundlagField>& fields) {
        if (*p != '{') {
            return nullptr;
        }
        std::array<std::string_view, kMaxGrundlag> names;
        std::size_t used = 0;
        p = skipSpace(p + 1);
        if (*p == '}') {
            keepFirst(fields, 0, spares_.grundlag);
            return p + 1;
        }
        while (true) {
            std::string_view name;
            if (used == kMaxGrundlag || *p != '"' || (p = string(p, name)) == nullptr) {
                return nullptr;
            }
            for (std::size_t i = 0; i < used; ++i) {
                if (names[i] == name) {
                    return nullptr;
                }
            }
            names[used] = name;
            p = skipSpace(p);
            if (*p != ':') {
                return nullptr;
            }
            Scalar value;
            if ((p = scalar(skipSpace(p + 1), value)) == nullptr) {
                return nullptr;
            }
            GrundlagField& field = nextItem(fields, used++, spares_.grundlag);
            setText(field.name, name);
            setText(field.value.text, value.text);
            field.value.quoted = value.kind == Kind::String;
            p = skipSpace(p);
            const char c = *p++;
            if (c == '}') {
                keepFirst(fields, used, spares_.grundlag);
                return p;
            }
            if (c != ',') {
                return nullptr;
            }
            p = skipSpace(p);
        }
    }

    const char* readForsorgelse(const char* p, Forsorgelse& forsorgelse) {
        std::uint32_t seen = 0;
        return members(p, kForsorgelse, seen, [&](std::uint8_t slot, const char* v) {
            std::int64_t count = 0;
            if ((v = integer(v, 1, rules::kMaxCount, count)) != nullptr) {
                (slot == kForsorgelse.slot("uge") ? forsorgelse.uge : forsorgelse.maaneder) =
                    count;
            }
            return v;
        });
    }

    const char* readSkattekort(const char* p, TaxCard& card) {
        std::string_view type;
        std::uint32_t seen = 0;
        p = members(p, kSkattekort, seen, [&](std::uint8_t slot, const char* v) {
            switch (slot) {
            case kSkattekort.slot("type"):
                return choice(v, kTaxCardTypes, type);
            case kSkattekort.slot("trækprocent"):
                return typed(v, card.traekprocent.emplace(), rules::plainPercent);
            case kSkattekort.slot("fradrag"):
                return amount(v, card.fradrag);
            default:
                return amount(v, card.frikortRest);
            }
        });
        if (p == nullptr || (seen & bit(kSkattekort.slot("type"))) == 0) {
            return nullptr;
        }
        card.type = rules::taxCardType(type);
        // The fields a card of this type must have (OrderFields::cardField).
        const bool procent = card.type != TaxCardType::Intet;
        const bool fradrag = card.type == TaxCardType::Hovedkort;
        const bool frikortRest = card.type == TaxCardType::Frikort;
        if ((procent && !card.traekprocent) || (fradrag && !card.fradrag) ||
            (frikortRest && !card.frikortRest)) {
            return nullptr;
        }
        return p;
    }

    const char* readFordringer(const char* p, std::vector<Claim>& claims) {
        std::size_t used = 0;
        p = items(p, [&](const char* v) {
            Claim& claim = nextItem(claims, used, spares_.claims);
            if ((v = readClaim(v, claim)) == nullptr) {
                return v;
            }
            // Two claims may not share an id (OrderFields::readFordringer).
            for (std::size_t i = 0; i < used; ++i) {
                if (claims[i].id == claim.id) {
                    return static_cast<const char*>(nullptr);
                }
            }
            ++used;
            return v;
        });
        if (p == nullptr) {
            return nullptr;
        }
        keepFirst(claims, used, spares_.claims);
        return p;
    }

    const char* readClaim(const char* p, Claim& claim) {
        std::uint32_t seen = 0;
        p = members(p, kFordring, seen, [&](std::uint8_t slot, const char* v) {
            std::string_view value;
            switch (slot) {
            case kFordring.slot("id"):
                v = text(v, value);
                setText(claim.id, value);
                return v;
            case kFordring.slot("type"):
                v = text(v, value);
                setText(claim.type, value);
                return v;
            case kFordring.slot("kategori"):
                v = choice(v, kClaimCategories, value);
                setText(claim.kategori, value);
                return v;
            case kFordring.slot("fordringshaver"):
                v = choice(v, kClaimHolders, value);
                setText(claim.fordringshaver, value);
                return v;
            case kFordring.slot("modtaget"):
                return date(v, claim.modtaget);
            case kFordring.slot("rente"):
                return amount(v, claim.rente);
            default:
                return amount(v, claim.hovedstol);
            }
        });
        return p != nullptr && seen == all(kFordring) ? p : nullptr;
    }

    // Rare (a correction of an earlier payout), so kept out of root's code.
    [[gnu::noinline]] const char* readKorrektion(const char* p, PreviousPayout& previous) {
        std::uint32_t seen = 0;
        p = members(p, kKorrektion, seen, [&](std::uint8_t, const char* v) {
            return readTidligere(v, previous);
        });
        return p != nullptr && seen == all(kKorrektion) ? p : nullptr;
    }

    const char* readTidligere(const char* p, PreviousPayout& previous) {
        std::uint32_t seen = 0;
        p = members(p, kTidligere, seen, [&](std::uint8_t slot, const char* v) {
            switch (slot) {
            case kTidligere.slot("udbetalingsdato"):
                return date(v, previous.udbetalingsdato);
            case kTidligere.slot("brutto"):
                return amount(v, previous.brutto);
            case kTidligere.slot("atp_egen"):
                return amount(v, previous.atpEgen);
            case kTidligere.slot("am_bidrag"):
                return amount(v, previous.amBidrag);
            case kTidligere.slot("a_skat"):
                return amount(v, previous.aSkat);
            default:
                return amount(v, previous.netto);
            }
        });
        return p != nullptr && seen == all(kTidligere) ? p : nullptr;
    }

    JsonRead& out_;
    Order& order_;
    Spares& spares_;
};

} // namespace

bool readOrderDirect(std::string_view line, char* strings, JsonRead& out, Spares& spares) {
    return DirectReader(strings, out, spares).document(line);
}

} // namespace ydelse::io::json
