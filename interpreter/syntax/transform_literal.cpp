// Transformer: literal values. Numbers may be written the Danish way where that is unambiguous:
// 12326, 12326.00, 12326,00 and 12.326,00 all mean the same; 12.326 alone could be either twelve
// thousand or twelve point three, so it is refused.
#include "interpreter/syntax/transformer.hpp"

#include <fmt/format.h>

namespace ydelse {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : s) {
        if (c == sep) {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    return parts;
}

} // namespace

std::optional<Decimal> Transformer::numberValue(antlr4::Token* token) {
    if (token == nullptr) {
        return std::nullopt;
    }
    const std::string text = token->getText();
    const std::size_t comma = text.find(',');
    std::string integerPart = comma == std::string::npos ? text : text.substr(0, comma);
    std::string fraction = comma == std::string::npos ? "" : text.substr(comma + 1);
    std::vector<std::string> groups = split(integerPart, '.');

    auto reject = [&](const std::string& why) -> std::optional<Decimal> {
        diagnostics_.error("K003", range(token), fmt::format("tallet '{}' {}", text, why));
        return std::nullopt;
    };

    std::string plain;
    if (comma != std::string::npos) {
        // Decimal comma: any points are thousands separators and must group by three.
        for (std::size_t i = 1; i < groups.size(); ++i) {
            if (groups[i].size() != 3) {
                return reject("har tusindtalsskilletegn, der ikke står for hver tredje ciffer");
            }
        }
        for (const std::string& g : groups) {
            plain += g;
        }
        plain += "." + fraction;
    } else if (groups.size() == 1) {
        plain = text;
    } else if (groups.size() == 2 && groups[1].size() != 3) {
        plain = text; // one point, not followed by exactly three digits: a decimal point
    } else if (groups.size() == 2) {
        return reject("er tvetydigt: skriv 12326 eller 12.326,00 for et tal i tusinder og "
                      "12,326 for et decimaltal");
    } else {
        return reject("har flere punktummer; brug komma som decimaltegn, f.eks. 12.326,00");
    }
    std::optional<Decimal> value = Decimal::parse(plain);
    if (!value) {
        return reject("er ikke et gyldigt tal");
    }
    return value;
}

std::string Transformer::stringValue(antlr4::Token* token) {
    if (token == nullptr) {
        return {};
    }
    const std::string raw = token->getText();
    std::string out;
    for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 2 < raw.size()) {
            ++i;
            out += raw[i] == 'n' ? '\n' : raw[i];
        } else {
            out += raw[i];
        }
    }
    return out;
}

std::optional<Date> Transformer::dateValue(antlr4::Token* token) {
    if (token == nullptr) {
        return std::nullopt;
    }
    std::optional<Date> date = Date::parse(token->getText());
    if (!date) {
        diagnostics_.error("K005", range(token),
                           fmt::format("'{}' er ikke en gyldig dato", token->getText()));
    }
    return date;
}

} // namespace ydelse
