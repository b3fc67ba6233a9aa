// A learner's calendar and its working-hour axis (README "A plan"). Nothing here walks over
// days: the working days in any span are counted in whole weeks plus a partial week, the days
// that holidays and time off close are prefix sums over a sorted list of disjoint closed
// intervals, so hours_before costs one binary search (O(log k)). day_ending and day_starting go
// the other way with one binary search too: an hour is a count of open working days, and the
// day of the k-th open working day lies after the last closure with fewer than k before it, a
// whole number of weeks and part of one further on.
#include <careerpath/calendar.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

// A run of days closed for one reason, both ends included, lying within [start, horizon_end].
struct Closure {
    std::int32_t first = 0;
    std::int32_t last = 0;
    DayStatus why = DayStatus::holiday;  // holiday or time_off
};

struct CalendarData {
    std::int32_t start = 0;
    std::int32_t horizon_end = 0;
    std::array<bool, 7> workdays{};
    std::int64_t workdays_per_week = 0;
    // working_upto[i]: the working weekdays among the i days from a Monday (i = 0..14), so that a
    // partial week starting on any weekday w with r < 7 days counts working_upto[w+r]-working_upto[w].
    std::array<std::int64_t, 15> working_upto{};
    double hours_per_working_day = 0;
    std::vector<Closure> closures;  // sorted by first, disjoint, each closing at least one working day
    // closed_before[i]: the working days closed by closures[0..i); one more entry than closures.
    std::vector<std::int64_t> closed_before{0};
    // open_before[i]: the open working days in [start, closures[i].first), ascending.
    std::vector<std::int64_t> open_before;
    std::int64_t open_days = 0;  // the open working days in [start, horizon_end]
};

}  // namespace detail

namespace {

using detail::CalendarData;
using detail::Closure;
namespace greg = boost::gregorian;

// Hours are (a whole number of working days) x hours_per_working_day, so two ways of reaching the
// same day give the same double; the tolerance absorbs the caller's side, whose hour counts are
// sums of unit hours (0.1 + 0.2 != 0.3): work that ends within 1e-9 h of a day's end ends on that
// day and the next work starts on the next working day. Axis values stay below ~10^7 hours
// (hours_per_week <= 168 over 8600 years at most), where a double's spacing is ~10^-9 or finer.
constexpr double tolerance = 1e-9;

int weekday_of(std::int32_t day_number) { return ((day_number % 7) + 7) % 7; }  // Julian day 0: Monday

// The working weekdays in the days [from, to), from <= to, by whole weeks plus a partial week.
std::int64_t weekdays_between(const CalendarData &d, std::int32_t from, std::int32_t to) {
    const std::int64_t span = static_cast<std::int64_t>(to) - from;
    const int w = weekday_of(from);
    const auto rest = static_cast<int>(span % 7);
    return (span / 7) * d.workdays_per_week + d.working_upto[static_cast<std::size_t>(w + rest)] -
           d.working_upto[static_cast<std::size_t>(w)];
}

// The working days (open ones only) in [start, day).
std::int64_t open_days_before(const CalendarData &d, std::int32_t day) {
    if (day <= d.start) return 0;
    const std::int64_t all = weekdays_between(d, d.start, day);
    // Closures starting before `day`: all of them count, except the part of the last one that
    // reaches `day` or beyond.
    const auto after = std::partition_point(d.closures.begin(), d.closures.end(),
                                            [&](const Closure &c) { return c.first < day; });
    const auto i = static_cast<std::size_t>(after - d.closures.begin());
    std::int64_t closed = d.closed_before[i];
    if (i > 0 && d.closures[i - 1].last >= day) closed -= weekdays_between(d, day, d.closures[i - 1].last + 1);
    return all - closed;
}

double hours_for(const CalendarData &d, std::int64_t working_days) {
    return static_cast<double>(working_days) * d.hours_per_working_day;
}

// The day of the k-th open working day from the start (k >= 1), or nullopt past horizon_end.
// Closures before it hold no open day, so it is the (k - open)-th working weekday after the last
// closure with open < k open days before it: whole weeks, then at most one more.
std::optional<Date> open_day(const CalendarData &d, std::int64_t k) {
    if (k < 1 || k > d.open_days) return std::nullopt;
    const auto after = std::partition_point(d.open_before.begin(), d.open_before.end(),
                                            [&](std::int64_t open) { return open < k; });
    std::int64_t from = d.start, left = k;
    if (after != d.open_before.begin()) {
        const auto i = static_cast<std::size_t>(after - d.open_before.begin()) - 1;
        from = static_cast<std::int64_t>(d.closures[i].last) + 1;
        left -= d.open_before[i];
    }
    // Open days fit 32 bits (a horizon ends by 9999-12-31), where division is the faster one.
    const std::int64_t weeks = static_cast<std::uint32_t>(left - 1) / static_cast<std::uint32_t>(d.workdays_per_week);
    from += weeks * 7;
    left -= weeks * d.workdays_per_week;  // 1 .. workdays_per_week
    const auto w = static_cast<std::size_t>(weekday_of(static_cast<std::int32_t>(from)));
    std::size_t r = 0;
    while (d.working_upto[w + r + 1] - d.working_upto[w] < left) ++r;
    return Date::from_day_number(static_cast<std::int32_t>(from + static_cast<std::int64_t>(r)));
}

// The fewest open working days whose hours are `enough` (false for fewer days, true from some
// count on), searched from the estimate `near` by the very comparison `enough` makes, so that
// rounding in the estimate cannot move the answer; 0 when not even every open day is enough.
template <class Enough>
std::int64_t fewest_days(const CalendarData &d, double near, Enough enough) {
    // NaN and anything below 1 start at 1; anything past the open days starts just past them.
    std::int64_t k = 1;
    if (near > static_cast<double>(d.open_days)) k = d.open_days + 1;
    else if (near > 1) k = static_cast<std::int64_t>(near);
    while (k > 1 && enough(hours_for(d, k - 1))) --k;
    while (k <= d.open_days && !enough(hours_for(d, k))) ++k;
    return k <= d.open_days ? k : 0;
}

// Boost.Date_Time numbers weekdays from Sunday; ours start on Monday.
greg::greg_weekday boost_weekday(Weekday day) {
    return greg::greg_weekday(static_cast<unsigned short>((static_cast<int>(day) + 1) % 7));
}

void check_rule(const HolidayRule &rule) {
    if (rule.kind == HolidayRule::Kind::date) return;
    if (rule.month < 1 || rule.month > 12)
        throw std::invalid_argument("holiday rule month " + std::to_string(rule.month) + " is not 1-12");
    if (rule.kind == HolidayRule::Kind::month_day && (rule.day < 1 || rule.day > 31))
        throw std::invalid_argument("holiday rule day " + std::to_string(rule.day) + " is not 1-31");
    if (rule.kind == HolidayRule::Kind::nth_weekday && rule.nth != -1 && (rule.nth < 1 || rule.nth > 5))
        throw std::invalid_argument("holiday rule nth " + std::to_string(rule.nth) + " is not 1-5 or -1");
}

// The day a yearly rule names in `year`, by Boost.Date_Time's year-based generators, or nothing
// when that year lacks it (29 February outside leap years, a fifth weekday the month has only
// four of).
std::optional<std::int32_t> expand(const HolidayRule &rule, int year) {
    const auto y = static_cast<unsigned short>(year);
    const auto m = static_cast<unsigned short>(rule.month);
    try {
        if (rule.kind == HolidayRule::Kind::month_day) {
            // partial_date throws for 29 February only; 31 April would throw from the date
            // constructor, so ask the calendar first.
            if (rule.day > greg::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
            const greg::partial_date generator(static_cast<unsigned short>(rule.day), m);
            return static_cast<std::int32_t>(generator.get_date(y).day_number());
        }
        if (rule.nth == -1) {
            const greg::last_day_of_the_week_in_month generator(boost_weekday(rule.weekday), m);
            return static_cast<std::int32_t>(generator.get_date(y).day_number());
        }
        using Nth = greg::nth_day_of_the_week_in_month;
        const Nth generator(static_cast<Nth::week_num>(rule.nth), boost_weekday(rule.weekday), m);
        const greg::date day = generator.get_date(y);
        // Boost falls back a week when the nth weekday would spill into the next month; a day's
        // occurrence number within its month is (day - 1) / 7 + 1, so the fallback shows here.
        if (day.month() != m || (day.day() - 1) / 7 + 1 != rule.nth) return std::nullopt;
        return static_cast<std::int32_t>(day.day_number());
    } catch (const std::exception &) {
        // Only a generated day past 9999-12-31 gets here (a fifth weekday spilling out of
        // December 9999): that year lacks the day.
        return std::nullopt;
    }
}

}  // namespace

Calendar::Calendar(const CalendarSpec &spec, Date horizon_end) {
    if (!std::isfinite(spec.hours_per_week) || spec.hours_per_week < 0)
        throw std::invalid_argument("hours_per_week must be finite and not negative");
    for (const HolidayRule &rule : spec.holidays) check_rule(rule);

    auto d = std::make_shared<CalendarData>();
    d->start = spec.start.day_number();
    d->horizon_end = horizon_end.day_number();
    d->workdays = spec.workdays;
    for (std::size_t i = 0; i < 14; ++i) d->working_upto[i + 1] = d->working_upto[i] + (spec.workdays[i % 7] ? 1 : 0);
    d->workdays_per_week = d->working_upto[7];
    d->hours_per_working_day =
        d->workdays_per_week > 0 ? spec.hours_per_week / static_cast<double>(d->workdays_per_week) : 0.0;

    // Closures matter only within [start, horizon_end]: before the start nothing counts, after
    // the horizon the workdays alone decide.
    const std::int32_t lo = d->start, hi = d->horizon_end;

    // Time off: clipped, sorted, then overlapping or touching ranges merged.
    std::vector<Closure> off;
    for (const DateRange &r : spec.time_off) {
        const std::int32_t first = std::max(r.first.day_number(), lo);
        const std::int32_t last = std::min(r.last.day_number(), hi);
        if (first <= last) off.push_back({first, last, DayStatus::time_off});
    }
    std::sort(off.begin(), off.end(), [](const Closure &a, const Closure &b) { return a.first < b.first; });
    std::vector<Closure> merged;
    for (const Closure &c : off) {
        if (!merged.empty() && static_cast<std::int64_t>(c.first) <= static_cast<std::int64_t>(merged.back().last) + 1)
            merged.back().last = std::max(merged.back().last, c.last);
        else
            merged.push_back(c);
    }
    auto in_time_off = [&](std::int32_t day) {
        const auto it = std::partition_point(merged.begin(), merged.end(),
                                             [&](const Closure &c) { return c.first <= day; });
        return it != merged.begin() && std::prev(it)->last >= day;
    };

    // Holidays: every rule in every year of [start, horizon_end], kept where they would close a
    // working day that time off does not already close (time off wins where both apply).
    std::vector<std::int32_t> holidays;
    if (lo <= hi) {
        const int first_year = spec.start.year(), last_year = horizon_end.year();
        for (const HolidayRule &rule : spec.holidays) {
            if (rule.kind == HolidayRule::Kind::date) {
                holidays.push_back(rule.date.day_number());
                continue;
            }
            for (int year = first_year; year <= last_year; ++year)
                if (auto day = expand(rule, year)) holidays.push_back(*day);
        }
    }
    std::sort(holidays.begin(), holidays.end());
    holidays.erase(std::unique(holidays.begin(), holidays.end()), holidays.end());
    std::erase_if(holidays, [&](std::int32_t day) {
        return day < lo || day > hi || !spec.workdays[static_cast<std::size_t>(weekday_of(day))] || in_time_off(day);
    });

    // One sorted list of disjoint closures (the two kinds are disjoint by now), dropping time off
    // that covers only days off anyway, with prefix sums of the working days they close.
    std::vector<Closure> &all = d->closures;
    all.reserve(merged.size() + holidays.size());
    std::size_t h = 0;
    for (const Closure &c : merged) {
        for (; h < holidays.size() && holidays[h] < c.first; ++h)
            all.push_back({holidays[h], holidays[h], DayStatus::holiday});
        if (weekdays_between(*d, c.first, c.last + 1) > 0) all.push_back(c);
    }
    for (; h < holidays.size(); ++h) all.push_back({holidays[h], holidays[h], DayStatus::holiday});
    d->closed_before.reserve(all.size() + 1);
    for (const Closure &c : all) d->closed_before.push_back(d->closed_before.back() + weekdays_between(*d, c.first, c.last + 1));
    d->open_before.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        d->open_before.push_back(weekdays_between(*d, d->start, all[i].first) - d->closed_before[i]);
    if (lo <= hi) d->open_days = open_days_before(*d, hi + 1);

    data_ = std::move(d);
}

Date Calendar::start() const noexcept { return Date::from_day_number(data_->start); }
Date Calendar::horizon_end() const noexcept { return Date::from_day_number(data_->horizon_end); }
double Calendar::hours_per_working_day() const noexcept { return data_->hours_per_working_day; }

DayStatus Calendar::status(Date day) const noexcept {
    const CalendarData &d = *data_;
    const std::int32_t n = day.day_number();
    if (n < d.start) return DayStatus::before_start;
    // A weekend stays a weekend even if a holiday or time off falls on it: it closes nothing.
    if (!d.workdays[static_cast<std::size_t>(weekday_of(n))]) return DayStatus::not_a_workday;
    const auto it =
        std::partition_point(d.closures.begin(), d.closures.end(), [&](const Closure &c) { return c.first <= n; });
    if (it != d.closures.begin() && std::prev(it)->last >= n) return std::prev(it)->why;
    return DayStatus::working;
}

double Calendar::hours_on(Date day) const noexcept {
    return status(day) == DayStatus::working ? data_->hours_per_working_day : 0.0;
}

double Calendar::hours_before(Date day) const noexcept {
    return hours_for(*data_, open_days_before(*data_, day.day_number()));
}

std::optional<Date> Calendar::day_ending(double hour) const noexcept {
    const CalendarData &d = *data_;
    if (std::isnan(hour)) return std::nullopt;
    // Work of (about) no hours ends where it would start: on the first working day.
    if (!(hour > tolerance)) return open_day(d, 1);
    if (d.hours_per_working_day <= 0) return std::nullopt;
    // The first day whose hours through it reach the hour: the day of the fewest open days that do.
    const double need = hour - tolerance;
    return open_day(d, fewest_days(d, std::ceil(need / d.hours_per_working_day),
                                   [&](double hours) { return hours >= need; }));
}

std::optional<Date> Calendar::day_starting(double hour) const noexcept {
    const CalendarData &d = *data_;
    if (std::isnan(hour)) return std::nullopt;
    if (hour < 0) return open_day(d, 1);
    if (d.hours_per_working_day <= 0) return std::nullopt;
    // The first day whose hours through it pass the hour.
    const double past = hour + tolerance;
    return open_day(d, fewest_days(d, std::floor(past / d.hours_per_working_day) + 1,
                                   [&](double hours) { return hours > past; }));
}

CAREERPATH_NAMESPACE_END
