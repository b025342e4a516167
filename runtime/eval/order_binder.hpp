// Binding an order to the catalog: checks what only the catalog can judge (is the ydelse known,
// may this fagsystem order it, is the period within its validity, does the grundlag match its
// declaration) and turns the order's fields into frame input registers.
#pragma once

#include "runtime/eval/evaluator.hpp"

namespace ydelse {

/// Every reason the order does not fit the catalog; empty when it does.
std::vector<OrderError> bindOrder(const ir::Program& program, const Order& order);

/// Fills the order inputs (ir::Input) of a frame's registers and its presence mask.
void loadOrderInputs(const Order& order, EvalState::FrameMemory& frame);

/// Fills a ydelse frame's grundlag registers; bindOrder has already validated them.
/// Loads the fordring.* inputs of the claim frame.
void loadClaimInputs(const Claim& claim, EvalState::FrameMemory& frame);

void loadGrundlag(const ir::Program& program, const ir::Ydelse& ydelse, const OrderLine& line,
                  EvalState::FrameMemory& frame);

} // namespace ydelse
