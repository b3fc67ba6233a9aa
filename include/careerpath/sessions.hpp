// careerpath — mentoring sessions on a real calendar: each session type's occurrences placed on
// the learner's weekly slots, within the mentor's availability in the mentor's own time zone,
// around holidays, time off and busy intervals (docs/sessions.md).
#pragma once

#include <careerpath/calendar.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

// plan_request.hpp includes this header: a request's previous plan holds its sessions.
struct PlanRequest;

/// Why one of the learner's slots could not hold a session. They are checked in the order of
/// docs/sessions.md: the learner's calendar, outside_calendar, the mentor's side, then taken.
enum class SlotClosure {
    not_a_workday,       ///< the learner does not work that weekday
    holiday,
    time_off,
    mentor_unavailable,  ///< the session does not fit inside one of the mentor's availability windows
    mentor_busy,         ///< it overlaps one of the mentor's busy intervals
    taken,               ///< the learner has another session then
    outside_calendar,    ///< in UTC or in the mentor's zone it falls outside 1400-01-01 .. 9999-12-31
    // A cohort's mentors only (cohort_plan.hpp): what the other learners' sessions take.
    mentor_booked,       ///< the mentor has a session with another learner then
    mentor_hours,        ///< the mentor's weekly session hours are booked that week
};
/// "not_a_workday", "holiday", "time_off", "mentor_unavailable", "mentor_busy", "taken",
/// "outside_calendar", "mentor_booked", "mentor_hours".
const char *to_string(SlotClosure closure) noexcept;
/// The SlotClosure that to_string names `name`; none for any other string.
std::optional<SlotClosure> slot_closure_named(std::string_view name) noexcept;

/// A slot of an occurrence's window that did not hold it, and what closed it.
struct ClosedSlot {
    Date day;                  ///< the learner's date
    int minute_of_day = 0;     ///< the slot as the learner wrote it
    /// The slot's instant; for a history session's reasons, which the plan document gives as
    /// dates and wall times only, as the learner's zone of the re-plan reads them.
    std::int64_t start_utc = 0;
    SlotClosure closure = SlotClosure::taken;
    std::string detail;        ///< for people: which time off, which busy interval, which session
    /// mentor_booked: the id of the learner whose session with the mentor took the slot; empty
    /// for the other closures.
    std::string learner;
};

/// How many closed slots a session lists in `why`, the earliest of its window, and how many all
/// the sessions of one plan list together; the others are counted in `why_more`. A dropped
/// session of a year-long window with many weekly slots would otherwise keep one reason per
/// slot, so that a small request could make a plan of gigabytes (docs/limits.md).
inline constexpr std::size_t max_reasons_listed = 100;
inline constexpr std::size_t max_reasons_listed_per_plan = 100'000;

struct Session {
    enum class Status {
        placed,   ///< at the first slot of its window
        moved,    ///< at a later slot, because the earlier ones were closed (see `why`)
        dropped,  ///< no slot of its window could hold it (see `why`)
    };
    std::size_t session_type = 0;  ///< index into Curriculum::session_types()
    std::size_t occurrence = 0;    ///< 0, 1, 2 ... within its type
    Date window_first, window_last;
    Status status = Status::dropped;
    int minutes = 0;
    // Where placed or moved: the start as an instant and in the learner's zone.
    std::int64_t start_utc = 0;
    Date day;                      ///< the learner's local date of the start
    int minute_of_day = 0;         ///< the learner's local wall time of the start
    int offset_minutes = 0;        ///< the learner's UTC offset at the start
    std::vector<ClosedSlot> why;   ///< the window's slots before the one used, or all of them if dropped: the first max_reasons_listed
    std::size_t why_more = 0;      ///< closed slots of the window past those listed in `why`
    /// Each kind that closed a slot of it, listed or not, in order of first appearance (for a
    /// history session, the kinds its `why` lists: the plan document holds no more).
    std::vector<SlotClosure> closed_by;
    /// The learners (ids) whose sessions with the mentor closed a slot of it (mentor_booked),
    /// listed in `why` or not, in order of first appearance; empty outside a cohort.
    std::vector<std::string> booked_by;
    // The agenda, drawn from the plan (see SessionType::Agenda).
    std::vector<UnitIndex> agenda;
    std::vector<std::size_t> milestones;  ///< indexes into Plan::milestones
    std::vector<std::size_t> metrics;     ///< indexes into Curriculum::metrics()
    /// A previous plan's session's milestones (and so a history session's), by id as that plan
    /// wrote them: the re-plan need not have them (a phase done before replan_from has no
    /// milestone now), so `milestones` is empty there. Empty for the sessions a plan places.
    std::vector<std::string> milestone_ids;
    /// Before the re-plan's first day, copied from the previous plan as it was, not placed again
    /// (README "Re-planning"); the plan document writes `"history": true` for these only.
    bool history = false;
};

/// "placed", "moved", "dropped".
const char *to_string(Session::Status status) noexcept;

/// Whether a previous plan's session is history to a re-plan whose remaining work starts on
/// `first_day`: placed or moved on a day (the learner's) before it, or dropped in a window that
/// ends before it (README "Re-planning").
bool is_history(const Session &previous, Date first_day) noexcept;

/// Places the occurrences of the request's program's session types (none without a program) from
/// the plan start to `horizon_end`, by the earliest-deadline-first rule of docs/sessions.md,
/// "Placement": candidate slots are walked in time order and each goes to the unplaced occurrence
/// whose window contains it, that fits, and whose window ends first (ties: the shorter interval,
/// then the order of the program's `sessions`, then the earlier occurrence). A slot fits an
/// occurrence on a working day of `calendar` (no holiday, no time off) when the session, from the
/// slot to its length later, lies inside one of the mentor's availability windows (merged where
/// they touch) and outside every busy interval, and overlaps no session of the learner already
/// placed. Without a mentor only the learner's side applies. A slot's wall time is read in the
/// learner's zone (RFC 5545 for times a daylight-saving change skips or repeats); a slot's date is
/// the learner's. For sessions of one length the rule places as many occurrences as any placement
/// can, provided no session crosses the learner's midnight.
///
/// Windows and occurrence numbers stay anchored to the start; a re-plan places nothing before its
/// first day (PlanRequest::first_day). With a previous plan that has sessions, its occurrences
/// placed or moved on a day before the first day, or dropped in a window that ends before it, are
/// history: copied from it, marked `history`, with its agenda and reasons, and not placed again.
/// Other occurrences whose windows end before the first day are neither placed nor listed.
///
/// The result holds every occurrence: placed and moved ones in time order (the history ones,
/// which end before any other starts, first), then the dropped ones by window, type and
/// occurrence, history or not. More than Limits::max_sessions occurrences to place is
/// Status::limit.
Result<std::vector<Session>> place_sessions(const Curriculum &curriculum, const PlanRequest &request,
                                            const Calendar &calendar, Date horizon_end, const Limits &limits = {});

CAREERPATH_NAMESPACE_END
