// The result writers: the contract's keys, order and formats, exact for a small case; the error
// record; escaping; and that YAML and JSON say the same thing.
#include "io/expectation.hpp"
#include "runtime/output/json_writer.hpp"
#include "runtime/output/output_common.hpp"
#include "runtime/output/text_writer.hpp"
#include "runtime/output/yaml_writer.hpp"

#include "tests/io/json_quote_reference.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdint>
#include <string>

using namespace ydelse;

namespace {

Decimal money(const char* text) { return *Decimal::parse(text); }

// A Result's accounts are views, as evaluation's point into the program: these outlive it.
constexpr AccountField kUdgift[] = {
    {"funktion", "5.57.73", false}, {"dranst", "1", true}, {"gruppering", "007", false}};
constexpr AccountField kSkyldigASkat[] = {{"logisk", "skyldig_a_skat", false}};
constexpr AccountField kQuotedLogical[] = {{"logisk", "a: b", false}, {"sted", "null", false}};

Result smallResult() {
    Result r;
    r.ordreId = "KY-1";
    r.status = ResultStatus::Effektueret;
    r.katalogHash = "abc123";
    r.katalogVersion = "2024.1";
    r.modtager = Recipient{RecipientType::Cpr, "0101801234", true};
    r.periode = Period{*Date::parse("2024-03-01"), *Date::parse("2024-03-31")};
    r.udbetalingsdato = *Date::parse("2024-03-28");
    r.belob.brutto = money("12326");
    r.belob.atpEgen = money("99");
    r.belob.aIndkomst = money("12227");
    r.belob.aSkat = money("2990");
    r.belob.netto = money("9237");
    r.belob.atpKommune = money("198");
    r.belob.opBidrag = money("183");
    r.belob.refusion = money("3697.8");
    r.linjer = {
        PayLine{LineArt::Brutto, "KONTANTHJÆLP", "LAS § 25", "", money("12326")},
        PayLine{LineArt::AtpEgen, "", "", "", money("99")},
        PayLine{LineArt::Modregning, "", "", "F-1", money("50.5")},
        PayLine{LineArt::Netto, "", "", "", money("9237")},
    };
    r.konteringer = {
        Posting{kUdgift, money("12326"), money("0"), "Kontanthjælp 2024-03"},
        Posting{kSkyldigASkat, money("0"), money("2990"), ""},
    };
    r.eindkomst = {EIncomeLine{"06", 14, money("12227")}};
    r.refusion = {RefusionLine{"KONTANTHJÆLP", money("30.00"), money("12326"), money("3697.8")}};
    r.regler = {AppliedRule{"atp.sats", "2024", "ATP-loven § 2"}};
    return r;
}

} // namespace

TEST_CASE("writeJson writes the contract's keys, in order, with exact formats") {
    std::string json;
    writeJson(smallResult(), json);
    const std::string expected =
        R"({"ordre_id":"KY-1","status":"effektueret",)"
        R"("katalog":{"hash":"abc123","version":"2024.1"},)"
        R"("modtager":{"type":"cpr","nummer":"0101801234"},)"
        R"("periode":{"fra":"2024-03-01","til":"2024-03-31"},"udbetalingsdato":"2024-03-28",)"
        R"("beløb":{"brutto":"12326.00","atp_egen":"99.00","am_bidrag":"0.00",)"
        R"("a_indkomst":"12227.00","a_skat":"2990.00","modregning":"0.00","netto":"9237.00",)"
        R"("tilbageholdt":"0.00","atp_kommune":"198.00","op_bidrag":"183.00",)"
        R"("refusion":"3697.80"},)"
        R"("linjer":[{"art":"brutto","ydelse":"KONTANTHJÆLP","beløb":"12326.00",)"
        R"("lovgrundlag":"LAS § 25"},{"art":"atp_egen","beløb":"99.00"},)"
        R"({"art":"modregning","fordring":"F-1","beløb":"50.50"},)"
        R"({"art":"netto","beløb":"9237.00"}],)"
        R"("modregninger":[],)"
        R"("konteringer":[{"konto":{"funktion":"5.57.73","dranst":1,"gruppering":"007"},)"
        R"("debet":"12326.00","kredit":"0.00","tekst":"Kontanthjælp 2024-03"},)"
        R"({"konto":{"logisk":"skyldig_a_skat"},"debet":"0.00","kredit":"2990.00"}],)"
        R"("fordringer_oprettet":[],)"
        R"("eindkomst":[{"indkomsttype":"06","felt":14,"beløb":"12227.00"}],)"
        R"("refusion":[{"ydelse":"KONTANTHJÆLP","procent":"30","grundlag":"12326.00",)"
        R"("beløb":"3697.80"}],)"
        R"("regler":[{"regel":"atp.sats","version":"2024","lovgrundlag":"ATP-loven § 2"}]})";
    CHECK(json == expected);
    // It is valid JSON (read back) and appended, not overwritten.
    std::string appended = "x";
    writeJson(smallResult(), appended);
    CHECK(appended == "x" + expected);
    CHECK(YAML::Load(json)["beløb"]["refusion"].Scalar() == "3697.80");
}

TEST_CASE("writeJson: created claims, offsets, percent in shortest form") {
    Result r = smallResult();
    r.refusion = {RefusionLine{"X", money("1.50"), money("100"), money("1.5")}};
    r.modregninger = {Offset{"F-1", money("0"), money("50.5"), money("2449.5")}};
    r.fordringerOprettet = {CreatedClaim{"KTTIBAK", "nettokrav", money("9237"), "LAS § 91",
                                         *Date::parse("2027-03-28"), std::nullopt}};
    std::string json;
    writeJson(r, json);
    auto contains = [&json](std::string_view part) {
        return json.find(part) != std::string::npos;
    };
    CHECK(contains(R"("refusion":[{"ydelse":"X","procent":"1.5","grundlag":"100.00",)"
                   R"("beløb":"1.50"}])"));
    CHECK(contains(R"("modregninger":[{"fordring":"F-1","rente":"0.00","hovedstol":"50.50",)"
                   R"("rest":"2449.50"}])"));
    CHECK(contains(R"("fordringer_oprettet":[{"type":"KTTIBAK","krav":"nettokrav",)"
                   R"("beløb":"9237.00","hjemmel":"LAS § 91","forældes":"2027-03-28"}])"));
}

TEST_CASE("writeJson: an empty account, a posting without text, inddrivelse either way") {
    Result r = smallResult();
    r.konteringer = {Posting{{}, money("1"), money("0"), ""}};
    r.fordringerOprettet = {
        CreatedClaim{"A", "bruttokrav", money("1"), "H", *Date::parse("2027-01-01"), true},
        CreatedClaim{"B", "nettokrav", money("-2.5"), "H", *Date::parse("2027-01-02"), false}};
    std::string json;
    writeJson(r, json);
    auto contains = [&json](std::string_view part) {
        return json.find(part) != std::string::npos;
    };
    CHECK(contains(R"("konteringer":[{"konto":{},"debet":"1.00","kredit":"0.00"}],)"));
    CHECK(contains(R"({"type":"A","krav":"bruttokrav","beløb":"1.00","hjemmel":"H",)"
                   R"("forældes":"2027-01-01","inddrivelse":true},)"
                   R"({"type":"B","krav":"nettokrav","beløb":"-2.50","hjemmel":"H",)"
                   R"("forældes":"2027-01-02","inddrivelse":false}])"));
}

TEST_CASE("writeJson: the same texts at the same addresses, changed between results") {
    // The writer keeps texts it has seen, found by address; what it writes must follow the
    // bytes, not the address, when a buffer is reused for other text of the same length.
    std::string regel(40, 'r');
    std::string lovgrundlag = "Lov om aktiv socialpolitik § 25, stk. 1 og 2";
    Result r = smallResult();
    r.regler = {AppliedRule{regel, "2024.1", lovgrundlag}};
    std::string first;
    writeJson(r, first);
    CHECK(first.find("\"lovgrundlag\":\"" + lovgrundlag + "\"") != std::string::npos);
    lovgrundlag[3] = '"';
    regel[39] = '\n';
    std::string second;
    writeJson(r, second);
    CHECK(second.find(R"(\n","version")") != std::string::npos);
    CHECK(second.find(R"("lovgrundlag":"Lov\"om aktiv)") != std::string::npos);
    lovgrundlag[3] = 'X';
    std::string third;
    writeJson(r, third);
    CHECK(third.find(R"("lovgrundlag":"LovXom aktiv)") != std::string::npos);
}

TEST_CASE("an Afvist result is the contract's error record") {
    Result r;
    r.status = ResultStatus::Afvist;
    r.fejl = {OrderError{"FELT_TYPE", "skattekort.trækprocent", "forventede en procentsats"},
              OrderError{"ORDRE_SYNTAKS", "", "ikke \"YAML\""}};
    std::string json;
    writeJson(r, json);
    CHECK(json == R"({"ordre_id":null,"status":"afvist","fejl":[)"
                  R"({"kode":"FELT_TYPE","felt":"skattekort.trækprocent",)"
                  R"("besked":"forventede en procentsats"},)"
                  R"({"kode":"ORDRE_SYNTAKS","felt":"","besked":"ikke \"YAML\""}]})");
    r.ordreId = "KY-9";
    std::string yaml;
    writeYaml(r, yaml);
    CHECK(yaml == "ordre_id: \"KY-9\"\nstatus: afvist\nfejl:\n"
                  "  - {kode: FELT_TYPE, felt: \"skattekort.trækprocent\", "
                  "besked: \"forventede en procentsats\"}\n"
                  "  - {kode: ORDRE_SYNTAKS, felt: \"\", besked: \"ikke \\\"YAML\\\"\"}\n");
    const YAML::Node back = YAML::Load(yaml);
    CHECK(back["fejl"][1]["besked"].Scalar() == "ikke \"YAML\"");
    std::string text;
    writeText(r, text);
    CHECK(text.find("afvist") != std::string::npos);
    CHECK(text.find("skattekort.trækprocent") != std::string::npos);
}

TEST_CASE("JSON strings are escaped, UTF-8 passes through") {
    Result r = smallResult();
    r.konteringer[0].tekst = "a\"b\\c\nd\te\x01" "f æøå";
    std::string json;
    writeJson(r, json);
    CHECK(json.find(R"("tekst":"a\"b\\c\nd\te\u0001f æøå")") != std::string::npos);
    CHECK(YAML::Load(json)["konteringer"][0]["tekst"].Scalar() == r.konteringer[0].tekst);
    std::string yaml;
    writeYaml(r, yaml);
    CHECK(YAML::Load(yaml)["konteringer"][0]["tekst"].Scalar() == r.konteringer[0].tekst);
}

TEST_CASE("writeYaml writes the contract's layout") {
    std::string yaml;
    writeYaml(smallResult(), yaml);
    CHECK(yaml.rfind("ordre_id: \"KY-1\"\nstatus: effektueret\n"
                     "katalog: {hash: \"abc123\", version: \"2024.1\"}\n"
                     "modtager: {type: cpr, nummer: \"0101801234\"}\n"
                     "periode: {fra: 2024-03-01, til: 2024-03-31}\n"
                     "udbetalingsdato: 2024-03-28\nbeløb:\n  brutto: \"12326.00\"\n",
                     0) == 0);
    CHECK(yaml.find("linjer:\n  - {art: brutto, ydelse: KONTANTHJÆLP, beløb: \"12326.00\", "
                    "lovgrundlag: \"LAS § 25\"}\n  - {art: atp_egen, beløb: \"99.00\"}\n") !=
          std::string::npos);
    CHECK(yaml.find("modregninger: []\n") != std::string::npos);
    CHECK(yaml.find("konteringer:\n  - konto: {funktion: \"5.57.73\", dranst: 1, "
                    "gruppering: \"007\"}\n    debet: \"12326.00\"\n    kredit: \"0.00\"\n"
                    "    tekst: \"Kontanthjælp 2024-03\"\n"
                    "  - konto: {logisk: skyldig_a_skat}\n    debet: \"0.00\"\n"
                    "    kredit: \"2990.00\"\n") != std::string::npos);
    CHECK(yaml.find("eindkomst:\n  - {indkomsttype: \"06\", felt: 14, beløb: \"12227.00\"}\n") !=
          std::string::npos);
    CHECK(yaml.find("refusion:\n  - {ydelse: KONTANTHJÆLP, procent: \"30\", "
                    "grundlag: \"12326.00\", beløb: \"3697.80\"}\n") != std::string::npos);
    CHECK(yaml.back() == '\n');
}

TEST_CASE("the YAML and JSON forms of a result read back the same") {
    std::string json;
    std::string yaml;
    writeJson(smallResult(), json);
    writeYaml(smallResult(), yaml);
    const YAML::Node fromJson = YAML::Load(json);
    const YAML::Node fromYaml = YAML::Load(yaml);
    CHECK(io::compareExpected(fromYaml, fromJson).empty());
    CHECK(io::compareExpected(fromJson, fromYaml).empty());
    CHECK(fromYaml["beløb"]["atp_egen"].Tag() == "!"); // amounts are quoted strings
    CHECK(fromYaml["konteringer"][0]["konto"]["dranst"].Tag() == "?"); // dranst is a number
}

TEST_CASE("YAML quotes strings a reader would otherwise take for something else") {
    Result r = smallResult();
    r.linjer[0].ydelse = "true";
    r.katalogVersion = "1.0";
    r.konteringer[1].konto = kQuotedLogical;
    std::string yaml;
    writeYaml(r, yaml);
    const YAML::Node back = YAML::Load(yaml);
    CHECK(back["linjer"][0]["ydelse"].Tag() == "!");
    CHECK(back["linjer"][0]["ydelse"].Scalar() == "true");
    CHECK(back["katalog"]["version"].Scalar() == "1.0");
    CHECK(back["konteringer"][1]["konto"]["logisk"].Scalar() == "a: b");
    CHECK(back["konteringer"][1]["konto"]["sted"].Tag() == "!");
}

TEST_CASE("writeText is a Danish payout specification with right-aligned amounts") {
    std::string text;
    writeText(smallResult(), text);
    CHECK(text.rfind("Udbetalingsspecifikation\n", 0) == 0);
    CHECK(text.find("KY-1") != std::string::npos);
    CHECK(text.find("2024-03-01 til 2024-03-31") != std::string::npos);
    CHECK(text.find("Udbetalingsdato:  2024-03-28") != std::string::npos);
    // The Post/Beløb table: each amount ends in the same display column.
    auto columnEnd = [&](std::string_view needle) {
        const std::size_t at = text.find(needle);
        REQUIRE(at != std::string::npos);
        const std::size_t lineStart = text.rfind('\n', at) + 1;
        std::string_view prefix(text.data() + lineStart, at - lineStart + needle.size());
        std::size_t width = 0;
        for (char c : prefix) {
            width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        }
        return width;
    };
    const std::size_t bruttoEnd = columnEnd("12.326,00\n");
    CHECK(columnEnd("-99,00\n") == bruttoEnd);
    CHECK(columnEnd("-50,50\n") == bruttoEnd);
    CHECK(columnEnd("9.237,00\n") == bruttoEnd);
    CHECK(text.find("Konteringer") < text.find("eIndkomst"));
    CHECK(text.find("eIndkomst") < text.find("Refusion"));
    CHECK(text.find("logisk skyldig_a_skat") != std::string::npos);
    CHECK(text.find("30 %") != std::string::npos);
}

TEST_CASE("helpers: names, Danish money, plain numbers") {
    CHECK(statusName(ResultStatus::Tilbageholdt) == "tilbageholdt");
    CHECK(lineArtName(LineArt::ASkat) == "a_skat");
    CHECK(lineArtName(LineArt::AmBidrag) == "am_bidrag");
    CHECK(danishMoney(money("1234567.5")) == "1.234.567,50");
    CHECK(danishMoney(money("-99")) == "-99,00");
    CHECK(danishMoney(money("0")) == "0,00");
    CHECK(danishMoney(money("100")) == "100,00");
    CHECK(isPlainNumber("1"));
    CHECK(isPlainNumber("-2.5"));
    CHECK_FALSE(isPlainNumber("007"));
    CHECK_FALSE(isPlainNumber("1."));
    CHECK_FALSE(isPlainNumber("1e3"));
}

TEST_CASE("appendQuoted: the word-at-a-time scan writes what a byte-by-byte one does") {
    // Random strings over bytes that matter (every escape, UTF-8 lead and continuation bytes,
    // invalid bytes) and plain text, so special bytes land at every offset of a word.
    const std::string_view pieces[] = {"a", "Kontanthjælp ", "\"", "\\", "\n", "\t", "\r",
                                       "\x01", "\x7f", "\xC3", "\xA6", "\xE2\x82\xAC", "\xF0",
                                       "\xFF", "§ 25, stk. 1", "0123456789abcdef", "ø"};
    std::uint64_t state = 12345;
    for (int n = 0; n < 20000; ++n) {
        std::string text;
        const int count = static_cast<int>(state % 12);
        for (int k = 0; k < count; ++k) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            text += pieces[(state >> 33) % std::size(pieces)];
        }
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        std::string out = "prefix";
        appendQuoted(out, text);
        REQUIRE(out == "prefix" + testing::referenceQuoted(text));
    }
}
