// The strict JSON checker; see json_syntax.hpp. Moved here from `ydelse batch`, which used it
// before yaml-cpp read the line, so that batch's messages stay as they were.
#include "io/json_syntax.hpp"

#include <fmt/format.h>

namespace ydelse::io {
namespace {

// A recursive-descent check of RFC 8259 syntax that stops at the first fault. It does not check
// UTF-8; simdjson does.
class JsonChecker {
public:
    explicit JsonChecker(std::string_view text) : text_(text) {}

    std::optional<JsonFault> checkObjectLine() {
        skipSpace();
        const std::size_t start = pos_;
        if (atEnd() || peek() != '{') {
            // Say whether the line is some other JSON value (`[…]`, `"…"`) or no JSON at all.
            bool json = value(0);
            skipSpace();
            json = json && atEnd();
            return JsonFault{start, "en ordre skal være et JSON-objekt {…}", json};
        }
        if (!value(0)) {
            return fault_;
        }
        skipSpace();
        if (pos_ != text_.size()) {
            return JsonFault{pos_, "uventet tekst efter objektets afsluttende '}'", false};
        }
        return std::nullopt;
    }

private:
    bool fail(const char* what) {
        fault_ = JsonFault{pos_, what, false};
        return false;
    }
    bool atEnd() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }
    void skipSpace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n')) {
            ++pos_;
        }
    }
    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) {
            return fail("ukendt værdi (forventede tekst i \"…\", et tal, et objekt, en liste, "
                        "true, false eller null)");
        }
        pos_ += word.size();
        return true;
    }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static bool isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    bool digits() {
        if (atEnd() || !isDigit(peek())) {
            return fail("et ciffer forventet i tallet");
        }
        while (!atEnd() && isDigit(peek())) {
            ++pos_;
        }
        return true;
    }
    bool number() {
        if (peek() == '-') {
            ++pos_;
        }
        if (!atEnd() && peek() == '0') {
            ++pos_;
        } else if (!digits()) {
            return false;
        }
        if (!atEnd() && peek() == '.') {
            ++pos_;
            if (!digits()) {
                return false;
            }
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            ++pos_;
            if (!atEnd() && (peek() == '+' || peek() == '-')) {
                ++pos_;
            }
            if (!digits()) {
                return false;
            }
        }
        return true;
    }
    bool string() {
        ++pos_; // the opening quote
        while (!atEnd()) {
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) {
                return fail("kontroltegn i tekst skal skrives med \\-escape");
            }
            if (c != '\\') {
                ++pos_;
                continue;
            }
            ++pos_;
            if (atEnd()) {
                break;
            }
            const char e = peek();
            if (e == 'u') {
                for (int i = 1; i <= 4; ++i) {
                    if (pos_ + i >= text_.size() || !isHex(text_[pos_ + i])) {
                        return fail("\\u skal følges af fire hexcifre");
                    }
                }
                pos_ += 5;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                       e == 'r' || e == 't') {
                ++pos_;
            } else {
                return fail("ukendt escape-sekvens i tekst");
            }
        }
        return fail("teksten mangler sit afsluttende '\"'");
    }
    // An object or array: `open` already seen at pos_.
    bool container(int depth, bool object) {
        const char close = object ? '}' : ']';
        ++pos_;
        skipSpace();
        if (!atEnd() && peek() == close) {
            ++pos_;
            return true;
        }
        while (true) {
            skipSpace();
            if (object) {
                if (atEnd()) {
                    return fail("linjen slutter, før objektet er lukket med '}'");
                }
                if (peek() != '"') {
                    return fail("et feltnavn i \"…\" forventet");
                }
                if (!string()) {
                    return false;
                }
                skipSpace();
                if (atEnd() || peek() != ':') {
                    return fail("':' forventet efter feltnavnet");
                }
                ++pos_;
            }
            if (!value(depth + 1)) {
                return false;
            }
            skipSpace();
            if (atEnd()) {
                return fail(object ? "linjen slutter, før objektet er lukket med '}'"
                                   : "linjen slutter, før listen er lukket med ']'");
            }
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == close) {
                ++pos_;
                return true;
            }
            return fail(object ? "',' eller '}' forventet" : "',' eller ']' forventet");
        }
    }
    bool value(int depth) {
        if (depth > kMaxJsonDepth) {
            return fail("for dyb indlejring af objekter og lister");
        }
        skipSpace();
        if (atEnd()) {
            return fail("en værdi forventet, men linjen slutter");
        }
        switch (peek()) {
        case '{':
            return container(depth, true);
        case '[':
            return container(depth, false);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            if (peek() == '-' || isDigit(peek())) {
                return number();
            }
            return literal("true"); // fails with the "unknown value" message
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    JsonFault fault_;
};

} // namespace

std::optional<JsonFault> checkJsonObject(std::string_view text) {
    return JsonChecker(text).checkObjectLine();
}

std::string describeJsonFault(std::string_view text, const JsonFault& fault) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < fault.offset && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) { // UTF-8 continuation bytes are not characters
            ++column;
        }
    }
    const std::string where = text.find('\n') == std::string_view::npos
                                  ? fmt::format("kolonne {}", column)
                                  : fmt::format("linje {}, kolonne {}", line, column);
    return fmt::format("{}{} ({})", fault.json ? "" : "ikke gyldig JSON: ", fault.what, where);
}

} // namespace ydelse::io
