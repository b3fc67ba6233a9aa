// src/date_time.hpp: instants and ISO 8601 date-times with an offset — round trips, "Z"
// against offsets, the shapes that are rejected, instants before 1970, and the clock format.
#include "date_time.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace careerpath;

namespace {

Date d(int y, int m, int day) {
    const auto date = Date::from_ymd(y, m, day);
    REQUIRE(date.has_value());
    return *date;
}

}  // namespace

TEST_CASE("floor_div rounds toward minus infinity") {
    CHECK(floor_div(7, 2) == 3);
    CHECK(floor_div(-7, 2) == -4);
    CHECK(floor_div(-8, 2) == -4);
    CHECK(floor_div(7, -2) == -4);
    CHECK(floor_div(-1, seconds_per_day) == -1);
    CHECK(floor_div(0, seconds_per_day) == 0);
}

TEST_CASE("unix_seconds and split_unix_seconds") {
    CHECK(unix_seconds(d(1970, 1, 1)) == 0);
    CHECK(unix_seconds(d(1970, 1, 2)) == 86'400);
    CHECK(unix_seconds(d(2027, 1, 5), 15 * 3600) == 1'799'161'200);  // date -u -d 2027-01-05T15:00Z +%s
    CHECK(unix_seconds(d(1970, 1, 1), -1) == -1);                     // carries into the day before
    CHECK(unix_seconds(d(1970, 1, 1), 86'400 * 2 + 5) == 172'805);

    SUBCASE("after 1970") {
        const DayAndSecond t = split_unix_seconds(1'799'161'200 + 59);
        CHECK(t.day == d(2027, 1, 5));
        CHECK(t.second_of_day == 15 * 3600 + 59);
    }
    SUBCASE("before 1970 the time of day stays non-negative") {
        DayAndSecond t = split_unix_seconds(-1);
        CHECK(t.day == d(1969, 12, 31));
        CHECK(t.second_of_day == 86'399);
        t = split_unix_seconds(-86'400);
        CHECK(t.day == d(1969, 12, 31));
        CHECK(t.second_of_day == 0);
        t = split_unix_seconds(-86'401);
        CHECK(t.day == d(1969, 12, 30));
        CHECK(t.second_of_day == 86'399);
        t = split_unix_seconds(-14'182'940);  // date -u -d @-14182940: 1969-07-20T20:17:40Z
        CHECK(t.day == d(1969, 7, 20));
        CHECK(t.second_of_day == 20 * 3600 + 17 * 60 + 40);
        CHECK(format_utc_date_time(-14'182'940) == "1969-07-20T20:17:40Z");
        CHECK(format_utc_date_time(-1) == "1969-12-31T23:59:59Z");
    }
    SUBCASE("random round trips over five centuries") {
        std::mt19937_64 rng(1969);
        for (int i = 0; i < 2000; ++i) {
            const std::int64_t s = static_cast<std::int64_t>(rng() % 31'556'952'000ULL) - 15'778'476'000LL;
            const DayAndSecond t = split_unix_seconds(s);
            CHECK(t.second_of_day >= 0);
            CHECK(t.second_of_day < 86'400);
            CHECK(unix_seconds(t.day, t.second_of_day) == s);
        }
    }
}

TEST_CASE("parse_offset_date_time: Z and offsets name instants") {
    const auto z = parse_offset_date_time("2027-01-05T15:00:00Z");
    REQUIRE(z.has_value());
    CHECK(z->day == d(2027, 1, 5));
    CHECK(z->second_of_day == 15 * 3600);
    CHECK(z->offset_minutes == 0);

    const auto berlin = parse_offset_date_time("2027-01-05T16:00:00+01:00");
    REQUIRE(berlin.has_value());
    CHECK(berlin->day == d(2027, 1, 5));
    CHECK(berlin->second_of_day == 16 * 3600);
    CHECK(berlin->offset_minutes == 60);
    CHECK(berlin->utc_seconds() == z->utc_seconds());

    const auto new_york = parse_offset_date_time("2027-01-05T10:00:00-05:00");
    REQUIRE(new_york.has_value());
    CHECK(new_york->offset_minutes == -300);
    CHECK(new_york->utc_seconds() == z->utc_seconds());

    // Half-hour and quarter-hour offsets; an offset that moves the instant to another UTC day.
    const auto india = parse_offset_date_time("2027-01-05T20:30:00+05:30");
    REQUIRE(india.has_value());
    CHECK(india->offset_minutes == 330);
    CHECK(india->utc_seconds() == z->utc_seconds());
    const auto nepal = parse_offset_date_time("2027-01-06T00:45:00+05:45");
    REQUIRE(nepal.has_value());
    CHECK(nepal->utc_seconds() == unix_seconds(d(2027, 1, 5), 19 * 3600));
    const auto kiritimati = parse_offset_date_time("2027-01-01T05:00+14:00");
    REQUIRE(kiritimati.has_value());
    CHECK(format_utc_date_time(kiritimati->utc_seconds()) == "2026-12-31T15:00:00Z");

    // Seconds are optional, a space may stand for the T, -00:00 is UTC.
    const auto short_form = parse_offset_date_time("2027-01-05 15:00Z");
    REQUIRE(short_form.has_value());
    CHECK(short_form->utc_seconds() == z->utc_seconds());
    const auto minus_zero = parse_offset_date_time("2027-01-05T15:00:00-00:00");
    REQUIRE(minus_zero.has_value());
    CHECK(minus_zero->offset_minutes == 0);
    const auto seconds = parse_offset_date_time("2027-01-05T15:00:59Z");
    REQUIRE(seconds.has_value());
    CHECK(seconds->second_of_day == 15 * 3600 + 59);
    // The largest offset; a leap day.
    CHECK(parse_offset_date_time("2028-02-29T23:59:59+23:59").has_value());
    CHECK(parse_offset_date_time("2028-02-29T00:00:00-23:59")->utc_seconds() == unix_seconds(d(2028, 2, 29), 23 * 3600 + 59 * 60));
}

TEST_CASE("parse_offset_date_time rejects every other shape") {
    for (const char *bad : {"",
                            "2027-01-05",
                            "2027-01-05T16:00",          // no offset
                            "2027-01-05 16:00",          // no offset
                            "2027-01-05T16:00:00",       // no offset
                            "2027-02-30T10:00:00Z",      // no such day
                            "2027-13-01T10:00:00Z",
                            "2027-02-29T10:00:00Z",      // not a leap year
                            "2027-01-05T24:00:00Z",
                            "2027-01-05T23:60:00Z",
                            "2027-01-05T23:59:60Z",      // no leap seconds
                            "2027-01-05T16:00:00.5Z",    // no fractions
                            "2027-01-05t16:00:00Z",
                            "2027-01-05T16:00:00z",
                            "2027-01-05T16:00:00+0100",  // basic-format offset
                            "2027-01-05T16:00:00+01",
                            "2027-01-05T16:00:00+24:00", // beyond 23:59
                            "2027-01-05T16:00:00+01:60",
                            "2027-01-05T16:00:00 +01:00",
                            "2027-01-05T16:00:00+01:00 ",
                            "2027-01-05T16:00:00Z ",
                            "2027-01-05T16:00:00ZZ",
                            "2027-01-05T6:00:00Z",
                            "2027-1-5T16:00:00Z",
                            "27-01-05T16:00:00Z",
                            "2027-01-05T16-00-00Z",
                            "2027-01-05T16:00:",
                            "2027-01-05T16:00:0Z",
                            "2027-01-05T+1:00:00Z",
                            "2027-01-05T16:00:00*01:00"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_offset_date_time(bad).has_value());
    }
}

TEST_CASE("format and parse round trip") {
    CHECK(format_offset_date_time(d(2027, 1, 5), 16 * 3600, 60) == "2027-01-05T16:00:00+01:00");
    CHECK(format_offset_date_time(d(2027, 3, 19), 9 * 3600, -240) == "2027-03-19T09:00:00-04:00");
    CHECK(format_offset_date_time(d(2027, 1, 5), 15 * 3600 + 7, 0) == "2027-01-05T15:00:07+00:00");
    CHECK(format_offset_date_time(d(2027, 1, 5), 0, 330) == "2027-01-05T00:00:00+05:30");
    CHECK(format_offset_date_time(d(2027, 1, 5), 86'399, -570) == "2027-01-05T23:59:59-09:30");
    CHECK(format_utc_date_time(unix_seconds(d(2027, 1, 5), 15 * 3600)) == "2027-01-05T15:00:00Z");
    CHECK(format_utc_date_time(0) == "1970-01-01T00:00:00Z");

    std::mt19937 rng(5);
    for (int i = 0; i < 2000; ++i) {
        const Date day = d(1900, 1, 1).plus_days(static_cast<std::int32_t>(rng() % 73'000));
        const int second = static_cast<int>(rng() % 86'400);
        const int offset = static_cast<int>(rng() % (2 * 1439 + 1)) - 1439;
        const std::string text = format_offset_date_time(day, second, offset);
        CAPTURE(text);
        const auto back = parse_offset_date_time(text);
        REQUIRE(back.has_value());
        CHECK(back->day == day);
        CHECK(back->second_of_day == second);
        CHECK(back->offset_minutes == offset);
        CHECK(format_offset_date_time(back->day, back->second_of_day, back->offset_minutes) == text);
        // The same instant written in UTC.
        const std::string utc = format_utc_date_time(back->utc_seconds());
        const auto again = parse_offset_date_time(utc);
        REQUIRE(again.has_value());
        CHECK(again->offset_minutes == 0);
        CHECK(again->utc_seconds() == back->utc_seconds());
    }
}

TEST_CASE("format_clock") {
    CHECK(format_clock(0) == "00:00");
    CHECK(format_clock(9 * 60 + 5) == "09:05");
    CHECK(format_clock(16 * 60) == "16:00");
    CHECK(format_clock(1439) == "23:59");
    for (int m = 0; m < 1440; ++m) {
        const std::string s = format_clock(m);
        REQUIRE(s.size() == 5);
        CHECK(std::stoi(s.substr(0, 2)) * 60 + std::stoi(s.substr(3, 2)) == m);
    }
}
