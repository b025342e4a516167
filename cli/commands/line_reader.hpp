// The lines of a file descriptor, for `ydelse batch`: read in large blocks and split with
// memchr, each line a view into the block (no copy and no library call per line, as with
// getline). A line longer than the buffer grows it, so any length is read, as getline reads it.
#pragma once

#include <memory>
#include <string_view>

namespace ydelse::cli {

class LineReader {
public:
    explicit LineReader(int fd);

    /// The next line without its '\n' (a last line without one counts, an empty rest does
    /// not); false at the end or when reading fails (see failed). The view is valid until the
    /// next call.
    bool next(std::string_view& line);
    bool failed() const { return failed_; }

private:
    bool fill(); // reads more after the unread rest; false when nothing more came

    int fd_;
    std::unique_ptr<char[]> buffer_;
    std::size_t capacity_;
    std::size_t begin_ = 0; // the unread rest is [begin_, end_)
    std::size_t end_ = 0;
    bool eof_ = false;
    bool failed_ = false;
};

} // namespace ydelse::cli
