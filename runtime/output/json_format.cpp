// The JSON writer's primitives; see json_format.hpp.
#include "runtime/output/json_format.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>

namespace ydelse::json {
namespace {

using block::Block;

// Length of the well-formed UTF-8 sequence starting at s[i] (of n bytes), or 0 if it is not one.
std::size_t utf8SequenceLength(const char* s, std::size_t n, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t length = lead < 0x80            ? 1
                               : (lead >> 5) == 0x6   ? 2
                               : (lead >> 4) == 0xE   ? 3
                               : (lead >> 3) == 0x1E  ? 4
                                                      : 0;
    if (length == 0 || i + length > n || (length == 2 && lead < 0xC2)) {
        return 0;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
            return 0;
        }
    }
    return length;
}

// The escaping of one byte that is not printable ASCII, or '"' or '\\'; i is advanced past
// what was consumed.
char* writeSpecial(char* p, const char* s, std::size_t n, std::size_t& i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte >= 0x80) {
        // Invalid UTF-8 (e.g. an ordre_id in Latin-1) would make the JSON unreadable; it
        // becomes U+FFFD, the replacement character.
        const std::size_t length = utf8SequenceLength(s, n, i);
        if (length == 0) {
            ++i;
            return writeLiteral(p, "\xEF\xBF\xBD");
        }
        std::memcpy(p, s + i, length);
        i += length;
        return p + length;
    }
    ++i;
    switch (byte) {
    case '"':
        return writeLiteral(p, "\\\"");
    case '\\':
        return writeLiteral(p, "\\\\");
    case '\n':
        return writeLiteral(p, "\\n");
    case '\r':
        return writeLiteral(p, "\\r");
    case '\t':
        return writeLiteral(p, "\\t");
    default:
        // Other controls, and DEL: legal in JSON but not printable in YAML; escaping suits both.
        static constexpr char hex[] = "0123456789abcdef";
        p = writeLiteral(p, "\\u00");
        *p++ = hex[byte >> 4];
        *p++ = hex[byte & 0xF];
        return p;
    }
}

// writeQuotedAny from s[i] on, once something needs attention: the plain bytes before each
// such byte are copied in one piece, a block at a time; the closing quote included.
[[gnu::noinline]] char* writeQuotedRest(char* p, const char* s, std::size_t n, std::size_t i) {
    while (i < n) {
        const std::size_t available = n - i < 16 ? n - i : 16;
        const Block v = available == 16 ? block::load(s + i) : block::loadShort(s + i, available);
        block::store(p, v);
        const auto plain = static_cast<std::size_t>(
            __builtin_ctz(block::attentionMask(v) | (1U << available)));
        p += plain;
        i += plain;
        if (plain == available) {
            continue;
        }
        // Two-byte UTF-8 (æ, ø, å, §) is the common case by far.
        const auto lead = static_cast<unsigned char>(s[i]);
        if (lead >= 0xC2 && lead < 0xE0 && i + 1 < n &&
            (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
            p[0] = s[i];
            p[1] = s[i + 1];
            p += 2;
            i += 2;
            continue;
        }
        p = writeSpecial(p, s, n, i);
    }
    *p++ = '"';
    return p;
}

using detail::kDigitPairs;

// The decimal digits of `value` written backwards, ending at `end`; returns the first.
inline char* digitsBackwards(char* end, std::uint64_t value) {
    while (value >= 100) {
        end -= 2;
        std::memcpy(end, kDigitPairs + 2 * (value % 100), 2);
        value /= 100;
    }
    if (value >= 10) {
        end -= 2;
        std::memcpy(end, kDigitPairs + 2 * value, 2);
    } else {
        *--end = static_cast<char>('0' + value);
    }
    return end;
}

// What writeDecimal's 64-bit path handles: a mantissa of at most 12 digits, at most 18 decimals
// in it. The digits then stay below 10^18, inside 64 bits, and the text (sign, at most 18 digits
// or "0." and 18 decimals) fits the block it copies.
constexpr long long kMantissaLimit = 1'000'000'000'000LL;
constexpr int kMaxScale = 18;
constexpr int kMaxMinDecimals = 6;
constexpr std::size_t kDecimalCopy = 32;
static_assert(kDecimalCopy <= kDecimalBound);

// writeDecimal for any mantissa, as Decimal::appendTo writes it: a digit at a time through
// 128-bit arithmetic, which only an amount beyond any real one needs.
[[gnu::noinline]] char* writeWideDecimal(char* p, const Decimal& value, int minDecimals) {
    const Int128 mantissa = value.mantissa();
    const bool negative = mantissa < 0;
    // Unsigned, so that the most negative mantissa has a magnitude too.
    unsigned __int128 magnitude = negative ? ~static_cast<unsigned __int128>(mantissa) + 1
                                           : static_cast<unsigned __int128>(mantissa);
    int scale = value.scale();
    while (scale > minDecimals && magnitude % 10 == 0) {
        magnitude /= 10;
        --scale;
    }
    const int decimals = std::max(scale, minDecimals);
    // Backwards: the padding zeros, the digits (at least one more than the decimals).
    char buffer[128];
    char* const end = buffer + sizeof buffer;
    char* start = end - (decimals - scale);
    std::fill(start, end, '0');
    do {
        *--start = static_cast<char>('0' + static_cast<int>(magnitude % 10));
        magnitude /= 10;
    } while (magnitude != 0);
    while (end - start <= decimals) {
        *--start = '0';
    }
    if (negative) {
        *p++ = '-';
    }
    const std::size_t whole = static_cast<std::size_t>(end - start - decimals);
    std::memcpy(p, start, whole);
    p += whole;
    if (decimals > 0) {
        *p++ = '.';
        std::memcpy(p, end - decimals, static_cast<std::size_t>(decimals));
        p += decimals;
    }
    return p;
}

// `text` between quotes when every block of it is kept as it is (block::keptAsIs); nullptr,
// having written part of it, when one is not. Sixteen bytes at a time, each block copied whole
// before it is looked at; then the last up to 15 bytes as the text's last 16 (a short text as
// one block put together from a few loads). Copying a whole block when fewer of its bytes are
// kept stays inside quotedBound.
char* writeIfAsIs(char* p, const char* s, std::size_t n) {
    *p++ = '"';
    std::size_t i = 0;
    while (n - i >= 16) {
        const Block v = block::load(s + i);
        block::store(p, v);
        const unsigned attention = block::attentionMask(v);
        if (attention == 0) {
            p += 16;
            i += 16;
            continue;
        }
        // A lead byte last in the block is taken with its continuation in the next block.
        const unsigned step = (block::twoByteLeadMask(v) & 0x8000U) != 0 ? 15 : 16;
        if (!block::keptAsIs(v, attention, (1U << step) - 1)) {
            return nullptr;
        }
        p += step;
        i += step;
    }
    const std::size_t rest = n - i;
    if (n >= 16) {
        if (rest > 0) {
            // The text's last 16 bytes: those before s[i] were kept as they are and end a
            // sequence, so writing them again changes nothing and only the rest is checked.
            const Block v = block::load(s + n - 16);
            const unsigned live = 0xFFFFU & ~((1U << (16 - rest)) - 1);
            if (!block::keptAsIs(v, block::attentionMask(v), live)) {
                return nullptr;
            }
            block::store(p + rest - 16, v);
            p += rest;
        }
    } else {
        const Block v = block::loadShort(s, n);
        if (!block::keptAsIs(v, block::attentionMask(v), (1U << n) - 1)) {
            return nullptr;
        }
        block::store(p, v);
        p += n;
    }
    *p++ = '"';
    return p;
}

// Texts found to be written as they are, remembered per thread with a copy of their bytes: the
// same few hundred legal texts and rule names recur in every result, and a block compared with
// its copy costs a fraction of one checked for escapes and UTF-8. The view's address only
// finds the entry; the bytes decide. So an address that now holds other text (a program
// unloaded, a caller's buffer reused) just misses, and nothing kept is ever read through it.
class KeptTexts {
public:
    /// The kept copy of the text at `s` of `n` bytes, which may differ from the text now; or
    /// nullptr.
    const char* find(const char* s, std::size_t n) const {
        const Slot& slot = slots_[slotOf(s)];
        return slot.data == s && slot.size == n ? bytes_ + slot.at : nullptr;
    }
    void keep(const char* s, std::size_t n) {
        if (n > kLongest) {
            return;
        }
        if (used_ + n > kBytes) {
            // Full (a catalog with more texts than this holds): start over.
            std::fill(std::begin(slots_), std::end(slots_), Slot{});
            used_ = 0;
        }
        std::memcpy(bytes_ + used_, s, n);
        slots_[slotOf(s)] =
            Slot{s, static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(used_)};
        used_ += n;
    }

private:
    static constexpr std::size_t kSlots = 1024;
    static constexpr std::size_t kBytes = 64 * 1024;
    static constexpr std::size_t kLongest = 512;
    struct Slot {
        const char* data = nullptr;
        std::uint32_t size = 0;
        std::uint32_t at = 0;
    };
    static std::size_t slotOf(const char* s) {
        return static_cast<std::size_t>(
            (reinterpret_cast<std::uintptr_t>(s) * 0x9E3779B97F4A7C15ULL) >> (64 - 10));
    }
    static_assert(kSlots == 1 << 10);

    Slot slots_[kSlots];
    std::size_t used_ = 0;
    char bytes_[kBytes + 16]; ///< a block may be read from the last copy's start
};

// Dates as last written, per thread: a batch's results have a few hundred between them.
// Keyed by the day number itself, so a hit is exact.
class KeptDates {
public:
    /// The text of `days` (ten bytes, then six more that may be copied), or nullptr.
    const char* find(std::int32_t days) const {
        const Slot& slot = slots_[static_cast<std::uint32_t>(days) % kSlots];
        return slot.days == days ? slot.text : nullptr;
    }
    void keep(std::int32_t days, const char* text) {
        Slot& slot = slots_[static_cast<std::uint32_t>(days) % kSlots];
        std::memcpy(slot.text, text, 10);
        slot.days = days;
    }

    KeptDates() {
        // An empty slot holds a day that belongs in the next slot, so no lookup finds it.
        for (std::size_t k = 0; k < kSlots; ++k) {
            slots_[k].days = static_cast<std::int32_t>(k + 1);
        }
    }

private:
    static constexpr std::size_t kSlots = 512;
    struct Slot {
        char text[12] = {};
        std::int32_t days = 0;
    };
    static_assert(sizeof(Slot) == 16);
    Slot slots_[kSlots];
};

struct Kept {
    KeptTexts texts;
    KeptDates dates;
};

// On the heap, once per thread (90 KB is too much for static thread-local storage), and
// reached through a plain pointer, which needs no guard; freed with the thread by an owner
// that only its first use touches.
thread_local Kept* threadKept = nullptr;

[[gnu::noinline]] Kept& firstKept() {
    thread_local const std::unique_ptr<Kept> owner = std::make_unique<Kept>();
    threadKept = owner.get();
    return *owner;
}

inline Kept& kept() {
    Kept* kept = threadKept;
    return kept != nullptr ? *kept : firstKept();
}

// `text` between quotes when it is the same as `copy` (kept, so written as it is); nullptr,
// having written part of it, when it is not.
char* writeIfSame(char* p, const char* s, std::size_t n, const char* copy) {
    *p++ = '"';
    if (n < 16) {
        const Block v = block::loadShort(s, n);
        const unsigned live = (1U << n) - 1;
        if ((block::equalMask(v, block::load(copy)) & live) != live) {
            return nullptr;
        }
        block::store(p, v);
    } else {
        std::size_t i = 0;
        for (; n - i >= 32; i += 32) {
            const Block v = block::load(s + i);
            const Block w = block::load(s + i + 16);
            if (block::equalMask(v, block::load(copy + i), w, block::load(copy + i + 16)) !=
                0xFFFFU) {
                return nullptr;
            }
            block::store(p + i, v);
            block::store(p + i + 16, w);
        }
        if (n - i >= 16) {
            const Block v = block::load(s + i);
            if (block::equalMask(v, block::load(copy + i)) != 0xFFFFU) {
                return nullptr;
            }
            block::store(p + i, v);
            i += 16;
        }
        if (i < n) {
            const Block v = block::load(s + n - 16);
            if (block::equalMask(v, block::load(copy + n - 16)) != 0xFFFFU) {
                return nullptr;
            }
            block::store(p + n - 16, v);
        }
    }
    p += n;
    *p++ = '"';
    return p;
}

// writeQuotedAny for a text not kept (or changed since): checked, and kept if it is written as
// it is, else escaped. Out of line, so that the kept path needs few registers.
[[gnu::noinline]] char* writeQuotedFresh(char* p, const char* s, std::size_t n) {
    if (char* end = writeIfAsIs(p, s, n)) {
        kept().texts.keep(s, n);
        return end;
    }
    *p = '"';
    return writeQuotedRest(p + 1, s, n, 0);
}

// The day numbers of 0000-01-01 and 9999-12-31, the years writeDate writes itself.
constexpr std::int32_t kFirstDay = -719528;
constexpr std::int32_t kLastDay = 2932896;

} // namespace

char* writeQuotedAny(char* p, std::string_view text) {
    const char* const s = text.data();
    const std::size_t n = text.size();
    // Every call out of here is a tail call, so that the kept path saves no registers.
    const Kept* const kept = threadKept;
    if (kept == nullptr) {
        return writeQuotedFresh(p, s, n);
    }
    if (const char* copy = kept->texts.find(s, n)) {
        if (char* end = writeIfSame(p, s, n, copy)) {
            return end;
        }
    }
    return writeQuotedFresh(p, s, n);
}

char* writeDecimal(char* p, const Decimal& value, int minDecimals) {
    minDecimals = std::clamp(minDecimals, 0, kMaxMinDecimals);
    if (value.isZero()) {
        // A good third of a result's amounts: "0.00".
        std::memcpy(p, "0.000000", 8);
        return p + (minDecimals == 0 ? 1 : 2 + minDecimals);
    }
    const auto& mantissa = value.mantissa();
    int scale = value.scale();
    if (mantissa >= kMantissaLimit || mantissa <= -kMantissaLimit || scale > kMaxScale ||
        scale < 0) {
        return writeWideDecimal(p, value, minDecimals);
    }
    const auto m = static_cast<long long>(mantissa);
    const bool negative = m < 0;
    std::uint64_t digits = static_cast<std::uint64_t>(negative ? -m : m);
    // No trailing zeros beyond minDecimals, and at least minDecimals decimals.
    while (scale > minDecimals && digits % 10 == 0) {
        digits /= 10;
        --scale;
    }
    for (; scale < minDecimals; ++scale) {
        digits *= 10;
    }
    // Backwards into a scratch buffer: the decimals (with their leading zeros), the point, the
    // whole part (at least "0"), the sign. Then one copy of fixed size, which inlines.
    char buffer[2 * kDecimalCopy];
    char* const end = buffer + kDecimalCopy;
    char* start = end;
    for (int k = scale; k >= 2; k -= 2) {
        start -= 2;
        std::memcpy(start, kDigitPairs + 2 * (digits % 100), 2);
        digits /= 100;
    }
    if (scale % 2 == 1) {
        *--start = static_cast<char>('0' + digits % 10);
        digits /= 10;
    }
    if (scale > 0) {
        *--start = '.';
    }
    start = digitsBackwards(start, digits);
    if (negative) {
        *--start = '-';
    }
    std::memcpy(p, start, kDecimalCopy);
    return p + (end - start);
}

char* writeMoneyAny(char* p, const Decimal& value) { return writeDecimal(p, value, 2); }

namespace {

// writeDate for a day not kept: worked out, and kept.
[[gnu::noinline]] char* writeDateFresh(char* p, const Date& date) {
    const std::int32_t days = date.days();
    if (days < kFirstDay || days > kLastDay) {
        // Years beyond four digits as Date::toString writes them; no real date is one.
        const std::string text = date.toString();
        std::memcpy(p, text.data(), std::min(text.size(), kDateBound));
        return p + std::min(text.size(), kDateBound);
    }
    // Neri and Schneider's civil-from-days ("Euclidean affine functions and their application
    // to calendar algorithms", 2022): days counted from 1 March of a year far enough back for
    // all of it to be unsigned, then each division by a constant as a multiplication.
    constexpr std::uint32_t kEras = 82;
    constexpr std::uint32_t kShift = 719468 + 146097 * kEras;
    const std::uint32_t n = static_cast<std::uint32_t>(days) + kShift;
    const std::uint32_t n1 = 4 * n + 3;
    const std::uint32_t century = n1 / 146097;
    const std::uint32_t dayOfCentury = n1 % 146097 / 4;
    const std::uint64_t p2 = std::uint64_t{2939745} * (4 * dayOfCentury + 3);
    const auto yearOfCentury = static_cast<std::uint32_t>(p2 >> 32);
    const auto dayOfYear = static_cast<std::uint32_t>(p2) / 2939745 / 4;
    const std::uint32_t n3 = 2141 * dayOfYear + 197913;
    const std::uint32_t january = dayOfYear >= 306 ? 1 : 0;
    const std::uint32_t year = 100 * century + yearOfCentury - 400 * kEras + january;
    const std::uint32_t month = (n3 >> 16) - 12 * january;
    const std::uint32_t day = (n3 & 0xFFFF) / 2141 + 1;
    std::memcpy(p, kDigitPairs + 2 * (year / 100), 2);
    std::memcpy(p + 2, kDigitPairs + 2 * (year % 100), 2);
    p[4] = '-';
    std::memcpy(p + 5, kDigitPairs + 2 * month, 2);
    p[7] = '-';
    std::memcpy(p + 8, kDigitPairs + 2 * day, 2);
    kept().dates.keep(days, p);
    return p + 10;
}

} // namespace

char* writeDate(char* p, const Date& date) {
    // The kept path calls nothing, so that it saves no registers.
    const Kept* const kept = threadKept;
    if (kept != nullptr) {
        if (const char* text = kept->dates.find(date.days())) {
            std::memcpy(p, text, 16);
            return p + 10;
        }
    }
    return writeDateFresh(p, date);
}

char* writeInt(char* p, int value) {
    if (value >= 0 && value < 100) {
        // An e-indkomst field number, nearly always.
        std::memcpy(p, kDigitPairs + 2 * value + (value < 10 ? 1 : 0), 2);
        return p + (value < 10 ? 1 : 2);
    }
    const bool negative = value < 0;
    // Through 64 bits, so that the most negative int has a magnitude.
    const auto magnitude = static_cast<std::uint64_t>(negative ? -static_cast<long long>(value)
                                                               : static_cast<long long>(value));
    // Then one copy of fixed size, which inlines.
    char buffer[32];
    char* const end = buffer + 16;
    const char* start = digitsBackwards(end, magnitude);
    if (negative) {
        *p++ = '-';
    }
    std::memcpy(p, start, 16);
    return p + (end - start);
}

} // namespace ydelse::json
