// `ydelse batch [--catalog C] [--input FILE] [--output FILE]`: JSON Lines in, JSON Lines out.
// Every input line gives exactly one output line, in the same order: the result or error record
// `ydelse run --format json` writes for that order. Counts go to stderr at the end, a progress
// line too while running when stderr is a terminal.
// Exit: 0 every order effektueret or tilbageholdt, 1 any rejected, 2 usage, an unusable catalog,
// an input that cannot be opened or read, or an output that cannot be written.
//
// The run streams: one input buffer (line_reader.hpp), one JSON reader, one output buffer and
// one EvalState are reused for every order, so memory does not grow with the number of orders
// (quality.md, "memory in batch mode").
#include "cli/catalog_location.hpp"
#include "cli/commands/commands.hpp"
#include "cli/commands/line_reader.hpp"
#include "io/json_order_reader.hpp"
#include "runtime/eval/evaluator.hpp"
#include "runtime/output/json_writer.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>

namespace ydelse::cli {
namespace {

struct BatchOptions {
    std::string catalog;
    std::string input = "-";
    std::string output = "-";
};

// Output is collected here and written in blocks of about this size: one write per order would
// cost a system call each.
constexpr std::size_t kFlushBytes = 1 << 16;
// A progress line on a terminal every this many orders.
constexpr std::uint64_t kProgressEvery = 10'000;
// No real order comes near this; a line that does is refused before it is parsed, so one
// runaway line cannot take the batch's time and memory.
constexpr std::size_t kMaxLineBytes = 1 << 20;

Result syntaxRecord(std::string besked) {
    Result rejected;
    rejected.status = ResultStatus::Afvist;
    rejected.fejl.push_back({std::string(io::kOrdreSyntaks), "", std::move(besked)});
    return rejected;
}

// The result or error record for one input line (`number` is 1-based, for messages).
Result recordFor(std::string_view line, std::uint64_t number, const io::JsonRead& read) {
    if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) {
        // Skipping it would break the one-line-in, one-line-out pairing a caller relies on.
        return syntaxRecord(fmt::format("linje {}: tom linje; der forventes én ordre som et "
                                        "JSON-objekt pr. linje",
                                        number));
    }
    if (line.size() > kMaxLineBytes) {
        return syntaxRecord(fmt::format("linje {}: linjen er {} bytes; en ordre må højst fylde {} "
                                        "bytes",
                                        number, line.size(), kMaxLineBytes));
    }
    if (read.syntax) {
        return syntaxRecord(fmt::format("linje {}: {}", number, read.errors.front().besked));
    }
    if (!read.ok) {
        Result rejected;
        rejected.ordreId = read.ordreId;
        rejected.status = ResultStatus::Afvist;
        rejected.fejl = read.errors;
        return rejected;
    }
    return {};
}

// Fills `result` for one input line. A well-formed order is evaluated into the caller's
// Result, which keeps its capacity from line to line; the rare error records are built fresh.
void runLine(const ir::Program& program, std::string_view line, std::uint64_t number,
             io::JsonOrderReader& reader, EvalState& state, Result& result) {
    const bool blank = line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
    if (blank || line.size() > kMaxLineBytes) {
        result = recordFor(line, number, {});
        return;
    }
    // The JSON reader is strict (RFC 8259, UTF-8): YAML that is not JSON (`{a: 1}`), a JSON
    // list or a truncated line is a syntax error naming the line and column.
    const io::JsonRead& read = reader.read(line);
    if (read.syntax || !read.ok) {
        result = recordFor(line, number, read);
        return;
    }
    evaluate(program, read.order, state, result);
}

class Output {
public:
    explicit Output(std::FILE* file) : file_(file) { buffer_.reserve(kFlushBytes * 2); }

    std::string& buffer() { return buffer_; }
    bool flushIfFull() { return buffer_.size() < kFlushBytes || flush(); }
    bool flush() {
        if (!buffer_.empty() &&
            std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
            return false;
        }
        buffer_.clear();
        return std::fflush(file_) == 0;
    }

private:
    std::FILE* file_;
    std::string buffer_;
};

struct Counts {
    std::uint64_t total = 0;
    std::uint64_t effektueret = 0;
    std::uint64_t tilbageholdt = 0;
    std::uint64_t afvist = 0;
};

std::string countsText(const Counts& c) {
    return fmt::format("batch: {} {}, {} effektueret, {} tilbageholdt, {} afvist", c.total,
                       c.total == 1 ? "ordre" : "ordrer", c.effektueret, c.tilbageholdt,
                       c.afvist);
}

// Closes a file this command opened (not stdin/stdout) when the command returns.
struct FileCloser {
    std::FILE* file;
    ~FileCloser() {
        if (file != nullptr && file != stdin && file != stdout) {
            std::fclose(file);
        }
    }
};

int runBatch(const BatchOptions& opts) {
    std::FILE* in = stdin;
    if (opts.input != "-") {
        in = std::fopen(opts.input.c_str(), "rb");
        if (in == nullptr) {
            std::cerr << "ydelse batch: inddatafilen '" << opts.input
                      << "' kan ikke åbnes: " << std::strerror(errno) << "\n";
            return 2;
        }
    }
    FileCloser closeIn{in};
    std::optional<ir::Program> loaded = loadProgram(catalogPath(opts.catalog));
    if (!loaded) {
        return 2;
    }
    // Opened only now, so an unusable catalog does not leave an emptied output file behind.
    std::FILE* out = stdout;
    if (opts.output != "-") {
        out = std::fopen(opts.output.c_str(), "wb");
        if (out == nullptr) {
            std::cerr << "ydelse batch: uddatafilen '" << opts.output
                      << "' kan ikke oprettes: " << std::strerror(errno) << "\n";
            return 2;
        }
    }
    FileCloser closeOut{out};

    const ir::Program& program = *loaded;
    const bool progress = isatty(STDERR_FILENO) != 0;
    EvalState state;
    Result result; // refilled for every line
    io::JsonOrderReader reader;
    Output output(out);
    Counts counts;
    LineReader lines(fileno(in));
    bool writeFailed = false;
    std::string_view line;
    while (lines.next(line)) {
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1); // CRLF files, e.g. from Windows
        }
        if (counts.total == 0 && line.substr(0, 3) == "\xEF\xBB\xBF") {
            line.remove_prefix(3); // a UTF-8 byte order mark some editors write
        }
        ++counts.total;
        runLine(program, line, counts.total, reader, state, result);
        switch (result.status) {
        case ResultStatus::Effektueret:
            ++counts.effektueret;
            break;
        case ResultStatus::Tilbageholdt:
            ++counts.tilbageholdt;
            break;
        case ResultStatus::Afvist:
            ++counts.afvist;
            break;
        }
        writeJson(result, output.buffer());
        output.buffer() += '\n';
        if (!output.flushIfFull()) {
            writeFailed = true;
            break;
        }
        if (progress && counts.total % kProgressEvery == 0) {
            std::cerr << '\r' << countsText(counts) << " …" << std::flush;
        }
    }
    const bool readFailed = lines.failed();
    writeFailed = writeFailed || !output.flush();
    const int writeErrno = errno; // before writing to stderr can change it
    if (progress && counts.total >= kProgressEvery) {
        std::cerr << "\r\x1b[K"; // clear the progress line before the final counts
    }
    std::cerr << countsText(counts) << "\n";
    if (readFailed) {
        std::cerr << "ydelse batch: fejl ved læsning af "
                  << (opts.input == "-" ? "standard input" : "'" + opts.input + "'")
                  << "; kørslen er afbrudt efter " << counts.total << " ordrer\n";
        return 2;
    }
    if (writeFailed) {
        std::cerr << "ydelse batch: fejl ved skrivning af "
                  << (opts.output == "-" ? "standard output" : "'" + opts.output + "'") << ": "
                  << std::strerror(writeErrno) << "; uddata er ufuldstændige\n";
        return 2;
    }
    return counts.afvist > 0 ? 1 : 0;
}

} // namespace

Command addBatch(CLI::App& app) {
    auto opts = std::make_shared<BatchOptions>();
    app.add_option("--catalog", opts->catalog, "katalogmappe eller oversat katalog");
    app.add_option("--input", opts->input,
                   "JSON Lines-fil med én ordre pr. linje (- eller udeladt: standard input)");
    app.add_option("--output", opts->output,
                   "fil til resultaterne, ét JSON-objekt pr. linje (- eller udeladt: standard "
                   "output)");
    return [opts] { return runBatch(*opts); };
}

} // namespace ydelse::cli
