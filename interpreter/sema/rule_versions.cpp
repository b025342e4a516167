#include "interpreter/sema/rule_versions.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ydelse::sema {
namespace {

std::string typeText(const ast::TypeRef& t) {
    return t.unit.empty() ? t.name : t.name + " pr. " + t.unit;
}

std::string signature(const VersionedDecl& d) {
    std::string s = "(";
    for (std::size_t i = 0; i < d.params->size(); ++i) {
        const ast::Param& p = (*d.params)[i];
        s += (i == 0 ? "" : "; ") + p.name.name + ": " + typeText(p.type);
    }
    s += ")";
    if (d.returnType != nullptr) {
        s += ": " + typeText(*d.returnType);
    }
    return s;
}

std::string span(Date from, Date to) {
    return to == kOpenEnd ? fmt::format("fra {} og frem", from.toString())
                          : fmt::format("fra {} til {}", from.toString(), to.toString());
}

// The versions of one name: each must say when it is in force, and together they must leave no
// day ambiguous and no day uncovered unless the catalog says so.
void checkFamily(const std::vector<VersionedDecl>& decls, std::vector<std::uint32_t> family,
                 std::string_view what, Diagnostics& diagnostics, RuleVersions& out) {
    const VersionedDecl& first = decls[family[0]];
    const std::string& name = first.name->name;
    out.decls = family;
    const bool anyDated = std::any_of(family.begin(), family.end(), [&](std::uint32_t d) {
        return decls[d].validity->fra.present;
    });
    if (!anyDated) {
        for (std::size_t k = 1; k < family.size(); ++k) {
            diagnostics
                .error("K304", decls[family[k]].name->range,
                       fmt::format("{} '{}' er defineret mere end én gang; skal den have flere "
                                   "versioner, så giv hver af dem 'gyldig fra'",
                                   what, name))
                .notes.push_back({first.name->range, "første gang her"});
        }
        if (first.validity->deliberateGap.present) {
            diagnostics.error("K331", first.validity->deliberateGap.range,
                              "'bevidst hul' hører til en version med 'gyldig fra'");
        }
        return;
    }
    out.versioned = true;
    bool ok = true;
    for (std::uint32_t d : family) {
        const VersionedDecl& v = decls[d];
        if (!v.validity->fra.present) {
            diagnostics.error("K333", v.name->range,
                              fmt::format("{} {} har flere versioner, men denne mangler 'gyldig "
                                          "fra'; hver version skal sige, hvornår den gælder",
                                          what, name));
            ok = false;
        } else if (v.validity->til && *v.validity->til < v.validity->fra.value) {
            diagnostics.error("K306", v.validity->tilRange,
                              fmt::format("{} {} version \"{}\" er gyldig til før den er gyldig "
                                          "fra",
                                          what, name, v.version->value));
            ok = false;
        }
        if (d != family[0] && signature(v) != signature(first)) {
            diagnostics
                .error("K332", v.name->range,
                       fmt::format("versionerne af {} skal have samme parametre og resultat: "
                                   "{}{} over for {}{}",
                                   name, name, signature(v), name, signature(first)))
                .notes.push_back({first.name->range, "den første version er her"});
        }
    }
    for (std::size_t a = 0; a < family.size(); ++a) {
        for (std::size_t b = a + 1; b < family.size(); ++b) {
            const VersionedDecl& x = decls[family[a]];
            const VersionedDecl& y = decls[family[b]];
            if (x.version->present && y.version->present && x.version->value == y.version->value) {
                diagnostics
                    .error("K333", y.version->range,
                           fmt::format("{} {} har to versioner med version \"{}\"; revisionen "
                                       "skal kunne se, hvilken der blev brugt",
                                       what, name, y.version->value))
                    .notes.push_back({x.version->range, "den anden er her"});
            }
        }
    }
    if (!ok) {
        return;
    }
    std::stable_sort(out.decls.begin(), out.decls.end(), [&](std::uint32_t a, std::uint32_t b) {
        return decls[a].validity->fra.value < decls[b].validity->fra.value;
    });
    auto endOf = [&](std::uint32_t d) { return decls[d].validity->til.value_or(kOpenEnd); };
    const ast::Validity& earliest = *decls[out.decls[0]].validity;
    if (earliest.deliberateGap.present) {
        diagnostics.error("K331", earliest.deliberateGap.range,
                          fmt::format("'bevidst hul' står på den første version af {}; der er "
                                      "ingen version før den, som hullet kunne følge efter",
                                      name));
    }
    for (std::size_t k = 0; k < out.decls.size(); ++k) {
        const std::uint32_t d = out.decls[k];
        const ast::Validity& v = *decls[d].validity;
        if (k > 0) {
            const std::uint32_t prev = out.decls[k - 1];
            const Date prevEnd = endOf(prev);
            if (prevEnd >= v.fra.value) {
                diagnostics
                    .error("K330", v.fra.range,
                           fmt::format("versionerne af {} overlapper: \"{}\" gælder {} og \"{}\" "
                                       "{}; hver dag må kun have én version",
                                       name, decls[prev].version->value,
                                       span(decls[prev].validity->fra.value, prevEnd),
                                       decls[d].version->value, span(v.fra.value, endOf(d))))
                    .notes.push_back({decls[prev].validity->fra.range, "den anden version"});
            } else if (prevEnd.plusDays(1) < v.fra.value) {
                const Date gapFrom = prevEnd.plusDays(1);
                const Date gapTo = v.fra.value.plusDays(-1);
                if (v.deliberateGap.present) {
                    out.spans.push_back({gapFrom, gapTo, ir::kNone, v.deliberateGap.value});
                } else {
                    diagnostics.error(
                        "K331", v.fra.range,
                        fmt::format("{} {} har ingen version fra {} til {}; skriv 'bevidst hul "
                                    "\"begrundelse\"' i versionen efter hullet, hvis det er "
                                    "meningen",
                                    what, name, gapFrom.toString(), gapTo.toString()));
                }
            } else if (v.deliberateGap.present) {
                diagnostics.error("K331", v.deliberateGap.range,
                                  fmt::format("'bevidst hul', men version \"{}\" af {} følger "
                                              "lige efter den forrige",
                                              decls[d].version->value, name));
            }
        }
        out.spans.push_back({v.fra.value, endOf(d), d, ""});
    }
}

} // namespace

void groupVersions(const std::vector<VersionedDecl>& decls, std::string_view what,
                   Diagnostics& diagnostics, std::map<std::string, std::uint32_t>& byName,
                   std::vector<RuleVersions>& versions) {
    versions.assign(decls.size(), {});
    std::map<std::string, std::vector<std::uint32_t>> families;
    std::vector<std::string> order;
    for (std::uint32_t i = 0; i < decls.size(); ++i) {
        const std::string& name = decls[i].name->name;
        if (byName.emplace(name, i).second) {
            order.push_back(name);
        }
        families[name].push_back(i);
    }
    for (const std::string& name : order) {
        const std::vector<std::uint32_t>& family = families[name];
        checkFamily(decls, family, what, diagnostics, versions[family[0]]);
    }
}

} // namespace ydelse::sema
