// careerpath — cohort planning: learners who share mentors planned together, so that no mentor
// is double-booked, with one calendar per mentor (README "Cohort planning",
// docs/cohort-planning.md). Each learner's path, phases and summary are what a single plan gives;
// the sessions of all the learners of a mentor are placed jointly.
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

/// A mentor of a cohort: a plan request's mentor, and how many session hours a week they give.
struct CohortMentor {
    Mentor mentor;  ///< id, name, zone, weekly availability (never empty) and busy intervals
    /// The most session hours a week the mentor gives the cohort, a week being Monday 00:00 to
    /// Monday 00:00 in the mentor's zone and a session counting in the week it starts; none: no
    /// limit but the availability.
    std::optional<double> max_hours_per_week;
};

/// A cohort plan request (`{"mentors": [...], "learners": [...]}`).
struct CohortPlanRequest {
    std::vector<CohortMentor> mentors;  ///< in the order written; ids distinct
    /// The learners' plan requests, in the order written; learner ids distinct. A learner's
    /// `mentor` holds the id, name and zone of their mentor, not the availability and busy
    /// intervals, which are the cohort mentor's (mentors[mentor_of[i]]); none without a mentor.
    std::vector<PlanRequest> learners;
    std::vector<std::optional<std::size_t>> mentor_of;  ///< per learner: index into `mentors`
};

/// The plans of a cohort, and each mentor's calendar.
struct CohortPlan {
    /// Per learner, in the request's order: the plan careerpath_plan makes for the learner's
    /// request with their mentor in it, but for the sessions (placed jointly), the warnings
    /// about them and, in a re-plan, the changes to them.
    std::vector<Plan> plans;

    /// A session of one of the mentor's learners: plans[learner].sessions[session].
    struct Booking {
        std::size_t learner = 0;
        std::size_t session = 0;
    };
    struct MentorCalendar {
        std::vector<std::size_t> learners;  ///< indexes into the request's learners, in its order
        std::vector<Booking> sessions;      ///< placed and moved (and a re-plan's held history), by start, then learner
        std::size_t dropped = 0;            ///< the occurrences of its learners dropped (history aside)
    };
    std::vector<MentorCalendar> mentors;  ///< per mentor, in the request's order
};

struct CohortPlanOptions {
    /// Threads that plan the learning paths, and then the mentors' sessions; 0: one per core.
    unsigned threads = 0;
};

/// Reads a cohort plan request: mentors (each a plan request's mentor object, with an optional
/// `max_hours_per_week`, 0 to 168) and learners (each a plan request whose `mentor`, if any, is
/// the id of one of the mentors). Each fault with its status and JSON Pointer: a mentor with no
/// availability, negative weekly hours, a mentor or learner id given twice (Status::schema), a
/// learner naming no mentor of the cohort (Status::reference), more mentors or learners than
/// the limits allow (Status::limit); a learner's request as read_plan_request says, under
/// /learners/K.
Result<CohortPlanRequest> read_cohort_plan_request(const Curriculum &curriculum, std::string_view request_json,
                                                   const Limits &limits = {});

/// Plans the cohort: every learner's path as make_plan makes it (on `options.threads` threads),
/// then the sessions of each mentor's learners together (detail: docs/cohort-planning.md), so
/// that no mentor and no learner is in two sessions at once and no mentor exceeds their weekly
/// hours. A learner whose plan fails fails the cohort with that error, its pointer under
/// /learners/K (the first such learner in the request's order); more session occurrences in all
/// than limits.max_cohort_sessions is Status::limit at /learners.
Result<CohortPlan> make_cohort_plan(const Curriculum &curriculum, const CohortPlanRequest &request,
                                    const CohortPlanOptions &options = {}, const Limits &limits = {});

/// A request read from JSON text and the plan made for it: what the C ABI, the command line and
/// the Python binding call.
struct PlannedCohort {
    CohortPlanRequest request;
    CohortPlan plan;
};
Result<PlannedCohort> cohort_plan_from_json(const Curriculum &curriculum, std::string_view request_json,
                                            const CohortPlanOptions &options = {}, const Limits &limits = {});

/// The cohort's plan as compact JSON text: `{"mentors": [...], "plans": [...]}`, each plan as
/// plan_to_json_text writes it (what careerpath_plan_cohort returns).
Result<std::string> cohort_plan_json_text(const Curriculum &curriculum, std::string_view request_json,
                                          const Limits &limits = {});
std::string cohort_plan_to_json_text(const Curriculum &curriculum, const CohortPlanRequest &request,
                                     const CohortPlan &plan);

/// A readable report: the learners' placed and dropped sessions, then each mentor's calendar
/// week by week in the mentor's zone; only the mentor `mentor` (an index) and their learners
/// where given.
std::string cohort_plan_to_text(const Curriculum &curriculum, const CohortPlanRequest &request, const CohortPlan &plan,
                                std::optional<std::size_t> mentor = std::nullopt);

/// One mentor's calendar as an iCalendar (RFC 5545) VCALENDAR, written as export_ical writes a
/// plan's sessions: one VEVENT per session, SUMMARY the session's title with the learner's
/// name, DESCRIPTION the mentor's local start, the learner and the agenda, and the UID and
/// DTSTAMP of the same event in that learner's own calendar, so that both calendars hold one
/// meeting.
Result<std::string> export_mentor_ical(const Curriculum &curriculum, const CohortPlanRequest &request,
                                       const CohortPlan &plan, std::size_t mentor);

CAREERPATH_NAMESPACE_END
