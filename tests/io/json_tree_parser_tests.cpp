// The JSON order reader's parser on its own (io/json_tree_parser.hpp). It scans strings 16
// bytes at a time and reads ahead into padding, so these tests put every kind of byte at every
// offset of strings of every length up to a few blocks, near the start and at the very end of
// the text, and check the unescaped text or the refusal.
#include "io/json_tree_parser.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <string_view>

using namespace ydelse::io;

namespace {

struct Parsed {
    bool ok = false;
    std::string key;
    std::string text;
};

// Parses `{"<key>":"<value>"}` (value written as is) with a parser that has read other lines
// before, and returns the member's key and text.
Parsed parseMember(json::Tree& tree, json::ParseBuffers& buffers, std::string_view key,
                   std::string_view value, bool last = true) {
    std::string line = "{\"" + std::string(key) + "\":\"" + std::string(value) + "\"";
    if (!last) {
        line += ",\"after\":[1,true,null,{\"x\":\"y\"}]";
    }
    line += "}";
    Parsed parsed;
    parsed.ok = json::parseJsonObject(line, tree, buffers);
    if (parsed.ok) {
        const json::Node& member = tree[tree[0].first];
        parsed.key = std::string(member.key);
        parsed.text = std::string(member.text);
    }
    return parsed;
}

// The text with bytes outside printable ASCII as \xNN, for a test's message.
std::string shown(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        out += byte >= 0x20 && byte < 0x7F ? std::string(1, c) : fmt::format("\\x{:02X}", byte);
    }
    return out;
}

} // namespace

TEST_CASE("JSON parser: every length and offset of plain text, UTF-8 and escapes") {
    json::Tree tree;
    json::ParseBuffers buffers;
    struct Insert {
        std::string_view written;
        std::string_view read;
    };
    const Insert inserts[] = {
        {"a", "a"},
        {"\xC3\xB8", "\xC3\xB8"},                 // ø
        {"\xE2\x82\xAC", "\xE2\x82\xAC"},         // €
        {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"}, // an emoji
        {"\\n", "\n"},
        {"\\\"", "\""},
        {"\\\\", "\\"},
        {"\\u00f8", "\xC3\xB8"},
        {"\\ud83d\\ude00", "\xF0\x9F\x98\x80"},
        {"\\u0000", std::string_view("\0", 1)},
    };
    for (int length = 0; length <= 40; ++length) {
        for (int at = 0; at <= length; ++at) {
            for (const Insert& insert : inserts) {
                for (bool last : {true, false}) {
                    std::string written(static_cast<std::size_t>(length), 'x');
                    std::string read = written;
                    written.insert(static_cast<std::size_t>(at), insert.written);
                    read.insert(static_cast<std::size_t>(at), insert.read);
                    // Another escape or letter further on, so runs after an escape are copied.
                    written += "\\t\xC3\xA6z";
                    read += "\t\xC3\xA6z";
                    INFO(shown(written));
                    const Parsed value = parseMember(tree, buffers, "k", written, last);
                    REQUIRE(value.ok);
                    CHECK(value.text == read);
                    const Parsed key = parseMember(tree, buffers, written, "v", last);
                    REQUIRE(key.ok);
                    CHECK(key.key == read);
                }
            }
        }
    }
}

TEST_CASE("JSON parser: a bad byte at any offset of a string is refused") {
    json::Tree tree;
    json::ParseBuffers buffers;
    const std::string_view bad[] = {
        // (DEL is allowed: there it is the cut-off sequence after it that is refused.)
        std::string_view("\0", 1), "\x01", "\x1F", "\t", "\n", "\x7F\xC3", "\xC3", "\xC3x",
        "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "\x80", "\\x", "\\u12",
        "\\ud800", "\\udc00x", "\\",
    };
    for (int length = 0; length <= 40; ++length) {
        for (int at = 0; at <= length; ++at) {
            for (std::string_view insert : bad) {
                for (bool escapedBefore : {false, true}) {
                    std::string written = escapedBefore ? "\\/" : "";
                    written += std::string(static_cast<std::size_t>(length), 'x');
                    written.insert(written.size() - static_cast<std::size_t>(length - at),
                                   insert);
                    INFO(shown(written));
                    CHECK_FALSE(parseMember(tree, buffers, "k", written).ok);
                    CHECK_FALSE(parseMember(tree, buffers, written, "v", false).ok);
                }
            }
        }
    }
}

TEST_CASE("JSON parser: a text cut off anywhere is refused, and nothing may follow the object") {
    json::Tree tree;
    json::ParseBuffers buffers;
    const std::string line =
        "{\"ordre_id\":\"KY-\\u00f8-1\",\"bel\xC3\xB8" "b\":12.50e-1,\"ok\":true,\"l\":[null,"
        "false,{}],\"tom\":[]}";
    REQUIRE(json::parseJsonObject(line, tree, buffers));
    for (std::size_t n = 0; n < line.size(); ++n) {
        INFO(line.substr(0, n));
        CHECK_FALSE(json::parseJsonObject(line.substr(0, n), tree, buffers));
    }
    CHECK(json::parseJsonObject(" \t\r\n" + line + " \n", tree, buffers));
    CHECK_FALSE(json::parseJsonObject(line + std::string("\0", 1), tree, buffers));
    CHECK_FALSE(json::parseJsonObject(line + "x", tree, buffers));
    CHECK_FALSE(json::parseJsonObject(line + line, tree, buffers));
}

TEST_CASE("JSON parser: the tree of a line, members and items linked in order") {
    json::Tree tree;
    json::ParseBuffers buffers;
    REQUIRE(json::parseJsonObject(
        "{\"a\":\"x\",\"b\":[1,-2.5E+3,true,false,null],\"c\":{},\"d\":[]}", tree, buffers));
    const json::Node& root = tree[0];
    CHECK(root.kind == json::Kind::Object);
    CHECK(root.count == 4);
    const json::Node& a = tree[root.first];
    CHECK(a.key == "a");
    CHECK(a.text == "x");
    const json::Node& b = tree[a.next];
    CHECK(b.kind == json::Kind::Array);
    CHECK(b.count == 5);
    std::string items;
    for (std::uint32_t i = b.first; i != 0; i = tree[i].next) {
        items += fmt::format("{}:{};", static_cast<int>(tree[i].kind), tree[i].text);
    }
    CHECK(items == "3:1;3:-2.5E+3;4:true;5:false;6:;");
    const json::Node& c = tree[b.next];
    CHECK(c.kind == json::Kind::Object);
    CHECK(c.count == 0);
    CHECK(c.first == 0);
    const json::Node& d = tree[c.next];
    CHECK(d.kind == json::Kind::Array);
    CHECK(d.next == 0);
}

TEST_CASE("JSON parser: a line of many members grows the tree; a short line after it reads") {
    json::Tree tree;
    json::ParseBuffers buffers;
    std::string line = "{";
    for (int i = 0; i < 20000; ++i) {
        line += fmt::format("{}\"k{}\":[{}]", i == 0 ? "" : ",", i, i);
    }
    line += "}";
    REQUIRE(json::parseJsonObject(line, tree, buffers));
    CHECK(tree[0].count == 20000);
    std::uint32_t last = tree[0].first;
    for (std::uint32_t i = last; i != 0; i = tree[i].next) {
        last = i;
    }
    CHECK(tree[last].key == "k19999");
    CHECK(tree[tree[last].first].text == "19999");
    REQUIRE(json::parseJsonObject("{\"a\":\"b\"}", tree, buffers));
    CHECK(tree.size == 2);
    CHECK(tree[tree[0].first].text == "b");
}
