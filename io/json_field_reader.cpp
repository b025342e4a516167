// Field access for the JSON reader; see json_field_reader.hpp. Every check and message mirrors
// field_reader.cpp: change the two together (the differential test compares them).
#include "io/json_field_reader.hpp"

#include <fmt/format.h>

#include <charconv>
#include <unordered_set>

namespace ydelse::io::json {
namespace {

const Decimal& maxAmount() {
    static const Decimal limit = Decimal::fromInt(1'000'000'000);
    return limit;
}

bool allDigits(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

std::size_t writtenDecimals(std::string_view text) {
    const std::size_t point = text.find('.');
    return point == std::string_view::npos ? 0 : text.size() - point - 1;
}

std::string joinChoices(std::initializer_list<std::string_view> allowed) {
    std::string joined;
    for (std::string_view value : allowed) {
        joined += joined.empty() ? "" : ", ";
        joined += value;
    }
    return joined;
}

void appendPath(std::string& out, const Path& path) {
    if (path.parent != nullptr) {
        appendPath(out, *path.parent);
    }
    if (path.index >= 0) {
        out += fmt::format("[{}]", path.index);
    } else if (!path.key.empty() || path.parent != nullptr) {
        if (!out.empty()) {
            out += '.';
        }
        out += path.key;
    }
}

// Key comparison without a memcmp call for most pairs: keys that differ mostly differ in length
// or first byte. Profiling showed memcmp as a tenth of the reader's time.
bool sameKey(std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
}

// Above this many members a mapping's duplicate check uses a hash set rather than comparing
// every pair: a hostile line of 100,000 keys must not take quadratic time.
constexpr std::uint32_t kLinearDuplicateCheck = 32;

} // namespace

std::string Path::text() const {
    std::string out;
    appendPath(out, *this);
    return out;
}

const Node* MapView::find(std::string_view key) const {
    for (std::uint32_t i = object_->first; i != 0; i = (*tree_)[i].next) {
        const Node& member = (*tree_)[i];
        if (!member.skipped && sameKey(member.key, key)) {
            return &member;
        }
    }
    return nullptr;
}

std::string describe(const Node& node) {
    switch (node.kind) {
    case Kind::Object:
        return "et objekt";
    case Kind::Array:
        return "en liste";
    case Kind::Null:
        return "ingen værdi";
    default:
        return fmt::format("\"{}\"", node.text);
    }
}

void FieldReader::fail(std::string_view kode, const Path& felt, std::string besked) {
    errors_.push_back(OrderError{std::string(kode), felt.text(), std::move(besked)});
}

Field FieldReader::need(const MapView& map, std::string_view key) {
    Field field{map.find(key), map.pathOf(key)};
    if (field.node == nullptr) {
        fail(kFeltMangler, field.path, fmt::format("feltet {} mangler", key));
    } else if (field.node->kind == Kind::Null) {
        fail(kFeltMangler, field.path, fmt::format("feltet {} har ingen værdi", key));
        field.node = nullptr;
    }
    return field;
}

Field FieldReader::maybe(const MapView& map, std::string_view key) {
    Field field{map.find(key), map.pathOf(key)};
    if (field.node != nullptr && field.node->kind == Kind::Null) {
        field.node = nullptr;
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
    if (field.node == nullptr) {
        return std::nullopt;
    }
    if (field.node->kind != Kind::Object) {
        const std::string expected =
            freeKeys ? "et objekt" : fmt::format("et objekt med felterne {}", joinChoices(known));
        fail(kFeltType, field.path,
             fmt::format("forventede {}, fandt {}", expected, describe(*field.node)));
        return std::nullopt;
    }
    const bool manyMembers = field.node->count > kLinearDuplicateCheck;
    std::unordered_set<std::string_view> seen; // allocates only when used
    for (std::uint32_t i = field.node->first; i != 0; i = tree_[i].next) {
        Node& member = tree_[i];
        bool duplicate = false;
        if (manyMembers) {
            // Only accepted members count, as in field_reader.cpp: a second unknown key is
            // reported as unknown again, not as a duplicate.
            duplicate = seen.count(member.key) != 0;
        } else {
            for (std::uint32_t j = field.node->first; j != i; j = tree_[j].next) {
                duplicate = duplicate || (!tree_[j].skipped && sameKey(tree_[j].key, member.key));
            }
        }
        const Path path{&field.path, member.key, -1};
        if (duplicate) {
            fail(kOrdreSyntaks, path, fmt::format("feltet {} står mere end én gang", member.key));
            member.skipped = true;
            continue;
        }
        bool isKnown = freeKeys;
        for (std::string_view k : known) {
            isKnown = isKnown || sameKey(k, member.key);
        }
        if (!isKnown) {
            fail(kFeltUkendt, path,
                 fmt::format("ukendt felt {}; tilladte felter her: {}", member.key,
                             joinChoices(known)));
            member.skipped = true;
            continue;
        }
        member.skipped = false;
        if (manyMembers) {
            seen.insert(member.key);
        }
    }
    return MapView(tree_, *field.node, field.path);
}

const Node* FieldReader::listOf(const Field& field) {
    if (field.node == nullptr) {
        return nullptr;
    }
    if (field.node->kind != Kind::Array) {
        fail(kFeltType, field.path,
             fmt::format("forventede en liste, fandt {}", describe(*field.node)));
        return nullptr;
    }
    return field.node;
}

std::optional<std::string_view> FieldReader::scalar(const Field& field,
                                                    std::string_view expected) {
    if (field.node == nullptr) {
        return std::nullopt;
    }
    if (!field.node->isScalar()) {
        fail(kFeltType, field.path,
             fmt::format("forventede {}, fandt {}", expected, describe(*field.node)));
        return std::nullopt;
    }
    return field.node->text;
}

std::optional<std::string_view> FieldReader::text(const Field& field, bool allowEmpty) {
    auto value = scalar(field, "en tekst");
    if (value && value->empty() && !allowEmpty) {
        fail(kFeltVaerdi, field.path, "teksten er tom");
        return std::nullopt;
    }
    return value;
}

std::optional<std::string_view> FieldReader::choice(
    const Field& field, std::initializer_list<std::string_view> allowed) {
    if (field.node == nullptr) {
        return std::nullopt;
    }
    auto value = field.node->isScalar()
                     ? std::optional<std::string_view>(field.node->text)
                     : scalar(field, fmt::format("en af {}", joinChoices(allowed)));
    if (!value) {
        return std::nullopt;
    }
    for (std::string_view candidate : allowed) {
        if (*value == candidate) {
            return value;
        }
    }
    fail(kFeltVaerdi, field.path,
         fmt::format("ukendt værdi \"{}\"; tilladt: {}", *value, joinChoices(allowed)));
    return std::nullopt;
}

std::optional<Date> FieldReader::date(const Field& field) {
    auto value = scalar(field, "en dato ÅÅÅÅ-MM-DD");
    if (!value) {
        return std::nullopt;
    }
    const std::string_view t = *value;
    const bool shaped = t.size() == 10 && t[4] == '-' && t[7] == '-' &&
                        allDigits(t.substr(0, 4)) && allDigits(t.substr(5, 2)) &&
                        allDigits(t.substr(8, 2));
    if (!shaped) {
        fail(kFeltType, field.path,
             fmt::format("datoen \"{}\" er ikke en dato på formen ÅÅÅÅ-MM-DD", t));
        return std::nullopt;
    }
    auto parsed = Date::parse(t);
    if (!parsed) {
        fail(kFeltVaerdi, field.path,
             fmt::format("datoen \"{}\" findes ikke (eller ligger uden for 1900-2999)", t));
    }
    return parsed;
}

std::optional<Decimal> FieldReader::amount(const Field& field) {
    auto value = scalar(field, "et beløb");
    if (!value) {
        return std::nullopt;
    }
    auto parsed = Decimal::parse(*value);
    if (!parsed || writtenDecimals(*value) > 2) {
        fail(kFeltType, field.path,
             fmt::format("beløbet \"{}\" er ikke et decimaltal med punktum og højst to decimaler",
                         *value));
        return std::nullopt;
    }
    if (parsed->isNegative()) {
        fail(kFeltVaerdi, field.path, fmt::format("beløbet \"{}\" er negativt", *value));
        return std::nullopt;
    }
    if (*parsed > maxAmount()) {
        fail(kFeltVaerdi, field.path,
             fmt::format("urimeligt stort beløb \"{}\" (højst 1000000000.00)", *value));
        return std::nullopt;
    }
    return parsed;
}

std::optional<Decimal> FieldReader::percent(const Field& field) {
    auto value = scalar(field, "en procentsats");
    if (!value) {
        return std::nullopt;
    }
    auto parsed = Decimal::parse(*value);
    if (!parsed) {
        fail(kFeltType, field.path,
             fmt::format("procentsatsen \"{}\" er ikke et decimaltal med punktum", *value));
        return std::nullopt;
    }
    if (parsed->isNegative() || *parsed > Decimal::fromInt(100)) {
        fail(kFeltVaerdi, field.path,
             fmt::format("procentsatsen \"{}\" ligger ikke mellem 0 og 100", *value));
        return std::nullopt;
    }
    return parsed;
}

std::optional<std::int64_t> FieldReader::integer(const Field& field, std::int64_t min,
                                                 std::int64_t max) {
    auto value = scalar(field, "et heltal");
    if (!value) {
        return std::nullopt;
    }
    if (!allDigits(*value) || value->size() > 18) {
        fail(kFeltType, field.path, fmt::format("forventede et heltal, fandt \"{}\"", *value));
        return std::nullopt;
    }
    std::int64_t number = 0;
    std::from_chars(value->data(), value->data() + value->size(), number);
    if (number < min || number > max) {
        fail(kFeltVaerdi, field.path,
             fmt::format("tallet {} ligger ikke mellem {} og {}", number, min, max));
        return std::nullopt;
    }
    return number;
}

std::optional<bool> FieldReader::boolean(const Field& field) {
    auto value = scalar(field, "true eller false");
    if (!value) {
        return std::nullopt;
    }
    const bool quoted = field.node->kind == Kind::String;
    if (!quoted && (*value == "true" || *value == "false")) {
        return *value == "true";
    }
    const std::string shown = quoted ? fmt::format("teksten \"{}\"", *value)
                                     : fmt::format("\"{}\"", *value);
    fail(kFeltType, field.path, fmt::format("forventede true eller false, fandt {}", shown));
    return std::nullopt;
}

} // namespace ydelse::io::json
