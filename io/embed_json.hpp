// The embedding API's "order as JSON" entry point: for a payment service that receives
// effektueringsordrer as JSON text rather than filling ydelse::Order itself. It lives in io/, in
// its own small library ydelse_embed_json, because reading an order from text uses io's order
// reader and so yaml-cpp; ydelse_runtime (runtime/api/ydelse.hpp) must stay free of both, and a
// service that builds Orders in C++ links only the runtime. See docs/embedding.md.
#pragma once

#include "runtime/api/ydelse.hpp"

#include <string>
#include <string_view>

namespace ydelse::api {

/// Reads `orderJson` (one effektueringsordre as a JSON object, contract.md) and evaluates it
/// with `evaluator`. Never throws for bad input: malformed JSON, a missing or wrongly typed
/// field and so on give a Result with status Afvist whose `fejl` carry the order reader's codes
/// (ORDRE_SYNTAKS, FELT_MANGLER, FELT_TYPE, FELT_VÆRDI, FELT_UKENDT; docs/cli.md) and whose
/// `ordreId` is set whenever ordre_id could be read. Same reader as the CLI, so the same text
/// gives the same result here and from `ydelse run`. (JSON is read as YAML, so YAML text is
/// accepted too.) The Result must not outlive the evaluator's catalog.
Result evaluateJson(Evaluator& evaluator, std::string_view orderJson);

/// As evaluateJson, written as one compact JSON object: the result, or the contract's error
/// record {"ordre_id":…,"status":"afvist","fejl":[…]} for an order that is rejected.
std::string evaluateJsonToJson(Evaluator& evaluator, std::string_view orderJson);

} // namespace ydelse::api
