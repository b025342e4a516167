// The readable payout specification; see text_writer.hpp.
#include "runtime/output/text_writer.hpp"

#include "runtime/output/explain_writer.hpp"
#include "runtime/output/output_common.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace ydelse {
namespace {

// Display width of UTF-8 text: code points, not bytes, so "Bruttoydelse KONTANTHJÆLP" lines up.
std::size_t displayWidth(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

enum class Align { Left, Right };

struct Column {
    std::string_view header;
    Align align;
};

// Appends an indented table; the last column is not padded, so lines carry no trailing blanks.
void appendTable(std::string& out, const std::vector<Column>& columns,
                 const std::vector<std::vector<std::string>>& rows) {
    if (rows.empty()) {
        out += "  (ingen)\n";
        return;
    }
    std::vector<std::size_t> widths;
    for (const Column& column : columns) {
        widths.push_back(displayWidth(column.header));
    }
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], displayWidth(row[i]));
        }
    }
    auto appendRow = [&](const std::vector<std::string_view>& cells) {
        std::string line = "  ";
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::size_t pad = widths[i] - displayWidth(cells[i]);
            const bool last = i + 1 == cells.size();
            if (i > 0) {
                line += "  ";
            }
            if (columns[i].align == Align::Right) {
                line.append(pad, ' ');
                line += cells[i];
            } else {
                line += cells[i];
                if (!last) {
                    line.append(pad, ' ');
                }
            }
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out += line;
        out += '\n';
    };
    std::vector<std::string_view> headerCells;
    for (const Column& column : columns) {
        headerCells.push_back(column.header);
    }
    appendRow(headerCells);
    for (const auto& row : rows) {
        appendRow(std::vector<std::string_view>(row.begin(), row.end()));
    }
}

std::string recipientText(const Recipient& r) {
    std::string type(recipientTypeName(r.type));
    std::transform(type.begin(), type.end(), type.begin(), [](char c) {
        return static_cast<char>(c - 'a' + 'A');
    });
    return fmt::format("{}-nr. {}", type, r.nummer);
}

std::string lineLabel(const PayLine& line) {
    switch (line.art) {
    case LineArt::Brutto:
        return fmt::format("Bruttoydelse {}", line.ydelse);
    case LineArt::AtpEgen:
        return "ATP-bidrag (egen andel)";
    case LineArt::AmBidrag:
        return "AM-bidrag";
    case LineArt::ASkat:
        return "A-skat";
    case LineArt::Modregning:
        return fmt::format("Modregning, fordring {}", line.fordring);
    case LineArt::Tilbageholdt:
        return "Tilbageholdt (ingen NemKonto)";
    case LineArt::Netto:
        return "Til udbetaling på NemKonto";
    }
    return std::string(lineArtName(line.art));
}

// Withholdings reduce the payout, so a reader expects them with a minus sign.
bool isDeduction(LineArt art) { return art != LineArt::Brutto && art != LineArt::Netto; }

std::string kontoText(AccountFields konto) {
    std::string text;
    for (const AccountField& field : konto) {
        if (!text.empty()) {
            text += ", ";
        }
        text += fmt::format("{} {}", field.name, field.value);
    }
    return text;
}

void appendErrorRecord(const Result& result, std::string& out) {
    out += fmt::format("Ordre {}: afvist\n\nFejl\n", result.ordreId.value_or("(uden ordre_id)"));
    std::vector<std::vector<std::string>> rows;
    for (const OrderError& e : result.fejl) {
        rows.push_back({e.kode, e.felt.empty() ? "-" : e.felt, e.besked});
    }
    appendTable(out, {{"Kode", Align::Left}, {"Felt", Align::Left}, {"Besked", Align::Left}},
                rows);
}

void appendHeader(const Result& result, std::string& out) {
    out += "Udbetalingsspecifikation\n";
    auto field = [&out](std::string_view label, std::string_view value) {
        out += fmt::format("  {:<18}{}\n", label, value);
    };
    field("Ordre:", result.ordreId.value_or("(uden ordre_id)"));
    field("Status:", statusName(result.status));
    field("Modtager:", recipientText(result.modtager));
    field("Periode:", fmt::format("{} til {}", result.periode.from.toString(),
                                  result.periode.to.toString()));
    field("Udbetalingsdato:", result.udbetalingsdato.toString());
    field("Katalog:", fmt::format("version {}, hash {}", result.katalogVersion,
                                  result.katalogHash));
}

void appendLines(const Result& result, std::string& out) {
    out += "\nUdbetaling\n";
    std::vector<std::vector<std::string>> rows;
    for (const PayLine& line : result.linjer) {
        const Decimal shown = isDeduction(line.art) ? -line.belob : line.belob;
        rows.push_back({lineLabel(line), danishMoney(shown)});
    }
    appendTable(out, {{"Post", Align::Left}, {"Beløb (kr.)", Align::Right}}, rows);
    for (const PayLine& line : result.linjer) {
        if (line.art == LineArt::Brutto && !line.lovgrundlag.empty()) {
            out += fmt::format("  Lovgrundlag for {}: {}\n", line.ydelse, line.lovgrundlag);
        }
    }
    if (!result.modregninger.empty()) {
        out += "\nModregning\n";
        std::vector<std::vector<std::string>> offsets;
        for (const Offset& m : result.modregninger) {
            offsets.push_back({m.fordring, danishMoney(m.rente), danishMoney(m.hovedstol),
                               danishMoney(m.rest)});
        }
        appendTable(out,
                    {{"Fordring", Align::Left}, {"Rente", Align::Right},
                     {"Hovedstol", Align::Right}, {"Restgæld", Align::Right}},
                    offsets);
    }
}

void appendOtherAmounts(const Result& result, std::string& out) {
    out += "\nØvrige beløb\n";
    const Amounts& a = result.belob;
    appendTable(out, {{"Beløb", Align::Left}, {"kr.", Align::Right}},
                {{"A-indkomst", danishMoney(a.aIndkomst)},
                 {"ATP-bidrag (kommunens andel)", danishMoney(a.atpKommune)},
                 {"OP-bidrag", danishMoney(a.opBidrag)},
                 {"Statsrefusion", danishMoney(a.refusion)}});
}

void appendPostings(const Result& result, std::string& out) {
    out += "\nKonteringer\n";
    std::vector<std::vector<std::string>> rows;
    for (const Posting& p : result.konteringer) {
        rows.push_back({kontoText(p.konto), danishMoney(p.debet), danishMoney(p.kredit), p.tekst.str()});
    }
    appendTable(out,
                {{"Konto", Align::Left}, {"Debet", Align::Right}, {"Kredit", Align::Right},
                 {"Tekst", Align::Left}},
                rows);
    if (!result.fordringerOprettet.empty()) {
        out += "\nNye fordringer\n";
        std::vector<std::vector<std::string>> claims;
        for (const CreatedClaim& c : result.fordringerOprettet) {
            claims.push_back({std::string(c.type), std::string(c.krav), danishMoney(c.belob),
                              c.foraeldes.toString(),
                              !c.inddrivelse ? "-" : *c.inddrivelse ? "ja" : "nej",
                              std::string(c.hjemmel)});
        }
        appendTable(out,
                    {{"Type", Align::Left}, {"Krav", Align::Left}, {"Beløb", Align::Right},
                     {"Forældes", Align::Left}, {"Inddrivelse", Align::Left},
                     {"Hjemmel", Align::Left}},
                    claims);
    }
}

void appendReporting(const Result& result, std::string& out) {
    out += "\neIndkomst\n";
    std::vector<std::vector<std::string>> income;
    for (const EIncomeLine& e : result.eindkomst) {
        income.push_back({std::string(e.indkomsttype), std::to_string(e.felt),
                          danishMoney(e.belob)});
    }
    appendTable(out,
                {{"Indkomsttype", Align::Left}, {"Felt", Align::Right}, {"Beløb", Align::Right}},
                income);
    out += "\nRefusion\n";
    std::vector<std::vector<std::string>> refusion;
    for (const RefusionLine& r : result.refusion) {
        refusion.push_back({std::string(r.ydelse), r.procent.toString(0) + " %",
                            danishMoney(r.grundlag), danishMoney(r.belob)});
    }
    appendTable(out,
                {{"Ydelse", Align::Left}, {"Procent", Align::Right}, {"Grundlag", Align::Right},
                 {"Refusion", Align::Right}},
                refusion);
    out += "\nAnvendte regler\n";
    std::vector<std::vector<std::string>> rules;
    for (const AppliedRule& r : result.regler) {
        rules.push_back({std::string(r.regel), std::string(r.version),
                         std::string(r.lovgrundlag)});
    }
    appendTable(out,
                {{"Regel", Align::Left}, {"Version", Align::Left}, {"Lovgrundlag", Align::Left}},
                rules);
}

} // namespace

std::string danishMoney(const Decimal& amount) {
    const std::string plain = moneyText(amount);
    const bool negative = !plain.empty() && plain[0] == '-';
    const std::string unsignedText = negative ? plain.substr(1) : plain;
    const std::size_t point = unsignedText.find('.');
    const std::string whole = unsignedText.substr(0, point);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) {
            grouped += '.';
        }
        grouped += whole[i];
    }
    const std::string fraction = point == std::string::npos ? "00" : unsignedText.substr(point + 1);
    return (negative ? "-" : "") + grouped + "," + fraction;
}

void writeText(const Result& result, std::string& out) {
    if (result.status == ResultStatus::Afvist) {
        appendErrorRecord(result, out);
        return;
    }
    appendHeader(result, out);
    appendLines(result, out);
    appendOtherAmounts(result, out);
    appendPostings(result, out);
    appendReporting(result, out);
    if (!result.forklaring.empty()) {
        writeExplanationText(result.forklaring, out);
    }
}

} // namespace ydelse
