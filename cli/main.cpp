// `ydelse`: check, run and test a ydelseskatalog. Exit statuses are the contract's
// (docs/cli.md): 0 success, 1 errors in the input, 2 usage or an unusable catalog.
#include "cli/commands/commands.hpp"

#include <iostream>
#include <map>

int main(int argc, char** argv) {
    CLI::App app{"ydelse: regelmotor for kommunale ydelser (ydelseskatalog)"};
    app.require_subcommand(1);
    std::map<CLI::App*, ydelse::cli::Command> commands;
    auto add = [&](const char* name, const char* help, auto registerCommand) {
        CLI::App* sub = app.add_subcommand(name, help);
        commands[sub] = registerCommand(*sub);
    };
    add("check", "oversæt kataloget og vis alle fejl og advarsler", ydelse::cli::addCheck);
    add("compile", "oversæt kataloget til en fil, som runtime indlæser uden oversætteren",
        ydelse::cli::addCompile);
    add("run", "effektuér en eller flere ordrer og udskriv resultaterne", ydelse::cli::addRun);
    add("test", "kør testfiler mod kataloget", ydelse::cli::addTest);
    add("batch", "effektuér ordrer fra JSON Lines (én pr. linje) og skriv ét resultat pr. linje",
        ydelse::cli::addBatch);
    add("dump-ast", "udskriv katalogets syntakstræ", ydelse::cli::addDumpAst);
    add("dump-ir", "udskriv det oversatte katalog (IR)", ydelse::cli::addDumpIr);
    // CLI11 reports an unknown command as a missing one, in English; name it in Danish instead.
    if (argc > 1 && argv[1][0] != '-') {
        bool known = false;
        for (const auto& [sub, command] : commands) {
            known = known || sub->get_name() == argv[1];
        }
        if (!known) {
            std::cerr << "ydelse: ukendt kommando '" << argv[1]
                      << "'; kendte kommandoer: check, compile, run, test, batch, dump-ast, "
                         "dump-ir (se ydelse --help)\n";
            return 2;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    for (auto& [sub, command] : commands) {
        if (sub->parsed()) {
            try {
                return command();
            } catch (const std::exception& e) {
                std::cerr << "ydelse: intern fejl: " << e.what() << "\n";
                return 2;
            }
        }
    }
    return 2;
}
