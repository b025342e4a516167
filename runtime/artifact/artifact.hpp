// The compiled catalog as a file: `ydelse compile` writes it, a payment service loads it with the
// runtime alone (no parser, no YAML). The format is versioned and checksummed, and the loader
// verifies every index before a Program built from it is used, so a damaged or foreign file is
// an error, never a crash.
//
// Layout (all integers little-endian):
//   "YDKATALOG\n"  magic, 10 bytes
//   u32            format version (kArtifactFormat)
//   64 bytes       SHA-256 (hex) of the payload that follows
//   payload        the Program, field by field (artifact.cpp)
#pragma once

#include "runtime/ir/program.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace ydelse {

/// Raised whenever the layout changes, so an older file is refused by its version.
inline constexpr std::uint32_t kArtifactFormat = 5;

/// Serialises a program. Deterministic: the same program gives the same bytes.
std::string writeArtifact(const ir::Program& program);

struct LoadedArtifact {
    std::optional<ir::Program> program;
    std::string error; ///< Danish, when program is empty
};

LoadedArtifact readArtifact(std::string_view bytes);

} // namespace ydelse
