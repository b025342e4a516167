// The subcommands. Each registers its options on the CLI11 app and returns the exit status the
// contract fixes for it.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace ydelse::cli {

using Command = std::function<int()>;

Command addCheck(CLI::App& app);
Command addCompile(CLI::App& app);
Command addRun(CLI::App& app);
Command addTest(CLI::App& app);
Command addBatch(CLI::App& app);
Command addDumpAst(CLI::App& app);
Command addDumpIr(CLI::App& app);

} // namespace ydelse::cli
