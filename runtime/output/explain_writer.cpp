// See explain_writer.hpp. JSON and YAML share one walk (`Emitter`), so the two cannot disagree
// on fields or their order; the text form is written for people and reads differently.
#include "runtime/output/explain_writer.hpp"

#include "runtime/output/output_common.hpp"

#include <fmt/format.h>

namespace ydelse {
namespace {

std::string_view sourceName(InputSource source) {
    switch (source) {
    case InputSource::Ordre: return "ordre";
    case InputSource::Grundlag: return "grundlag";
    case InputSource::Linjesum: return "linjesum";
    case InputSource::ASkatAndel: return "a_skat_andel";
    case InputSource::Argument: return "argument";
    case InputSource::Beloeb: return "beløb";
    }
    return "ordre";
}

std::string kilde(const ExplainedStep& step) {
    return step.fil.empty() ? std::string() : fmt::format("{}:{}", step.fil, step.linje);
}

// The structure of the explanation, written either as compact JSON or as block-style YAML
// (nested lists two spaces deeper than their key, as the result's own lists).
class Emitter {
public:
    Emitter(std::string& out, bool yaml, int indent) : out_(out), yaml_(yaml), indent_(indent) {}

    void text(std::string_view value) {
        space();
        appendQuoted(out_, value);
    }
    void textOrNull(bool present, std::string_view value) {
        if (present) {
            text(value);
        } else {
            space();
            out_ += "null";
        }
    }

    // A list of mappings; `each(item)` writes one item's fields.
    template <typename Items, typename Each>
    void list(const Items& items, Each each) {
        if (items.empty()) {
            space();
            out_ += "[]";
            return;
        }
        pendingSpace_ = false;
        out_ += yaml_ ? "" : "[";
        indent_ += 2;
        bool first = true;
        for (const auto& item : items) {
            if (yaml_) {
                newline();
                out_ += "- ";
                indent_ += 2;
            } else if (!first) {
                out_ += ',';
            }
            first = false;
            out_ += yaml_ ? "" : "{";
            firstField_ = true;
            onDash_ = yaml_;
            each(item);
            out_ += yaml_ ? "" : "}";
            if (yaml_) {
                indent_ -= 2;
            }
        }
        indent_ -= 2;
        out_ += yaml_ ? "" : "]";
    }

    // A list of plain texts (names), a flow sequence in both formats.
    void names(const std::vector<std::string_view>& items) {
        space();
        out_ += '[';
        for (std::size_t i = 0; i < items.size(); ++i) {
            out_ += i == 0 ? "" : (yaml_ ? ", " : ",");
            appendQuoted(out_, items[i]);
        }
        out_ += ']';
    }

    // A nested mapping as a field's value.
    template <typename Body>
    void map(Body body) {
        pendingSpace_ = false;
        out_ += yaml_ ? "" : "{";
        indent_ += 2;
        firstField_ = true;
        body();
        indent_ -= 2;
        out_ += yaml_ ? "" : "}";
        firstField_ = false;
    }

    void field(std::string_view name) {
        if (yaml_) {
            if (!onDash_) {
                newline();
            }
            onDash_ = false;
            out_ += name;
            out_ += ':';
            pendingSpace_ = true;
        } else {
            if (!firstField_) {
                out_ += ',';
            }
            appendQuoted(out_, name);
            out_ += ':';
        }
        firstField_ = false;
    }

private:
    void newline() {
        out_ += '\n';
        out_.append(static_cast<std::size_t>(indent_), ' ');
    }
    void space() {
        if (pendingSpace_) {
            out_ += ' ';
            pendingSpace_ = false;
        }
    }

    std::string& out_;
    bool yaml_;
    int indent_;
    bool firstField_ = true;
    bool onDash_ = false;
    bool pendingSpace_ = false;
};

void writeValue(Emitter& e, const ExplainedValue& v) {
    e.textOrNull(v.kind != ValueKind::Mangler, explainedValueText(v));
}

void writeRule(Emitter& e, const ExplainedRule& r) {
    e.field("regel");
    e.text(r.regel);
    e.field("version");
    e.text(r.version);
    e.field("lovgrundlag");
    e.text(r.lovgrundlag);
}

void writeInputs(Emitter& e, std::span<const ExplainedInput> inputs) {
    e.field("input");
    e.list(inputs, [&](const ExplainedInput& in) {
        e.field("art");
        e.text(sourceName(in.kilde));
        e.field("navn");
        e.text(in.navn);
        e.field("type");
        e.text(in.type);
        e.field("værdi");
        writeValue(e, in.vaerdi);
    });
}

// A step's fields: its definition (with type and value unless the amount gives them), and what
// its computation read.
void writeStepFields(Emitter& e, const Explanation& ex, const ExplainedStep& s, bool withValue) {
    e.field("definition");
    e.text(s.definition);
    if (withValue) {
        e.field("type");
        e.text(s.type);
        e.field("værdi");
        writeValue(e, s.vaerdi);
    }
    e.field("formel");
    e.text(s.formel);
    e.field("kilde");
    e.text(kilde(s));
    std::vector<std::string_view> used;
    for (std::uint32_t u : ex.bruger(s)) {
        used.push_back(ex.trin[u].definition);
    }
    e.field("bruger");
    e.names(used);
    e.field("regler");
    e.list(ex.regler(s), [&](const ExplainedRule& r) { writeRule(e, r); });
    e.field("kald");
    e.list(ex.kald(s), [&](const ExplainedCall& c) {
        e.field("regel");
        e.text(c.regel);
        e.field("argumenter");
        e.list(ex.argumenter(c), [&](const ExplainedInput& a) {
            e.field("navn");
            e.text(a.navn);
            e.field("type");
            e.text(a.type);
            e.field("værdi");
            writeValue(e, a.vaerdi);
        });
        e.field("type");
        e.text(c.type);
        e.field("resultat");
        writeValue(e, c.resultat);
    });
    e.field("satser");
    e.list(ex.satser(s), [&](const ExplainedSats& sats) {
        e.field("sats");
        e.text(sats.navn);
        e.field("type");
        e.text(sats.type);
        e.field("værdi");
        writeValue(e, sats.vaerdi);
        e.field("fra");
        e.text(sats.fra.toString());
        e.field("til");
        e.textOrNull(!sats.aaben, sats.aaben ? std::string() : sats.til.toString());
    });
    writeInputs(e, ex.input(s));
}

void writeAmount(Emitter& e, const Explanation& ex, const ExplainedAmount& a) {
    e.field("beløb");
    e.text(a.belob);
    if (!a.ydelse.empty()) {
        e.field("ydelse");
        e.text(a.ydelse);
    }
    e.field("værdi");
    e.text(moneyText(a.vaerdi));
    if (!a.regel.regel.empty()) {
        e.field("regel");
        e.map([&] { writeRule(e, a.regel); });
    }
    if (a.trin == kNoStep) {
        e.field("formel");
        e.text(a.formel);
        writeInputs(e, ex.input(a));
        return;
    }
    writeStepFields(e, ex, ex.trin[a.trin], false);
    e.field("mellemregninger");
    e.list(ex.mellemregninger(a),
           [&](std::uint32_t step) { writeStepFields(e, ex, ex.trin[step], true); });
}

} // namespace

std::string explainedValueText(const ExplainedValue& v) {
    auto date = [](std::int64_t days) {
        return Date::fromDays(static_cast<std::int32_t>(days)).toString();
    };
    switch (v.kind) {
    case ValueKind::Beloeb: return v.number.normalized().toString(2);
    case ValueKind::Procent:
        return Decimal(v.number.mantissa(), v.number.scale() - 2).normalized().toString();
    case ValueKind::Tal: return v.number.normalized().toString();
    case ValueKind::SandFalsk: return v.bits != 0 ? "sand" : "falsk";
    case ValueKind::Dato: return date(v.bits);
    case ValueKind::Periode: return date(v.bits >> 32) + " til " + date(v.bits & 0xFFFFFFFF);
    case ValueKind::Navn: return std::string(v.name);
    case ValueKind::Mangler: return std::string();
    }
    return std::string();
}

void writeExplanationJson(const Explanation& explanation, std::string& out) {
    Emitter e(out, false, 0);
    e.list(explanation.belob, [&](const ExplainedAmount& a) { writeAmount(e, explanation, a); });
}

void writeExplanationYaml(const Explanation& explanation, std::string& out) {
    out += "forklaring:";
    Emitter e(out, true, 0);
    e.list(explanation.belob, [&](const ExplainedAmount& a) { writeAmount(e, explanation, a); });
    out += '\n';
}

} // namespace ydelse

namespace ydelse {
namespace {

// "12326.5" -> "12.326,5": thousands with '.', decimal comma, as the specification prints.
std::string danishNumber(std::string_view plain) {
    const bool negative = !plain.empty() && plain[0] == '-';
    if (negative) {
        plain.remove_prefix(1);
    }
    const std::size_t point = plain.find('.');
    const std::string_view whole = plain.substr(0, point);
    std::string out = negative ? "-" : "";
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) {
            out += '.';
        }
        out += whole[i];
    }
    if (point != std::string_view::npos) {
        out += ',';
        out += plain.substr(point + 1);
    }
    return out;
}

std::string shown(const ExplainedValue& v) {
    switch (v.kind) {
    case ValueKind::Beloeb: return danishNumber(explainedValueText(v)) + " kr";
    case ValueKind::Procent: return danishNumber(explainedValueText(v)) + " %";
    case ValueKind::Tal: return danishNumber(explainedValueText(v));
    case ValueKind::Mangler: return "ikke angivet";
    default: return explainedValueText(v);
    }
}

std::string_view sourceText(InputSource source) {
    switch (source) {
    case InputSource::Ordre: return "Ordrens";
    case InputSource::Grundlag: return "Grundlagets";
    case InputSource::Linjesum: return "Linjernes sum af";
    case InputSource::ASkatAndel: return "Linjens andel af";
    case InputSource::Argument: return "Argumentet";
    case InputSource::Beloeb: return "Beløbet";
    }
    return "Ordrens";
}

void appendInputs(std::string& out, std::span<const ExplainedInput> inputs,
                  std::string_view pad) {
    for (const ExplainedInput& in : inputs) {
        out += fmt::format("{}{} {}: {}\n", pad, sourceText(in.kilde), in.navn, shown(in.vaerdi));
    }
}

void appendStepDetails(std::string& out, const Explanation& ex, const ExplainedStep& s,
                       std::string_view pad) {
    out += fmt::format("{}Formel: {}{}\n", pad, s.formel,
                       s.fil.empty() ? std::string() : fmt::format("  ({}:{})", s.fil, s.linje));
    for (const ExplainedRule& r : ex.regler(s)) {
        out += fmt::format("{}Regel: {}, version {}: {}\n", pad, r.regel, r.version,
                           r.lovgrundlag);
    }
    for (const ExplainedCall& c : ex.kald(s)) {
        std::string args;
        for (const ExplainedInput& a : ex.argumenter(c)) {
            args += fmt::format("{}{} = {}", args.empty() ? "" : "; ", a.navn, shown(a.vaerdi));
        }
        out += fmt::format("{}Kald: {}({}) = {}\n", pad, c.regel, args, shown(c.resultat));
    }
    for (const ExplainedSats& sats : ex.satser(s)) {
        out += fmt::format("{}Sats {}: {} (gælder {} {})\n", pad, sats.navn,
                           shown(sats.vaerdi), sats.fra.toString(),
                           sats.aaben ? std::string("og frem") : "til " + sats.til.toString());
    }
    appendInputs(out, ex.input(s), pad);
    if (!ex.bruger(s).empty()) {
        std::string used;
        for (std::uint32_t u : ex.bruger(s)) {
            used += (used.empty() ? "" : ", ") + std::string(ex.trin[u].definition);
        }
        out += fmt::format("{}Bruger: {}\n", pad, used);
    }
}

} // namespace

void writeExplanationText(const Explanation& explanation, std::string& out) {
    out += "\nForklaring\n";
    for (const ExplainedAmount& a : explanation.belob) {
        out += fmt::format("\n  {}{}: {} kr\n", a.belob,
                           a.ydelse.empty() ? std::string() : fmt::format(" for {}", a.ydelse),
                           danishNumber(moneyText(a.vaerdi)));
        if (!a.regel.regel.empty()) {
            out += fmt::format("    Ydelse {}, version {}: {}\n", a.regel.regel, a.regel.version,
                               a.regel.lovgrundlag);
        }
        if (a.trin == kNoStep) {
            out += fmt::format("    Beregnes af runtime: {}\n", a.formel);
            appendInputs(out, explanation.input(a), "    ");
            continue;
        }
        const ExplainedStep& own = explanation.trin[a.trin];
        out += fmt::format("    Definition {}\n", own.definition);
        appendStepDetails(out, explanation, own, "    ");
        if (!explanation.mellemregninger(a).empty()) {
            out += "    Mellemregninger:\n";
        }
        for (std::uint32_t step : explanation.mellemregninger(a)) {
            const ExplainedStep& s = explanation.trin[step];
            out += fmt::format("      {} = {}\n", s.definition, shown(s.vaerdi));
            appendStepDetails(out, explanation, s, "        ");
        }
    }
}

} // namespace ydelse
