// Binding an order to the catalog: checks what only the catalog can judge (is the ydelse known,
// may this fagsystem order it, is the period within its validity, does the grundlag match its
// declaration) and turns the order's fields into frame input registers.
#pragma once

#include "runtime/eval/evaluator.hpp"

namespace ydelse {

/// Every reason the order does not fit the catalog, appended to `errors` (none when it fits).
/// Each grundlag field is parsed once, here: `bound` receives the values for loadGrundlag.
void bindOrder(const ir::Program& program, const Order& order, BoundGrundlag& bound,
               std::vector<OrderError>& errors);
/// The same, keeping only the errors.
std::vector<OrderError> bindOrder(const ir::Program& program, const Order& order);

/// Fills the order inputs (ir::Input) of a frame's registers and its presence mask.
void loadOrderInputs(const Order& order, EvalState::FrameMemory& frame);

/// Loads the fordring.* inputs of the claim frame.
void loadClaimInputs(const Claim& claim, EvalState::FrameMemory& frame);

/// Fills the grundlag registers of line `line`'s frame (its ydelse `ydelse`) with the values
/// bindOrder parsed, which found no error in them.
void loadGrundlag(const ir::Ydelse& ydelse, const BoundGrundlag& bound, std::size_t line,
                  EvalState::FrameMemory& frame);

} // namespace ydelse
