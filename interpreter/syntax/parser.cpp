// Stage 1 driver: runs ANTLR on one file with our error listener and limits, then the
// Transformer. ANTLR's objects are locals here, so nothing outlives the call.
#include "interpreter/syntax/parser.hpp"
#include "interpreter/syntax/transformer.hpp"

#include "KatalogLexer.h"
#include "KatalogParser.h"
#include "interpreter/syntax/syntax_errors.hpp"
#include "interpreter/syntax/transformer.hpp"

#include <fmt/format.h>

namespace ydelse {

bool parseFile(FileId file, const SourceManager& sources, ast::Catalog& into,
               Diagnostics& diagnostics, const ParseLimits& limits) {
    const std::size_t errorsBefore = diagnostics.errorCount();
    try {
        antlr4::ANTLRInputStream input(sources.file(file).text());
        katalog_grammar::KatalogLexer lexer(&input);
        antlr4::CommonTokenStream tokens(&lexer);
        katalog_grammar::KatalogParser parser(&tokens);

        SyntaxErrorListener listener(file, diagnostics, limits.maxSyntaxErrors);
        lexer.removeErrorListeners();
        lexer.addErrorListener(&listener);
        parser.removeErrorListeners();
        parser.addErrorListener(&listener);
        NestingLimit nesting(limits.maxNesting);
        parser.addParseListener(&nesting);

        katalog_grammar::KatalogParser::KatalogFilContext* tree = parser.katalogFil();
        if (diagnostics.errorCount() > errorsBefore) {
            return false; // a partial tree after recovery would only add follow-on errors
        }
        Transformer transformer(file, into, diagnostics);
        transformer.transformFile(*tree);
    } catch (const TooManySyntaxErrors&) {
        diagnostics.error("K002", {file, 0, 0, 1},
                          fmt::format("for mange syntaksfejl; læsningen af filen er stoppet efter "
                                      "{}",
                                      limits.maxSyntaxErrors));
    } catch (const NestingTooDeep& e) {
        SourceRange at = e.at;
        at.file = file;
        diagnostics.error("K002", at,
                          fmt::format("udtrykket er indlejret dybere end {} niveauer",
                                      limits.maxNesting));
    } catch (const std::exception& e) {
        diagnostics.error("K001", {file, 0, 0, 1},
                          fmt::format("filen kunne ikke læses: {}", e.what()));
    }
    return diagnostics.errorCount() == errorsBefore;
}

} // namespace ydelse
