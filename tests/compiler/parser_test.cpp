// Parsing: source text -> AST dump, table-driven; syntax errors are positioned diagnostics.
#include "interpreter/ast/ast_printer.hpp"
#include "interpreter/syntax/parser.hpp"

#include <doctest/doctest.h>

using namespace ydelse;

namespace {

struct Parsed {
    std::string dump;
    Diagnostics diagnostics;
};

Parsed parse(const std::string& text) {
    SourceManager sources;
    FileId id = sources.add("t.yk", text);
    ast::Catalog catalog;
    Parsed out;
    parseFile(id, sources, catalog, out.diagnostics);
    out.dump = ast::printCatalog(catalog);
    return out;
}

std::string parseRule(const std::string& expr) {
    Parsed p = parse("regel r(x: Beløb): Beløb { lovgrundlag \"l\" = " + expr + " }");
    REQUIRE_MESSAGE(!p.diagnostics.hasErrors(), expr);
    const std::string prefix = "regel r(x: Beløb): Beløb = ";
    REQUIRE(p.dump.rfind(prefix, 0) == 0);
    return p.dump.substr(prefix.size(), p.dump.size() - prefix.size() - 1);
}

} // namespace

TEST_CASE("expressions parse with the intended precedence") {
    struct Case {
        const char* source;
        const char* tree;
    };
    const Case cases[] = {
        {"1 + 2 * 3", "(1 + (2 * 3))"},
        {"x - 1 kr - 2 kr", "((x - 1 kr) - 2 kr)"},
        {"a og b eller c", "((a og b) eller c)"},
        {"ikke a og b", "((ikke a) og b)"},
        {"hvis a så 1 kr ellers 2 kr + 3 kr", "(hvis a så 1 kr ellers (2 kr + 3 kr))"},
        {"x >= 12.326,00 kr", "(x >= 12326 kr)"},
        {"x × 37 %", "(x * 37 %)"},
        {"max(0 kr; x − 4141 kr)", "max(0 kr; (x - 4141 kr))"},
        {"rund_ned(x; 10 kr)", "rund_ned(x; 10 kr)"},
        {"skattekort.trækprocent", "skattekort.trækprocent"},
        {"vælg t { a, b: 1 kr  c: 2 kr }", "(vælg t { a, b: 1 kr; c: 2 kr; })"},
        {"konto 5.57.73 dranst 1 gruppering 007 art 5.2",
         "konto 5.57.73 dranst 1 gruppering 007 art 5.2"},
        {"logisk skyldig_a_skat", "logisk skyldig_a_skat"},
        {"x * 1,5 %", "(x * 1.5 %)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.source);
        CHECK(parseRule(c.source) == c.tree);
    }
}

TEST_CASE("Danish amounts: unambiguous forms accepted, 12.326 refused") {
    CHECK(parseRule("12326,00 kr") == "12326 kr");
    CHECK(parseRule("12.326,00 kr") == "12326 kr");
    CHECK(parseRule("12326.00 kr") == "12326 kr");
    CHECK(parseRule("1.42") == "1.42");
    Parsed ambiguous = parse("regel r(): Beløb { lovgrundlag \"l\" = 12.326 kr }");
    REQUIRE(ambiguous.diagnostics.errorCount() == 1);
    CHECK(ambiguous.diagnostics.items()[0].code == "K003");
    CHECK(ambiguous.diagnostics.items()[0].range.line == 1);
}

TEST_CASE("syntax errors are collected with positions, and the parser never throws") {
    Parsed p = parse("ydelse X \"x\" {\n  brutto = = 1\n}\nregel (: {\n");
    CHECK(p.diagnostics.errorCount() >= 2);
    for (const Diagnostic& d : p.diagnostics.items()) {
        CHECK(d.code == "K001");
        CHECK(d.range.line > 0);
    }
    CHECK(p.diagnostics.items()[0].range.line == 2);
}

TEST_CASE("nesting depth is bounded") {
    std::string deep(5000, '(');
    Parsed p = parse("regel r(): Beløb { lovgrundlag \"l\" = " + deep + "1 kr }");
    REQUIRE(p.diagnostics.hasErrors());
    bool bounded = false;
    for (const Diagnostic& d : p.diagnostics.items()) {
        bounded = bounded || d.code == "K002";
    }
    CHECK(bounded);
}

TEST_CASE("unknown characters and garbage give diagnostics, not crashes") {
    for (const char* text : {"@@@", "ydelse", "\"unterminated", "ydelse X \"x\" { brutto = }",
                             "\xff\xfe", "katalog \"a\" version"}) {
        CAPTURE(text);
        Parsed p = parse(text);
        CHECK(p.diagnostics.hasErrors());
    }
}

TEST_CASE("versions and period units parse into the declarations") {
    Parsed p = parse(R"(
regel r(x: Beløb pr. måned; y: Beløb pr uge): Beløb pr. måned {
  lovgrundlag "l"
  version "2"
  gyldig fra 2025-02-01 til 2025-12-31
  bevidst hul "ophævet i januar"
  = x
}
kontering K(u: Konto) { lovgrundlag "k" version "1" gyldig fra 2024-01-01 brutto: debet u kredit u }
)");
    REQUIRE_FALSE(p.diagnostics.hasErrors());
    CHECK(p.dump.find("regel r(x: Beløb pr. måned; y: Beløb pr. uge): Beløb pr. måned gyldig fra "
                      "2025-02-01 til 2025-12-31 bevidst hul \"ophævet i januar\" = x") !=
          std::string::npos);
    CHECK(p.dump.find("kontering K(u: Konto) gyldig fra 2024-01-01") != std::string::npos);
    // `pr`, `hul` and `bevidst` stay usable as names.
    CHECK_FALSE(parse("regel pr(hul: Beløb; bevidst: Heltal): Beløb { lovgrundlag \"l\" = hul }")
                    .diagnostics.hasErrors());
}
