// How each amount of a Result was computed (`ydelse run --explain`, docs/explain.md). Built after
// evaluation from the frames' registers (runtime/explain), never during it, and only on request:
// a Result evaluated without explanation carries an empty Explanation and costs nothing more.
//
// Names, formulas and legal bases are string_views into the Program, like the rest of a Result.
// Values are kept as the computation held them (ExplainedValue) and spelled only by the
// writers (explainedValueText in runtime/output/explain_writer.hpp), so building an
// explanation formats nothing.
#pragma once

#include "runtime/support/date.hpp"
#include "runtime/support/decimal.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ydelse {

inline constexpr std::uint32_t kNoStep = 0xFFFFFFFFu;

enum class ValueKind : std::uint8_t {
    Beloeb,    ///< number: kroner
    Procent,   ///< number: a fraction, 0.37 for 37 %
    Tal,       ///< number: Decimal or Heltal
    SandFalsk, ///< bits: 0 or 1
    Dato,      ///< bits: day number
    Periode,   ///< bits: fra << 32 | til, day numbers
    Navn,      ///< name: an enumeration value, an account
    Mangler    ///< the order did not give it; only its absence was used
};

/// One value of an explanation.
struct ExplainedValue {
    ValueKind kind = ValueKind::Mangler;
    Decimal number;
    std::int64_t bits = 0;
    std::string_view name;
};

/// Where an input an explanation shows comes from.
enum class InputSource : std::uint8_t {
    Ordre,     ///< a field of the order itself (periode, skattekort.fradrag, ...)
    Grundlag,  ///< a grundlag field of the order line
    Linjesum,  ///< in `udbetaling`: a line amount summed over the order's lines
    ASkatAndel, ///< the line's share of the order's A-skat (eIndkomst)
    Argument,   ///< a parameter of a regel or tabel call
    Beloeb      ///< an amount of this result (what netto is computed from)
};

struct ExplainedInput {
    InputSource kilde = InputSource::Ordre;
    std::string_view navn; ///< "skattekort.fradrag", "beløb" (grundlag), "a_indkomst" (sum)
    std::string_view type; ///< "Beløb", "Procent", "Sand/Falsk", an enumeration's name, ...
    ExplainedValue vaerdi; ///< kind Mangler when the order did not give it
};

struct ExplainedSats {
    std::string_view navn;
    std::string_view type;
    ExplainedValue vaerdi;
    Date fra;       ///< the interval in force on periode.fra
    Date til;       ///< inclusive
    bool aaben = false; ///< the interval has no end date
};

struct ExplainedRule {
    std::string_view regel;
    std::string_view version;
    std::string_view lovgrundlag;
};

/// A stretch of one of the Explanation's shared lists (see Explanation). An empty one may start
/// anywhere: a step that applied no regel keeps {0, 0} rather than the list's end.
struct ExplainedRange {
    std::uint32_t begin = 0;
    std::uint32_t count = 0;
};

/// One call of a regel or tabel: what it was given and what it gave back.
struct ExplainedCall {
    std::string_view regel;
    ExplainedRange argumenter; ///< in Explanation::input; kilde Argument, navn the parameter
    std::string_view type;     ///< of the result
    ExplainedValue resultat;
};

/// One definition as it was computed for this order: its value, its formula, and what the
/// path its code took read. Branches not taken contribute nothing.
struct ExplainedStep {
    std::string_view definition;
    std::string_view ydelse; ///< the line's ydelse; empty in `udbetaling`
    std::string_view type;
    ExplainedValue vaerdi;
    std::string_view formel;
    std::string_view fil;
    std::uint32_t linje = 0;
    ExplainedRange bruger; ///< steps of the definitions it read, in first use
    ExplainedRange regler; ///< regler, tabeller and undtagelser it applied
    ExplainedRange kald;   ///< each regel and tabel call, in the order they ran
    ExplainedRange satser;
    ExplainedRange input;
};

/// One amount of the result's `beløb`: for a line amount, per order line.
struct ExplainedAmount {
    std::string_view belob;  ///< the key in `beløb`: "brutto", "a_skat", "netto", ...
    std::string_view ydelse; ///< the line's ydelse; empty for the order's amounts
    Decimal vaerdi;
    ExplainedRule regel;          ///< the ydelse for a line amount; empty otherwise
    std::uint32_t trin = kNoStep; ///< the step of the catalog definition computing it
    ExplainedRange mellemregninger; ///< every step it rests on, each once, top-down
    /// Amounts the runtime computes itself (netto, tilbageholdt, modregning): how, and from what.
    std::string_view formel;
    ExplainedRange input;
};

/// The lists of all steps and amounts share a few flat vectors, which ExplainedRanges index,
/// so that building an explanation allocates a handful of times rather than per step; the
/// accessors give each list as a span.
struct Explanation {
    std::vector<ExplainedAmount> belob;
    std::vector<ExplainedStep> trin;
    std::vector<std::uint32_t> trinListe; ///< step numbers: `bruger`, `mellemregninger`
    std::vector<ExplainedRule> regelListe;
    std::vector<ExplainedCall> kaldListe;
    std::vector<ExplainedSats> satsListe;
    std::vector<ExplainedInput> inputListe; ///< inputs and call arguments

    bool empty() const { return belob.empty(); }

    std::span<const std::uint32_t> bruger(const ExplainedStep& s) const {
        return of(trinListe, s.bruger);
    }
    std::span<const ExplainedRule> regler(const ExplainedStep& s) const {
        return of(regelListe, s.regler);
    }
    std::span<const ExplainedCall> kald(const ExplainedStep& s) const {
        return of(kaldListe, s.kald);
    }
    std::span<const ExplainedSats> satser(const ExplainedStep& s) const {
        return of(satsListe, s.satser);
    }
    std::span<const ExplainedInput> input(const ExplainedStep& s) const {
        return of(inputListe, s.input);
    }
    std::span<const ExplainedInput> argumenter(const ExplainedCall& c) const {
        return of(inputListe, c.argumenter);
    }
    std::span<const std::uint32_t> mellemregninger(const ExplainedAmount& a) const {
        return of(trinListe, a.mellemregninger);
    }
    std::span<const ExplainedInput> input(const ExplainedAmount& a) const {
        return of(inputListe, a.input);
    }

private:
    template <typename T>
    static std::span<const T> of(const std::vector<T>& list, ExplainedRange r) {
        return std::span<const T>(list.data() + r.begin, r.count);
    }
};

} // namespace ydelse
