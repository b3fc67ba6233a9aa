// src/report_words.hpp: the plain-language phrasing of the reports people read (README.md
// "Reports"): dates, distances between days, hours and minutes, counts and shares in words.
#include "report_words.hpp"

#include <doctest/doctest.h>

using namespace careerpath;

namespace {
Date d(const char *iso) { return *Date::parse(iso); }
}  // namespace

TEST_CASE("dates in words") {
    CHECK(words::date(d("2027-06-03")) == "3 June 2027");
    CHECK(words::date(d("2027-12-31")) == "31 December 2027");
    CHECK(words::weekday_date(d("2027-01-05")) == "Tuesday 5 January 2027");
    CHECK(words::date_range(d("2027-01-04"), d("2027-06-30")) == "4 January to 30 June 2027");
    CHECK(words::date_range(d("2026-12-28"), d("2027-01-08")) == "28 December 2026 to 8 January 2027");
    CHECK(words::month_short_name(9) == std::string("Sep"));
}

TEST_CASE("distances between days, and where a day falls against another") {
    CHECK(words::distance(d("2027-06-03"), d("2027-06-04")) == "a day");
    CHECK(words::distance(d("2027-06-03"), d("2027-06-13")) == "10 days");
    CHECK(words::distance(d("2027-06-03"), d("2027-06-17")) == "2 weeks");
    CHECK(words::distance(d("2027-06-03"), d("2027-06-22")) == "about 3 weeks");
    CHECK(words::distance(d("2027-06-03"), d("2027-07-03")) == "a month");
    CHECK(words::distance(d("2027-07-03"), d("2027-06-03")) == "a month");  // no direction
    CHECK(words::distance(d("2027-01-31"), d("2027-02-28")) == "a month");  // clamped like plus_months
    CHECK(words::distance(d("2027-06-03"), d("2027-07-10")) == "about a month");
    CHECK(words::distance(d("2027-06-03"), d("2027-07-25")) == "about 2 months");
    CHECK(words::distance(d("2027-01-04"), d("2028-01-04")) == "a year");
    CHECK(words::distance(d("2027-01-04"), d("2029-01-04")) == "2 years");
    CHECK(words::distance(d("2027-01-04"), d("2028-03-04")) == "14 months");
    CHECK(words::relative(d("2027-06-03"), d("2027-07-03"), "the target") == "a month before the target");
    CHECK(words::relative(d("2027-07-17"), d("2027-07-03"), "the target") == "2 weeks after the target");
    CHECK(words::relative(d("2027-07-03"), d("2027-07-03"), "the target date") == "on the target date");
}

TEST_CASE("hours and minutes in words") {
    CHECK(words::hours(0) == "no time");
    CHECK(words::hours(-3) == "no time");
    CHECK(words::hours(0.75) == "45 minutes");
    CHECK(words::hours(1) == "1 hour");
    CHECK(words::hours(12) == "12 hours");
    CHECK(words::hours(2.5) == "2.5 hours");
    CHECK(words::hours(114.000001) == "114 hours");
    CHECK(words::hours(1.04) == "1 hour");
    CHECK(words::minutes(30) == "30 minutes");
    CHECK(words::minutes(60) == "1 hour");
    CHECK(words::minutes(90) == "1 hour 30 minutes");
    CHECK(words::minutes(120) == "2 hours");
    CHECK(words::minutes(61) == "1 hour 1 minute");
}

TEST_CASE("counts and shares") {
    CHECK(words::count(1, "unit", "units") == "1 unit");
    CHECK(words::count(0, "unit", "units") == "0 units");
    CHECK(words::count(3, "person", "people") == "3 people");
    CHECK(words::percent(0.874) == "87%");
    CHECK(words::percent(1) == "100%");
    CHECK(words::percent(0.005) == "1%");
}
