// careerpath/date.hpp: parsing accepts exactly YYYY-MM-DD naming a real date in 1400-9999; every
// day of the range round-trips through iso() and parse() and is the hand-computed successor of the
// day before (so day numbers count days); weekdays of known dates; plus_months keeps the day and
// clamps it to shorter months, checked on a table and against a hand computation on random dates;
// last_day_of_months is plus_months less a day, or nothing past 9999-12-31.
#include <careerpath/date.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace careerpath;

namespace {

// Written here by hand, independently of Boost.Date_Time.
bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }
int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : days[month - 1];
}

Date d(const char *iso) {
    const auto date = Date::parse(iso);
    REQUIRE_MESSAGE(date.has_value(), iso);
    return *date;
}

}  // namespace

TEST_CASE("Date::parse accepts exactly YYYY-MM-DD naming a real date") {
    SUBCASE("valid dates") {
        for (const char *iso : {"2027-01-04", "2028-02-29", "2000-02-29", "1400-01-01", "9999-12-31", "2027-12-31",
                                "2027-04-30", "1600-02-29"}) {
            const auto date = Date::parse(iso);
            REQUIRE_MESSAGE(date.has_value(), iso);
            CHECK(date->iso() == iso);
        }
        const Date x = d("2027-01-04");
        CHECK(x.year() == 2027);
        CHECK(x.month() == 1);
        CHECK(x.day() == 4);
    }
    SUBCASE("dates that do not exist") {
        for (const char *iso : {"2027-02-30", "2027-13-01", "2026-02-29", "2027-02-29", "1900-02-29", "2100-02-29",
                                "2027-04-31", "2027-00-10", "2027-01-00", "2027-01-32", "0000-01-01"})
            CHECK_MESSAGE(!Date::parse(iso).has_value(), iso);
    }
    SUBCASE("outside 1400-01-01..9999-12-31") {
        CHECK(!Date::parse("1399-12-31").has_value());
        CHECK(!Date::from_ymd(10000, 1, 1).has_value());
        CHECK(!Date::from_ymd(1399, 12, 31).has_value());
        CHECK(Date::from_ymd(1400, 1, 1).has_value());
        CHECK(Date::from_ymd(9999, 12, 31).has_value());
    }
    SUBCASE("anything but the exact form") {
        for (const char *text : {"", "2027", "2027-01", "2027-1-04", "2027-01-4", "27-01-04", " 2027-01-04",
                                 "2027-01-04 ", "2027-01-04T00:00", "2027/01/04", "2027-01-04\n", "+2027-01-04",
                                 "2027-+1-04", "2027-01--4", "2027 01 04", "20270104", "2027-01-0a", "x027-01-04",
                                 "02027-01-04", "2027-001-04"})
            CHECK_MESSAGE(!Date::parse(text).has_value(), '"' << text << '"');
        // An embedded NUL is a character too.
        CHECK(!Date::parse(std::string_view("2027-01-04\0", 11)).has_value());
    }
    SUBCASE("from_ymd rejects what parse rejects, without throwing") {
        CHECK(!Date::from_ymd(2027, 2, 30).has_value());
        CHECK(!Date::from_ymd(2027, 13, 1).has_value());
        CHECK(!Date::from_ymd(2027, 0, 1).has_value());
        CHECK(!Date::from_ymd(2027, 1, 0).has_value());
        CHECK(!Date::from_ymd(2027, 1, -5).has_value());
        CHECK(!Date::from_ymd(-2027, 1, 1).has_value());
        CHECK(!Date::from_ymd(2026, 2, 29).has_value());
        CHECK(Date::from_ymd(2028, 2, 29).has_value());
    }
}

TEST_CASE("every day of the range round-trips and follows the day before") {
    Date day = d("1400-01-01");
    const Date last = d("9999-12-31");
    int y = 1400, m = 1, dd = 1;
    int weekday = static_cast<int>(day.weekday());
    long count = 0;
    bool ok = true;
    while (ok) {
        // Checked through booleans: millions of CHECKs would swamp the report.
        ok = day.year() == y && day.month() == m && day.day() == dd &&
             static_cast<int>(day.weekday()) == weekday;
        if (ok && count % 97 == 0) {  // the string round trip on a sample of ~60000 days
            const std::string iso = day.iso();
            const auto back = Date::parse(iso);
            ok = back && *back == day && Date::from_ymd(y, m, dd) == day;
            if (!ok) FAIL_CHECK("round trip of " << iso);
        }
        if (!ok) {
            FAIL_CHECK("day " << count << " is " << day.iso() << ", expected " << y << "-" << m << "-" << dd);
            break;
        }
        if (day == last) break;
        const Date next = day.plus_days(1);
        ok = next.days_since(day) == 1 && next > day && day < next;
        day = next;
        weekday = (weekday + 1) % 7;
        if (++dd > days_in_month(y, m)) {
            dd = 1;
            if (++m > 12) m = 1, ++y;
        }
        ++count;
    }
    CHECK(ok);
    CHECK(y == 9999);
    CHECK(m == 12);
    CHECK(dd == 31);
    CHECK(last.days_since(d("1400-01-01")) == count);
}

TEST_CASE("weekdays and day counts") {
    CHECK(d("2027-01-04").weekday() == Weekday::mon);
    CHECK(d("2027-01-05").weekday() == Weekday::tue);
    CHECK(d("2027-01-10").weekday() == Weekday::sun);
    CHECK(d("2000-01-01").weekday() == Weekday::sat);
    CHECK(d("1970-01-01").weekday() == Weekday::thu);
    CHECK(d("2028-02-29").weekday() == Weekday::tue);
    CHECK(d("1582-10-15").weekday() == Weekday::fri);  // the first Gregorian day
    CHECK(d("9999-12-31").weekday() == Weekday::fri);
    CHECK(d("1400-01-01").weekday() == Weekday::wed);  // proleptic Gregorian

    CHECK(d("2028-01-01").days_since(d("2027-01-01")) == 365);
    CHECK(d("2029-01-01").days_since(d("2028-01-01")) == 366);
    CHECK(d("2027-01-01").days_since(d("2028-01-01")) == -365);
    CHECK(d("2401-01-01").days_since(d("2001-01-01")) == 146097);  // 400 Gregorian years
    CHECK(Date::from_day_number(d("2027-06-30").day_number()) == d("2027-06-30"));
    CHECK(d("2027-01-04").plus_days(-4) == d("2026-12-31"));
    CHECK(d("2027-01-04") < d("2027-01-05"));
    CHECK(d("2027-01-04") != d("2027-01-05"));
}

TEST_CASE("weekday names") {
    const char *names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int i = 0; i < 7; ++i) {
        const auto day = static_cast<Weekday>(i);
        CHECK(std::string(to_string(day)) == names[i]);
        REQUIRE(parse_weekday(names[i]).has_value());
        CHECK(*parse_weekday(names[i]) == day);
    }
    for (const char *bad : {"", "Mon", "MON", "monday", "mo", "mon ", " mon", "xyz"})
        CHECK_MESSAGE(!parse_weekday(bad).has_value(), '"' << bad << '"');
}

TEST_CASE("plus_months keeps the day and clamps it to shorter months") {
    SUBCASE("table") {
        struct Row {
            const char *from;
            int months;
            const char *to;
        };
        const Row rows[] = {
            {"2027-01-31", 1, "2027-02-28"},  {"2028-01-31", 1, "2028-02-29"},  {"2027-01-31", 13, "2028-02-29"},
            {"2027-01-15", 13, "2028-02-15"}, {"2027-03-31", -1, "2027-02-28"}, {"2027-03-31", 1, "2027-04-30"},
            {"2027-05-31", -13, "2026-04-30"}, {"2027-12-15", 1, "2028-01-15"}, {"2027-01-15", -1, "2026-12-15"},
            {"2027-01-04", 0, "2027-01-04"},  {"2027-02-28", 1, "2027-03-28"},  {"2024-02-29", 12, "2025-02-28"},
            {"2024-02-29", 48, "2028-02-29"}, {"2027-01-31", -11, "2026-02-28"}, {"2027-06-30", 120, "2037-06-30"},
            {"2027-01-04", 9, "2027-10-04"},  {"2027-08-31", 6, "2028-02-29"},  {"2027-12-31", -12, "2026-12-31"},
            {"2027-01-01", -1, "2026-12-01"}, {"2027-10-31", 2, "2027-12-31"},  {"2027-11-30", 3, "2028-02-29"},
            // Saturating at the ends of the supported range.
            {"9999-12-15", 1, "9999-12-31"},  {"1400-01-15", -1, "1400-01-01"}, {"9999-11-30", 1, "9999-12-30"},
        };
        for (const Row &row : rows)
            CHECK_MESSAGE(d(row.from).plus_months(row.months).iso() == row.to,
                          row.from << " + " << row.months << " months");
    }
    SUBCASE("random dates against a hand computation") {
        std::mt19937 rng(20270104);
        std::uniform_int_distribution<int> year(1500, 9800), month(1, 12), shift(-1200, 1200), day(1, 31);
        for (int i = 0; i < 20000; ++i) {
            const int y = year(rng), m = month(rng);
            const int dd = std::min(day(rng), days_in_month(y, m));
            const int k = shift(rng);
            const Date result = Date::from_ymd(y, m, dd)->plus_months(k);
            const int index = y * 12 + (m - 1) + k;
            const int ey = index / 12, em = index % 12 + 1;
            const int ed = std::min(dd, days_in_month(ey, em));
            if (result.year() != ey || result.month() != em || result.day() != ed)
                FAIL_CHECK(y << "-" << m << "-" << dd << " + " << k << " months gave " << result.iso());
        }
    }
}

TEST_CASE("last_day_of_months: the day before plus_months, or nothing past 9999-12-31") {
    struct Row {
        const char *from;
        int months;
        const char *last;  // nullptr: past the end of the calendar
    };
    const Row rows[] = {
        {"2027-01-04", 6, "2027-07-03"},  {"2027-01-31", 1, "2027-02-27"}, {"2027-01-01", 12, "2027-12-31"},
        {"9999-06-01", 6, "9999-11-30"},  {"9999-07-01", 6, "9999-12-31"}, {"9999-04-01", 9, "9999-12-31"},
        {"9999-12-31", 1, nullptr},       {"9999-04-02", 9, nullptr},      {"9999-07-02", 6, nullptr},
        {"9999-12-01", 1, "9999-12-31"},  {"9950-01-01", 600, "9999-12-31"}, {"9950-01-02", 600, nullptr},
        {"2027-01-04", 0, nullptr},       {"2027-01-04", -1, nullptr},
    };
    for (const Row &row : rows) {
        const auto last = d(row.from).last_day_of_months(row.months);
        if (row.last) {
            REQUIRE_MESSAGE(last.has_value(), row.from << " + " << row.months << " months");
            CHECK_MESSAGE(last->iso() == row.last, row.from << " + " << row.months << " months");
        } else {
            CHECK_MESSAGE(!last.has_value(), row.from << " + " << row.months << " months gave " << last->iso());
        }
    }
    // Where nothing saturates, it is plus_months less a day.
    std::mt19937 rng(99991231);
    std::uniform_int_distribution<int> year(1400, 9989), month(1, 12), day(1, 28), span(1, 120);
    for (int i = 0; i < 2000; ++i) {
        const Date from = *Date::from_ymd(year(rng), month(rng), day(rng));
        const int k = span(rng);
        REQUIRE(from.last_day_of_months(k).has_value());
        CHECK(*from.last_day_of_months(k) == from.plus_months(k).plus_days(-1));
    }
}
