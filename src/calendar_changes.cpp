// What changed in a learner's calendar between two plans (README "Re-planning").
#include "calendar_changes.hpp"

#include "rounding.hpp"

#include <cstddef>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {
namespace {

// The days of a range, or a list of dates, in as few words as they allow.
std::string days(std::size_t n) { return std::to_string(n) + (n == 1 ? " working day" : " working days"); }

std::string range_text(const DateRange &r) {
    return r.first == r.last ? r.first.iso() : r.first.iso() + " to " + r.last.iso();
}

// At most five dates, then how many more: a person reads the first few, a tool has the plan.
std::string date_list(const std::vector<Date> &dates) {
    constexpr std::size_t shown = 5;
    std::string out;
    for (std::size_t i = 0; i < dates.size() && i < shown; ++i) out += (i ? ", " : "") + dates[i].iso();
    if (dates.size() > shown) out += " and " + std::to_string(dates.size() - shown) + " more";
    return out;
}

std::string workday_list(const std::array<bool, 7> &workdays) {
    std::string out;
    for (std::size_t d = 0; d < workdays.size(); ++d)
        if (workdays[d]) out += (out.empty() ? "" : ", ") + std::string(to_string(static_cast<Weekday>(d)));
    return out.empty() ? "none" : out;
}

// The first range holding the day: the one a person would name for it.
std::size_t range_of(const std::vector<DateRange> &ranges, Date day) {
    for (std::size_t i = 0; i < ranges.size(); ++i)
        if (ranges[i].first <= day && day <= ranges[i].last) return i;
    return ranges.size();
}

}  // namespace

std::vector<std::string> calendar_changes(const CalendarSpec &before, const CalendarSpec &now, Date first, Date last) {
    std::vector<std::string> out;
    if (rounded(before.hours_per_week) != rounded(now.hours_per_week))
        out.push_back("hours a week changed from " + format_hours(before.hours_per_week) + " to " +
                      format_hours(now.hours_per_week));
    if (before.workdays != now.workdays)
        out.push_back("workdays changed from " + workday_list(before.workdays) + " to " + workday_list(now.workdays));
    if (last < first) return out;

    // Both calendars from the same first day, so that their days compare one to one.
    CalendarSpec b = before, n = now;
    b.start = n.start = first;
    const Calendar was(b, last), is(n, last);
    std::vector<std::size_t> closed_in(now.time_off.size(), 0), opened_in(before.time_off.size(), 0);
    std::vector<Date> new_holidays, old_holidays;
    for (Date day = first; day <= last; day = day.plus_days(1)) {
        const DayStatus then = was.status(day), today = is.status(day);
        if (then == today || then == DayStatus::not_a_workday || today == DayStatus::not_a_workday) continue;
        if (then == DayStatus::working) {  // closed now
            if (today == DayStatus::time_off) {
                if (const std::size_t r = range_of(now.time_off, day); r < closed_in.size()) ++closed_in[r];
            } else if (today == DayStatus::holiday) {
                new_holidays.push_back(day);
            }
        } else if (today == DayStatus::working) {  // open again
            if (then == DayStatus::time_off) {
                if (const std::size_t r = range_of(before.time_off, day); r < opened_in.size()) ++opened_in[r];
            } else if (then == DayStatus::holiday) {
                old_holidays.push_back(day);
            }
        }
        if (day == last) break;  // 9999-12-31 has no next day
    }
    for (std::size_t r = 0; r < closed_in.size(); ++r)
        if (closed_in[r]) out.push_back("new time off " + range_text(now.time_off[r]) + " (" + days(closed_in[r]) + ")");
    for (std::size_t r = 0; r < opened_in.size(); ++r)
        if (opened_in[r])
            out.push_back("time off " + range_text(before.time_off[r]) + " no longer taken (" + days(opened_in[r]) +
                          " back)");
    if (!new_holidays.empty())
        out.push_back(std::string(new_holidays.size() == 1 ? "a new holiday: " : "new holidays: ") + date_list(new_holidays));
    if (!old_holidays.empty())
        out.push_back(std::string(old_holidays.size() == 1 ? "no longer a holiday: " : "no longer holidays: ") +
                      date_list(old_holidays));
    return out;
}

}  // namespace detail
CAREERPATH_NAMESPACE_END
