// Golden diagnostics: compiles each case folder under the given directory together with the
// shared base/ catalog pieces, renders every diagnostic, and compares the text with the case's
// expected.txt. UPDATE_GOLDEN=1 rewrites expected.txt instead, for review in `git diff`.
#include "interpreter/compiler.hpp"
#include "interpreter/source/diagnostic_renderer.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;
using Files = std::vector<std::pair<std::string, std::string>>;

namespace {

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Files of a folder with the given extension, named relative to `root`, in sorted order.
void collect(const fs::path& root, const fs::path& dir, const std::string& ext, Files& into) {
    if (!fs::is_directory(dir)) {
        return;
    }
    std::vector<fs::path> paths;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.is_regular_file() && e.path().extension() == ext) {
            paths.push_back(e.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) {
        into.emplace_back(fs::relative(p, root).generic_string(), readText(p));
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "brug: golden_runner CASES_DIR\n";
        return 2;
    }
    const fs::path root = fs::path(argv[1]).parent_path();
    const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(argv[1])) {
        if (e.is_directory()) {
            cases.push_back(e.path());
        }
    }
    std::sort(cases.begin(), cases.end());
    int passed = 0;
    int failed = 0;
    for (const fs::path& dir : cases) {
        Files files;
        Files satser;
        if (!fs::exists(dir / "eget_katalog")) {
            collect(root, root / "base", ".yk", files);
        }
        collect(root, dir, ".yk", files);
        collect(root, dir / "satser", ".yaml", satser);
        ydelse::CompileResult result = ydelse::compileSources(files, satser);
        const std::string actual = ydelse::renderDiagnostics(result.diagnostics, result.sources);
        const fs::path expectedPath = dir / "expected.txt";
        if (update) {
            std::ofstream(expectedPath, std::ios::binary) << actual;
            continue;
        }
        const std::string expected = fs::exists(expectedPath) ? readText(expectedPath) : "";
        if (!result.diagnostics.hasErrors() && !result.diagnostics.warningCount()) {
            std::cout << "FEJLET " << dir.filename().string()
                      << ": en golden-sag skal give mindst én diagnostik\n";
            ++failed;
        } else if (actual != expected) {
            std::cout << "FEJLET " << dir.filename().string() << "\n--- forventet\n"
                      << expected << "--- fik\n"
                      << actual;
            ++failed;
        } else {
            ++passed;
        }
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}
