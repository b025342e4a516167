// One IR instruction: a fixed-size record, so a program is a flat vector the evaluator walks with
// a switch. `origin` indexes Program::origins (the source place) for explanations and dumps.
#pragma once

#include <cstdint>
#include <string_view>

namespace ydelse::ir {

enum class Op : std::uint8_t {
#define OP(name, text, operands) name,
#include "runtime/ir/opcodes.def"
#undef OP
};

inline constexpr unsigned kOpCount = 0
#define OP(name, text, operands) +1
#include "runtime/ir/opcodes.def"
#undef OP
    ;

std::string_view opName(Op op);

struct Instruction {
    Op op;
    std::uint8_t mode = 0; ///< RoundingMode or Comparison, by op
    std::uint32_t dst = 0;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::uint32_t c = 0;
    std::uint32_t origin = 0;
};

} // namespace ydelse::ir
