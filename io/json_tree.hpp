// The parsed form of one JSON order inside the JSON reader (json_tree_parser.cpp builds it,
// json_order_fields.cpp reads the order from it). The order reader must look fields up by name
// and report problems in the order order_reader.hpp does, not in document order, so the line is
// first parsed into this flat tree: nodes in memory reused between orders, whose texts point
// into the parser's copy of the line or its buffer of unescaped strings, so building it
// allocates nothing in steady state.
#pragma once

#include "io/json_order_reader.hpp"
#include "io/order_reuse.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace ydelse::io::json {

enum class Kind : std::uint8_t { Object, Array, String, Number, True, False, Null };

struct Node {
    Kind kind = Kind::Null;
    /// Set by the field reader on an object member it refused (written twice, or unknown), so
    /// that lookups by name see only the members it accepted, as MapView does for yaml-cpp.
    bool skipped = false;
    std::uint32_t first = 0; ///< first member or item; 0 when none (0 is the root, no child)
    std::uint32_t next = 0;  ///< next member or item of the parent; 0 after the last
    std::uint32_t count = 0; ///< number of members or items
    std::string_view key;    ///< the member's name (unescaped) when the parent is an object
    std::string_view text;   ///< a string unescaped, a number as written, "true" or "false"

    bool isScalar() const {
        return kind == Kind::String || kind == Kind::Number || kind == Kind::True ||
               kind == Kind::False;
    }
};

/// The nodes of one line, tree[0] the root object. The vector only grows: a line's nodes are
/// written over the previous line's, without a vector's bookkeeping per node.
struct Tree {
    std::vector<Node> nodes; ///< nodes[0, size) are this line's
    std::uint32_t size = 0;

    Node& operator[](std::uint32_t i) { return nodes[i]; }
    const Node& operator[](std::uint32_t i) const { return nodes[i]; }
    bool empty() const { return size == 0; }
};

/// Reads the order from `tree` (tree[0] is the root object) into `out`: order, errors, ordreId
/// and ok; `out.syntax` is left alone.
void readOrderTree(Tree& tree, JsonRead& out, Spares& spares);

} // namespace ydelse::io::json
