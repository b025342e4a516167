// Positions of YAML nodes as SourceRanges, so table errors render like language errors.
#pragma once

#include "interpreter/source/source_file.hpp"

#include <yaml-cpp/yaml.h>

namespace ydelse {

inline SourceRange yamlRange(FileId file, const YAML::Mark& mark, std::uint32_t length = 1) {
    if (mark.line < 0) {
        return {file, 0, 0, 1};
    }
    return {file, static_cast<std::uint32_t>(mark.line + 1),
            static_cast<std::uint32_t>(mark.column + 1), length};
}

inline SourceRange yamlRange(FileId file, const YAML::Node& node) {
    std::uint32_t length = node.IsScalar() ? static_cast<std::uint32_t>(node.Scalar().size()) : 1;
    return yamlRange(file, node.Mark(), std::max<std::uint32_t>(1, length));
}

} // namespace ydelse
