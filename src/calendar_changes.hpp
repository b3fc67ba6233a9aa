// What changed in a learner's calendar between two plans, in the words a person would use
// (README "Re-planning"): the hours a week, the workdays, new or withdrawn time off, new or
// withdrawn holidays. A re-plan names these as causes of what moved.
#pragma once

#include <careerpath/calendar.hpp>
#include <careerpath/date.hpp>

#include <string>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

/// The changes from `before` to `now` that touch the days from `first` through `last` (the
/// remaining work's days; the specs' own starts are not used), each one sentence, in this order:
/// hours a week, workdays, time off added (one per range of `now`, in its order), time off
/// withdrawn (one per range of `before`), holidays added, holidays withdrawn. A day counts only
/// where it is a workday in both calendars and its learning hours change (a holiday that falls in
/// time off changes nothing). Empty when nothing changed. Time: one step per day from `first`
/// through `last`, which a plan keeps within its horizon.
std::vector<std::string> calendar_changes(const CalendarSpec &before, const CalendarSpec &now, Date first, Date last);

}  // namespace detail
CAREERPATH_NAMESPACE_END
