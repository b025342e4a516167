// A small, valid catalog held in the test source, which tests vary one piece at a time.
#pragma once

#include "interpreter/compiler.hpp"

#include <string>
#include <vector>

namespace ydelse::testing {

inline const char* kKatalog = R"(katalog "Test" version "1" fagsystemer KY, KSD
)";

inline const char* kUdbetaling = R"(
udbetaling {
  a_skat = hvis a_indkomst > 0 kr så rund_op(skattekort.trækprocent * rund_ned(a_indkomst; 10 kr); 1 kr) ellers 0 kr
  kontering {
    a_skat:       debet logisk mellemregning  kredit logisk skyldig_a_skat
    modregning:   debet logisk mellemregning  kredit logisk debitor
    netto:        debet logisk mellemregning  kredit logisk nemkonto
    tilbageholdt: debet logisk mellemregning  kredit logisk tilbageholdt
  }
}
kontering KONTI(udgift: Konto) {
  lovgrundlag "kontoplan"
  version "1"
  brutto:      debet udgift kredit logisk mellemregning
  atp_egen:    debet logisk mellemregning kredit logisk skyldig_atp
  atp_kommune: debet logisk atp kredit logisk skyldig_atp
  am_bidrag:   debet logisk mellemregning kredit logisk skyldig_am_bidrag
  op_bidrag:   debet logisk op kredit logisk skyldig_op
  refusion:    debet logisk tilgodehavende_refusion kredit logisk refusion
}
)";

/// The smallest udbetaling block: no tax, every order-level amount posted to logical accounts.
inline const char* kMinimalUdbetaling = R"(
udbetaling {
  a_skat = 0 kr
  kontering {
    a_skat:       debet logisk m  kredit logisk s
    modregning:   debet logisk m  kredit logisk d
    netto:        debet logisk m  kredit logisk n
    tilbageholdt: debet logisk m  kredit logisk t
  }
}
)";

/// A ydelse whose body lines can be replaced; `extra` is appended inside the braces.
inline std::string testYdelse(const std::string& brutto = "grundlag.beløb",
                          const std::string& extra = "") {
    return R"(
ydelse TEST "Testydelse" {
  lovgrundlag "Testloven § 1"
  version "1"
  fagsystem KY
  modtager cpr
  periode måned
  gyldig fra 2024-01-01
  skat a_indkomst
  indkomsttype "06"
  grundlag { beløb: Beløb }
  brutto = )" + brutto + R"(
  atp_egen = 0 kr
  atp_kommune = 0 kr
  am_bidrag = 0 kr
  a_indkomst = brutto - atp_egen
  op_bidrag = 0 kr
  refusion_procent = 0 %
  refusion_grundlag = brutto
  refusion = rund_halvt_op(refusion_procent * refusion_grundlag; 0,01 kr)
  eindkomst { felt 14 = a_indkomst
              felt 15 = a_skat }
  kontering KONTI(udgift = konto 5.57.73 dranst 1 gruppering 007 art 5.2)
)" + extra + "\n}\n";
}

/// A skattefri ydelse T paying `brutto`, posted by a konteringsregel K(u) the test declares;
/// `before` (krav, definitions) goes in front of brutto.
inline std::string skattefriYdelse(const std::string& brutto,
                                   const std::string& grundlag = "beløb: Beløb",
                                   const std::string& before = "",
                                   const std::string& periode = "måned") {
    return R"(
ydelse T "T" {
  lovgrundlag "l"
  version "1"
  fagsystem KY
  modtager cpr
  periode )" + periode + R"(
  gyldig fra 2024-01-01
  skat fri
  grundlag { )" + grundlag + R"( }
)" + before + R"(
  brutto = )" + brutto + R"(
  atp_egen = 0 kr
  atp_kommune = 0 kr
  am_bidrag = 0 kr
  a_indkomst = 0 kr
  op_bidrag = 0 kr
  refusion_procent = 0 %
  refusion_grundlag = brutto
  refusion = 0 kr
  kontering K(u = logisk udgift)
}
)";
}

inline CompileResult compileTest(const std::string& body,
                                 const std::vector<std::pair<std::string, std::string>>& satser = {}) {
    return compileSources({{"katalog.yk", kKatalog}, {"udbetaling.yk", kUdbetaling},
                           {"ydelse.yk", body}},
                          satser);
}

/// The codes of all diagnostics, in the order they are rendered.
inline std::vector<std::string> codes(const CompileResult& r) {
    std::vector<std::string> out;
    for (const Diagnostic& d : r.diagnostics.sorted()) {
        out.push_back(d.code);
    }
    return out;
}

} // namespace ydelse::testing
