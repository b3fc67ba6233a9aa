// The plan as an iCalendar file (README.md "Exports"), written from its outline.
#include <careerpath/export.hpp>
#include <careerpath/cohort_plan.hpp>

#include "date_time.hpp"
#include "export_text.hpp"
#include "ical.hpp"
#include "io/plan_document.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

using detail::not_a_plan;

// A TEXT value: line breaks (CRLF, LF, a lone CR, U+2028, U+2029) become "\n", and every other
// control character, tab included, a space (TEXT has no escape for them, and the exports write
// none raw); then the escaping of ical_escape_text.
std::string ical_text(std::string_view text) {
    return ical_escape_text(detail::display_text(text, "\n", [](std::string &out, char ch) { out += ch; }));
}

std::string session_pointer(std::size_t i, const char *key) { return "/sessions/" + std::to_string(i) + "/" + key; }

// What an outline made by hand could hold that the calendar cannot: a read document never does
// (the plan reader refuses it, quoting the document).
Result<void> check_writable(const PlanOutline::Session &s, std::size_t i) {
    if (s.minutes < 1 || s.minutes > detail::max_session_minutes)
        return not_a_plan("\"minutes\" is not between 1 and " + std::to_string(detail::max_session_minutes),
                          session_pointer(i, "minutes"));
    if (!detail::writable_instant(s.start_utc))
        return not_a_plan("\"start_utc\" is outside 1400-9999 in UTC", session_pointer(i, "start_utc"));
    if (!detail::ends_in_calendar(s.start_utc, s.minutes)) return detail::ends_past_calendar(session_pointer(i, "minutes"));
    return boost::outcome_v2::success();
}

// "Heading:" and one "- item" line per item; nothing when there are no items.
void append_list(std::string &text, const char *heading, const std::vector<std::string> &items) {
    if (items.empty()) return;
    if (!text.empty()) text += '\n';
    text += heading;
    for (const auto &item : items) text += "\n- " + item;
}

// What a session's DESCRIPTION says: its local start (`starts`, the first line), the agenda, and
// why it moved.
std::string session_description(const PlanOutline::Session &s, const std::map<std::string_view, std::string_view> &titles,
                                std::string starts) {
    std::string text = std::move(starts);
    append_list(text, "Agenda:", s.agenda);
    std::vector<std::string> milestones;
    for (const auto &id : s.milestones) {
        const auto title = titles.find(id);  // an id the plan does not list still says what is meant
        milestones.emplace_back(title == titles.end() ? std::string_view(id) : title->second);
    }
    append_list(text, "Milestones:", milestones);
    append_list(text, "Metrics:", s.metrics);
    // The first reason is the one that matters to the reader: why the earliest slot was lost.
    if (s.moved_because) {
        if (!text.empty()) text += '\n';
        text += "Moved: " + *s.moved_because + " (" + std::to_string(s.closed_slots) + " earlier slot" +
                (s.closed_slots == 1 ? "" : "s") + " closed)";
    }
    return text;
}

// "Starts 2027-01-06T09:30:00-05:00 (America/New_York)": the learner's local start.
std::string learner_start(const PlanOutline::Session &s, const std::string &time_zone) {
    if (s.start.empty()) return {};
    return "Starts " + s.start + (time_zone.empty() ? "" : " (" + time_zone + ")");
}

struct IcalDocument {
    std::string text;
    std::string stamp;       // DTSTAMP, the same on every event
    std::string uid_prefix;  // "learner.program.YYYYMMDD."
};

// One session's VEVENT; `uid` without "@careerpath".
void append_session(std::string &out, const std::string &stamp, const std::string &uid, const PlanOutline::Session &s,
                    const std::string &summary, const std::string &description) {
    ical_append_line(out, "BEGIN", "VEVENT");
    ical_append_line(out, "UID", ical_text(uid + "@careerpath"));
    ical_append_line(out, "DTSTAMP", stamp);
    ical_append_line(out, "DTSTART", ical_utc(s.start_utc));
    ical_append_line(out, "DTEND", ical_utc(s.start_utc + std::int64_t{s.minutes} * 60));
    ical_append_line(out, "SUMMARY", ical_text(summary));
    if (!description.empty()) ical_append_line(out, "DESCRIPTION", ical_text(description));
    ical_append_line(out, "CATEGORIES", ical_text(s.type));
    ical_append_line(out, "STATUS", "CONFIRMED");
    ical_append_line(out, "TRANSP", "OPAQUE");
    ical_append_line(out, "END", "VEVENT");
}

// BEGIN:VCALENDAR and its properties, named `name`.
void begin_calendar(std::string &out, const std::string &name) {
    ical_append_line(out, "BEGIN", "VCALENDAR");
    ical_append_line(out, "VERSION", "2.0");
    ical_append_line(out, "PRODID", std::string("-//careerpath//careerpath ") + version_string + "//EN");
    ical_append_line(out, "CALSCALE", "GREGORIAN");
    ical_append_line(out, "METHOD", "PUBLISH");
    ical_append_line(out, "X-WR-CALNAME", ical_text(name));
}

// A plan's DTSTAMP (its as_of, else its start at 00:00 UTC: never the clock) and the prefix of
// its events' UIDs ("learner.program.YYYYMMDD.").
Result<std::string> plan_stamp(const PlanOutline &plan) {
    if (plan.as_of && !detail::writable_instant(*plan.as_of))
        return not_a_plan("\"as_of\" is outside 1400-9999 in UTC", "/as_of");
    return ical_utc(plan.as_of ? *plan.as_of : unix_seconds(plan.start));
}
std::string uid_prefix(const PlanOutline &plan) {
    return detail::uid_part(plan.learner) + "." + detail::uid_part(plan.program) + "." + ical_date(plan.start) + ".";
}

void append_milestone(IcalDocument &cal, const PlanOutline::Milestone &m, const std::string &uid) {
    std::string description = "Due " + m.due.iso() + "\nDelivered " +
                              (m.delivered ? m.delivered->iso() : std::string("after the plan's horizon"));
    if (m.met) description += *m.met ? "\nMet: yes" : "\nMet: no";
    std::string &out = cal.text;
    ical_append_line(out, "BEGIN", "VEVENT");
    ical_append_line(out, "UID", ical_text(cal.uid_prefix + uid + "@careerpath"));
    ical_append_line(out, "DTSTAMP", cal.stamp);
    ical_append_line(out, "DTSTART;VALUE=DATE", ical_date(m.due));
    // The day after 9999-12-31 has no four-digit year; a one-day DURATION says the same.
    if (m.due == *Date::from_ymd(9999, 12, 31)) ical_append_line(out, "DURATION", "P1D");
    else ical_append_line(out, "DTEND;VALUE=DATE", ical_date(m.due.plus_days(1)));
    ical_append_line(out, "SUMMARY", ical_text(m.title));
    ical_append_line(out, "DESCRIPTION", ical_text(description));
    ical_append_line(out, "CATEGORIES", "milestone");
    ical_append_line(out, "TRANSP", "TRANSPARENT");
    ical_append_line(out, "END", "VEVENT");
}

}  // namespace

Result<std::string> export_ical(const PlanOutline &plan) {
    IcalDocument cal;
    // DTSTAMP must not come from the clock, or the same plan would give different bytes.
    BOOST_OUTCOME_TRY(stamp, plan_stamp(plan));
    cal.stamp = std::move(stamp);
    cal.uid_prefix = uid_prefix(plan);
    // A session lists milestones by id and shows their titles (the last of a repeated id, which
    // is refused below anyway).
    std::map<std::string_view, std::string_view> titles;
    for (const auto &m : plan.milestones) titles[m.id] = m.title;

    std::string &out = cal.text;
    // The learner by name where the plan gives one, as the Gantt chart's title does.
    const std::string &learner = plan.learner_name.empty() ? plan.learner : plan.learner_name;
    begin_calendar(out, "Learning plan for " + learner + (plan.program.empty() ? "" : " (" + plan.program + ")"));
    detail::EventUids uids;
    for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
        const PlanOutline::Session &s = plan.sessions[i];
        if (s.status == Session::Status::dropped) continue;  // no time to put in a calendar
        BOOST_OUTCOME_TRYV(check_writable(s, i));
        const auto uid = uids.add_session(s.type, s.occurrence);
        if (!uid) return detail::EventUids::second_session(s.type, s.occurrence, session_pointer(i, "occurrence"));
        append_session(out, cal.stamp, cal.uid_prefix + *uid, s, plan.mentor.empty() ? s.title : s.title + " with " + plan.mentor,
                       session_description(s, titles, learner_start(s, plan.time_zone)));
    }
    for (std::size_t i = 0; i < plan.milestones.size(); ++i) {
        const auto uid = uids.add_milestone(plan.milestones[i].id);
        if (!uid)
            return detail::EventUids::second_milestone(plan.milestones[i].id,
                                                       "/milestones/" + std::to_string(i) + "/id");
        append_milestone(cal, plan.milestones[i], *uid);
    }
    ical_append_line(out, "END", "VCALENDAR");
    return std::move(out);
}

Result<std::string> export_mentor_ical(const Curriculum &c, const CohortPlanRequest &request, const CohortPlan &plan,
                                       std::size_t m) {
    const Mentor &mentor = request.mentors[m].mentor;
    const CohortPlan::MentorCalendar &calendar = plan.mentors[m];
    // Each learner's sessions as their own calendar has them: the outline, its stamp and UIDs.
    struct LearnerEvents {
        PlanOutline outline;
        std::string stamp, uid_prefix;
        std::map<std::string_view, std::string_view> titles;
        std::map<std::pair<std::string_view, std::int64_t>, const PlanOutline::Session *> sessions;
        detail::EventUids uids;
    };
    std::map<std::size_t, LearnerEvents> learners;
    for (std::size_t l : calendar.learners) {
        LearnerEvents &e = learners[l];
        e.outline = outline_plan(c, request.learners[l], plan.plans[l]);
        BOOST_OUTCOME_TRY(stamp, plan_stamp(e.outline));
        e.stamp = std::move(stamp);
        e.uid_prefix = uid_prefix(e.outline);
        for (const auto &ms : e.outline.milestones) e.titles[ms.id] = ms.title;
        for (const PlanOutline::Session &s : e.outline.sessions) e.sessions[{s.type, s.occurrence}] = &s;
    }
    std::string out;
    begin_calendar(out, "Mentoring sessions of " + mentor.name);
    for (const CohortPlan::Booking &b : calendar.sessions) {
        LearnerEvents &e = learners.at(b.learner);
        const Session &session = plan.plans[b.learner].sessions[b.session];
        const std::string &type = c.session_types()[session.session_type].id;
        const auto found = e.sessions.find({type, static_cast<std::int64_t>(session.occurrence) + 1});
        if (found == e.sessions.end()) continue;  // a plan that leaves its sessions out ("omit")
        const PlanOutline::Session &s = *found->second;
        const auto uid = e.uids.add_session(s.type, s.occurrence);
        if (!uid) return detail::EventUids::second_session(s.type, s.occurrence, "/learners/" + std::to_string(b.learner));
        const Learner &learner = request.learners[b.learner].learner;
        const auto local = mentor.zone.to_local(s.start_utc);
        std::string starts = "Starts " + format_offset_date_time(local.day, local.minute_of_day * 60, local.offset_minutes) +
                             " (" + mentor.zone.name() + ")\nLearner: " + learner.name + " (" + learner.id + "), " +
                             s.start + " (" + e.outline.time_zone + ")";
        append_session(out, e.stamp, e.uid_prefix + *uid, s, s.title + " with " + learner.name,
                       session_description(s, e.titles, std::move(starts)));
    }
    ical_append_line(out, "END", "VCALENDAR");
    return out;
}

Result<std::string> export_ical(const Curriculum &curriculum, const PlanRequest &request, const Plan &plan) {
    return export_ical(outline_plan(curriculum, request, plan));
}

CAREERPATH_NAMESPACE_END
