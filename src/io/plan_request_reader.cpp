// Reading a plan request (docs/reference.md, "Plan request"): every field checked against the
// curriculum, the first offending one reported with its JSON Pointer.
#include <careerpath/plan_request.hpp>
#include <careerpath/assessment.hpp>
#include "../date_time.hpp"
#include <careerpath/time_zone.hpp>

#include "readers.hpp"
#include "json_reader.hpp"
#include "request_reader.hpp"

#include <algorithm>
#include <cctype>

CAREERPATH_NAMESPACE_BEGIN

using detail::missing;
using detail::Node;
using detail::Ok;
using detail::read_array;
using detail::read_date;
using detail::read_id;
using detail::read_int;
using detail::read_number;
using detail::read_optional_string;
using detail::read_time;
using detail::read_time_zone;
using detail::read_weekday;
using detail::schema_error;
using detail::success;

namespace {

Ok read_date_time(const Node &n, std::string_view what, OffsetDateTime &out) {
    std::string text;
    BOOST_OUTCOME_TRYV(read_id(n, what, text));
    const auto parsed = parse_offset_date_time(text);
    if (!parsed)
        return schema_error(n.pointer(), std::string(what) + " \"" + text +
                                           "\" is not a date-time with an offset: write YYYY-MM-DDTHH:MM:SS+HH:MM "
                                           "(or Z for UTC)");
    out = *parsed;
    return success();
}

Ok read_holiday(const Node &n, HolidayRule &rule) {
    if (n->is_string()) {
        rule.kind = HolidayRule::Kind::date;
        return read_date(n, "holiday", rule.date);
    }
    BOOST_OUTCOME_TRYV(n.expect_object("a holiday (a date, {\"month\", \"day\"} or {\"month\", \"weekday\", \"nth\"})"));
    BOOST_OUTCOME_TRYV(read_int(n.member("month"), "month", 1, 12, rule.month));
    const Node day = n.member("day");
    const Node weekday = n.member("weekday");
    if (bool(day) == bool(weekday))
        return schema_error(n.pointer(), "a holiday rule needs exactly one of \"day\" (a fixed date) and \"weekday\" "
                                       "with \"nth\"");
    if (day) {
        rule.kind = HolidayRule::Kind::month_day;
        return read_int(day, "day", 1, 31, rule.day);
    }
    rule.kind = HolidayRule::Kind::nth_weekday;
    BOOST_OUTCOME_TRYV(read_weekday(weekday, rule.weekday));
    const Node nth = n.member("nth");
    BOOST_OUTCOME_TRYV(read_int(nth, "nth", -1, 5, rule.nth));
    if (rule.nth == 0) return schema_error(nth.pointer(), "nth must be 1 to 5, or -1 for the last");
    return success();
}

// The parts of a calendar, read alike from a learner and from the "calendar" a plan carries.
Ok read_hours_per_week(const Node &n, double &hours) {
    BOOST_OUTCOME_TRYV(read_number(n.member("hours_per_week"), "hours_per_week", 0, hours));
    if (hours > 168)
        return schema_error(n.member("hours_per_week").pointer(), "hours_per_week must be at most 168, the hours of a week");
    return success();
}

Ok read_workdays(const Node &n, std::array<bool, 7> &days) {
    Node workdays;
    BOOST_OUTCOME_TRYV(read_array(n, "workdays", workdays));
    if (!workdays) return success();
    days.fill(false);
    for (std::size_t i = 0; i < workdays->size(); ++i) {
        Weekday day = Weekday::mon;
        BOOST_OUTCOME_TRYV(read_weekday(workdays.element(i), day));
        days[static_cast<std::size_t>(day)] = true;
    }
    return success();
}

Ok read_time_off(const Node &n, std::vector<DateRange> &ranges) {
    Node time_off;
    BOOST_OUTCOME_TRYV(read_array(n, "time_off", time_off));
    for (std::size_t i = 0; time_off && i < time_off->size(); ++i) {
        const Node range = time_off.element(i);
        BOOST_OUTCOME_TRYV(range.expect_object("a time-off range"));
        DateRange r{*Date::from_ymd(2000, 1, 1), *Date::from_ymd(2000, 1, 1)};
        BOOST_OUTCOME_TRYV(read_date(range.member("from"), "from", r.first));
        BOOST_OUTCOME_TRYV(read_date(range.member("to"), "to", r.last));
        if (r.last < r.first)
            return schema_error(range.member("to").pointer(), "time off ends (" + r.last.iso() + ") before it starts (" +
                                                                r.first.iso() + ")");
        ranges.push_back(r);
    }
    return success();
}

Ok read_holidays(const Node &parent, std::vector<HolidayRule> &rules) {
    Node holidays;
    BOOST_OUTCOME_TRYV(read_array(parent, "holidays", holidays));
    for (std::size_t i = 0; holidays && i < holidays->size(); ++i) {
        HolidayRule rule;
        BOOST_OUTCOME_TRYV(read_holiday(holidays.element(i), rule));
        rules.push_back(rule);
    }
    return success();
}

Ok read_learner(const Curriculum &c, const Node &n, const Limits &limits, Learner &learner) {
    if (!n) return missing(n, "learner");
    BOOST_OUTCOME_TRYV(n.expect_object("the learner"));
    BOOST_OUTCOME_TRYV(read_id(n.member("id"), "learner id", learner.id));
    learner.name = learner.id;
    BOOST_OUTCOME_TRYV(read_optional_string(n.member("name"), "name", learner.name));
    BOOST_OUTCOME_TRYV(read_time_zone(n.member("time_zone"), learner.zone));

    BOOST_OUTCOME_TRYV(detail::read_current_levels(c, n.member("current"), learner.current));
    BOOST_OUTCOME_TRYV(read_hours_per_week(n, learner.hours_per_week));
    BOOST_OUTCOME_TRYV(read_workdays(n, learner.workdays));
    Node slots;
    BOOST_OUTCOME_TRYV(read_array(n, "session_slots", limits.max_session_slots, "max_session_slots", slots));
    for (std::size_t i = 0; slots && i < slots->size(); ++i) {
        const Node slot = slots.element(i);
        BOOST_OUTCOME_TRYV(slot.expect_object("a session slot"));
        WeeklySlot s;
        BOOST_OUTCOME_TRYV(read_weekday(slot.member("weekday"), s.weekday));
        BOOST_OUTCOME_TRYV(read_time(slot.member("time"), "time", false, s.minute));
        learner.session_slots.push_back(s);
    }
    return read_time_off(n, learner.time_off);
}

constexpr PlanPart all_parts[] = {PlanPart::gaps,          PlanPart::path_requires,  PlanPart::phase_units,
                                   PlanPart::ready,         PlanPart::sessions,       PlanPart::session_agenda,
                                   PlanPart::session_why,   PlanPart::warnings};

// "omit": the names of the parts the plan document leaves out.
Ok read_omitted_parts(const Node &list, PlanParts &out) {
    if (!list) return success();
    BOOST_OUTCOME_TRYV(list.expect_array("\"omit\""));
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Node n = list.element(i);
        std::string name;
        BOOST_OUTCOME_TRYV(read_id(n, "a part to omit", name));
        const auto *part = std::find_if(std::begin(all_parts), std::end(all_parts),
                                        [&](PlanPart p) { return name == to_string(p); });
        if (part == std::end(all_parts)) {
            std::string names;
            for (PlanPart p : all_parts) names += std::string(names.empty() ? "" : ", ") + to_string(p);
            return schema_error(n.pointer(), "\"" + name + "\" is not a part of the plan that can be left out (" + names + ")");
        }
        out.omit(*part);
    }
    return success();
}

// "replan_from" and "progress" (README "Re-planning"): the first day of the remaining work, on or
// after the start, and the work done by then, each unit once.
Ok read_replanning(const Curriculum &c, const Node &root, PlanRequest &request) {
    if (const Node from = root.member("replan_from"); from && !from->is_null()) {
        Date day;
        BOOST_OUTCOME_TRYV(read_date(from, "replan_from", day));
        if (day < request.start)
            return schema_error(from.pointer(), "replan_from " + day.iso() + " is before the start " +
                                                    request.start.iso() + ": the remaining work cannot begin before the plan");
        request.replan_from = day;
    }
    Node list;
    BOOST_OUTCOME_TRYV(read_array(root, "progress", list));
    if (!list) return success();
    const Date first_day = request.first_day();
    std::vector<std::optional<std::size_t>> entry_of(c.graph().unit_count());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Node entry = list.element(i);
        BOOST_OUTCOME_TRYV(entry.expect_object("a progress entry ({\"unit\", \"done_on\"} or {\"unit\", \"hours_done\"})"));
        const Node unit_node = entry.member("unit");
        std::string name;
        BOOST_OUTCOME_TRYV(read_id(unit_node, "unit", name));
        UnitRef unit;
        BOOST_OUTCOME_TRYV(detail::resolve_unit(c, name, unit_node, unit));
        UnitProgress progress;
        progress.unit = c.graph().index_of(unit);
        if (const auto earlier = entry_of[progress.unit])
            return schema_error(unit_node.pointer(), "progress lists unit \"" + name + "\" twice (also at " +
                                                         list.element(*earlier).pointer() + ")");
        entry_of[progress.unit] = i;
        const Node done_on = entry.member("done_on");
        const Node hours_done = entry.member("hours_done");
        const bool has_done_on = done_on && !done_on->is_null();
        const bool has_hours = hours_done && !hours_done->is_null();
        if (!has_done_on && !has_hours)
            return schema_error(entry.pointer(), "progress on \"" + name +
                                                     "\" says neither \"done_on\" (the day it was done) nor \"hours_done\"");
        if (has_done_on) {
            Date day;
            BOOST_OUTCOME_TRYV(read_date(done_on, "done_on", day));
            if (day > first_day)
                return schema_error(done_on.pointer(), "\"" + name + "\" is done on " + day.iso() + ", after " +
                                                           first_day.iso() + ", the first day of the remaining work (" +
                                                           (request.replan_from ? "replan_from" : "start") + ")");
            progress.done_on = day;
        }
        if (has_hours) {
            BOOST_OUTCOME_TRYV(read_number(hours_done, "hours_done", 0, progress.hours_done));
        }
        request.progress.push_back(progress);
    }
    return success();
}

// One session of the previous plan as the model holds it: its type, the agenda's units and its
// metrics resolved in this curriculum (a re-plan copies it as it was, README "Re-planning"), its
// milestones by id, and its reasons' instants as the learner's zone reads their wall times.
Result<Session> previous_session(const Curriculum &c, const PlanOutline::Session &read, const Node &at,
                                 const TimeZone &zone) {
    Session s;
    const auto type = c.find_session_type(read.type);
    if (!type)
        return make_error(Status::reference,
                          "the previous plan's session type \"" + read.type + "\" is not in this curriculum",
                          at.member("type").pointer());
    s.session_type = *type;
    s.occurrence = static_cast<std::size_t>(read.occurrence - 1);
    s.status = read.status;
    s.window_first = read.window_first;
    s.window_last = read.window_last;
    s.minutes = read.minutes;
    if (read.status != Session::Status::dropped) {
        // The plan reader has checked that "start" is a date-time naming start_utc.
        const OffsetDateTime start = *parse_offset_date_time(read.start);
        s.start_utc = read.start_utc;
        s.day = start.day;
        s.minute_of_day = start.second_of_day / 60;
        s.offset_minutes = start.offset_minutes;
    }
    s.why = read.why;
    s.why_more = read.why_more;
    for (ClosedSlot &slot : s.why) {
        slot.start_utc = zone.to_utc(slot.day, slot.minute_of_day);
        if (std::find(s.closed_by.begin(), s.closed_by.end(), slot.closure) == s.closed_by.end())
            s.closed_by.push_back(slot.closure);
        if (!slot.learner.empty() && std::find(s.booked_by.begin(), s.booked_by.end(), slot.learner) == s.booked_by.end())
            s.booked_by.push_back(slot.learner);
    }
    const Node agenda = at.member("agenda");
    for (std::size_t i = 0; i < read.agenda.size(); ++i) {
        UnitRef ref;
        BOOST_OUTCOME_TRYV(detail::resolve_unit(c, read.agenda[i], agenda.element(i), ref));
        s.agenda.push_back(c.graph().index_of(ref));
    }
    const Node metrics = at.member("metrics");
    for (std::size_t i = 0; i < read.metrics.size(); ++i) {
        const auto metric = c.find_metric(read.metrics[i]);
        if (!metric)
            return make_error(Status::reference,
                              "the previous plan's metric \"" + read.metrics[i] + "\" is not in this curriculum",
                              metrics.element(i).pointer());
        s.metrics.push_back(*metric);
    }
    s.milestone_ids = read.milestones;
    return s;
}

// "previous": a plan document, read by the one plan reader, each unit, session type and the role
// resolved in this curriculum.
Ok read_previous(const Curriculum &c, const Node &root, PlanRequest &request) {
    const Node previous = root.member("previous");
    if (!previous || previous->is_null()) return success();
    BOOST_OUTCOME_TRY(outline, io::read_plan_outline(previous, io::PlanUse::replan));
    PreviousPlan out;
    const Node path = previous.member("path");
    for (std::size_t i = 0; i < outline.path.size(); ++i) {
        const PlanOutline::Unit &u = outline.path[i];
        UnitRef ref;
        BOOST_OUTCOME_TRYV(detail::resolve_unit(c, u.unit, path.element(i).member("unit"), ref));
        out.path.push_back({c.graph().index_of(ref), u.start, u.finish, u.hours});
    }
    // Read for a re-plan, the outline has every session of the document, in its order.
    if (const Node sessions = previous.member("sessions"); sessions && !sessions->is_null()) {
        out.sessions.emplace();
        for (std::size_t i = 0; i < outline.sessions.size(); ++i) {
            BOOST_OUTCOME_TRY(session, previous_session(c, outline.sessions[i], sessions.element(i), request.learner.zone));
            out.sessions->push_back(std::move(session));
        }
    }
    const auto role = c.find_role(outline.target_role);
    if (!role)
        return make_error(Status::reference, "the previous plan's role \"" + outline.target_role + "\" is not in this curriculum",
                          previous.member("target_role").pointer());
    out.target_role = *role;
    out.target_date = outline.target_date;
    out.finish = outline.finish;
    out.target_met = outline.target_met;
    // A plan made before plans carried their calendar has none: its changes then name the
    // calendar as a whole (README "Re-planning").
    if (const Node calendar = previous.member("calendar"); calendar && !calendar->is_null()) {
        BOOST_OUTCOME_TRYV(calendar.expect_object("the plan's calendar"));
        CalendarSpec spec;
        BOOST_OUTCOME_TRYV(read_hours_per_week(calendar, spec.hours_per_week));
        BOOST_OUTCOME_TRYV(read_workdays(calendar, spec.workdays));
        BOOST_OUTCOME_TRYV(read_time_off(calendar, spec.time_off));
        BOOST_OUTCOME_TRYV(read_holidays(calendar, spec.holidays));
        out.calendar = std::move(spec);
    }
    request.previous = std::move(out);
    return success();
}

}  // namespace

Result<void> io::read_plan_mentor(const Node &n, const Limits &limits, Mentor &mentor) {
    BOOST_OUTCOME_TRYV(n.expect_object("the mentor"));
    BOOST_OUTCOME_TRYV(read_id(n.member("id"), "mentor id", mentor.id));
    mentor.name = mentor.id;
    BOOST_OUTCOME_TRYV(read_optional_string(n.member("name"), "name", mentor.name));
    BOOST_OUTCOME_TRYV(read_time_zone(n.member("time_zone"), mentor.zone));
    BOOST_OUTCOME_TRYV(detail::read_weekly_windows(n, limits, mentor.available));
    Node busy;
    BOOST_OUTCOME_TRYV(read_array(n, "busy", limits.max_busy, "max_busy", busy));
    for (std::size_t i = 0; busy && i < busy->size(); ++i) {
        const Node interval = busy.element(i);
        BOOST_OUTCOME_TRYV(interval.expect_object("a busy interval ({\"start\", \"minutes\"} or {\"start\", \"end\"})"));
        OffsetDateTime start;
        BOOST_OUTCOME_TRYV(read_date_time(interval.member("start"), "start", start));
        const Node minutes = interval.member("minutes");
        const Node end = interval.member("end");
        if (bool(minutes) == bool(end))
            return schema_error(interval.pointer(), "a busy interval needs exactly one of \"minutes\" and \"end\"");
        BusyInterval b{start.utc_seconds(), 0};
        if (minutes) {
            int length = 0;
            BOOST_OUTCOME_TRYV(read_int(minutes, "minutes", 1, 366 * 24 * 60, length));
            b.end_utc = b.start_utc + std::int64_t{length} * 60;
        } else {
            OffsetDateTime last;
            BOOST_OUTCOME_TRYV(read_date_time(end, "end", last));
            b.end_utc = last.utc_seconds();
            if (b.end_utc <= b.start_utc) return schema_error(end.pointer(), "a busy interval must end after it starts");
        }
        mentor.busy.push_back(b);
    }
    return success();
}

Result<PlanRequest> io::read_plan_request(const Curriculum &c, const Node &root, const Limits &limits,
                                            MentorField mentor_field) {
    BOOST_OUTCOME_TRYV(root.expect_object("a plan request"));
    PlanRequest request;
    BOOST_OUTCOME_TRYV(read_learner(c, root.member("learner"), limits, request.learner));

    detail::ProgramAndDates dates;
    BOOST_OUTCOME_TRYV(detail::read_program_and_dates(c, root, dates));
    request.program = dates.program;
    request.target_role = dates.target_role;
    request.start = dates.start;
    request.target_date = dates.target_date;

    BOOST_OUTCOME_TRYV(read_holidays(root, request.holidays));
    BOOST_OUTCOME_TRYV(read_replanning(c, root, request));
    BOOST_OUTCOME_TRYV(read_previous(c, root, request));
    // A cohort's learner names their mentor by id, which the cohort reader resolves.
    if (const Node mentor = root.member("mentor"); mentor && mentor_field == MentorField::object) {
        request.mentor.emplace();
        BOOST_OUTCOME_TRYV(io::read_plan_mentor(mentor, limits, *request.mentor));
    }
    BOOST_OUTCOME_TRYV(read_omitted_parts(root.member("omit"), request.parts));
    if (const Node phases = root.member("phases"); phases && !phases->is_null()) {
        if (!phases->is_string() || (phases->string() != "hard" && phases->string() != "guide"))
            return schema_error(phases.pointer(), "phases must be \"hard\" (a unit starts in its phase) or \"guide\" (a "
                                                  "unit may start before its phase when there is time), not " +
                                                      phases->dump());
        request.phases = phases->string() == "guide" ? PhaseMode::guide : PhaseMode::hard;
    }
    std::optional<Date> as_of_day;  // the day as written, in the writer's own offset
    if (const Node as_of = root.member("as_of")) {
        OffsetDateTime stamp;
        BOOST_OUTCOME_TRYV(read_date_time(as_of, "as_of", stamp));
        // It is written again in UTC (the iCalendar DTSTAMP), which must be a date too.
        const std::int64_t instant = stamp.utc_seconds();
        const char *outside = instant < unix_seconds(*Date::from_ymd(1400, 1, 1)) ? "before 1400-01-01"
                              : instant >= unix_seconds(*Date::from_ymd(9999, 12, 31), seconds_per_day)
                                  ? "after 9999-12-31"
                                  : nullptr;
        if (outside)
            return schema_error(as_of.pointer(), "as_of \"" + std::string(as_of->string()) + "\" falls " + outside +
                                                   " in UTC, outside the calendar careerpath supports");
        request.as_of = std::string(as_of->string());
        as_of_day = stamp.day;
    }
    // The latest scored level of each assessed skill replaces the learner's `current`.
    if (const Node assessments = root.member("assessments")) {
        auto read = io::read_assessments(c, assessments, as_of_day, limits);
        if (!read) return read.error();
        request.assessments = std::move(read).value();
        const auto latest = skill_estimates(c, request.assessments);
        for (std::size_t s = 0; s < latest.size(); ++s)
            if (latest[s]) request.learner.current[s] = latest[s]->achieved;
    }
    return request;
}

Result<PlanRequest> read_plan_request(const Curriculum &c, std::string_view request_json, const Limits &limits) {
    auto document = io::Document::parse(request_json, limits);
    if (!document) return document.error();
    return io::read_plan_request(c, Node(document.value().root()), limits);
}

CAREERPATH_NAMESPACE_END
