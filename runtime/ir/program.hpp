// The compiled catalog: immutable once built, shared by any number of evaluating threads. Names
// are resolved to indexes at compile time; text is kept only for results, audit and dumps.
#pragma once

#include "runtime/ir/instruction.hpp"
#include "runtime/ir/types.hpp"
#include "runtime/support/date.hpp"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ydelse::ir {

inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

/// A dated value of a sats. `known` false: the value for this interval is explicitly unknown,
/// and `note` says why.
struct SatsInterval {
    Date from;
    Date to; ///< inclusive; 2999-12-31 for an open end
    bool known = true;
    ydelse::Decimal value;
    std::string note;
};

struct Sats {
    std::string name;
    ValueType type = ValueType::Belob;
    std::vector<SatsInterval> intervals; ///< sorted, contiguous, non-overlapping
};

struct AccountField {
    std::string name;  ///< funktion, dranst, gruppering, art, logisk, or a local dimension
    std::string value;
    bool numeric = false;
};

struct Account {
    std::vector<AccountField> fields;
    std::string logicalName; ///< set for a logical account
};

struct Rule {
    std::string name;
    std::string version;
    std::string lovgrundlag;
};

/// A value an inlined regel or tabel call received or returned, for explanations.
struct CallValue {
    std::string name; ///< the parameter's name; empty for the result
    std::uint32_t reg = 0;
    ValueType type = ValueType::Belob;
    std::uint32_t enumId = kNone;
};

/// One inlined call of a regel or tabel. Its `applied` instruction names it (operand b, the
/// index + 1; 0 for none), so an explanation can show the arguments and the result.
struct RuleCall {
    std::uint32_t rule = 0;
    std::vector<CallValue> args;
    CallValue result;
};

/// A definition's code: instructions from `codeBegin` up to its Ret, result in `slot`.
/// `type`, `enumId` and `formel` are read only by explanations (runtime/explain): the value's
/// type, to write it, and the expression as a normalised one-line text in the catalog language.
struct Definition {
    Definition() = default;
    // Code that builds IR by hand names only the first three (tests, the lowering).
    Definition(std::string n, std::uint32_t begin, std::uint32_t register_)
        : name(std::move(n)), codeBegin(begin), slot(register_) {}

    std::string name;
    std::uint32_t codeBegin = 0;
    std::uint32_t slot = 0;
    ValueType type = ValueType::Belob;
    std::uint32_t enumId = kNone;
    std::string formel;
};

struct GrundlagField {
    std::string name;
    ValueType type = ValueType::Belob;
    std::uint32_t enumId = kNone;
    std::uint32_t slot = 0;
    bool optional = false;
    std::uint32_t presentSlot = 0; ///< truth value: the order gave the field
};

struct Requirement {
    std::uint32_t definition = 0; ///< Sand/Falsk
    std::string kode;
    std::string besked;
    std::string felt;
};

struct PostingRule {
    PostingArt art = PostingArt::Brutto;
    std::uint32_t debit = 0;  ///< definition giving a Konto
    std::uint32_t credit = 0; ///< definition giving a Konto
};

struct EIncomeRule {
    int felt = 0;
    std::uint32_t definition = 0;
};

enum class PeriodKind : std::uint8_t { Maaned, FjortenDage, Uge, Enkelt };

/// Everything evaluated in one frame: an order line of a ydelse, or the order as a whole.
struct Frame {
    std::uint32_t size = 0; ///< registers
    /// Derived by indexProgram(), not stored: one past the frame's own inputs (the lowest
    /// definition slot), the registers an evaluation must clear first; kNone until derived.
    std::uint32_t inputsEnd = kNone;
    std::vector<Definition> definitions;
    std::vector<PostingRule> postings;
    std::uint32_t postingRule = kNone; ///< Rule recorded when postings are made
};

struct Ydelse {
    std::string code;
    std::string navn;
    std::string lovgrundlag;
    std::uint32_t rule = 0;
    std::vector<std::string> fagsystemer;
    std::array<bool, 3> modtagere{}; ///< by RecipientType
    PeriodKind periodKind = PeriodKind::Maaned;
    Date gyldigFra;
    std::optional<Date> gyldigTil;
    bool aIndkomst = true;
    std::string indkomsttype;
    std::vector<GrundlagField> grundlag;
    std::vector<Requirement> requirements;
    std::array<std::uint32_t, kLineAmountCount> amounts{}; ///< definition per LineAmount
    std::vector<EIncomeRule> eindkomst;
    std::uint32_t aSkatShareSlot = 0; ///< register the runtime fills before eindkomst
    std::uint32_t offsetRule = kNone;    ///< Program::offsetRules; kNone: never offset
    std::uint32_t repaymentRule = kNone; ///< Program::repaymentRules; kNone: no corrections
    std::uint32_t repaymentKrav = kNone;      ///< definition: Kravtype ordinal
    std::uint32_t repaymentForaeldes = kNone; ///< definition: Dato
    /// definition: Sand/Falsk, may the claim be sent on for inddrivelse; kNone: not stated
    std::uint32_t repaymentInddrivelse = kNone;
    Frame frame;
};

/// A modregningsregel: `covers` is a definition of the order's claim frame (evaluated once per
/// claim), `cap` one of the order frame (kNone: no cap below what is available).
struct OffsetRule {
    std::uint32_t rule = 0; ///< Program::rules, for the audit list
    std::uint32_t covers = 0;
    std::uint32_t cap = kNone;
};

/// A tilbagebetalingsregel; its `krav` and `forældes` are lowered into each ydelse using it.
struct RepaymentRule {
    std::uint32_t rule = 0;
    std::string fordringstype;
};

/// `sum`, `antal` or `findes` over the order's claims: `filter` and `value` are definitions of
/// the claim frame (kNone: every claim, or no value).
enum class AggregateKind : std::uint8_t { Sum, Antal, Findes };
struct ClaimAggregate {
    AggregateKind kind = AggregateKind::Sum;
    std::uint32_t filter = kNone;
    std::uint32_t value = kNone;
};

/// Values of the built-in enumeration Kravtype.
enum class ClaimKind : std::uint8_t { Nettokrav, Bruttokrav };

struct OrderBlock {
    std::uint32_t aSkat = 0; ///< definition
    std::array<std::uint32_t, kLineAmountCount> sumSlots{};
    Frame frame;
    /// Evaluated once per open claim: the dækningsrækkefølge's keys (Heltal or Dato, ascending)
    /// and every modregningsregel's `covers`.
    Frame claimFrame;
    std::vector<std::uint32_t> coverageKeys; ///< definitions of claimFrame
    bool renteFirst = true;                  ///< a claim's rente is covered before its hovedstol
};

struct EnumType {
    std::string name;
    std::vector<std::string> values;
};

/// A kommune's mapping of logical accounts to its own real accounts (domain P9).
struct KommuneConfig {
    std::int64_t kommune = 0; ///< 0 = the default configuration for every other kommune
    std::vector<std::pair<std::string, Account>> mapping;
};

/// An error the catalog itself raises at run time (e.g. no row of a decision table applies).
struct Failure {
    std::string kode;
    std::string besked;
    std::string felt; ///< "grundlag.x" is completed to "ydelser[i].grundlag.x" by the evaluator
};

struct Origin {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

class ProgramIndex;

struct Program {
    std::string katalogNavn;
    std::string version;
    std::string hash;
    std::vector<std::string> fagsystemer;
    std::vector<Instruction> code;
    std::vector<Value> constants;
    std::vector<Sats> satser;
    std::vector<Account> accounts;
    std::vector<Rule> rules;
    std::vector<EnumType> enums;
    std::vector<Ydelse> ydelser;
    std::vector<OffsetRule> offsetRules;
    std::vector<RepaymentRule> repaymentRules;
    std::vector<ClaimAggregate> claimAggregates;
    OrderBlock order;
    std::vector<KommuneConfig> kommuner;
    std::vector<Origin> origins;
    std::vector<Failure> failures;
    std::vector<RuleCall> calls;

    /// Derived lookups (program_index.hpp), built by indexProgram() once the rest is complete;
    /// never serialised. Copies of a Program share it. Evaluation requires it.
    std::shared_ptr<const ProgramIndex> index;

    /// Index of a ydelse by code (the first of that code), or kNone.
    std::uint32_t findYdelse(std::string_view code) const;
};

} // namespace ydelse::ir
