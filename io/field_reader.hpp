// Typed, error-collecting access to the fields of a parsed YAML/JSON order. Every reader reports
// what is wrong with a field (kode, felt path, Danish besked) and returns nothing, so the order
// reader can go on and collect all errors instead of stopping at the first.
#pragma once

#include "io/scalar_rules.hpp"

#include "runtime/model/order.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ydelse::io {

/// A field's value (nothing when absent, or reported missing) and its path, as error reports
/// name it: "skattekort.trækprocent", "ydelser[0].grundlag.beløb".
struct Field {
    std::optional<YAML::Node> node;
    std::string path;
};

/// The entries of a mapping in document order; duplicates and unknown keys already reported.
class MapView {
public:
    MapView(std::string path, std::vector<std::pair<std::string, YAML::Node>> entries)
        : path_(std::move(path)), entries_(std::move(entries)) {}

    const std::string& path() const { return path_; }
    const std::vector<std::pair<std::string, YAML::Node>>& entries() const { return entries_; }
    /// The first entry named `key`, null values included.
    std::optional<YAML::Node> find(std::string_view key) const;
    std::string pathOf(std::string_view key) const;

private:
    std::string path_;
    std::vector<std::pair<std::string, YAML::Node>> entries_;
};

std::string joinPath(std::string_view parent, std::string_view key);
std::string indexPath(std::string_view parent, std::size_t index);

/// How a node looks, for "fandt ..." in messages: `"12.326,00"`, "en liste", "ingen værdi".
std::string describe(const YAML::Node& node);
/// True when a scalar was written as a string ("x", 'x' or !!str x) rather than plain.
bool isQuoted(const YAML::Node& node);

class FieldReader {
public:
    void fail(std::string_view kode, std::string felt, std::string besked);
    const std::vector<OrderError>& errors() const { return errors_; }
    std::vector<OrderError> takeErrors() { return std::move(errors_); }

    /// A required field: FELT_MANGLER when absent or null.
    Field need(const MapView& map, std::string_view key);
    /// An optional field: absent and null both give an empty Field.
    Field maybe(const MapView& map, std::string_view key);

    /// The field as a mapping whose keys must be among `known` (FELT_UKENDT otherwise).
    std::optional<MapView> mapOf(const Field& field, std::initializer_list<std::string_view> known);
    /// The field as a mapping with free keys (a grundlag).
    std::optional<MapView> freeMapOf(const Field& field);
    /// The field as a list; each item's path is "path[i]".
    std::optional<std::vector<Field>> listOf(const Field& field);

    /// A scalar as text, quoted or not; FELT_VÆRDI when empty and `allowEmpty` is false.
    std::optional<std::string> text(const Field& field, bool allowEmpty = false);
    /// One of `allowed`; FELT_VÆRDI otherwise, naming the allowed values.
    std::optional<std::string> choice(const Field& field,
                                      std::initializer_list<std::string_view> allowed);
    /// An ISO date YYYY-MM-DD.
    std::optional<Date> date(const Field& field);
    /// A non-negative amount with at most two decimals, at most 1 000 000 000.
    std::optional<Decimal> amount(const Field& field);
    /// A percentage 0..100, any number of decimals.
    std::optional<Decimal> percent(const Field& field);
    /// Plain digits within [min, max].
    std::optional<std::int64_t> integer(const Field& field, std::int64_t min, std::int64_t max);
    /// Unquoted true or false.
    std::optional<bool> boolean(const Field& field);

private:
    template <typename T>
    std::optional<T> reported(const Field& field, std::optional<T> value, rules::Problem& problem);
    std::optional<MapView> mapEntries(const Field& field,
                                      std::initializer_list<std::string_view> known,
                                      bool freeKeys);
    /// The scalar text, or nothing after reporting FELT_TYPE (`expected` says what belongs).
    std::optional<std::string> scalar(const Field& field, std::string_view expected);

    std::vector<OrderError> errors_;
};

} // namespace ydelse::io
