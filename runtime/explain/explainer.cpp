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

// Buffers a frame's explanation works in, kept per thread between orders (as EvalState keeps
// the registers) so that an explained order does not allocate them afresh.
struct FrameScratch {
    std::vector<std::int64_t> bits;
    PathReads reads;
    std::vector<std::uint32_t> stepOf;
    std::vector<std::uint32_t> pending; ///< definitions a step read, until they are steps
};

// Sized once per order before any reference into it is taken.
std::vector<FrameScratch>& scratchFor(std::size_t frames) {
    thread_local std::vector<FrameScratch> buffers;
    if (buffers.size() < frames) {
        buffers.resize(frames);
    }
    return buffers;
}

class FrameExplainer {
public:
    FrameExplainer(const ir::Program& program, const ir::Frame& frame, const ir::Ydelse* ydelse,
                   const ir::OrderBlock* order, const EvalState::FrameMemory& memory,
                   Explanation& out, FrameScratch& scratch)
        : program_(program), frame_(frame), ydelse_(ydelse), order_(order), memory_(memory),
          out_(out), replay_(program, frame, memory, scratch.bits), reads_(scratch.reads),
          stepOf_(scratch.stepOf), pending_(scratch.pending) {
        stepOf_.assign(frame.definitions.size(), kNoStep);
    }

    /// The step of a computed definition, built on first request; kNoStep if it was not computed.
    std::uint32_t step(std::uint32_t def);
    const ir::Value& value(std::uint32_t def) const {
        return memory_.registers[frame_.definitions[def].slot];
    }

private:
    ExplainedCall explainCall(const ir::RuleCall& call) const;
    void addOrderInput(std::uint32_t input) const;
    void addFrameInput(std::uint32_t reg, std::size_t begin) const;

    const ir::Program& program_;
    const ir::Frame& frame_;
    const ir::Ydelse* ydelse_;      ///< null for the order's frame
    const ir::OrderBlock* order_;   ///< null for a line's frame
    const EvalState::FrameMemory& memory_;
    Explanation& out_;
    PathReplay replay_;
    PathReads& reads_;
    std::vector<std::uint32_t>& stepOf_;
    std::vector<std::uint32_t>& pending_;
    // Looked up by name once per frame rather than per input read (after program_ above).
    std::uint32_t modtagerEnum_ = inputEnum(program_, ir::Input::ModtagerType);
    std::uint32_t skattekortEnum_ = inputEnum(program_, ir::Input::SkattekortType);
};

ExplainedCall FrameExplainer::explainCall(const ir::RuleCall& call) const {
    // The registers were checked against the frame when the program was verified.
    ExplainedCall c;
    c.regel = program_.rules[call.rule].name;
    c.argumenter = {static_cast<std::uint32_t>(out_.inputListe.size()),
                    static_cast<std::uint32_t>(call.args.size())};
    for (const ir::CallValue& arg : call.args) {
        ExplainedInput in;
        in.kilde = InputSource::Argument;
        in.navn = arg.name;
        in.type = typeText(program_, arg.type, arg.enumId);
        in.vaerdi = explainedValue(program_, arg.type, arg.enumId, memory_.registers[arg.reg]);
        out_.inputListe.push_back(std::move(in));
    }
    c.type = typeText(program_, call.result.type, call.result.enumId);
    c.resultat = explainedValue(program_, call.result.type, call.result.enumId,
                                memory_.registers[call.result.reg]);
    return c;
}

void FrameExplainer::addOrderInput(std::uint32_t input) const {
    const auto in = static_cast<ir::Input>(input);
    const ir::ValueType type = inputType(in);
    const std::uint32_t enumId = in == ir::Input::ModtagerType     ? modtagerEnum_
                                 : in == ir::Input::SkattekortType ? skattekortEnum_
                                                                   : ir::kNone;
    ExplainedInput e;
    e.kilde = InputSource::Ordre;
    e.navn = ir::inputFieldName(in);
    e.type = typeText(program_, type, enumId);
    if ((memory_.present & (1u << input)) != 0) {
        e.vaerdi = explainedValue(program_, type, enumId, memory_.registers[input]);
    }
    out_.inputListe.push_back(std::move(e));
}

// `begin`: where the step's inputs start in the shared list.
void FrameExplainer::addFrameInput(std::uint32_t reg, std::size_t begin) const {
    std::vector<ExplainedInput>& list = out_.inputListe;
    ExplainedInput e;
    if (ydelse_ != nullptr) {
        if (reg == ydelse_->aSkatShareSlot) {
            e.kilde = InputSource::ASkatAndel;
            e.navn = "a_skat";
            e.type = ir::valueTypeName(ir::ValueType::Belob);
            e.vaerdi = explainedValue(program_, ir::ValueType::Belob, ir::kNone,
                                      memory_.registers[reg]);
            list.push_back(std::move(e));
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
            e.kilde = InputSource::Grundlag;
            e.navn = f.name;
            e.type = typeText(program_, f.type, f.enumId);
            if (memory_.registers[f.presentSlot].bits != 0) {
                e.vaerdi = explainedValue(program_, f.type, f.enumId, memory_.registers[f.slot]);
            }
            list.push_back(std::move(e));
            return;
        }
        return;
    }
    for (std::size_t a = 0; a < ir::kLineAmountCount; ++a) {
        if (order_->sumSlots[a] == reg) {
            const auto amount = static_cast<LineAmount>(a);
            e.kilde = InputSource::Linjesum;
            e.navn = ir::lineAmountName(amount);
            e.type = ir::valueTypeName(ir::lineAmountType(amount));
            e.vaerdi = explainedValue(program_, ir::lineAmountType(amount), ir::kNone,
                                      memory_.registers[reg]);
            list.push_back(std::move(e));
            return;
        }
    }
}

std::uint32_t FrameExplainer::step(std::uint32_t def) {
    if (def >= frame_.definitions.size() || memory_.done[def] != 1) {
        return kNoStep;
    }
    if (stepOf_[def] != kNoStep) {
        return stepOf_[def];
    }
    const ir::Definition& d = frame_.definitions[def];
    replay_.replay(def, reads_);
    ExplainedStep s;
    s.definition = d.name;
    s.ydelse = ydelse_ != nullptr ? std::string_view(ydelse_->code) : std::string_view();
    s.type = typeText(program_, d.type, d.enumId);
    s.vaerdi = explainedValue(program_, d.type, d.enumId, value(def));
    s.formel = d.formel;
    if (reads_.origin < program_.origins.size()) {
        s.fil = program_.origins[reads_.origin].file;
        s.linje = program_.origins[reads_.origin].line;
    }
    auto start = [](const auto& list) { return static_cast<std::uint32_t>(list.size()); };
    auto close = [](ExplainedRange& range, const auto& list) {
        range.count = static_cast<std::uint32_t>(list.size()) - range.begin;
    };
    s.regler.begin = start(out_.regelListe);
    for (std::uint32_t rule : reads_.rules) {
        out_.regelListe.push_back(ruleOf(program_, rule));
    }
    close(s.regler, out_.regelListe);
    // Calls first: their arguments go to the shared input list before the step's own inputs.
    s.kald.begin = start(out_.kaldListe);
    for (std::uint32_t call : reads_.calls) {
        out_.kaldListe.push_back(explainCall(program_.calls[call]));
    }
    close(s.kald, out_.kaldListe);
    s.satser.begin = start(out_.satsListe);
    for (std::uint32_t at : reads_.satser) {
        const ir::Instruction& in = program_.code[at];
        const ir::Sats& sats = program_.satser[in.a];
        ExplainedSats e;
        e.navn = sats.name;
        e.type = ir::valueTypeName(sats.type);
        e.vaerdi = explainedValue(program_, sats.type, ir::kNone, memory_.registers[in.dst]);
        // The interval in force on periode.fra, as the lookup chose it.
        const Date fra = Date::fromDays(static_cast<std::int32_t>(
            memory_.registers[static_cast<std::size_t>(ir::Input::PeriodeFra)].bits));
        for (const ir::SatsInterval& interval : sats.intervals) {
            if (interval.from <= fra && fra <= interval.to) {
                e.fra = interval.from;
                e.til = interval.to;
                e.aaben = interval.to.year() >= 2999;
                break;
            }
        }
        out_.satsListe.push_back(std::move(e));
    }
    close(s.satser, out_.satsListe);
    s.input.begin = start(out_.inputListe);
    for (std::uint32_t input : reads_.inputs) {
        addOrderInput(input);
    }
    for (std::uint32_t reg : reads_.frameInputs) {
        addFrameInput(reg, s.input.begin);
    }
    close(s.input, out_.inputListe);
    const auto index = static_cast<std::uint32_t>(out_.trin.size());
    out_.trin.push_back(s);
    stepOf_[def] = index;
    // The definitions it read become steps after it. Building those reuses reads_ and pending_
    // above this step's stretch, so the stretch is read by position and turned into steps in
    // place before it is appended to the shared list in one piece.
    const std::size_t base = pending_.size();
    pending_.insert(pending_.end(), reads_.definitions.begin(), reads_.definitions.end());
    const std::size_t end = pending_.size();
    std::size_t kept = base;
    for (std::size_t i = base; i < end; ++i) {
        const std::uint32_t used = step(pending_[i]);
        pending_.resize(end); // what the recursion left above this stretch
        if (used != kNoStep) {
            pending_[kept++] = used;
        }
    }
    out_.trin[index].bruger = {start(out_.trinListe), static_cast<std::uint32_t>(kept - base)};
    const auto first = pending_.begin() + static_cast<std::ptrdiff_t>(base);
    out_.trinListe.insert(out_.trinListe.end(), first,
                          first + static_cast<std::ptrdiff_t>(kept - base));
    pending_.resize(base);
    return index;
}

// Every step below `root`, each once, in the order a reader follows them: depth first. They
// are appended to the shared list from `begin` on.
void collect(Explanation& ex, std::uint32_t root, std::size_t begin) {
    const ExplainedRange bruger = ex.trin[root].bruger;
    for (std::uint32_t i = 0; i < bruger.count; ++i) {
        const std::uint32_t used = ex.trinListe[bruger.begin + i];
        auto from = ex.trinListe.begin() + static_cast<std::ptrdiff_t>(begin);
        if (std::find(from, ex.trinListe.end(), used) == ex.trinListe.end()) {
            ex.trinListe.push_back(used);
            collect(ex, used, begin);
        }
    }
}

ExplainedInput amountInput(std::string_view navn, const Decimal& amount) {
    ExplainedInput e;
    e.kilde = InputSource::Beloeb;
    e.navn = navn;
    e.type = ir::valueTypeName(ir::ValueType::Belob);
    e.vaerdi.kind = ValueKind::Beloeb;
    e.vaerdi.number = amount;
    return e;
}

constexpr std::string_view kRemainder = "brutto - atp_egen - am_bidrag - a_skat - modregning";

// netto, tilbageholdt and modregning: the runtime's own arithmetic (architecture.md, steps 5-6).
void explainDerived(const Result& result, Explanation& out) {
    auto begin = static_cast<std::uint32_t>(out.inputListe.size());
    const Amounts& sum = result.belob;
    const bool held = result.status == ResultStatus::Tilbageholdt;
    ExplainedAmount modregning;
    modregning.belob = "modregning";
    modregning.vaerdi = sum.modregning;
    modregning.formel = "summen af de modregnede beløb i modregninger";
    out.belob.push_back(std::move(modregning));

    ExplainedAmount remainder;
    remainder.formel = kRemainder;
    for (const ExplainedInput& in :
         {amountInput("brutto", sum.brutto), amountInput("atp_egen", sum.atpEgen),
          amountInput("am_bidrag", sum.amBidrag), amountInput("a_skat", sum.aSkat),
          amountInput("modregning", sum.modregning)}) {
        out.inputListe.push_back(in);
    }
    remainder.input = {begin, static_cast<std::uint32_t>(out.inputListe.size()) - begin};
    ExplainedAmount zero;
    zero.vaerdi = Decimal();
    if (held) {
        remainder.belob = "tilbageholdt";
        remainder.vaerdi = sum.tilbageholdt;
        zero.belob = "netto";
        zero.formel = "0 kr: modtageren har ingen NemKonto, så resten holdes tilbage";
        out.belob.push_back(std::move(zero));
        out.belob.push_back(std::move(remainder));
    } else {
        remainder.belob = "netto";
        remainder.vaerdi = sum.netto;
        zero.belob = "tilbageholdt";
        zero.formel = "0 kr: modtageren har NemKonto, så intet holdes tilbage";
        out.belob.push_back(std::move(remainder));
        out.belob.push_back(std::move(zero));
    }
}

} // namespace

void explainResult(const ir::Program& program, const std::vector<LineFrame>& lines,
                   const EvalState::FrameMemory& orderMemory, Result& result) {
    Explanation& out = result.forklaring;
    std::size_t definitions = program.order.frame.definitions.size();
    for (const LineFrame& line : lines) {
        definitions += line.ydelse->frame.definitions.size();
    }
    // One allocation per list for a usual order: a step rarely reads more than this.
    out.trin.reserve(definitions);
    out.trinListe.reserve(4 * definitions);
    out.regelListe.reserve(definitions);
    out.kaldListe.reserve(definitions);
    out.satsListe.reserve(definitions);
    out.inputListe.reserve(2 * definitions);
    out.belob.reserve(ir::kLineAmountCount * lines.size() + 4);
    std::vector<FrameScratch>& scratch = scratchFor(lines.size() + 1);
    std::vector<FrameExplainer> frames;
    frames.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        frames.emplace_back(program, lines[i].ydelse->frame, lines[i].ydelse, nullptr,
                            *lines[i].memory, out, scratch[i]);
    }
    FrameExplainer orderFrame(program, program.order.frame, nullptr, &program.order, orderMemory,
                              out, scratch[lines.size()]);

    auto finish = [&](ExplainedAmount& amount) {
        if (amount.trin != kNoStep) {
            const auto begin = static_cast<std::uint32_t>(out.trinListe.size());
            collect(out, amount.trin, begin);
            amount.mellemregninger = {begin,
                                      static_cast<std::uint32_t>(out.trinListe.size()) - begin};
        }
        out.belob.push_back(std::move(amount));
    };
    auto lineAmount = [&](LineAmount a) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const ir::Ydelse& y = *lines[i].ydelse;
            const std::uint32_t def = y.amounts[static_cast<std::size_t>(a)];
            ExplainedAmount amount;
            amount.belob = ir::lineAmountName(a);
            amount.ydelse = y.code;
            amount.vaerdi = frames[i].value(def).number;
            amount.regel = ruleOf(program, y.rule);
            amount.trin = frames[i].step(def);
            finish(amount);
        }
    };
    // In the order of the result's `beløb`.
    lineAmount(LineAmount::Brutto);
    lineAmount(LineAmount::AtpEgen);
    lineAmount(LineAmount::AmBidrag);
    lineAmount(LineAmount::AIndkomst);
    {
        ExplainedAmount aSkat;
        aSkat.belob = "a_skat";
        aSkat.vaerdi = result.belob.aSkat;
        aSkat.trin = orderFrame.step(program.order.aSkat);
        finish(aSkat);
    }
    explainDerived(result, out);
    lineAmount(LineAmount::AtpKommune);
    lineAmount(LineAmount::OpBidrag);
    lineAmount(LineAmount::Refusion);
}

} // namespace ydelse::explain
