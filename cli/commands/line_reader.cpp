#include "cli/commands/line_reader.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace ydelse::cli {
namespace {

// Large enough that a read returns thousands of orders; small enough to stay in the L2 cache.
constexpr std::size_t kBlockBytes = 1 << 18;

} // namespace

LineReader::LineReader(int fd)
    : fd_(fd), buffer_(std::make_unique<char[]>(kBlockBytes)), capacity_(kBlockBytes) {}

bool LineReader::fill() {
    if (eof_) {
        return false;
    }
    // Keep the unread rest (the start of a line), at the front of the buffer.
    const std::size_t rest = end_ - begin_;
    if (begin_ > 0) {
        std::memmove(buffer_.get(), buffer_.get() + begin_, rest);
        begin_ = 0;
        end_ = rest;
    }
    if (end_ == capacity_) {
        auto bigger = std::make_unique<char[]>(capacity_ * 2);
        std::memcpy(bigger.get(), buffer_.get(), end_);
        buffer_ = std::move(bigger);
        capacity_ *= 2;
    }
    // read(2) rather than fread: from a pipe it returns what has arrived, so lines are
    // evaluated as they come instead of once a whole block has.
    ssize_t got = 0;
    do {
        got = ::read(fd_, buffer_.get() + end_, capacity_ - end_);
    } while (got < 0 && errno == EINTR);
    if (got <= 0) {
        eof_ = true;
        failed_ = got < 0;
        return false;
    }
    end_ += static_cast<std::size_t>(got);
    return true;
}

bool LineReader::next(std::string_view& line) {
    std::size_t searched = begin_;
    while (true) {
        const char* data = buffer_.get();
        if (const void* newline = std::memchr(data + searched, '\n', end_ - searched)) {
            const auto at = static_cast<std::size_t>(static_cast<const char*>(newline) - data);
            line = std::string_view(data + begin_, at - begin_);
            begin_ = at + 1;
            return true;
        }
        searched = end_ - begin_; // where the search resumes once fill() moved the rest
        if (!fill()) {
            break;
        }
    }
    if (failed_ || begin_ == end_) {
        return false;
    }
    line = std::string_view(buffer_.get() + begin_, end_ - begin_);
    begin_ = end_;
    return true;
}

} // namespace ydelse::cli
