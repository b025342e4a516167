// The example order and helpers; see order_fixture.hpp.
#include "order_fixture.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

namespace ydelse::test {

const std::string_view kContractOrderYaml = R"(ordre_id: "KY-2024-000001"
fagsystem: KY
kommune: 561
udbetalingsdato: 2024-03-28
periode: {fra: 2024-03-01, til: 2024-03-31}
modtager:
  type: cpr
  nummer: "0101801234"
  nemkonto: true
ydelser:
  - ydelse: KONTANTHJÆLP
    grundlag: {beløb: "12326.00", forsørger: false}
forsørgelse:
  uge: 30
  måneder: 14
skattekort:
  type: hovedkort
  trækprocent: "37"
  fradrag: "4141.00"
  frikort_rest: "0.00"
fordringer:
  - id: "F-1"
    type: KTTIBAK
    kategori: anden
    fordringshaver: egen_kommune
    modtaget: 2023-05-01
    rente: "0.00"
    hovedstol: "2500.00"
korrektion:
  tidligere:
    udbetalingsdato: 2024-02-28
    brutto: "12326.00"
    atp_egen: "99.00"
    am_bidrag: "0.00"
    a_skat: "2990.00"
    netto: "9237.00"
)";

const std::string_view kContractOrderJson = R"({
  "ordre_id": "KY-2024-000001", "fagsystem": "KY", "kommune": 561,
  "udbetalingsdato": "2024-03-28", "periode": {"fra": "2024-03-01", "til": "2024-03-31"},
  "modtager": {"type": "cpr", "nummer": "0101801234", "nemkonto": true},
  "ydelser": [{"ydelse": "KONTANTHJÆLP", "grundlag": {"beløb": "12326.00", "forsørger": false}}],
  "forsørgelse": {"uge": 30, "måneder": 14},
  "skattekort": {"type": "hovedkort", "trækprocent": "37", "fradrag": "4141.00",
                 "frikort_rest": "0.00"},
  "fordringer": [{"id": "F-1", "type": "KTTIBAK", "kategori": "anden",
                  "fordringshaver": "egen_kommune", "modtaget": "2023-05-01",
                  "rente": "0.00", "hovedstol": "2500.00"}],
  "korrektion": {"tidligere": {"udbetalingsdato": "2024-02-28", "brutto": "12326.00",
                 "atp_egen": "99.00", "am_bidrag": "0.00", "a_skat": "2990.00",
                 "netto": "9237.00"}}
})";

std::string replaced(std::string_view text, std::string_view from, std::string_view to) {
    std::string result(text);
    const std::size_t at = result.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "the fixture has no '" << from << "'");
    result.replace(at, from.size(), to);
    return result;
}

io::ReadOrder readVariant(std::string_view from, std::string_view to) {
    return io::readOrderText(replaced(kContractOrderYaml, from, to));
}

OrderError onlyError(const io::ReadOrder& read) {
    for (const OrderError& e : read.errors) {
        MESSAGE(e.kode << " " << e.felt << ": " << e.besked);
    }
    REQUIRE(read.errors.size() == 1);
    CHECK_FALSE(read.order.has_value());
    return read.errors.front();
}

namespace {

std::string optionalDecimal(const std::optional<Decimal>& value) {
    return value ? value->toString(2) : "-";
}

} // namespace

std::string describeOrder(const Order& o) {
    std::string text = fmt::format(
        "ordre_id={} fagsystem={} kommune={} udbetalingsdato={} periode={}..{}\n"
        "modtager={} {} nemkonto={}\n",
        o.ordreId.value_or("-"), o.fagsystem, o.kommune, o.udbetalingsdato.toString(),
        o.periode.from.toString(), o.periode.to.toString(), static_cast<int>(o.modtager.type),
        o.modtager.nummer, o.modtager.nemkonto);
    for (const OrderLine& line : o.ydelser) {
        text += fmt::format("ydelse {}:", line.ydelse);
        for (const GrundlagField& f : line.grundlag) {
            text += fmt::format(" {}={}{}", f.name, f.value.text, f.value.quoted ? "(q)" : "");
        }
        text += '\n';
    }
    if (o.forsorgelse) {
        text += fmt::format("forsørgelse uge={} måneder={}\n", o.forsorgelse->uge.value_or(-1),
                            o.forsorgelse->maaneder.value_or(-1));
    }
    if (o.skattekort) {
        text += fmt::format("skattekort {} {} {} {}\n", static_cast<int>(o.skattekort->type),
                            optionalDecimal(o.skattekort->traekprocent),
                            optionalDecimal(o.skattekort->fradrag),
                            optionalDecimal(o.skattekort->frikortRest));
    }
    for (const Claim& c : o.fordringer) {
        text += fmt::format("fordring {} {} {} {} {} {} {}\n", c.id, c.type, c.kategori,
                            c.fordringshaver, c.modtaget.toString(), c.rente.toString(2),
                            c.hovedstol.toString(2));
    }
    if (o.korrektion) {
        const PreviousPayout& k = *o.korrektion;
        text += fmt::format("korrektion {} {} {} {} {} {}\n", k.udbetalingsdato.toString(),
                            k.brutto.toString(2), k.atpEgen.toString(2), k.amBidrag.toString(2),
                            k.aSkat.toString(2), k.netto.toString(2));
    }
    return text;
}

} // namespace ydelse::test
