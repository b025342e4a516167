// `ydelse run [--catalog C] [--format yaml|json|text] [--explain] ORDER...`: one result or error record per
// order on stdout; a line per rejected order, naming its file, on stderr.
// Exit: 0 every order effektueret or tilbageholdt, 1 any rejected, 2 usage or unusable catalog.
#include "cli/catalog_location.hpp"
#include "cli/commands/commands.hpp"
#include "cli/order_runner.hpp"
#include "runtime/output/json_writer.hpp"
#include "runtime/output/text_writer.hpp"
#include "runtime/output/yaml_writer.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace ydelse::cli {
namespace {

struct RunOptions {
    std::string catalog;
    std::string format;
    bool explain = false;
    std::vector<std::string> orders;
};

std::optional<std::string> readAll(const std::string& path) {
    if (path == "-") {
        std::ostringstream text;
        text << std::cin.rdbuf();
        return text.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

Command addRun(CLI::App& app) {
    auto opts = std::make_shared<RunOptions>();
    app.add_option("--catalog", opts->catalog, "katalogmappe");
    app.add_option("--format", opts->format, "uddata: yaml, json eller text (standard: yaml på "
                                             "en terminal, ellers json)")
        ->check(CLI::IsMember({"yaml", "json", "text"}));
    app.add_flag("--explain", opts->explain,
                 "forklar hvert beløb: formel, regel og lovgrundlag, satser, input og "
                 "mellemregninger (docs/explain.md)");
    app.add_option("orders", opts->orders, "ordrefiler (YAML eller JSON; - for standard input)")
        ->required();
    return [opts] {
        std::optional<ir::Program> loaded = loadProgram(catalogPath(opts->catalog));
        if (!loaded) {
            return 2;
        }
        const ir::Program& program = *loaded;
        std::string format = opts->format;
        if (format.empty()) {
            format = isatty(STDOUT_FILENO) ? "yaml" : "json";
        }
        EvalState state;
        std::string out;
        bool anyRejected = false;
        const bool array = format == "json" && opts->orders.size() > 1;
        if (array) {
            out += "[";
        }
        for (std::size_t i = 0; i < opts->orders.size(); ++i) {
            const std::string& path = opts->orders[i];
            Result result;
            if (std::optional<std::string> text = readAll(path)) {
                result = runOrderText(program, *text, state, EvalOptions{opts->explain});
            } else {
                result.status = ResultStatus::Afvist;
                result.fejl.push_back({"FIL_ULÆSELIG", "", "ordrefilen '" + path +
                                                               "' kan ikke læses"});
            }
            if (result.status == ResultStatus::Afvist) {
                anyRejected = true;
                for (const OrderError& e : result.fejl) {
                    std::cerr << path << ": afvist: " << e.kode
                              << (e.felt.empty() ? "" : " (" + e.felt + ")") << ": " << e.besked
                              << "\n";
                }
            }
            if (format == "json") {
                if (array && i > 0) {
                    out += ",";
                }
                writeJson(result, out);
            } else if (format == "yaml") {
                if (opts->orders.size() > 1) {
                    out += "---\n";
                }
                writeYaml(result, out);
            } else {
                writeText(result, out);
            }
        }
        if (array) {
            out += "]";
        }
        if (format == "json") {
            out += "\n";
        }
        std::cout << out;
        return anyRejected ? 1 : 0;
    };
}

} // namespace ydelse::cli
