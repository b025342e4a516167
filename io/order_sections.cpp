// The nested parts of an order; see order_sections.hpp. Each reader returns what it could read
// (defaults where a field failed) and leaves the errors in the FieldReader: the caller only
// builds an Order when there are none.
#include "io/order_sections.hpp"

#include "io/order_reader.hpp"
#include "io/scalar_rules.hpp"

#include <fmt/format.h>

#include <set>

namespace ydelse::io {
namespace {

using rules::kMaxCount;
using rules::recipientType;
using rules::taxCardType;

using rules::allDigits;

int twoDigits(std::string_view text, std::size_t pos) {
    return (text[pos] - '0') * 10 + (text[pos + 1] - '0');
}

// A skattekort field the card type requires: FELT_MANGLER naming the type when absent.
Field cardField(FieldReader& r, const MapView& map, std::string_view key,
                const std::optional<std::string>& type,
                std::initializer_list<std::string_view> requiringTypes) {
    Field field = r.maybe(map, key);
    if (field.node || !type) {
        return field;
    }
    for (std::string_view t : requiringTypes) {
        if (*type == t) {
            r.fail(kFeltMangler, field.path,
                   fmt::format("feltet {} mangler; et skattekort af typen {} skal have det", key,
                               t));
        }
    }
    return field;
}

// The grundlag is catalog-defined: any names, but each value must be a single scalar.
std::vector<GrundlagField> readGrundlag(FieldReader& r, const MapView& grundlag) {
    std::vector<GrundlagField> fields;
    for (const auto& [name, node] : grundlag.entries()) {
        const std::string path = grundlag.pathOf(name);
        if (node.IsNull()) {
            r.fail(kFeltMangler, path, fmt::format("grundlagsfeltet {} har ingen værdi", name));
        } else if (!node.IsScalar()) {
            r.fail(kFeltType, path,
                   fmt::format("et grundlagsfelt skal være en enkelt værdi (tal, tekst, dato "
                               "eller true/false), fandt {}",
                               describe(node)));
        } else {
            fields.push_back(GrundlagField{name, RawScalar{node.Scalar(), isQuoted(node)}});
        }
    }
    return fields;
}

} // namespace

std::optional<std::string> recipientNumberProblem(RecipientType type, std::string_view nummer) {
    if (type != RecipientType::Cpr) {
        const char* name = type == RecipientType::Cvr ? "cvr" : "se";
        if (nummer.size() != 8 || !allDigits(nummer)) {
            return fmt::format("et {}-nummer skal være 8 cifre, fandt \"{}\"", name, nummer);
        }
        return std::nullopt;
    }
    if (nummer.size() != 10 || !allDigits(nummer)) {
        return fmt::format("et cpr-nummer skal være 10 cifre, fandt \"{}\"", nummer);
    }
    const int day = twoDigits(nummer, 0);
    const int month = twoDigits(nummer, 2);
    const int year = twoDigits(nummer, 4);
    // The seventh digit would pin the century, but its rules change; any real date will do.
    // Days 1-28 exist in every month of every year, which settles most numbers without a
    // calendar.
    const bool everyYear = month >= 1 && month <= 12 && day >= 1 && day <= 28;
    if (!everyYear && !Date::fromYmd(1900 + year, month, day) &&
        !Date::fromYmd(2000 + year, month, day)) {
        return fmt::format("cpr-nummeret \"{}\" begynder ikke med en gyldig dato (DDMMÅÅ)",
                           nummer);
    }
    return std::nullopt;
}

std::optional<Period> readPeriode(FieldReader& r, const Field& field) {
    auto map = r.mapOf(field, {"fra", "til"});
    if (!map) {
        return std::nullopt;
    }
    auto fra = r.date(r.need(*map, "fra"));
    auto til = r.date(r.need(*map, "til"));
    if (fra && til && *fra > *til) {
        r.fail(kFeltVaerdi, field.path,
               fmt::format("periode.fra ({}) ligger efter periode.til ({})", fra->toString(),
                           til->toString()));
    }
    return Period{fra.value_or(Date{}), til.value_or(Date{})};
}

std::optional<Recipient> readModtager(FieldReader& r, const Field& field) {
    auto map = r.mapOf(field, {"type", "nummer", "nemkonto"});
    if (!map) {
        return std::nullopt;
    }
    Recipient recipient;
    auto type = r.choice(r.need(*map, "type"), {"cpr", "cvr", "se"});
    Field nummerField = r.need(*map, "nummer");
    auto nummer = r.text(nummerField);
    if (type) {
        recipient.type = recipientType(*type);
    }
    if (type && nummer) {
        if (auto problem = recipientNumberProblem(recipient.type, *nummer)) {
            r.fail(kFeltVaerdi, nummerField.path, *problem);
        }
    }
    recipient.nummer = nummer.value_or("");
    recipient.nemkonto = r.boolean(r.maybe(*map, "nemkonto")).value_or(true);
    return recipient;
}

std::optional<std::vector<OrderLine>> readYdelser(FieldReader& r, const Field& field) {
    auto items = r.listOf(field);
    if (!items) {
        return std::nullopt;
    }
    if (items->empty()) {
        r.fail(kFeltVaerdi, field.path, "listen er tom; der skal være mindst én ydelse");
    }
    std::vector<OrderLine> lines;
    for (const Field& item : *items) {
        OrderLine line;
        auto map = r.mapOf(item, {"ydelse", "grundlag"});
        if (!map) {
            continue;
        }
        line.ydelse = r.text(r.need(*map, "ydelse")).value_or("");
        // Absent grundlag is an empty one: the catalog's binder names any missing input.
        if (auto grundlag = r.freeMapOf(r.maybe(*map, "grundlag"))) {
            line.grundlag = readGrundlag(r, *grundlag);
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

std::optional<Forsorgelse> readForsorgelse(FieldReader& r, const Field& field) {
    auto map = r.mapOf(field, {"uge", "måneder"});
    if (!map) {
        return std::nullopt;
    }
    Forsorgelse result;
    result.uge = r.integer(r.maybe(*map, "uge"), 1, kMaxCount);
    result.maaneder = r.integer(r.maybe(*map, "måneder"), 1, kMaxCount);
    return result;
}

std::optional<TaxCard> readSkattekort(FieldReader& r, const Field& field) {
    auto map = r.mapOf(field, {"type", "trækprocent", "fradrag", "frikort_rest"});
    if (!map) {
        return std::nullopt;
    }
    TaxCard card;
    auto type = r.choice(r.need(*map, "type"), {"hovedkort", "bikort", "frikort", "intet"});
    if (type) {
        card.type = taxCardType(*type);
    }
    card.traekprocent =
        r.percent(cardField(r, *map, "trækprocent", type, {"hovedkort", "bikort", "frikort"}));
    card.fradrag = r.amount(cardField(r, *map, "fradrag", type, {"hovedkort"}));
    card.frikortRest = r.amount(cardField(r, *map, "frikort_rest", type, {"frikort"}));
    return card;
}

std::optional<std::vector<Claim>> readFordringer(FieldReader& r, const Field& field) {
    auto items = r.listOf(field);
    if (!items) {
        return std::nullopt;
    }
    std::vector<Claim> claims;
    std::set<std::string> ids;
    for (const Field& item : *items) {
        auto map = r.mapOf(item, {"id", "type", "kategori", "fordringshaver", "modtaget", "rente",
                                  "hovedstol"});
        if (!map) {
            continue;
        }
        Claim claim;
        Field idField = r.need(*map, "id");
        auto id = r.text(idField);
        if (id && !ids.insert(*id).second) {
            // Modregning reports name claims by id, so two claims must not share one.
            r.fail(kFeltVaerdi, idField.path,
                   fmt::format("fordrings-id \"{}\" er brugt før i listen", *id));
        }
        claim.id = id.value_or("");
        claim.type = r.text(r.need(*map, "type")).value_or("");
        claim.kategori = r.choice(r.need(*map, "kategori"),
                                  {"bøde", "underholdsbidrag_privat",
                                   "underholdsbidrag_offentlig", "anden"})
                             .value_or("");
        claim.fordringshaver =
            r.choice(r.need(*map, "fordringshaver"), {"egen_kommune", "inddrivelse", "opkrævning"})
                .value_or("");
        claim.modtaget = r.date(r.need(*map, "modtaget")).value_or(Date{});
        claim.rente = r.amount(r.need(*map, "rente")).value_or(Decimal{});
        claim.hovedstol = r.amount(r.need(*map, "hovedstol")).value_or(Decimal{});
        claims.push_back(std::move(claim));
    }
    return claims;
}

std::optional<PreviousPayout> readKorrektion(FieldReader& r, const Field& field) {
    auto outer = r.mapOf(field, {"tidligere"});
    if (!outer) {
        return std::nullopt;
    }
    auto map = r.mapOf(r.need(*outer, "tidligere"),
                       {"udbetalingsdato", "brutto", "atp_egen", "am_bidrag", "a_skat", "netto"});
    if (!map) {
        return PreviousPayout{};
    }
    PreviousPayout previous;
    previous.udbetalingsdato = r.date(r.need(*map, "udbetalingsdato")).value_or(Date{});
    previous.brutto = r.amount(r.need(*map, "brutto")).value_or(Decimal{});
    previous.atpEgen = r.amount(r.need(*map, "atp_egen")).value_or(Decimal{});
    previous.amBidrag = r.amount(r.need(*map, "am_bidrag")).value_or(Decimal{});
    previous.aSkat = r.amount(r.need(*map, "a_skat")).value_or(Decimal{});
    previous.netto = r.amount(r.need(*map, "netto")).value_or(Decimal{});
    return previous;
}

} // namespace ydelse::io
