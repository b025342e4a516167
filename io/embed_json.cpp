// The JSON-order entry point of the embedding API (io/embed_json.hpp): io::readOrderText, then
// the runtime's Evaluator; a rejected read becomes the contract's error record.
#include "io/embed_json.hpp"

#include "io/order_reader.hpp"

namespace ydelse::api {

Result evaluateJson(Evaluator& evaluator, std::string_view orderJson) {
    io::ReadOrder read = io::readOrderText(orderJson);
    if (!read.order) {
        // Rejected before evaluation: the same record evaluate() gives for an order the
        // catalog refuses, so the caller handles one shape of error.
        Result rejected;
        rejected.ordreId = std::move(read.ordreId);
        rejected.status = ResultStatus::Afvist;
        rejected.fejl = std::move(read.errors);
        return rejected;
    }
    return evaluator.evaluate(*read.order);
}

std::string evaluateJsonToJson(Evaluator& evaluator, std::string_view orderJson) {
    return toJson(evaluateJson(evaluator, orderJson));
}

} // namespace ydelse::api
