#include "interpreter/syntax/syntax_errors.hpp"

#include <fmt/format.h>

namespace ydelse {
namespace {

// ANTLR names tokens by their literal ('ydelse') or rule name (IDENT); authors read Danish.
std::string describeToken(antlr4::Token* token) {
    if (token == nullptr) {
        return "noget uventet";
    }
    if (token->getType() == antlr4::Token::EOF) {
        return "slutningen af filen";
    }
    return fmt::format("'{}'", token->getText());
}

std::string translateExpected(const std::string& antlrMessage) {
    // ANTLR: "mismatched input 'x' expecting {'a', 'b'}" / "missing X at 'y'" /
    // "extraneous input 'x' expecting ..." / "no viable alternative at input 'x'".
    const std::string key = "expecting ";
    std::size_t at = antlrMessage.find(key);
    if (at == std::string::npos) {
        return "";
    }
    std::string expected = antlrMessage.substr(at + key.size());
    if (expected.size() > 120) {
        return ""; // a long list helps nobody; the caret says enough
    }
    return fmt::format("; forventede {}", expected);
}

} // namespace

void SyntaxErrorListener::syntaxError(antlr4::Recognizer*, antlr4::Token* offending, size_t line,
                                      size_t charPositionInLine, const std::string& msg,
                                      std::exception_ptr) {
    if (++count_ > maxErrors_) {
        throw TooManySyntaxErrors{};
    }
    SourceRange range{file_, static_cast<std::uint32_t>(line),
                      static_cast<std::uint32_t>(charPositionInLine + 1), 1};
    if (offending != nullptr && offending->getType() != antlr4::Token::EOF &&
        offending->getStopIndex() >= offending->getStartIndex()) {
        range.length =
            static_cast<std::uint32_t>(offending->getStopIndex() - offending->getStartIndex() + 1);
    }
    std::string message;
    if (offending == nullptr) {
        // Lexer errors carry no token; ANTLR's text names the character.
        std::size_t quote = msg.find('\'');
        std::string what = quote == std::string::npos ? msg : msg.substr(quote);
        message = fmt::format("ukendt tegn {}", what);
    } else if (msg.rfind("missing", 0) == 0) {
        message = fmt::format("der mangler noget før {}{}", describeToken(offending),
                              translateExpected(msg));
    } else if (offending->getText() == "=") {
        // '=' only defines; a stray one is a comparison written with '=' or a definition whose
        // expression on the line before was left unfinished and swallowed this line's name.
        message = "uventet '='; sammenlign med ==, og se efter en ufærdig definition på linjen "
                  "før";
    } else {
        message = fmt::format("uventet {}{}", describeToken(offending), translateExpected(msg));
    }
    diagnostics_.error("K001", range, message);
}

void NestingLimit::enterEveryRule(antlr4::ParserRuleContext* ctx) {
    if (++depth_ > max_) {
        antlr4::Token* t = ctx->getStart();
        SourceRange at{};
        if (t != nullptr) {
            at.line = static_cast<std::uint32_t>(t->getLine());
            at.column = static_cast<std::uint32_t>(t->getCharPositionInLine() + 1);
        }
        throw NestingTooDeep{at};
    }
}

} // namespace ydelse
