// Stage 2 output: the AST plus everything sema learned about it, kept in side tables keyed by
// ExprId (types, what each name refers to) and per-declaration tables (definition order).
// Lowering reads only this; the AST itself is never annotated.
#pragma once

#include "interpreter/ast/ast.hpp"
#include "runtime/ir/builtin_enums.hpp"
#include "interpreter/ast/period_unit.hpp"
#include "runtime/ir/program.hpp"

#include <map>
#include <string>
#include <vector>

namespace ydelse::sema {

struct Type {
    ir::ValueType kind = ir::ValueType::Bool;
    std::uint32_t enumId = ir::kNone;
    bool error = false; ///< already reported; suppresses follow-on errors
    /// A Beløb's period unit (`Beløb pr. måned`); None is compatible with every unit. Equality
    /// below ignores it: units are checked where they can clash (unitsClash).
    PeriodUnit unit = PeriodUnit::None;

    static Type of(ir::ValueType k) { return {k, ir::kNone, false}; }
    static Type enumeration(std::uint32_t id) { return {ir::ValueType::Enum, id, false}; }
    static Type errorType() { return {ir::ValueType::Bool, ir::kNone, true}; }
    static Type belob(PeriodUnit u) { return {ir::ValueType::Belob, ir::kNone, false, u}; }
    friend bool operator==(const Type& a, const Type& b) {
        return a.kind == b.kind && a.enumId == b.enumId;
    }
};

/// Two amounts of different period units (a monthly and a weekly one) cannot meet.
inline bool unitsClash(const Type& a, const Type& b) {
    return a.unit != PeriodUnit::None && b.unit != PeriodUnit::None && a.unit != b.unit;
}

enum class RefKind : std::uint8_t {
    None,
    Input,      ///< index: ir::Input
    Grundlag,   ///< index: field of the ydelse
    Definition, ///< index: definition of the current block
    Param,      ///< index: parameter of the current regel or kontering
    Sats,       ///< index: CheckedCatalog::satser
    EnumValue,  ///< index: enum, extra: ordinal
    OrderSum,   ///< index: ir::LineAmount summed over the order's lines
    ASkatShare, ///< the line's share of the order's A-skat (eindkomst only)
    Rule,       ///< index: regel (a call)
    Table,      ///< index: tabel (a call)
    Builtin,    ///< index: Builtin (a call)
};

struct Ref {
    RefKind kind = RefKind::None;
    std::uint32_t index = 0;
    std::uint32_t extra = 0;
};

enum class Builtin : std::uint8_t {
    Max,
    Min,
    RundNed,
    RundOp,
    RundHalvtOp,
    RundHalvtLige,
    Angivet,
    HelMaaned,
    Aar,
    PlusAar,
    Kalenderuger,
    Sum,    ///< over the order's claims
    Antal,  ///< over the order's claims
    Findes, ///< over the order's claims
};

/// A block of definitions (a ydelse's or the order's), in the order they may be computed.
struct BlockInfo {
    std::map<std::string, std::uint32_t> byName;
    std::vector<const ast::Definition*> definitions;
    std::vector<Type> types;
};

/// A stretch of days in a rule's validity: a version, or a gap the catalog declares deliberate.
struct VersionSpan {
    Date from;
    Date to;                          ///< inclusive; 2999-12-31 for an open end
    std::uint32_t decl = ir::kNone;   ///< the declaration in force; kNone in a deliberate gap
    std::string reason;               ///< `bevidst hul "…"`, for a gap
};

/// The declarations sharing one name (regel, tabel or konteringsregel). Unversioned: the one
/// declaration, valid always. Versioned (each has `gyldig fra`): the version in force for the
/// order's periode.fra is used, found at run time.
struct RuleVersions {
    bool versioned = false;
    std::vector<std::uint32_t> decls; ///< sorted by gyldig fra
    std::vector<VersionSpan> spans;   ///< versions and deliberate gaps, in date order
};

inline const Date kOpenEnd = *Date::fromYmd(2999, 12, 31);

struct CheckedCatalog {
    const ast::Catalog* ast = nullptr;
    std::vector<Type> exprTypes; ///< by ExprId
    std::vector<Ref> refs;       ///< by ExprId
    std::vector<ir::EnumType> enums;
    std::vector<ir::Sats> satser;
    std::vector<PeriodUnit> satsUnits; ///< parallel to satser
    std::map<std::string, std::uint32_t> satsByName;
    std::map<std::string, std::uint32_t> enumValueByName; ///< value name -> enum id
    std::map<std::string, std::uint32_t> regelByName;
    std::map<std::string, std::uint32_t> tabelByName;
    /// Per regel, its undtagelser in the order they are tried.
    std::vector<std::vector<std::uint32_t>> undtagelserByRegel;
    std::map<std::string, std::uint32_t> konteringByName;
    std::map<std::string, std::uint32_t> modregningByName;
    std::map<std::string, std::uint32_t> tilbagebetalingByName;
    /// Per ydelse, its modregnings- and tilbagebetalingsregel, or ir::kNone.
    std::vector<std::uint32_t> ydelseOffsetRule;
    std::vector<std::uint32_t> ydelseRepaymentRule;
    /// By declaration index, for the declaration the ...ByName map names (empty for the others).
    std::vector<RuleVersions> regelVersions;
    std::vector<RuleVersions> tabelVersions;
    std::vector<RuleVersions> konteringVersions;
    std::vector<BlockInfo> ydelseBlocks; ///< parallel to ast->ydelser
    BlockInfo orderBlock;
    std::vector<ir::KommuneConfig> kommuner;
    std::vector<std::string> sourcePaths; ///< for origins
};

/// Enumerations every catalog has, at these indexes.
using ir::kFordringshaverEnum;
using ir::kFordringskategoriEnum;
using ir::kKravtypeEnum;
using ir::kModtagerEnum;
using ir::kSkattekortEnum;

} // namespace ydelse::sema
