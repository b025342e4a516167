#include "interpreter/source/source_file.hpp"

namespace ydelse {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
    lineStarts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') {
            lineStarts_.push_back(i + 1);
        }
    }
}

std::string_view SourceFile::line(std::uint32_t lineNumber) const {
    if (lineNumber == 0 || lineNumber > lineStarts_.size()) {
        return {};
    }
    std::size_t begin = lineStarts_[lineNumber - 1];
    std::size_t end = lineNumber < lineStarts_.size() ? lineStarts_[lineNumber] : text_.size();
    std::string_view view(text_);
    view = view.substr(begin, end - begin);
    while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) {
        view.remove_suffix(1);
    }
    return view;
}

FileId SourceManager::add(std::string path, std::string text) {
    files_.emplace_back(std::move(path), std::move(text));
    return static_cast<FileId>(files_.size() - 1);
}

} // namespace ydelse
