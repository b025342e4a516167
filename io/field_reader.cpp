// Field access with error collection; see field_reader.hpp.
#include "io/field_reader.hpp"

#include "io/order_reader.hpp"

#include "io/scalar_rules.hpp"

#include <fmt/format.h>

namespace ydelse::io {

std::optional<YAML::Node> MapView::find(std::string_view key) const {
    for (const auto& [name, node] : entries_) {
        if (name == key) {
            return node;
        }
    }
    return std::nullopt;
}

std::string MapView::pathOf(std::string_view key) const { return joinPath(path_, key); }

std::string joinPath(std::string_view parent, std::string_view key) {
    if (parent.empty()) {
        return std::string(key);
    }
    return fmt::format("{}.{}", parent, key);
}

std::string indexPath(std::string_view parent, std::size_t index) {
    return fmt::format("{}[{}]", parent, index);
}

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return "et objekt";
    case YAML::NodeType::Sequence:
        return "en liste";
    case YAML::NodeType::Scalar:
        return fmt::format("\"{}\"", node.Scalar());
    default:
        return "ingen værdi";
    }
}

bool isQuoted(const YAML::Node& node) {
    return node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str";
}

void FieldReader::fail(std::string_view kode, std::string felt, std::string besked) {
    errors_.push_back(OrderError{std::string(kode), std::move(felt), std::move(besked)});
}

Field FieldReader::need(const MapView& map, std::string_view key) {
    Field field{map.find(key), map.pathOf(key)};
    if (!field.node) {
        fail(kFeltMangler, field.path, fmt::format("feltet {} mangler", key));
    } else if (field.node->IsNull()) {
        fail(kFeltMangler, field.path, fmt::format("feltet {} har ingen værdi", key));
        field.node.reset();
    }
    return field;
}

Field FieldReader::maybe(const MapView& map, std::string_view key) {
    Field field{map.find(key), map.pathOf(key)};
    if (field.node && field.node->IsNull()) {
        field.node.reset();
    }
    return field;
}

std::optional<MapView> FieldReader::mapOf(const Field& field,
                                          std::initializer_list<std::string_view> known) {
    return mapEntries(field, known, false);
}

std::optional<MapView> FieldReader::freeMapOf(const Field& field) {
    return mapEntries(field, {}, true);
}

std::optional<MapView> FieldReader::mapEntries(const Field& field,
                                               std::initializer_list<std::string_view> known,
                                               bool freeKeys) {
    if (!field.node) {
        return std::nullopt;
    }
    if (!field.node->IsMap()) {
        const std::string expected =
            freeKeys ? "et objekt"
                     : fmt::format("et objekt med felterne {}", rules::joinChoices(known));
        fail(kFeltType, field.path,
             fmt::format("forventede {}, fandt {}", expected, describe(*field.node)));
        return std::nullopt;
    }
    std::vector<std::pair<std::string, YAML::Node>> entries;
    for (auto it = field.node->begin(); it != field.node->end(); ++it) {
        if (!it->first.IsScalar()) {
            fail(kFeltType, field.path,
                 fmt::format("et feltnavn skal være en tekst, fandt {}", describe(it->first)));
            continue;
        }
        const std::string name = it->first.Scalar();
        const std::string path = joinPath(field.path, name);
        bool duplicate = false;
        for (const auto& entry : entries) {
            duplicate = duplicate || entry.first == name;
        }
        if (duplicate) {
            // yaml-cpp keeps both; silently taking either would hide a mistake in the order.
            fail(kOrdreSyntaks, path, fmt::format("feltet {} står mere end én gang", name));
            continue;
        }
        bool isKnown = freeKeys;
        for (std::string_view k : known) {
            isKnown = isKnown || k == name;
        }
        if (!isKnown) {
            fail(kFeltUkendt, path,
                 fmt::format("ukendt felt {}; tilladte felter her: {}", name,
                             rules::joinChoices(known)));
            continue;
        }
        entries.emplace_back(name, it->second);
    }
    return MapView(field.path, std::move(entries));
}

std::optional<std::vector<Field>> FieldReader::listOf(const Field& field) {
    if (!field.node) {
        return std::nullopt;
    }
    if (!field.node->IsSequence()) {
        fail(kFeltType, field.path,
             fmt::format("forventede en liste, fandt {}", describe(*field.node)));
        return std::nullopt;
    }
    std::vector<Field> items;
    std::size_t index = 0;
    for (const YAML::Node& item : *field.node) {
        items.push_back(Field{item, indexPath(field.path, index++)});
    }
    return items;
}

std::optional<std::string> FieldReader::scalar(const Field& field, std::string_view expected) {
    if (!field.node) {
        return std::nullopt;
    }
    if (!field.node->IsScalar()) {
        fail(kFeltType, field.path,
             fmt::format("forventede {}, fandt {}", expected, describe(*field.node)));
        return std::nullopt;
    }
    return field.node->Scalar();
}

std::optional<std::string> FieldReader::text(const Field& field, bool allowEmpty) {
    auto value = scalar(field, "en tekst");
    if (value && value->empty() && !allowEmpty) {
        fail(kFeltVaerdi, field.path, "teksten er tom");
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> FieldReader::choice(const Field& field,
                                               std::initializer_list<std::string_view> allowed) {
    auto value = scalar(field, fmt::format("en af {}", rules::joinChoices(allowed)));
    if (!value) {
        return std::nullopt;
    }
    rules::Problem problem;
    if (!rules::oneOf(*value, allowed, problem)) {
        fail(problem.kode, field.path, std::move(problem.besked));
        return std::nullopt;
    }
    return value;
}

// Reports a shared rule's refusal on this field.
template <typename T>
std::optional<T> FieldReader::reported(const Field& field, std::optional<T> value,
                                       rules::Problem& problem) {
    if (!value) {
        fail(problem.kode, field.path, std::move(problem.besked));
    }
    return value;
}

std::optional<Date> FieldReader::date(const Field& field) {
    auto value = scalar(field, "en dato ÅÅÅÅ-MM-DD");
    rules::Problem problem;
    return value ? reported(field, rules::date(*value, problem), problem) : std::nullopt;
}

std::optional<Decimal> FieldReader::amount(const Field& field) {
    auto value = scalar(field, "et beløb");
    rules::Problem problem;
    return value ? reported(field, rules::amount(*value, problem), problem) : std::nullopt;
}

std::optional<Decimal> FieldReader::percent(const Field& field) {
    auto value = scalar(field, "en procentsats");
    rules::Problem problem;
    return value ? reported(field, rules::percent(*value, problem), problem) : std::nullopt;
}

std::optional<std::int64_t> FieldReader::integer(const Field& field, std::int64_t min,
                                                 std::int64_t max) {
    auto value = scalar(field, "et heltal");
    rules::Problem problem;
    return value ? reported(field, rules::integer(*value, min, max, problem), problem)
                 : std::nullopt;
}

std::optional<bool> FieldReader::boolean(const Field& field) {
    auto value = scalar(field, "true eller false");
    rules::Problem problem;
    if (!value) {
        return std::nullopt;
    }
    return reported(field, rules::boolean(*value, isQuoted(*field.node), problem), problem);
}

} // namespace ydelse::io
