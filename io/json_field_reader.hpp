// Typed, error-collecting access to the fields of a parsed JSON order (json_tree.hpp): the JSON
// reader's counterpart of field_reader.hpp, with the same checks, codes and messages, so both
// readers reject an order for the same reasons. Two differences, both for speed: a field's path
// ("ydelser[0].grundlag.beløb") is a chain of Path links on the stack, turned into text only
// when an error names it; and mappings are read in place in the tree, not copied.
#pragma once

#include "io/scalar_rules.hpp"

#include "io/json_tree.hpp"

#include <cstdint>
#include <array>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ydelse::io::json {

/// A place in the order. The root has no parent and no key.
struct Path {
    const Path* parent = nullptr;
    std::string_view key;
    std::int64_t index = -1; ///< a list item when >= 0

    std::string text() const;
};

/// A field's value (nullptr when absent, or null and reported) and its place.
struct Field {
    const Node* node = nullptr;
    Path path;
};

/// The members a mapping may have, in the order messages name them. At most kMaxKeys.
using Keys = std::span<const std::string_view>;
inline constexpr std::size_t kMaxKeys = 16;

/// An object whose refused members are marked `skipped`. Its path must stay where it is while
/// fields read from it are in use: they point to it. A mapping with known keys (mapOf) also
/// holds each key's accepted member, so a lookup compares only with its own keys.
class MapView {
public:
    /// A free mapping (any keys); FieldReader::mapOf makes one with known keys.
    MapView(const Tree& tree, const Node& object, Path path)
        : tree_(&tree), object_(&object), path_(path) {}

    const Path& path() const { return path_; }
    /// The first accepted member named `key`, null values included.
    const Node* find(std::string_view key) const;
    Path pathOf(std::string_view key) const { return Path{&path_, key, -1}; }
    /// Calls f(member) for each accepted member in document order.
    template <typename F>
    void forEach(F f) const {
        for (std::uint32_t i = object_->first; i != 0; i = (*tree_)[i].next) {
            if (!(*tree_)[i].skipped) {
                f((*tree_)[i]);
            }
        }
    }

private:
    friend class FieldReader;
    /// The index in `known_` of `key`, or -1. Readers ask for keys mostly in the order they are
    /// listed, so the search starts after the last key found.
    int slotOf(std::string_view key) const;

    const Tree* tree_;
    const Node* object_;
    Path path_;
    bool free_ = true;
    Keys known_;                                  ///< when not free
    std::array<std::uint32_t, kMaxKeys> found_{}; ///< node of each known key; 0 when absent
    mutable std::size_t hint_ = 0;
};

/// "et objekt", "en liste", `"12.326,00"`, "ingen værdi": how a value looks in a message.
std::string describe(const Node& node);

class FieldReader {
public:
    FieldReader(Tree& tree, std::vector<OrderError>& errors) : tree_(tree), errors_(errors) {}

    void fail(std::string_view kode, const Path& felt, std::string besked);
    bool failed() const { return !errors_.empty(); }
    const Tree& tree() const { return tree_; }

    Field need(const MapView& map, std::string_view key);
    Field maybe(const MapView& map, std::string_view key);

    std::optional<MapView> mapOf(const Field& field, Keys known);
    std::optional<MapView> freeMapOf(const Field& field);
    /// The field as a list: its first item's index in the tree (0 when empty) and the count;
    /// nothing after reporting FELT_TYPE.
    const Node* listOf(const Field& field);

    std::optional<std::string_view> text(const Field& field, bool allowEmpty = false);
    std::optional<std::string_view> choice(const Field& field, Keys allowed);
    std::optional<std::string_view> choice(const Field& field,
                                           std::initializer_list<std::string_view> allowed) {
        return choice(field, Keys(allowed.begin(), allowed.size()));
    }
    std::optional<Date> date(const Field& field);
    std::optional<Decimal> amount(const Field& field);
    std::optional<Decimal> percent(const Field& field);
    std::optional<std::int64_t> integer(const Field& field, std::int64_t min, std::int64_t max);
    std::optional<bool> boolean(const Field& field);

private:
    template <typename T>
    std::optional<T> reported(const Field& field, std::optional<T> value, rules::Problem& problem);
    std::optional<MapView> mapEntries(const Field& field, Keys known, bool freeKeys);
    std::optional<std::string_view> scalar(const Field& field, std::string_view expected);

    Tree& tree_;
    std::vector<OrderError>& errors_;
};

} // namespace ydelse::io::json
