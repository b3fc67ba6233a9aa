// careerpath/calendar.hpp: the working-hour axis. On many random calendars (workday sets, weekly
// hours including fractions, date holidays, month/day rules including 29 February, nth-weekday
// rules including the fifth and the last, overlapping time off, horizons up to 30 years) every
// query agrees with a slow reference written here that expands the rules by hand and walks the
// calendar day by day. Then hand cases: the US holidays of 2027, rules naming days a year lacks,
// time off including both ends, a holiday inside time off counted once, no workdays, and a
// 40-year horizon evaluated by arithmetic; and every working day of 30 years found again from its
// own first and last hour.
#include <careerpath/calendar.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace careerpath;

namespace {

constexpr double tolerance = 1e-9;  // the one the calendar documents

Date d(const char *iso) {
    const auto date = Date::parse(iso);
    REQUIRE_MESSAGE(date.has_value(), iso);
    return *date;
}

CalendarSpec make_spec(Date start, double hours_per_week) {
    return CalendarSpec{.start = start,
                        .hours_per_week = hours_per_week,
                        .workdays = {true, true, true, true, true, false, false},
                        .holidays = {},
                        .time_off = {}};
}

HolidayRule on_date(Date date) {
    HolidayRule rule;
    rule.kind = HolidayRule::Kind::date;
    rule.date = date;
    return rule;
}
HolidayRule every_year(int month, int day) {
    HolidayRule rule;
    rule.kind = HolidayRule::Kind::month_day;
    rule.month = month;
    rule.day = day;
    return rule;
}
HolidayRule nth_weekday(int month, Weekday weekday, int nth) {
    HolidayRule rule;
    rule.kind = HolidayRule::Kind::nth_weekday;
    rule.month = month;
    rule.weekday = weekday;
    rule.nth = nth;
    return rule;
}

const char *name(DayStatus s) {
    switch (s) {
    case DayStatus::working: return "working";
    case DayStatus::before_start: return "before_start";
    case DayStatus::not_a_workday: return "not_a_workday";
    case DayStatus::holiday: return "holiday";
    case DayStatus::time_off: return "time_off";
    }
    return "?";
}

std::string show(std::optional<Date> date) { return date ? date->iso() : std::string("none"); }

// --- The reference: plain date arithmetic and a walk over every day. ---------------------------

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }
int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : days[month - 1];
}
// Sakamoto's method, turned to Monday = 0.
int weekday_of(int year, int month, int day) {
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (month < 3) year -= 1;
    const int sunday_first = (year + year / 4 - year / 100 + year / 400 + t[month - 1] + day) % 7;
    return (sunday_first + 6) % 7;
}

// The day a yearly rule names in `year`, if the year has it.
std::optional<Date> by_hand(const HolidayRule &rule, int year) {
    const int length = days_in_month(year, rule.month);
    int day = 0;
    if (rule.kind == HolidayRule::Kind::month_day) {
        day = rule.day;
    } else if (rule.nth == -1) {
        const int back = (weekday_of(year, rule.month, length) - static_cast<int>(rule.weekday) + 7) % 7;
        day = length - back;
    } else {
        const int first = 1 + (static_cast<int>(rule.weekday) - weekday_of(year, rule.month, 1) + 7) % 7;
        day = first + 7 * (rule.nth - 1);
    }
    if (day < 1 || day > length) return std::nullopt;
    return Date::from_ymd(year, rule.month, day);
}

struct Reference {
    CalendarSpec spec;
    Date horizon;
    std::int32_t start = 0, end = 0;  // day numbers of spec.start and horizon
    std::int32_t lo = 0, hi = 0;      // the days walked
    double per_day = 0;
    std::vector<DayStatus> status;          // [lo, hi]
    std::vector<long long> working_before;  // [lo, hi + 1]: working days in [start, day)

    Reference(const CalendarSpec &s, Date h, int after) : spec(s), horizon(h) {
        start = spec.start.day_number();
        end = horizon.day_number();
        lo = start - 20;
        hi = std::max(start, end) + after;
        int workdays = 0;
        for (bool w : spec.workdays) workdays += w ? 1 : 0;
        per_day = workdays ? spec.hours_per_week / workdays : 0;

        std::set<std::int32_t> holidays;
        if (end >= start)
            for (const HolidayRule &rule : spec.holidays) {
                if (rule.kind == HolidayRule::Kind::date) {
                    holidays.insert(rule.date.day_number());
                    continue;
                }
                for (int year = spec.start.year(); year <= horizon.year(); ++year)
                    if (auto day = by_hand(rule, year)) holidays.insert(day->day_number());
            }

        working_before.push_back(0);
        for (std::int32_t n = lo; n <= hi; ++n) {
            const Date day = Date::from_day_number(n);
            const int wd = weekday_of(day.year(), day.month(), day.day());
            DayStatus s = DayStatus::working;
            bool off = false;
            for (const DateRange &r : spec.time_off) off = off || (r.first <= day && day <= r.last);
            if (n < start)
                s = DayStatus::before_start;
            else if (!spec.workdays[static_cast<std::size_t>(wd)])
                s = DayStatus::not_a_workday;
            else if (n > end)
                s = DayStatus::working;  // past the horizon only the workdays count
            else if (off)
                s = DayStatus::time_off;
            else if (holidays.count(n))
                s = DayStatus::holiday;
            status.push_back(s);
            working_before.push_back(working_before.back() + (s == DayStatus::working ? 1 : 0));
        }
    }

    DayStatus status_of(std::int32_t n) const { return status[static_cast<std::size_t>(n - lo)]; }
    double hours_before(std::int32_t n) const {
        return static_cast<double>(working_before[static_cast<std::size_t>(n - lo)]) * per_day;
    }
    double hours_through(std::int32_t n) const { return hours_before(n + 1); }

    std::optional<Date> first_working() const {
        for (std::int32_t n = start; n <= end; ++n)
            if (status_of(n) == DayStatus::working) return Date::from_day_number(n);
        return std::nullopt;
    }
    std::optional<Date> day_ending(double hour) const {
        if (std::isnan(hour)) return std::nullopt;
        if (hour <= tolerance) return first_working();
        for (std::int32_t n = start; n <= end; ++n)
            if (hours_through(n) >= hour - tolerance) return Date::from_day_number(n);
        return std::nullopt;
    }
    std::optional<Date> day_starting(double hour) const {
        if (std::isnan(hour)) return std::nullopt;
        if (hour < 0) return first_working();
        for (std::int32_t n = start; n <= end; ++n)
            if (status_of(n) == DayStatus::working && hours_through(n) > hour + tolerance)
                return Date::from_day_number(n);
        return std::nullopt;
    }
};

// --- Random calendars. ----------------------------------------------------------------------------

struct Random {
    std::mt19937 rng;
    explicit Random(unsigned seed) : rng(seed) {}
    int uniform(int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); }
    double real(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng); }
};

std::pair<CalendarSpec, Date> random_calendar(Random &r) {
    const Date start = d("1999-01-01").plus_days(r.uniform(0, 37 * 365));
    Date horizon = start;
    switch (r.uniform(0, 9)) {
    case 0: horizon = start.plus_days(-r.uniform(1, 40)); break;  // a horizon before the start
    case 1: break;
    case 2: case 3: horizon = start.plus_days(r.uniform(1, 60)); break;
    case 4: case 5: case 6: case 7: horizon = start.plus_days(r.uniform(60, 3 * 366)); break;
    default: horizon = start.plus_days(r.uniform(3 * 366, 30 * 366)); break;
    }

    static const double weekly[] = {0, 5, 7.5, 10, 37.5, 40, 2.0 / 3.0, 12.34};
    CalendarSpec spec = make_spec(start, r.chance(0.3) ? r.real(0.1, 60) : weekly[r.uniform(0, 7)]);
    const int shape = r.uniform(0, 9);
    for (std::size_t i = 0; i < 7; ++i) spec.workdays[i] = shape == 0 ? false : shape == 1 ? true : r.chance(0.6);

    const std::int32_t span = std::max(0, horizon.days_since(start));
    const int rules = r.uniform(0, 10);
    for (int i = 0; i < rules; ++i) {
        switch (r.uniform(0, 5)) {
        case 0: case 1:
            spec.holidays.push_back(on_date(start.plus_days(r.uniform(-400, span + 400))));
            break;
        case 2:
            spec.holidays.push_back(r.chance(0.4) ? every_year(2, 29) : every_year(r.uniform(1, 12), r.uniform(1, 31)));
            break;
        default: {
            static const int nths[] = {1, 2, 3, 4, 5, 5, -1, -1};
            spec.holidays.push_back(
                nth_weekday(r.uniform(1, 12), static_cast<Weekday>(r.uniform(0, 6)), nths[r.uniform(0, 7)]));
            break;
        }
        }
    }
    const int offs = r.uniform(0, 7);
    for (int i = 0; i < offs; ++i) {
        const Date first = start.plus_days(r.uniform(-60, span + 60));
        const Date last = first.plus_days(r.chance(0.1) ? -r.uniform(1, 5) : r.uniform(0, r.chance(0.2) ? 400 : 30));
        spec.time_off.push_back({first, last});
    }
    return {spec, horizon};
}

}  // namespace

TEST_CASE("random calendars agree with a day-by-day reference") {
    Random r(0xCA1E);
    long days_checked = 0, hours_checked = 0;
    for (int instance = 0; instance < 400; ++instance) {
        // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
        const auto made = random_calendar(r);
        const auto &spec = made.first;
        const auto &horizon = made.second;
        const Calendar calendar(spec, horizon);
        const Reference ref(spec, horizon, 400);
        CAPTURE(instance);
        CAPTURE(spec.start.iso());
        CAPTURE(horizon.iso());
        CAPTURE(spec.hours_per_week);

        REQUIRE(calendar.start() == spec.start);
        REQUIRE(calendar.horizon_end() == horizon);
        REQUIRE(std::abs(calendar.hours_per_working_day() - ref.per_day) <= tolerance);

        // Every day walked, by booleans first so that a failure reports one day, not thousands.
        for (std::int32_t n = ref.lo; n <= ref.hi; ++n) {
            const Date day = Date::from_day_number(n);
            const DayStatus want = ref.status_of(n);
            const double before = ref.hours_before(n), through = ref.hours_through(n);
            const double on = want == DayStatus::working ? ref.per_day : 0.0;
            const bool ok = calendar.status(day) == want && calendar.is_working_day(day) == (want == DayStatus::working) &&
                            std::abs(calendar.hours_before(day) - before) <= tolerance &&
                            std::abs(calendar.hours_through(day) - through) <= tolerance &&
                            std::abs(calendar.hours_on(day) - on) <= tolerance;
            if (!ok) {
                CAPTURE(day.iso());
                CHECK(name(calendar.status(day)) == std::string(name(want)));
                CHECK(calendar.hours_before(day) == doctest::Approx(before).epsilon(1e-12));
                CHECK(calendar.hours_through(day) == doctest::Approx(through).epsilon(1e-12));
                CHECK(calendar.hours_on(day) == doctest::Approx(on));
                FAIL("first disagreeing day");
            }
            ++days_checked;
        }

        // The axis: random hours, exact day boundaries and hours a hair either side of them.
        const long long total_days =
            ref.end < ref.start ? 0 : ref.working_before[static_cast<std::size_t>(ref.end + 1 - ref.lo)];
        std::vector<double> hours{0.0, -1.0, -1e-12, 1e-12, 1e-3, std::numeric_limits<double>::quiet_NaN(),
                                  std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
        const double total = static_cast<double>(total_days) * ref.per_day;
        for (int i = 0; i < 30; ++i) hours.push_back(r.real(-1, total + 2 * ref.per_day + 1));
        for (int i = 0; i < 30; ++i) {
            const double boundary = static_cast<double>(r.uniform(0, static_cast<int>(total_days) + 2)) * ref.per_day;
            for (double offset : {0.0, 1e-10, -1e-10, 1e-7, -1e-7, 0.5 * ref.per_day}) hours.push_back(boundary + offset);
        }
        hours.push_back(total);
        hours.push_back(total + 1e-7);
        for (double h : hours) {
            CAPTURE(h);
            CHECK(show(calendar.day_ending(h)) == show(ref.day_ending(h)));
            CHECK(show(calendar.day_starting(h)) == show(ref.day_starting(h)));
            ++hours_checked;
        }
    }
    MESSAGE(days_checked << " days and " << hours_checked << " hours compared");
}

// day_ending and day_starting count open working days from an estimate (hour / hours a day) and
// correct it by exact comparisons: on every day's own boundaries, where rounding in the estimate
// would show first, each working day must come back as itself, over 30 years of an awkward
// number of hours a day (0.7 / 3) and many closures.
TEST_CASE("every working day's boundaries map back to it") {
    CalendarSpec spec = make_spec(d("2027-01-04"), 0.7);
    spec.workdays = {true, false, true, false, false, true, false};
    spec.holidays = {every_year(12, 25), nth_weekday(11, Weekday::thu, 4), nth_weekday(5, Weekday::mon, -1)};
    for (int year = 2027; year < 2057; year += 3)
        spec.time_off.push_back({Date::from_ymd(year, 7, 19).value(), Date::from_ymd(year, 8, 6).value()});
    const Date end = d("2056-12-31");
    const Calendar calendar(spec, end);
    long working = 0;
    for (Date day = spec.start; day <= end; day = day.plus_days(1)) {
        if (!calendar.is_working_day(day)) continue;
        ++working;
        const double before = calendar.hours_before(day), through = calendar.hours_through(day);
        const bool ok = calendar.day_ending(through) == day && calendar.day_starting(before) == day &&
                        calendar.day_ending((before + through) / 2) == day &&
                        calendar.day_starting((before + through) / 2) == day;
        if (!ok) {
            CAPTURE(day.iso());
            CHECK(show(calendar.day_ending(through)) == day.iso());
            CHECK(show(calendar.day_starting(before)) == day.iso());
            FAIL("first day not mapped back to itself");
        }
    }
    CHECK(working > 4000);
    CHECK(calendar.day_starting(calendar.hours_through(end)) == std::nullopt);
}

TEST_CASE("the US holidays of 2027") {
    CalendarSpec spec = make_spec(d("2027-01-04"), 5);  // 5 hours a week on weekdays: 1 h a day
    spec.holidays = {on_date(d("2027-12-25")),
                     nth_weekday(11, Weekday::thu, 4),   // Thanksgiving
                     nth_weekday(5, Weekday::mon, -1),   // Memorial Day
                     nth_weekday(9, Weekday::mon, 1),    // Labor Day
                     every_year(7, 5),                   // Independence Day observed (a Monday)
                     every_year(12, 26)};
    const Calendar calendar(spec, d("2027-12-31"));
    CHECK(calendar.hours_per_working_day() == 1.0);

    CHECK(calendar.status(d("2027-11-25")) == DayStatus::holiday);
    CHECK(calendar.status(d("2027-05-31")) == DayStatus::holiday);
    CHECK(calendar.status(d("2027-09-06")) == DayStatus::holiday);
    CHECK(calendar.status(d("2027-07-05")) == DayStatus::holiday);
    CHECK(calendar.status(d("2027-11-18")) == DayStatus::working);   // the third Thursday
    CHECK(calendar.status(d("2027-05-24")) == DayStatus::working);   // not the last Monday
    CHECK(calendar.status(d("2027-09-13")) == DayStatus::working);   // the second Monday
    CHECK(calendar.status(d("2027-11-26")) == DayStatus::working);
    // Christmas 2027 is a Saturday and 26 December a Sunday: weekends stay weekends.
    CHECK(calendar.status(d("2027-12-25")) == DayStatus::not_a_workday);
    CHECK(calendar.status(d("2027-12-26")) == DayStatus::not_a_workday);
    CHECK(calendar.status(d("2027-01-03")) == DayStatus::before_start);
    CHECK(calendar.status(d("2027-01-09")) == DayStatus::not_a_workday);

    CHECK(calendar.hours_before(d("2027-01-04")) == 0);
    CHECK(calendar.hours_before(d("2026-06-01")) == 0);
    CHECK(calendar.hours_before(d("2027-01-11")) == 5);
    CHECK(calendar.hours_on(d("2027-11-25")) == 0);
    CHECK(calendar.hours_on(d("2027-11-24")) == 1);
    // 2027-01-04 .. 2027-12-31 is 52 weeks, 260 weekdays, 5 of them holidays... but Christmas and
    // 26 December fall on the weekend: 260 - 4.
    CHECK(calendar.hours_through(d("2027-12-31")) == 256);
    // Thanksgiving week: four working hours.
    CHECK(calendar.hours_before(d("2027-11-29")) - calendar.hours_before(d("2027-11-22")) == 4);

    CHECK(calendar.day_ending(0) == d("2027-01-04"));
    CHECK(calendar.day_ending(1) == d("2027-01-04"));
    CHECK(calendar.day_ending(1.5) == d("2027-01-05"));
    CHECK(calendar.day_starting(0) == d("2027-01-04"));
    CHECK(calendar.day_starting(1) == d("2027-01-05"));
    CHECK(calendar.day_starting(5) == d("2027-01-11"));
    // Work ending exactly at the close of the Wednesday before Thanksgiving ends that day; the
    // next hour starts on the Friday.
    const double wednesday = calendar.hours_through(d("2027-11-24"));
    CHECK(calendar.day_ending(wednesday) == d("2027-11-24"));
    CHECK(calendar.day_ending(wednesday + 1e-12) == d("2027-11-24"));  // within the tolerance
    CHECK(calendar.day_ending(0.1 + 0.2 + wednesday - 0.3) == d("2027-11-24"));
    CHECK(calendar.day_starting(wednesday) == d("2027-11-26"));
    CHECK(calendar.day_starting(wednesday - 1e-12) == d("2027-11-26"));
    CHECK(calendar.day_ending(256) == d("2027-12-31"));
    CHECK(calendar.day_ending(256.5) == std::nullopt);  // past the horizon
    CHECK(calendar.day_starting(255.5) == d("2027-12-31"));
    CHECK(calendar.day_starting(256) == std::nullopt);
    // Past the horizon the rules are not expanded: Thanksgiving 2028 (23 November) is a weekday.
    CHECK(calendar.status(d("2028-11-23")) == DayStatus::working);
}

TEST_CASE("rules naming a day the year lacks give nothing that year") {
    SUBCASE("29 February") {
        CalendarSpec spec = make_spec(d("2027-01-01"), 35);
        spec.workdays.fill(true);
        spec.holidays = {every_year(2, 29)};
        const Calendar calendar(spec, d("2033-12-31"));
        std::vector<std::string> holidays;
        for (Date day = d("2027-01-01"); day <= d("2033-12-31"); day = day.plus_days(1))
            if (calendar.status(day) == DayStatus::holiday) holidays.push_back(day.iso());
        CHECK(holidays == std::vector<std::string>{"2028-02-29", "2032-02-29"});
        CHECK(calendar.status(d("2027-02-28")) == DayStatus::working);
        CHECK(calendar.status(d("2027-03-01")) == DayStatus::working);
    }
    SUBCASE("a fifth weekday") {
        CalendarSpec spec = make_spec(d("2027-01-01"), 35);
        spec.workdays.fill(true);
        spec.holidays = {nth_weekday(2, Weekday::mon, 5),   // February 2027 has four Mondays
                         nth_weekday(5, Weekday::mon, 5),   // May 2027 has five: the 31st
                         nth_weekday(4, Weekday::sat, 5)};  // April 2027: 3, 10, 17, 24 only
        const Calendar calendar(spec, d("2027-12-31"));
        std::vector<std::string> holidays;
        for (Date day = d("2027-01-01"); day <= d("2027-12-31"); day = day.plus_days(1))
            if (calendar.status(day) == DayStatus::holiday) holidays.push_back(day.iso());
        CHECK(holidays == std::vector<std::string>{"2027-05-31"});
    }
    SUBCASE("a fifth weekday would spill past 9999-12-31") {
        CalendarSpec spec = make_spec(d("9999-01-01"), 7);
        spec.workdays.fill(true);
        spec.holidays = {nth_weekday(12, Weekday::sat, 5),  // December 9999: Saturdays 4 ... 25
                         nth_weekday(12, Weekday::fri, 5),  // ... and Fridays 3 ... 31
                         every_year(4, 31)};                // no year has it
        const Calendar calendar(spec, d("9999-12-31"));
        CHECK(calendar.status(d("9999-12-25")) == DayStatus::working);
        CHECK(calendar.status(d("9999-12-31")) == DayStatus::holiday);
        CHECK(calendar.hours_through(d("9999-12-31")) == 364);
        CHECK(calendar.day_ending(364) == d("9999-12-30"));
    }
}

TEST_CASE("time off includes both ends, and a holiday inside it is counted once") {
    CalendarSpec spec = make_spec(d("2027-01-04"), 10);  // 2 h a weekday
    spec.time_off = {{d("2027-07-19"), d("2027-07-30")},  // Monday to Friday, two weeks
                     {d("2027-11-22"), d("2027-11-26")}}; // Thanksgiving week
    spec.holidays = {nth_weekday(11, Weekday::thu, 4), on_date(d("2027-11-26"))};
    const Calendar calendar(spec, d("2027-12-31"));

    CHECK(calendar.status(d("2027-07-16")) == DayStatus::working);
    CHECK(calendar.status(d("2027-07-19")) == DayStatus::time_off);
    CHECK(calendar.status(d("2027-07-30")) == DayStatus::time_off);
    CHECK(calendar.status(d("2027-07-24")) == DayStatus::not_a_workday);
    CHECK(calendar.status(d("2027-08-02")) == DayStatus::working);
    CHECK(calendar.hours_before(d("2027-08-02")) == calendar.hours_before(d("2027-07-19")));
    CHECK(calendar.day_starting(calendar.hours_through(d("2027-07-16"))) == d("2027-08-02"));

    // Time off wins over the holidays inside it, and each closed day is closed once.
    CHECK(calendar.status(d("2027-11-25")) == DayStatus::time_off);
    CHECK(calendar.status(d("2027-11-26")) == DayStatus::time_off);
    CHECK(calendar.hours_before(d("2027-11-29")) == calendar.hours_before(d("2027-11-22")));
    // 260 weekdays in the year, 10 + 5 of them off.
    CHECK(calendar.hours_through(d("2027-12-31")) == 2 * (260 - 15));
}

TEST_CASE("no workdays, or no hours") {
    CalendarSpec spec = make_spec(d("2027-01-04"), 40);
    spec.workdays.fill(false);
    const Calendar none(spec, d("2030-12-31"));
    CHECK(none.hours_per_working_day() == 0);
    CHECK(none.status(d("2027-01-05")) == DayStatus::not_a_workday);
    CHECK(none.hours_through(d("2030-12-31")) == 0);
    CHECK(none.hours_before(d("2040-01-01")) == 0);
    CHECK(none.day_ending(0) == std::nullopt);  // not even a first working day
    CHECK(none.day_ending(1) == std::nullopt);
    CHECK(none.day_starting(0) == std::nullopt);
    CHECK(none.day_starting(-1) == std::nullopt);

    // Working days with no hours: they exist, but hold nothing.
    const Calendar idle(make_spec(d("2027-01-02"), 0), d("2027-12-31"));
    CHECK(idle.status(d("2027-01-04")) == DayStatus::working);
    CHECK(idle.hours_through(d("2027-12-31")) == 0);
    CHECK(idle.day_ending(0) == d("2027-01-04"));
    CHECK(idle.day_starting(-1) == d("2027-01-04"));
    CHECK(idle.day_starting(0) == std::nullopt);
    CHECK(idle.day_ending(0.5) == std::nullopt);
}

TEST_CASE("a horizon before the start holds nothing") {
    const Calendar calendar(make_spec(d("2027-01-04"), 40), d("2027-01-01"));
    CHECK(calendar.day_ending(0) == std::nullopt);
    CHECK(calendar.day_starting(0) == std::nullopt);
    CHECK(calendar.hours_before(d("2027-01-05")) == 8);  // past the horizon: workdays alone
}

TEST_CASE("malformed specs are rejected") {
    const Date start = d("2027-01-04"), end = d("2027-12-31");
    CHECK_THROWS_AS(Calendar(make_spec(start, -1), end), std::invalid_argument);
    CHECK_THROWS_AS(Calendar(make_spec(start, std::numeric_limits<double>::infinity()), end), std::invalid_argument);
    for (const HolidayRule &bad : {every_year(13, 1), every_year(0, 1), every_year(1, 0), every_year(1, 32),
                                   nth_weekday(1, Weekday::mon, 0), nth_weekday(1, Weekday::mon, 6),
                                   nth_weekday(1, Weekday::mon, -2), nth_weekday(13, Weekday::mon, 1)}) {
        CalendarSpec spec = make_spec(start, 5);
        spec.holidays = {bad};
        CHECK_THROWS_AS(Calendar(spec, end), std::invalid_argument);
    }
    CalendarSpec reversed = make_spec(start, 5);
    reversed.time_off = {{d("2027-02-10"), d("2027-02-01")}};  // empty, not an error
    const Calendar calendar(reversed, end);
    CHECK(calendar.status(d("2027-02-05")) == DayStatus::working);
}

TEST_CASE("a 40-year horizon is crossed by arithmetic") {
    Random r(40);
    for (int instance = 0; instance < 50; ++instance) {
        const Date start = d("2027-01-01").plus_days(r.uniform(0, 6));
        const int weeks = 2087;  // 40 years and a few days
        const int extra = r.uniform(0, 6);
        const Date horizon = start.plus_days(7 * weeks + extra - 1);
        CalendarSpec spec = make_spec(start, instance % 2 ? 7.5 : r.real(1, 50));
        int workdays = 0;
        for (std::size_t i = 0; i < 7; ++i) {
            spec.workdays[i] = instance == 0 || r.chance(0.6);
            workdays += spec.workdays[i] ? 1 : 0;
        }
        CAPTURE(instance);
        const Calendar calendar(spec, horizon);
        // Whole weeks, then the partial week after them.
        long long expected_days = static_cast<long long>(weeks) * workdays;
        for (int i = 0; i < extra; ++i)
            expected_days += spec.workdays[static_cast<std::size_t>((static_cast<int>(start.weekday()) + i) % 7)] ? 1 : 0;
        const double per_day = workdays ? spec.hours_per_week / workdays : 0;
        const double expected = static_cast<double>(expected_days) * per_day;
        CHECK(calendar.hours_through(horizon) == doctest::Approx(expected).epsilon(1e-12));
        CHECK(calendar.hours_before(start.plus_days(7 * weeks)) ==
              doctest::Approx(weeks * workdays * per_day).epsilon(1e-12));
        if (workdays > 0) {
            CHECK(calendar.day_ending(expected) <= horizon);
            CHECK(calendar.day_ending(expected + 1) == std::nullopt);
        }
    }

    // And many queries take next to no time: a walk over 14600 days per query would not.
    CalendarSpec spec = make_spec(d("2027-01-04"), 7.5);
    spec.holidays = {nth_weekday(11, Weekday::thu, 4), nth_weekday(5, Weekday::mon, -1), every_year(12, 25),
                     every_year(1, 1), nth_weekday(9, Weekday::mon, 1)};
    const Calendar calendar(spec, d("2067-01-03"));
    const double total = calendar.hours_through(d("2067-01-03"));
    const auto began = std::chrono::steady_clock::now();
    long found = 0;
    for (int i = 0; i < 20000; ++i) {
        const double h = total * i / 20000.0;
        found += calendar.day_ending(h).has_value() + calendar.day_starting(h).has_value();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    CHECK(found == 40000);
    CHECK(seconds < 2.0);
    MESSAGE("40000 queries on a 40-year calendar in " << seconds << " s");
}
