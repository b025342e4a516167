// One description of the Program's layout, `transfer`, drives both writing and reading, so the
// two cannot drift apart: the archive either writes each field or reads it into place.
#include "runtime/artifact/artifact.hpp"

#include "runtime/artifact/byte_stream.hpp"
#include "runtime/ir/program_index.hpp"
#include "runtime/ir/program_verifier.hpp"
#include "runtime/support/sha256.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ydelse {
namespace {

constexpr std::string_view kMagic = "YDKATALOG\n";

struct Writing {
    artifact::ByteWriter out;
    static constexpr bool kReading = false;
    void operator()(std::string& s) { out.text(s); }
    void operator()(std::uint32_t& v) { out.u32(v); }
    void operator()(std::int64_t& v) { out.i64(v); }
    void operator()(int& v) { out.i64(v); }
    void operator()(bool& v) { out.u8(v ? 1 : 0); }
    void operator()(std::uint8_t& v) { out.u8(v); }
    void operator()(Decimal& d) { out.decimal(d); }
    void operator()(Date& d) { out.date(d); }
    template <typename E>
        requires std::is_enum_v<E>
    void operator()(E& e) {
        out.u8(static_cast<std::uint8_t>(e));
    }
    template <typename T, typename F>
    void list(std::vector<T>& items, F&& each) {
        out.u32(static_cast<std::uint32_t>(items.size()));
        for (T& item : items) {
            each(item);
        }
    }
};

struct Reading {
    artifact::ByteReader in;
    static constexpr bool kReading = true;
    void operator()(std::string& s) { s = in.text(); }
    void operator()(std::uint32_t& v) { v = in.u32(); }
    void operator()(std::int64_t& v) { v = in.i64(); }
    void operator()(int& v) { v = static_cast<int>(in.i64()); }
    void operator()(bool& v) { v = in.u8() != 0; }
    void operator()(std::uint8_t& v) { v = in.u8(); }
    void operator()(Decimal& d) { d = in.decimal(); }
    void operator()(Date& d) { d = in.date(); }
    template <typename E>
        requires std::is_enum_v<E>
    void operator()(E& e) {
        e = static_cast<E>(in.u8());
    }
    // Items are added as they are read, and reading stops at the first failure, so a count
    // that lies costs no more memory than the bytes actually present.
    template <typename T, typename F>
    void list(std::vector<T>& items, F&& each) {
        const std::uint32_t n = in.count();
        items.clear();
        for (std::uint32_t i = 0; i < n && in.ok(); ++i) {
            each(items.emplace_back());
        }
    }
};

template <typename A>
void transfer(A& a, ir::Value& v) {
    a(v.number);
    a(v.bits);
}

template <typename A>
void transfer(A& a, ir::Frame& f) {
    a(f.size);
    a.list(f.definitions, [&](ir::Definition& d) {
        a(d.name);
        a(d.codeBegin);
        a(d.slot);
        a(d.type);
        a(d.enumId);
        a(d.formel);
    });
    a.list(f.postings, [&](ir::PostingRule& r) {
        a(r.art);
        a(r.debit);
        a(r.credit);
    });
    a(f.postingRule);
}

template <typename A>
void transfer(A& a, ir::Account& acc) {
    a.list(acc.fields, [&](ir::AccountField& f) {
        a(f.name);
        a(f.value);
        a(f.numeric);
    });
    a(acc.logicalName);
}

template <typename A>
void transfer(A& a, ir::Ydelse& y) {
    a(y.code);
    a(y.navn);
    a(y.lovgrundlag);
    a(y.rule);
    a.list(y.fagsystemer, [&](std::string& s) { a(s); });
    for (bool& m : y.modtagere) {
        a(m);
    }
    a(y.periodKind);
    a(y.gyldigFra);
    bool hasEnd = y.gyldigTil.has_value();
    a(hasEnd);
    if (hasEnd) {
        Date end = y.gyldigTil.value_or(Date{});
        a(end);
        y.gyldigTil = end;
    }
    a(y.aIndkomst);
    a(y.indkomsttype);
    a.list(y.grundlag, [&](ir::GrundlagField& f) {
        a(f.name);
        a(f.type);
        a(f.enumId);
        a(f.slot);
        a(f.optional);
        a(f.presentSlot);
    });
    a.list(y.requirements, [&](ir::Requirement& r) {
        a(r.definition);
        a(r.kode);
        a(r.besked);
        a(r.felt);
    });
    for (std::uint32_t& d : y.amounts) {
        a(d);
    }
    a.list(y.eindkomst, [&](ir::EIncomeRule& e) {
        a(e.felt);
        a(e.definition);
    });
    a(y.aSkatShareSlot);
    a(y.offsetRule);
    a(y.repaymentRule);
    a(y.repaymentKrav);
    a(y.repaymentForaeldes);
    a(y.repaymentInddrivelse);
    transfer(a, y.frame);
}

template <typename A>
void transfer(A& a, ir::Program& p) {
    a(p.katalogNavn);
    a(p.version);
    a(p.hash);
    a.list(p.fagsystemer, [&](std::string& s) { a(s); });
    a.list(p.code, [&](ir::Instruction& in) {
        a(in.op);
        a(in.mode);
        a(in.dst);
        a(in.a);
        a(in.b);
        a(in.c);
        a(in.origin);
    });
    a.list(p.constants, [&](ir::Value& v) { transfer(a, v); });
    a.list(p.satser, [&](ir::Sats& s) {
        a(s.name);
        a(s.type);
        a.list(s.intervals, [&](ir::SatsInterval& i) {
            a(i.from);
            a(i.to);
            a(i.known);
            a(i.value);
            a(i.note);
        });
    });
    a.list(p.accounts, [&](ir::Account& acc) { transfer(a, acc); });
    a.list(p.rules, [&](ir::Rule& r) {
        a(r.name);
        a(r.version);
        a(r.lovgrundlag);
    });
    a.list(p.enums, [&](ir::EnumType& e) {
        a(e.name);
        a.list(e.values, [&](std::string& s) { a(s); });
    });
    a.list(p.ydelser, [&](ir::Ydelse& y) { transfer(a, y); });
    a(p.order.aSkat);
    for (std::uint32_t& s : p.order.sumSlots) {
        a(s);
    }
    transfer(a, p.order.frame);
    transfer(a, p.order.claimFrame);
    a.list(p.order.coverageKeys, [&](std::uint32_t& k) { a(k); });
    a(p.order.renteFirst);
    a.list(p.offsetRules, [&](ir::OffsetRule& r) {
        a(r.rule);
        a(r.covers);
        a(r.cap);
    });
    a.list(p.claimAggregates, [&](ir::ClaimAggregate& c) {
        a(c.kind);
        a(c.filter);
        a(c.value);
    });
    a.list(p.repaymentRules, [&](ir::RepaymentRule& r) {
        a(r.rule);
        a(r.fordringstype);
    });
    a.list(p.kommuner, [&](ir::KommuneConfig& k) {
        a(k.kommune);
        a.list(k.mapping, [&](std::pair<std::string, ir::Account>& m) {
            a(m.first);
            transfer(a, m.second);
        });
    });
    a.list(p.failures, [&](ir::Failure& f) {
        a(f.kode);
        a(f.besked);
        a(f.felt);
    });
    a.list(p.origins, [&](ir::Origin& o) {
        a(o.file);
        a(o.line);
        a(o.column);
    });
    auto callValue = [&](ir::CallValue& v) {
        a(v.name);
        a(v.reg);
        a(v.type);
        a(v.enumId);
    };
    a.list(p.calls, [&](ir::RuleCall& c) {
        a(c.rule);
        a.list(c.args, callValue);
        callValue(c.result);
    });
}

// What the instruction verifier does not see: indexes stored outside the code.
std::vector<std::string> verifyTables(const ir::Program& p) {
    std::vector<std::string> problems;
    auto slotOk = [](const ir::Frame& f, std::uint32_t s) { return s < f.size; };
    for (const ir::Ydelse& y : p.ydelser) {
        for (const ir::GrundlagField& g : y.grundlag) {
            if (!slotOk(y.frame, g.slot) || !slotOk(y.frame, g.presentSlot) ||
                (g.type == ir::ValueType::Enum && g.enumId >= p.enums.size())) {
                problems.push_back(y.code + ": grundlag field out of range");
            }
        }
        if (!slotOk(y.frame, y.aSkatShareSlot) || y.frame.size < ir::kInputCount ||
            (y.frame.postingRule != ir::kNone && y.frame.postingRule >= p.rules.size())) {
            problems.push_back(y.code + ": frame layout out of range");
        }
    }
    // Explanations name an enumeration value through the definition's type.
    auto definitionsOk = [&](const ir::Frame& f) {
        return std::all_of(f.definitions.begin(), f.definitions.end(), [&](const ir::Definition& d) {
            return static_cast<unsigned>(d.type) <= static_cast<unsigned>(ir::ValueType::Enum) &&
                   (d.type != ir::ValueType::Enum || d.enumId < p.enums.size());
        });
    };
    for (const ir::Ydelse& y : p.ydelser) {
        if (!definitionsOk(y.frame)) {
            problems.push_back(y.code + ": definition type out of range");
        }
    }
    if (!definitionsOk(p.order.frame)) {
        problems.push_back("udbetaling: definition type out of range");
    }
    for (std::uint32_t s : p.order.sumSlots) {
        if (!slotOk(p.order.frame, s)) {
            problems.push_back("udbetaling: sum register out of range");
        }
    }
    if (p.order.aSkat >= p.order.frame.definitions.size()) {
        problems.push_back("udbetaling: a_skat definition out of range");
    }
    if (!p.code.empty() && p.code.back().op != ir::Op::Ret) {
        problems.push_back("the code does not end with ret");
    }
    for (const ir::Instruction& in : p.code) {
        if (in.origin >= p.origins.size() && !p.origins.empty()) {
            problems.push_back("instruction origin out of range");
            break;
        }
        if (static_cast<unsigned>(in.op) >= ir::kOpCount) {
            problems.push_back("unknown opcode");
            break;
        }
    }
    return problems;
}

} // namespace

std::string writeArtifact(const ir::Program& program) {
    Writing w;
    // transfer() takes the program by reference for both directions; writing only reads it.
    transfer(w, const_cast<ir::Program&>(program));
    Sha256 sha;
    sha.update(w.out.bytes());
    std::string file(kMagic);
    artifact::ByteWriter header;
    header.u32(kArtifactFormat);
    file += header.bytes();
    file += sha.hexDigest();
    file += w.out.bytes();
    return file;
}

LoadedArtifact readArtifact(std::string_view bytes) {
    LoadedArtifact result;
    if (bytes.substr(0, kMagic.size()) != kMagic) {
        result.error = "filen er ikke et oversat ydelseskatalog";
        return result;
    }
    bytes.remove_prefix(kMagic.size());
    artifact::ByteReader header(bytes.substr(0, 4));
    const std::uint32_t format = header.u32();
    if (!header.ok() || format != kArtifactFormat) {
        result.error = fmt::format("katalogfilen har formatversion {}, men denne runtime læser "
                                   "version {}; oversæt kataloget igen",
                                   format, kArtifactFormat);
        return result;
    }
    bytes.remove_prefix(std::min<std::size_t>(4, bytes.size()));
    if (bytes.size() < 64) {
        result.error = "katalogfilen er afkortet";
        return result;
    }
    const std::string_view checksum = bytes.substr(0, 64);
    const std::string_view payload = bytes.substr(64);
    Sha256 sha;
    sha.update(payload);
    if (sha.hexDigest() != checksum) {
        result.error = "katalogfilens kontrolsum passer ikke: filen er beskadiget";
        return result;
    }
    Reading r{artifact::ByteReader(payload)};
    ir::Program program;
    transfer(r, program);
    if (!r.in.ok() || !r.in.atEnd()) {
        result.error = "katalogfilen kan ikke læses: indholdet passer ikke til formatet";
        return result;
    }
    std::vector<std::string> problems = verifyTables(program);
    for (std::string& p : verifyProgram(program)) {
        problems.push_back(std::move(p));
    }
    if (!problems.empty()) {
        result.error = "katalogfilen er ugyldig: " + problems.front();
        return result;
    }
    ir::indexProgram(program); // derived, so rebuilt rather than stored
    result.program = std::move(program);
    return result;
}

} // namespace ydelse
