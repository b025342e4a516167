#include "runtime/ir/program_printer.hpp"

#include <fmt/format.h>

namespace ydelse::ir {
namespace {

void printDefinitionCode(std::string& out, const Program& p, const Definition& d) {
    out += fmt::format("  def {} -> r{}\n", d.name, d.slot);
    for (std::size_t pc = d.codeBegin; pc < p.code.size(); ++pc) {
        const Instruction& in = p.code[pc];
        std::string operands;
        switch (in.op) {
        case Op::Const: {
            const Value& v = p.constants[in.a];
            operands = fmt::format("r{} = {}", in.dst,
                                   v.number.isZero() && v.bits != 0 ? std::to_string(v.bits)
                                                                    : v.number.toString());
            break;
        }
        case Op::Input:
        case Op::Present:
            operands = fmt::format("r{} = {}", in.dst, inputFieldName(static_cast<Input>(in.a)));
            break;
        case Op::Sats:
            operands = fmt::format("r{} = {}", in.dst, p.satser[in.a].name);
            break;
        case Op::Applied:
            operands = p.rules[in.a].name;
            break;
        case Op::Fail:
            operands = p.failures[in.a].kode;
            break;
        case Op::Need:
            operands = fmt::format("r{}, {}", in.a, p.failures[in.b].besked);
            break;
        case Op::Jump:
            operands = fmt::format("@{}", in.a);
            break;
        case Op::JumpIfFalse:
        case Op::JumpIfTrue:
            operands = fmt::format("r{}, @{}", in.a, in.b);
            break;
        case Op::Force:
            operands = fmt::format("def {}", in.a);
            break;
        case Op::Round:
        case Op::DivRound:
            operands = fmt::format("r{} = r{}{}, enhed {}, tilstand {}", in.dst, in.a,
                                   in.op == Op::DivRound ? fmt::format(" / r{}", in.b) : "",
                                   p.constants[in.c].number.toString(), in.mode);
            break;
        case Op::Ret:
            operands = fmt::format("r{}", in.a);
            break;
        case Op::Claims: {
            const ClaimAggregate& a = p.claimAggregates[in.a];
            static constexpr const char* kKind[] = {"sum", "antal", "findes"};
            operands = fmt::format("r{} = {}(fordringer{}{})", in.dst,
                                   kKind[static_cast<unsigned>(a.kind)],
                                   a.filter == kNone ? "" : fmt::format(" hvor fordring def {}", a.filter),
                                   a.value == kNone ? "" : fmt::format("; fordring def {}", a.value));
            break;
        }
        case Op::Move:
        case Op::Neg:
        case Op::Not:
        case Op::FullMonth:
        case Op::Year:
        case Op::Weeks:
            operands = fmt::format("r{} = r{}", in.dst, in.a);
            break;
        case Op::AddYears:
        case Op::Add:
        case Op::Sub:
        case Op::Mul:
        case Op::Max:
        case Op::Min:
        case Op::Cmp:
        case Op::ICmp:
            operands = fmt::format("r{} = r{}, r{}{}", in.dst, in.a, in.b,
                                   in.op == Op::Cmp || in.op == Op::ICmp
                                       ? fmt::format(" ({})", in.mode)
                                       : "");
            break;
        }
        out += fmt::format("    {:4} {:14} {}\n", pc, opName(in.op), operands);
        if (in.op == Op::Ret) {
            break;
        }
    }
}

void printFrame(std::string& out, const Program& p, const Frame& f) {
    out += fmt::format("  registre {}\n", f.size);
    for (const Definition& d : f.definitions) {
        printDefinitionCode(out, p, d);
    }
    for (const PostingRule& r : f.postings) {
        out += fmt::format("  kontering {}: debet def {}, kredit def {}\n", postingArtName(r.art),
                           r.debit, r.credit);
    }
}

} // namespace

std::string printProgram(const Program& p) {
    std::string out = fmt::format("katalog \"{}\" version \"{}\"\n", p.katalogNavn, p.version);
    for (const Sats& s : p.satser) {
        out += fmt::format("sats {} ({})\n", s.name, valueTypeName(s.type));
        for (const SatsInterval& i : s.intervals) {
            out += fmt::format("  {}..{} {}\n", i.from.toString(), i.to.toString(),
                               i.known ? i.value.toString() : "ukendt");
        }
    }
    for (std::size_t i = 0; i < p.accounts.size(); ++i) {
        std::string fields;
        for (const AccountField& f : p.accounts[i].fields) {
            fields += fmt::format(" {}={}", f.name, f.value);
        }
        out += fmt::format("konto {}:{}\n", i, fields);
    }
    out += "udbetaling\n";
    printFrame(out, p, p.order.frame);
    std::string keys;
    for (std::uint32_t k : p.order.coverageKeys) {
        keys += fmt::format(" def {}", k);
    }
    out += fmt::format("fordring (dækning:{}; {} før {})\n", keys,
                       p.order.renteFirst ? "rente" : "hovedstol",
                       p.order.renteFirst ? "hovedstol" : "rente");
    printFrame(out, p, p.order.claimFrame);
    for (const OffsetRule& r : p.offsetRules) {
        out += fmt::format("modregningsregel {}: omfatter def {}{}\n", p.rules[r.rule].name,
                           r.covers,
                           r.cap == kNone ? "" : fmt::format(", højst udbetaling def {}", r.cap));
    }
    for (const RepaymentRule& r : p.repaymentRules) {
        out += fmt::format("tilbagebetalingsregel {}: fordringstype {}\n", p.rules[r.rule].name,
                           r.fordringstype);
    }
    for (const Ydelse& y : p.ydelser) {
        out += fmt::format("ydelse {}\n", y.code);
        printFrame(out, p, y.frame);
    }
    return out;
}

} // namespace ydelse::ir
