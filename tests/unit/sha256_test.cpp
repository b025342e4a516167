// The content hash: FIPS 180-4 test vectors, and chunking independence.
#include "runtime/support/sha256.hpp"

#include <doctest/doctest.h>

namespace {
std::string hashOf(std::string_view text) {
    ydelse::Sha256 sha;
    sha.update(text);
    return sha.hexDigest();
}
} // namespace

TEST_CASE("known digests") {
    CHECK(hashOf("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hashOf("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hashOf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("feeding in pieces gives the same digest") {
    std::string text(1000, 'x');
    ydelse::Sha256 sha;
    for (std::size_t i = 0; i < text.size(); i += 7) {
        sha.update(std::string_view(text).substr(i, 7));
    }
    CHECK(sha.hexDigest() == hashOf(text));
}
