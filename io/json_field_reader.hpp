// Typed, error-collecting access to the fields of a parsed JSON order (json_tree.hpp): the JSON
// reader's counterpart of field_reader.hpp, with the same checks, codes and messages, so both
// readers reject an order for the same reasons. The differences are all for speed:
// - a field's path ("ydelser[0].grundlag.beløb") is a chain of Path links on the stack, turned
//   into text only when an error names it;
// - mappings are read in place in the tree, not copied;
// - a mapping with known keys sorts its members into slots once, by a table on the key's length
//   and first and last bytes (KnownKeys), and a field is then asked for by its slot, found at
//   compile time from its name (KnownKeys::slot), so no key is compared twice;
// - the valid case of each check is inline and short; what reports an error is out of line.
#pragma once

#include "io/json_order_keys.hpp"
#include "io/json_tree.hpp"
#include "io/plain_scalars.hpp"
#include "io/scalar_rules.hpp"

#include <array>
#include <cstdint>
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

/// An object whose refused members are marked `skipped`, or no mapping (false: the field was
/// absent, or not an object and reported). Its path must stay where it is while fields read
/// from it are in use: they point to it. A mapping with known keys (mapOf) also holds each
/// key's accepted member by slot. Returned by value, not in an optional: an optional's
/// construction cleared all of it with `rep stos`, a tenth of the time spent on a mapping.
class MapView {
public:
    MapView() : tree_(nullptr), object_(nullptr) {}
    /// A free mapping (any keys); FieldReader::mapOf makes one with known keys.
    MapView(const Tree& tree, const Node& object, Path path)
        : tree_(&tree), object_(&object), path_(path) {}

    explicit operator bool() const { return object_ != nullptr; }
    const Path& path() const { return path_; }
    Path pathOf(std::string_view key) const { return Path{&path_, key, -1}; }
    /// The accepted member in a known key's slot, or nullptr.
    const Node* at(std::uint8_t slot) const {
        return found_[slot] == 0 ? nullptr : &(*tree_)[found_[slot]];
    }
    std::string_view keyAt(std::uint8_t slot) const { return known_->name(slot); }
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
    const KnownKeys* known_ = nullptr;            ///< when not free
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

    /// The known key in `slot` (KnownKeys::slot): FELT_MANGLER when absent or null.
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

    MapView mapOf(const Field& field, const KnownKeys& known);
    MapView freeMapOf(const Field& field);
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
