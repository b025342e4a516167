#include "interpreter/sema/suggest.hpp"

#include <algorithm>

namespace ydelse::sema {
namespace {

// Code points of a UTF-8 string, so 'æ' counts as one edit, not two.
std::u32string codePoints(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        char32_t cp = len == 1 ? c : c & (0x7F >> len);
        for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        }
        out += cp;
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::size_t editDistance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::string closestName(std::string_view name, const std::vector<std::string>& candidates) {
    const std::u32string target = codePoints(name);
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(1, target.size() / 3) + 1;
    for (const std::string& candidate : candidates) {
        std::size_t d = editDistance(target, codePoints(candidate));
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

std::string suggestion(std::string_view name, const std::vector<std::string>& candidates) {
    std::string best = closestName(name, candidates);
    return best.empty() ? "" : " (mente du '" + best + "'?)";
}

} // namespace ydelse::sema
