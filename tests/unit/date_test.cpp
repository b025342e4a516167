// Calendar dates and periods.
#include "runtime/support/date.hpp"

#include <doctest/doctest.h>

using ydelse::Date;
using ydelse::Period;

namespace {
Date at(const char* text) {
    auto v = Date::parse(text);
    REQUIRE_MESSAGE(v.has_value(), text);
    return *v;
}
} // namespace

TEST_CASE("ISO dates parse, print and refuse impossible days") {
    CHECK(at("2024-03-28").toString() == "2024-03-28");
    CHECK(at("2024-02-29").day() == 29);
    for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-3-1", "24-03-01",
                            "2024/03/01", "2024-04-31"}) {
        CHECK_MESSAGE(!Date::parse(bad).has_value(), bad);
    }
}

TEST_CASE("day arithmetic and weekdays") {
    CHECK(at("2024-03-01").plusDays(30) == at("2024-03-31"));
    CHECK(at("2024-12-31").plusDays(1) == at("2025-01-01"));
    CHECK(at("2024-03-25").isoWeekday() == 1); // a Monday
    CHECK(at("2024-03-31").isoWeekday() == 7);
    CHECK(at("1970-01-01").isoWeekday() == 4);
}

TEST_CASE("29 February plus years falls on 28 February") {
    CHECK(at("2024-02-29").plusYears(3) == at("2027-02-28"));
    CHECK(at("2024-02-29").plusYears(4) == at("2028-02-29"));
    CHECK(at("2024-03-28").plusYears(3) == at("2027-03-28"));
}

TEST_CASE("periods") {
    CHECK(Period{at("2024-02-01"), at("2024-02-29")}.isCalendarMonth());
    CHECK_FALSE(Period{at("2023-02-01"), at("2023-02-27")}.isCalendarMonth());
    CHECK_FALSE(Period{at("2024-03-02"), at("2024-03-31")}.isCalendarMonth());
    // March 2024 starts on a Friday and ends on a Sunday: weeks 9 to 13.
    CHECK(Period{at("2024-03-01"), at("2024-03-31")}.calendarWeeksTouched() == 5);
    CHECK(Period{at("2024-03-25"), at("2024-03-31")}.calendarWeeksTouched() == 1);
    CHECK(Period{at("2024-03-24"), at("2024-03-25")}.calendarWeeksTouched() == 2);
}
