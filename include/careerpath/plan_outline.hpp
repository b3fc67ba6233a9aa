// careerpath — a plan as its exports draw it (README.md "Exports"): who and what it is for, the
// dated path, the phases, the milestones and the sessions, with names instead of indexes. The
// Gantt chart and the iCalendar file are written from one; it is made either from the model
// (outline_plan) or from a plan document (what careerpath_plan returns), read by the library's
// one plan reader, which the scorecard uses for a score request's "plan" too.
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/sessions.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

/// The fields mirror the plan document's members of the same names (README.md "A plan"). Read
/// from a document, an outline holds what the export it is read for needs and leaves the rest
/// empty; made from the model, it holds everything.
struct PlanOutline {
    struct Unit {
        std::string unit;   ///< "skill@level"
        Date start, finish; ///< first and last day worked on
        std::string phase;  ///< the phase id; empty for none
        double hours = 0;   ///< the unit's effort (a document writes it rounded to a millionth)
        double hours_done = 0;  ///< done before a re-plan's first day: the unit is under way
        /// Against a re-plan's previous plan (the plan's "changes"): new in the path, or moved
        /// by so many calendar days at its start and its finish (later is positive).
        bool added = false;
        int start_days = 0, finish_days = 0;
        /// Calendar days past its due date (the document's "late_days"); 0 on time.
        std::int64_t late_days = 0;
    };
    struct Phase {
        std::string id;
        std::string title;
    };
    struct Milestone {
        std::string id;
        std::string title;
        Date due;
        std::optional<Date> delivered;  ///< none: after the plan's horizon
        std::optional<bool> met;
    };
    struct Session {
        /// Placed or moved: a dropped session has no time, so neither way of making an
        /// outline for the exports keeps one, and the exports skip one put in by hand. Read for
        /// a re-plan, the dropped sessions are there too.
        careerpath::Session::Status status = careerpath::Session::Status::placed;
        std::string type;             ///< the session type id
        std::int64_t occurrence = 0;  ///< from 1 within its type
        std::string title;
        std::string start;            ///< the local start, with its offset, as the plan writes it
        std::int64_t start_utc = 0;   ///< seconds since 1970-01-01T00:00:00Z
        int minutes = 0;
        std::vector<std::string> agenda;      ///< unit names
        std::vector<std::string> milestones;  ///< milestone ids
        std::vector<std::string> metrics;     ///< metric ids
        /// For a moved session: what closed the first slot it lost, and how many slots `why`
        /// lists (the document's first reason's "detail" and the length of its "why").
        std::optional<std::string> moved_because;
        std::size_t closed_slots = 0;
        /// Read for a re-plan only (what its "previous" copies into history sessions): the
        /// window, and the reasons as the document lists them, each slot's `start_utc` left 0
        /// (the document gives the learner's date and wall time).
        Date window_first, window_last;
        std::vector<ClosedSlot> why;
        std::size_t why_more = 0;
    };

    std::string learner;      ///< the learner's id
    std::string learner_name; ///< the learner's name for people; empty: none given
    std::string program;      ///< empty without a program
    std::string target_role;
    Date start;
    std::optional<Date> replan_from;  ///< a re-plan's first day, when it is after the start
    std::string time_zone;    ///< the learner's
    std::optional<std::int64_t> as_of;  ///< the request's as_of, in seconds since 1970 UTC
    std::string mentor;       ///< the mentor's name, else id; empty without a mentor
    std::vector<Unit> path;   ///< in the order worked on
    std::vector<Phase> phases;
    std::vector<Milestone> milestones;
    std::vector<Session> sessions;  ///< those with a time, in the plan's order (read for a re-plan: all)
    /// What a re-plan compares with (its "previous"), with the sessions' windows and reasons: the
    /// target date and the summary's finish and target_met. Not read for the exports.
    Date target_date;
    Date finish;
    bool target_met = true;
};

/// The outline of a plan made for `request`: what the plan reader makes of
/// plan_to_json_text(curriculum, request, plan), without writing or reading JSON. The parts the
/// request leaves out of the document ("omit") are left out here too: the sessions' agendas and
/// reasons, and the sessions, of which the outline then has none (where the iCalendar reader
/// refuses a document without "sessions": it cannot tell that there are none).
PlanOutline outline_plan(const Curriculum &curriculum, const PlanRequest &request, const Plan &plan);

CAREERPATH_NAMESPACE_END
