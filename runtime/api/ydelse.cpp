// The embedding API (runtime/api/ydelse.hpp): thin wrappers over readArtifact, evaluate and
// writeJson that give a payment service one documented entry point into ydelse_runtime.
#include "runtime/api/ydelse.hpp"

#include "runtime/artifact/artifact.hpp"
#include "runtime/output/json_writer.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

namespace ydelse::api {

std::optional<Catalog> Catalog::load(const std::filesystem::path& artifact, std::string* error) {
    // Distinguish "no such file" and "is a directory" from a damaged file: the service's
    // operator needs to know whether the path or the file is wrong.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(artifact, ec)) {
        if (error != nullptr) {
            *error = "katalogfilen '" + artifact.string() + "' findes ikke eller er ikke en fil";
        }
        return std::nullopt;
    }
    std::ifstream in(artifact, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad() || !in.is_open()) {
        if (error != nullptr) {
            *error = "katalogfilen '" + artifact.string() + "' kan ikke læses";
        }
        return std::nullopt;
    }
    std::string inner;
    std::optional<Catalog> catalog = fromBytes(bytes, &inner);
    if (!catalog && error != nullptr) {
        *error = artifact.string() + ": " + inner;
    }
    return catalog;
}

std::optional<Catalog> Catalog::fromBytes(std::string_view bytes, std::string* error) {
    LoadedArtifact loaded = readArtifact(bytes);
    if (!loaded.program) {
        if (error != nullptr) {
            *error = std::move(loaded.error);
        }
        return std::nullopt;
    }
    // The program is moved into its shared, const home once; from here on nobody can modify it.
    return Catalog(std::make_shared<const ir::Program>(std::move(*loaded.program)));
}

Result Evaluator::evaluate(const Order& order, EvalOptions options) {
    return ydelse::evaluate(catalog_.program(), order, state_, options);
}

void Evaluator::evaluate(const Order& order, Result& result, EvalOptions options) {
    ydelse::evaluate(catalog_.program(), order, state_, result, options);
}

std::string Evaluator::evaluateToJson(const Order& order, EvalOptions options) {
    return toJson(evaluate(order, options));
}

std::string toJson(const Result& result) {
    std::string out;
    writeJson(result, out);
    return out;
}

} // namespace ydelse::api
