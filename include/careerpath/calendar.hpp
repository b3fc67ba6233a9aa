// careerpath — a learner's calendar: how many hours of learning each day holds. Working days
// share `hours_per_week` equally; holidays and time off hold none. Time is also measured on the
// working-hour axis: hour h is the h-th hour of learning capacity from the calendar's start.
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/version.hpp>

#include <array>
#include <memory>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

/// A holiday: one date, a fixed month/day every year, or the nth weekday of a month every year
/// (nth from 1 to 5, or -1 for the last). A rule naming a day a year lacks (29 February, a fifth
/// Monday) gives no holiday that year.
struct HolidayRule {
    enum class Kind { date, month_day, nth_weekday };
    Kind kind = Kind::date;
    Date date = *Date::from_ymd(2000, 1, 1);  ///< Kind::date
    int month = 1;                            ///< month_day, nth_weekday: 1-12
    int day = 1;                              ///< month_day: 1-31
    Weekday weekday = Weekday::mon;           ///< nth_weekday
    int nth = 1;                              ///< nth_weekday: 1-5, or -1 for the last
};

/// Both ends included.
struct DateRange {
    Date first;
    Date last;
};

struct CalendarSpec {
    Date start;                    ///< hour 0 is the start of this day
    double hours_per_week = 0;     ///< shared equally by the working days of a week
    std::array<bool, 7> workdays{true, true, true, true, true, false, false};  ///< Monday first
    std::vector<HolidayRule> holidays;
    std::vector<DateRange> time_off;
};

namespace detail { struct CalendarData; }

/// Why a day holds no learning hours.
enum class DayStatus { working, before_start, not_a_workday, holiday, time_off };

/// Immutable once built. Every query costs O(log k) for k holidays and time-off ranges, never a
/// walk over the days: a horizon of decades is crossed in whole weeks by arithmetic.
class Calendar {
public:
    /// Expands the holiday rules for every year from the start to `horizon_end` (inclusive);
    /// days after horizon_end count as ordinary working days or not by `workdays` alone.
    /// Holidays and time off on days that are not workdays close nothing (status not_a_workday);
    /// a time-off range with last < first is empty. Throws std::invalid_argument for a negative
    /// or non-finite hours_per_week or a rule field out of range (month, day, nth).
    Calendar(const CalendarSpec &spec, Date horizon_end);

    Date start() const noexcept;
    Date horizon_end() const noexcept;
    /// Hours of a working day: hours_per_week / the number of workdays in a week (0 if none).
    double hours_per_working_day() const noexcept;

    DayStatus status(Date day) const noexcept;
    bool is_working_day(Date day) const noexcept { return status(day) == DayStatus::working; }
    /// The learning hours of `day` (0 before the start).
    double hours_on(Date day) const noexcept;
    /// Learning hours from the start up to the start of `day`: the working-hour coordinate of
    /// the beginning of that day (0 for any day up to the start).
    double hours_before(Date day) const noexcept;
    /// Learning hours from the start through the end of `day`.
    double hours_through(Date day) const noexcept { return hours_before(day.plus_days(1)); }
    /// The working day in which the work up to hour `hour` ends: the first day with
    /// hours_through(day) >= hour, for hour > 0; for hour <= 0, the first working day.
    /// nullopt if the calendar holds fewer than `hour` hours up to horizon_end.
    std::optional<Date> day_ending(double hour) const noexcept;
    /// The working day in which work starting at hour `hour` begins: the first working day
    /// with hours_through(day) > hour. nullopt past horizon_end.
    std::optional<Date> day_starting(double hour) const noexcept;

private:
    std::shared_ptr<const detail::CalendarData> data_;
};

CAREERPATH_NAMESPACE_END
