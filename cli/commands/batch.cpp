// `ydelse batch [--catalog C] [--input FILE] [--output FILE]`: JSON Lines in, JSON Lines out.
// Every input line gives exactly one output line, in the same order: the result or error record
// `ydelse run --format json` writes for that order. Counts go to stderr at the end, a progress
// line too while running when stderr is a terminal.
// Exit: 0 every order effektueret or tilbageholdt, 1 any rejected, 2 usage, an unusable catalog,
// an input that cannot be opened or read, or an output that cannot be written.
//
// The run streams: one line buffer, one output buffer and one EvalState are reused for every
// order, so memory does not grow with the number of orders (quality.md, "memory in batch mode").
#include "cli/catalog_location.hpp"
#include "cli/commands/commands.hpp"
#include "cli/order_runner.hpp"
#include "io/order_reader.hpp"
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
// Deeper nesting than any order needs; the limit keeps a hostile line from exhausting the stack
// of the validator (or of yaml-cpp after it).
constexpr int kMaxDepth = 64;

// Where and why a line is not a JSON object; `offset` is a byte offset into the line.
struct JsonFault {
    std::size_t offset = 0;
    const char* what = "";
    bool json = false; ///< the line is valid JSON, only not an object
};

// A strict JSON syntax check of one line. yaml-cpp reads the order (JSON is read as YAML), but
// YAML accepts much that JSON does not (`{a: 1}`, comments, unquoted text), and a JSON Lines
// file with such a line is broken, so the line is checked as JSON first. Allocates nothing.
class JsonChecker {
public:
    explicit JsonChecker(std::string_view text) : text_(text) {}

    std::optional<JsonFault> checkObjectLine() {
        skipSpace();
        const std::size_t start = pos_;
        if (atEnd() || peek() != '{') {
            // Say whether the line is some other JSON value (`[…]`, `"…"`) or no JSON at all.
            bool json = value(0);
            skipSpace();
            json = json && atEnd();
            return JsonFault{start, "en ordre skal være et JSON-objekt {…}", json};
        }
        if (!value(0)) {
            return fault_;
        }
        skipSpace();
        if (pos_ != text_.size()) {
            return JsonFault{pos_, "uventet tekst efter objektets afsluttende '}'", false};
        }
        return std::nullopt;
    }

private:
    bool fail(const char* what) {
        fault_ = JsonFault{pos_, what, false};
        return false;
    }
    bool atEnd() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }
    void skipSpace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\r' || peek() == '\n')) {
            ++pos_;
        }
    }
    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) {
            return fail("ukendt værdi (forventede tekst i \"…\", et tal, et objekt, en liste, "
                        "true, false eller null)");
        }
        pos_ += word.size();
        return true;
    }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static bool isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    bool digits() {
        if (atEnd() || !isDigit(peek())) {
            return fail("et ciffer forventet i tallet");
        }
        while (!atEnd() && isDigit(peek())) {
            ++pos_;
        }
        return true;
    }
    bool number() {
        if (peek() == '-') {
            ++pos_;
        }
        if (!atEnd() && peek() == '0') {
            ++pos_;
        } else if (!digits()) {
            return false;
        }
        if (!atEnd() && peek() == '.') {
            ++pos_;
            if (!digits()) {
                return false;
            }
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            ++pos_;
            if (!atEnd() && (peek() == '+' || peek() == '-')) {
                ++pos_;
            }
            if (!digits()) {
                return false;
            }
        }
        return true;
    }
    bool string() {
        ++pos_; // the opening quote
        while (!atEnd()) {
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) {
                return fail("kontroltegn i tekst skal skrives med \\-escape");
            }
            if (c != '\\') {
                ++pos_;
                continue;
            }
            ++pos_;
            if (atEnd()) {
                break;
            }
            const char e = peek();
            if (e == 'u') {
                for (int i = 1; i <= 4; ++i) {
                    if (pos_ + i >= text_.size() || !isHex(text_[pos_ + i])) {
                        return fail("\\u skal følges af fire hexcifre");
                    }
                }
                pos_ += 5;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                       e == 'r' || e == 't') {
                ++pos_;
            } else {
                return fail("ukendt escape-sekvens i tekst");
            }
        }
        return fail("teksten mangler sit afsluttende '\"'");
    }
    // An object or array: `open` already seen at pos_.
    bool container(int depth, bool object) {
        const char close = object ? '}' : ']';
        ++pos_;
        skipSpace();
        if (!atEnd() && peek() == close) {
            ++pos_;
            return true;
        }
        while (true) {
            skipSpace();
            if (object) {
                if (atEnd()) {
                    return fail("linjen slutter, før objektet er lukket med '}'");
                }
                if (peek() != '"') {
                    return fail("et feltnavn i \"…\" forventet");
                }
                if (!string()) {
                    return false;
                }
                skipSpace();
                if (atEnd() || peek() != ':') {
                    return fail("':' forventet efter feltnavnet");
                }
                ++pos_;
            }
            if (!value(depth + 1)) {
                return false;
            }
            skipSpace();
            if (atEnd()) {
                return fail(object ? "linjen slutter, før objektet er lukket med '}'"
                                   : "linjen slutter, før listen er lukket med ']'");
            }
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == close) {
                ++pos_;
                return true;
            }
            return fail(object ? "',' eller '}' forventet" : "',' eller ']' forventet");
        }
    }
    bool value(int depth) {
        if (depth > kMaxDepth) {
            return fail("for dyb indlejring af objekter og lister");
        }
        skipSpace();
        if (atEnd()) {
            return fail("en værdi forventet, men linjen slutter");
        }
        switch (peek()) {
        case '{':
            return container(depth, true);
        case '[':
            return container(depth, false);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            if (peek() == '-' || isDigit(peek())) {
                return number();
            }
            return literal("true"); // fails with the "unknown value" message
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    JsonFault fault_;
};

// 1-based column in characters (UTF-8 continuation bytes not counted), as an editor shows it.
std::size_t columnOf(std::string_view line, std::size_t offset) {
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < line.size(); ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return column;
}

Result syntaxRecord(std::string besked) {
    Result rejected;
    rejected.status = ResultStatus::Afvist;
    rejected.fejl.push_back({std::string(io::kOrdreSyntaks), "", std::move(besked)});
    return rejected;
}

// The result or error record for one input line (`number` is 1-based, for messages).
Result runLine(const ir::Program& program, std::string_view line, std::uint64_t number,
               EvalState& state) {
    if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) {
        // Skipping it would break the one-line-in, one-line-out pairing a caller relies on.
        return syntaxRecord(fmt::format("linje {}: tom linje; der forventes én ordre som et "
                                        "JSON-objekt pr. linje",
                                        number));
    }
    // No real order comes near this; a line that does is refused before it is parsed, so one
    // runaway line cannot take the batch's time and memory.
    constexpr std::size_t kMaxLineBytes = 1 << 20;
    if (line.size() > kMaxLineBytes) {
        return syntaxRecord(fmt::format("linje {}: linjen er {} bytes; en ordre må højst fylde {} "
                                        "bytes",
                                        number, line.size(), kMaxLineBytes));
    }
    if (std::optional<JsonFault> fault = JsonChecker(line).checkObjectLine()) {
        return syntaxRecord(fmt::format("linje {}: {}{} (kolonne {})", number,
                                        fault->json ? "" : "ikke gyldig JSON: ", fault->what,
                                        columnOf(line, fault->offset)));
    }
    return runOrderText(program, line, state);
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
    Output output(out);
    Counts counts;
    char* lineData = nullptr;
    std::size_t lineCapacity = 0;
    bool writeFailed = false;
    ssize_t length = 0;
    // POSIX getline reuses one buffer for every line and copes with lines of any length.
    while ((length = ::getline(&lineData, &lineCapacity, in)) >= 0) {
        std::string_view line(lineData, static_cast<std::size_t>(length));
        if (!line.empty() && line.back() == '\n') {
            line.remove_suffix(1);
        }
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1); // CRLF files, e.g. from Windows
        }
        if (counts.total == 0 && line.substr(0, 3) == "\xEF\xBB\xBF") {
            line.remove_prefix(3); // a UTF-8 byte order mark some editors write
        }
        ++counts.total;
        const Result result = runLine(program, line, counts.total, state);
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
    const bool readFailed = std::ferror(in) != 0;
    std::free(lineData);
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
