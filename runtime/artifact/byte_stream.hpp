// Internal to the artifact: little-endian primitive encoding, and a reader that fails softly on
// truncated input instead of reading past the end.
#pragma once

#include "runtime/support/date.hpp"
#include "runtime/support/decimal.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace ydelse::artifact {

class ByteWriter {
public:
    void u8(std::uint8_t v) { out_ += static_cast<char>(v); }
    void u32(std::uint32_t v) {
        for (int i = 0; i < 4; ++i) {
            out_ += static_cast<char>((v >> (8 * i)) & 0xFF);
        }
    }
    void i64(std::int64_t v) {
        auto u = static_cast<std::uint64_t>(v);
        for (int i = 0; i < 8; ++i) {
            out_ += static_cast<char>((u >> (8 * i)) & 0xFF);
        }
    }
    void text(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_ += s;
    }
    void decimal(const Decimal& d) { text(d.toString()); }
    void date(const Date& d) { i64(d.days()); }
    std::string& bytes() { return out_; }

private:
    std::string out_;
};

class ByteReader {
public:
    explicit ByteReader(std::string_view in) : in_(in) {}

    bool ok() const { return ok_; }
    bool atEnd() const { return pos_ == in_.size(); }

    std::uint8_t u8() { return need(1) ? static_cast<std::uint8_t>(in_[pos_++]) : 0; }
    std::uint32_t u32() {
        if (!need(4)) {
            return 0;
        }
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            v |= std::uint32_t(static_cast<std::uint8_t>(in_[pos_++])) << (8 * i);
        }
        return v;
    }
    std::int64_t i64() {
        if (!need(8)) {
            return 0;
        }
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i) {
            v |= std::uint64_t(static_cast<std::uint8_t>(in_[pos_++])) << (8 * i);
        }
        return static_cast<std::int64_t>(v);
    }
    std::string text() {
        std::uint32_t n = u32();
        if (!need(n)) {
            return {};
        }
        std::string s(in_.substr(pos_, n));
        pos_ += n;
        return s;
    }
    Decimal decimal() {
        std::optional<Decimal> d = Decimal::parse(text());
        if (!d) {
            ok_ = false;
            return {};
        }
        return *d;
    }
    Date date() {
        std::int64_t days = i64();
        if (days < -1000000 || days > 1000000) {
            ok_ = false;
            return {};
        }
        return Date::fromDays(static_cast<std::int32_t>(days));
    }
    /// A count of following items, refused if it could not fit in what is left.
    std::uint32_t count(std::size_t minBytesPerItem = 1) {
        std::uint32_t n = u32();
        if (!ok_ || std::size_t(n) * minBytesPerItem > in_.size() - pos_) {
            ok_ = false;
            return 0;
        }
        return n;
    }

private:
    bool need(std::size_t n) {
        if (!ok_ || in_.size() - pos_ < n) {
            ok_ = false;
            return false;
        }
        return true;
    }

    std::string_view in_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

} // namespace ydelse::artifact
