#include "cli/order_runner.hpp"

#include "io/order_reader.hpp"

namespace ydelse::cli {
namespace {

Result finish(const ir::Program& program, io::ReadOrder read, EvalState& state,
              EvalOptions options = {}) {
    if (!read.order) {
        Result rejected;
        rejected.ordreId = read.ordreId;
        rejected.status = ResultStatus::Afvist;
        rejected.fejl = std::move(read.errors);
        return rejected;
    }
    return evaluate(program, *read.order, state, options);
}

} // namespace

Result runOrderText(const ir::Program& program, std::string_view text, EvalState& state,
                    EvalOptions options) {
    return finish(program, io::readOrderText(text), state, options);
}

Result runOrderNode(const ir::Program& program, const YAML::Node& node, EvalState& state) {
    return finish(program, io::readOrder(node), state);
}

} // namespace ydelse::cli
