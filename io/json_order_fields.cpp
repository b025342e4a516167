// The order's fields read from a parsed JSON tree; the JSON reader's counterpart of
// order_reader.cpp and order_sections.cpp, reading the same fields in the same sequence so that
// errors come out in the same order. Lists and strings of the reused Order are overwritten in
// place, so their capacity carries over from one order to the next.
#include "io/json_field_reader.hpp"
#include "io/json_order_keys.hpp"
#include "io/order_reuse.hpp"
#include "io/order_sections.hpp"
#include "io/scalar_rules.hpp"

#include <fmt/format.h>

namespace ydelse::io::json {
namespace {

using rules::kMaxCount;
using rules::recipientType;
using rules::taxCardType;

// The list's items with their paths: calls f(item field) for each.
template <typename F>
void forEachItem(const Tree& tree, const Node& list, const Path& listPath, F f) {
    std::int64_t index = 0;
    for (std::uint32_t i = list.first; i != 0; i = tree[i].next) {
        f(Field{&tree[i], Path{&listPath, {}, index++}});
    }
}

class OrderFields {
public:
    OrderFields(FieldReader& r, JsonRead& out, Spares& spares)
        : r_(r), out_(out), spares_(spares) {}

    void read(const Node& root) {
        Order& order = out_.order;
        const Path rootPath;
        auto map = r_.mapOf(Field{&root, rootPath}, kOrder);
        if (!map) {
            out_.ordreId.reset();
            return;
        }
        // Read first and kept whatever else fails, so an error record can still echo it.
        const auto ordreId = r_.text(r_.need(map, kOrder.slot("ordre_id")));
        setText(out_.ordreId, ordreId);
        setText(order.ordreId, ordreId);
        setText(order.fagsystem, r_.text(r_.need(map, kOrder.slot("fagsystem"))));
        order.kommune = r_.integer(r_.need(map, kOrder.slot("kommune")), 1, 999).value_or(0);
        order.udbetalingsdato =
            r_.date(r_.need(map, kOrder.slot("udbetalingsdato"))).value_or(Date{});
        order.periode = readPeriode(r_.need(map, kOrder.slot("periode"))).value_or(Period{});
        readModtager(r_.need(map, kOrder.slot("modtager")), order.modtager);
        readYdelser(r_.need(map, kOrder.slot("ydelser")), order.ydelser);
        order.forsorgelse = readForsorgelse(r_.maybe(map, kOrder.slot("forsørgelse")));
        order.skattekort = readSkattekort(r_.maybe(map, kOrder.slot("skattekort")));
        readFordringer(r_.maybe(map, kOrder.slot("fordringer")), order.fordringer);
        order.korrektion = readKorrektion(r_.maybe(map, kOrder.slot("korrektion")));
    }

private:
    std::optional<Period> readPeriode(const Field& field) {
        auto map = r_.mapOf(field, kPeriode);
        if (!map) {
            return std::nullopt;
        }
        auto fra = r_.date(r_.need(map, kPeriode.slot("fra")));
        auto til = r_.date(r_.need(map, kPeriode.slot("til")));
        if (fra && til && *fra > *til) {
            r_.fail(kFeltVaerdi, field.path,
                    fmt::format("periode.fra ({}) ligger efter periode.til ({})", fra->toString(),
                                til->toString()));
        }
        return Period{fra.value_or(Date{}), til.value_or(Date{})};
    }

    // Into `recipient` as readOrderTree reset it: what cannot be read stays as it is there.
    void readModtager(const Field& field, Recipient& recipient) {
        auto map = r_.mapOf(field, kModtager);
        if (!map) {
            return;
        }
        auto type = r_.choice(r_.need(map, kModtager.slot("type")), kRecipientTypes);
        Field nummerField = r_.need(map, kModtager.slot("nummer"));
        auto nummer = r_.text(nummerField);
        if (type) {
            recipient.type = recipientType(*type);
        }
        if (type && nummer) {
            if (auto problem = recipientNumberProblem(recipient.type, *nummer)) {
                r_.fail(kFeltVaerdi, nummerField.path, *problem);
            }
        }
        if (nummer) {
            setText(recipient.nummer, *nummer);
        }
        recipient.nemkonto = r_.boolean(r_.maybe(map, kModtager.slot("nemkonto"))).value_or(true);
    }

    // The grundlag is catalog-defined: any names, but each value must be a single scalar.
    void readGrundlag(const MapView& grundlag, std::vector<GrundlagField>& fields) {
        std::size_t used = 0;
        grundlag.forEach([&](const Node& member) {
            const Path path = grundlag.pathOf(member.key);
            if (member.kind == Kind::Null) {
                r_.fail(kFeltMangler, path,
                        fmt::format("grundlagsfeltet {} har ingen værdi", member.key));
            } else if (!member.isScalar()) {
                r_.fail(kFeltType, path,
                        fmt::format("et grundlagsfelt skal være en enkelt værdi (tal, tekst, "
                                    "dato eller true/false), fandt {}",
                                    describe(member)));
            } else {
                GrundlagField& field = nextItem(fields, used++, spares_.grundlag);
                setText(field.name, member.key);
                setText(field.value.text, member.text);
                field.value.quoted = member.kind == Kind::String;
            }
        });
        keepFirst(fields, used, spares_.grundlag);
    }

    void readYdelser(const Field& field, std::vector<OrderLine>& lines) {
        std::size_t used = 0;
        if (const Node* list = r_.listOf(field)) {
            if (list->count == 0) {
                r_.fail(kFeltVaerdi, field.path, "listen er tom; der skal være mindst én ydelse");
            }
            forEachItem(r_.tree(), *list, field.path, [&](const Field& item) {
                auto map = r_.mapOf(item, kLine);
                if (!map) {
                    return;
                }
                OrderLine& line = nextItem(lines, used++, spares_.lines);
                setText(line.ydelse, r_.text(r_.need(map, kLine.slot("ydelse"))));
                // Absent grundlag is an empty one: the catalog's binder names a missing input.
                if (auto grundlag = r_.freeMapOf(r_.maybe(map, kLine.slot("grundlag")))) {
                    readGrundlag(grundlag, line.grundlag);
                } else {
                    keepFirst(line.grundlag, 0, spares_.grundlag);
                }
            });
        }
        keepFirst(lines, used, spares_.lines);
    }

    std::optional<Forsorgelse> readForsorgelse(const Field& field) {
        auto map = r_.mapOf(field, kForsorgelse);
        if (!map) {
            return std::nullopt;
        }
        Forsorgelse result;
        result.uge = r_.integer(r_.maybe(map, kForsorgelse.slot("uge")), 1, kMaxCount);
        result.maaneder = r_.integer(r_.maybe(map, kForsorgelse.slot("måneder")), 1, kMaxCount);
        return result;
    }

    // A skattekort field the card type requires: FELT_MANGLER naming the type when absent.
    Field cardField(const MapView& map, std::uint8_t slot,
                    const std::optional<std::string_view>& type,
                    std::initializer_list<std::string_view> requiringTypes) {
        Field field = r_.maybe(map, slot);
        if (field.node != nullptr || !type) {
            return field;
        }
        for (std::string_view t : requiringTypes) {
            if (*type == t) {
                r_.fail(kFeltMangler, field.path,
                        fmt::format("feltet {} mangler; et skattekort af typen {} skal have det",
                                    map.keyAt(slot), t));
            }
        }
        return field;
    }

    std::optional<TaxCard> readSkattekort(const Field& field) {
        auto map = r_.mapOf(field, kSkattekort);
        if (!map) {
            return std::nullopt;
        }
        TaxCard card;
        auto type = r_.choice(r_.need(map, kSkattekort.slot("type")), kTaxCardTypes);
        if (type) {
            card.type = taxCardType(*type);
        }
        card.traekprocent = r_.percent(cardField(map, kSkattekort.slot("trækprocent"), type,
                                                 {"hovedkort", "bikort", "frikort"}));
        card.fradrag =
            r_.amount(cardField(map, kSkattekort.slot("fradrag"), type, {"hovedkort"}));
        card.frikortRest =
            r_.amount(cardField(map, kSkattekort.slot("frikort_rest"), type, {"frikort"}));
        return card;
    }

    void readFordringer(const Field& field, std::vector<Claim>& claims) {
        std::size_t used = 0;
        if (const Node* list = r_.listOf(field)) {
            forEachItem(r_.tree(), *list, field.path, [&](const Field& item) {
                auto map = r_.mapOf(item, kFordring);
                if (!map) {
                    return;
                }
                Claim& claim = nextItem(claims, used++, spares_.claims);
                Field idField = r_.need(map, kFordring.slot("id"));
                auto id = r_.text(idField);
                if (id && usedBefore(claims, used - 1, *id)) {
                    // Modregning reports name claims by id, so two claims must not share one.
                    r_.fail(kFeltVaerdi, idField.path,
                            fmt::format("fordrings-id \"{}\" er brugt før i listen", *id));
                }
                setText(claim.id, id);
                setText(claim.type, r_.text(r_.need(map, kFordring.slot("type"))));
                setText(claim.kategori,
                        r_.choice(r_.need(map, kFordring.slot("kategori")), kClaimCategories));
                setText(claim.fordringshaver,
                        r_.choice(r_.need(map, kFordring.slot("fordringshaver")), kClaimHolders));
                claim.modtaget =
                    r_.date(r_.need(map, kFordring.slot("modtaget"))).value_or(Date{});
                claim.rente = r_.amount(r_.need(map, kFordring.slot("rente"))).value_or(Decimal{});
                claim.hovedstol =
                    r_.amount(r_.need(map, kFordring.slot("hovedstol"))).value_or(Decimal{});
            });
        }
        keepFirst(claims, used, spares_.claims);
    }

    std::optional<PreviousPayout> readKorrektion(const Field& field) {
        auto outer = r_.mapOf(field, kKorrektion);
        if (!outer) {
            return std::nullopt;
        }
        auto map = r_.mapOf(r_.need(outer, kKorrektion.slot("tidligere")), kTidligere);
        if (!map) {
            return PreviousPayout{};
        }
        PreviousPayout previous;
        previous.udbetalingsdato =
            r_.date(r_.need(map, kTidligere.slot("udbetalingsdato"))).value_or(Date{});
        previous.brutto = r_.amount(r_.need(map, kTidligere.slot("brutto"))).value_or(Decimal{});
        previous.atpEgen =
            r_.amount(r_.need(map, kTidligere.slot("atp_egen"))).value_or(Decimal{});
        previous.amBidrag =
            r_.amount(r_.need(map, kTidligere.slot("am_bidrag"))).value_or(Decimal{});
        previous.aSkat = r_.amount(r_.need(map, kTidligere.slot("a_skat"))).value_or(Decimal{});
        previous.netto = r_.amount(r_.need(map, kTidligere.slot("netto"))).value_or(Decimal{});
        return previous;
    }

    // Whether one of the first `count` claims has `id`. A claim whose id could not be read has
    // id "", which no readable id equals, so this is order_reader's set of readable ids without
    // the set's allocations. Quadratic, but a line is at most 1 MiB: some 10,000 claims.
    static bool usedBefore(const std::vector<Claim>& claims, std::size_t count,
                           std::string_view id) {
        for (std::size_t i = 0; i < count; ++i) {
            if (claims[i].id == id) {
                return true;
            }
        }
        return false;
    }

    FieldReader& r_;
    JsonRead& out_;
    Spares& spares_;
};

} // namespace

void readOrderTree(Tree& tree, JsonRead& out, Spares& spares) {
    out.errors.clear();
    out.ok = false;
    Order& order = out.order;
    // Whatever the previous order left behind; strings and lists keep their capacity.
    order.fagsystem.clear();
    order.kommune = 0;
    order.udbetalingsdato = Date{};
    order.periode = Period{};
    order.modtager.type = RecipientType::Cpr;
    order.modtager.nummer.clear();
    order.modtager.nemkonto = true;
    order.forsorgelse.reset();
    order.skattekort.reset();
    order.korrektion.reset();
    FieldReader r(tree, out.errors);
    OrderFields fields(r, out, spares);
    if (tree.empty() || tree[0].kind != Kind::Object) {
        out.ordreId.reset(); // the caller reports a syntax error; it never gets here
        return;
    }
    fields.read(tree[0]);
    out.ok = out.errors.empty();
}

} // namespace ydelse::io::json
