// Shared helpers of the result writers; see output_common.hpp.
#include "runtime/output/output_common.hpp"

#include "runtime/output/json_format.hpp"

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
    // The JSON writer's escaping, into a buffer on the stack, or for a long text into the
    // string itself (resized to the bound, then back to what was written).
    constexpr std::size_t kStackText = 256;
    if (json::quotedBound(text.size()) <= kStackText) {
        char buffer[kStackText];
        const char* end = json::writeQuoted(buffer, text);
        out.append(buffer, static_cast<std::size_t>(end - buffer));
        return;
    }
    const std::size_t start = out.size();
    out.resize(start + json::quotedBound(text.size()));
    const char* end = json::writeQuoted(out.data() + start, text);
    out.resize(static_cast<std::size_t>(end - out.data()));
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
