// Field access for the JSON reader; see json_field_reader.hpp. The scalar rules are shared with
// field_reader.cpp (scalar_rules.hpp); the structural checks and their messages mirror it: change
// the two together (the differential test compares them).
#include "io/json_field_reader.hpp"

#include "io/scalar_rules.hpp"

#include <fmt/format.h>

#include <cstring>
#include <unordered_set>

namespace ydelse::io::json {
namespace {

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

// Keys of a free mapping compared without a memcmp call: keys are short, and profiling showed
// memcmp as a tenth of the reader's time.
bool sameKey(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) {
        return false;
    }
    const char* x = a.data();
    const char* y = b.data();
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

// Above this many members a mapping's duplicate check uses a hash set rather than comparing
// every pair: a hostile line of 100,000 keys must not take quadratic time.
constexpr std::uint32_t kLinearDuplicateCheck = 32;

} // namespace

std::string Path::text() const {
    std::string out;
    appendPath(out, *this);
    return out;
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

Field FieldReader::missing(const MapView& map, std::uint8_t slot, const Node* node) {
    const std::string_view key = map.keyAt(slot);
    Field field{nullptr, map.pathOf(key)};
    fail(kFeltMangler, field.path,
         node == nullptr ? fmt::format("feltet {} mangler", key)
                         : fmt::format("feltet {} har ingen værdi", key));
    return field;
}

MapView FieldReader::mapOf(const Field& field, const KnownKeys& known) {
    // Every return returns `result`, so it is built in the caller's place, not copied there.
    MapView result;
    if (field.node == nullptr) {
        return result;
    }
    if (field.node->kind != Kind::Object) [[unlikely]] {
        notAnObject(field, known.names(), false);
        return result;
    }
    result = MapView(tree_, *field.node, field.path);
    result.known_ = &known;
    for (std::uint32_t i = field.node->first; i != 0; i = tree_[i].next) {
        Node& member = tree_[i];
        // Accepted members are known ones, each in its slot.
        const int slot = known.slotOf(member.key);
        if (slot >= 0 && result.found_[static_cast<std::size_t>(slot)] == 0) [[likely]] {
            result.found_[static_cast<std::size_t>(slot)] = i;
        } else {
            refuseMember(field.path, member, slot >= 0, known.names());
        }
    }
    return result;
}

MapView FieldReader::freeMapOf(const Field& field) {
    MapView result;
    if (field.node == nullptr) {
        return result;
    }
    if (field.node->kind != Kind::Object) [[unlikely]] {
        notAnObject(field, {}, true);
        return result;
    }
    result = MapView(tree_, *field.node, field.path);
    // Only accepted members count, as in field_reader.cpp: a key is a duplicate of an
    // earlier one not refused.
    if (field.node->count > kLinearDuplicateCheck) {
        std::unordered_set<std::string_view> seen;
        for (std::uint32_t i = field.node->first; i != 0; i = tree_[i].next) {
            if (!seen.insert(tree_[i].key).second) {
                refuseMember(field.path, tree_[i], true, {});
            }
        }
        return result;
    }
    for (std::uint32_t i = field.node->first; i != 0; i = tree_[i].next) {
        bool duplicate = false;
        for (std::uint32_t j = field.node->first; j != i && !duplicate; j = tree_[j].next) {
            duplicate = !tree_[j].skipped && sameKey(tree_[j].key, tree_[i].key);
        }
        if (duplicate) [[unlikely]] {
            refuseMember(field.path, tree_[i], true, {});
        }
    }
    return result;
}

void FieldReader::notAnObject(const Field& field, Names known, bool freeKeys) {
    const std::string expected =
        freeKeys ? "et objekt"
                 : fmt::format("et objekt med felterne {}", rules::joinChoices(known));
    fail(kFeltType, field.path,
         fmt::format("forventede {}, fandt {}", expected, describe(*field.node)));
}

// A member written twice, or (in a mapping of known keys) not one of them: reported, and
// skipped by every later lookup. A second unknown key is reported as unknown again, not as a
// duplicate, as in field_reader.cpp.
void FieldReader::refuseMember(const Path& mapPath, Node& member, bool duplicate, Names known) {
    const Path path{&mapPath, member.key, -1};
    if (duplicate) {
        fail(kOrdreSyntaks, path, fmt::format("feltet {} står mere end én gang", member.key));
    } else {
        fail(kFeltUkendt, path,
             fmt::format("ukendt felt {}; tilladte felter her: {}", member.key,
                         rules::joinChoices(known)));
    }
    member.skipped = true;
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

std::optional<std::string_view> FieldReader::refusedText(const Field& field, bool allowEmpty) {
    auto value = scalar(field, "en tekst");
    if (value && value->empty() && !allowEmpty) {
        fail(kFeltVaerdi, field.path, "teksten er tom");
        return std::nullopt;
    }
    return value;
}

std::optional<std::string_view> FieldReader::refusedChoice(const Field& field, Names allowed) {
    if (field.node == nullptr) {
        return std::nullopt;
    }
    auto value = field.node->isScalar()
                     ? std::optional<std::string_view>(field.node->text)
                     : scalar(field, fmt::format("en af {}", rules::joinChoices(allowed)));
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

std::optional<bool> FieldReader::refusedBoolean(const Field& field) {
    auto value = scalar(field, "true eller false");
    rules::Problem problem;
    if (!value) {
        return std::nullopt;
    }
    const bool quoted = field.node->kind == Kind::String;
    return reported(field, rules::boolean(*value, quoted, problem), problem);
}

// Reports a shared rule's refusal on this field.
template <typename T>
std::optional<T> FieldReader::reported(const Field& field, std::optional<T> value,
                                       rules::Problem& problem) {
    if (!value) [[unlikely]] {
        fail(problem.kode, field.path, std::move(problem.besked));
    }
    return value;
}

std::optional<Date> FieldReader::refusedDate(const Field& field) {
    auto value = scalar(field, "en dato ÅÅÅÅ-MM-DD");
    rules::Problem problem;
    return value ? reported(field, rules::date(*value, problem), problem) : std::nullopt;
}

std::optional<Decimal> FieldReader::refusedAmount(const Field& field) {
    auto value = scalar(field, "et beløb");
    rules::Problem problem;
    return value ? reported(field, rules::amount(*value, problem), problem) : std::nullopt;
}

std::optional<Decimal> FieldReader::refusedPercent(const Field& field) {
    auto value = scalar(field, "en procentsats");
    rules::Problem problem;
    return value ? reported(field, rules::percent(*value, problem), problem) : std::nullopt;
}

std::optional<std::int64_t> FieldReader::refusedInteger(const Field& field, std::int64_t min,
                                                        std::int64_t max) {
    auto value = scalar(field, "et heltal");
    rules::Problem problem;
    return value ? reported(field, rules::integer(*value, min, max, problem), problem)
                 : std::nullopt;
}

} // namespace ydelse::io::json
