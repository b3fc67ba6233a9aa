// careerpath — a plan in two steps, so that a cohort can place its learners' sessions together
// between them (cohort_plan.hpp): make_plan is draft_plan, place_sessions, finish_plan.
#pragma once

#include <careerpath/calendar.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/sessions.hpp>
#include <careerpath/version.hpp>

#include <optional>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

/// A plan before its sessions: the gap, the dated path, phases, milestones, advice and the
/// warnings about the path, with the learner's calendar the sessions are placed on.
struct PlanDraft {
    Plan plan;
    Calendar calendar;
    /// The last day of the sessions' windows (the later of the finish and the target date);
    /// none where the plan has no sessions (no program, or "omit": ["sessions"]).
    std::optional<Date> sessions_until;
};

/// make_plan's steps before the sessions, with its errors.
Result<PlanDraft> draft_plan(const Curriculum &curriculum, const PlanRequest &request, const Limits &limits = {});

/// make_plan's steps after them: `sessions` (as place_sessions lists them; ignored where the
/// draft has no sessions_until) with their agendas and warnings, the warnings in order, what
/// changed against a previous plan, the cost.
Plan finish_plan(const Curriculum &curriculum, const PlanRequest &request, PlanDraft &&draft,
                 std::vector<Session> sessions);

}  // namespace detail
CAREERPATH_NAMESPACE_END
