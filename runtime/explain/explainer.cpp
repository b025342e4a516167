// See explainer.hpp. Each frame's computed definitions become steps, built once and shared by
// every amount that rests on them; an amount lists its own step and, top-down, the rest.
#include "runtime/explain/explainer.hpp"

#include "runtime/explain/path_replay.hpp"
#include "runtime/explain/value_text.hpp"

#include <algorithm>

namespace ydelse::explain {
namespace {

using ir::LineAmount;

ExplainedRule ruleOf(const ir::Program& program, std::uint32_t rule) {
    const ir::Rule& r = program.rules[rule];
    return {r.name, r.version, r.lovgrundlag};
}

constexpr std::uint32_t kNotLookedUp = 0xFFFFFFFEu;

// Appends a default element by copying a blank one: value-initialising it in place compiles to
// a `rep stos`, which costs more than a few vector moves at these sizes.
template <typename T>
constexpr T kBlank{};
template <typename T>
T& appendBlank(std::vector<T>& list) {
    list.push_back(kBlank<T>);
    return list.back();
}

// The first day of the year from which the catalog writes an interval as having no end.
const Date kOpenEnd = *Date::fromYmd(2999, 1, 1);

// What the frames of one order's explanation share. Kept per thread between orders (as
// EvalState keeps the registers), so that once warm an explained order allocates nothing.
struct OrderScratch {
    const ir::Program* program = nullptr;
    Explanation* out = nullptr;
    ReplayShadow shadow;
    PathReads reads;
    std::vector<std::uint32_t> queue;  ///< definitions whose steps exist but are not filled yet
    std::vector<std::uint32_t> listed; ///< per step: the last amount that listed it (collect)
    std::uint32_t steps = 0;           ///< numbered so far this order
    std::uint32_t amounts = 0;         ///< amounts listed so far, the last one's mark
    std::uint32_t modtagerEnum = kNotLookedUp;
    std::uint32_t skattekortEnum = kNotLookedUp;

    // Looked up by name when first read in an order rather than per frame or per input read.
    std::uint32_t enumOf(ir::Input input) {
        std::uint32_t* id = input == ir::Input::ModtagerType     ? &modtagerEnum
                            : input == ir::Input::SkattekortType ? &skattekortEnum
                                                                 : nullptr;
        if (id == nullptr) {
            return ir::kNone;
        }
        if (*id == kNotLookedUp) {
            *id = inputEnum(*program, input);
        }
        return *id;
    }
};

class FrameExplainer {
public:
    void reset(OrderScratch& order, const ir::Frame& frame, const ir::Ydelse* ydelse,
               const ir::OrderBlock* block, const EvalState::FrameMemory& memory) {
        order_ = &order;
        program_ = order.program;
        out_ = order.out;
        frame_ = &frame;
        ydelse_ = ydelse;
        block_ = block;
        memory_ = &memory;
        ydelseCode_ = ydelse != nullptr ? std::string_view(ydelse->code) : std::string_view();
        replay_.reset(*order.program, frame, memory, frameInputsEnd(), order.shadow);
        stepOf_.assign(frame.definitions.size(), kNoStep);
    }

    /// The step of a computed definition, built with every step below it on first request;
    /// kNoStep if it was not computed.
    std::uint32_t step(std::uint32_t def);
    const ir::Value& value(std::uint32_t def) const {
        return memory_->registers[frame_->definitions[def].slot];
    }

private:
    // One past the frame's own input registers, which precede its definitions' registers.
    std::uint32_t frameInputsEnd() const {
        std::uint32_t end = 0;
        if (ydelse_ != nullptr) {
            end = ydelse_->aSkatShareSlot + 1;
            for (const ir::GrundlagField& f : ydelse_->grundlag) {
                end = std::max({end, f.slot + 1, f.presentSlot + 1});
            }
        } else {
            for (const std::uint32_t slot : block_->sumSlots) {
                end = std::max(end, slot + 1);
            }
        }
        return end;
    }
    // A step is numbered when first asked for and filled later by step(), so that filling one,
    // which asks for the steps of what it read, never recurses.
    std::uint32_t stepOf(std::uint32_t def) {
        if (def >= stepOf_.size() || memory_->done[def] != 1) {
            return kNoStep;
        }
        std::uint32_t& step = stepOf_[def];
        if (step == kNoStep) {
            step = order_->steps++;
            order_->queue.push_back(def);
        }
        return step;
    }
    void fill(std::uint32_t def);
    void addCall(const ir::RuleCall& call) const;
    void addOrderInput(std::uint32_t input) const;
    void addFrameInput(std::uint32_t reg, std::size_t begin) const;

    OrderScratch* order_ = nullptr;
    const ir::Program* program_ = nullptr;
    Explanation* out_ = nullptr;
    const ir::Frame* frame_ = nullptr;
    const ir::Ydelse* ydelse_ = nullptr;    ///< null for the order's frame
    const ir::OrderBlock* block_ = nullptr; ///< null for a line's frame
    const EvalState::FrameMemory* memory_ = nullptr;
    std::string_view ydelseCode_;
    PathReplay replay_;
    std::vector<std::uint32_t> stepOf_;
};

void FrameExplainer::addCall(const ir::RuleCall& call) const {
    // The registers were checked against the frame when the program was verified.
    const ir::Program& program = *program_;
    std::vector<ExplainedInput>& inputs = out_->inputListe;
    const ir::Value* const registers = memory_->registers.data();
    ExplainedCall& c = appendBlank(out_->kaldListe);
    c.regel = program.rules[call.rule].name;
    c.argumenter = {static_cast<std::uint32_t>(inputs.size()),
                    static_cast<std::uint32_t>(call.args.size())};
    for (const ir::CallValue& arg : call.args) {
        ExplainedInput& in = appendBlank(inputs);
        in.kilde = InputSource::Argument;
        in.navn = arg.name;
        in.type = typeText(program, arg.type, arg.enumId);
        setExplainedValue(in.vaerdi, program, arg.type, arg.enumId, registers[arg.reg]);
    }
    c.type = typeText(program, call.result.type, call.result.enumId);
    setExplainedValue(c.resultat, program, call.result.type, call.result.enumId,
                      registers[call.result.reg]);
}

void FrameExplainer::addOrderInput(std::uint32_t input) const {
    const ir::Program& program = *program_;
    const auto in = static_cast<ir::Input>(input);
    const ir::ValueType type = inputType(in);
    const std::uint32_t enumId = order_->enumOf(in);
    ExplainedInput& e = appendBlank(out_->inputListe);
    e.kilde = InputSource::Ordre;
    e.navn = ir::inputFieldName(in);
    e.type = typeText(program, type, enumId);
    if ((memory_->present & (1u << input)) != 0) {
        setExplainedValue(e.vaerdi, program, type, enumId, memory_->registers[input]);
    }
}

// `begin`: where the step's inputs start in the shared list.
void FrameExplainer::addFrameInput(std::uint32_t reg, std::size_t begin) const {
    const ir::Program& program = *program_;
    std::vector<ExplainedInput>& list = out_->inputListe;
    const ir::Value* const registers = memory_->registers.data();
    if (ydelse_ != nullptr) {
        if (reg == ydelse_->aSkatShareSlot) {
            ExplainedInput& e = appendBlank(list);
            e.kilde = InputSource::ASkatAndel;
            e.navn = "a_skat";
            e.type = kTypeNames[static_cast<std::size_t>(ir::ValueType::Belob)];
            setExplainedValue(e.vaerdi, program, ir::ValueType::Belob, ir::kNone, registers[reg]);
            return;
        }
        for (const ir::GrundlagField& f : ydelse_->grundlag) {
            if (reg != f.slot && reg != f.presentSlot) {
                continue;
            }
            // Its value and its presence are one field.
            if (std::any_of(list.begin() + static_cast<std::ptrdiff_t>(begin), list.end(),
                            [&](const ExplainedInput& i) {
                    return i.kilde == InputSource::Grundlag && i.navn == f.name;
                })) {
                return;
            }
            ExplainedInput& e = appendBlank(list);
            e.kilde = InputSource::Grundlag;
            e.navn = f.name;
            e.type = typeText(program, f.type, f.enumId);
            if (registers[f.presentSlot].bits != 0) {
                setExplainedValue(e.vaerdi, program, f.type, f.enumId, registers[f.slot]);
            }
            return;
        }
        return;
    }
    for (std::size_t a = 0; a < ir::kLineAmountCount; ++a) {
        if (block_->sumSlots[a] == reg) {
            const auto amount = static_cast<LineAmount>(a);
            const ir::ValueType type = ir::lineAmountType(amount);
            ExplainedInput& e = appendBlank(list);
            e.kilde = InputSource::Linjesum;
            e.navn = ir::lineAmountName(amount);
            e.type = kTypeNames[static_cast<std::size_t>(type)];
            setExplainedValue(e.vaerdi, program, type, ir::kNone, registers[reg]);
            return;
        }
    }
}

std::uint32_t FrameExplainer::step(std::uint32_t def) {
    std::vector<std::uint32_t>& queue = order_->queue;
    queue.clear();
    const std::uint32_t index = stepOf(def);
    // Filled in the order they were numbered in, so a step's number is its place in the list.
    for (std::size_t i = 0; i < queue.size(); ++i) {
        fill(queue[i]);
    }
    return index;
}

void FrameExplainer::fill(std::uint32_t def) {
    PathReads& reads = order_->reads;
    replay_.replay(def, reads);
    const ir::Program& program = *program_;
    Explanation& out = *out_;
    const ir::Value* const registers = memory_->registers.data();
    const ir::Definition& d = frame_->definitions[def];
    auto size = [](const auto& list) { return static_cast<std::uint32_t>(list.size()); };
    // Only fill appends to the list of steps, so the reference holds to the end.
    ExplainedStep& s = appendBlank(out.trin);
    s.definition = d.name;
    s.ydelse = ydelseCode_;
    s.type = typeText(program, d.type, d.enumId);
    setExplainedValue(s.vaerdi, program, d.type, d.enumId, registers[d.slot]);
    s.formel = d.formel;
    if (reads.origin < program.origins.size()) {
        s.fil = program.origins[reads.origin].file;
        s.linje = program.origins[reads.origin].line;
    }
    // Most steps apply no regel and read no sats: their ranges stay empty, {0, 0}.
    if (!reads.rules.empty()) {
        s.regler = {size(out.regelListe), size(reads.rules)};
        for (const std::uint32_t rule : reads.rules) {
            out.regelListe.push_back(ruleOf(program, rule));
        }
    }
    // Calls first: their arguments go to the shared input list before the step's own inputs.
    if (!reads.calls.empty()) {
        s.kald = {size(out.kaldListe), size(reads.calls)};
        for (const std::uint32_t call : reads.calls) {
            addCall(program.calls[call]);
        }
    }
    if (!reads.satser.empty()) {
        s.satser = {size(out.satsListe), size(reads.satser)};
        // The interval in force on periode.fra, as the lookup chose it.
        const Date fra = Date::fromDays(static_cast<std::int32_t>(
            registers[static_cast<std::size_t>(ir::Input::PeriodeFra)].bits));
        for (const std::uint32_t at : reads.satser) {
            const ir::Instruction& in = program.code[at];
            const ir::Sats& sats = program.satser[in.a];
            ExplainedSats& e = appendBlank(out.satsListe);
            e.navn = sats.name;
            e.type = kTypeNames[static_cast<std::size_t>(sats.type)];
            setExplainedValue(e.vaerdi, program, sats.type, ir::kNone, registers[in.dst]);
            for (const ir::SatsInterval& interval : sats.intervals) {
                if (interval.from <= fra && fra <= interval.to) {
                    e.fra = interval.from;
                    e.til = interval.to;
                    e.aaben = interval.to >= kOpenEnd;
                    break;
                }
            }
        }
    }
    if (!reads.inputs.empty() || !reads.frameInputs.empty()) {
        const std::uint32_t inputs = size(out.inputListe);
        for (const std::uint32_t input : reads.inputs) {
            addOrderInput(input);
        }
        for (const std::uint32_t reg : reads.frameInputs) {
            addFrameInput(reg, inputs);
        }
        s.input = {inputs, size(out.inputListe) - inputs};
    }
    // The definitions it read, in first use; their steps are filled after this one.
    if (!reads.definitions.empty()) {
        const std::uint32_t used = size(out.trinListe);
        std::uint32_t count = 0;
        for (const std::uint32_t read : reads.definitions) {
            const std::uint32_t readStep = stepOf(read);
            if (readStep != kNoStep) {
                out.trinListe.push_back(readStep);
                ++count;
            }
        }
        s.bruger = {used, count};
    }
}

// Every step below `root`, each once, in the order a reader follows them: depth first. They
// are appended to the shared list; `listed` marks each with `mark`, the amount's own number.
void collect(Explanation& ex, std::vector<std::uint32_t>& listed, std::uint32_t root,
             std::uint32_t mark) {
    const ExplainedRange bruger = ex.trin[root].bruger;
    for (std::uint32_t i = 0; i < bruger.count; ++i) {
        const std::uint32_t used = ex.trinListe[bruger.begin + i];
        if (listed[used] != mark) {
            listed[used] = mark;
            ex.trinListe.push_back(used);
            collect(ex, listed, used, mark);
        }
    }
}

void addAmountInput(Explanation& out, std::string_view navn, const Decimal& amount) {
    ExplainedInput& e = appendBlank(out.inputListe);
    e.kilde = InputSource::Beloeb;
    e.navn = navn;
    e.type = kTypeNames[static_cast<std::size_t>(ir::ValueType::Belob)];
    e.vaerdi.kind = ValueKind::Beloeb;
    e.vaerdi.number = amount;
}

constexpr std::string_view kRemainder = "brutto - atp_egen - am_bidrag - a_skat - modregning";

// netto, tilbageholdt and modregning: the runtime's own arithmetic (architecture.md, steps 5-6).
void explainDerived(const Result& result, Explanation& out) {
    const auto begin = static_cast<std::uint32_t>(out.inputListe.size());
    const Amounts& sum = result.belob;
    const bool held = result.status == ResultStatus::Tilbageholdt;
    ExplainedAmount& modregning = appendBlank(out.belob);
    modregning.belob = "modregning";
    modregning.vaerdi = sum.modregning;
    modregning.formel = "summen af de modregnede beløb i modregninger";

    addAmountInput(out, "brutto", sum.brutto);
    addAmountInput(out, "atp_egen", sum.atpEgen);
    addAmountInput(out, "am_bidrag", sum.amBidrag);
    addAmountInput(out, "a_skat", sum.aSkat);
    addAmountInput(out, "modregning", sum.modregning);
    const ExplainedRange inputs{begin, static_cast<std::uint32_t>(out.inputListe.size()) - begin};
    // netto before tilbageholdt, as in `beløb`; one is the remainder, the other 0.
    appendBlank(out.belob).belob = "netto";
    appendBlank(out.belob).belob = "tilbageholdt";
    ExplainedAmount& netto = out.belob[out.belob.size() - 2];
    ExplainedAmount& tilbageholdt = out.belob.back();
    ExplainedAmount& remainder = held ? tilbageholdt : netto;
    ExplainedAmount& zero = held ? netto : tilbageholdt;
    remainder.formel = kRemainder;
    remainder.input = inputs;
    remainder.vaerdi = held ? sum.tilbageholdt : sum.netto;
    zero.vaerdi = Decimal();
    zero.formel = held ? "0 kr: modtageren har ingen NemKonto, så resten holdes tilbage"
                       : "0 kr: modtageren har NemKonto, så intet holdes tilbage";
}

struct Scratch {
    OrderScratch order;
    std::vector<FrameExplainer> frames; ///< the lines', then the order's
};

} // namespace

void explainResult(const ir::Program& program, std::span<const LineResult> lines,
                   EvalState& state, std::size_t orderFrame, Result& result) {
    Explanation& out = result.forklaring;
    std::size_t definitions = program.order.frame.definitions.size();
    for (const LineResult& line : lines) {
        definitions += line.ydelse->frame.definitions.size();
    }
    // One allocation per list for a usual order, none once a reused Result has seen a few:
    // there is at most one step per definition, and a step rarely reads more than this.
    out.trin.reserve(definitions);
    out.trinListe.reserve(4 * definitions);
    out.regelListe.reserve(definitions);
    out.kaldListe.reserve(definitions);
    out.satsListe.reserve(definitions);
    out.inputListe.reserve(2 * definitions);
    out.belob.reserve(ir::kLineAmountCount * lines.size() + 4);

    thread_local Scratch scratch;
    OrderScratch& order = scratch.order;
    order.program = &program;
    order.out = &out;
    // At most one step per definition. Marks go on counting from order to order, so the marks
    // an earlier order left are never an amount's own.
    if (order.listed.size() < definitions) {
        order.listed.resize(definitions, 0);
    }
    if (order.amounts > 0xFFFF0000u) {
        std::fill(order.listed.begin(), order.listed.end(), 0);
        order.amounts = 0;
    }
    order.steps = 0;
    order.modtagerEnum = kNotLookedUp;
    order.skattekortEnum = kNotLookedUp;
    if (scratch.frames.size() < lines.size() + 1) {
        scratch.frames.resize(lines.size() + 1);
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        scratch.frames[i].reset(order, lines[i].ydelse->frame, lines[i].ydelse, nullptr,
                                state.frame(lines[i].index));
    }
    FrameExplainer& orderExplainer = scratch.frames[lines.size()];
    orderExplainer.reset(order, program.order.frame, nullptr, &program.order,
                         state.frame(orderFrame));

    auto list = [&](ExplainedAmount& amount) {
        if (amount.trin == kNoStep) {
            return;
        }
        const auto begin = static_cast<std::uint32_t>(out.trinListe.size());
        collect(out, order.listed, amount.trin, ++order.amounts);
        amount.mellemregninger = {begin, static_cast<std::uint32_t>(out.trinListe.size()) - begin};
    };
    auto lineAmount = [&](LineAmount a) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const ir::Ydelse& y = *lines[i].ydelse;
            const std::uint32_t def = y.amounts[static_cast<std::size_t>(a)];
            ExplainedAmount& amount = appendBlank(out.belob);
            amount.belob = ir::lineAmountName(a);
            amount.ydelse = y.code;
            amount.vaerdi = scratch.frames[i].value(def).number;
            amount.regel = ruleOf(program, y.rule);
            amount.trin = scratch.frames[i].step(def);
            list(amount);
        }
    };
    // In the order of the result's `beløb`.
    lineAmount(LineAmount::Brutto);
    lineAmount(LineAmount::AtpEgen);
    lineAmount(LineAmount::AmBidrag);
    lineAmount(LineAmount::AIndkomst);
    {
        ExplainedAmount& aSkat = appendBlank(out.belob);
        aSkat.belob = "a_skat";
        aSkat.vaerdi = result.belob.aSkat;
        aSkat.trin = orderExplainer.step(program.order.aSkat);
        list(aSkat);
    }
    explainDerived(result, out);
    lineAmount(LineAmount::AtpKommune);
    lineAmount(LineAmount::OpBidrag);
    lineAmount(LineAmount::Refusion);
}

} // namespace ydelse::explain
