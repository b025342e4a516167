// Shared helpers of the result writers; see output_common.hpp.
#include "runtime/output/output_common.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

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

namespace {

// Length of the well-formed UTF-8 sequence starting at text[i], or 0 if it is not one.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                                          : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size() || (length == 2 && lead < 0xC2)) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
            return 0;
        }
    }
    return length;
}

// True when none of the 8 bytes at `p` needs attention in appendQuoted: each is printable
// ASCII other than '"' and '\\'. Bit tricks on one 64-bit word ("has a byte less than n",
// "has a zero byte"); they answer exactly whether such a byte exists.
bool plainAscii8(const char* p) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t high = 0x8080808080808080ULL;
    auto hasZero = [&](std::uint64_t v) { return ((v - ones) & ~v & high) != 0; };
    const bool below20 = ((w - ones * 0x20) & ~w & high) != 0;
    return (w & high) == 0 && !below20 && !hasZero(w ^ (ones * '"')) &&
           !hasZero(w ^ (ones * '\\')) && !hasZero(w ^ (ones * 0x7f));
}

} // namespace

void appendQuoted(std::string& out, std::string_view text) {
    out += '"';
    // Runs of characters that pass through unchanged are appended in one piece: appending byte
    // by byte made this the batch's hottest function.
    std::size_t run = 0;
    std::size_t i = 0;
    auto flush = [&] {
        out.append(text.data() + run, i - run);
    };
    while (i < text.size()) {
        // Eight plain characters at a time; a word with anything else goes byte by byte.
        if (i + 8 <= text.size() && plainAscii8(text.data() + i)) {
            i += 8;
            continue;
        }
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7f && byte != '"' && byte != '\\') {
            ++i;
            continue;
        }
        if (byte >= 0x80) {
            // Invalid UTF-8 (e.g. an ordre_id in Latin-1) would make the JSON unreadable; it
            // becomes U+FFFD, the replacement character.
            const std::size_t length = utf8SequenceLength(text, i);
            if (length != 0) {
                i += length;
                continue;
            }
            flush();
            out += "\ufffd";
            run = ++i;
            continue;
        }
        flush();
        switch (byte) {
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
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(byte));
        }
        run = ++i;
    }
    flush();
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
