// Civil-date conversions after Howard Hinnant's days_from_civil / civil_from_days algorithms.
#include "runtime/support/date.hpp"

#include <cstdio>

namespace ydelse {
namespace {

struct Ymd {
    int y;
    int m;
    int d;
};

std::int32_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Ymd civilFromDays(std::int32_t z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

} // namespace

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && isLeapYear(year)) {
        return 29;
    }
    return kDays[month - 1];
}

std::optional<Date> Date::fromYmd(int year, int month, int day) {
    if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 ||
        day > daysInMonth(year, month)) {
        return std::nullopt;
    }
    return Date(daysFromCivil(year, month, day));
}

std::optional<Date> Date::parse(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') {
        return std::nullopt;
    }
    auto digits = [&](std::size_t pos, std::size_t len, int& out) {
        out = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (t[i] < '0' || t[i] > '9') {
                return false;
            }
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    int y = 0;
    int m = 0;
    int d = 0;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) {
        return std::nullopt;
    }
    return fromYmd(y, m, d);
}

Date::Civil Date::civil() const {
    const Ymd c = civilFromDays(days_);
    return {c.y, c.m, c.d};
}

int Date::year() const { return civilFromDays(days_).y; }
int Date::month() const { return civilFromDays(days_).m; }
int Date::day() const { return civilFromDays(days_).d; }

int Date::isoWeekday() const {
    // 1970-01-01 was a Thursday (4).
    int w = (days_ % 7 + 7) % 7; // 0 = Thursday
    return (w + 3) % 7 + 1;
}

std::string Date::toString() const {
    Ymd c = civilFromDays(days_);
    if (c.y < 0 || c.y > 9999) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
        return buf;
    }
    // By hand rather than snprintf: every result writes several dates.
    std::string text = "0000-00-00";
    auto put = [&](std::size_t pos, int value, int width) {
        for (int k = width - 1; k >= 0; --k) {
            text[pos + static_cast<std::size_t>(k)] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    put(0, c.y, 4);
    put(5, static_cast<int>(c.m), 2);
    put(8, static_cast<int>(c.d), 2);
    return text;
}

Date Date::plusYears(int n) const {
    Ymd c = civilFromDays(days_);
    int y = c.y + n;
    int d = std::min(c.d, daysInMonth(y, c.m));
    return Date(daysFromCivil(y, c.m, d));
}

Date Date::firstOfMonth() const {
    Ymd c = civilFromDays(days_);
    return Date(daysFromCivil(c.y, c.m, 1));
}

Date Date::lastOfMonth() const {
    Ymd c = civilFromDays(days_);
    return Date(daysFromCivil(c.y, c.m, daysInMonth(c.y, c.m)));
}

int Period::calendarWeeksTouched() const {
    const Date firstMonday = from.plusDays(-(from.isoWeekday() - 1));
    const Date lastMonday = to.plusDays(-(to.isoWeekday() - 1));
    return (lastMonday.days() - firstMonday.days()) / 7 + 1;
}

} // namespace ydelse
