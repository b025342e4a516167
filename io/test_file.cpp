// Test-file reading; see test_file.hpp. A malformed case is reported and left out, the others
// still run, so one typo does not hide the results of a whole file.
#include "io/test_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

namespace ydelse::io {
namespace {

int lineOf(const YAML::Node& node) { return node.Mark().line + 1; }

class CaseReader {
public:
    CaseReader(std::string_view fileName, TestFile& file) : fileName_(fileName), file_(file) {}

    void read(const YAML::Node& node, std::size_t index) {
        const int line = lineOf(node);
        if (!node.IsMap()) {
            fail(line, fmt::format("testtilfælde nr. {} skal være et objekt med navn, ordre og "
                                   "forventet eller fejl",
                                   index + 1));
            return;
        }
        TestCase testCase;
        testCase.line = line;
        bool ok = true;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
            if (key != "navn" && key != "ordre" && key != "forventet" && key != "fejl") {
                fail(lineOf(it->first),
                     fmt::format("ukendt felt \"{}\" i testtilfælde; tilladt: navn, ordre, "
                                 "forventet, fejl",
                                 key));
                ok = false;
            }
        }
        const YAML::Node navn = node["navn"];
        if (!navn || !navn.IsScalar() || navn.Scalar().empty()) {
            fail(line, "testtilfældet mangler navn (en tekst)");
            ok = false;
        } else {
            testCase.navn = navn.Scalar();
            auto [seen, inserted] = names_.emplace(testCase.navn, line);
            if (!inserted) {
                fail(line, fmt::format("navnet \"{}\" er allerede brugt i linje {}",
                                       testCase.navn, seen->second));
                ok = false;
            }
        }
        const std::string label = testCase.navn.empty() ? "testtilfældet"
                                                        : fmt::format("\"{}\"", testCase.navn);
        const YAML::Node ordre = node["ordre"];
        if (!ordre || ordre.IsNull()) {
            fail(line, fmt::format("{} mangler ordre", label));
            ok = false;
        }
        if (ordre) {
            testCase.ordre = ordre;
        }
        const YAML::Node forventet = node["forventet"];
        const YAML::Node fejl = node["fejl"];
        const bool hasForventet = forventet && !forventet.IsNull();
        const bool hasFejl = fejl && !fejl.IsNull();
        if (hasForventet == hasFejl) {
            fail(line, hasForventet
                           ? fmt::format("{} har både forventet og fejl; brug ét af dem", label)
                           : fmt::format("{} har hverken forventet eller fejl", label));
            ok = false;
        }
        if (hasForventet) {
            if (!forventet.IsMap()) {
                fail(lineOf(forventet), fmt::format("forventet i {} skal være et objekt (et "
                                                    "delvist resultat)",
                                                    label));
                ok = false;
            }
            testCase.forventet = forventet;
        }
        if (hasFejl) {
            ok = readCodes(fejl, label, testCase.fejl) && ok;
        }
        if (ok) {
            file_.cases.push_back(std::move(testCase));
        }
    }

private:
    bool readCodes(const YAML::Node& fejl, const std::string& label,
                   std::vector<std::string>& codes) {
        bool valid = fejl.IsSequence() && fejl.size() > 0;
        for (std::size_t i = 0; valid && i < fejl.size(); ++i) {
            valid = fejl[i].IsScalar() && !fejl[i].Scalar().empty();
            if (valid) {
                codes.push_back(fejl[i].Scalar());
            }
        }
        if (!valid) {
            fail(lineOf(fejl), fmt::format("fejl i {} skal være en ikke-tom liste af fejlkoder, "
                                           "f.eks. [FELT_TYPE]",
                                           label));
        }
        return valid;
    }

    void fail(int line, const std::string& message) {
        file_.errors.push_back(fmt::format("{}:{}: {}", fileName_, line, message));
    }

    std::string_view fileName_;
    TestFile& file_;
    std::map<std::string, int> names_;
};

} // namespace

TestFile readTestText(std::string_view text, std::string_view fileName) {
    TestFile file;
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::ParserException& e) {
        file.errors.push_back(fmt::format("{}:{}:{}: filen er ikke gyldig YAML ({})", fileName,
                                          e.mark.line + 1, e.mark.column + 1, e.msg));
        return file;
    } catch (const std::exception& e) {
        file.errors.push_back(fmt::format("{}: filen er ikke gyldig YAML ({})", fileName,
                                          e.what()));
        return file;
    }
    if (!root.IsSequence()) {
        const int line = root.IsDefined() && !root.IsNull() ? lineOf(root) : 1;
        file.errors.push_back(fmt::format("{}:{}: en testfil skal være en liste af testtilfælde "
                                          "(- navn: ..., ordre: ..., forventet: ...)",
                                          fileName, line));
        return file;
    }
    CaseReader reader(fileName, file);
    std::size_t index = 0;
    for (const YAML::Node& item : root) {
        try {
            reader.read(item, index);
        } catch (const std::exception& e) {
            file.errors.push_back(fmt::format("{}:{}: testtilfældet kunne ikke læses ({})",
                                              fileName, lineOf(item), e.what()));
        }
        ++index;
    }
    return file;
}

TestFile readTestFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        TestFile file;
        file.errors.push_back(fmt::format("{}: filen kan ikke åbnes", path.string()));
        return file;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return readTestText(text.str(), path.string());
}

} // namespace ydelse::io
