// Configuration format:
//
//   kommune: 561                # or `standard`
//   eksempel: true              # optional: marks an illustration, not a real kommune's accounts
//   konti:
//     skyldig_a_skat: {funktion: "9.xx.xx", dranst: 3, art: "...", sted: "..."}
#include "interpreter/tables/config_loader.hpp"

#include "interpreter/tables/yaml_position.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace ydelse {

void loadKommuneConfig(FileId file, const SourceManager& sources,
                       std::vector<ir::KommuneConfig>& into, Diagnostics& diagnostics) {
    const YamlPositions positions(file, sources);
    YAML::Node root;
    try {
        root = YAML::Load(sources.file(file).text());
    } catch (const YAML::Exception& e) {
        diagnostics.error("K410", positions.at(e.mark),
                          fmt::format("filen er ikke gyldig YAML: {}", e.msg));
        return;
    }
    if (!root.IsMap() || !root["kommune"] || !root["kommune"].IsScalar()) {
        diagnostics.error("K420", positions.at(root),
                          "en konfiguration skal angive 'kommune' (et kommunenummer eller "
                          "'standard')");
        return;
    }
    for (const auto& entry : root) {
        const std::string key = entry.first.Scalar();
        if (key != "kommune" && key != "eksempel" && key != "beskrivelse" && key != "konti") {
            diagnostics.error("K419", positions.at(entry.first),
                              fmt::format("ukendt nøgle '{}'; tilladt her: kommune, eksempel, "
                                          "beskrivelse, konti",
                                          key));
        }
    }
    ir::KommuneConfig config;
    const std::string kommune = root["kommune"].Scalar();
    if (kommune != "standard") {
        std::optional<Decimal> n = Decimal::parse(kommune);
        if (!n || !n->isInteger() || *n < Decimal::fromInt(1) || *n > Decimal::fromInt(999)) {
            diagnostics.error("K420", positions.at(root["kommune"]),
                              fmt::format("'{}' er ikke et kommunenummer (1-999) eller 'standard'",
                                          kommune));
            return;
        }
        config.kommune = n->toInt64();
    }
    for (const ir::KommuneConfig& existing : into) {
        if (existing.kommune == config.kommune) {
            diagnostics.error("K304", positions.at(root["kommune"]),
                              fmt::format("kommune {} har allerede en konfiguration", kommune));
            return;
        }
    }
    const YAML::Node konti = root["konti"];
    if (konti && !konti.IsMap()) {
        diagnostics.error("K421", positions.at(konti),
                          "'konti' skal være en tabel fra logisk konto til rigtig konto");
        return;
    }
    if (konti) {
        for (const auto& entry : konti) {
            ir::Account account;
            if (!entry.second.IsMap()) {
                diagnostics.error("K421", positions.at(entry.first),
                                  fmt::format("kontoen for '{}' skal være en tabel af dimensioner",
                                              entry.first.Scalar()));
                continue;
            }
            for (const auto& field : entry.second) {
                const std::string name = field.first.Scalar();
                const bool duplicate =
                    std::any_of(account.fields.begin(), account.fields.end(),
                                [&](const ir::AccountField& f) { return f.name == name; });
                // The catalog's own name stays in `logisk`; a kommune adds dimensions beside it.
                if (name.empty() || name == "logisk" || duplicate ||
                    name.find_first_of(" :,{}[]\"'#") != std::string::npos) {
                    diagnostics.error("K422", positions.at(field.first),
                                      fmt::format("'{}' kan ikke være en kontodimension (tom, "
                                                  "'logisk', gentaget eller med tegn som ':' "
                                                  "og ',')",
                                                  name));
                    continue;
                }
                if (!field.second.IsScalar()) {
                    diagnostics.error("K421", positions.at(field.first),
                                      "en kontodimension skal være en enkelt værdi");
                    continue;
                }
                account.fields.push_back({field.first.Scalar(), field.second.Scalar(),
                                          field.first.Scalar() == "dranst"});
            }
            config.mapping.emplace_back(entry.first.Scalar(), std::move(account));
        }
    }
    into.push_back(std::move(config));
}

} // namespace ydelse
