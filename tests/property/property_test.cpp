// Property tests over many seeded, generated orders on the shipped catalog: the money invariants
// of quality.md hold for every order that is carried out, whatever the mix of ydelser,
// skattekort, claims and hold-back; a correction followed by its reverse nets to zero; reusing
// the per-thread state between orders changes nothing.
#include "interpreter/compiler.hpp"
#include "runtime/eval/evaluator.hpp"
#include "runtime/output/json_writer.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <map>
#include <random>

using namespace ydelse;

namespace {

const ir::Program& shipped() {
    static const CompileResult result = compileCatalog(YDELSE_SOURCE_DIR "/catalog");
    REQUIRE(result.program.has_value());
    return *result.program;
}

class Generator {
public:
    explicit Generator(std::uint64_t seed) : rng_(seed) {}

    Order next(std::size_t n) {
        Order o;
        o.ordreId = fmt::format("P-{}", n);
        o.kommune = pick({101, 561, 751});
        const int month = between(1, 12);
        o.periode.from = *Date::fromYmd(2024, month, 1);
        o.periode.to = o.periode.from.lastOfMonth();
        o.udbetalingsdato = o.periode.to;
        o.modtager.nummer = "0101801234";
        o.modtager.nemkonto = between(0, 9) != 0;
        const int kind = between(0, 9);
        if (kind <= 3) {
            ky(o, pick({"KONTANTHJÆLP", "RESSOURCEFORLØBSYDELSE", "LEDIGHEDSYDELSE"}));
        } else if (kind == 4) {
            ky(o, "KONTANTHJÆLP");
            taf(o); // two ydelser, two indkomsttyper
        } else if (kind == 5) {
            taf(o);
        } else if (kind == 6) {
            o.fagsystem = "KSD";
            o.ydelser.push_back({"SYGEDAGPENGE", {{"timer", {std::to_string(between(1, 160)), true}}}});
        } else if (kind == 7) {
            o.fagsystem = "KSD";
            o.modtager = {RecipientType::Cvr, "12345678", true};
            o.ydelser.push_back(
                {"SYGEDAGPENGE_REFUSION", {{"timer", {std::to_string(between(1, 160)), true}}}});
        } else if (kind == 8) {
            o.fagsystem = "KY";
            o.modtager = {RecipientType::Se, "87654321", true};
            o.ydelser.push_back({"VOKSENLÆRLINGETILSKUD",
                                 {{"timer", {std::to_string(between(1, 160)), true}},
                                  {"kategori", {pick({"ledig", "beskæftiget"}), true}}}});
        } else {
            o.fagsystem = "KP";
            o.ydelser.push_back({"PERSONLIGT_TILLÆG", {{"beløb", {amount(100, 5000), true}}}});
        }
        o.forsorgelse = Forsorgelse{between(1, 80), between(1, 30)};
        TaxCard card;
        card.type = static_cast<TaxCardType>(between(0, 3));
        card.traekprocent = Decimal::fromInt(between(30, 55));
        if (card.type == TaxCardType::Hovedkort) {
            card.fradrag = *Decimal::parse(amount(0, 6000));
        }
        if (card.type == TaxCardType::Frikort) {
            card.frikortRest = *Decimal::parse(amount(0, 20000));
        }
        o.skattekort = card;
        const int claims = between(0, 3);
        for (int c = 0; c < claims; ++c) {
            o.fordringer.push_back(
                {fmt::format("F-{}", c), "X",
                 pick({"bøde", "underholdsbidrag_privat", "underholdsbidrag_offentlig", "anden"}),
                 pick({"egen_kommune", "inddrivelse", "opkrævning"}),
                 *Date::fromYmd(between(2019, 2023), between(1, 12), between(1, 28)),
                 *Decimal::parse(amount(0, 500)), *Decimal::parse(amount(0, 8000))});
        }
        return o;
    }

    int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

private:
    template <typename T>
    T pick(std::initializer_list<T> items) {
        return items.begin()[between(0, static_cast<int>(items.size()) - 1)];
    }
    std::string amount(int lo, int hi) {
        return fmt::format("{}.{:02}", between(lo, hi), between(0, 99));
    }
    void ky(Order& o, const std::string& code) {
        o.fagsystem = "KY";
        OrderLine line{code, {{"beløb", {amount(4000, 20000), true}},
                              {"forsørger", {between(0, 1) ? "true" : "false", false}}}};
        if (code == "RESSOURCEFORLØBSYDELSE") {
            line.grundlag.push_back({"forløb", {pick({"ressourceforløb", "jobafklaring"}), true}});
        }
        o.ydelser.push_back(std::move(line));
    }
    void taf(Order& o) {
        o.fagsystem = "KY";
        OrderLine line{"TABT_ARBEJDSFORTJENESTE", {{"beløb", {amount(1000, 30000), true}}}};
        if (between(0, 1)) {
            line.grundlag.push_back({"timer", {std::to_string(between(10, 160)), true}});
        }
        o.ydelser.push_back(std::move(line));
    }

    std::mt19937_64 rng_;
};

std::string accountKey(const Posting& p) {
    std::string key;
    for (const AccountField& f : p.konto) {
        key += fmt::format("{}={};", f.name, f.value);
    }
    return key;
}

void checkInvariants(const Order& order, const Result& r) {
    const Amounts& b = r.belob;
    for (const Decimal* d : {&b.brutto, &b.atpEgen, &b.amBidrag, &b.aIndkomst, &b.aSkat,
                             &b.modregning, &b.netto, &b.tilbageholdt, &b.atpKommune,
                             &b.opBidrag, &b.refusion}) {
        CHECK_FALSE(d->isNegative());
        CHECK(d->isWholeOre());
    }
    Decimal debet;
    Decimal kredit;
    for (const Posting& p : r.konteringer) {
        debet += p.debet;
        kredit += p.kredit;
    }
    CHECK(debet == kredit);
    const Decimal available = b.brutto - b.atpEgen - b.amBidrag - b.aSkat;
    CHECK(b.netto + b.tilbageholdt == available - b.modregning);
    CHECK(b.modregning <= available);
    Decimal offsets;
    for (const Offset& o : r.modregninger) {
        auto claim = std::find_if(order.fordringer.begin(), order.fordringer.end(),
                                  [&](const Claim& c) { return c.id == o.fordring; });
        REQUIRE(claim != order.fordringer.end());
        CHECK(o.rente <= claim->rente);
        CHECK(o.hovedstol <= claim->hovedstol);
        CHECK(o.rest == claim->rente + claim->hovedstol - o.rente - o.hovedstol);
        CHECK(o.rente + o.hovedstol > Decimal{});
        offsets += o.rente + o.hovedstol;
    }
    CHECK(offsets == b.modregning);
    Decimal bruttoLines;
    for (const PayLine& l : r.linjer) {
        if (l.art == LineArt::Brutto) {
            bruttoLines += l.belob;
        }
    }
    CHECK(bruttoLines == b.brutto);
    CHECK((b.netto.isZero() || r.status == ResultStatus::Effektueret));
}

// The payout's amounts as a correction's `tidligere`.
PreviousPayout paid(const Order& order, const Result& r) {
    return {order.udbetalingsdato, r.belob.brutto, r.belob.atpEgen, r.belob.amBidrag,
            r.belob.aSkat, r.belob.netto + r.belob.tilbageholdt};
}

} // namespace

TEST_CASE("the money invariants hold for 3,000 generated orders; state reuse changes nothing") {
    const ir::Program& program = shipped();
    Generator gen(20241123);
    EvalState reused;
    int done = 0;
    int offset = 0;
    int held = 0;
    int several = 0;
    for (std::size_t n = 0; n < 3000; ++n) {
        const Order order = gen.next(n);
        const Result r = evaluate(program, order, reused);
        EvalState fresh;
        std::string a;
        std::string b;
        writeJson(r, a);
        writeJson(evaluate(program, order, fresh), b);
        CHECK(a == b);
        if (r.status == ResultStatus::Afvist) {
            continue;
        }
        ++done;
        offset += r.modregninger.empty() ? 0 : 1;
        held += r.status == ResultStatus::Tilbageholdt ? 1 : 0;
        several += order.ydelser.size() > 1 ? 1 : 0;
        checkInvariants(order, r);
    }
    // The generator must exercise what it claims to, or the checks above prove little.
    CHECK(done > 2000);
    CHECK(offset > 300);
    CHECK(held > 100);
    CHECK(several > 100);
}

TEST_CASE("a correction followed by its reverse nets brutto and every account to zero") {
    const ir::Program& program = shipped();
    Generator gen(7);
    int checked = 0;
    for (std::size_t n = 0; n < 1500 && checked < 200; ++n) {
        Order order = gen.next(n);
        order.fordringer.clear();
        order.modtager.nemkonto = true;
        if (order.ydelser.size() != 1) {
            continue;
        }
        EvalState state;
        const Result before = evaluate(program, order, state);
        if (before.status == ResultStatus::Afvist) {
            continue;
        }
        // Raise the grundlag's first field (beløb or timer) and correct up to it.
        Order raised = order;
        GrundlagField& field = raised.ydelser[0].grundlag[0];
        const Decimal original = *Decimal::parse(field.value.text);
        field.value.text = (original + Decimal::fromInt(gen.between(1, 40))).toString();
        raised.korrektion = paid(order, before);
        const Result up = evaluate(program, raised, state);
        if (up.status == ResultStatus::Afvist) {
            const std::string& kode = up.fejl[0].kode;
            // Only corrections the catalog does not allow, or limits the raise crossed.
            CHECK((kode == "KORREKTION_IKKE_MULIG" || kode == "TIMER_FOR_MANGE" ||
                   kode == "KORREKTION_NEGATIVT_BELØB"));
            continue;
        }
        checkInvariants(raised, up);
        // And back: the period is now right at the original grundlag, having been paid both.
        Order back = order;
        PreviousPayout total = paid(order, before);
        total.brutto += up.belob.brutto;
        total.atpEgen += up.belob.atpEgen;
        total.amBidrag += up.belob.amBidrag;
        total.aSkat += up.belob.aSkat;
        total.netto += up.belob.netto;
        back.korrektion = total;
        const Result down = evaluate(program, back, state);
        REQUIRE_MESSAGE(down.status != ResultStatus::Afvist,
                        (down.fejl.empty() ? "" : down.fejl[0].besked));
        // Money once paid cannot be unpaid: the netto paid up comes back as the claim, so those
        // two accounts offset each other and every other account nets to zero.
        std::map<std::string, Decimal> net;
        for (const Result* r : {&up, &down}) {
            for (const Posting& p : r->konteringer) {
                net[accountKey(p)] += p.debet - p.kredit;
            }
        }
        Decimal paidOutAndClaimed;
        for (const auto& [account, amount] : net) {
            // A kommune configuration may add real dimensions after the logical name.
            if (account.rfind("logisk=nemkonto;", 0) == 0 ||
                account.rfind("logisk=debitor_tilbagebetaling;", 0) == 0) {
                paidOutAndClaimed += amount;
            } else {
                CHECK_MESSAGE(amount.isZero(), account);
            }
        }
        CHECK(paidOutAndClaimed.isZero());
        if (up.belob.netto.isZero()) {
            CHECK(down.fordringerOprettet.empty()); // nothing was paid, nothing to claim
            continue;
        }
        REQUIRE(down.fordringerOprettet.size() == 1);
        CHECK(down.fordringerOprettet[0].krav == "nettokrav");
        CHECK(down.fordringerOprettet[0].belob == up.belob.netto);
        ++checked;
    }
    CHECK(checked >= 100);
}
