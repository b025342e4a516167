// The derived lookups of a Program (ir::ProgramIndex) and the posting book that reads them, on
// hand-built programs: a ydelse by code, a kommune's configuration, resolved account fields,
// posting rules whose accounts the catalog fixes, and merging legs into kontering lines.
#include "runtime/eval/machine.hpp"
#include "runtime/eval/postings.hpp"
#include "runtime/ir/program_index.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace ydelse;
using ir::Instruction;
using ir::Op;

namespace {

ir::Account account(std::vector<ir::AccountField> fields, std::string logical = "") {
    return ir::Account{std::move(fields), std::move(logical)};
}

ir::Account logical(const std::string& name) {
    return account({{"logisk", name, false}}, name);
}

std::string text(AccountFields fields) {
    std::string out;
    for (const AccountField& f : fields) {
        out += std::string(f.name) + "=" + std::string(f.value) + (f.numeric ? "#" : "") + ";";
    }
    return out;
}

// Accounts 0 (real), 1 (logical a), 2 (logical b); kommune 101 maps a (twice) and b, the
// standard configuration maps a only, and kommune 202 is listed twice (the last one counts).
ir::Program postingProgram() {
    ir::Program p;
    p.accounts = {account({{"funktion", "5.57.73", false}, {"dranst", "1", true}}), logical("a"),
                  logical("b")};
    ir::KommuneConfig k101{101, {}};
    k101.mapping.emplace_back("a", account({{"funktion", "9.1", false}}));
    k101.mapping.emplace_back("b", account({{"sted", "X", false}}));
    k101.mapping.emplace_back("a", account({{"sted", "Y", false}}));
    ir::KommuneConfig standard{0, {}};
    standard.mapping.emplace_back("a", account({{"funktion", "9.0", false}}));
    ir::KommuneConfig k202first{202, {}};
    k202first.mapping.emplace_back("b", account({{"sted", "first", false}}));
    ir::KommuneConfig k202{202, {}};
    k202.mapping.emplace_back("b", account({{"sted", "last", false}}));
    p.kommuner = {k101, standard, k202first, k202};
    return p;
}

} // namespace

TEST_CASE("findYdelse finds every code through the index, the first of a repeated code") {
    ir::Program p;
    for (int i = 0; i < 1000; ++i) {
        ir::Ydelse y;
        y.code = "YDELSE_" + std::to_string(i) + (i % 3 == 0 ? "_MED_EN_LÆNGERE_KODE" : "");
        p.ydelser.push_back(y);
    }
    p.ydelser.push_back(p.ydelser[17]); // a repeat: the first is the one found
    p.ydelser.push_back(ir::Ydelse{});  // an empty code
    p.ydelser.back().code = "K";
    CHECK(p.findYdelse("YDELSE_17") == 17); // unindexed: the scan
    ir::indexProgram(p);
    for (std::uint32_t i = 0; i < 1000; ++i) {
        REQUIRE(p.findYdelse(p.ydelser[i].code) == i);
    }
    CHECK(p.findYdelse("K") == 1001);
    CHECK(p.findYdelse("YDELSE_17") == 17);
    CHECK(p.findYdelse("") == ir::kNone);
    CHECK(p.findYdelse("YDELSE_1000") == ir::kNone);
    CHECK(p.findYdelse("YDELSE_0") == ir::kNone); // YDELSE_0 has the longer code
}

TEST_CASE("an order's kommune picks its configuration, else the standard one, else none") {
    ir::Program p = postingProgram();
    ir::indexProgram(p);
    const ir::ProgramIndex& index = *p.index;
    CHECK(index.configRow(101) == 0);
    CHECK(index.configRow(999) == 1); // standard
    CHECK(index.configRow(0) == 1);
    CHECK(index.configRow(202) == 3); // the last of two
    CHECK(text(index.accountFields(index.configRow(202), 2)) == "logisk=b;sted=last;");

    ir::Program none = postingProgram();
    none.kommuner.erase(none.kommuner.begin() + 1); // no standard configuration
    ir::indexProgram(none);
    CHECK(none.index->configRow(999) == 3); // the row of "no configuration"
    CHECK(text(none.index->accountFields(3, 1)) == "logisk=a;");
}

TEST_CASE("a logical account's fields are its own, then every mapping entry of its name") {
    ir::Program p = postingProgram();
    ir::indexProgram(p);
    const ir::ProgramIndex& index = *p.index;
    const std::uint32_t k101 = index.configRow(101);
    const std::uint32_t standard = index.configRow(999);
    CHECK(text(index.accountFields(k101, 0)) == "funktion=5.57.73;dranst=1#;");
    CHECK(text(index.accountFields(standard, 0)) == "funktion=5.57.73;dranst=1#;");
    CHECK(text(index.accountFields(k101, 1)) == "logisk=a;funktion=9.1;sted=Y;");
    CHECK(text(index.accountFields(k101, 2)) == "logisk=b;sted=X;");
    CHECK(text(index.accountFields(standard, 1)) == "logisk=a;funktion=9.0;");
    CHECK(text(index.accountFields(standard, 2)) == "logisk=b;");
}

TEST_CASE("the fields stay valid in a copy of the program after the original is gone") {
    auto original = std::make_unique<ir::Program>(postingProgram());
    ir::indexProgram(*original);
    const ir::Program copy = *original;
    const AccountFields before = copy.index->accountFields(copy.index->configRow(101), 1);
    original.reset();
    CHECK(text(before) == "logisk=a;funktion=9.1;sted=Y;");
    CHECK(copy.findYdelse("X") == ir::kNone);
}

TEST_CASE("posting rules whose accounts are constants are fixed, the others left to evaluation") {
    ir::Program p = postingProgram();
    auto constant = [&](std::int64_t account) {
        ir::Value v;
        v.bits = account;
        p.constants.push_back(v);
        return static_cast<std::uint32_t>(p.constants.size() - 1);
    };
    auto emit = [&](Op op, std::uint32_t dst, std::uint32_t a = 0, std::uint32_t b = 0) {
        p.code.push_back(Instruction{op, 0, dst, a, b, 0, 0});
    };
    ir::Ydelse y;
    y.code = "Y";
    ir::Frame& f = y.frame;
    auto define = [&](const char* name, std::uint32_t slot) {
        f.definitions.push_back({name, static_cast<std::uint32_t>(p.code.size()), slot});
        return static_cast<std::uint32_t>(f.definitions.size() - 1);
    };
    // def 0: an argument, `const r50 = 0`
    const std::uint32_t argument = define("argument", 50);
    emit(Op::Const, 50, constant(0));
    emit(Op::Ret, 0, 50);
    // def 1: the debit through the argument, `force 0; move r51 = r50`
    const std::uint32_t viaArgument = define("debet", 51);
    emit(Op::Force, 0, argument);
    emit(Op::Move, 51, 50);
    emit(Op::Ret, 0, 51);
    // def 2: a logical account, `const r52 = 1`
    const std::uint32_t direct = define("kredit", 52);
    emit(Op::Const, 52, constant(1));
    emit(Op::Ret, 0, 52);
    // def 3: a versioned rule records itself first: evaluation must run it
    const std::uint32_t versioned = define("versioneret", 53);
    emit(Op::Applied, 0, 0, 0);
    emit(Op::Const, 53, constant(2));
    emit(Op::Ret, 0, 53);
    f.postings = {{ir::PostingArt::Brutto, viaArgument, direct},
                  {ir::PostingArt::AtpEgen, versioned, direct}};
    p.ydelser.push_back(y);
    p.order.frame.postings = {{ir::PostingArt::Netto, 0, 0}, {ir::PostingArt::Netto, 0, 0},
                              {ir::PostingArt::ASkat, 0, 0}};
    ir::indexProgram(p);
    const auto rules = p.index->ydelsePostings(0);
    REQUIRE(rules.size() == 2);
    CHECK(rules[0].debit == 0);
    CHECK(rules[0].credit == 1);
    CHECK(rules[1].debit == ir::kNone);
    CHECK(rules[1].credit == 1);
    CHECK(p.index->orderPostings().size() == 3);
    CHECK(p.index->orderPostingRule(ir::PostingArt::Netto) == 0);
    CHECK(p.index->orderPostingRule(ir::PostingArt::ASkat) == 2);
    CHECK(p.index->orderPostingRule(ir::PostingArt::Modregning) == ir::kNone);
}

TEST_CASE("the posting book merges legs per account and forgets them for the next order") {
    ir::Program p = postingProgram();
    ir::indexProgram(p);
    std::vector<std::uint32_t> lineAccounts;
    std::vector<std::uint32_t> lineOfAccount;
    const Decimal hundred = Decimal::fromOre(10000);
    const Decimal five = Decimal::fromOre(500);
    std::vector<Posting> lines;
    {
        PostingBook book(*p.index, 101, lines, lineAccounts, lineOfAccount);
        CHECK(book.post(0, 1, hundred, "brutto"));
        CHECK(book.post(1, 2, five, "atp"));
        CHECK(book.post(1, 2, -five, "tilbage")); // the other way round
        CHECK(book.post(0, 1, Decimal{}, "nul"));  // nothing
        CHECK_FALSE(book.post(0, 3, five, "ukendt konto"));
        CHECK(book.balanced());
    }
    REQUIRE(lines.size() == 3);
    CHECK(text(lines[0].konto) == "funktion=5.57.73;dranst=1#;");
    CHECK(lines[0].debet == hundred);
    CHECK(lines[0].kredit.isZero());
    CHECK(text(lines[1].konto) == "logisk=a;funktion=9.1;sted=Y;");
    CHECK(lines[1].debet == five);
    CHECK(lines[1].kredit == hundred + five);
    CHECK(lines[1].tekst == std::string_view("brutto"));
    CHECK(text(lines[2].konto) == "logisk=b;sted=X;");
    CHECK(lines[2].debet == five);
    CHECK(lines[2].kredit == five);

    std::vector<Posting> next;
    PostingBook book(*p.index, 999, next, lineAccounts, lineOfAccount);
    CHECK(book.post(2, 1, five, "næste"));
    REQUIRE(next.size() == 2);
    CHECK(text(next[0].konto) == "logisk=b;");
    CHECK(text(next[1].konto) == "logisk=a;funktion=9.0;");
    CHECK(book.balanced());
}

TEST_CASE("indexing derives each frame's input bound from its lowest definition slot") {
    ir::Program p = postingProgram();
    p.order.frame.size = 40;
    p.order.frame.definitions = {{"b", 0, 31}, {"a", 0, 27}};
    p.order.claimFrame.size = 22; // no definitions: the bound is the frame's size
    ir::Ydelse y;
    y.code = "Y";
    y.frame.size = 30;
    y.frame.definitions = {{"x", 0, 24}};
    p.ydelser.push_back(y);
    CHECK(p.order.frame.inputsEnd == ir::kNone);

    ir::indexProgram(p);
    CHECK(p.order.frame.inputsEnd == 27);
    CHECK(p.order.claimFrame.inputsEnd == 22);
    CHECK(p.ydelser[0].frame.inputsEnd == 24);

    // prepare() clears the frame's own inputs up to that bound and nothing from it on.
    EvalState::FrameMemory memory;
    memory.registers.assign(40, ir::Value{});
    for (ir::Value& v : memory.registers) {
        v.bits = 7;
    }
    Machine::prepare(p.order.frame, memory);
    CHECK(memory.registers[ir::kInputCount].bits == 0);
    CHECK(memory.registers[26].bits == 0);
    CHECK(memory.registers[27].bits == 7);
    CHECK(memory.registers[ir::kInputCount - 1].bits == 7); // the order's inputs are kept
}
