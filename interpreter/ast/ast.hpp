// The catalog's syntax tree: what the author wrote, with a source range on every node and no
// analysis results (those live in sema's side tables, keyed by ExprId). The tree never points
// into the ANTLR parse tree, which dies with the parser.
#pragma once

#include "interpreter/source/source_file.hpp"
#include "runtime/support/date.hpp"
#include "runtime/support/decimal.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ydelse::ast {

using ExprId = std::uint32_t;

struct Ident {
    std::string name;
    SourceRange range;
};

enum class ExprKind : std::uint8_t { Literal, Name, Call, Unary, Binary, If, Select, Account, ClaimList };

struct Expr {
    ExprKind kind;
    ExprId id;
    SourceRange range;
    explicit Expr(ExprKind k, ExprId i, SourceRange r) : kind(k), id(i), range(r) {}
    virtual ~Expr() = default;
};
using ExprPtr = std::unique_ptr<Expr>;

enum class LiteralKind : std::uint8_t { Belob, Procent, Tal, Tekst, Dato, Bool };

struct LiteralExpr final : Expr {
    LiteralKind literalKind;
    Decimal number;   ///< Beløb in kroner, Procent in percent (37 = 37 %), Tal
    std::string text; ///< Tekst
    Date date;
    bool boolean = false;
    LiteralExpr(ExprId i, SourceRange r, LiteralKind k) : Expr(ExprKind::Literal, i, r), literalKind(k) {}
};

/// A dotted name: `brutto`, `grundlag.beløb`, `skattekort.type`.
struct NameExpr final : Expr {
    std::vector<Ident> parts;
    NameExpr(ExprId i, SourceRange r) : Expr(ExprKind::Name, i, r) {}
    std::string dotted() const;
};

struct CallExpr final : Expr {
    Ident callee;
    std::vector<ExprPtr> args;
    CallExpr(ExprId i, SourceRange r) : Expr(ExprKind::Call, i, r) {}
};

enum class UnaryOp : std::uint8_t { Neg, Not };

struct UnaryExpr final : Expr {
    UnaryOp op;
    ExprPtr operand;
    UnaryExpr(ExprId i, SourceRange r, UnaryOp o) : Expr(ExprKind::Unary, i, r), op(o) {}
};

enum class BinaryOp : std::uint8_t { Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne, And, Or };

struct BinaryExpr final : Expr {
    BinaryOp op;
    ExprPtr lhs;
    ExprPtr rhs;
    BinaryExpr(ExprId i, SourceRange r, BinaryOp o) : Expr(ExprKind::Binary, i, r), op(o) {}
};

struct IfExpr final : Expr {
    ExprPtr condition;
    ExprPtr thenExpr;
    ExprPtr elseExpr;
    IfExpr(ExprId i, SourceRange r) : Expr(ExprKind::If, i, r) {}
};

struct SelectBranch {
    std::vector<Ident> values; ///< enumeration values this branch covers
    ExprPtr result;
};

/// `vælg skattekort.type { hovedkort: ..., bikort: ... }`: one branch per enumeration value.
struct SelectExpr final : Expr {
    ExprPtr subject;
    std::vector<SelectBranch> branches;
    SelectExpr(ExprId i, SourceRange r) : Expr(ExprKind::Select, i, r) {}
};

/// `konto 5.57.73 dranst 1 gruppering 007 art 5.2` or `logisk skyldig_a_skat`.
struct AccountExpr final : Expr {
    bool logical = false;
    std::string logicalName;
    std::string funktion;
    std::optional<int> dranst;
    std::string gruppering;
    std::string art;
    AccountExpr(ExprId i, SourceRange r) : Expr(ExprKind::Account, i, r) {}
};

/// `fordringer [hvor betingelse]`: the order's open claims, those the condition (about
/// `fordring.*`) holds for. Only the first argument of `sum`, `antal` and `findes`.
struct ClaimListExpr : Expr {
    ExprPtr filter; ///< null: every claim
    ClaimListExpr(ExprId i, SourceRange r) : Expr(ExprKind::ClaimList, i, r) {}
};

struct TypeRef {
    std::string name; ///< "Beløb", "Sand/Falsk", an enumeration's name, ...
    SourceRange range;
    /// `Beløb pr. måned`: the period unit's word ("måned"), empty when none is written.
    std::string unit;
    SourceRange unitRange;
};

struct Param {
    Ident name;
    TypeRef type;
    bool optional = false; ///< `valgfri`: only grundlag fields may be
    SourceRange optionalRange;
};

struct Definition {
    Ident name;
    std::optional<TypeRef> declaredType;
    ExprPtr value;
};

struct Requirement {
    ExprPtr condition;
    Ident code;
    std::string message;
    std::string field;
    SourceRange range;
};

struct EIncomeField {
    int field = 0;
    SourceRange range;
    ExprPtr value;
};

struct NamedArg {
    Ident name;
    ExprPtr value;
};

struct KonteringUse {
    Ident rule;
    std::vector<NamedArg> args;
    SourceRange range;
};

struct PostingLine {
    Ident art; ///< the amount kind posted: brutto, atp_egen, a_skat, netto, ...
    ExprPtr debit;
    ExprPtr credit;
};

template <typename T>
struct Attr {
    T value{};
    SourceRange range;
    bool present = false;
};

/// When a version of a regel, tabel or konteringsregel is in force: `gyldig fra D [til D]`, and
/// `bevidst hul "…"` when the days before it, after the previous version, have no rule on purpose.
struct Validity {
    Attr<Date> fra;
    std::optional<Date> til;
    SourceRange tilRange;
    Attr<std::string> deliberateGap; ///< the reason
};

struct KatalogDecl {
    std::string navn;
    std::string version;
    std::vector<Ident> fagsystemer;
    SourceRange range;
};

struct TypeDecl {
    Ident name;
    std::vector<Ident> values;
};

struct YdelseDecl {
    Ident code;
    std::string navn;
    SourceRange range;
    Attr<std::string> lovgrundlag;
    Attr<std::string> version;
    Attr<std::vector<Ident>> fagsystemer;
    Attr<std::vector<Ident>> modtagere;
    Attr<Ident> periodeArt;
    Attr<Date> gyldigFra;
    Attr<std::optional<Date>> gyldigTil;
    Attr<Ident> skat;
    Attr<std::string> indkomsttype;
    Attr<std::vector<Param>> grundlag;
    std::vector<Requirement> requirements;
    std::vector<Definition> definitions;
    Attr<std::vector<EIncomeField>> eindkomst;
    std::optional<KonteringUse> kontering;
    Attr<Ident> modregning;      ///< the modregningsregel; absent: never offset
    Attr<Ident> tilbagebetaling; ///< the tilbagebetalingsregel; absent: no corrections
};

struct RegelDecl {
    Ident name;
    std::vector<Param> params;
    TypeRef returnType;
    Attr<std::string> lovgrundlag;
    Attr<std::string> version;
    bool kommuneMayChange = false; ///< `kommunen kan ændre`: kommune overlays may replace it
    Validity validity;
    ExprPtr body;
};

struct KonteringDecl {
    Ident name;
    std::vector<Param> params;
    Attr<std::string> lovgrundlag;
    Attr<std::string> version;
    Validity validity;
    std::vector<PostingLine> lines;
};

/// A named exception to a regel: when its condition holds, its value replaces the rule's. It
/// stands beside the general rule (often with another legal basis) instead of editing it.
struct ExceptionDecl {
    Ident name;
    Ident target; ///< the regel it is an exception to
    /// A kommune overlay: applies only to orders of this kommune, and only to a regel the
    /// standard catalog marks `kommunen kan ændre`.
    std::optional<std::int64_t> kommune;
    SourceRange kommuneRange;
    Attr<std::string> lovgrundlag;
    Attr<std::string> version;
    ExprPtr condition;
    ExprPtr value;
};

enum class CellKind : std::uint8_t { Any, Range, Compare, OneOf };

/// A condition cell of a decision table: `-`, `5..26`, `>= 53`, `hovedkort, bikort`.
struct TableCell {
    CellKind kind = CellKind::Any;
    BinaryOp compare = BinaryOp::Eq; ///< Compare: Lt, Le, Gt, Ge or Ne
    std::vector<ExprPtr> values;     ///< Range: {from, to}; Compare: {bound}; OneOf: the values
    SourceRange range;
};

struct TableRow {
    std::vector<TableCell> cells; ///< one per parameter
    ExprPtr result;
    SourceRange range;
};

enum class HitPolicy : std::uint8_t { First, Unique, Sum };

/// A decision table: rows of conditions over the parameters, and a result per row. The hit
/// policy says which rows count when several match (first, the only one, or their sum).
struct TableDecl {
    Ident name;
    std::vector<Param> params;
    TypeRef returnType;
    Attr<std::string> lovgrundlag;
    Attr<std::string> version;
    Validity validity;
    Ident policyWord;
    HitPolicy policy = HitPolicy::First;
    std::vector<TableRow> rows;
};

/// A modregningsregel: which open claims a ydelse may be offset against (`omfatter`, over the
/// claim's attributes) and an optional cap on the total offset (`højst`).
struct ModregningDecl {
    Ident name;
    Attr<std::string> lovgrundlag;
    Attr<std::string> version;
    ExprPtr covers;
    ExprPtr cap; ///< null: up to the whole amount available
};

/// A tilbagebetalingsregel: the claim a correction that lowers a payout creates. Its definitions
/// are `krav` (nettokrav or bruttokrav) and `forældes` (the date the claim lapses).
struct TilbagebetalingDecl {
    Ident name;
    Attr<std::string> lovgrundlag;
    Attr<std::string> version;
    std::string fordringstype;
    SourceRange fordringstypeRange;
    std::vector<Definition> definitions;
};

/// The order in which open claims are covered: sort keys over each claim, ascending (ties keep
/// the order's own order), and whether rente or hovedstol of one claim is covered first.
struct Coverage {
    SourceRange range;
    std::vector<ExprPtr> keys;
    std::vector<Ident> parts; ///< rente, hovedstol in the order they are covered
};

struct UdbetalingDecl {
    SourceRange range;
    std::vector<Definition> definitions;
    std::vector<PostingLine> postings;
    std::optional<Coverage> coverage;
};

/// Everything parsed from all files of one catalog.
struct Catalog {
    std::vector<KatalogDecl> katalog;
    std::vector<TypeDecl> types;
    std::vector<YdelseDecl> ydelser;
    std::vector<RegelDecl> regler;
    std::vector<KonteringDecl> konteringer;
    std::vector<UdbetalingDecl> udbetalinger;
    std::vector<TableDecl> tabeller;
    std::vector<ExceptionDecl> undtagelser;
    std::vector<ModregningDecl> modregninger;
    std::vector<TilbagebetalingDecl> tilbagebetalinger;
    ExprId nextExprId = 0;
};

} // namespace ydelse::ast
