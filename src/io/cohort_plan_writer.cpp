// A cohort's plan written out (docs/cohort-planning.md "Result"): as JSON (what
// careerpath_plan_cohort returns), each learner's plan exactly as plan_to_json_text writes it,
// and as a readable report with each mentor's calendar week by week. The plan is made in
// cohort_plan.cpp.
#include <careerpath/cohort_plan.hpp>
#include <careerpath/version.hpp>

#include "../date_time.hpp"
#include "../rounding.hpp"
#include "json_writer.hpp"

#include <iomanip>
#include <sstream>

CAREERPATH_NAMESPACE_BEGIN

namespace {

using detail::JsonWriter;

const Session &session_of(const CohortPlan &plan, const CohortPlan::Booking &b) {
    return plan.plans[b.learner].sessions[b.session];
}

// The minutes of the mentor's sessions that are not history: what the weekly hours count.
struct Counts {
    std::size_t placed = 0;
    std::size_t dropped = 0;
    long long minutes = 0;
};
Counts counts_of(const CohortPlan &plan, const CohortPlan::MentorCalendar &calendar) {
    Counts out;
    out.dropped = calendar.dropped;
    for (const CohortPlan::Booking &b : calendar.sessions) {
        const Session &s = session_of(plan, b);
        if (s.history) continue;
        ++out.placed;
        out.minutes += s.minutes;
    }
    return out;
}

std::string local_start(const TimeZone &zone, std::int64_t utc) {
    const auto local = zone.to_local(utc);
    return format_offset_date_time(local.day, local.minute_of_day * 60, local.offset_minutes);
}

void write_mentor(JsonWriter &w, const Curriculum &c, const CohortPlanRequest &request, const CohortPlan &plan,
                  std::size_t m) {
    const CohortMentor &mentor = request.mentors[m];
    const CohortPlan::MentorCalendar &calendar = plan.mentors[m];
    const Counts counts = counts_of(plan, calendar);
    w.begin_object();
    w.member("dropped", counts.dropped);
    w.member("hours", detail::rounded(static_cast<double>(counts.minutes) / 60));
    w.member("id", mentor.mentor.id);
    w.key("learners");
    w.begin_array();
    for (std::size_t l : calendar.learners) w.value(request.learners[l].learner.id);
    w.end_array();
    w.member("max_hours_per_week", mentor.max_hours_per_week);
    w.member("name", mentor.mentor.name);
    w.member("placed", counts.placed);
    w.key("sessions");
    w.begin_array();
    for (const CohortPlan::Booking &b : calendar.sessions) {
        const Session &s = session_of(plan, b);
        const SessionType &type = c.session_types()[s.session_type];
        w.begin_object();
        if (s.history) w.member("history", true);
        w.member("learner", request.learners[b.learner].learner.id);
        w.member("minutes", s.minutes);
        w.member("occurrence", s.occurrence + 1);
        w.member("start", local_start(mentor.mentor.zone, s.start_utc));
        w.member("start_utc", format_utc_date_time(s.start_utc));
        w.member("status", to_string(s.status));
        w.member("title", type.title);
        w.member("type", type.id);
        w.end_object();
    }
    w.end_array();
    w.member("time_zone", mentor.mentor.zone.name());
    w.end_object();
}

}  // namespace

std::string cohort_plan_to_json_text(const Curriculum &c, const CohortPlanRequest &request, const CohortPlan &plan) {
    std::string text = "{\"mentors\":";
    {
        JsonWriter w(text);
        w.begin_array();
        for (std::size_t m = 0; m < request.mentors.size(); ++m) write_mentor(w, c, request, plan, m);
        w.end_array();
    }
    // Each plan exactly as a single plan's document is written.
    text += ",\"plans\":[";
    std::size_t placed = 0, dropped = 0;
    for (std::size_t l = 0; l < plan.plans.size(); ++l) {
        if (l) text += ',';
        text += plan_to_json_text(c, request.learners[l], plan.plans[l]);
        for (const Session &s : plan.plans[l].sessions) {
            if (s.history) continue;
            if (s.status == Session::Status::dropped) ++dropped;
            else ++placed;
        }
    }
    text += "],\"schema_version\":\"";
    text += schema_version;
    text += "\",\"summary\":";
    {
        JsonWriter w(text);
        w.begin_object();
        w.member("dropped", dropped);
        w.member("learners", plan.plans.size());
        w.member("mentors", request.mentors.size());
        w.member("placed", placed);
        w.end_object();
    }
    text += '}';
    return text;
}

std::string cohort_plan_to_text(const Curriculum &c, const CohortPlanRequest &request, const CohortPlan &plan,
                                std::optional<std::size_t> only) {
    std::ostringstream out;
    const auto hours = detail::format_hours;
    auto shown = [&](std::optional<std::size_t> mentor) { return !only || mentor == only; };
    auto name_of = [&](const Session &s) {
        return c.session_types()[s.session_type].title + " #" + std::to_string(s.occurrence + 1);
    };

    std::size_t learners = 0, placed = 0, total = 0;
    for (std::size_t l = 0; l < plan.plans.size(); ++l) {
        if (!shown(request.mentor_of[l])) continue;
        ++learners;
        for (const Session &s : plan.plans[l].sessions) {
            if (s.history) continue;
            ++total;
            placed += s.status != Session::Status::dropped;
        }
    }
    out << "Cohort plan: " << learners << (learners == 1 ? " learner" : " learners");
    if (only) out << " of " << request.mentors[*only].mentor.name;
    else out << ", " << request.mentors.size() << (request.mentors.size() == 1 ? " mentor" : " mentors");
    out << "; " << placed << " of " << total << " sessions placed, " << total - placed << " dropped\n";

    out << "\nLearners\n";
    for (std::size_t l = 0; l < plan.plans.size(); ++l) {
        if (!shown(request.mentor_of[l])) continue;
        const PlanRequest &r = request.learners[l];
        const Plan &p = plan.plans[l];
        std::size_t held = 0, all = 0;
        for (const Session &s : p.sessions) {
            if (s.history) continue;
            ++all;
            held += s.status != Session::Status::dropped;
        }
        const std::string placed_of = std::to_string(held) + " of " + std::to_string(all) + " sessions placed";
        out << "  " << std::left << std::setw(14) << r.learner.id << std::setw(12)
            << (r.mentor ? r.mentor->id : std::string("(no mentor)")) << std::setw(28) << placed_of << std::right
            << "finish " << p.summary.finish.iso() << ", target " << r.target_date.iso()
            << (p.summary.target_met ? " met" : " missed") << "\n";
    }

    for (std::size_t m = 0; m < request.mentors.size(); ++m) {
        if (!shown(m)) continue;
        const CohortMentor &mentor = request.mentors[m];
        const CohortPlan::MentorCalendar &calendar = plan.mentors[m];
        const Counts counts = counts_of(plan, calendar);
        const TimeZone &zone = mentor.mentor.zone;
        out << "\n" << mentor.mentor.name << " (" << zone.name() << "): " << calendar.learners.size()
            << (calendar.learners.size() == 1 ? " learner" : " learners");
        if (mentor.max_hours_per_week) out << ", at most " << hours(*mentor.max_hours_per_week) << " hours a week";
        out << "; " << counts.placed << " sessions placed (" << hours(static_cast<double>(counts.minutes) / 60)
            << " h), " << counts.dropped << " dropped\n";
        // Week by week, Monday to Sunday in the mentor's zone.
        std::optional<Date> week;
        auto week_of = [&](const Session &s) {
            const Date day = zone.to_local(s.start_utc).day;
            return day.plus_days(-static_cast<std::int32_t>(day.weekday()));
        };
        for (std::size_t i = 0; i < calendar.sessions.size(); ++i) {
            const Session &s = session_of(plan, calendar.sessions[i]);
            if (week != week_of(s)) {
                week = week_of(s);
                std::size_t n = 0;
                long long minutes = 0;
                for (std::size_t k = i; k < calendar.sessions.size() && week_of(session_of(plan, calendar.sessions[k])) == *week; ++k) {
                    ++n;
                    minutes += session_of(plan, calendar.sessions[k]).minutes;
                }
                out << "  Week of " << week->iso() << ": " << n << (n == 1 ? " session, " : " sessions, ")
                    << hours(static_cast<double>(minutes) / 60) << " h\n";
            }
            const std::string when = local_start(zone, s.start_utc);
            const Date day = zone.to_local(s.start_utc).day;
            out << "    " << to_string(day.weekday()) << " " << day.iso() << " " << when.substr(11, 5) << " "
                << when.substr(19) << "  " << std::left << std::setw(24) << name_of(s) << std::right << std::setw(3)
                << s.minutes << " min  " << request.learners[calendar.sessions[i].learner].learner.name;
            if (s.status == Session::Status::moved) out << " (moved)";
            if (s.history) out << "  [history]";
            out << "\n";
        }
        if (counts.dropped) out << "  Dropped\n";
        for (std::size_t l : calendar.learners)
            for (const Session &s : plan.plans[l].sessions) {
                if (s.status != Session::Status::dropped || s.history) continue;
                out << "    " << std::left << std::setw(14) << request.learners[l].learner.id << std::setw(24) << name_of(s)
                    << std::right << "window " << s.window_first.iso() << " .. " << s.window_last.iso() << "  ";
                for (std::size_t k = 0; k < s.closed_by.size(); ++k) {
                    out << (k ? ", " : "") << to_string(s.closed_by[k]);
                    if (s.closed_by[k] == SlotClosure::mentor_booked && !s.booked_by.empty()) {
                        out << " (";
                        for (std::size_t b = 0; b < s.booked_by.size(); ++b) out << (b ? ", " : "") << s.booked_by[b];
                        out << ")";
                    }
                }
                if (s.closed_by.empty()) out << "no session slot";
                out << "\n";
            }
    }
    return out.str();
}

CAREERPATH_NAMESPACE_END
