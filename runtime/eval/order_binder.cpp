#include "runtime/eval/order_binder.hpp"

#include "runtime/ir/builtin_enums.hpp"

#include <fmt/format.h>

namespace ydelse {
namespace {

std::string_view recipientName(RecipientType t) {
    switch (t) {
    case RecipientType::Cpr: return "cpr";
    case RecipientType::Cvr: return "cvr";
    case RecipientType::Se: return "se";
    }
    return "?";
}

// Parses one grundlag scalar by its declared type into a register; returns an error text.
std::optional<std::string> parseGrundlag(const ir::Program& program, const ir::GrundlagField& f,
                                         const RawScalar& raw, ir::Value& out) {
    switch (f.type) {
    case ir::ValueType::Belob:
    case ir::ValueType::Procent:
    case ir::ValueType::Decimal:
    case ir::ValueType::Heltal: {
        std::optional<Decimal> d = Decimal::parse(raw.text);
        if (!d) {
            return fmt::format("'{}' er ikke et decimaltal med punktum", raw.text);
        }
        if (f.type == ir::ValueType::Belob && !d->isWholeOre()) {
            return fmt::format("beløbet '{}' har mere end to decimaler", raw.text);
        }
        if (f.type == ir::ValueType::Heltal && !d->isInteger()) {
            return fmt::format("'{}' er ikke et heltal", raw.text);
        }
        if (d->isNegative()) {
            return fmt::format("'{}' er negativt", raw.text);
        }
        if (*d > Decimal::fromInt(1'000'000'000)) {
            return fmt::format("'{}' er urimeligt stort", raw.text);
        }
        out.number = f.type == ir::ValueType::Procent ? Decimal(d->mantissa(), d->scale() + 2) : *d;
        return std::nullopt;
    }
    case ir::ValueType::Bool:
        if (raw.quoted || (raw.text != "true" && raw.text != "false")) {
            return fmt::format("'{}' er ikke true eller false", raw.text);
        }
        out.bits = raw.text == "true" ? 1 : 0;
        return std::nullopt;
    case ir::ValueType::Dato: {
        std::optional<Date> d = Date::parse(raw.text);
        if (!d) {
            return fmt::format("'{}' er ikke en dato på formen ÅÅÅÅ-MM-DD", raw.text);
        }
        out.bits = d->days();
        return std::nullopt;
    }
    case ir::ValueType::Enum: {
        const ir::EnumType& en = program.enums[f.enumId];
        for (std::size_t i = 0; i < en.values.size(); ++i) {
            if (en.values[i] == raw.text) {
                out.bits = static_cast<std::int64_t>(i);
                return std::nullopt;
            }
        }
        std::string allowed;
        for (const std::string& v : en.values) {
            allowed += (allowed.empty() ? "" : ", ") + v;
        }
        return fmt::format("'{}' er ikke en af {}", raw.text, allowed);
    }
    case ir::ValueType::Tekst:
    case ir::ValueType::Periode:
    case ir::ValueType::Konto:
        break;
    }
    return fmt::format("grundlagsfelter af typen {} kan ikke angives i en ordre",
                       ir::valueTypeName(f.type));
}

void bindLine(const ir::Program& program, const Order& order, std::size_t index,
              BoundGrundlag& bound, std::vector<OrderError>& errors) {
    const OrderLine& line = order.ydelser[index];
    bound.lineStart.push_back(static_cast<std::uint32_t>(bound.values.size()));
    // Field paths are formatted only for an error: this runs for every order.
    auto at = [index](std::string_view rest) { return fmt::format("ydelser[{}]{}", index, rest); };
    const std::uint32_t yi = program.findYdelse(line.ydelse);
    bound.ydelse.push_back(yi);
    if (yi == ir::kNone) {
        errors.push_back({"YDELSE_UKENDT", at(".ydelse"),
                          fmt::format("ydelsen '{}' findes ikke i kataloget", line.ydelse)});
        return;
    }
    const ir::Ydelse& y = program.ydelser[yi];
    if (std::find(y.fagsystemer.begin(), y.fagsystemer.end(), order.fagsystem) ==
        y.fagsystemer.end()) {
        errors.push_back({"YDELSE_FAGSYSTEM", "fagsystem",
                          fmt::format("fagsystemet {} kan ikke bestille {}", order.fagsystem,
                                      y.code)});
    }
    if (!y.modtagere[static_cast<std::size_t>(order.modtager.type)]) {
        errors.push_back({"MODTAGER_TYPE", "modtager.type",
                          fmt::format("{} kan ikke udbetales til en modtager af typen {}", y.code,
                                      recipientName(order.modtager.type))});
    }
    if (order.periode.from < y.gyldigFra || (y.gyldigTil && order.periode.to > *y.gyldigTil)) {
        errors.push_back({"PERIODE_UDEN_FOR_GYLDIGHED", "periode",
                          fmt::format("{} er gyldig fra {}{}; perioden {} til {} ligger uden for",
                                      y.code, y.gyldigFra.toString(),
                                      y.gyldigTil ? " til " + y.gyldigTil->toString() : "",
                                      order.periode.from.toString(),
                                      order.periode.to.toString())});
    }
    for (const ir::GrundlagField& f : y.grundlag) {
        ir::Value& value = bound.values.emplace_back();
        std::uint8_t& given = bound.given.emplace_back(0);
        auto it = std::find_if(line.grundlag.begin(), line.grundlag.end(),
                               [&](const GrundlagField& g) { return g.name == f.name; });
        auto felt = [&] { return at(".grundlag." + f.name); };
        if (it == line.grundlag.end()) {
            if (f.optional) {
                continue;
            }
            errors.push_back({"FELT_MANGLER", felt(),
                              fmt::format("{} kræver grundlagsfeltet '{}' ({})", y.code, f.name,
                                          ir::valueTypeName(f.type))});
            continue;
        }
        if (std::optional<std::string> problem = parseGrundlag(program, f, it->value, value)) {
            errors.push_back({"FELT_TYPE", felt(), *problem});
            continue;
        }
        given = 1;
    }
    for (const GrundlagField& g : line.grundlag) {
        auto known = std::find_if(y.grundlag.begin(), y.grundlag.end(),
                                  [&](const ir::GrundlagField& f) { return f.name == g.name; });
        if (known == y.grundlag.end()) {
            errors.push_back({"FELT_UKENDT", at(".grundlag." + g.name),
                              fmt::format("{} har intet grundlagsfelt '{}'", y.code, g.name)});
        }
    }
}

} // namespace

std::vector<OrderError> bindOrder(const ir::Program& program, const Order& order) {
    BoundGrundlag bound;
    std::vector<OrderError> errors;
    bindOrder(program, order, bound, errors);
    return errors;
}

void bindOrder(const ir::Program& program, const Order& order, BoundGrundlag& bound,
               std::vector<OrderError>& errors) {
    bound.clear();
    if (std::find(program.fagsystemer.begin(), program.fagsystemer.end(), order.fagsystem) ==
        program.fagsystemer.end()) {
        errors.push_back({"FAGSYSTEM_UKENDT", "fagsystem",
                          fmt::format("fagsystemet '{}' er ikke kendt af kataloget",
                                      order.fagsystem)});
    }
    if (order.ydelser.empty()) {
        errors.push_back({"FELT_MANGLER", "ydelser", "ordren skal have mindst én ydelse"});
    }
    if (order.periode.to < order.periode.from) {
        errors.push_back({"FELT_VÆRDI", "periode", "periode.fra ligger efter periode.til"});
    }
    for (std::size_t i = 0; i < order.fordringer.size(); ++i) {
        const Claim& c = order.fordringer[i];
        if (ir::builtinOrdinal(ir::kFordringskategoriEnum, c.kategori) < 0 ||
            ir::builtinOrdinal(ir::kFordringshaverEnum, c.fordringshaver) < 0) {
            errors.push_back({"FELT_VÆRDI", fmt::format("fordringer[{}]", i),
                              "fordringens kategori eller fordringshaver er ukendt"});
        }
        if (c.rente.isNegative() || c.hovedstol.isNegative()) {
            errors.push_back({"FELT_VÆRDI", fmt::format("fordringer[{}]", i),
                              "en fordrings rente og hovedstol kan ikke være negative"});
        }
    }
    for (std::size_t i = 0; i < order.ydelser.size(); ++i) {
        bindLine(program, order, i, bound, errors);
    }
}

void loadOrderInputs(const Order& order, EvalState::FrameMemory& frame) {
    auto set = [&](ir::Input input, ir::Value value) {
        frame.registers[static_cast<std::size_t>(input)] = std::move(value);
        frame.present |= 1u << static_cast<unsigned>(input);
    };
    auto bits = [](std::int64_t b) {
        ir::Value v;
        v.bits = b;
        return v;
    };
    auto number = [](const Decimal& d) {
        ir::Value v;
        v.number = d;
        return v;
    };
    frame.present = 0;
    set(ir::Input::Periode, bits((std::int64_t(order.periode.from.days()) << 32) |
                                 std::uint32_t(order.periode.to.days())));
    set(ir::Input::PeriodeFra, bits(order.periode.from.days()));
    set(ir::Input::PeriodeTil, bits(order.periode.to.days()));
    set(ir::Input::Udbetalingsdato, bits(order.udbetalingsdato.days()));
    set(ir::Input::Kommune, number(Decimal::fromInt(order.kommune)));
    set(ir::Input::ModtagerType, bits(static_cast<std::int64_t>(order.modtager.type)));
    if (order.forsorgelse && order.forsorgelse->uge) {
        set(ir::Input::ForsorgelseUge, number(Decimal::fromInt(*order.forsorgelse->uge)));
    }
    if (order.forsorgelse && order.forsorgelse->maaneder) {
        set(ir::Input::ForsorgelseMaaneder, number(Decimal::fromInt(*order.forsorgelse->maaneder)));
    }
    if (order.korrektion) {
        set(ir::Input::TidligereUdbetalingsdato, bits(order.korrektion->udbetalingsdato.days()));
    }
    if (order.skattekort) {
        const TaxCard& card = *order.skattekort;
        set(ir::Input::SkattekortType, bits(static_cast<std::int64_t>(card.type)));
        if (card.traekprocent) {
            const Decimal& p = *card.traekprocent;
            set(ir::Input::SkattekortTraekprocent, number(Decimal(p.mantissa(), p.scale() + 2)));
        }
        if (card.fradrag) {
            set(ir::Input::SkattekortFradrag, number(*card.fradrag));
        }
        if (card.frikortRest) {
            set(ir::Input::SkattekortFrikortRest, number(*card.frikortRest));
        }
    }
}

void loadClaimInputs(const Claim& claim, EvalState::FrameMemory& frame) {
    auto set = [&](ir::Input input) -> ir::Value& {
        frame.present |= 1u << static_cast<unsigned>(input);
        return frame.registers[static_cast<std::size_t>(input)];
    };
    // The reader admits only the contract's values, which are the built-in enumerations'.
    set(ir::Input::FordringKategori).bits =
        ir::builtinOrdinal(ir::kFordringskategoriEnum, claim.kategori);
    set(ir::Input::FordringFordringshaver).bits =
        ir::builtinOrdinal(ir::kFordringshaverEnum, claim.fordringshaver);
    set(ir::Input::FordringModtaget).bits = claim.modtaget.days();
    set(ir::Input::FordringRente).number = claim.rente;
    set(ir::Input::FordringHovedstol).number = claim.hovedstol;
}

void loadGrundlag(const ir::Ydelse& ydelse, const BoundGrundlag& bound, std::size_t line,
                  EvalState::FrameMemory& frame) {
    const std::size_t start = bound.lineStart[line];
    for (std::size_t j = 0; j < ydelse.grundlag.size(); ++j) {
        if (bound.given[start + j] != 0) {
            const ir::GrundlagField& f = ydelse.grundlag[j];
            frame.registers[f.slot] = bound.values[start + j];
            frame.registers[f.presentSlot].bits = 1;
        }
    }
}

} // namespace ydelse
