// Reads a test file (contract.md, "Test files"): a YAML list of cases, each with `navn`, `ordre`
// and either `forventet` (a partial result) or `fejl` (the error codes of a rejected order).
// Problems with the file itself are collected as readable messages naming file and line.
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ydelse::io {

struct TestCase {
    std::string navn;
    int line = 0;                        ///< 1-based line where the case starts
    YAML::Node ordre;                    ///< read it with readOrder()
    std::optional<YAML::Node> forventet; ///< a partial result, for compareExpected()
    std::vector<std::string> fejl;       ///< expected error codes (when forventet is absent)
};

struct TestFile {
    std::vector<TestCase> cases;     ///< the well-formed cases, in file order
    std::vector<std::string> errors; ///< "file:line: besked", one per malformed case or file
};

/// Reads the file at `path`; never throws.
TestFile readTestFile(const std::filesystem::path& path);
/// Reads test-file text; `fileName` is only used in error messages.
TestFile readTestText(std::string_view text, std::string_view fileName);

} // namespace ydelse::io
