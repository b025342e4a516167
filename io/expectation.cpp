// The partial-result matcher; see expectation.hpp.
#include "io/expectation.hpp"

#include "io/field_reader.hpp"
#include "runtime/support/decimal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace ydelse::io {
namespace {

using Differences = std::vector<std::string>;

void compareNode(const YAML::Node& expected, const YAML::Node& actual, const std::string& path,
                 Differences& out);

std::string prefixed(const std::string& path, const std::string& message) {
    return path.empty() ? message : fmt::format("{}: {}", path, message);
}

std::string renderScalar(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) {
        return "null";
    }
    return fmt::format("\"{}\"", node.Scalar());
}

bool scalarsEqual(const YAML::Node& expected, const YAML::Node& actual) {
    if (expected.IsNull() || actual.IsNull()) {
        return expected.IsNull() && actual.IsNull();
    }
    // Amounts compare as exact decimals ("12326" equals "12326.00"), and the result writes
    // every amount with a decimal point. Codes such as indkomsttype "06" or a CPR number have
    // none and compare as text, so "06" does not match "6".
    const std::string& e = expected.Scalar();
    const std::string& x = actual.Scalar();
    if (e.find('.') != std::string::npos || x.find('.') != std::string::npos) {
        auto a = Decimal::parse(e);
        auto b = Decimal::parse(x);
        if (a && b) {
            return *a == *b;
        }
    }
    return e == x;
}

// Kuhn's augmenting paths: tries to give expected item `i` an actual item, re-seating earlier
// pairings where that frees one. First come first served would fail when an early, loosely
// specified item takes the only actual item a later, stricter one could match.
bool augment(std::size_t i, const std::vector<std::vector<bool>>& fits,
             std::vector<bool>& visited, std::vector<std::size_t>& ownerOf) {
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    for (std::size_t j = 0; j < fits[i].size(); ++j) {
        if (!fits[i][j] || visited[j]) {
            continue;
        }
        visited[j] = true;
        if (ownerOf[j] == kNone || augment(ownerOf[j], fits, visited, ownerOf)) {
            ownerOf[j] = i;
            return true;
        }
    }
    return false;
}

void compareList(const YAML::Node& expected, const YAML::Node& actual, const std::string& path,
                 Differences& out) {
    const std::size_t n = expected.size();
    const std::size_t m = actual.size();
    if (n == 0) {
        if (m != 0) {
            out.push_back(prefixed(path, fmt::format("forventet en tom liste, fik {} element(er): "
                                                     "{}",
                                                     m, renderFlow(actual))));
        }
        return;
    }
    // diffs[i][j]: how expected item i differs from actual item j (empty: they match).
    std::vector<std::vector<Differences>> diffs(n, std::vector<Differences>(m));
    std::vector<std::vector<bool>> fits(n, std::vector<bool>(m));
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j) {
            compareNode(expected[i], actual[j], fmt::format("{}[{}]", path, j), diffs[i][j]);
            fits[i][j] = diffs[i][j].empty();
        }
    }
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> ownerOf(m, kNone);
    std::vector<bool> paired(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<bool> visited(m, false);
        paired[i] = augment(i, fits, visited, ownerOf);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (paired[i]) {
            continue;
        }
        std::string message = fmt::format("forventet element nr. {} {} har intet modstykke i "
                                          "resultatet",
                                          i + 1, renderFlow(expected[i]));
        if (m == 0) {
            message += " (resultatets liste er tom)";
        } else {
            auto nearest = std::min_element(diffs[i].begin(), diffs[i].end(),
                                            [](const Differences& a, const Differences& b) {
                                                return a.size() < b.size();
                                            });
            if (nearest->empty()) {
                message += "; de elementer, det passer på, er allerede parret med andre "
                           "forventede elementer";
            } else {
                message += "; nærmest er ";
                for (std::size_t k = 0; k < nearest->size(); ++k) {
                    message += (k == 0 ? "" : "; ") + (*nearest)[k];
                }
            }
        }
        out.push_back(prefixed(path, message));
    }
}

void compareNode(const YAML::Node& expected, const YAML::Node& actual, const std::string& path,
                 Differences& out) {
    if (expected.IsMap()) {
        if (!actual.IsMap()) {
            out.push_back(prefixed(path, fmt::format("forventet et objekt, fik {}",
                                                     renderFlow(actual))));
            return;
        }
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const std::string key = it->first.Scalar();
            const std::string keyPath = joinPath(path, key);
            const YAML::Node value = actual[key];
            if (!value.IsDefined()) {
                out.push_back(prefixed(keyPath, fmt::format("forventet {}, men feltet findes "
                                                            "ikke i resultatet",
                                                            renderFlow(it->second))));
                continue;
            }
            compareNode(it->second, value, keyPath, out);
        }
        return;
    }
    if (expected.IsSequence()) {
        if (!actual.IsSequence()) {
            out.push_back(prefixed(path, fmt::format("forventet en liste, fik {}",
                                                     renderFlow(actual))));
            return;
        }
        compareList(expected, actual, path, out);
        return;
    }
    const bool actualIsScalar = actual.IsScalar() || actual.IsNull();
    if (!actualIsScalar || !scalarsEqual(expected, actual)) {
        out.push_back(prefixed(path, fmt::format("forventet {}, fik {}", renderScalar(expected),
                                                 actualIsScalar ? renderScalar(actual)
                                                                : renderFlow(actual))));
    }
}

} // namespace

std::string renderFlow(const YAML::Node& node) {
    if (node.IsMap()) {
        std::string text = "{";
        for (auto it = node.begin(); it != node.end(); ++it) {
            text += text.size() > 1 ? ", " : "";
            text += fmt::format("{}: {}", it->first.Scalar(), renderFlow(it->second));
        }
        return text + "}";
    }
    if (node.IsSequence()) {
        std::string text = "[";
        for (const YAML::Node& item : node) {
            text += text.size() > 1 ? ", " : "";
            text += renderFlow(item);
        }
        return text + "]";
    }
    if (!node.IsDefined() || node.IsNull()) {
        return "null";
    }
    return isQuoted(node) ? fmt::format("\"{}\"", node.Scalar()) : node.Scalar();
}

std::vector<std::string> compareExpected(const YAML::Node& expected, const YAML::Node& actual) {
    Differences out;
    try {
        compareNode(expected, actual, "", out);
    } catch (const std::exception& e) {
        out.push_back(fmt::format("sammenligningen kunne ikke gennemføres ({})", e.what()));
    }
    return out;
}

std::vector<std::string> compareErrorCodes(const std::vector<std::string>& expected,
                                           const std::vector<std::string>& actual) {
    std::vector<std::string> remaining = actual;
    std::vector<std::string> missing;
    for (const std::string& code : expected) {
        auto found = std::find(remaining.begin(), remaining.end(), code);
        if (found == remaining.end()) {
            missing.push_back(code);
        } else {
            remaining.erase(found);
        }
    }
    std::vector<std::string> out;
    if (!missing.empty()) {
        std::string got;
        for (const std::string& code : actual) {
            got += (got.empty() ? "" : ", ") + code;
        }
        for (const std::string& code : missing) {
            out.push_back(fmt::format("fejl: forventet fejlkoden {}, fik [{}]", code, got));
        }
    }
    return out;
}

} // namespace ydelse::io
