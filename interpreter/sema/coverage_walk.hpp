// Internal to sema: what a ydelse can reach, and on which days. Walks a ydelse's definitions,
// krav, eindkomst, kontering and udbetaling, into the regler, tabeller and konteringsregler they
// use; a versioned rule's versions are entered with the window of days narrowed to the version's
// own, so a sats or rule used only by an old version is needed only on the old version's days.
#pragma once

#include "interpreter/sema/checked_catalog.hpp"
#include "interpreter/sema/expr_walk.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace ydelse::sema {

enum class ReachKind : std::uint8_t { Regel, Tabel, Kontering };

struct Window {
    Date from;
    Date to;
};

class CoverageWalker {
public:
    explicit CoverageWalker(const CheckedCatalog& checked) : checked_(checked) {}

    void walk(const ast::Expr& e, Window w) {
        forEachSubExpr(e, [&](const ast::Expr& sub) {
            if (sub.id >= checked_.refs.size()) {
                return;
            }
            const Ref& ref = checked_.refs[sub.id];
            if (sub.kind == ast::ExprKind::Name && ref.kind == RefKind::Sats) {
                satsWindows[ref.index].push_back(w);
            } else if (sub.kind != ast::ExprKind::Call) {
                return;
            } else if (ref.kind == RefKind::Rule) {
                visit(ReachKind::Regel, ref.index, w);
            } else if (ref.kind == RefKind::Table) {
                visit(ReachKind::Tabel, ref.index, w);
            }
        });
    }

    void visit(ReachKind kind, std::uint32_t primary, Window w) {
        if (!visited_.insert({kind, primary, w.from.days(), w.to.days()}).second) {
            return;
        }
        const RuleVersions& rv = versionsOf(kind)[primary];
        if (kind == ReachKind::Regel) {
            for (std::uint32_t u : checked_.undtagelserByRegel[primary]) {
                walk(*checked_.ast->undtagelser[u].condition, w);
                walk(*checked_.ast->undtagelser[u].value, w);
            }
        }
        if (!rv.versioned) {
            for (std::uint32_t d : rv.decls) {
                walkBody(kind, d, w);
            }
            return;
        }
        const Date first = rv.spans.front().from;
        const Date last = rv.spans.back().to;
        if (w.from < first) {
            uncovered[{kind, primary}].push_back({w.from, std::min(w.to, first.plusDays(-1))});
        }
        if (w.to > last) {
            uncovered[{kind, primary}].push_back({std::max(w.from, last.plusDays(1)), w.to});
        }
        for (const VersionSpan& s : rv.spans) {
            Window x{std::max(w.from, s.from), std::min(w.to, s.to)};
            if (s.decl != ir::kNone && x.from <= x.to) {
                walkBody(kind, s.decl, x);
            }
        }
    }

    /// Per versioned rule, the days it is needed on but has no version or declared gap.
    std::map<std::pair<ReachKind, std::uint32_t>, std::vector<Window>> uncovered;
    /// Per sats (index into CheckedCatalog::satser), the days it is needed on.
    std::map<std::uint32_t, std::vector<Window>> satsWindows;

private:
    const std::vector<RuleVersions>& versionsOf(ReachKind kind) const {
        return kind == ReachKind::Regel   ? checked_.regelVersions
               : kind == ReachKind::Tabel ? checked_.tabelVersions
                                     : checked_.konteringVersions;
    }

    void walkBody(ReachKind kind, std::uint32_t decl, Window w) {
        const ast::Catalog& cat = *checked_.ast;
        switch (kind) {
        case ReachKind::Regel:
            walk(*cat.regler[decl].body, w);
            return;
        case ReachKind::Tabel:
            for (const ast::TableRow& row : cat.tabeller[decl].rows) {
                walk(*row.result, w);
            }
            return;
        case ReachKind::Kontering:
            for (const ast::PostingLine& line : cat.konteringer[decl].lines) {
                walk(*line.debit, w);
                walk(*line.credit, w);
            }
            return;
        }
    }

    const CheckedCatalog& checked_;
    std::set<std::tuple<ReachKind, std::uint32_t, std::int32_t, std::int32_t>> visited_;
};

/// Everything ydelse `y` can reach during its validity `gyldig fra … til`.
CoverageWalker walkYdelse(const CheckedCatalog& checked, const ast::YdelseDecl& y);

} // namespace ydelse::sema
