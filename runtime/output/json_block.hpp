// Sixteen bytes of text looked at together, for the JSON writer's quoting (json_format.hpp):
// per byte (bit k for byte k) which need attention, which are UTF-8 continuations and which
// lead a two-byte sequence. SSE2 on every x86-64; elsewhere the same masks from two words.
// In a header so that the quoting of a short text, most of a result's texts, inlines.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ydelse::json::block {

// Words are taken apart and put together as in memory, lowest byte first.
static_assert(std::endian::native == std::endian::little);

inline std::uint64_t load8(const char* p) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    return w;
}

inline std::uint32_t load4(const char* p) {
    std::uint32_t w = 0;
    std::memcpy(&w, p, 4);
    return w;
}

#if defined(__SSE2__)
using Block = __m128i;
inline Block load(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline Block fromWords(std::uint64_t low, std::uint64_t high) {
    return _mm_set_epi64x(static_cast<long long>(high), static_cast<long long>(low));
}
inline Block fromWord(std::uint64_t low) { return _mm_cvtsi64_si128(static_cast<long long>(low)); }
inline void store(char* p, Block v) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v); }
/// Bytes that are not printable ASCII, or are '"' or '\\'.
inline unsigned attentionMask(Block v) {
    // One added, the printable ASCII bytes are exactly the signed bytes above 0x20 (DEL becomes
    // the most negative, 0xFF zero): one comparison finds them, less '"' and '\\'. The plain
    // bytes are found rather than the others, which SSE2 would have to invert.
    const __m128i printable =
        _mm_cmpgt_epi8(_mm_add_epi8(v, _mm_set1_epi8(1)), _mm_set1_epi8(0x20));
    const __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    const __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    const __m128i plain = _mm_andnot_si128(_mm_or_si128(quote, backslash), printable);
    return static_cast<unsigned>(_mm_movemask_epi8(plain)) ^ 0xFFFFU;
}
/// Bytes from 0x80 up.
inline unsigned highMask(Block v) { return static_cast<unsigned>(_mm_movemask_epi8(v)); }
/// Bytes equal in `a` and `b`.
inline unsigned equalMask(Block a, Block b) {
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(a, b)));
}
/// Bytes equal both in `a` and `b` and in `c` and `d`.
inline unsigned equalMask(Block a, Block b, Block c, Block d) {
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, b), _mm_cmpeq_epi8(c, d))));
}
/// 0x80-0xBF.
inline unsigned continuationMask(Block v) {
    // As signed bytes, 0x80-0xBF are exactly those below 0xC0.
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0)))));
}
/// 0xC2-0xDF.
inline unsigned twoByteLeadMask(Block v) {
    // Shifted by 0x42, 0xC2-0xDF become 0x80-0x9D, the signed bytes below 0x9E.
    const __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8(0x42));
    return static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(0x9E)))));
}
#else
struct Block {
    std::uint64_t low;
    std::uint64_t high;
};
inline Block load(const char* p) { return Block{load8(p), load8(p + 8)}; }
inline Block fromWords(std::uint64_t low, std::uint64_t high) { return Block{low, high}; }
inline Block fromWord(std::uint64_t low) { return Block{low, 0}; }
inline void store(char* p, Block v) {
    std::memcpy(p, &v.low, 8);
    std::memcpy(p + 8, &v.high, 8);
}
namespace words {
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
// The high bits of a word's bytes as eight bits, byte k as bit k.
inline unsigned bits(std::uint64_t marks) {
    return static_cast<unsigned>((((marks & kHigh) >> 7) * 0x0102040810204080ULL) >> 56);
}
// Exact per byte (no borrow from one byte into the next): every mark counts.
inline std::uint64_t equal(std::uint64_t w, unsigned char c) {
    const std::uint64_t y = w ^ (kOnes * c);
    return ~(((y & kLow7) + kLow7) | y) & kHigh;
}
inline std::uint64_t attention(std::uint64_t w) {
    const std::uint64_t control = ~((w & kLow7) + kOnes * 0x60) & ~w & kHigh;
    return (w & kHigh) | control | equal(w, '"') | equal(w, '\\') | equal(w, 0x7f);
}
inline std::uint64_t continuation(std::uint64_t w) { return w & ~(w << 1) & kHigh; }
inline std::uint64_t twoByteLead(std::uint64_t w) {
    // 110xxxxx, and not 0xC0 or 0xC1 (some of the bits 0x1E set).
    return w & (w << 1) & ~(w << 2) & ((w & (kOnes * 0x1E)) + kLow7) & kHigh;
}
} // namespace words
inline unsigned attentionMask(Block v) {
    return words::bits(words::attention(v.low)) | words::bits(words::attention(v.high)) << 8;
}
inline unsigned highMask(Block v) { return words::bits(v.low) | words::bits(v.high) << 8; }
inline unsigned equalMask(Block a, Block b) {
    return words::bits(words::equal(a.low ^ b.low, 0)) |
           words::bits(words::equal(a.high ^ b.high, 0)) << 8;
}
inline unsigned equalMask(Block a, Block b, Block c, Block d) {
    return equalMask(a, b) & equalMask(c, d);
}
inline unsigned continuationMask(Block v) {
    return words::bits(words::continuation(v.low)) |
           words::bits(words::continuation(v.high)) << 8;
}
inline unsigned twoByteLeadMask(Block v) {
    return words::bits(words::twoByteLead(v.low)) | words::bits(words::twoByteLead(v.high)) << 8;
}
#endif

/// The `n` (0 to 15) bytes at `s` as a block, read without touching a byte past them: two
/// overlapping loads of eight or four bytes, or single bytes. The bytes past `n` are zero.
inline Block loadShort(const char* s, std::size_t n) {
    if (n >= 8) {
        return fromWords(load8(s), n > 8 ? load8(s + n - 8) >> (8 * (16 - n)) : 0);
    }
    std::uint64_t low = 0;
    if (n >= 4) {
        low = load4(s) | static_cast<std::uint64_t>(load4(s + n - 4)) << (8 * (n - 4));
    } else if (n > 0) {
        low = static_cast<unsigned char>(s[0]);
        if (n > 1) {
            low |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[1])) << 8;
        }
        if (n > 2) {
            low |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[2])) << 16;
        }
    }
    return fromWord(low);
}

/// Whether the bytes of `v` in `live` (a run of bits) can be written as they are: printable
/// ASCII other than '"' and '\\', and whole two-byte UTF-8 sequences (æ, ø, å, §: nearly all of
/// a catalog's non-ASCII text). `attention` is attentionMask(v).
inline bool keptAsIs(Block v, unsigned attention, unsigned live) {
    attention &= live;
    if (attention == 0) {
        return true;
    }
    const unsigned high = highMask(v) & live;
    if (attention != high) {
        return false;
    }
    const unsigned continuation = continuationMask(v) & live;
    const unsigned lead = twoByteLeadMask(v) & live;
    return (continuation | lead) == high && continuation == (lead << 1);
}

} // namespace ydelse::json::block
