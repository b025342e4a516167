// Calendar dates (proleptic Gregorian) as a day number, and periods of whole days.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ydelse {

class Date {
public:
    constexpr Date() = default;
    static Date fromDays(std::int32_t daysSinceEpoch) { return Date(daysSinceEpoch); }
    /// Returns nothing when the triple is not a real calendar date.
    static std::optional<Date> fromYmd(int year, int month, int day);
    /// Parses ISO 8601 "YYYY-MM-DD".
    static std::optional<Date> parse(std::string_view text);

    std::int32_t days() const { return days_; }
    struct Civil {
        int year;
        int month;
        int day;
    };
    /// Year, month and day in one conversion (year(), month() and day() each convert anew).
    Civil civil() const;
    int year() const;
    int month() const;
    int day() const;
    int isoWeekday() const; ///< 1 = Monday ... 7 = Sunday

    std::string toString() const;
    Date plusDays(std::int32_t n) const { return Date(days_ + n); }
    /// The same day `n` years later; 29 February becomes 28 February in a common year.
    Date plusYears(int n) const;
    Date firstOfMonth() const;
    Date lastOfMonth() const;

    friend auto operator<=>(const Date&, const Date&) = default;

private:
    explicit constexpr Date(std::int32_t d) : days_(d) {}
    std::int32_t days_ = 0;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);

/// A closed interval of days [from, to].
struct Period {
    Date from;
    Date to;

    /// Exactly one calendar month, first to last day.
    bool isCalendarMonth() const {
        return from.day() == 1 && to == from.lastOfMonth();
    }
    /// Number of calendar weeks (Monday to Sunday) the period touches.
    int calendarWeeksTouched() const;
    friend bool operator==(const Period&, const Period&) = default;
};

} // namespace ydelse
