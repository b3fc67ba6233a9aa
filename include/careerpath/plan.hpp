// careerpath — a learning plan: the gap, the dated path, phases and milestones, warnings and a
// summary, computed from a curriculum and a plan request (README.md, "A plan"; docs/reference.md,
// "Plan").
#pragma once

#include <careerpath/advice.hpp>
#include <careerpath/calendar.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/gap.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/plan_cost.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/program_fit.hpp>
#include <careerpath/scorecard.hpp>
#include <careerpath/sessions.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

struct PlannedUnit {
    UnitIndex unit = 0;
    double hours = 0;                  ///< the hours left to learn: the unit's, less hours_done
    double hours_done = 0;             ///< done before the plan's first day (request "progress")
    Date start, finish;                ///< first and last day worked on
    Date release, due;                 ///< the unit's own window (its phase's, else start to target date)
    std::optional<std::size_t> phase;  ///< index into the program's phases
    double start_hour = 0, finish_hour = 0, release_hour = 0, due_hour = 0;  ///< on the working-hour axis
    double lateness_hours = 0;         ///< finish_hour - due_hour; negative is slack
    int late_days = 0;                 ///< calendar days past due, 0 if on time
    std::vector<UnitIndex> requires_units;  ///< its direct prerequisites that are in the path
};

struct PlannedPhase {
    std::size_t phase = 0;  ///< index into the program's phases
    Date first, last;       ///< the window, both ends included
    std::vector<UnitIndex> units;
    double hours = 0;
    std::optional<Date> delivered;  ///< when its last unit finishes; none without units
    bool on_time = true;
};

struct Milestone {
    std::string id;
    std::string title;
    Date due;
    Date delivered;
    bool met = true;
};

/// One warning per cause, not per item (README.md "Warnings"): the message is one line for
/// people, naming a few of the units or sessions and counting the rest; `units` and `sessions`
/// list them all, for tools. Plan::warnings are ordered by code, then by the first of their
/// dates, then by the ids of the phases they name (a session_dropped one: by its constraint).
struct PlanWarning {
    /// A session occurrence: the same pair as Session's `session_type` and `occurrence`.
    struct Occurrence {
        std::size_t session_type = 0;  ///< index into Curriculum::session_types()
        std::size_t occurrence = 0;    ///< 0, 1, 2 ... within its type
    };
    std::string code;        ///< phase_overrun, released_late, target_missed, session_dropped, no_session_slots
    std::string message;
    std::vector<Date> dates; ///< the dates involved
    std::string constraint;  ///< the binding constraint, in a few words
    /// How many units or occurrences the warning stands for: the size of `units` or of
    /// `sessions`, whichever it lists.
    std::size_t count = 0;
    /// The program's phases it is about, as indexes: phase_overrun the phase; released_late the
    /// units' phase, then the later phase that releases their prerequisites. Empty for the others.
    std::vector<std::size_t> phases;
    /// The units it concerns, in the order worked on: released_late those that wait;
    /// phase_overrun the phase's units that finish after its window; target_missed those that
    /// finish after the target date.
    std::vector<UnitIndex> units;
    /// session_dropped: the occurrences dropped for this cause; no_session_slots: every one.
    std::vector<Occurrence> sessions;
};

struct PlanSummary {
    std::size_t units = 0;
    double hours = 0;
    Date finish;
    double max_lateness_hours = 0;  ///< the objective
    int max_late_days = 0;
    double critical_path_hours = 0;
    Date lower_bound_finish;        ///< no plan on this calendar finishes earlier
    bool target_met = true;
};

/// What changed against the plan a re-plan replaces (request "previous", README "Re-planning").
struct PlanChanges {
    struct Moved {
        UnitIndex unit = 0;
        Date start_before, finish_before;
        int start_days = 0, finish_days = 0;  ///< calendar days later than before (negative: earlier)
    };
    std::vector<UnitIndex> added;    ///< in the path now and not before, by unit id
    std::vector<UnitIndex> removed;  ///< in the path before and not now (done, held, or no longer needed), by unit id
    std::vector<Moved> moved;        ///< in both, starting or finishing on another day, in the path's order
    Date finish_before;
    int finish_days = 0;             ///< the finish, calendar days later than before
    bool target_met_before = true;
    std::vector<std::string> causes; ///< why, in the words a person would use; empty when nothing changed

    /// An occurrence that the re-plan holds otherwise than the previous plan (history ones never).
    struct SessionChange {
        enum class Kind {
            moved,    ///< placed or moved in both, at another start
            dropped,  ///< placed or moved before, dropped now
            placed,   ///< dropped before, placed or moved now
            added,    ///< only in the re-plan (its horizon is longer, or the program has the type now)
            removed,  ///< only in the previous plan
        };
        Kind kind = Kind::moved;
        std::size_t session_type = 0;  ///< index into Curriculum::session_types()
        std::size_t occurrence = 0;    ///< 0, 1, 2 ... within its type
        std::optional<std::size_t> before;  ///< index into PlanRequest::previous->sessions; none when added
        std::optional<std::size_t> now;     ///< index into Plan::sessions; none when removed
        int days = 0;                  ///< moved: the learner's calendar days later (negative: earlier)
    };
    /// By the type's place in the program's sessions (types it does not list last, in the
    /// curriculum's order), then occurrence. Empty where either plan has no sessions to compare
    /// (PreviousPlan::sessions, the request's "omit").
    std::vector<SessionChange> sessions;
};

/// The hours done by the first day of the remaining work against the hours the previous plan
/// had finished by then, and the scorecard's status rule on them (docs/scoring.md, "Rules").
struct ProgressVsPlan {
    Date on;                   ///< the re-plan's first day
    double hours_done = 0;     ///< of units done, and done on units in progress, that the previous path had
    double hours_planned = 0;  ///< of the previous path's units finished before `on`
    Progress::Status status = Progress::Status::on_track;
};

struct Plan {
    GapAnalysis gap;
    std::vector<PlannedUnit> path;  ///< in the order worked on
    std::vector<PlannedPhase> phases;
    std::vector<Milestone> milestones;
    /// Placed and moved in time order, then dropped; a re-plan's history ones too (place_sessions).
    std::vector<Session> sessions;
    std::vector<PlanWarning> warnings;
    PlanSummary summary;
    Advice advice;
    /// The programs toward the request's role, in the curriculum's order (README "Advice").
    std::vector<ProgramFit> program_fit;
    /// With a previous plan (PlanRequest::previous) only.
    std::optional<PlanChanges> changes;
    std::optional<ProgressVsPlan> progress_vs_plan;
    /// What the plan costs (plan_cost.hpp), where the request's program has a price.
    std::optional<PlanCost> cost;
};

/// The plan for one request. Zero learning capacity where hours are needed is
/// Status::infeasible; a plan that would run past the horizon limit (Limits::max_plan_years
/// after the start, or 9999-12-31, the end of the calendar, if that comes first) is
/// Status::limit, as is a program whose months from the start end after 9999-12-31 (both at
/// "/start" near the end of the calendar). Sessions run from the start to the later of the
/// finish and the target date.
Result<Plan> make_plan(const Curriculum &curriculum, const PlanRequest &request, const Limits &limits = {});

/// A request read from JSON text and the plan made for it: what the C ABI, the command line and
/// the Python binding call.
struct PlannedRequest {
    PlanRequest request;
    Plan plan;
};
Result<PlannedRequest> plan_from_json(const Curriculum &curriculum, std::string_view request_json,
                                      const Limits &limits = {});

/// The request's plan as compact JSON text: what careerpath_plan returns and what each good line
/// of careerpath_plan_batch is, one function so that the two cannot differ.
Result<std::string> plan_json_text(const Curriculum &curriculum, std::string_view request_json,
                                   const Limits &limits = {});

/// The plan as the JSON document of docs/reference.md, "Plan", as compact text.
std::string plan_to_json_text(const Curriculum &curriculum, const PlanRequest &request, const Plan &plan);

/// A readable report: gaps, the dated path with activities, phases, milestones, sessions,
/// warnings and the summary in words. Exactly export_text_from_json (export.hpp) of the plan's
/// document with every part in it, whatever the request's "omit".
std::string plan_to_text(const Curriculum &curriculum, const PlanRequest &request, const Plan &plan);

CAREERPATH_NAMESPACE_END
