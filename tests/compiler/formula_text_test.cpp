// The formula text each IR definition keeps for explanations (interpreter/lower/formula_text):
// one line, only the parentheses precedence needs, decimal commas, and every other definition
// given its own text.
#include "test_catalog.hpp"

#include <doctest/doctest.h>

using namespace ydelse;

namespace {

std::string formulaOf(const std::string& brutto, const std::string& name = "brutto") {
    CompileResult r = testing::compileTest(testing::testYdelse(brutto));
    const std::string first =
        r.diagnostics.sorted().empty() ? std::string() : r.diagnostics.sorted()[0].message;
    REQUIRE_MESSAGE(r.program.has_value(), first);
    for (const ir::Definition& d : r.program->ydelser.at(0).frame.definitions) {
        if (d.name == name) {
            return d.formel;
        }
    }
    FAIL("ingen definition " << name);
    return "";
}

} // namespace

TEST_CASE("formula text keeps the parentheses precedence needs and drops the others") {
    CHECK(formulaOf("grundlag.beløb - (grundlag.beløb - 1 kr)") ==
          "grundlag.beløb - (grundlag.beløb - 1 kr)");
    CHECK(formulaOf("(grundlag.beløb - 1 kr) - 2 kr") == "grundlag.beløb - 1 kr - 2 kr");
    CHECK(formulaOf("(grundlag.beløb + 2 kr) * 3") == "(grundlag.beløb + 2 kr) * 3");
    CHECK(formulaOf("((grundlag.beløb))") == "grundlag.beløb");
    CHECK(formulaOf("-(grundlag.beløb + 1 kr)") == "-(grundlag.beløb + 1 kr)");
    CHECK(formulaOf("rund_halvt_op(grundlag.beløb * 0,5; 0,01 kr)") ==
          "rund_halvt_op(grundlag.beløb * 0,5; 0,01 kr)");
}

TEST_CASE("formula text of conditions and conditionals") {
    CHECK(formulaOf("hvis ikke (grundlag.beløb > 1 kr og grundlag.beløb < 5 kr)\n"
                    "    så 1 kr  # en kommentar\n"
                    "    ellers grundlag.beløb") ==
          "hvis ikke (grundlag.beløb > 1 kr og grundlag.beløb < 5 kr) så 1 kr ellers "
          "grundlag.beløb");
    CHECK(formulaOf("1 kr + (hvis grundlag.beløb > 1 kr så 1 kr ellers 2 kr)") ==
          "1 kr + (hvis grundlag.beløb > 1 kr så 1 kr ellers 2 kr)");
    CHECK(formulaOf("grundlag.beløb", "a_indkomst") == "brutto - atp_egen");
    CHECK(formulaOf("grundlag.beløb", "refusion_procent") == "0 %");
}
