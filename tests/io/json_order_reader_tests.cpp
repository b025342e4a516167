// The simdjson order reader against the yaml-cpp one (differential): for generated orders of
// the reference workload and thousands of seeded mutations of them (fields dropped, retyped,
// nulled, duplicated, unknown, keys escaped), both readers must give the same Order, or the
// same errors (kode, felt and besked) and the same ordre_id. And it is strict JSON: whatever
// the JSON checker refuses, or what is not UTF-8, is one ORDRE_SYNTAKS error.
#include "bench/order_generator.hpp"
#include "bench/order_json.hpp"
#include "io/json_direct_reader.hpp"
#include "io/json_order_reader.hpp"
#include "io/json_tree_parser.hpp"
#include "io/json_syntax.hpp"
#include "order_fixture.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace ydelse;

namespace {

// A JSON value to mutate: objects keep member order and may hold a key twice; a scalar is
// its JSON text ("12.5", "\"x\"", "true").
struct J {
    enum class T { Object, Array, Scalar } t = T::Scalar;
    std::vector<std::pair<std::string, J>> members;
    std::vector<J> items;
    std::string raw;
};

// A tiny parser for compact, valid JSON (what the bench writer produces), to get a J to mutate.
class Parser {
public:
    explicit Parser(std::string_view text) : t_(text) {}
    J value() {
        J j;
        if (t_[pos_] == '{') {
            j.t = J::T::Object;
            ++pos_;
            while (t_[pos_] != '}') {
                const std::string key = string();
                ++pos_; // ':'
                j.members.emplace_back(key, value());
                if (t_[pos_] == ',') {
                    ++pos_;
                }
            }
            ++pos_;
        } else if (t_[pos_] == '[') {
            j.t = J::T::Array;
            ++pos_;
            while (t_[pos_] != ']') {
                j.items.push_back(value());
                if (t_[pos_] == ',') {
                    ++pos_;
                }
            }
            ++pos_;
        } else {
            const std::size_t start = pos_;
            if (t_[pos_] == '"') {
                string();
            } else {
                while (pos_ < t_.size() && t_[pos_] != ',' && t_[pos_] != '}' &&
                       t_[pos_] != ']') {
                    ++pos_;
                }
            }
            j.raw = std::string(t_.substr(start, pos_ - start));
        }
        return j;
    }

private:
    std::string string() {
        const std::size_t start = ++pos_;
        while (t_[pos_] != '"') {
            pos_ += t_[pos_] == '\\' ? 2 : 1;
        }
        return std::string(t_.substr(start, pos_++ - start));
    }
    std::string_view t_;
    std::size_t pos_ = 0;
};

void write(const J& j, std::string& out, bool spaced) {
    const char* sep = spaced ? ", " : ",";
    switch (j.t) {
    case J::T::Scalar:
        out += j.raw;
        return;
    case J::T::Array:
        out += '[';
        for (std::size_t i = 0; i < j.items.size(); ++i) {
            out += i == 0 ? "" : sep;
            write(j.items[i], out, spaced);
        }
        out += ']';
        return;
    case J::T::Object:
        out += spaced ? "{ " : "{";
        for (std::size_t i = 0; i < j.members.size(); ++i) {
            out += i == 0 ? "" : sep;
            out += '"' + j.members[i].first + (spaced ? "\": " : "\":");
            write(j.members[i].second, out, spaced);
        }
        out += spaced ? " }" : "}";
        return;
    }
}

// Every value in the tree (the root excluded), to pick one at random.
void collect(J& j, std::vector<J*>& values, std::vector<J*>& objects) {
    if (j.t == J::T::Object) {
        objects.push_back(&j);
        for (auto& [key, member] : j.members) {
            values.push_back(&member);
            collect(member, values, objects);
        }
    } else if (j.t == J::T::Array) {
        for (J& item : j.items) {
            values.push_back(&item);
            collect(item, values, objects);
        }
    }
}

// Values that break some field's rules: each reader must reject them in the same words.
const char* const kReplacements[] = {
    "null", "true", "false", "\"\"", "\"x\"", "0", "-1", "1.234", "12.5", "1e3", "-0.5",
    "\"12.326,00\"", "\"1000000000.01\"", "\"-12.00\"", "\"2024-02-30\"", "\"28-03-2024\"",
    "\"2024-03-01\"", "\"37.5\"", "\"101\"", "\"true\"", "12345678901234567890", "{}", "[]",
    "[1,\"a\"]", "{\"a\":1}", "\"0101801234\"", "\"3201801234\"", "\"1234567\"", "\"cvr\"",
    "\"se\"", "\"bikort\"", "\"frikort\"", "\"intet\"", "\"hovedkort\"", "\"bøde\"",
    "\"inddrivelse\"", "1000", "\"KONTANTHJÆLP\"", "[{\"ydelse\":\"X\"}]", "\"æ\\u00f8\\n\""};

// The JSON escape of a key's non-ASCII characters ("beløb" -> "bel\u00f8b"): the same key.
std::string escapedKey(std::string_view key) {
    std::string out;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const auto c = static_cast<unsigned char>(key[i]);
        if (c == 0xC3 && i + 1 < key.size()) { // the Danish letters are all U+00C0..U+00FF
            out += fmt::format("\\u{:04x}",
                               0xC0 + (static_cast<unsigned char>(key[i + 1]) & 0x3F));
            ++i;
        } else {
            out += key[i];
        }
    }
    return out;
}

void mutate(J& root, std::mt19937_64& rng) {
    std::vector<J*> values;
    std::vector<J*> objects;
    collect(root, values, objects);
    objects.push_back(&root);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    switch (pick(6)) {
    case 0: // replace a value
        if (!values.empty()) {
            J& v = *values[pick(values.size())];
            const std::string raw = kReplacements[pick(std::size(kReplacements))];
            v = Parser(raw).value();
        }
        return;
    case 1: { // drop a member
        J& o = *objects[pick(objects.size())];
        if (!o.members.empty()) {
            o.members.erase(o.members.begin() + static_cast<long>(pick(o.members.size())));
        }
        return;
    }
    case 2: { // write a member twice, the second time with another value
        J& o = *objects[pick(objects.size())];
        if (!o.members.empty()) {
            auto copy = o.members[pick(o.members.size())];
            copy.second = J{};
            copy.second.raw = kReplacements[pick(8)];
            o.members.insert(o.members.begin() + static_cast<long>(pick(o.members.size() + 1)),
                             copy);
        }
        return;
    }
    case 3: { // an unknown member
        J& o = *objects[pick(objects.size())];
        J value;
        value.raw = "1";
        o.members.insert(o.members.begin() + static_cast<long>(pick(o.members.size() + 1)),
                         {pick(2) == 0 ? "ukendt" : "bel\\u00f8bx", value});
        return;
    }
    case 4: { // a key with its letters escaped: the same key
        J& o = *objects[pick(objects.size())];
        for (auto& member : o.members) {
            member.first = escapedKey(member.first);
        }
        return;
    }
    default: // null for a whole section or list item
        if (!values.empty()) {
            J& v = *values[pick(values.size())];
            v = J{};
            v.raw = "null";
        }
        return;
    }
}

std::string describeErrors(const std::vector<OrderError>& errors) {
    std::string text;
    for (const OrderError& e : errors) {
        text += fmt::format("{} | {} | {}\n", e.kode, e.felt, e.besked);
    }
    return text;
}

// The JSON reader's direct path (json_direct_reader.hpp) on `json`, against its tree path: when
// the direct reader takes an order, the tree reader must take it too and read the same. One
// state for all calls, as a reader keeps one. Says whether the direct reader took the order.
bool compareDirectReader(const std::string& json) {
    struct State {
        io::json::ParseBuffers buffers;
        io::json::Tree tree;
        io::json::Spares directSpares;
        io::json::Spares treeSpares;
        io::JsonRead direct;
        io::JsonRead viaTree;
    };
    static State state;
    const std::string_view line = io::json::padded(json, state.buffers);
    char* const strings = state.buffers.strings.data();
    if (!io::json::readOrderDirect(line, strings, state.direct, state.directSpares)) {
        return false;
    }
    INFO(json);
    REQUIRE(io::json::parseJsonTree(line, state.tree, strings));
    io::json::readOrderTree(state.tree, state.viaTree, state.treeSpares);
    CHECK(describeErrors(state.viaTree.errors) == "");
    CHECK(state.viaTree.ok);
    CHECK(state.direct.ordreId == state.viaTree.ordreId);
    CHECK(test::describeOrder(state.direct.order) == test::describeOrder(state.viaTree.order));
    return true;
}

// Both readers on `json`; they must agree in every respect.
void compareReaders(io::JsonOrderReader& reader, const std::string& json) {
    const io::ReadOrder expected = io::readOrderText(json);
    const io::JsonRead& actual = reader.read(json);
    INFO(json);
    REQUIRE_FALSE(actual.syntax);
    CHECK(actual.ok == expected.order.has_value());
    CHECK(describeErrors(actual.errors) == describeErrors(expected.errors));
    CHECK(actual.ordreId == expected.ordreId);
    if (actual.ok && expected.order) {
        CHECK(test::describeOrder(actual.order) == test::describeOrder(*expected.order));
    }
    compareDirectReader(json);
}

bool validUtf8(std::string_view t) {
    for (std::size_t i = 0; i < t.size();) {
        const auto c = static_cast<unsigned char>(t[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
                                            : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > t.size()) {
            return false;
        }
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) {
                return false;
            }
        }
        i += n;
    }
    return true;
}

} // namespace

TEST_CASE("JSON reader: the contract's example order reads as yaml-cpp reads it") {
    io::JsonOrderReader reader;
    compareReaders(reader, std::string(test::kContractOrderJson));
    const io::JsonRead& read = reader.read(test::kContractOrderJson);
    REQUIRE(read.ok);
    CHECK(read.order.fordringer.size() == 1);
    REQUIRE(read.order.korrektion.has_value());
    CHECK(read.order.korrektion->aSkat == Decimal::fromOre(299000));
    CHECK(read.order.ydelser.at(0).grundlag.at(0).value.text == "12326.00");
    CHECK(read.order.ydelser.at(0).grundlag.at(0).value.quoted);
}

TEST_CASE("JSON reader: an amount keeps the text written, never a double's") {
    io::JsonOrderReader reader;
    const std::string json = test::replaced(test::kContractOrderJson, "\"12326.00\", \"for",
                                            "12326.10, \"for");
    const io::JsonRead& read = reader.read(json);
    REQUIRE(read.ok);
    CHECK(read.order.ydelser.at(0).grundlag.at(0).value.text == "12326.10");
    CHECK_FALSE(read.order.ydelser.at(0).grundlag.at(0).value.quoted);
    // 0.1 + 0.2 style text that a double would not keep.
    const std::string big = test::replaced(test::kContractOrderJson, "\"4141.00\"",
                                           "\"999999999.99\"");
    REQUIRE(reader.read(big).ok);
    CHECK(reader.read(big).order.skattekort->fradrag->toString(2) == "999999999.99");
}

TEST_CASE("JSON reader: generated orders and their mutations agree with yaml-cpp") {
    io::JsonOrderReader reader; // one reader for all: reuse must not leak between orders
    bench::OrderGenerator generator(7);
    std::mt19937_64 rng(11);
    std::size_t rejected = 0;
    std::size_t accepted = 0;
    std::size_t direct = 0;
    for (int n = 0; n < 1500; ++n) {
        std::string json;
        bench::appendOrderJson(generator.next(), json);
        compareReaders(reader, json);
        // Every generated order is one the direct reader takes, or it would be no shortcut.
        CHECK(compareDirectReader(json));
        for (int m = 0; m < 6; ++m) {
            J root = Parser(json).value();
            const int mutations = 1 + static_cast<int>(rng() % 3);
            for (int k = 0; k < mutations; ++k) {
                mutate(root, rng);
            }
            std::string mutated;
            write(root, mutated, rng() % 4 == 0);
            compareReaders(reader, mutated);
            (reader.read(mutated).ok ? accepted : rejected) += 1;
            direct += compareDirectReader(mutated) ? 1 : 0;
        }
    }
    // The mutations must mostly break the order, or the test compares little.
    CHECK(rejected > 6000);
    CHECK(accepted > 200);
    CHECK(direct > 200); // mutations that keep the order valid (escaped keys, reordering)
}

TEST_CASE("JSON reader: what the direct reader takes, and what it leaves to the tree reader") {
    io::JsonOrderReader reader;
    struct Variant {
        const char* from;
        std::string to;
        bool direct; ///< whether the direct reader takes the order
    };
    std::string manyFields;
    for (int i = 0; i < 17; ++i) {
        manyFields += fmt::format("\"f{}\": {}, ", i, i);
    }
    const Variant variants[] = {
        {"\"ordre_id\"", "\"ordre_id\"", true}, // the example as it stands
        // Taken: escapes, Danish letters escaped or not, whitespace, a count written as text.
        {"\"forsørgelse\"", "\"fors\\u00f8rgelse\"", true},
        {"\"trækprocent\"", "\"tr\\u00e6kprocent\"", true},
        {"\"KY-2024-000001\"", "\"KY-\\u00f8-\\\"1\\\"\"", true},
        {"\"fagsystem\": \"KY\"", "\"fagsystem\" :\n\t\"KY\"  ", true},
        {"\"kommune\": 561", "\"kommune\": \"561\"", true},
        {"\"grundlag\": {", "\"grundlag\": {\"fors\\u00f8rger2\": 1.5e3, ", true},
        {"\"grundlag\": {\"beløb\": \"12326.00\", \"forsørger\": false}", "\"grundlag\": {}",
         true},
        // Left to the tree reader: errors of every kind, nulls, and forms not worth a shortcut.
        {"\"fordringer\": [", "\"fordringer\": [], \"x_fordringer\": [", false}, // unknown
        {"\"2024-03-28\"", "\"2023-02-30\"", false},
        {"\"2024-03-01\"", "\"2024-04-01\"", false}, // fra after til
        {"\"kommune\": 561", "\"kommune\": 561, \"kommune\": 561", false},
        {"\"beløb\": \"12326.00\"", "\"beløb\": \"12326.00\", \"bel\\u00f8b\": 1", false},
        {"\"nemkonto\": true", "\"nemkonto\": \"true\"", false},
        {"\"forsørgelse\": {\"uge\": 30, \"måneder\": 14}", "\"forsørgelse\": null", false},
        {"\"uge\": 30", "\"uge\": null", false},
        {"\"0101801234\"", "\"3201801234\"", false},
        {"\"fradrag\": \"4141.00\",", "", false},
        {"\"id\": \"F-1\"", "\"id\": \"\"", false},
        {"\"grundlag\": {", "\"grundlag\": {" + manyFields, false}, // valid, but 19 fields
        {"\"ydelser\": [{", "\"ydelser\": [1, {", false},
        {"\"a_skat\": \"2990.00\",", "", false},
        {"\"fagsystem\"", "\"fagsystem2\"", false},
    };
    for (const Variant& variant : variants) {
        const std::string json = test::replaced(test::kContractOrderJson, variant.from, variant.to);
        INFO(json);
        compareReaders(reader, json);
        CHECK(compareDirectReader(json) == variant.direct);
    }
    // Escapes are read as the tree reader reads them.
    const std::string escaped = test::replaced(test::kContractOrderJson, "\"KY-2024-000001\"",
                                               "\"KY-\\u00f8-\\\"1\\\"\"");
    CHECK(reader.read(escaped).ordreId == "KY-\xC3\xB8-\"1\"");
}

TEST_CASE("JSON reader: strict JSON; what is not is one ORDRE_SYNTAKS error") {
    io::JsonOrderReader reader;
    const char* const bad[] = {
        "{ordre_id: \"X\"}", "[1, 2]", "\"tekst\"", "{\"a\": 1} x", "{\"a\": 1}}",
        "{\"a\": [1 2]}", "{\"a\": [1,]}", "{\"a\": 1,}", "{\"a\": tru}", "{\"a\": nul}",
        "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": +1}", "{\"a\": .5}", "{\"a\": \"\\x\"}",
        "{\"a\": \"\\ud800\"}", "{\"a\": \"x\ty\"}", "{\"a\": \"\xff\"}", "{\"a\" 1}",
        "{\"ordre_id\": \"X\", \"kommune\": 1", "{\"a\": 1} {\"b\": 2}", "{\"a\": NaN}",
        "{\"a\": 'x'}", "{\"a\": 1 # kommentar\n}", "{\"a\": truefalse}", "{\"a\": 1e}",
    };
    for (const char* text : bad) {
        INFO(text);
        const io::JsonRead& read = reader.read(text);
        CHECK(read.syntax);
        CHECK_FALSE(read.ok);
        REQUIRE(read.errors.size() == 1);
        CHECK(read.errors[0].kode == "ORDRE_SYNTAKS");
        CHECK(read.errors[0].felt == "");
        CHECK_FALSE(read.ordreId.has_value());
    }
    // The checker's words and column, as `ydelse batch` has always reported them.
    CHECK(reader.read("{\"a\": [1 2]}").errors[0].besked ==
          "ikke gyldig JSON: ',' eller ']' forventet (kolonne 10)");
    CHECK(reader.read("[1, 2]").errors[0].besked ==
          "en ordre skal være et JSON-objekt {…} (kolonne 1)");
    CHECK(reader.read("{\"a\": \"\xff\"}").errors[0].besked.find("UTF-8") != std::string::npos);
}

TEST_CASE("JSON reader: nesting deeper than the limit is refused, at the limit it is read") {
    io::JsonOrderReader reader;
    auto nested = [](int depth) {
        return "{\"ukendt\": " + std::string(static_cast<std::size_t>(depth), '[') +
               std::string(static_cast<std::size_t>(depth), ']') + "}";
    };
    CHECK_FALSE(reader.read(nested(io::kMaxJsonDepth)).syntax);
    CHECK(reader.read(nested(io::kMaxJsonDepth)).errors.at(0).kode == "FELT_UKENDT");
    CHECK(reader.read(nested(io::kMaxJsonDepth + 1)).syntax);
    CHECK(reader.read(nested(100000)).syntax);
}

TEST_CASE("JSON reader: byte-level corruption is a syntax error exactly when the checker says "
          "so (or the text is not UTF-8), and otherwise reads as yaml-cpp reads it") {
    io::JsonOrderReader reader;
    bench::OrderGenerator generator(3);
    std::mt19937_64 rng(5);
    const std::string_view alphabet = "{}[],:\" \\.-0123456789aeflnrstuE";
    std::size_t syntax = 0;
    for (int n = 0; n < 3000; ++n) {
        std::string json;
        bench::appendOrderJson(generator.next(), json);
        const int edits = 1 + static_cast<int>(rng() % 2);
        for (int k = 0; k < edits; ++k) {
            const std::size_t at = rng() % json.size();
            const char c = alphabet[rng() % alphabet.size()];
            switch (rng() % 3) {
            case 0: json.erase(at, 1); break;
            case 1: json.insert(json.begin() + static_cast<long>(at), c); break;
            default: json[at] = c; break;
            }
        }
        INFO(json);
        const bool invalid = io::checkJsonObject(json).has_value() || !validUtf8(json);
        const io::JsonRead& read = reader.read(json);
        CHECK(read.syntax == invalid);
        if (invalid) {
            ++syntax;
        } else {
            compareReaders(reader, json);
        }
    }
    CHECK(syntax > 1000);
}

TEST_CASE("JSON reader: escapes and UTF-8 in strings, as simdjson read them") {
    io::JsonOrderReader reader;
    auto withId = [](std::string_view id) {
        return test::replaced(test::kContractOrderJson, "\"KY-2024-000001\"",
                              "\"" + std::string(id) + "\"");
    };
    // Read: the text unescaped (a surrogate pair is one code point), UTF-8 as written.
    const std::pair<const char*, std::string> read[] = {
        {"A\\u00f8\\u00C6", "A\xC3\xB8\xC3\x86"},
        {"\\ud83d\\ude00x", "\xF0\x9F\x98\x80x"},
        {"\\udbff\\udfff", "\xF4\x8F\xBF\xBF"},
        {"\\u20ac \\\" \\\\ \\/ \\b\\f\\n\\r\\t", "\xE2\x82\xAC \" \\ / \b\f\n\r\t"},
        {"nul\\u0000", std::string("nul\0", 4)},
        {"\xF0\x9F\x98\x80 \xEF\xBF\xBF \xED\x9F\xBF \xF4\x8F\xBF\xBF",
         "\xF0\x9F\x98\x80 \xEF\xBF\xBF \xED\x9F\xBF \xF4\x8F\xBF\xBF"},
        {"lang tekst med \xC3\xB8 og \\n efter otte bytes",
         "lang tekst med \xC3\xB8 og \n efter otte bytes"},
    };
    for (const auto& [written, expected] : read) {
        INFO(written);
        const io::JsonRead& result = reader.read(withId(written));
        REQUIRE_FALSE(result.syntax);
        CHECK(result.ordreId == expected);
    }
    // Refused: half a surrogate pair (valid JSON to the checker), and bytes that are not UTF-8
    // (overlong forms, encoded surrogates, above U+10FFFF, cut-off sequences).
    const std::pair<const char*, const char*> refused[] = {
        {"\\ud800", "ikke gyldig JSON: ugyldig tekst eller escape-sekvens"},
        {"\\udc00", "ikke gyldig JSON: ugyldig tekst eller escape-sekvens"},
        {"\\ud800\\u0041", "ikke gyldig JSON: ugyldig tekst eller escape-sekvens"},
        {"\\ud800\\ud800", "ikke gyldig JSON: ugyldig tekst eller escape-sekvens"},
        {"\xC0\xAF", "ikke gyldig JSON: teksten er ikke gyldig UTF-8"},
        {"\xE0\x80\xAF", "ikke gyldig JSON: teksten er ikke gyldig UTF-8"},
        {"\xED\xA0\x80", "ikke gyldig JSON: teksten er ikke gyldig UTF-8"},
        {"\xF4\x90\x80\x80", "ikke gyldig JSON: teksten er ikke gyldig UTF-8"},
        {"\xF5\x80\x80\x80", "ikke gyldig JSON: teksten er ikke gyldig UTF-8"},
        {"\xC3", "ikke gyldig JSON: teksten er ikke gyldig UTF-8"},
        {"\xE2\x82", "ikke gyldig JSON: teksten er ikke gyldig UTF-8"},
        {"\x80", "ikke gyldig JSON: teksten er ikke gyldig UTF-8"},
        {"\\n\xC3", "ikke gyldig JSON: teksten er ikke gyldig UTF-8"},
    };
    for (const auto& [written, besked] : refused) {
        INFO(written);
        const io::JsonRead& result = reader.read(withId(written));
        CHECK(result.syntax);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].besked == besked);
    }
}
