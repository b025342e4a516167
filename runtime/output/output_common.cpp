// Shared helpers of the result writers; see output_common.hpp.
#include "runtime/output/output_common.hpp"

#include <fmt/format.h>

namespace ydelse {

std::string_view statusName(ResultStatus status) {
    switch (status) {
    case ResultStatus::Effektueret:
        return "effektueret";
    case ResultStatus::Tilbageholdt:
        return "tilbageholdt";
    case ResultStatus::Afvist:
        return "afvist";
    }
    return "afvist";
}

std::string_view lineArtName(LineArt art) {
    switch (art) {
    case LineArt::Brutto:
        return "brutto";
    case LineArt::AtpEgen:
        return "atp_egen";
    case LineArt::AmBidrag:
        return "am_bidrag";
    case LineArt::ASkat:
        return "a_skat";
    case LineArt::Modregning:
        return "modregning";
    case LineArt::Tilbageholdt:
        return "tilbageholdt";
    case LineArt::Netto:
        return "netto";
    }
    return "brutto";
}

std::string_view recipientTypeName(RecipientType type) {
    switch (type) {
    case RecipientType::Cpr:
        return "cpr";
    case RecipientType::Cvr:
        return "cvr";
    case RecipientType::Se:
        return "se";
    }
    return "cpr";
}

void appendQuoted(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            // DEL is legal in JSON but not printable in YAML; escaping it suits both.
            if (byte < 0x20 || byte == 0x7f) {
                out += fmt::format("\\u{:04x}", static_cast<unsigned>(byte));
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

bool isPlainNumber(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-') {
        ++i;
    }
    const std::size_t intStart = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        ++i;
    }
    const std::size_t intLength = i - intStart;
    // JSON forbids leading zeros ("007"), so such values stay strings.
    if (intLength == 0 || (intLength > 1 && text[intStart] == '0')) {
        return false;
    }
    if (i == text.size()) {
        return true;
    }
    if (text[i] != '.') {
        return false;
    }
    ++i;
    const std::size_t fracStart = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        ++i;
    }
    return i == text.size() && i > fracStart;
}

std::string moneyText(const Decimal& amount) { return amount.toMoneyString(); }

} // namespace ydelse
