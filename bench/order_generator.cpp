// The seeded order generator of the reference workload (order_generator.hpp). The proportions
// and amounts below are plausible, not official statistics: what matters for a benchmark is that
// every rule path of the shipped catalog is exercised in a believable mix, and that almost every
// order is effektueret (a benchmark of rejections would measure the error path).
#include "bench/order_generator.hpp"

#include <fmt/format.h>

#include <array>
#include <string>

namespace ydelse::bench {
namespace {

// Draws from the generator's engine. Kept out of the header: only this file needs it.
class Draw {
public:
    explicit Draw(std::mt19937_64& rng) : rng_(rng) {}

    /// A uniform integer in [lo, hi]. Modulo bias is far below anything a benchmark notices and,
    /// unlike std::uniform_int_distribution, gives the same sequence with every standard library.
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return lo + static_cast<std::int64_t>(rng_() % span);
    }
    /// True with probability percent / 100.
    bool chance(int percent) { return between(0, 99) < percent; }

    /// An index into `weights`, chosen with probability proportional to its weight.
    template <std::size_t N>
    std::size_t weighted(const std::array<int, N>& weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        std::int64_t pick = between(0, total - 1);
        for (std::size_t i = 0; i < N; ++i) {
            if (pick < weights[i]) {
                return i;
            }
            pick -= weights[i];
        }
        return N - 1;
    }

    /// An amount in whole kroner in [loKr, hiKr], with øre in `orePercent` % of the draws (a
    /// prorated or hand-entered amount); the rest are whole kroner, as most grants are.
    std::int64_t ore(std::int64_t loKr, std::int64_t hiKr, int orePercent) {
        std::int64_t value = between(loKr, hiKr) * 100;
        if (chance(orePercent) && value < hiKr * 100) {
            value += between(1, 99);
        }
        return value;
    }

private:
    std::mt19937_64& rng_;
};

enum class Kind { Kontanthjaelp, Ledighed, Ressource, Taf, PersonligtTillaeg, Sygedagpenge,
                  SygedagpengeRefusion, Voksenlaerling };

// Rough shares of a municipality's payment run: kontanthjælp and sygedagpenge dominate, the
// employer payments (refusion, voksenlærling) and personligt tillæg follow. Sums to 100.
constexpr std::array<int, 8> kKindWeights = {30, 10, 8, 5, 10, 20, 12, 5};

// Mostly the reference kommune without its own configuration (logical accounts untranslated),
// plus 561, the example configuration that translates accounts, so both posting paths run.
constexpr std::array<std::int64_t, 6> kKommuner = {101, 147, 461, 561, 751, 851};
constexpr std::array<int, 6> kKommuneWeights = {40, 10, 10, 20, 10, 10};

// The 2023-2024 full monthly rates the catalog's ATP thresholds are built on (kroner): the
// kontanthjælp-type benefits cluster at these, below them when income is deducted.
constexpr std::int64_t kForsorgerKr[] = {15874, 16382};
constexpr std::int64_t kIkkeForsorgerKr[] = {11944, 12326};

// Sygedagpenge's maximum hourly rate per year (øre), catalog/satser/sygedagpenge.yaml: a lower
// rate given in the order must not exceed it.
constexpr std::int64_t kMaxTimesatsOre[] = {12297, 12689};

std::string money(std::int64_t ore) { return fmt::format("{}.{:02}", ore / 100, ore % 100); }

Date date(int year, int month, int day) { return *Date::fromYmd(year, month, day); }

GrundlagField quoted(std::string name, std::string text) {
    return {std::move(name), {std::move(text), true}};
}
GrundlagField plain(std::string name, std::string text) {
    return {std::move(name), {std::move(text), false}};
}
GrundlagField flag(std::string name, bool value) {
    return plain(std::move(name), value ? "true" : "false");
}

/// A whole calendar month in 2023-2024; the catalog's monthly ydelser refuse anything else.
Period wholeMonth(Draw& d) {
    const Date from = date(static_cast<int>(d.between(2023, 2024)),
                           static_cast<int>(d.between(1, 12)), 1);
    return {from, from.lastOfMonth()};
}

/// A calendar week, Monday to Sunday, within 2023-2024: one week touched allows 37 hours, and
/// no week straddles a year, so the year's sats is unambiguous.
Period calendarWeek(Draw& d) {
    const Date firstMonday = date(2023, 1, 2); // the first Monday of 2023
    const Date from = firstMonday.plusDays(static_cast<std::int32_t>(7 * d.between(0, 103)));
    return {from, from.plusDays(6)};
}

std::string cprNummer(Draw& d) {
    return fmt::format("{:02}{:02}{:02}{:04}", d.between(1, 28), d.between(1, 12),
                       d.between(40, 99), d.between(0, 9999));
}

std::string cvrNummer(Draw& d) { return fmt::format("{}", d.between(10000000, 99999999)); }

/// A skattekort of one of the four kinds, in roughly the shares Skat reports: most recipients
/// have their hovedkort with the kommune. `weekly` scales the fradrag to a week's share.
TaxCard taxCard(Draw& d, bool weekly) {
    TaxCard card;
    switch (d.weighted(std::array<int, 4>{70, 15, 8, 7})) {
    case 0:
        card.type = TaxCardType::Hovedkort;
        // One card in ten has a half percent (37.5 %), as municipal tax rates produce.
        card.traekprocent = d.chance(10) ? Decimal(Int128(d.between(33, 42) * 10 + 5), 1)
                                         : Decimal::fromInt(d.between(33, 42));
        card.fradrag = Decimal::fromOre(weekly ? d.ore(0, 1400, 0) : d.ore(0, 6000, 0));
        break;
    case 1:
        card.type = TaxCardType::Bikort;
        card.traekprocent = Decimal::fromInt(d.between(35, 45));
        break;
    case 2:
        card.type = TaxCardType::Frikort;
        card.traekprocent = Decimal::fromInt(d.between(36, 40));
        card.frikortRest = Decimal::fromOre(d.ore(0, 52000, 0));
        break;
    default:
        card.type = TaxCardType::Intet;
        break;
    }
    return card;
}

/// A kontanthjælp-type monthly amount: the full rate for the recipient's situation, or less
/// when income has been deducted (about a third of cases). Young people's lower rates included.
std::int64_t kontanthjaelpOre(Draw& d, int yearIndex, bool forsorger) {
    std::int64_t fullKr = forsorger ? kForsorgerKr[yearIndex] : kIkkeForsorgerKr[yearIndex];
    if (!forsorger && d.chance(15)) {
        fullKr = d.between(5500, 8000); // under 30 without education: a lower rate
    }
    if (d.chance(65)) {
        return fullKr * 100;
    }
    return d.ore(fullKr / 3, fullKr - 1, 60);
}

// quality.md's reference workload: 0-3 open claims per recipient, about 5 % corrections.
constexpr std::array<int, 4> kClaimCountWeights = {55, 25, 12, 8};
// Corrections are drawn for the ydelser whose brutto the order states, which have a
// tilbagebetalingsregel and no AM-bidrag (kontanthjælp, ledighedsydelse and
// ressourceforløbsydelse: 48 % of the mix), at a rate that makes about 5 % of all orders.
// (Tabt arbejdsfortjeneste would need the AM-bidrag of the earlier payout as the rules give it.)
constexpr int kCorrectionPercent = 11;

struct ClaimKind {
    const char* type;
    const char* kategori;
    const char* fordringshaver;
};
// The claim kinds a kommune offsets in benefits: its own repayment claims, fines and
// maintenance collected by Gældsstyrelsen, and private maintenance it collects itself.
constexpr std::array<ClaimKind, 4> kClaimKinds = {{
    {"KTTIBAK", "anden", "egen_kommune"},
    {"BØDE", "bøde", "inddrivelse"},
    {"BIDRAG_OFF", "underholdsbidrag_offentlig", "inddrivelse"},
    {"BIDRAG", "underholdsbidrag_privat", "opkrævning"},
}};
constexpr std::array<int, 4> kClaimKindWeights = {50, 20, 20, 10};

std::vector<Claim> openClaims(Draw& d, std::uint64_t seq) {
    std::vector<Claim> claims(d.weighted(kClaimCountWeights));
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const ClaimKind& kind = kClaimKinds[d.weighted(kClaimKindWeights)];
        Claim& c = claims[i];
        c.id = fmt::format("F-{}-{}", seq, i + 1);
        c.type = kind.type;
        c.kategori = kind.kategori;
        c.fordringshaver = kind.fordringshaver;
        c.modtaget = date(static_cast<int>(d.between(2019, 2023)),
                          static_cast<int>(d.between(1, 12)), static_cast<int>(d.between(1, 28)));
        c.rente = Decimal::fromOre(d.chance(70) ? 0 : d.ore(1, 800, 80));
        c.hovedstol = Decimal::fromOre(d.ore(100, 30000, 40));
    }
    return claims;
}

// A-skat as udbetaling.yk's rule computes it (Skat's rounding), for the earlier payout of a
// correction: the generator must not invent an earlier payout the rules could not have made.
Decimal aSkat(const TaxCard& card, const Decimal& aIndkomst) {
    const Decimal ten = Decimal::fromInt(10);
    const Decimal hundred = Decimal::fromInt(100);
    const Decimal krone = Decimal::fromInt(1);
    const Decimal zero;
    Decimal base = aIndkomst.roundTo(ten, RoundingMode::Down);
    Decimal percent = card.traekprocent.value_or(Decimal::fromInt(55));
    switch (card.type) {
    case TaxCardType::Hovedkort:
        base = max(zero, base - card.fradrag.value_or(zero));
        break;
    case TaxCardType::Frikort:
        base = max(zero, aIndkomst - card.frikortRest.value_or(zero))
                   .roundTo(ten, RoundingMode::Down);
        break;
    case TaxCardType::Bikort:
        break;
    case TaxCardType::Intet:
        percent = Decimal::fromInt(55); // TRÆKPROCENT_UDEN_SKATTEKORT
        break;
    }
    return Decimal::divideRound(percent * base, hundred, krone, RoundingMode::Up);
}

/// The earlier payout a correction restates: the same period paid `delta` more or less (an
/// income reported late, a grant changed), without ATP, taxed by the order's skattekort, so that
/// the difference is an efterbetaling or a repayment claim the catalog's rules accept.
PreviousPayout previousPayout(Draw& d, const Decimal& bruttoNow, const TaxCard& card,
                              Date paidOn) {
    Decimal delta = Decimal::fromOre(d.ore(100, 2000, 30));
    if (d.chance(50) || bruttoNow <= delta + Decimal::fromInt(100)) {
        delta = -delta; // less paid before: the correction pays the difference
    }
    PreviousPayout p;
    p.udbetalingsdato = paidOn;
    p.brutto = bruttoNow - delta;
    p.atpEgen = Decimal::fromOre(0);
    p.amBidrag = Decimal::fromOre(0);
    p.aSkat = aSkat(card, p.brutto);
    p.netto = p.brutto - p.aSkat;
    return p;
}

} // namespace

Order OrderGenerator::next() {
    Draw d(rng_);
    const std::uint64_t seq = ++sequence_;
    Order order;
    order.kommune = kKommuner[d.weighted(kKommuneWeights)];
    OrderLine line;
    bool personal = true; // paid to a person (CPR) with a skattekort, rather than an employer
    bool weekly = false;

    const auto kind = static_cast<Kind>(d.weighted(kKindWeights));
    switch (kind) {
    case Kind::Kontanthjaelp: {
        order.fagsystem = "KY";
        order.periode = wholeMonth(d);
        const bool forsorger = d.chance(35);
        line.ydelse = "KONTANTHJÆLP";
        line.grundlag = {
            quoted("beløb", money(kontanthjaelpOre(d, order.periode.from.year() - 2023,
                                                   forsorger))),
            flag("forsørger", forsorger)};
        // The municipality reports how long the person has been supported: the week drives
        // refusion, the months drive the ATP 12-month rule.
        order.forsorgelse = Forsorgelse{d.between(1, 200), d.between(1, 120)};
        break;
    }
    case Kind::Ledighed: {
        order.fagsystem = "KY";
        order.periode = wholeMonth(d);
        const bool forsorger = d.chance(35);
        line.ydelse = "LEDIGHEDSYDELSE";
        line.grundlag = {quoted("beløb", money(d.ore(12000, 19800, 20))),
                         flag("forsørger", forsorger)};
        order.forsorgelse = Forsorgelse{d.between(1, 200), std::nullopt};
        break;
    }
    case Kind::Ressource: {
        order.fagsystem = "KY";
        order.periode = wholeMonth(d);
        const bool forsorger = d.chance(35);
        line.ydelse = "RESSOURCEFORLØBSYDELSE";
        line.grundlag = {
            quoted("beløb", money(kontanthjaelpOre(d, order.periode.from.year() - 2023,
                                                   forsorger))),
            flag("forsørger", forsorger),
            plain("forløb", d.chance(60) ? "ressourceforløb" : "jobafklaring")};
        order.forsorgelse = Forsorgelse{d.between(1, 200), std::nullopt};
        break;
    }
    case Kind::Taf: {
        order.fagsystem = "KY";
        order.periode = wholeMonth(d);
        line.ydelse = "TABT_ARBEJDSFORTJENESTE";
        line.grundlag = {quoted("beløb", money(d.ore(6000, 38000, 50)))};
        // Half the cases state the hours (ATP by the A-sats steps); the rest are full time.
        if (d.chance(50)) {
            line.grundlag.push_back(plain("timer", std::to_string(d.between(20, 173))));
        }
        break;
    }
    case Kind::PersonligtTillaeg: {
        order.fagsystem = "KP";
        order.periode = wholeMonth(d);
        line.ydelse = "PERSONLIGT_TILLÆG";
        line.grundlag = {quoted("beløb", money(d.ore(200, 6000, 50)))};
        break;
    }
    case Kind::Sygedagpenge:
    case Kind::SygedagpengeRefusion: {
        const bool refusion = kind == Kind::SygedagpengeRefusion;
        order.fagsystem = "KSD";
        order.periode = calendarWeek(d);
        weekly = true;
        personal = !refusion;
        line.ydelse = refusion ? "SYGEDAGPENGE_REFUSION" : "SYGEDAGPENGE";
        // Most weeks are a full week's sickness; the rest partial (first or last week).
        line.grundlag = {plain("timer", std::to_string(d.chance(60) ? 37 : d.between(1, 36)))};
        // A lower hourly rate when the person's own pay is below the maximum.
        if (d.chance(25)) {
            const std::int64_t maxOre = kMaxTimesatsOre[order.periode.from.year() - 2023];
            line.grundlag.push_back(quoted("timesats", money(d.between(8000, maxOre))));
        }
        if (!refusion) {
            order.forsorgelse = Forsorgelse{d.between(1, 60), std::nullopt};
        }
        break;
    }
    case Kind::Voksenlaerling: {
        order.fagsystem = "KY";
        order.periode = wholeMonth(d);
        personal = false;
        line.ydelse = "VOKSENLÆRLINGETILSKUD";
        line.grundlag = {plain("timer", std::to_string(d.between(40, 173))),
                         plain("kategori", d.chance(60) ? "ledig" : "beskæftiget")};
        break;
    }
    }
    order.ydelser.push_back(std::move(line));

    if (personal) {
        order.modtager = {RecipientType::Cpr, cprNummer(d), true};
        order.skattekort = taxCard(d, weekly);
    } else {
        order.modtager = {d.chance(85) ? RecipientType::Cvr : RecipientType::Se, cvrNummer(d),
                          true};
    }
    // A few recipients have no NemKonto: their payment is held back (status tilbageholdt).
    order.modtager.nemkonto = !d.chance(1);
    if (personal) {
        order.fordringer = openClaims(d, seq);
    }

    // Monthly benefits are paid near the end of the month they cover; employer subsidies the
    // month after; sygedagpenge on the Thursday after the week.
    if (weekly) {
        order.udbetalingsdato = order.periode.to.plusDays(4);
    } else if (order.ydelser.front().ydelse == "VOKSENLÆRLINGETILSKUD") {
        order.udbetalingsdato = order.periode.to.plusDays(10);
    } else {
        order.udbetalingsdato = order.periode.from.plusDays(27);
    }
    const bool correctable =
        kind == Kind::Kontanthjaelp || kind == Kind::Ledighed || kind == Kind::Ressource;
    if (correctable && order.skattekort && d.chance(kCorrectionPercent)) {
        // The period was paid on the usual day; the correction comes one to three months on.
        const Decimal brutto = *Decimal::parse(order.ydelser.front().grundlag.front().value.text);
        order.korrektion = previousPayout(d, brutto, *order.skattekort, order.udbetalingsdato);
        order.udbetalingsdato =
            order.udbetalingsdato.plusDays(static_cast<std::int32_t>(d.between(28, 92)));
    }
    order.ordreId = fmt::format("{}-{}-{:07}", order.fagsystem, order.periode.from.year(), seq);
    return order;
}

std::vector<Order> generateOrders(std::size_t count, std::uint64_t seed) {
    OrderGenerator generator(seed);
    std::vector<Order> orders;
    orders.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        orders.push_back(generator.next());
    }
    return orders;
}

} // namespace ydelse::bench
