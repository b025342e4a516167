// Sats table format (one YAML file may hold several satser):
//
//   NAVN:
//     type: Beløb | Procent | Decimal | Heltal   # a Beløb may have a unit: Beløb pr. måned
//     beskrivelse: "…"
//     værdier:                       # in date order, contiguous
//       - fra: 2024-01-01
//         til: 2024-12-31            # optional; open-ended (last) or up to the next fra
//         værdi: "12326"             # decimal text; Procent in percent ("1.5" = 1,5 %)
//         kilde: "…"                 # where the figure is read, or
//         afledt: "…"                # how it is derived from read figures
//       - fra: 2026-01-01
//         ukendt: "…"                # explicitly unknown: orders for the period are rejected
#include "interpreter/tables/sats_loader.hpp"

#include "interpreter/tables/yaml_position.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace ydelse {
namespace {

const Date kOpenEnd = *Date::fromYmd(2999, 12, 31);

std::optional<ir::ValueType> satsType(const std::string& name) {
    if (name == "Beløb") return ir::ValueType::Belob;
    if (name == "Procent") return ir::ValueType::Procent;
    if (name == "Decimal") return ir::ValueType::Decimal;
    if (name == "Heltal") return ir::ValueType::Heltal;
    return std::nullopt;
}

class SatsReader {
public:
    SatsReader(YamlPositions positions, Diagnostics& diagnostics)
        : positions_(positions), diagnostics_(diagnostics) {}

    std::optional<ir::Sats> read(const std::string& name, const YAML::Node& node,
                                 const YAML::Node& key) {
        if (!node.IsMap()) {
            error("K411", key, fmt::format("satsen {} skal være en tabel med type og værdier", name));
            return std::nullopt;
        }
        ir::Sats sats;
        sats.name = name;
        checkKeys(node, {"type", "beskrivelse", "værdier"});
        const YAML::Node type = node["type"];
        if (!type || !type.IsScalar()) {
            error("K411", key, fmt::format("satsen {} mangler 'type'", name));
            return std::nullopt;
        }
        // `Beløb pr. måned`: the type, then optionally a period unit (only for a Beløb).
        std::string typeName = type.Scalar();
        unit = PeriodUnit::None;
        if (auto pr = typeName.find(" pr"); pr != std::string::npos) {
            std::string word = typeName.substr(pr + 3);
            word.erase(0, word.find_first_not_of(". "));
            typeName.erase(pr);
            std::optional<PeriodUnit> u = periodUnitByWord(word);
            if (!u || typeName != "Beløb") {
                error("K412", type,
                      fmt::format("ukendt satstype '{}'; kun et Beløb kan have en periodeenhed: "
                                  "Beløb pr. time, dag, uge, fjorten_dage, måned eller år",
                                  type.Scalar()));
                return std::nullopt;
            }
            unit = *u;
        }
        std::optional<ir::ValueType> t = satsType(typeName);
        if (!t) {
            error("K412", type,
                  fmt::format("ukendt satstype '{}'; brug Beløb, Procent, Decimal eller Heltal",
                              type.Scalar()));
            return std::nullopt;
        }
        sats.type = *t;
        const YAML::Node values = node["værdier"];
        if (!values || !values.IsSequence() || values.size() == 0) {
            error("K411", key, fmt::format("satsen {} mangler 'værdier' (en liste)", name));
            return std::nullopt;
        }
        for (const YAML::Node& v : values) {
            readInterval(sats, v);
        }
        closeIntervals(sats);
        intervalNodes_.clear();
        intervalHasEnd_.clear();
        return sats;
    }

    PeriodUnit unit = PeriodUnit::None; ///< of the sats read last

private:
    // A misspelt key (`tl` for `til`) would otherwise be ignored and change the table's meaning.
    void checkKeys(const YAML::Node& map, std::initializer_list<std::string_view> allowed) {
        for (const auto& entry : map) {
            const std::string key = entry.first.Scalar();
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string names;
                for (std::string_view a : allowed) {
                    names += (names.empty() ? "" : ", ") + std::string(a);
                }
                error("K419", entry.first,
                      fmt::format("ukendt nøgle '{}'; tilladt her: {}", key, names));
            }
        }
    }

    void error(const char* code, const YAML::Node& at, std::string message) {
        diagnostics_.error(code, positions_.at(at), std::move(message));
    }

    std::optional<Date> date(const YAML::Node& node, const char* what) {
        if (!node.IsScalar()) {
            error("K411", node, fmt::format("'{}' skal være en dato", what));
            return std::nullopt;
        }
        std::optional<Date> d = Date::parse(node.Scalar());
        if (!d) {
            error("K411", node,
                  fmt::format("'{}' er ikke en dato på formen ÅÅÅÅ-MM-DD", node.Scalar()));
        }
        return d;
    }

    void readInterval(ir::Sats& sats, const YAML::Node& v) {
        if (!v.IsMap() || !v["fra"]) {
            error("K411", v, fmt::format("hver værdi af {} skal have 'fra'", sats.name));
            return;
        }
        checkKeys(v, {"fra", "til", "værdi", "ukendt", "kilde", "afledt"});
        std::optional<Date> from = date(v["fra"], "fra");
        if (!from) {
            return;
        }
        ir::SatsInterval interval;
        interval.from = *from;
        bool hasEnd = false;
        if (v["til"]) {
            std::optional<Date> to = date(v["til"], "til");
            if (!to) {
                return;
            }
            if (*to < *from) {
                error("K418", v["til"], fmt::format("'til' ({}) ligger før 'fra' ({})",
                                                    to->toString(), from->toString()));
                return;
            }
            interval.to = *to;
            hasEnd = true;
        }
        const bool hasValue = static_cast<bool>(v["værdi"]);
        const bool unknown = static_cast<bool>(v["ukendt"]);
        if (hasValue == unknown) {
            error("K414", v,
                  fmt::format("værdien af {} fra {} skal have enten 'værdi' eller 'ukendt' "
                              "(med begrundelse)",
                              sats.name, from->toString()));
            return;
        }
        if (unknown) {
            interval.known = false;
            interval.note = v["ukendt"].IsScalar() ? v["ukendt"].Scalar() : "";
        } else {
            const YAML::Node& raw = v["værdi"];
            std::optional<Decimal> value =
                raw.IsScalar() ? Decimal::parse(raw.Scalar()) : std::nullopt;
            // Procent is held as a fraction, two places more; keep room for that.
            if (value && value->normalized().scale() > Decimal::kMaxScale - 2) {
                value.reset();
            }
            if (!value || (sats.type == ir::ValueType::Heltal && !value->isInteger())) {
                error("K413", raw,
                      fmt::format("'{}' er ikke {} (skriv decimaltal med punktum, f.eks. \"1.5\")",
                                  raw.IsScalar() ? raw.Scalar() : "?",
                                  sats.type == ir::ValueType::Heltal ? "et heltal" : "et tal"));
                return;
            }
            // Procent is written in percent and held as a fraction (1.5 -> 0.015).
            interval.value = sats.type == ir::ValueType::Procent
                                 ? Decimal(value->mantissa(), value->scale() + 2)
                                 : *value;
            const YAML::Node source = v["kilde"] ? v["kilde"] : v["afledt"];
            if (!source || !source.IsScalar() || source.Scalar().empty()) {
                error("K415", raw,
                      fmt::format("værdien af {} fra {} mangler 'kilde' eller 'afledt': hvert tal "
                                  "i kataloget skal kunne spores til en kilde",
                                  sats.name, from->toString()));
            } else {
                interval.note = source.Scalar();
            }
        }
        sats.intervals.push_back(std::move(interval));
        intervalNodes_.push_back(v);
        intervalHasEnd_.push_back(hasEnd);
    }

    // Open intervals end the day before the next begins; the last runs to the open end. A given
    // end that leaves a gap or overlaps the next is an error: a change of sats is deliberate.
    void closeIntervals(ir::Sats& sats) {
        for (std::size_t i = 0; i < sats.intervals.size(); ++i) {
            ir::SatsInterval& cur = sats.intervals[i];
            const bool last = i + 1 == sats.intervals.size();
            const bool open = !intervalHasEnd_[i];
            if (last) {
                if (open) {
                    cur.to = kOpenEnd;
                }
                continue;
            }
            const ir::SatsInterval& next = sats.intervals[i + 1];
            const YAML::Node& at = intervalNodes_[i + 1];
            if (next.from <= cur.from) {
                error("K417", at["fra"],
                      fmt::format("værdierne af {} skal stå i datoorden: {} kommer efter {}",
                                  sats.name, next.from.toString(), cur.from.toString()));
                continue;
            }
            if (open) {
                cur.to = next.from.plusDays(-1);
            } else if (cur.to >= next.from) {
                error("K417", at["fra"],
                      fmt::format("{} overlapper: værdien fra {} gælder til {}, men den næste "
                                  "begynder {}",
                                  sats.name, cur.from.toString(), cur.to.toString(),
                                  next.from.toString()));
            } else if (cur.to.plusDays(1) != next.from) {
                error("K416", at["fra"],
                      fmt::format("{} har et hul fra {} til {}; skriv perioden som 'ukendt', hvis "
                                  "satsen ikke kendes",
                                  sats.name, cur.to.plusDays(1).toString(),
                                  next.from.plusDays(-1).toString()));
            }
        }
    }

    YamlPositions positions_;
    Diagnostics& diagnostics_;
    std::vector<YAML::Node> intervalNodes_; ///< the YAML node of each kept interval
    std::vector<bool> intervalHasEnd_;      ///< whether each kept interval gave 'til'
};

} // namespace

void loadSatser(FileId file, const SourceManager& sources, std::vector<ir::Sats>& into,
                std::vector<PeriodUnit>& units, Diagnostics& diagnostics) {
    const YamlPositions positions(file, sources);
    YAML::Node root;
    try {
        root = YAML::Load(sources.file(file).text());
    } catch (const YAML::Exception& e) {
        diagnostics.error("K410", positions.at(e.mark),
                          fmt::format("filen er ikke gyldig YAML: {}", e.msg));
        return;
    }
    if (root.IsNull()) {
        return;
    }
    if (!root.IsMap()) {
        diagnostics.error("K411", positions.at(root),
                          "en satsfil skal være en tabel: satsens navn og dens værdier");
        return;
    }
    SatsReader reader(positions, diagnostics);
    for (const auto& entry : root) {
        const std::string name = entry.first.Scalar();
        for (const ir::Sats& existing : into) {
            if (existing.name == name) {
                diagnostics.error("K304", positions.at(entry.first),
                                  fmt::format("satsen {} er defineret mere end én gang", name));
            }
        }
        if (std::optional<ir::Sats> sats = reader.read(name, entry.second, entry.first)) {
            into.push_back(std::move(*sats));
            units.push_back(reader.unit);
        }
    }
}

} // namespace ydelse
