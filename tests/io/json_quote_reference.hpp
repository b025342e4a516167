// JSON string escaping spelled out a byte at a time: the reference the writers' fast quoting
// is compared with (json_format_tests, writer_tests).
#pragma once

#include <string>
#include <string_view>

namespace ydelse::testing {

// The escaping spelled out a byte at a time, as the writer's contract has it: UTF-8 sequences
// pass when the lead has the right number of continuations (a two-byte lead not 0xC0/0xC1),
// anything else non-ASCII becomes U+FFFD.
inline std::string referenceQuoted(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x80) {
            const std::size_t length = (byte >> 5) == 0x6 && byte >= 0xC2 ? 2
                                       : (byte >> 4) == 0xE              ? 3
                                       : (byte >> 3) == 0x1E             ? 4
                                                                         : 0;
            bool whole = length != 0 && i + length <= text.size();
            for (std::size_t k = 1; whole && k < length; ++k) {
                whole = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
            }
            if (!whole) {
                out += "\xEF\xBF\xBD";
                ++i;
            } else {
                out.append(text.substr(i, length));
                i += length;
            }
            continue;
        }
        ++i;
        if (byte == '"' || byte == '\\') {
            out += '\\';
            out += static_cast<char>(byte);
        } else if (byte == '\n') {
            out += "\\n";
        } else if (byte == '\r') {
            out += "\\r";
        } else if (byte == '\t') {
            out += "\\t";
        } else if (byte < 0x20 || byte == 0x7f) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        } else {
            out += static_cast<char>(byte);
        }
    }
    return out + "\"";
}

} // namespace ydelse::testing
