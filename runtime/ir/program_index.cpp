#include "runtime/ir/program_index.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>
#include <unordered_map>

namespace ydelse::ir {

namespace {

// Deep enough for a posting rule's account passed through an argument of an inlined
// konteringsregel; anything more involved is left to evaluation.
constexpr int kMaxFixedDepth = 4;
constexpr int kMaxFixedSteps = 8;

// The account definition `def` always gives, when its code is nothing but constants, moves and
// forces of such definitions (what the compiler emits for `debet konto ...`, `logisk ...` and a
// konteringsregel's Konto argument); kNone otherwise. Such code can neither fail nor record a
// rule, so skipping it at evaluation changes nothing but the time taken.
std::uint32_t fixedAccount(const Program& program, const Frame& frame, std::uint32_t def,
                           int depth) {
    if (def >= frame.definitions.size() || depth > kMaxFixedDepth) {
        return kNone;
    }
    struct Known {
        std::uint32_t reg;
        std::int64_t bits;
    };
    std::array<Known, kMaxFixedSteps> known{};
    std::size_t knownCount = 0;
    auto find = [&](std::uint32_t reg) -> const Known* {
        for (std::size_t i = knownCount; i-- > 0;) {
            if (known[i].reg == reg) {
                return &known[i];
            }
        }
        return nullptr;
    };
    std::uint32_t pc = frame.definitions[def].codeBegin;
    for (int step = 0; step < kMaxFixedSteps && pc < program.code.size(); ++step, ++pc) {
        const Instruction& in = program.code[pc];
        switch (in.op) {
        case Op::Const:
            if (in.a >= program.constants.size()) {
                return kNone;
            }
            known[knownCount++] = {in.dst, program.constants[in.a].bits};
            break;
        case Op::Force: {
            const std::uint32_t account = fixedAccount(program, frame, in.a, depth + 1);
            if (account == kNone) {
                return kNone;
            }
            known[knownCount++] = {frame.definitions[in.a].slot, account};
            break;
        }
        case Op::Move: {
            const Known* from = find(in.a);
            if (from == nullptr) {
                return kNone;
            }
            known[knownCount++] = {in.dst, from->bits};
            break;
        }
        case Op::Ret: {
            const Known* result = find(in.a);
            // As evaluation reads an account: the register's bits cut to an index.
            return result == nullptr ? kNone : static_cast<std::uint32_t>(result->bits);
        }
        default:
            return kNone;
        }
    }
    return kNone;
}

// A ydelse code's hash, eight bytes at a step: std::hash over a short code cost more than the
// scan of a small catalog it replaces.
std::size_t codeHash(std::string_view code) {
    constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
    auto mix = [](std::uint64_t h, std::uint64_t word) {
        h = (h ^ word) * kMultiplier;
        return h ^ (h >> 32);
    };
    std::uint64_t h = code.size();
    const char* p = code.data();
    std::size_t left = code.size();
    std::uint64_t word = 0;
    if (left < 8) {
        for (; left > 0; --left, ++p) {
            word = word << 8 | static_cast<unsigned char>(*p);
        }
        h = mix(h, word);
    } else {
        for (; left > 8; left -= 8, p += 8) {
            std::memcpy(&word, p, 8);
            h = mix(h, word);
        }
        // The last eight bytes, overlapping what the loop took: no byte-by-byte tail.
        std::memcpy(&word, code.data() + code.size() - 8, 8);
        h = mix(h, word);
    }
    // The table takes the low bits: fold the high ones, which every byte reached, into them.
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    return static_cast<std::size_t>(h);
}

} // namespace

ProgramIndex::ProgramIndex(const Program& program) {
    indexYdelser(program);
    indexKommuner(program);
    resolveAccounts(program);
    fixPostings(program);
}

void ProgramIndex::indexYdelser(const Program& program) {
    ydelseSlots_.assign(std::bit_ceil(std::max<std::size_t>(2 * program.ydelser.size(), 2)),
                        Slot{});
    const std::size_t mask = ydelseSlots_.size() - 1;
    for (std::uint32_t y = 0; y < program.ydelser.size(); ++y) {
        const std::string_view code = program.ydelser[y].code;
        const std::size_t hash = codeHash(code);
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot& slot = ydelseSlots_[i];
            if (slot.ydelse == kNone) {
                slot = {hash, y};
                break;
            }
            if (slot.hash == hash && program.ydelser[slot.ydelse].code == code) {
                break; // the first of a code is the one found, as a scan would
            }
        }
    }
}

std::uint32_t ProgramIndex::findYdelse(const Program& program, std::string_view code) const {
    const std::size_t mask = ydelseSlots_.size() - 1;
    const std::size_t hash = codeHash(code);
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot& slot = ydelseSlots_[i];
        if (slot.ydelse == kNone) {
            return kNone;
        }
        if (slot.hash == hash && slot.ydelse < program.ydelser.size() &&
            program.ydelser[slot.ydelse].code == code) {
            return slot.ydelse;
        }
    }
}

// A kommune listed twice keeps its last configuration, as does the standard one: what a scan
// that keeps the last match found.
void ProgramIndex::indexKommuner(const Program& program) {
    const auto none = static_cast<std::uint32_t>(program.kommuner.size());
    defaultRow_ = none;
    for (std::uint32_t i = 0; i < program.kommuner.size(); ++i) {
        kommuneRows_.emplace_back(program.kommuner[i].kommune, i);
        if (program.kommuner[i].kommune == 0) {
            defaultRow_ = i;
        }
    }
    std::stable_sort(kommuneRows_.begin(), kommuneRows_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    // Of equal kommuner keep the last, which stable_sort left last.
    std::vector<std::pair<std::int64_t, std::uint32_t>> unique;
    for (std::size_t i = 0; i < kommuneRows_.size(); ++i) {
        if (i + 1 < kommuneRows_.size() && kommuneRows_[i + 1].first == kommuneRows_[i].first) {
            continue;
        }
        unique.push_back(kommuneRows_[i]);
    }
    kommuneRows_ = std::move(unique);
}

std::uint32_t ProgramIndex::configRow(std::int64_t kommune) const {
    const auto it = std::lower_bound(
        kommuneRows_.begin(), kommuneRows_.end(), kommune,
        [](const std::pair<std::int64_t, std::uint32_t>& row, std::int64_t k) {
            return row.first < k;
        });
    return it != kommuneRows_.end() && it->first == kommune ? it->second : defaultRow_;
}

void ProgramIndex::resolveAccounts(const Program& program) {
    // Ranges into fields_ first: it grows until every account is resolved.
    struct Range {
        std::size_t begin = 0;
        std::size_t size = 0;
    };
    auto append = [this](const std::vector<ir::AccountField>& fields) {
        for (const ir::AccountField& f : fields) {
            fields_.push_back({texts_.emplace_back(f.name), texts_.emplace_back(f.value),
                               f.numeric});
        }
    };
    const std::size_t accounts = program.accounts.size();
    std::vector<Range> own(accounts);
    std::vector<std::uint32_t> logicalAccounts;
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> ordinalsOfName;
    logicalOrdinal_.assign(accounts, kNone);
    for (std::uint32_t a = 0; a < accounts; ++a) {
        const Account& account = program.accounts[a];
        own[a] = {fields_.size(), account.fields.size()};
        append(account.fields);
        if (!account.logicalName.empty()) {
            logicalOrdinal_[a] = static_cast<std::uint32_t>(logicalAccounts.size());
            ordinalsOfName[account.logicalName].push_back(logicalOrdinal_[a]);
            logicalAccounts.push_back(a);
        }
    }
    logicalCount_ = static_cast<std::uint32_t>(logicalAccounts.size());

    // A logical account under a configuration: its own fields, then those of every mapping
    // entry of its name, in the configuration's order. The last row is "no configuration".
    const std::size_t rows = program.kommuner.size() + 1;
    std::vector<Range> mapped(rows * logicalCount_);
    std::vector<std::vector<std::uint32_t>> entriesOf(logicalCount_);
    for (std::size_t row = 0; row < rows; ++row) {
        for (std::vector<std::uint32_t>& entries : entriesOf) {
            entries.clear();
        }
        const auto* mapping = row < program.kommuner.size() ? &program.kommuner[row].mapping
                                                            : nullptr;
        for (std::uint32_t e = 0; mapping != nullptr && e < mapping->size(); ++e) {
            const auto it = ordinalsOfName.find((*mapping)[e].first);
            if (it != ordinalsOfName.end()) {
                for (std::uint32_t ordinal : it->second) {
                    entriesOf[ordinal].push_back(e);
                }
            }
        }
        for (std::uint32_t ordinal = 0; ordinal < logicalCount_; ++ordinal) {
            const std::uint32_t a = logicalAccounts[ordinal];
            Range& range = mapped[row * logicalCount_ + ordinal];
            if (entriesOf[ordinal].empty()) {
                range = own[a];
                continue;
            }
            range.begin = fields_.size();
            append(program.accounts[a].fields);
            for (std::uint32_t e : entriesOf[ordinal]) {
                append((*mapping)[e].second.fields);
            }
            range.size = fields_.size() - range.begin;
        }
    }

    auto span = [this](const Range& r) { return AccountFields(fields_.data() + r.begin, r.size); };
    own_.clear();
    for (const Range& r : own) {
        own_.push_back(span(r));
    }
    mapped_.clear();
    for (const Range& r : mapped) {
        mapped_.push_back(span(r));
    }
}

void ProgramIndex::fixPostings(const Program& program) {
    auto fix = [&](const Frame& frame) {
        for (const PostingRule& rule : frame.postings) {
            fixed_.push_back({fixedAccount(program, frame, rule.debit, 0),
                              fixedAccount(program, frame, rule.credit, 0)});
        }
    };
    for (const Ydelse& y : program.ydelser) {
        ydelsePostingsBegin_.push_back(static_cast<std::uint32_t>(fixed_.size()));
        fix(y.frame);
    }
    ydelsePostingsBegin_.push_back(static_cast<std::uint32_t>(fixed_.size()));
    fix(program.order.frame);
    orderRuleOfArt_.fill(kNone);
    const std::vector<PostingRule>& rules = program.order.frame.postings;
    for (std::uint32_t i = 0; i < rules.size(); ++i) {
        if (static_cast<std::size_t>(rules[i].art) >= kPostingArtCount) {
            continue; // the verifier refuses it; this index is no place to fail
        }
        std::uint32_t& first = orderRuleOfArt_[static_cast<std::size_t>(rules[i].art)];
        if (first == kNone) {
            first = i;
        }
    }
}

std::uint32_t lowestDefinitionSlot(const Frame& frame) {
    std::uint32_t end = frame.size;
    for (const Definition& d : frame.definitions) {
        end = std::min(end, d.slot);
    }
    return end;
}

void indexProgram(Program& program) {
    program.index = std::make_shared<const ProgramIndex>(program);
    program.order.frame.inputsEnd = lowestDefinitionSlot(program.order.frame);
    program.order.claimFrame.inputsEnd = lowestDefinitionSlot(program.order.claimFrame);
    for (Ydelse& y : program.ydelser) {
        y.frame.inputsEnd = lowestDefinitionSlot(y.frame);
    }
}

} // namespace ydelse::ir
