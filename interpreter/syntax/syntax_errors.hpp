// Takes over ANTLR's error reporting: syntax errors become positioned Danish diagnostics, and
// recovery and nesting are bounded so that no input can make the parser run away.
#pragma once

#include "antlr4-runtime.h"
#include "interpreter/source/diagnostics.hpp"

namespace ydelse {

struct TooManySyntaxErrors {};
struct NestingTooDeep {
    SourceRange at;
};

class SyntaxErrorListener final : public antlr4::BaseErrorListener {
public:
    SyntaxErrorListener(FileId file, Diagnostics& diagnostics, std::size_t maxErrors)
        : file_(file), diagnostics_(diagnostics), maxErrors_(maxErrors) {}

    void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                     size_t charPositionInLine, const std::string& msg,
                     std::exception_ptr e) override;

private:
    FileId file_;
    Diagnostics& diagnostics_;
    std::size_t maxErrors_;
    std::size_t count_ = 0;
};

/// Stops parsing when rule contexts nest deeper than the limit (deeply nested expressions).
class NestingLimit final : public antlr4::tree::ParseTreeListener {
public:
    explicit NestingLimit(std::size_t max) : max_(max) {}
    void visitTerminal(antlr4::tree::TerminalNode*) override {}
    void visitErrorNode(antlr4::tree::ErrorNode*) override {}
    void enterEveryRule(antlr4::ParserRuleContext* ctx) override;
    void exitEveryRule(antlr4::ParserRuleContext*) override {
        if (depth_ > 0) {
            --depth_;
        }
    }

private:
    std::size_t max_;
    std::size_t depth_ = 0;
};

} // namespace ydelse
