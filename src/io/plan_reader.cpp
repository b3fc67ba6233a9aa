// The plan reader: a plan document (what careerpath_plan returns) to a PlanOutline, for the Gantt
// chart, the iCalendar file and a score request's progress. Each use reads only the members it
// needs, in the order its checks have always run, so that a document one export accepts is not
// refused for a member only another one reads, and each fault keeps its message and pointer
// (README.md "Exports"). The exports run the checks that relate fields (a finish before its
// start, a session past the calendar, two events with one UID) again on their outline, for
// outlines made by hand; here they name the document's place.
#include "readers.hpp"

#include "plan_document.hpp"
#include "request_reader.hpp"  // read_time: a reason's "time" is read as a request's times are

#include "../date_time.hpp"

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

using detail::json_quoted;
using detail::Node;
using detail::not_a_plan;
using detail::Ok;
using detail::success;

std::string quoted_key(std::string_view key) { return "\"" + std::string(key) + "\""; }

// Absent and null both mean "not given" in a plan document.
bool given(const Node &n) { return n && !n->is_null(); }

// A string member; where not given, `out` keeps what it holds (the caller's default).
Ok string_member(const Node &object, std::string_view key, std::string &out) {
    const Node n = object.member(key);
    if (!given(n)) return success();
    if (!n->is_string()) return not_a_plan(quoted_key(key) + " is not a string", n.pointer());
    out.assign(n->string());
    return success();
}

Ok required_string_member(const Node &object, std::string_view key, std::string &out) {
    const Node n = object.member(key);
    if (!given(n)) return not_a_plan("missing " + quoted_key(key), n.pointer());
    return string_member(object, key, out);
}

Ok date_member(const Node &object, std::string_view key, Date &out) {
    std::string text;
    BOOST_OUTCOME_TRYV(required_string_member(object, key, text));
    const auto date = Date::parse(text);
    if (!date) return not_a_plan(quoted_key(key) + " " + json_quoted(text) + " is not a date", object.member(key).pointer());
    out = *date;
    return success();
}

// An array member (an empty Node where not given and not required).
Ok array_member(const Node &object, std::string_view key, bool required, Node &out) {
    out = object.member(key);
    if (!given(out)) {
        if (required) return not_a_plan("no " + quoted_key(key) + " array", out.pointer());
        out = Node();
        return success();
    }
    if (!out->is_array()) return not_a_plan(quoted_key(key) + " is not an array", out.pointer());
    return success();
}

Ok expect_object(const Node &n) {
    if (!n->is_object()) return not_a_plan("not an object", n.pointer());
    return success();
}

// An integer within [low, high]; a number written with a fraction or an exponent is not one.
Ok integer_member(const Node &object, std::string_view key, std::int64_t low, std::int64_t high, std::int64_t &out) {
    const Node n = object.member(key);
    if (!given(n)) return not_a_plan("missing " + quoted_key(key), n.pointer());
    if (!n->is_number_integer()) return not_a_plan(quoted_key(key) + " is not an integer", n.pointer());
    // An unsigned value past the int64 range must be compared as unsigned, not converted.
    const bool too_big = n->is_number_unsigned() && n->unsigned_integer() > static_cast<std::uint64_t>(high);
    if (too_big || n->integer() < low || n->integer() > high)
        return not_a_plan(quoted_key(key) + " is not between " + std::to_string(low) + " and " + std::to_string(high),
                          n.pointer());
    out = n->integer();
    return success();
}

// A date-time with an offset, as the instant it names, which must be one the iCalendar export can
// write.
Ok instant_member(const Node &object, std::string_view key, std::int64_t &out) {
    std::string text;
    BOOST_OUTCOME_TRYV(required_string_member(object, key, text));
    const auto parsed = parse_offset_date_time(text);
    if (!parsed)
        return not_a_plan(quoted_key(key) + " " + json_quoted(text) + " is not a date-time with an offset",
                          object.member(key).pointer());
    if (!detail::writable_instant(parsed->utc_seconds()))
        return not_a_plan(quoted_key(key) + " " + json_quoted(text) + " is outside 1400-9999 in UTC",
                          object.member(key).pointer());
    out = parsed->utc_seconds();
    return success();
}

// An optional array of strings (units, milestone ids, metric ids).
Ok strings_member(const Node &object, std::string_view key, std::vector<std::string> &out) {
    Node array;
    BOOST_OUTCOME_TRYV(array_member(object, key, false, array));
    for (std::size_t i = 0; array && i < array->size(); ++i) {
        const Node item = array.element(i);
        if (!item->is_string()) return not_a_plan("not a string", item.pointer());
        out.emplace_back(item->string());
    }
    return success();
}

// The hours of a path unit: a number, 0 or more, with the messages the scorecard has always
// given for them ("hours must be at least 0, not -1").
Ok hours_member(const Node &unit, double &out) {
    const Node n = unit.member("hours");
    if (!given(n)) return not_a_plan("missing \"hours\"", n.pointer());
    return read_number(n, "hours", 0, out);
}

Ok read_phases(const Node &phases, PlanOutline &plan) {
    for (std::size_t i = 0; phases && i < phases->size(); ++i) {
        const Node phase = phases.element(i);
        BOOST_OUTCOME_TRYV(expect_object(phase));
        PlanOutline::Phase p;
        BOOST_OUTCOME_TRYV(required_string_member(phase, "id", p.id));
        p.title = p.id;
        BOOST_OUTCOME_TRYV(string_member(phase, "title", p.title));
        plan.phases.push_back(std::move(p));
    }
    return success();
}

// The path: for the chart each unit's dates and phase, for progress its hours and finish.
Ok read_path(const Node &path, io::PlanUse use, PlanOutline &plan) {
    for (std::size_t i = 0; i < path->size(); ++i) {
        const Node unit = path.element(i);
        BOOST_OUTCOME_TRYV(expect_object(unit));
        PlanOutline::Unit u;
        BOOST_OUTCOME_TRYV(required_string_member(unit, "unit", u.unit));
        if (use == io::PlanUse::gantt || use == io::PlanUse::replan) {
            BOOST_OUTCOME_TRYV(date_member(unit, "start", u.start));
            BOOST_OUTCOME_TRYV(date_member(unit, "finish", u.finish));
            if (u.finish < u.start) return detail::finish_before_start(unit.member("finish").pointer());
        }
        if (use == io::PlanUse::gantt) {
            BOOST_OUTCOME_TRYV(string_member(unit, "phase", u.phase));
            if (const Node done = unit.member("hours_done"); given(done)) {
                BOOST_OUTCOME_TRYV(read_number(done, "hours_done", 0, u.hours_done));
            }
            if (given(unit.member("late_days"))) {
                BOOST_OUTCOME_TRYV(integer_member(unit, "late_days", 0, std::numeric_limits<std::int32_t>::max(), u.late_days));
            }
        } else if (use == io::PlanUse::replan) {
            BOOST_OUTCOME_TRYV(hours_member(unit, u.hours));
        } else {
            BOOST_OUTCOME_TRYV(hours_member(unit, u.hours));
            BOOST_OUTCOME_TRYV(date_member(unit, "finish", u.finish));
        }
        plan.path.push_back(std::move(u));
    }
    return success();
}

// The milestones: the chart needs a title and a due date; it and the calendar whether it was
// delivered and met (the chart marks a missed one); the calendar an id (its UID).
Ok read_milestones(const Node &milestones, io::PlanUse use, PlanOutline &plan) {
    for (std::size_t i = 0; milestones && i < milestones->size(); ++i) {
        const Node milestone = milestones.element(i);
        BOOST_OUTCOME_TRYV(expect_object(milestone));
        PlanOutline::Milestone m;
        if (use == io::PlanUse::ical) {
            BOOST_OUTCOME_TRYV(required_string_member(milestone, "id", m.id));
        } else {
            BOOST_OUTCOME_TRYV(string_member(milestone, "id", m.id));
        }
        m.title = m.id;
        BOOST_OUTCOME_TRYV(string_member(milestone, "title", m.title));
        BOOST_OUTCOME_TRYV(date_member(milestone, "due", m.due));
        if (use == io::PlanUse::ical || use == io::PlanUse::gantt) {
            if (given(milestone.member("delivered"))) {
                Date day;
                BOOST_OUTCOME_TRYV(date_member(milestone, "delivered", day));
                m.delivered = day;
            }
            if (const Node met = milestone.member("met"); given(met)) {
                if (!met->is_boolean()) return not_a_plan("\"met\" is not a boolean", met.pointer());
                m.met = met->boolean();
            }
        }
        plan.milestones.push_back(std::move(m));
    }
    return success();
}

// The mentor's name for the calendar: not given is no mentor; an object gives its "name", else
// its "id".
Ok read_mentor(const Node &root, std::string &out) {
    const Node mentor = root.member("mentor");
    if (!given(mentor)) return success();
    if (!mentor->is_object()) return not_a_plan("\"mentor\" is neither null nor an object", mentor.pointer());
    BOOST_OUTCOME_TRYV(string_member(mentor, "id", out));
    return string_member(mentor, "name", out);
}

// Why a moved session moved: the first reason the plan lists, where it has one to tell. Only
// the description quotes it, so a reason of another shape is left out rather than refused.
void read_moved_because(const Node &session, PlanOutline::Session &s) {
    const Node why = session.member("why");
    if (!why || !why->is_array() || why->empty() || !why.element(0)->is_object()) return;
    const Node detail = why.element(0).member("detail");
    if (!detail || !detail->is_string()) return;
    s.moved_because = std::string(detail->string());
    s.closed_slots = why->size();
}

// A held session's local start, for a re-plan to copy: it must name the instant of its
// "start_utc", or the two fields would disagree about when it was, and a whole minute, as the
// model holds a session's wall time.
Ok local_start_member(const Node &session, PlanOutline::Session &s) {
    BOOST_OUTCOME_TRYV(required_string_member(session, "start", s.start));
    const Node start = session.member("start");
    const auto parsed = parse_offset_date_time(s.start);
    if (!parsed)
        return not_a_plan("\"start\" " + json_quoted(s.start) + " is not a date-time with an offset", start.pointer());
    if (parsed->second_of_day % 60 != 0)
        return not_a_plan("\"start\" " + json_quoted(s.start) + " is not on a whole minute", start.pointer());
    if (parsed->utc_seconds() != s.start_utc)
        return not_a_plan("\"start\" " + json_quoted(s.start) + " is not the instant of \"start_utc\"", start.pointer());
    return success();
}

// A session's window and reasons ({"closed_by", "day", "detail", "time"}, in a cohort's plans
// "learner" too, and "why_more"), for a
// re-plan to copy into a history session as the previous plan had it.
Ok read_window_and_reasons(const Node &session, PlanOutline::Session &s) {
    const Node window = session.member("window");
    if (!given(window)) return not_a_plan("missing \"window\"", window.pointer());
    BOOST_OUTCOME_TRYV(expect_object(window));
    BOOST_OUTCOME_TRYV(date_member(window, "first", s.window_first));
    BOOST_OUTCOME_TRYV(date_member(window, "last", s.window_last));
    if (s.window_last < s.window_first)
        return not_a_plan("\"last\" is before \"first\"", window.member("last").pointer());
    Node why;
    BOOST_OUTCOME_TRYV(array_member(session, "why", false, why));
    for (std::size_t i = 0; why && i < why->size(); ++i) {
        const Node reason = why.element(i);
        BOOST_OUTCOME_TRYV(expect_object(reason));
        ClosedSlot slot;
        std::string closed_by;
        BOOST_OUTCOME_TRYV(required_string_member(reason, "closed_by", closed_by));
        const auto closure = slot_closure_named(closed_by);
        if (!closure)
            return not_a_plan("\"closed_by\" " + json_quoted(closed_by) + " is not a way a slot is closed",
                              reason.member("closed_by").pointer());
        slot.closure = *closure;
        BOOST_OUTCOME_TRYV(date_member(reason, "day", slot.day));
        BOOST_OUTCOME_TRYV(string_member(reason, "detail", slot.detail));
        BOOST_OUTCOME_TRYV(string_member(reason, "learner", slot.learner));  // a cohort's mentor_booked
        const Node time = reason.member("time");
        if (!given(time)) return not_a_plan("missing \"time\"", time.pointer());
        if (auto read = detail::read_time(time, "time", false, slot.minute_of_day); !read)
            return not_a_plan(read.error().message, time.pointer());
        s.why.push_back(std::move(slot));
    }
    if (given(session.member("why_more"))) {
        std::int64_t more = 0;
        BOOST_OUTCOME_TRYV(integer_member(session, "why_more", 0, std::numeric_limits<std::int64_t>::max(), more));
        s.why_more = static_cast<std::size_t>(more);
    }
    return success();
}

// A session with a time; a dropped one (no time to put in a calendar) is left out unread, except
// for a re-plan, which reads every session with its window and reasons.
Result<std::optional<PlanOutline::Session>> read_session(const Node &session, io::PlanUse use) {
    BOOST_OUTCOME_TRYV(expect_object(session));
    std::string status;
    BOOST_OUTCOME_TRYV(required_string_member(session, "status", status));
    const bool dropped = status == "dropped";
    if (dropped && use != io::PlanUse::replan) return std::nullopt;
    if (!dropped && status != "placed" && status != "moved")
        return not_a_plan("\"status\" " + json_quoted(status) + " is not placed, moved or dropped",
                          session.member("status").pointer());
    PlanOutline::Session s;
    s.status = dropped ? Session::Status::dropped : status == "placed" ? Session::Status::placed : Session::Status::moved;
    BOOST_OUTCOME_TRYV(required_string_member(session, "type", s.type));
    BOOST_OUTCOME_TRYV(integer_member(session, "occurrence", 1, detail::max_occurrence, s.occurrence));
    s.title = s.type;
    BOOST_OUTCOME_TRYV(string_member(session, "title", s.title));
    if (!dropped) {
        BOOST_OUTCOME_TRYV(instant_member(session, "start_utc", s.start_utc));
    }
    std::int64_t minutes = 0;
    BOOST_OUTCOME_TRYV(integer_member(session, "minutes", 1, detail::max_session_minutes, minutes));
    s.minutes = static_cast<int>(minutes);
    if (!dropped && !detail::ends_in_calendar(s.start_utc, s.minutes))
        return detail::ends_past_calendar(session.member("minutes").pointer());
    if (use != io::PlanUse::replan) {
        BOOST_OUTCOME_TRYV(string_member(session, "start", s.start));
    } else if (!dropped) {
        BOOST_OUTCOME_TRYV(local_start_member(session, s));
    }
    BOOST_OUTCOME_TRYV(strings_member(session, "agenda", s.agenda));
    BOOST_OUTCOME_TRYV(strings_member(session, "milestones", s.milestones));
    BOOST_OUTCOME_TRYV(strings_member(session, "metrics", s.metrics));
    if (use == io::PlanUse::replan) {
        BOOST_OUTCOME_TRYV(read_window_and_reasons(session, s));
    } else {
        read_moved_because(session, s);
    }
    return s;
}

// A re-plan's "changes" as the chart marks them: the units added, and each moved unit's days,
// on the path's units of the same name (a name the path lacks marks nothing).
Ok read_changes_for_chart(const Node &root, PlanOutline &plan) {
    const Node changes = root.member("changes");
    if (!given(changes)) return success();
    BOOST_OUTCOME_TRYV(expect_object(changes));
    std::map<std::string_view, PlanOutline::Unit *> by_name;
    for (PlanOutline::Unit &u : plan.path) by_name.emplace(u.unit, &u);
    auto unit_named = [&](const std::string &name) -> PlanOutline::Unit * {
        const auto it = by_name.find(name);
        return it == by_name.end() ? nullptr : it->second;
    };
    std::vector<std::string> added;
    BOOST_OUTCOME_TRYV(strings_member(changes, "added", added));
    for (const std::string &name : added)
        if (PlanOutline::Unit *u = unit_named(name)) u->added = true;
    Node moved;
    BOOST_OUTCOME_TRYV(array_member(changes, "moved", false, moved));
    constexpr std::int64_t days = 4'000'000;  // more than 1400-01-01 to 9999-12-31
    for (std::size_t i = 0; moved && i < moved->size(); ++i) {
        const Node m = moved.element(i);
        BOOST_OUTCOME_TRYV(expect_object(m));
        std::string name;
        std::int64_t start_days = 0, finish_days = 0;
        BOOST_OUTCOME_TRYV(required_string_member(m, "unit", name));
        BOOST_OUTCOME_TRYV(integer_member(m, "start_days", -days, days, start_days));
        BOOST_OUTCOME_TRYV(integer_member(m, "finish_days", -days, days, finish_days));
        if (PlanOutline::Unit *u = unit_named(name)) {
            u->start_days = static_cast<int>(start_days);
            u->finish_days = static_cast<int>(finish_days);
        }
    }
    return success();
}

// The sessions of a document, each (type, occurrence) once: a repeated one is refused as soon as
// it is read, as the calendar export would refuse its second event.
Ok read_sessions(const Node &sessions, io::PlanUse use, PlanOutline &plan) {
    detail::EventUids uids;
    for (std::size_t i = 0; i < sessions->size(); ++i) {
        const Node session = sessions.element(i);
        BOOST_OUTCOME_TRY(read, read_session(session, use));
        if (!read) continue;
        if (!uids.add_session(read->type, read->occurrence))
            return detail::EventUids::second_session(read->type, read->occurrence,
                                                     session.member("occurrence").pointer());
        plan.sessions.push_back(std::move(*read));
    }
    return success();
}

Result<PlanOutline> read_for_gantt(const Node &root) {
    PlanOutline plan;
    Node path, phases, milestones;
    BOOST_OUTCOME_TRYV(array_member(root, "path", true, path));
    BOOST_OUTCOME_TRYV(array_member(root, "phases", false, phases));
    BOOST_OUTCOME_TRYV(array_member(root, "milestones", false, milestones));
    BOOST_OUTCOME_TRYV(string_member(root, "learner", plan.learner));
    BOOST_OUTCOME_TRYV(string_member(root, "learner_name", plan.learner_name));
    BOOST_OUTCOME_TRYV(string_member(root, "target_role", plan.target_role));
    BOOST_OUTCOME_TRYV(read_phases(phases, plan));
    BOOST_OUTCOME_TRYV(read_path(path, io::PlanUse::gantt, plan));
    BOOST_OUTCOME_TRYV(read_milestones(milestones, io::PlanUse::gantt, plan));
    // A re-plan's first day, marked where it is after the start (a first plan's equals it).
    if (given(root.member("replan_from"))) {
        Date replan_from, start;
        BOOST_OUTCOME_TRYV(date_member(root, "replan_from", replan_from));
        BOOST_OUTCOME_TRYV(date_member(root, "start", start));
        if (replan_from != start) plan.replan_from = replan_from;
    }
    BOOST_OUTCOME_TRYV(read_changes_for_chart(root, plan));
    return plan;
}

Result<PlanOutline> read_for_ical(const Node &root) {
    PlanOutline plan;
    BOOST_OUTCOME_TRYV(required_string_member(root, "learner", plan.learner));
    BOOST_OUTCOME_TRYV(string_member(root, "learner_name", plan.learner_name));
    BOOST_OUTCOME_TRYV(string_member(root, "program", plan.program));
    BOOST_OUTCOME_TRYV(date_member(root, "start", plan.start));
    BOOST_OUTCOME_TRYV(string_member(root, "time_zone", plan.time_zone));
    BOOST_OUTCOME_TRYV(read_mentor(root, plan.mentor));
    Node sessions, milestones;
    BOOST_OUTCOME_TRYV(array_member(root, "sessions", true, sessions));
    BOOST_OUTCOME_TRYV(array_member(root, "milestones", false, milestones));
    BOOST_OUTCOME_TRYV(read_milestones(milestones, io::PlanUse::ical, plan));
    if (given(root.member("as_of"))) {
        std::int64_t instant = 0;
        BOOST_OUTCOME_TRYV(instant_member(root, "as_of", instant));
        plan.as_of = instant;
    }
    BOOST_OUTCOME_TRYV(read_sessions(sessions, io::PlanUse::ical, plan));
    // A milestone's UID never meets a session's (plan_document.hpp), so they are checked apart.
    detail::EventUids uids;
    for (std::size_t i = 0; i < plan.milestones.size(); ++i)
        if (!uids.add_milestone(plan.milestones[i].id))
            return detail::EventUids::second_milestone(plan.milestones[i].id,
                                                       milestones.element(i).member("id").pointer());
    return plan;
}

Result<PlanOutline> read_for_progress(const Node &root) {
    PlanOutline plan;
    Node path;
    BOOST_OUTCOME_TRYV(array_member(root, "path", true, path));
    BOOST_OUTCOME_TRYV(read_path(path, io::PlanUse::progress, plan));
    return plan;
}

// What a re-plan compares with: the path's units and their days and hours, every session where
// the document has them, the role and target date, and the summary's finish and whether it met
// the target.
Result<PlanOutline> read_for_replan(const Node &root) {
    PlanOutline plan;
    Node path, sessions;
    BOOST_OUTCOME_TRYV(array_member(root, "path", true, path));
    BOOST_OUTCOME_TRYV(read_path(path, io::PlanUse::replan, plan));
    BOOST_OUTCOME_TRYV(array_member(root, "sessions", false, sessions));
    if (sessions) {
        BOOST_OUTCOME_TRYV(read_sessions(sessions, io::PlanUse::replan, plan));
    }
    BOOST_OUTCOME_TRYV(required_string_member(root, "target_role", plan.target_role));
    BOOST_OUTCOME_TRYV(date_member(root, "target_date", plan.target_date));
    const Node summary = root.member("summary");
    if (!given(summary)) return not_a_plan("missing \"summary\"", summary.pointer());
    BOOST_OUTCOME_TRYV(expect_object(summary));
    BOOST_OUTCOME_TRYV(date_member(summary, "finish", plan.finish));
    const Node met = summary.member("target_met");
    if (!given(met)) return not_a_plan("missing \"target_met\"", met.pointer());
    if (!met->is_boolean()) return not_a_plan("\"target_met\" is not a boolean", met.pointer());
    plan.target_met = met->boolean();
    return plan;
}

}  // namespace

Result<PlanOutline> io::read_plan_outline(const Node &root, PlanUse use) {
    if (!root->is_object()) return not_a_plan("the document is not a JSON object", root.pointer());
    switch (use) {
    case PlanUse::gantt: return read_for_gantt(root);
    case PlanUse::ical: return read_for_ical(root);
    case PlanUse::progress: return read_for_progress(root);
    case PlanUse::replan: return read_for_replan(root);
    }
    return not_a_plan("no such use of a plan", root.pointer());
}

CAREERPATH_NAMESPACE_END
