// SHA-256 (FIPS 180-4), for the catalog's content hash. Small and dependency-free so the runtime
// can verify an artifact without a crypto library.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ydelse {

class Sha256 {
public:
    Sha256();
    void update(std::string_view data);
    /// Finishes and returns the digest as 64 lower-case hex digits.
    std::string hexDigest();

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t bufferSize_ = 0;
    std::uint64_t totalBytes_ = 0;
};

} // namespace ydelse
