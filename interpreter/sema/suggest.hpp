// "Did you mean" for misspelt names: the closest candidate by edit distance, if close enough.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ydelse::sema {

/// Returns "" when no candidate is close enough to be a likely intent.
std::string closestName(std::string_view name, const std::vector<std::string>& candidates);
/// " (mente du 'x'?)" or "".
std::string suggestion(std::string_view name, const std::vector<std::string>& candidates);

} // namespace ydelse::sema
