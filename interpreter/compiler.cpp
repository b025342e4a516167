#include "interpreter/compiler.hpp"

#include "interpreter/lower/frame_builder.hpp"
#include "interpreter/lower/lower_to_ir.hpp"
#include "interpreter/sema/checker.hpp"
#include "interpreter/syntax/parser.hpp"
#include "interpreter/tables/config_loader.hpp"
#include "interpreter/tables/sats_loader.hpp"
#include "runtime/ir/program_index.hpp"
#include "runtime/ir/program_verifier.hpp"
#include "runtime/support/sha256.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace ydelse {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

std::vector<std::filesystem::path> filesWithExtension(const std::filesystem::path& dir,
                                                      std::string_view extension,
                                                      bool recursive) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        return out;
    }
    auto consider = [&](const std::filesystem::directory_entry& e) {
        if (e.is_regular_file() && e.path().extension() == extension) {
            out.push_back(e.path());
        }
    };
    if (recursive) {
        for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
            consider(e);
        }
    } else {
        for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
            consider(e);
        }
    }
    std::sort(out.begin(), out.end()); // deterministic order: diagnostics, hash, IR
    return out;
}

std::optional<std::string> readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The hash covers every input file's name and content, so two catalogs with the same hash
// compute the same results.
std::string contentHash(const Files& files, const Files& satser, const Files& config) {
    Sha256 sha;
    for (const Files* group : {&files, &satser, &config}) {
        for (const auto& [name, text] : *group) {
            sha.update(name);
            sha.update(std::string_view("\0", 1));
            sha.update(text);
            sha.update(std::string_view("\0", 1));
        }
    }
    return sha.hexDigest();
}

// Every stage reports user errors as diagnostics; an exception escaping one is a defect of the
// compiler, reported as such (K900) rather than as a crash, naming the stage.
template <typename Stage>
bool guarded(Diagnostics& diagnostics, std::string_view stage, Stage&& run) {
    try {
        run();
        return true;
    } catch (const ProgramTooLarge&) {
        diagnostics.error("K122", {kNoFile, 0, 0, 1},
                          fmt::format("kataloget bliver for stort, når reglerne indsættes ved "
                                      "hvert kald (over {} instruktioner); saml gentagne kald i "
                                      "en definition",
                                      kMaxInstructions));
    } catch (const std::exception& e) {
        diagnostics.error("K900", {kNoFile, 0, 0, 1},
                          fmt::format("intern fejl i oversætteren under {}: {}", stage, e.what()));
    }
    return false;
}

} // namespace

CompileResult compileSources(const Files& files, const Files& satser, const Files& config) {
    CompileResult result;
    result.ast = std::make_unique<ast::Catalog>();
    std::vector<ir::Sats> loadedSatser;
    std::vector<PeriodUnit> satsUnits;
    std::vector<ir::KommuneConfig> kommuner;
    for (const auto& [name, text] : files) {
        FileId id = result.sources.add(name, text);
        parseFile(id, result.sources, *result.ast, result.diagnostics);
    }
    for (const auto& [name, text] : satser) {
        FileId id = result.sources.add(name, text);
        guarded(result.diagnostics, name, [&] {
            loadSatser(id, result.sources, loadedSatser, satsUnits, result.diagnostics);
        });
    }
    for (const auto& [name, text] : config) {
        FileId id = result.sources.add(name, text);
        guarded(result.diagnostics, name, [&] {
            loadKommuneConfig(id, result.sources, kommuner, result.diagnostics);
        });
    }
    if (result.diagnostics.hasErrors()) {
        return result; // checking a tree with syntax errors would only add noise
    }
    sema::CheckedCatalog checked;
    guarded(result.diagnostics, "kontrollen", [&] {
        checked = check(*result.ast, std::move(loadedSatser), result.diagnostics,
                        std::move(satsUnits));
    });
    checked.kommuner = std::move(kommuner);
    if (result.diagnostics.hasErrors()) {
        return result;
    }
    ir::Program program;
    if (!guarded(result.diagnostics, "oversættelsen til IR",
                 [&] { program = lowerToIr(checked, result.sources); })) {
        return result;
    }
    program.hash = contentHash(files, satser, config);
    for (const std::string& problem : verifyProgram(program)) {
        result.diagnostics.error("K900", {kNoFile, 0, 0, 1},
                                 "intern fejl i oversætteren: " + problem);
    }
    if (!result.diagnostics.hasErrors()) {
        ir::indexProgram(program);
        result.program = std::move(program);
    }
    return result;
}

CompileResult compileCatalog(const std::filesystem::path& dir) {
    Files files;
    Files satser;
    Files config;
    std::vector<std::string> unreadable;
    auto collect = [&](const std::vector<std::filesystem::path>& paths, Files& into) {
        for (const std::filesystem::path& p : paths) {
            if (std::optional<std::string> text = readFile(p)) {
                into.emplace_back(p.lexically_relative(dir).generic_string(), std::move(*text));
            } else {
                unreadable.push_back(p.string());
            }
        }
    };
    collect(filesWithExtension(dir, ".yk", true), files);
    collect(filesWithExtension(dir / "satser", ".yaml", false), satser);
    collect(filesWithExtension(dir / "konfiguration", ".yaml", true), config);
    if (files.empty() || !unreadable.empty()) {
        CompileResult result;
        result.diagnostics.error(
            "K000", {},
            files.empty() ? fmt::format("'{}' er ikke et katalog: ingen .yk-filer fundet",
                                        dir.string())
                          : fmt::format("kunne ikke læse {}", unreadable.front()));
        return result;
    }
    // The hash is taken over paths relative to the catalog, so it does not depend on where the
    // catalog lies; diagnostics show paths as the user named the catalog.
    const std::string hash = contentHash(files, satser, config);
    for (auto* group : {&files, &satser, &config}) {
        for (auto& entry : *group) {
            entry.first = (dir / entry.first).generic_string();
        }
    }
    CompileResult result = compileSources(files, satser, config);
    if (result.program) {
        result.program->hash = hash;
        // Source places in the program name files relative to the catalog, so the artifact's
        // bytes do not depend on how the catalog's path was spelled.
        std::string prefix = dir.generic_string();
        while (!prefix.empty() && prefix.back() == '/') {
            prefix.pop_back();
        }
        prefix += '/';
        for (ir::Origin& o : result.program->origins) {
            if (o.file.rfind(prefix, 0) == 0) {
                o.file.erase(0, prefix.size());
            }
        }
    }
    return result;
}

} // namespace ydelse
