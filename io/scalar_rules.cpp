#include "io/scalar_rules.hpp"

#include "io/order_reader.hpp"
#include "io/plain_scalars.hpp"

#include <fmt/format.h>

#include <charconv>

namespace ydelse::io::rules {
namespace {

std::size_t writtenDecimals(std::string_view text) {
    const std::size_t point = text.find('.');
    return point == std::string_view::npos ? 0 : text.size() - point - 1;
}

template <typename T>
std::optional<T> refuse(Problem& problem, std::string_view kode, std::string besked) {
    problem = {kode, std::move(besked)};
    return std::nullopt;
}

} // namespace

std::string joinChoices(std::span<const std::string_view> allowed) {
    std::string joined;
    for (std::string_view value : allowed) {
        joined += joined.empty() ? "" : ", ";
        joined += value;
    }
    return joined;
}

RecipientType recipientType(std::string_view name) {
    if (name == "cvr") {
        return RecipientType::Cvr;
    }
    return name == "se" ? RecipientType::Se : RecipientType::Cpr;
}

TaxCardType taxCardType(std::string_view name) {
    if (name == "hovedkort") {
        return TaxCardType::Hovedkort;
    }
    if (name == "bikort") {
        return TaxCardType::Bikort;
    }
    return name == "frikort" ? TaxCardType::Frikort : TaxCardType::Intet;
}

bool oneOf(std::string_view text, std::span<const std::string_view> allowed,
           Problem& problem) {
    for (std::string_view candidate : allowed) {
        if (text == candidate) {
            return true;
        }
    }
    problem = {kFeltVaerdi,
               fmt::format("ukendt værdi \"{}\"; tilladt: {}", text, joinChoices(allowed))};
    return false;
}

// Each rule first tries the form nearly every order has (plain_scalars.hpp); what is left is
// rare, so the rest is written for clarity and for its messages.

std::optional<Date> date(std::string_view t, Problem& problem) {
    if (std::optional<Date> parsed = plainDate(t)) {
        return parsed;
    }
    const bool shaped = t.size() == 10 && t[4] == '-' && t[7] == '-' &&
                        allDigits(t.substr(0, 4)) && allDigits(t.substr(5, 2)) &&
                        allDigits(t.substr(8, 2));
    if (!shaped) {
        return refuse<Date>(
            problem, kFeltType,
            fmt::format("datoen \"{}\" er ikke en dato på formen ÅÅÅÅ-MM-DD", t));
    }
    std::optional<Date> parsed = Date::parse(t);
    if (!parsed) {
        return refuse<Date>(
            problem, kFeltVaerdi,
            fmt::format("datoen \"{}\" findes ikke (eller ligger uden for 1900-2999)", t));
    }
    return parsed;
}

std::optional<Decimal> amount(std::string_view text, Problem& problem) {
    if (std::optional<Decimal> parsed = plainAmount(text)) {
        return parsed;
    }
    static const Decimal kMax = Decimal::fromInt(1'000'000'000);
    std::optional<Decimal> parsed = Decimal::parse(text);
    if (!parsed || writtenDecimals(text) > 2) {
        return refuse<Decimal>(
            problem, kFeltType,
            fmt::format("beløbet \"{}\" er ikke et decimaltal med punktum og højst to decimaler",
                        text));
    }
    if (parsed->isNegative()) {
        return refuse<Decimal>(problem, kFeltVaerdi,
                               fmt::format("beløbet \"{}\" er negativt", text));
    }
    if (*parsed > kMax) {
        return refuse<Decimal>(
            problem, kFeltVaerdi,
            fmt::format("urimeligt stort beløb \"{}\" (højst 1000000000.00)", text));
    }
    return parsed;
}

std::optional<Decimal> percent(std::string_view text, Problem& problem) {
    if (std::optional<Decimal> parsed = plainPercent(text)) {
        return parsed;
    }
    std::optional<Decimal> parsed = Decimal::parse(text);
    if (!parsed) {
        return refuse<Decimal>(
            problem, kFeltType,
            fmt::format("procentsatsen \"{}\" er ikke et decimaltal med punktum", text));
    }
    if (parsed->isNegative() || *parsed > Decimal::fromInt(100)) {
        return refuse<Decimal>(
            problem, kFeltVaerdi,
            fmt::format("procentsatsen \"{}\" ligger ikke mellem 0 og 100", text));
    }
    return parsed;
}

std::optional<std::int64_t> integer(std::string_view text, std::int64_t min, std::int64_t max,
                                    Problem& problem) {
    if (std::optional<std::int64_t> number = plainInteger(text, min, max)) {
        return number;
    }
    if (!allDigits(text) || text.size() > 18) {
        return refuse<std::int64_t>(problem, kFeltType,
                                    fmt::format("forventede et heltal, fandt \"{}\"", text));
    }
    std::int64_t number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number);
    if (number < min || number > max) {
        return refuse<std::int64_t>(
            problem, kFeltVaerdi,
            fmt::format("tallet {} ligger ikke mellem {} og {}", number, min, max));
    }
    return number;
}

std::optional<bool> boolean(std::string_view text, bool quoted, Problem& problem) {
    if (!quoted && (text == "true" || text == "false")) {
        return text == "true";
    }
    const std::string shown =
        quoted ? fmt::format("teksten \"{}\"", text) : fmt::format("\"{}\"", text);
    return refuse<bool>(problem, kFeltType,
                        fmt::format("forventede true eller false, fandt {}", shown));
}

} // namespace ydelse::io::rules
