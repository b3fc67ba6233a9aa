// careerpath — a plan request: the learner, the program and target, the start and target dates,
// the holidays, and the mentor (README.md, "A plan"; docs/reference.md, "Plan request"), validated
// against a curriculum.
#pragma once

#include <careerpath/assessment.hpp>
#include <careerpath/calendar.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/graph.hpp>
#include <careerpath/levels.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/sessions.hpp>
#include <careerpath/time_zone.hpp>
#include <careerpath/version.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

/// A weekly time: a weekday and minutes after midnight, in the owner's time zone.
struct WeeklySlot {
    Weekday weekday = Weekday::mon;
    int minute = 0;
};

/// A weekly window [from, to) in minutes after midnight.
struct WeeklyWindow {
    Weekday weekday = Weekday::mon;
    int from_minute = 0;
    int to_minute = 0;
};

struct Learner {
    std::string id;
    std::string name;
    /// The learner's zone, resolved once by read_plan_request (an unknown name is an error there,
    /// never a silent UTC); UTC where the request names none (docs/sessions.md). Its name() is
    /// the IANA name or POSIX TZ string as written. Session placement and the plan's writer use
    /// this one resolution.
    TimeZone zone;
    std::vector<Level> current;       ///< per skill of the curriculum; 0 where not given
    double hours_per_week = 0;
    std::array<bool, 7> workdays{true, true, true, true, true, false, false};  ///< Monday first
    std::vector<WeeklySlot> session_slots;
    std::vector<DateRange> time_off;
};

/// An interval [start, end) between two instants, in seconds since 1970-01-01T00:00Z.
struct BusyInterval {
    std::int64_t start_utc = 0;
    std::int64_t end_utc = 0;
};

struct Mentor {
    std::string id;
    std::string name;
    TimeZone zone;                        ///< as for Learner::zone
    std::vector<WeeklyWindow> available;  ///< in the mentor's zone
    std::vector<BusyInterval> busy;       ///< in the order written
};

/// The optional parts of a plan document, which a request may leave out ("omit", README "Plan
/// request"): a nightly batch that stores only paths and summaries need not pay for the sessions.
/// A part left out is absent from the document, not empty, so that no reader takes it for none.
enum class PlanPart : unsigned {
    gaps = 1u << 0,            ///< "gaps"
    path_requires = 1u << 1,   ///< each path unit's "requires"
    phase_units = 1u << 2,     ///< each phase's "units"
    ready = 1u << 3,           ///< "ready"
    sessions = 1u << 4,        ///< "sessions": not even placed, so no session warnings either
    session_agenda = 1u << 5,  ///< each session's "agenda" (and "metrics" and "milestones")
    session_why = 1u << 6,     ///< each session's "why" and "why_more"
    warnings = 1u << 7,        ///< "warnings"
};

/// The request names of the parts, in PlanPart's order: "gaps", "path.requires", ...
const char *to_string(PlanPart part) noexcept;

/// Which parts a plan document holds: all of them unless the request leaves some out.
struct PlanParts {
    unsigned omitted = 0;
    bool wants(PlanPart part) const noexcept { return (omitted & static_cast<unsigned>(part)) == 0; }
    void omit(PlanPart part) noexcept { omitted |= static_cast<unsigned>(part); }
};

/// Work already done on one unit (request "progress", README "Re-planning").
struct UnitProgress {
    UnitIndex unit = 0;
    /// Done on this day, on or before the first day of the remaining work: the unit is held, as
    /// if `current` had reached it.
    std::optional<Date> done_on;
    /// Hours spent on it so far: the unit keeps its hours less these; as many as its hours or
    /// more and it is done.
    double hours_done = 0;
};

/// The plan a re-plan replaces (request "previous": a plan document as careerpath_plan returned
/// it), as much of it as re-planning compares with.
struct PreviousPlan {
    struct Unit {
        UnitIndex unit = 0;
        Date start, finish;
        double hours = 0;
    };
    std::vector<Unit> path;   ///< in the order it was worked on
    /// Its sessions as it listed them, each as the plan held it: type and metrics resolved in
    /// this curriculum, the agenda's units too, milestones by id (Session::milestone_ids), the
    /// reasons with what the document gives. None where the document has no "sessions" (a plan
    /// made with "omit": ["sessions"]): then nothing is history and no session is compared.
    std::optional<std::vector<Session>> sessions;
    std::size_t target_role = 0;
    Date target_date;
    Date finish;              ///< its summary's
    bool target_met = true;
    /// The learner's calendar it was made on (the plan's "calendar"; its start unused): none for
    /// a plan written before plans carried it.
    std::optional<CalendarSpec> calendar;
};

/// How a program's phases hold their units (request "phases", README "Advice"): `hard`, a unit
/// is released at its phase's start; `guide`, a unit may start before its phase when the learner
/// has free capacity. Either way the phase's end is its units' due date.
enum class PhaseMode { hard, guide };

struct PlanRequest {
    /// What the plan document holds (request "omit"); every part by default.
    PlanParts parts;
    PhaseMode phases = PhaseMode::hard;
    Learner learner;
    std::optional<std::size_t> program;
    std::size_t target_role = 0;
    Date start = *Date::from_ymd(2000, 1, 1);
    Date target_date = *Date::from_ymd(2000, 1, 1);
    std::vector<HolidayRule> holidays;
    std::optional<Mentor> mentor;
    /// When the request was made (ISO 8601 with an offset), as written; the iCalendar DTSTAMP.
    std::optional<std::string> as_of;
    /// In date order. The latest estimate of each skill they rate has replaced that skill's
    /// level in `learner.current` (its achieved level, docs/scoring.md "Rules").
    std::vector<Assessment> assessments;
    /// The first day of the remaining work (request "replan_from"), on or after `start`; none
    /// means `start`. The calendar, the working-hour axis and `ready` begin there, while phase
    /// windows, release and due dates, session windows and occurrence numbers stay anchored to
    /// `start`; no session is placed before it, and the previous plan's sessions before it are
    /// history (place_sessions).
    std::optional<Date> replan_from;
    /// Work done so far, each unit once, in the order written (request "progress").
    std::vector<UnitProgress> progress;
    /// The plan this one replaces: its order breaks ties among equally urgent units, its sessions
    /// before the first day are history, and the plan says what changed against it
    /// (Plan::changes).
    std::optional<PreviousPlan> previous;

    /// replan_from, or the start where the request gives none.
    Date first_day() const noexcept { return replan_from.value_or(start); }
};

/// Reads and validates a plan request against `curriculum`: unknown program, role or skill is
/// Status::reference; a level off the scale, an impossible date (2027-02-30), an unknown time
/// zone or a value of the wrong type is Status::schema; each with the JSON Pointer of the field.
/// More session slots, availability windows or busy intervals than `limits` allow is
/// Status::limit. Assessments are read as read_assessments says (none may be dated after the
/// day of `as_of`).
Result<PlanRequest> read_plan_request(const Curriculum &curriculum, std::string_view request_json, const Limits &limits = {});

CAREERPATH_NAMESPACE_END
