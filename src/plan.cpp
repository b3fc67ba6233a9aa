// Planning one learner: gap closure, the calendar, release and due dates from the program's
// phases, the Lmax-optimal preemptive schedule on the working-hour axis, and dates back again.
#include <careerpath/plan.hpp>

#include "date_time.hpp"
#include "io/readers.hpp"
#include "io/json_writer.hpp"
#include "io/request_reader.hpp"
#include "schedule.hpp"
#include "session_agenda.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <numeric>
#include <sstream>
#include <unordered_map>

CAREERPATH_NAMESPACE_BEGIN

namespace {

using detail::JsonWriter;

// Hours are real numbers on the working-hour axis; below this they are the same hour.
constexpr double epsilon = 1e-9;

// Hours for output, rounded to a millionth so that 1.2000000000000002 prints as 1.2.
using detail::rounded;

struct PhaseWindow {
    Date first, last;
};

// make_plan has checked that the program's months end by 9999-12-31, so every phase does too
// (the curriculum keeps phases within their program's months).
std::vector<PhaseWindow> phase_windows(const Program *program, Date start) {
    std::vector<PhaseWindow> windows;
    if (!program) return windows;
    const Date calendar_end = *Date::from_ymd(9999, 12, 31);
    for (const Phase &phase : program->phases)
        windows.push_back({start.plus_months(phase.first_month - 1),
                           start.last_day_of_months(phase.last_month).value_or(calendar_end)});
    return windows;
}

// The first phase (in program order) whose focus covers the skill.
std::vector<std::optional<std::size_t>> phase_of_skill(const Curriculum &c, const Program *program) {
    std::vector<std::optional<std::size_t>> phase(c.skills().size());
    if (!program) return phase;
    for (std::size_t p = program->phases.size(); p-- > 0;)
        for (std::size_t s : program->phases[p].focus_skills) phase[s] = p;
    return phase;
}

// The last day a plan may reach: max_plan_years after the start, or 9999-12-31, the last day a
// Date holds, where that comes first. The messages of plans that do not fit say which it was, and
// point at what the request can change: near the end of the calendar that is the start.
struct Horizon {
    Date last;
    bool calendar_end = false;

    static Horizon of(Date start, std::size_t max_plan_years) {
        // Past 8600 years every start runs into 9999-12-31 (the cap keeps the months an int); a
        // horizon of 0 years would end before the start, so it is taken as 1.
        const int months = static_cast<int>(std::clamp<std::size_t>(max_plan_years, 1, 9000) * 12);
        if (const auto last = start.last_day_of_months(months)) return {*last, false};
        return {*Date::from_ymd(9999, 12, 31), true};
    }

    // "9999-12-31, the end of the calendar careerpath supports" or "2077-01-03, the end of the
    // planning horizon (max_plan_years: 50)".
    std::string describe(std::size_t max_plan_years) const {
        if (calendar_end) return last.iso() + ", the end of the calendar careerpath supports";
        return last.iso() + ", the end of the planning horizon (max_plan_years: " + std::to_string(max_plan_years) + ")";
    }

    // A plan whose work does not fit before `last`: `what` and then why. Near 9999-12-31 the start
    // is what to change (Status::limit either way: the request is valid, the plan too long).
    Error too_short(const std::string &what, std::size_t max_plan_years) const {
        if (calendar_end)
            return make_error(Status::limit,
                              what + ": the plan would run past " + describe(max_plan_years) + "; start earlier",
                              "/start");
        return make_error(Status::limit, what + ": the plan would run past " + describe(max_plan_years),
                          "/learner/hours_per_week");
    }
};

// Why the calendar holds no hour up to the horizon, blaming what the request has: no hours, no
// workdays, holidays, time off, or both; with none of these the days left before 9999-12-31 hold
// no workday. Each kind of closure is tried alone on the same days (arithmetic, no walk).
Error no_capacity(const PlanRequest &request, const Horizon &horizon, std::size_t max_plan_years) {
    const Learner &l = request.learner;
    if (l.hours_per_week <= 0)
        return make_error(Status::infeasible, "hours_per_week is 0: the learner has no time to learn in",
                          "/learner/hours_per_week");
    if (std::none_of(l.workdays.begin(), l.workdays.end(), [](bool b) { return b; }))
        return make_error(Status::infeasible, "no workdays: the learner has no day to learn on", "/learner/workdays");
    const std::string span = "from " + request.start.iso() + " to " + horizon.describe(max_plan_years);
    auto holds_hours = [&](std::vector<HolidayRule> holidays, std::vector<DateRange> time_off) {
        const Calendar calendar(CalendarSpec{request.start, l.hours_per_week, l.workdays, std::move(holidays),
                                             std::move(time_off)},
                                horizon.last);
        return calendar.hours_through(horizon.last) > epsilon;
    };
    if (!holds_hours({}, {}))
        return horizon.too_short("there is no workday from " + request.start.iso() + " to " + horizon.last.iso(),
                                 max_plan_years);
    if (!holds_hours(request.holidays, {}))
        return make_error(Status::infeasible,
                          "holidays close every working day " + span + ": there is no time to learn in", "/holidays");
    return make_error(Status::infeasible,
                      std::string(holds_hours({}, l.time_off) ? "holidays and time off close" : "time off closes") +
                          " every working day " + span + ": there is no time to learn in",
                      "/learner/time_off");
}

// "114" or "1.6", never "114.000000".
std::string format_hours(double hours) {
    std::ostringstream out;
    out << rounded(hours);
    return out.str();
}

std::string closure_list(const std::vector<SlotClosure> &kinds) {
    std::string out;
    for (SlotClosure kind : kinds) out += (out.empty() ? "" : ", ") + std::string(to_string(kind));
    return out;
}

// One warning per dropped occurrence, naming what closed each slot of its window; a learner
// without any session slot gets one warning instead of one per occurrence.
void add_session_warnings(const Curriculum &c, const PlanRequest &request, Plan &plan) {
    if (request.learner.session_slots.empty()) {
        if (!plan.sessions.empty())
            plan.warnings.push_back({"no_session_slots",
                                     "the learner has no session slots, so none of the program's " +
                                         std::to_string(plan.sessions.size()) + " session occurrences can be placed",
                                     {request.start, request.target_date},
                                     "learner.session_slots"});
        return;
    }
    for (const Session &s : plan.sessions) {
        if (s.status != Session::Status::dropped) continue;
        const SessionType &type = c.session_types()[s.session_type];
        std::string message = type.title + " #" + std::to_string(s.occurrence + 1) + " (window " + s.window_first.iso() +
                              " to " + s.window_last.iso() + ") is dropped: ";
        if (s.why.empty()) message += "the learner has no session slot in its window";
        for (std::size_t i = 0; i < s.why.size(); ++i) {
            const ClosedSlot &slot = s.why[i];
            message += (i ? "; " : "") + slot.day.iso() + " " + to_string(slot.day.weekday()) + " " +
                       format_clock(slot.minute_of_day) + " " +
                       to_string(slot.closure) + " (" + slot.detail + ")";
        }
        if (s.why_more)
            message += "; and " + std::to_string(s.why_more) + " more slot" + (s.why_more == 1 ? "" : "s") + " of the window";
        plan.warnings.push_back({"session_dropped", std::move(message), {s.window_first, s.window_last},
                                 s.why.empty() ? "no session slot" : closure_list(s.closed_by)});
    }
}

const char *to_string(Session::Status status) {
    switch (status) {
    case Session::Status::placed: return "placed";
    case Session::Status::moved: return "moved";
    case Session::Status::dropped: return "dropped";
    }
    return "unknown";
}

void write_sessions(JsonWriter &w, const Curriculum &c, const Plan &plan, PlanParts parts) {
    const bool agenda = parts.wants(PlanPart::session_agenda);
    w.begin_array();
    for (const Session &s : plan.sessions) {
        const SessionType &type = c.session_types()[s.session_type];
        const bool held = s.status != Session::Status::dropped;
        w.begin_object();
        if (agenda) {
            w.key("agenda");
            w.begin_array();
            for (UnitIndex u : s.agenda) w.value(c.unit_name(c.graph().unit(u)));
            w.end_array();
        }
        if (agenda && type.agenda == SessionType::Agenda::milestones) {
            w.key("metrics");
            w.begin_array();
            for (std::size_t m : s.metrics) w.value(c.metrics()[m].id);
            w.end_array();
            w.key("milestones");
            w.begin_array();
            for (std::size_t m : s.milestones) w.value(plan.milestones[m].id);
            w.end_array();
        }
        w.member("minutes", s.minutes);
        w.member("occurrence", s.occurrence + 1);
        w.key("start");
        if (held) w.value(format_offset_date_time(s.day, s.minute_of_day * 60, s.offset_minutes));
        else w.null();
        w.key("start_utc");
        if (held) w.value(format_utc_date_time(s.start_utc));
        else w.null();
        w.member("status", to_string(s.status));
        w.member("title", type.title);
        w.member("type", type.id);
        if (!s.why.empty() && parts.wants(PlanPart::session_why)) {
            w.key("why");
            w.begin_array();
            for (const ClosedSlot &slot : s.why) {
                w.begin_object();
                w.member("closed_by", to_string(slot.closure));
                w.member("day", slot.day.iso());
                w.member("detail", slot.detail);
                w.member("time", format_clock(slot.minute_of_day));
                w.end_object();
            }
            w.end_array();
        }
        if (s.why_more && parts.wants(PlanPart::session_why)) w.member("why_more", s.why_more);
        w.key("window");
        w.begin_object();
        w.member("first", s.window_first.iso());
        w.member("last", s.window_last.iso());
        w.end_object();
        w.end_object();
    }
    w.end_array();
}

}  // namespace

Result<Plan> make_plan(const Curriculum &c, const PlanRequest &request, const Limits &limits) {
    const UnitGraph &graph = c.graph();
    const Role &role = c.roles()[request.target_role];
    const Program *program = request.program ? &c.programs()[*request.program] : nullptr;

    Plan plan;
    plan.gap = close_gap(c, role, request.learner.current);

    // The program's phases are months from the start: all of them must be dates.
    if (program && !request.start.last_day_of_months(program->months))
        return detail::program_past_calendar_end(*program, request.start, "/start");
    const Horizon horizon = Horizon::of(request.start, limits.max_plan_years);
    // A target date is a Date, so only the max_plan_years horizon can come before it.
    if (request.target_date > horizon.last)
        return make_error(Status::limit,
                          "target_date " + request.target_date.iso() + " is not within " +
                              std::to_string(limits.max_plan_years) + " years of the start " + request.start.iso() +
                              " (max_plan_years)",
                          "/target_date");
    const Calendar calendar(CalendarSpec{request.start, request.learner.hours_per_week, request.learner.workdays,
                                         request.holidays, request.learner.time_off},
                            horizon.last);
    if (plan.gap.hours > epsilon) {
        const double capacity = calendar.hours_through(horizon.last);
        if (capacity <= epsilon) return no_capacity(request, horizon, limits.max_plan_years);
        if (capacity + epsilon < plan.gap.hours)
            return horizon.too_short("the path needs " + format_hours(plan.gap.hours) +
                                         " hours, but the calendar holds " + format_hours(capacity) + " hours from " +
                                         request.start.iso() + " to " + horizon.last.iso(),
                                     limits.max_plan_years);
    }

    // Jobs on the working-hour axis: one per unit of the path.
    const auto windows = phase_windows(program, request.start);
    const auto phase_of = phase_of_skill(c, program);
    const std::size_t n = plan.gap.units.size();
    std::unordered_map<UnitIndex, std::size_t> job_of;
    for (std::size_t j = 0; j < n; ++j) job_of.emplace(plan.gap.units[j], j);
    std::vector<double> weight_of_skill(c.skills().size(), 0);
    for (const SkillGap &g : plan.gap.gaps) weight_of_skill[g.skill] = g.weight;

    // Rank by unit id (skill id, then level) for the last tie-break.
    std::vector<std::size_t> by_id(n);
    std::iota(by_id.begin(), by_id.end(), std::size_t{0});
    std::sort(by_id.begin(), by_id.end(), [&](std::size_t a, std::size_t b) {
        const UnitRef ua = graph.unit(plan.gap.units[a]), ub = graph.unit(plan.gap.units[b]);
        const auto &ia = c.skills()[ua.skill].id, &ib = c.skills()[ub.skill].id;
        return ia != ib ? ia < ib : ua.level < ub.level;
    });

    std::vector<Job> jobs(n);
    std::vector<PlannedUnit> units(n);
    for (std::size_t r = 0; r < n; ++r) jobs[by_id[r]].rank = r;
    for (std::size_t j = 0; j < n; ++j) {
        const UnitIndex u = plan.gap.units[j];
        const UnitRef ref = graph.unit(u);
        PlannedUnit &pu = units[j];
        pu.unit = u;
        pu.hours = c.unit_hours(ref);
        pu.phase = phase_of[ref.skill];
        pu.release = pu.phase ? windows[*pu.phase].first : request.start;
        pu.due = pu.phase ? windows[*pu.phase].last : request.target_date;
        pu.release_hour = calendar.hours_before(pu.release);
        pu.due_hour = calendar.hours_through(pu.due);  // a due date is the capacity hour at the end of that day
        Job &job = jobs[j];
        job.hours = pu.hours;
        job.release = pu.release_hour;
        job.due = pu.due_hour;
        job.weight = weight_of_skill[ref.skill];
        for (UnitIndex p : graph.prerequisites_of(u))
            if (auto it = job_of.find(p); it != job_of.end()) {
                job.predecessors.push_back(it->second);
                pu.requires_units.push_back(p);
            }
    }
    const Schedule schedule = schedule_min_max_lateness(jobs);

    // Back from hours to dates.
    // The hours fit, but work that waits for its phase's release date can still end after the
    // horizon (the schedule idles only while it waits).
    const std::string waits = "the path's work, waiting for the release dates of its phases, does not fit from " +
                              request.start.iso() + " to " + horizon.last.iso();
    auto day_ending = [&](double hour) -> Result<Date> {
        if (auto d = calendar.day_ending(hour)) return *d;
        return horizon.too_short(waits, limits.max_plan_years);
    };
    auto day_starting = [&](double hour) -> Result<Date> {
        if (auto d = calendar.day_starting(hour)) return *d;
        return horizon.too_short(waits, limits.max_plan_years);
    };
    for (std::size_t j = 0; j < n; ++j) {
        PlannedUnit &pu = units[j];
        const ScheduledJob &sj = schedule.jobs[j];
        pu.start_hour = sj.start;
        pu.finish_hour = sj.finish;
        pu.lateness_hours = sj.finish - pu.due_hour;
        const auto finish = day_ending(sj.finish);
        if (!finish) return finish.error();
        pu.finish = finish.value();
        pu.start = pu.finish;  // a zero-hour unit is done the moment it is reached
        if (pu.hours > epsilon) {
            const auto start = day_starting(sj.start);
            if (!start) return start.error();
            pu.start = start.value();
        }
        pu.late_days = std::max(0, pu.finish.days_since(pu.due));
    }
    for (std::size_t j : schedule.order) plan.path.push_back(units[j]);

    // Summary.
    PlanSummary &summary = plan.summary;
    summary.units = n;
    summary.hours = plan.gap.hours;
    summary.max_lateness_hours = n ? schedule.max_lateness : 0;
    summary.finish = request.start;
    for (const PlannedUnit &pu : plan.path) {
        summary.finish = std::max(summary.finish, pu.finish);
        summary.max_late_days = std::max(summary.max_late_days, pu.late_days);
    }
    summary.lower_bound_finish = request.start;
    if (n) {
        const auto bound = day_ending(schedule.lower_bound_finish);
        if (!bound) return bound.error();
        summary.lower_bound_finish = bound.value();
    }
    summary.target_met = summary.finish <= request.target_date;
    {
        // Critical path: the longest chain of hours through the path's precedence.
        std::vector<double> longest(graph.unit_count(), 0);
        for (UnitIndex u : graph.topological_order()) {
            auto it = job_of.find(u);
            if (it == job_of.end()) continue;
            double before = 0;
            for (UnitIndex p : graph.prerequisites_of(u))
                if (job_of.count(p)) before = std::max(before, longest[p]);
            longest[u] = before + units[it->second].hours;
            summary.critical_path_hours = std::max(summary.critical_path_hours, longest[u]);
        }
    }

    // Phases, milestones and warnings.
    for (std::size_t p = 0; p < windows.size(); ++p) {
        PlannedPhase phase;
        phase.phase = p;
        phase.first = windows[p].first;
        phase.last = windows[p].last;
        double short_hours = 0;
        for (const PlannedUnit &pu : plan.path) {
            if (pu.phase != p) continue;
            phase.units.push_back(pu.unit);
            phase.hours += pu.hours;
            phase.delivered = phase.delivered ? std::max(*phase.delivered, pu.finish) : pu.finish;
            short_hours = std::max(short_hours, pu.lateness_hours);
        }
        phase.on_time = !phase.delivered || *phase.delivered <= phase.last;
        const Phase &def = program->phases[p];
        if (phase.delivered)
            plan.milestones.push_back({def.id, def.title + " complete", phase.last, *phase.delivered, phase.on_time});
        if (!phase.on_time)
            plan.warnings.push_back(
                {"phase_overrun",
                 "phase \"" + def.id + "\" needs " + format_hours(short_hours) +
                     " more learning hours than its window holds; it can finish on " + phase.delivered->iso() +
                     " instead of " + phase.last.iso(),
                 {phase.last, *phase.delivered},
                 "learning hours in the window " + phase.first.iso() + " to " + phase.last.iso()});
        plan.phases.push_back(std::move(phase));
    }
    for (const PlannedUnit &pu : plan.path) {
        if (!pu.phase) continue;
        for (UnitIndex p : pu.requires_units) {
            const PlannedUnit &pre = units[job_of.at(p)];
            if (pre.phase && windows[*pre.phase].first > windows[*pu.phase].first)
                plan.warnings.push_back(
                    {"released_late",
                     c.unit_name(graph.unit(pu.unit)) + " (phase \"" + program->phases[*pu.phase].id + "\") requires " +
                         c.unit_name(graph.unit(p)) + ", which phase \"" + program->phases[*pre.phase].id +
                         "\" releases on " + pre.release.iso() + ": it cannot start before then",
                     {pu.release, pre.release},
                     "prerequisite " + c.unit_name(graph.unit(p)) + " in a later phase"});
        }
    }
    plan.milestones.push_back({role.id, "Ready for " + role.title, request.target_date, summary.finish, summary.target_met});
    if (!summary.target_met)
        plan.warnings.push_back({"target_missed",
                                 "the path finishes on " + summary.finish.iso() + ", after the target date " +
                                     request.target_date.iso() + "; the earliest possible finish is " +
                                     summary.lower_bound_finish.iso(),
                                 {request.target_date, summary.finish},
                                 "learning hours between the start and the target date"});

    // Sessions, from the start to the later of the finish and the target date; none at all where
    // the request leaves them out of the plan.
    if (program && request.parts.wants(PlanPart::sessions)) {
        auto sessions = place_sessions(c, request, calendar, std::max(summary.finish, request.target_date), limits);
        if (!sessions) return sessions.error();
        plan.sessions = std::move(sessions).value();
        detail::assign_agendas(c, *program, request.start, plan);
        add_session_warnings(c, request, plan);
    }
    return plan;
}

Result<PlannedRequest> plan_from_json(const Curriculum &curriculum, std::string_view request_json,
                                      const Limits &limits) {
    auto document = io::Document::parse(request_json, limits);
    if (!document) return document.error();
    auto request = io::read_plan_request(curriculum, detail::Node(document.value().root()), limits);
    if (!request) return request.error();
    auto plan = make_plan(curriculum, request.value(), limits);
    if (!plan) return plan.error();
    return PlannedRequest{std::move(request).value(), std::move(plan).value()};
}

Result<std::string> plan_json_text(const Curriculum &curriculum, std::string_view request_json, const Limits &limits) {
    auto planned = plan_from_json(curriculum, request_json, limits);
    if (!planned) return planned.error();
    return plan_to_json_text(curriculum, planned.value().request, planned.value().plan);
}

std::string plan_to_json_text(const Curriculum &c, const PlanRequest &request, const Plan &plan) {
    const UnitGraph &graph = c.graph();
    const Program *program = request.program ? &c.programs()[*request.program] : nullptr;
    std::string text;
    JsonWriter w(text);
    auto unit_names = [&](std::string_view key, const std::vector<UnitIndex> &units) {
        w.key(key);
        w.begin_array();
        for (UnitIndex u : units) w.value(c.unit_name(graph.unit(u)));
        w.end_array();
    };

    w.begin_object();
    const PlanParts parts = request.parts;
    w.member("as_of", request.as_of);
    if (parts.wants(PlanPart::gaps)) {
    w.key("gaps");
    w.begin_array();
    for (const SkillGap &g : plan.gap.gaps) {
        w.begin_object();
        w.member("current", c.levels().name(g.current));
        w.member("hours", rounded(g.hours));
        w.member("required", g.required);
        w.member("skill", c.skills()[g.skill].id);
        w.member("target", c.levels().name(g.target));
        w.member("weight", g.weight);
        w.end_object();
    }
    w.end_array();
    }
    w.member("learner", request.learner.id);
    w.key("mentor");
    if (request.mentor) {
        w.begin_object();
        w.member("id", request.mentor->id);
        w.member("name", request.mentor->name);
        w.member("time_zone", request.mentor->zone.name());
        w.end_object();
    } else {
        w.null();
    }

    w.key("milestones");
    w.begin_array();
    for (const Milestone &m : plan.milestones) {
        w.begin_object();
        w.member("delivered", m.delivered.iso());
        w.member("due", m.due.iso());
        w.member("id", m.id);
        w.member("met", m.met);
        w.member("title", m.title);
        w.end_object();
    }
    w.end_array();

    w.key("path");
    w.begin_array();
    for (const PlannedUnit &pu : plan.path) {
        const UnitRef ref = graph.unit(pu.unit);
        w.begin_object();
        w.member("due", pu.due.iso());
        w.member("finish", pu.finish.iso());
        w.member("hours", rounded(pu.hours));
        w.member("late_days", pu.late_days);
        w.member("lateness_hours", rounded(pu.lateness_hours));
        w.member("level", c.levels().name(ref.level));
        w.key("phase");
        if (pu.phase) w.value(program->phases[*pu.phase].id);
        else w.null();
        w.member("release", pu.release.iso());
        if (parts.wants(PlanPart::path_requires)) unit_names("requires", pu.requires_units);
        w.member("skill", c.skills()[ref.skill].id);
        w.member("start", pu.start.iso());
        w.member("unit", c.unit_name(graph.unit(pu.unit)));
        w.end_object();
    }
    w.end_array();

    w.key("phases");
    w.begin_array();
    for (const PlannedPhase &ph : plan.phases) {
        const Phase &def = program->phases[ph.phase];
        w.begin_object();
        w.key("delivered");
        if (ph.delivered) w.value(ph.delivered->iso());
        else w.null();
        w.member("first", ph.first.iso());
        w.member("hours", rounded(ph.hours));
        w.member("id", def.id);
        w.member("last", ph.last.iso());
        w.member("on_time", ph.on_time);
        w.member("title", def.title);
        if (parts.wants(PlanPart::phase_units)) unit_names("units", ph.units);
        w.end_object();
    }
    w.end_array();

    w.key("program");
    if (program) w.value(program->id);
    else w.null();
    if (parts.wants(PlanPart::ready)) unit_names("ready", plan.gap.ready);
    if (parts.wants(PlanPart::sessions)) {
        w.key("sessions");
        write_sessions(w, c, plan, parts);
    }
    w.member("start", request.start.iso());

    const PlanSummary &s = plan.summary;
    w.key("summary");
    w.begin_object();
    w.member("critical_path_hours", rounded(s.critical_path_hours));
    w.member("finish", s.finish.iso());
    w.member("hours", rounded(s.hours));
    w.member("lower_bound_finish", s.lower_bound_finish.iso());
    w.member("max_late_days", s.max_late_days);
    w.member("max_lateness_hours", rounded(s.max_lateness_hours));
    w.member("target_met", s.target_met);
    w.member("units", s.units);
    w.end_object();

    w.member("target_date", request.target_date.iso());
    w.member("target_role", c.roles()[request.target_role].id);
    w.member("time_zone", request.learner.zone.name());

    if (parts.wants(PlanPart::warnings)) {
    w.key("warnings");
    w.begin_array();
    for (const PlanWarning &warning : plan.warnings) {
        w.begin_object();
        w.member("code", warning.code);
        w.member("constraint", warning.constraint);
        w.key("dates");
        w.begin_array();
        for (Date d : warning.dates) w.value(d.iso());
        w.end_array();
        w.member("message", warning.message);
        w.end_object();
    }
    w.end_array();
    }
    w.end_object();
    return text;
}



std::string plan_to_text(const Curriculum &c, const PlanRequest &request, const Plan &plan) {
    const UnitGraph &graph = c.graph();
    const Program *program = request.program ? &c.programs()[*request.program] : nullptr;
    const Role &role = c.roles()[request.target_role];
    std::ostringstream out;
    auto hours = [](double h) {
        std::ostringstream s;
        s << rounded(h);
        return s.str();
    };

    out << "Plan for " << request.learner.name << ": " << role.title;
    if (program) out << " (" << program->title << ")";
    out << "\n" << request.start.iso() << " to " << request.target_date.iso() << ", " << hours(request.learner.hours_per_week)
        << " hours a week\n\n";

    out << "Gaps\n";
    if (plan.gap.gaps.empty()) out << "  none\n";
    for (const SkillGap &g : plan.gap.gaps) {
        out << "  " << std::left << std::setw(28) << c.skills()[g.skill].id << std::setw(14) << c.levels().name(g.current)
            << "-> " << std::setw(14) << c.levels().name(g.target) << std::right << std::setw(6) << hours(g.hours) << " h";
        if (g.required) out << "  weight " << hours(g.weight);
        else out << "  (prerequisite)";
        out << "\n";
    }

    out << "\nPath\n";
    if (plan.path.empty()) out << "  nothing to learn\n";
    for (const PlannedUnit &pu : plan.path) {
        out << "  " << pu.start.iso() << " .. " << pu.finish.iso() << "  " << std::left << std::setw(40)
            << c.unit_name(graph.unit(pu.unit)) << std::right << std::setw(6) << hours(pu.hours) << " h  due " << pu.due.iso();
        if (pu.phase) out << "  [" << program->phases[*pu.phase].id << "]";
        if (pu.late_days > 0) out << "  LATE " << pu.late_days << " days";
        out << "\n";
    }

    if (!plan.phases.empty()) out << "\nPhases\n";
    for (const PlannedPhase &ph : plan.phases) {
        const Phase &def = program->phases[ph.phase];
        out << "  " << std::left << std::setw(36) << def.title << std::right << ph.first.iso() << " .. " << ph.last.iso()
            << "  " << ph.units.size() << " units, " << hours(ph.hours) << " h";
        if (ph.delivered) out << ", delivered " << ph.delivered->iso() << (ph.on_time ? "" : " (late)");
        out << "\n";
    }

    out << "\nMilestones\n";
    for (const Milestone &m : plan.milestones)
        out << "  " << m.due.iso() << "  " << std::left << std::setw(40) << m.title << std::right << "delivered "
            << m.delivered.iso() << (m.met ? "" : "  MISSED") << "\n";

    if (!plan.sessions.empty()) {
        std::size_t held = 0;
        for (const Session &s : plan.sessions) held += s.status != Session::Status::dropped;
        out << "\nSessions (" << held << " of " << plan.sessions.size() << " placed, times in " << request.learner.zone.name()
            << ")\n";
    }
    for (const Session &s : plan.sessions) {
        const SessionType &type = c.session_types()[s.session_type];
        const std::string name = type.title + " #" + std::to_string(s.occurrence + 1);
        if (s.status == Session::Status::dropped) {
            out << "  " << std::left << std::setw(29) << "dropped" << std::setw(28) << name << std::right
                << "window " << s.window_first.iso() << " .. " << s.window_last.iso() << "\n";
            continue;
        }
        std::string agenda;
        if (type.agenda == SessionType::Agenda::milestones)
            for (std::size_t m : s.milestones) agenda += (agenda.empty() ? "" : ", ") + plan.milestones[m].title;
        for (UnitIndex u : s.agenda) agenda += (agenda.empty() ? "" : ", ") + c.unit_name(graph.unit(u));
        const std::string when = format_offset_date_time(s.day, s.minute_of_day * 60, s.offset_minutes);
        out << "  " << s.day.iso() << " " << to_string(s.day.weekday()) << " " << when.substr(11, 5) << " "
            << when.substr(19) << "  " << std::left << std::setw(28) << name << std::right << std::setw(3) << s.minutes
            << " min";
        if (!agenda.empty()) out << "  " << agenda;
        out << "\n";
    }

    if (!plan.warnings.empty()) out << "\nWarnings\n";
    for (const PlanWarning &w : plan.warnings) out << "  [" << w.code << "] " << w.message << "\n";

    const PlanSummary &s = plan.summary;
    out << "\nSummary\n"
        << "  units " << s.units << ", " << hours(s.hours) << " hours, critical path " << hours(s.critical_path_hours)
        << " hours\n"
        << "  finish " << s.finish.iso() << " (earliest possible " << s.lower_bound_finish.iso() << "), target "
        << request.target_date.iso() << (s.target_met ? " met" : " missed") << "\n"
        << "  max lateness " << hours(s.max_lateness_hours) << " working hours, " << s.max_late_days << " days late at most\n";
    return out.str();
}

CAREERPATH_NAMESPACE_END
