// Reading test files: well-formed cases, and malformed ones reported with file and line.
#include "io/test_file.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace ydelse;

namespace {

bool hasError(const io::TestFile& file, const std::string& start) {
    for (const std::string& e : file.errors) {
        if (e.rfind(start, 0) == 0) {
            return true;
        }
    }
    return false;
}

void showErrors(const io::TestFile& file) {
    for (const std::string& e : file.errors) {
        MESSAGE(e);
    }
}

} // namespace

TEST_CASE("a test file's cases are read with their line") {
    const io::TestFile file = io::readTestText(R"(# kontanthjælp
- navn: almindelig
  ordre: {ordre_id: "A"}
  forventet:
    beløb: {netto: "9237.00"}
- navn: afvist
  ordre: {ordre_id: "B"}
  fejl: [FELT_TYPE, FELT_MANGLER]
)",
                                               "k.yaml");
    showErrors(file);
    REQUIRE(file.errors.empty());
    REQUIRE(file.cases.size() == 2);
    CHECK(file.cases[0].navn == "almindelig");
    CHECK(file.cases[0].line == 2);
    CHECK(file.cases[0].ordre["ordre_id"].Scalar() == "A");
    REQUIRE(file.cases[0].forventet.has_value());
    CHECK((*file.cases[0].forventet)["beløb"]["netto"].Scalar() == "9237.00");
    CHECK(file.cases[0].fejl.empty());
    CHECK(file.cases[1].line == 6);
    CHECK_FALSE(file.cases[1].forventet.has_value());
    CHECK(file.cases[1].fejl == std::vector<std::string>{"FELT_TYPE", "FELT_MANGLER"});
}

TEST_CASE("malformed cases are reported with file and line, the others are kept") {
    const io::TestFile file = io::readTestText(R"(- navn: god
  ordre: {ordre_id: "A"}
  forventet: {status: effektueret}
- ordre: {ordre_id: "B"}
  forventet: {status: effektueret}
- navn: uden ordre
  forventet: {status: effektueret}
- navn: uden forventning
  ordre: {ordre_id: "C"}
- navn: god
  ordre: {ordre_id: "D"}
  fejl: [FELT_TYPE]
- navn: stavefejl
  ordre: {ordre_id: "E"}
  forventede: {status: effektueret}
- navn: begge
  ordre: {ordre_id: "F"}
  forventet: {status: afvist}
  fejl: [FELT_TYPE]
- navn: tomme fejl
  ordre: {ordre_id: "G"}
  fejl: []
)",
                                               "t.yaml");
    showErrors(file);
    REQUIRE(file.cases.size() == 1);
    CHECK(file.cases[0].navn == "god");
    CHECK(hasError(file, "t.yaml:4: testtilfældet mangler navn"));
    CHECK(hasError(file, "t.yaml:6: \"uden ordre\" mangler ordre"));
    CHECK(hasError(file, "t.yaml:8: \"uden forventning\" har hverken forventet eller fejl"));
    CHECK(hasError(file, "t.yaml:10: navnet \"god\" er allerede brugt i linje 1"));
    CHECK(hasError(file, "t.yaml:15: ukendt felt \"forventede\""));
    CHECK(hasError(file, "t.yaml:16: \"begge\" har både forventet og fejl"));
    CHECK(hasError(file, "t.yaml:22: fejl i \"tomme fejl\" skal være en ikke-tom liste"));
}

TEST_CASE("a file that is not a list of cases, or not YAML, is one error") {
    const io::TestFile map = io::readTestText("navn: x\nordre: {}\n", "m.yaml");
    CHECK(map.cases.empty());
    REQUIRE(map.errors.size() == 1);
    CHECK(map.errors[0].rfind("m.yaml:1: en testfil skal være en liste", 0) == 0);
    const io::TestFile broken = io::readTestText("- navn: x\n  ordre: {a: [1\n", "b.yaml");
    REQUIRE(broken.errors.size() == 1);
    CHECK(broken.errors[0].rfind("b.yaml:3:", 0) == 0);
    CHECK(io::readTestText("", "e.yaml").errors.size() == 1);
}

TEST_CASE("readTestFile reads from disk and reports a missing file") {
    const auto dir = std::filesystem::temp_directory_path() / "ydelse_io_tests";
    std::filesystem::create_directories(dir);
    const auto path = dir / "sag.yaml";
    {
        std::ofstream out(path);
        out << "- navn: x\n  ordre: {ordre_id: \"A\"}\n  fejl: [FELT_TYPE]\n";
    }
    const io::TestFile file = io::readTestFile(path);
    CHECK(file.errors.empty());
    REQUIRE(file.cases.size() == 1);
    CHECK(file.cases[0].fejl == std::vector<std::string>{"FELT_TYPE"});
    std::filesystem::remove(path);
    const io::TestFile missing = io::readTestFile(dir / "findes_ikke.yaml");
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].find("findes_ikke.yaml: filen kan ikke åbnes") != std::string::npos);
}
