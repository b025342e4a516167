// The top level of an order; see order_reader.hpp. The nested parts are in order_sections.cpp.
#include "io/order_reader.hpp"

#include "io/field_reader.hpp"
#include "io/order_sections.hpp"

#include <fmt/format.h>

namespace ydelse::io {
namespace {

ReadOrder syntaxError(std::string besked) {
    ReadOrder result;
    result.errors.push_back(OrderError{std::string(kOrdreSyntaks), "", std::move(besked)});
    return result;
}

// Fills `result` from a mapping node; errors go to `r`.
void readFields(FieldReader& r, const YAML::Node& node, ReadOrder& result) {
    auto map = r.mapOf(Field{node, ""},
                       {"ordre_id", "fagsystem", "kommune", "udbetalingsdato", "periode",
                        "modtager", "ydelser", "forsørgelse", "skattekort", "fordringer",
                        "korrektion"});
    if (!map) {
        return;
    }
    Order order;
    // Read first and kept whatever else fails, so an error record can still echo it.
    result.ordreId = r.text(r.need(*map, "ordre_id"));
    order.ordreId = result.ordreId;
    order.fagsystem = r.text(r.need(*map, "fagsystem")).value_or("");
    order.kommune = r.integer(r.need(*map, "kommune"), 1, 999).value_or(0);
    order.udbetalingsdato = r.date(r.need(*map, "udbetalingsdato")).value_or(Date{});
    order.periode = readPeriode(r, r.need(*map, "periode")).value_or(Period{});
    order.modtager = readModtager(r, r.need(*map, "modtager")).value_or(Recipient{});
    order.ydelser = readYdelser(r, r.need(*map, "ydelser")).value_or(std::vector<OrderLine>{});
    order.forsorgelse = readForsorgelse(r, r.maybe(*map, "forsørgelse"));
    order.skattekort = readSkattekort(r, r.maybe(*map, "skattekort"));
    order.fordringer =
        readFordringer(r, r.maybe(*map, "fordringer")).value_or(std::vector<Claim>{});
    order.korrektion = readKorrektion(r, r.maybe(*map, "korrektion"));
    if (r.errors().empty()) {
        result.order = std::move(order);
    }
}

} // namespace

ReadOrder readOrder(const YAML::Node& node) {
    if (!node.IsMap()) {
        return syntaxError(fmt::format("ordren skal være et objekt med felter (YAML-mapping eller "
                                       "JSON-objekt), fandt {}",
                                       describe(node)));
    }
    ReadOrder result;
    FieldReader r;
    try {
        readFields(r, node, result);
    } catch (const std::exception& e) {
        // Not expected (the readers check before converting), but an order must never throw.
        r.fail(kOrdreSyntaks, "", fmt::format("ordren kunne ikke læses ({})", e.what()));
        result.order.reset();
    }
    result.errors = r.takeErrors();
    return result;
}

ReadOrder readOrderText(std::string_view text) {
    YAML::Node node;
    try {
        node = YAML::Load(std::string(text));
    } catch (const YAML::ParserException& e) {
        return syntaxError(fmt::format("ordren er hverken gyldig YAML eller JSON: fejl i linje {}, "
                                       "kolonne {} (parserens besked: {})",
                                       e.mark.line + 1, e.mark.column + 1, e.msg));
    } catch (const std::exception& e) {
        return syntaxError(
            fmt::format("ordren er hverken gyldig YAML eller JSON (parserens besked: {})",
                        e.what()));
    }
    return readOrder(node);
}

} // namespace ydelse::io
