#include "runtime/ir/program.hpp"

#include "runtime/ir/program_index.hpp"

namespace ydelse::ir {

std::string_view opName(Op op) {
    switch (op) {
#define OP(name, text, operands) \
    case Op::name:               \
        return text;
#include "runtime/ir/opcodes.def"
#undef OP
    }
    return "?";
}

std::string_view valueTypeName(ValueType type) {
    switch (type) {
    case ValueType::Belob: return "Beløb";
    case ValueType::Procent: return "Procent";
    case ValueType::Decimal: return "Decimal";
    case ValueType::Heltal: return "Heltal";
    case ValueType::Bool: return "Sand/Falsk";
    case ValueType::Tekst: return "Tekst";
    case ValueType::Dato: return "Dato";
    case ValueType::Periode: return "Periode";
    case ValueType::Konto: return "Konto";
    case ValueType::Enum: return "Opremsning";
    }
    return "?";
}

std::string_view inputFieldName(Input input) {
    switch (input) {
    case Input::Periode: return "periode";
    case Input::PeriodeFra: return "periode.fra";
    case Input::PeriodeTil: return "periode.til";
    case Input::Udbetalingsdato: return "udbetalingsdato";
    case Input::Kommune: return "kommune";
    case Input::ModtagerType: return "modtager.type";
    case Input::ForsorgelseUge: return "forsørgelse.uge";
    case Input::ForsorgelseMaaneder: return "forsørgelse.måneder";
    case Input::SkattekortType: return "skattekort.type";
    case Input::SkattekortTraekprocent: return "skattekort.trækprocent";
    case Input::SkattekortFradrag: return "skattekort.fradrag";
    case Input::SkattekortFrikortRest: return "skattekort.frikort_rest";
    case Input::TidligereUdbetalingsdato: return "tidligere.udbetalingsdato";
    case Input::FordringKategori: return "fordring.kategori";
    case Input::FordringFordringshaver: return "fordring.fordringshaver";
    case Input::FordringModtaget: return "fordring.modtaget";
    case Input::FordringRente: return "fordring.rente";
    case Input::FordringHovedstol: return "fordring.hovedstol";
    case Input::TilRaadighed: return "til_rådighed";
    case Input::Count: break;
    }
    return "?";
}

std::string_view lineAmountName(LineAmount amount) {
    switch (amount) {
    case LineAmount::Brutto: return "brutto";
    case LineAmount::AtpEgen: return "atp_egen";
    case LineAmount::AtpKommune: return "atp_kommune";
    case LineAmount::AmBidrag: return "am_bidrag";
    case LineAmount::AIndkomst: return "a_indkomst";
    case LineAmount::OpBidrag: return "op_bidrag";
    case LineAmount::RefusionProcent: return "refusion_procent";
    case LineAmount::RefusionGrundlag: return "refusion_grundlag";
    case LineAmount::Refusion: return "refusion";
    case LineAmount::Count: break;
    }
    return "?";
}

ValueType lineAmountType(LineAmount amount) {
    return amount == LineAmount::RefusionProcent ? ValueType::Procent : ValueType::Belob;
}

std::string_view postingArtName(PostingArt art) {
    switch (art) {
    case PostingArt::Brutto: return "brutto";
    case PostingArt::AtpEgen: return "atp_egen";
    case PostingArt::AtpKommune: return "atp_kommune";
    case PostingArt::AmBidrag: return "am_bidrag";
    case PostingArt::OpBidrag: return "op_bidrag";
    case PostingArt::Refusion: return "refusion";
    case PostingArt::ASkat: return "a_skat";
    case PostingArt::Modregning: return "modregning";
    case PostingArt::Netto: return "netto";
    case PostingArt::Tilbageholdt: return "tilbageholdt";
    case PostingArt::Tilbagebetalingskrav: return "tilbagebetalingskrav";
    case PostingArt::Count: break;
    }
    return "?";
}

bool isOrderLevel(PostingArt art) {
    return art == PostingArt::ASkat || art == PostingArt::Modregning || art == PostingArt::Netto ||
           art == PostingArt::Tilbageholdt || art == PostingArt::Tilbagebetalingskrav;
}

std::uint32_t Program::findYdelse(std::string_view code) const {
    if (index != nullptr) {
        return index->findYdelse(*this, code);
    }
    // A program built by hand and never indexed (tests of the compiler's passes).
    for (std::size_t i = 0; i < ydelser.size(); ++i) {
        if (ydelser[i].code == code) {
            return static_cast<std::uint32_t>(i);
        }
    }
    return kNone;
}

} // namespace ydelse::ir
