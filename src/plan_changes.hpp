// careerpath — what changed against the plan a re-plan replaces (README "Re-planning").
#pragma once

#include <careerpath/calendar.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/plan_request.hpp>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

/// Sets plan.progress_vs_plan and plan.changes (units, sessions and causes) against
/// request.previous, which must be given; `calendar_now` is the calendar the plan was made on.
void compare_with_previous(const Curriculum &c, const PlanRequest &request, const CalendarSpec &calendar_now,
                           Plan &plan);

}  // namespace detail
CAREERPATH_NAMESPACE_END
