// Typed, error-collecting access to the fields of a parsed JSON order (json_tree.hpp): the JSON
// reader's counterpart of field_reader.hpp, with the same checks, codes and messages, so both
// readers reject an order for the same reasons. The differences are all for speed:
// - a field's path ("ydelser[0].grundlag.beløb") is a chain of Path links on the stack, turned
//   into text only when an error names it;
// - mappings are read in place in the tree, not copied;
// - a mapping with known keys sorts its members into slots once, by a table on the key's length
//   and first and last bytes (KeyList), and a field is then asked for by its slot, found at
//   compile time from its name (KeyList::slot), so no key is compared twice;
// - the valid case of each check is inline and short; what reports an error is out of line.
#pragma once

#include "io/plain_scalars.hpp"
#include "io/scalar_rules.hpp"

#include "io/json_tree.hpp"

#include <array>
#include <cstdint>
#include <cstring>
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

/// Allowed values of a choice, in the order messages name them.
using Names = std::span<const std::string_view>;

inline constexpr std::size_t kMaxKeys = 16;
inline constexpr std::size_t kKeyTableSize = 32;

/// A non-empty key's entry in a KeyList's table.
constexpr std::size_t keyHash(std::string_view key, unsigned seed) {
    const auto front = static_cast<unsigned char>(key.front());
    const auto back = static_cast<unsigned char>(key.back());
    return ((key.size() * seed) ^ (front * 3U) ^ back) % kKeyTableSize;
}

/// Key comparison without a memcmp call: keys are short, and profiling showed memcmp as a tenth
/// of the reader's time.
inline bool sameKey(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) {
        return false;
    }
    const char* x = a.data();
    const char* y = b.data();
    if (x == y) {
        return true;
    }
    auto load8 = [](const char* p) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, sizeof w);
        return w;
    };
    auto load4 = [](const char* p) {
        std::uint32_t w = 0;
        std::memcpy(&w, p, sizeof w);
        return w;
    };
    if (n >= 8) {
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            if (load8(x + i) != load8(y + i)) {
                return false;
            }
        }
        return i == n || load8(x + n - 8) == load8(y + n - 8);
    }
    if (n >= 4) {
        return load4(x) == load4(y) && load4(x + n - 4) == load4(y + n - 4);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (x[i] != y[i]) {
            return false;
        }
    }
    return true;
}

/// The members a mapping may have (KeyList's, for MapView).
struct KnownKeys {
    Names names;
    const std::uint8_t* table = nullptr; ///< kKeyTableSize entries: slot + 1, or 0
    unsigned seed = 0;

    /// The slot of `key` in `names`, or -1.
    int slotOf(std::string_view key) const {
        if (key.empty()) {
            return -1;
        }
        const int slot = table[keyHash(key, seed)] - 1;
        return slot >= 0 && sameKey(names[static_cast<std::size_t>(slot)], key) ? slot : -1;
    }
};

/// A mapping's keys in the order messages name them, with a table without collisions (a seed
/// for keyHash is searched at compile time; none found fails the build).
template <std::size_t N>
class KeyList {
    static_assert(N > 0 && N <= kMaxKeys);

public:
    consteval explicit KeyList(const std::array<std::string_view, N>& names) : names_(names) {
        for (seed_ = 1; seed_ < 64; ++seed_) {
            table_ = {};
            bool distinct = true;
            for (std::size_t slot = 0; slot < N && distinct; ++slot) {
                std::uint8_t& entry = table_[keyHash(names_[slot], seed_)];
                distinct = entry == 0;
                entry = static_cast<std::uint8_t>(slot + 1);
            }
            if (distinct) {
                return;
            }
        }
        throw "no seed gives these keys distinct table entries";
    }

    /// The slot of `name`, which must be one of the keys (checked at compile time).
    consteval std::uint8_t slot(std::string_view name) const {
        for (std::size_t i = 0; i < N; ++i) {
            if (names_[i] == name) {
                return static_cast<std::uint8_t>(i);
            }
        }
        throw "not one of the keys";
    }

    operator KnownKeys() const { return KnownKeys{names_, table_.data(), seed_}; }

private:
    std::array<std::string_view, N> names_;
    std::array<std::uint8_t, kKeyTableSize> table_{};
    unsigned seed_ = 0;
};

/// An object whose refused members are marked `skipped`. Its path must stay where it is while
/// fields read from it are in use: they point to it. A mapping with known keys (mapOf) also
/// holds each key's accepted member by slot.
class MapView {
public:
    /// A free mapping (any keys); FieldReader::mapOf makes one with known keys.
    MapView(const Tree& tree, const Node& object, Path path)
        : tree_(&tree), object_(&object), path_(path) {}

    const Path& path() const { return path_; }
    /// The first accepted member named `key`, null values included.
    const Node* find(std::string_view key) const;
    Path pathOf(std::string_view key) const { return Path{&path_, key, -1}; }
    /// The accepted member in a known key's slot, or nullptr.
    const Node* at(std::uint8_t slot) const {
        return found_[slot] == 0 ? nullptr : &(*tree_)[found_[slot]];
    }
    std::string_view keyAt(std::uint8_t slot) const { return known_.names[slot]; }
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

    const Tree* tree_;
    const Node* object_;
    Path path_;
    KnownKeys known_;                             ///< when not free
    std::array<std::uint32_t, kMaxKeys> found_{}; ///< node of each known key; 0 when absent
};

/// "et objekt", "en liste", `"12.326,00"`, "ingen værdi": how a value looks in a message.
std::string describe(const Node& node);

class FieldReader {
public:
    FieldReader(Tree& tree, std::vector<OrderError>& errors) : tree_(tree), errors_(errors) {}

    void fail(std::string_view kode, const Path& felt, std::string besked);
    bool failed() const { return !errors_.empty(); }
    const Tree& tree() const { return tree_; }

    /// The known key in `slot` (KeyList::slot): FELT_MANGLER when absent or null.
    Field need(const MapView& map, std::uint8_t slot) {
        const Node* node = map.at(slot);
        if (node == nullptr || node->kind == Kind::Null) [[unlikely]] {
            return missing(map, slot, node);
        }
        return Field{node, map.pathOf(map.keyAt(slot))};
    }
    /// The known key in `slot`; no node when absent or null.
    Field maybe(const MapView& map, std::uint8_t slot) {
        const Node* node = map.at(slot);
        return Field{node != nullptr && node->kind == Kind::Null ? nullptr : node,
                     map.pathOf(map.keyAt(slot))};
    }

    std::optional<MapView> mapOf(const Field& field, KnownKeys known);
    std::optional<MapView> freeMapOf(const Field& field);
    /// The field as a list: its first item's index in the tree (0 when empty) and the count;
    /// nothing after reporting FELT_TYPE.
    const Node* listOf(const Field& field);

    std::optional<std::string_view> text(const Field& field, bool allowEmpty = false) {
        if (isScalar(field) && (allowEmpty || !field.node->text.empty())) [[likely]] {
            return field.node->text;
        }
        return refusedText(field, allowEmpty);
    }
    std::optional<std::string_view> choice(const Field& field, Names allowed) {
        if (isScalar(field)) [[likely]] {
            for (std::string_view candidate : allowed) {
                if (field.node->text == candidate) {
                    return candidate;
                }
            }
        }
        return refusedChoice(field, allowed);
    }
    std::optional<std::string_view> choice(const Field& field,
                                           std::initializer_list<std::string_view> allowed) {
        return choice(field, Names(allowed.begin(), allowed.size()));
    }
    std::optional<Date> date(const Field& field) {
        if (isScalar(field)) [[likely]] {
            if (auto value = rules::plainDate(field.node->text)) {
                return value;
            }
        }
        return refusedDate(field);
    }
    std::optional<Decimal> amount(const Field& field) {
        if (isScalar(field)) [[likely]] {
            if (auto value = rules::plainAmount(field.node->text)) {
                return value;
            }
        }
        return refusedAmount(field);
    }
    std::optional<Decimal> percent(const Field& field) {
        if (isScalar(field)) [[likely]] {
            if (auto value = rules::plainPercent(field.node->text)) {
                return value;
            }
        }
        return refusedPercent(field);
    }
    std::optional<std::int64_t> integer(const Field& field, std::int64_t min, std::int64_t max) {
        if (isScalar(field)) [[likely]] {
            if (auto value = rules::plainInteger(field.node->text, min, max)) {
                return value;
            }
        }
        return refusedInteger(field, min, max);
    }
    std::optional<bool> boolean(const Field& field) {
        if (field.node != nullptr && field.node->kind == Kind::True) [[likely]] {
            return true;
        }
        if (field.node != nullptr && field.node->kind == Kind::False) {
            return false;
        }
        return refusedBoolean(field);
    }

private:
    static bool isScalar(const Field& field) {
        return field.node != nullptr && field.node->isScalar();
    }
    Field missing(const MapView& map, std::uint8_t slot, const Node* node);
    std::optional<std::string_view> refusedText(const Field& field, bool allowEmpty);
    std::optional<std::string_view> refusedChoice(const Field& field, Names allowed);
    std::optional<bool> refusedBoolean(const Field& field);
    std::optional<Date> refusedDate(const Field& field);
    std::optional<Decimal> refusedAmount(const Field& field);
    std::optional<Decimal> refusedPercent(const Field& field);
    std::optional<std::int64_t> refusedInteger(const Field& field, std::int64_t min,
                                               std::int64_t max);
    void refuseMember(const Path& mapPath, Node& member, bool duplicate, Names known);
    void notAnObject(const Field& field, Names known, bool freeKeys);
    template <typename T>
    std::optional<T> reported(const Field& field, std::optional<T> value, rules::Problem& problem);
    std::optional<std::string_view> scalar(const Field& field, std::string_view expected);

    Tree& tree_;
    std::vector<OrderError>& errors_;
};

} // namespace ydelse::io::json
