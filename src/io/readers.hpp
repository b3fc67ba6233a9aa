// careerpath I/O — the readers of request documents, from a parsed Document to the model.
//
// Each takes the Node of its document (or of its part of a larger one: a cohort request holds
// score requests) and names every fault by the JSON Pointer from that document's root.
#pragma once

#include <careerpath/assessment.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/match.hpp>
#include <careerpath/plan_outline.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/scorecard.hpp>

#include "json_reader.hpp"

#include <optional>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace io {

/// The "assessments" array (docs/scoring.md): see assessment.hpp for what is checked.
Result<std::vector<Assessment>> read_assessments(const Curriculum &curriculum, const detail::Node &list,
                                                 std::optional<Date> as_of, const Limits &limits);
/// How a plan request gives its "mentor": an object (a plan request's), or an id that the reader
/// leaves to its caller (a cohort plan request's learner, docs/cohort-planning.md).
enum class MentorField { object, id };
Result<PlanRequest> read_plan_request(const Curriculum &curriculum, const detail::Node &root, const Limits &limits,
                                      MentorField mentor = MentorField::object);
/// A plan request's "mentor" object: id, name, time zone, weekly availability, busy intervals.
Result<void> read_plan_mentor(const detail::Node &mentor, const Limits &limits, Mentor &out);
Result<ScoreRequest> read_score_request(const Curriculum &curriculum, const detail::Node &root, const Limits &limits);
Result<MatchRequest> read_match_request(const Curriculum &curriculum, const detail::Node &root, const Limits &limits);

/// What a plan document is read for: each use reads the members it needs and no others.
enum class PlanUse {
    gantt,     ///< learner, target_role, start, replan_from, path (unit, start, finish, phase, hours_done, late_days), phases, milestones (title, due, delivered, met), changes (added, moved)
    ical,      ///< learner, program, start, time_zone, mentor, as_of, milestones, the sessions with a time
    progress,  ///< path (unit, hours, finish): a score request's "plan"
    replan,    ///< path (unit, start, finish, hours), target_role, target_date, summary (finish, target_met), every session with its window and reasons where it has "sessions": a plan request's "previous"
};
/// The one reader of plan documents (README.md "Exports"). A document that is not a plan, or
/// holds what the use cannot draw, is Status::schema, "not a plan document: ...", with the
/// JSON Pointer of the offending place.
Result<PlanOutline> read_plan_outline(const detail::Node &root, PlanUse use);

}  // namespace io

CAREERPATH_NAMESPACE_END
