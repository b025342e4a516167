// The public embedding API of the runtime: what a payment service includes to load a compiled
// catalog (the artifact `ydelse compile` writes) and evaluate effektueringsordrer against it.
// It sits on top of runtime/artifact (loading), runtime/eval (evaluation) and runtime/output
// (JSON), and like the rest of ydelse_runtime it needs neither the parser nor a YAML library.
// docs/embedding.md shows it in use; examples/embed/main.cpp is a complete program.
//
// The model in short:
//   * Catalog   - one loaded, immutable catalog. Load it once, share it with every thread.
//   * Evaluator - per-thread evaluation state. One per thread, reused for every order.
//   * Result    - the outcome of one order (runtime/model/result.hpp).
//
// Thread safety: every const member function of Catalog may be called from any number of
// threads at once, and copies of a Catalog may be made and destroyed on any thread. An
// Evaluator is not thread-safe: use each one from one thread at a time (give every thread its
// own). Evaluators on different threads may share one Catalog without any locking; evaluation
// never writes to the catalog.
//
// LIFETIME RULE: a Result holds std::string_views into its catalog's program (the catalog hash
// and version, ydelse codes, legal bases, account names, rule names). A Result must not outlive
// its Catalog: keep the Catalog (a copy of it, or the Evaluator that produced the Result) alive
// for as long as the Result is used. If the Result must live longer, serialise it first
// (toJson / Evaluator::evaluateToJson give an owning std::string).
#pragma once

#include "runtime/eval/evaluator.hpp"
#include "runtime/ir/program.hpp"
#include "runtime/model/order.hpp"
#include "runtime/model/result.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ydelse::api {

/// One loaded, verified, immutable catalog.
///
/// Copying a Catalog is cheap and shares the loaded program: the program is held through a
/// std::shared_ptr<const ir::Program>. Shared ownership (rather than a unique_ptr and a rule
/// "keep the Catalog alive while any Evaluator uses it") is chosen so that an Evaluator can hold
/// its own reference: an Evaluator can never dangle, and a service may swap in a new catalog
/// (load the new one, hand it to new Evaluators, drop the old Catalog) while threads still
/// finish orders on the old one. The pointee is const and never modified after load, so
/// concurrent reads need no lock; the reference count itself is atomic.
///
/// Thread safety: all const member functions may be called concurrently.
/// Lifetime: see the rule at the top of this file; every Result produced from this catalog
/// must be dropped before the last Catalog copy and Evaluator sharing its program is destroyed.
class Catalog {
public:
    /// Reads and verifies an artifact file. On failure returns nothing and, if `error` is not
    /// null, stores a Danish message there (e.g. the file cannot be read, wrong magic, checksum
    /// mismatch, an index out of range). A damaged or foreign file is an error, never a crash.
    static std::optional<Catalog> load(const std::filesystem::path& artifact,
                                       std::string* error = nullptr);

    /// As load(), from artifact bytes already in memory (e.g. fetched from a database).
    /// The bytes are not referenced after the call returns.
    static std::optional<Catalog> fromBytes(std::string_view bytes,
                                            std::string* error = nullptr);

    /// The catalog's content hash (SHA-256, hex), as every result names it.
    std::string_view hash() const { return program_->hash; }
    /// The version the catalog declares.
    std::string_view version() const { return program_->version; }
    /// The catalog's name as it declares it.
    std::string_view name() const { return program_->katalogNavn; }

    /// The loaded program, for callers that use the lower-level runtime headers directly
    /// (runtime/eval/evaluator.hpp). Valid as long as this Catalog (or a copy) lives.
    const ir::Program& program() const { return *program_; }

private:
    explicit Catalog(std::shared_ptr<const ir::Program> program) : program_(std::move(program)) {}

    // Never null in a Catalog obtained from load() or fromBytes(); a moved-from Catalog may
    // only be assigned to or destroyed.
    std::shared_ptr<const ir::Program> program_;
};

/// Per-thread evaluation state bound to one Catalog. Buffers (registers, rule lists) are kept
/// between orders, so after the first few orders an evaluation allocates nothing but what a
/// fresh Result needs, and nothing at all when the caller reuses its Result.
///
/// Not thread-safe: use one Evaluator per thread. Creating one is cheap (it copies the
/// Catalog's shared pointer and starts with empty buffers). It keeps its Catalog's program
/// alive, so Results it produced stay valid while the Evaluator lives, even if the caller's
/// Catalog object is gone.
class Evaluator {
public:
    explicit Evaluator(Catalog catalog) : catalog_(std::move(catalog)) {}

    // Copying would silently duplicate per-thread state; moving it to another thread is fine.
    Evaluator(const Evaluator&) = delete;
    Evaluator& operator=(const Evaluator&) = delete;
    Evaluator(Evaluator&&) noexcept = default;
    Evaluator& operator=(Evaluator&&) noexcept = default;

    /// Evaluates one order. Never throws for bad input: an order that cannot be effektueret
    /// gives a Result with status Afvist and the reasons in `fejl` (the contract's error
    /// record). Only resource exhaustion (std::bad_alloc) can escape. Deterministic: the same
    /// catalog and order give the same Result on any thread, in any order of calls.
    /// The Result must not outlive this Evaluator's catalog (see the lifetime rule above).
    ///
    /// With `options.explain` the Result also carries `forklaring`: how each amount was
    /// computed (docs/explain.md). It is off by default, and then costs nothing.
    Result evaluate(const Order& order, EvalOptions options = {});

    /// As above, into `result`, replacing everything it held. Keep one Result per thread and
    /// pass it every time: its lists keep their capacity, and once the buffers have grown to
    /// the workload's sizes an evaluation (explanation off) allocates nothing on the heap.
    void evaluate(const Order& order, Result& result, EvalOptions options = {});

    /// Evaluates and writes the result (or error record) as one compact JSON object in the
    /// contract's key order, without a trailing newline. The returned string owns its text.
    /// With `options.explain` the object ends with the "forklaring" list.
    std::string evaluateToJson(const Order& order, EvalOptions options = {});

    const Catalog& catalog() const { return catalog_; }

private:
    Catalog catalog_;
    EvalState state_;
};

/// Writes a Result (or its error record, when Afvist) as one compact JSON object: the same bytes
/// as the object `ydelse run --format json` prints for one order.
std::string toJson(const Result& result);

} // namespace ydelse::api
