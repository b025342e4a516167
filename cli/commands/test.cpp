// `ydelse test [--catalog C] [PATH...]`: runs test files (default: the catalog's tests/ folder),
// prints each failure with a readable difference, and ends with `N passed, N failed`.
#include "cli/catalog_location.hpp"
#include "cli/commands/commands.hpp"
#include "cli/order_runner.hpp"
#include "io/expectation.hpp"
#include "io/test_file.hpp"
#include "runtime/output/json_writer.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace ydelse::cli {
namespace {

struct TestOptions {
    std::string catalog;
    std::vector<std::string> paths;
};

std::vector<std::filesystem::path> testFiles(const std::vector<std::string>& paths) {
    std::vector<std::filesystem::path> out;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(p, ec)) {
                if (e.is_regular_file() && e.path().extension() == ".yaml") {
                    out.push_back(e.path());
                }
            }
        } else {
            out.emplace_back(p);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The differences between a case's expectation and what the catalog produced; empty = passed.
std::vector<std::string> runCase(const ir::Program& program, const io::TestCase& c,
                                 EvalState& state) {
    Result result = runOrderNode(program, c.ordre, state);
    std::string json;
    writeJson(result, json);
    if (!c.forventet) {
        std::vector<std::string> codes;
        for (const OrderError& e : result.fejl) {
            codes.push_back(e.kode);
        }
        if (result.status != ResultStatus::Afvist) {
            return {"forventede afvisning med " + std::to_string(c.fejl.size()) +
                    " fejlkode(r), men ordren blev effektueret"};
        }
        return io::compareErrorCodes(c.fejl, codes);
    }
    std::vector<std::string> diffs = io::compareExpected(*c.forventet, YAML::Load(json));
    if (!diffs.empty() && result.status == ResultStatus::Afvist) {
        for (const OrderError& e : result.fejl) {
            diffs.push_back("ordren blev afvist: " + e.kode + " " + e.felt + ": " + e.besked);
        }
    }
    return diffs;
}

} // namespace

Command addTest(CLI::App& app) {
    auto opts = std::make_shared<TestOptions>();
    app.add_option("--catalog", opts->catalog, "katalogmappe");
    app.add_option("paths", opts->paths, "testfiler eller mapper (standard: katalogets tests/)");
    return [opts] {
        const std::string dir = catalogPath(opts->catalog);
        std::optional<ir::Program> loaded = loadProgram(dir);
        if (!loaded) {
            return 2;
        }
        std::vector<std::string> paths = opts->paths;
        if (paths.empty()) {
            if (!std::filesystem::is_directory(dir)) {
                std::cerr << "ydelse test: angiv testfilerne, når kataloget er en oversat fil\n";
                return 2;
            }
            paths.push_back((std::filesystem::path(dir) / "tests").string());
        }
        EvalState state;
        std::size_t passed = 0;
        std::size_t failed = 0;
        for (const std::filesystem::path& file : testFiles(paths)) {
            io::TestFile tests = io::readTestFile(file);
            for (const std::string& e : tests.errors) {
                std::cout << "FEJL I TESTFIL " << e << "\n";
                ++failed;
            }
            for (const io::TestCase& c : tests.cases) {
                std::vector<std::string> diffs = runCase(*loaded, c, state);
                if (diffs.empty()) {
                    ++passed;
                    continue;
                }
                ++failed;
                std::cout << "FEJLET " << file.string() << ":" << c.line << ": " << c.navn
                          << "\n";
                for (const std::string& d : diffs) {
                    std::cout << "  " << d << "\n";
                }
            }
        }
        if (passed + failed == 0) {
            // A run that tested nothing must not look like a green one.
            std::cout << "ingen testtilfælde fundet\n";
            failed = 1;
        }
        std::cout << passed << " passed, " << failed << " failed\n";
        return failed == 0 ? 0 : 1;
    };
}

} // namespace ydelse::cli
