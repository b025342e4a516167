// One dimension of a posting's account, as a result holds it. Its texts are views: the loaded
// program's posting index (runtime/ir/program_index.hpp) owns them, so a Result must not outlive
// its Program.
#pragma once

#include <span>
#include <string_view>

namespace ydelse {

/// One dimension of an account: the contract's funktion, dranst, gruppering, art, logisk, and
/// whatever local dimensions a kommune configuration adds (e.g. sted).
struct AccountField {
    std::string_view name;
    std::string_view value;
    bool numeric = false; ///< written as a number (dranst) rather than a string
};

/// An account's dimensions in order. Evaluation points it into the program's table of resolved
/// accounts, so a posting copies no field; code that builds a Result by hand points it at an
/// array of its own that lives as long as the Result.
using AccountFields = std::span<const AccountField>;

} // namespace ydelse
