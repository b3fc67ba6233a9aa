// Making one learner's plan (README "A plan"): draft_plan and finish_plan, at the end of this
// file, read as its steps, with the sessions placed between them (make_plan; a cohort places the
// sessions of many drafts together, plan_draft.hpp); each step is a function above them, in the
// order they run. The gap is closed, the horizon and
// the calendar set and checked against the gap's hours, the path's units become jobs on the
// working-hour axis with their phases' release and due hours, the jobs are scheduled
// (schedule.hpp), the schedule is dated back on the calendar, then come the summary, phases and
// milestones, the advice (least_hours.hpp), warnings and sessions, and for a re-plan what changed
// against the previous plan (plan_changes.hpp). Units are dense indices, so every lookup by unit or job is
// a vector, and each calendar query is made once per distinct date, not once per unit.
#include <careerpath/plan.hpp>

#include "date_time.hpp"
#include "least_hours.hpp"
#include "plan_changes.hpp"
#include "plan_draft.hpp"
#include "plan_request_errors.hpp"  // program_past_calendar_end: the request reader's message for it
#include "rounding.hpp"             // rounded: hours in messages read as the plan document writes them
#include "schedule.hpp"
#include "session_agenda.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string_view>
#include <tuple>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// Hours are real numbers on the working-hour axis; below this they are the same hour.
constexpr double epsilon = 1e-9;

using detail::rounded;

Result<void> success() { return boost::outcome_v2::success(); }

using detail::format_hours;

// What every step reads.
struct Context {
    const Curriculum &c;
    const PlanRequest &request;
    const Limits &limits;
    const Program *program;  // none for a plan without a program
};

// --- The horizon -------------------------------------------------------------------------------

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

// The horizon, once the program's phases (months from the start) and the target date are known
// to be dates within it. A target date is a Date, so only the max_plan_years horizon can come
// before it.
Result<Horizon> plan_horizon(const Context &cx) {
    const PlanRequest &request = cx.request;
    if (cx.program && !request.start.last_day_of_months(cx.program->months))
        return detail::program_past_calendar_end(*cx.program, request.start, "/start");
    const Horizon horizon = Horizon::of(request.start, cx.limits.max_plan_years);
    if (request.first_day() > horizon.last)
        return make_error(Status::limit,
                          "replan_from " + request.first_day().iso() + " is past " +
                              horizon.describe(cx.limits.max_plan_years) + ": there is no plan left to make",
                          "/replan_from");
    if (request.target_date > horizon.last)
        return make_error(Status::limit,
                          "target_date " + request.target_date.iso() + " is not within " +
                              std::to_string(cx.limits.max_plan_years) + " years of the start " +
                              request.start.iso() + " (max_plan_years)",
                          "/target_date");
    return horizon;
}

// --- The calendar and its capacity -------------------------------------------------------------

CalendarSpec calendar_spec(const PlanRequest &request) {
    const Learner &l = request.learner;
    return {request.first_day(), l.hours_per_week, l.workdays, request.holidays, l.time_off};
}

Calendar learner_calendar(const PlanRequest &request, const Horizon &horizon) {
    return Calendar(calendar_spec(request), horizon.last);
}

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
    const std::string span = "from " + request.first_day().iso() + " to " + horizon.describe(max_plan_years);
    auto holds_hours = [&](std::vector<HolidayRule> holidays, std::vector<DateRange> time_off) {
        const Calendar calendar(CalendarSpec{request.first_day(), l.hours_per_week, l.workdays, std::move(holidays),
                                             std::move(time_off)},
                                horizon.last);
        return calendar.hours_through(horizon.last) > epsilon;
    };
    if (!holds_hours({}, {}))
        return horizon.too_short("there is no workday from " + request.first_day().iso() + " to " + horizon.last.iso(),
                                 max_plan_years);
    if (!holds_hours(request.holidays, {}))
        return make_error(Status::infeasible,
                          "holidays close every working day " + span + ": there is no time to learn in", "/holidays");
    return make_error(Status::infeasible,
                      std::string(holds_hours({}, l.time_off) ? "holidays and time off close" : "time off closes") +
                          " every working day " + span + ": there is no time to learn in",
                      "/learner/time_off");
}

// The gap's hours must fit in the calendar up to the horizon.
Result<void> check_capacity(const Context &cx, const Calendar &calendar, const Horizon &horizon, double hours) {
    if (hours <= epsilon) return success();
    const double capacity = calendar.hours_through(horizon.last);
    if (capacity <= epsilon) return no_capacity(cx.request, horizon, cx.limits.max_plan_years);
    if (capacity + epsilon < hours)
        return horizon.too_short("the path needs " + format_hours(hours) + " hours, but the calendar holds " +
                                     format_hours(capacity) + " hours from " + cx.request.first_day().iso() + " to " +
                                     horizon.last.iso(),
                                 cx.limits.max_plan_years);
    return success();
}

// --- Progress ----------------------------------------------------------------------------------

// The learner's levels with the units done raised into them (a unit done is held, as if
// `current` had reached it), and the hours done on the units still in progress, by unit.
struct DoneWork {
    std::vector<Level> current;
    std::vector<std::pair<UnitIndex, double>> hours_done;  // ascending by unit

    double done_on(UnitIndex unit) const {
        const auto it = std::lower_bound(hours_done.begin(), hours_done.end(), std::pair{unit, 0.0},
                                         [](const auto &a, const auto &b) { return a.first < b.first; });
        return it != hours_done.end() && it->first == unit ? it->second : 0;
    }
};

DoneWork progress_of(const Context &cx) {
    DoneWork p{cx.request.learner.current, {}};
    const UnitGraph &graph = cx.c.graph();
    for (const UnitProgress &u : cx.request.progress) {
        const UnitRef ref = graph.unit(u.unit);
        if (u.done_on || u.hours_done >= cx.c.unit_hours(ref)) p.current[ref.skill] = std::max(p.current[ref.skill], ref.level);
        else if (u.hours_done > 0) p.hours_done.emplace_back(u.unit, u.hours_done);
    }
    std::sort(p.hours_done.begin(), p.hours_done.end());
    return p;
}

// The gap from the levels with progress, less the hours already done on the units in progress
// that the path still needs (a unit in progress that the role no longer needs costs nothing).
GapAnalysis gap_after_progress(const Context &cx, const DoneWork &progress) {
    GapAnalysis gap = close_gap(cx.c, cx.c.roles()[cx.request.target_role], progress.current);
    if (progress.hours_done.empty()) return gap;
    const UnitGraph &graph = cx.c.graph();
    for (UnitIndex u : gap.units) {
        const double done = progress.done_on(u);
        if (done <= 0) continue;
        const std::size_t skill = graph.unit(u).skill;
        for (SkillGap &g : gap.gaps)
            if (g.skill == skill) g.hours -= done;
        gap.hours -= done;
    }
    return gap;
}

// --- The path's jobs ---------------------------------------------------------------------------

struct PhaseWindow {
    Date first, last;
};

// plan_horizon has checked that the program's months end by 9999-12-31, so every phase does too
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

// A unit's window as dates and as hours on the axis: its phase's, else the start to the target
// date. A due date is the capacity hour at the end of that day.
struct UnitWindow {
    Date release, due;
    double release_hour = 0, due_hour = 0;
};

// One per phase, then the one for units of no phase: the calendar is asked once per window, not
// once per unit.
std::vector<UnitWindow> unit_windows(const PlanRequest &request, const std::vector<PhaseWindow> &phases,
                                     const Calendar &calendar) {
    std::vector<UnitWindow> out;
    out.reserve(phases.size() + 1);
    auto add = [&](Date release, Date due) {
        out.push_back({release, due, calendar.hours_before(release), calendar.hours_through(due)});
    };
    // Phases as guidance release every unit at the start; their ends stay the due dates.
    for (const PhaseWindow &w : phases) add(request.phases == PhaseMode::guide ? request.start : w.first, w.last);
    add(request.start, request.target_date);
    return out;
}

// The path's units and their jobs, index for index: job j is gap.units[j].
struct PathJobs {
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    std::vector<PlannedUnit> units;
    std::vector<Job> jobs;
    std::vector<std::uint32_t> job_of;  // by unit index: its job, or none outside the path
};

// Ranks by unit id (skill id, then level), the schedule's last tie-break. The gap lists its
// skills by id already and a skill's units are its levels in order, so no sort is needed.
void rank_by_id(const UnitGraph &graph, const GapAnalysis &gap, PathJobs &path) {
    std::size_t rank = 0;
    for (const SkillGap &g : gap.gaps)
        for (Level level = 1; level <= graph.top_level(); ++level)
            if (const std::uint32_t j = path.job_of[graph.index_of({g.skill, level})]; j != PathJobs::none)
                path.jobs[j].rank = rank++;
}

// With a previous plan, its order breaks the ties the id broke: units it had come first, by the
// day it finished them, then by id; units it did not have come after, by id. Ranks decide only
// between units equally urgent and ready together, and of two such units the previous schedule
// finished first the one it ranked first, so a re-plan of the same request reproduces it
// (README "Re-planning").
void rank_by_previous(const UnitGraph &graph, const PreviousPlan &previous, PathJobs &path) {
    std::vector<std::int32_t> finished(path.jobs.size(), std::numeric_limits<std::int32_t>::max());
    for (const PreviousPlan::Unit &u : previous.path)
        if (u.unit < graph.unit_count())
            if (const std::uint32_t j = path.job_of[u.unit]; j != PathJobs::none) finished[j] = u.finish.day_number();
    std::vector<std::size_t> order(path.jobs.size());
    for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(finished[a], path.jobs[a].rank) < std::tie(finished[b], path.jobs[b].rank);
    });
    for (std::size_t r = 0; r < order.size(); ++r) path.jobs[order[r]].rank = r;
}

// Each unit of the path as a job: its hours, its window's release and due hours, its role weight
// and the prerequisites that are in the path.
PathJobs path_jobs(const Context &cx, const Calendar &calendar, const std::vector<PhaseWindow> &phases,
                   const GapAnalysis &gap, const DoneWork &progress) {
    const UnitGraph &graph = cx.c.graph();
    const std::size_t n = gap.units.size();
    PathJobs path;
    path.job_of.assign(graph.unit_count(), PathJobs::none);
    for (std::size_t j = 0; j < n; ++j) path.job_of[gap.units[j]] = static_cast<std::uint32_t>(j);
    path.jobs.resize(n);
    path.units.resize(n);
    rank_by_id(graph, gap, path);
    if (cx.request.previous) rank_by_previous(graph, *cx.request.previous, path);

    const auto phase_of = phase_of_skill(cx.c, cx.program);
    const auto windows = unit_windows(cx.request, phases, calendar);
    std::vector<double> weight_of_skill(cx.c.skills().size(), 0);
    for (const SkillGap &g : gap.gaps) weight_of_skill[g.skill] = g.weight;
    auto in_path = [&](UnitIndex u) { return path.job_of[u] != PathJobs::none; };

    for (std::size_t j = 0; j < n; ++j) {
        const UnitIndex u = gap.units[j];
        const UnitRef ref = graph.unit(u);
        PlannedUnit &pu = path.units[j];
        pu.unit = u;
        pu.hours_done = progress.done_on(u);
        pu.hours = cx.c.unit_hours(ref) - pu.hours_done;  // less than its hours, or it would be done
        pu.phase = phase_of[ref.skill];
        const UnitWindow &window = windows[pu.phase.value_or(phases.size())];
        pu.release = window.release;
        pu.due = window.due;
        pu.release_hour = window.release_hour;
        pu.due_hour = window.due_hour;
        Job &job = path.jobs[j];
        job.hours = pu.hours;
        job.release = pu.release_hour;
        job.due = pu.due_hour;
        job.weight = weight_of_skill[ref.skill];
        const auto prerequisites = graph.prerequisites_of(u);
        const auto count = static_cast<std::size_t>(std::count_if(prerequisites.begin(), prerequisites.end(), in_path));
        job.predecessors.reserve(count);
        pu.requires_units.reserve(count);
        for (UnitIndex p : prerequisites)
            if (in_path(p)) {
                job.predecessors.push_back(path.job_of[p]);
                pu.requires_units.push_back(p);
            }
    }
    return path;
}

// --- Dates -------------------------------------------------------------------------------------

// Hours on the axis back to days. The hours fit, but work that waits for its phase's release
// date can still end after the horizon (the schedule idles only while it waits).
struct AxisDates {
    const Context &cx;
    const Calendar &calendar;
    const Horizon &horizon;

    Result<Date> ending(double hour) const {
        if (auto d = calendar.day_ending(hour)) return *d;
        return past_horizon();
    }
    Result<Date> starting(double hour) const {
        if (auto d = calendar.day_starting(hour)) return *d;
        return past_horizon();
    }
    Error past_horizon() const {
        return horizon.too_short("the path's work, waiting for the release dates of its phases, does not fit from " +
                                     cx.request.start.iso() + " to " + horizon.last.iso(),
                                 cx.limits.max_plan_years);
    }
};

// Each unit's hours and days from its job's schedule; a zero-hour unit is done the moment it is
// reached, so it starts on the day it finishes.
Result<void> date_units(const AxisDates &dates, const Schedule &schedule, std::vector<PlannedUnit> &units) {
    for (std::size_t j = 0; j < units.size(); ++j) {
        PlannedUnit &pu = units[j];
        const ScheduledJob &sj = schedule.jobs[j];
        pu.start_hour = sj.start;
        pu.finish_hour = sj.finish;
        pu.lateness_hours = sj.finish - pu.due_hour;
        BOOST_OUTCOME_TRY(finish, dates.ending(sj.finish));
        pu.finish = finish;
        pu.start = pu.finish;
        if (pu.hours > epsilon) {
            BOOST_OUTCOME_TRY(start, dates.starting(sj.start));
            pu.start = start;
        }
        pu.late_days = std::max(0, pu.finish.days_since(pu.due));
    }
    return success();
}

// The dated units in the order worked on; position_of[j] is job j's place in it.
std::vector<PlannedUnit> in_order_worked(const Schedule &schedule, std::vector<PlannedUnit> &units,
                                         std::vector<std::size_t> &position_of) {
    std::vector<PlannedUnit> path;
    path.reserve(units.size());
    position_of.resize(units.size());
    for (std::size_t j : schedule.order) {
        position_of[j] = path.size();
        path.push_back(std::move(units[j]));
    }
    return path;
}

// --- Summary -----------------------------------------------------------------------------------

// The longest chain of hours through the path's precedence, taking the path's units in the
// graph's topological order.
double critical_path_hours(const UnitGraph &graph, const PathJobs &path) {
    std::vector<double> longest(path.jobs.size(), 0);
    double most = 0;
    for (UnitIndex u : graph.topological_order()) {
        const std::uint32_t j = path.job_of[u];
        if (j == PathJobs::none) continue;
        double before = 0;
        for (std::size_t p : path.jobs[j].predecessors) before = std::max(before, longest[p]);
        longest[j] = before + path.jobs[j].hours;
        most = std::max(most, longest[j]);
    }
    return most;
}

Result<void> summarize(const AxisDates &dates, const Schedule &schedule, const PathJobs &path, Plan &plan) {
    const PlanRequest &request = dates.cx.request;
    const std::size_t n = plan.path.size();
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
        BOOST_OUTCOME_TRY(bound, dates.ending(schedule.lower_bound_finish));
        summary.lower_bound_finish = bound;
    }
    summary.target_met = summary.finish <= request.target_date;
    summary.critical_path_hours = critical_path_hours(dates.cx.c.graph(), path);
    return success();
}

// --- Phases, milestones and warnings -----------------------------------------------------------

// A warning stands for one cause and names only a few of its units or sessions, counting the
// rest, so that a plan of hundreds of late units still reads in a few lines; `units` and
// `sessions` list them all for tools (README.md "Warnings").
constexpr std::size_t named_in_message = 3;

// "a@beginner, b@beginner, c@advanced and 9 more"
std::string some_units(const Curriculum &c, const std::vector<UnitIndex> &units) {
    std::string out;
    const std::size_t named = std::min(units.size(), named_in_message);
    for (std::size_t i = 0; i < named; ++i) out += (i ? ", " : "") + c.unit_name(c.graph().unit(units[i]));
    if (units.size() > named) out += " and " + std::to_string(units.size() - named) + " more";
    return out;
}

// "1 unit", "12 units"
std::string counted(std::size_t n, const std::string &noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

PlanWarning warning_of(std::string code, std::string message, std::vector<Date> dates, std::string constraint) {
    PlanWarning warning;
    warning.code = std::move(code);
    warning.message = std::move(message);
    warning.dates = std::move(dates);
    warning.constraint = std::move(constraint);
    return warning;
}

PlanWarning listing(PlanWarning warning, std::vector<UnitIndex> units) {
    warning.count = units.size();
    warning.units = std::move(units);
    return warning;
}

// The path's units (of `phase`, where given) that finish after `day`, in the order worked on.
std::vector<UnitIndex> units_finishing_after(const Plan &plan, Date day, std::optional<std::size_t> phase = {}) {
    std::vector<UnitIndex> out;
    for (const PlannedUnit &pu : plan.path)
        if (pu.finish > day && (!phase || pu.phase == phase)) out.push_back(pu.unit);
    return out;
}

// Each phase of the program with its units in the order worked on and when it is delivered; a
// milestone for each phase with units, and a warning for each that overruns its window.
void add_phases(const Context &cx, const std::vector<PhaseWindow> &windows, Plan &plan) {
    std::vector<PlannedPhase> phases(windows.size());
    std::vector<double> short_hours(windows.size(), 0);
    for (std::size_t p = 0; p < windows.size(); ++p) {
        phases[p].phase = p;
        phases[p].first = windows[p].first;
        phases[p].last = windows[p].last;
    }
    for (const PlannedUnit &pu : plan.path) {
        if (!pu.phase) continue;
        PlannedPhase &phase = phases[*pu.phase];
        phase.units.push_back(pu.unit);
        phase.hours += pu.hours;
        phase.delivered = phase.delivered ? std::max(*phase.delivered, pu.finish) : pu.finish;
        short_hours[*pu.phase] = std::max(short_hours[*pu.phase], pu.lateness_hours);
    }
    for (PlannedPhase &phase : phases) {
        phase.on_time = !phase.delivered || *phase.delivered <= phase.last;
        const Phase &def = cx.program->phases[phase.phase];
        if (phase.delivered)
            plan.milestones.push_back({def.id, def.title + " complete", phase.last, *phase.delivered, phase.on_time});
        if (!phase.on_time) {
            std::vector<UnitIndex> late = units_finishing_after(plan, phase.last, phase.phase);
            PlanWarning warning = warning_of(
                "phase_overrun",
                "phase \"" + def.id + "\" needs " + format_hours(short_hours[phase.phase]) +
                    " more learning hours than its window holds; it can finish on " + phase.delivered->iso() +
                    " instead of " + phase.last.iso() + ", with " + std::to_string(late.size()) + " of its " +
                    std::to_string(phase.units.size()) + " units late: " + some_units(cx.c, late),
                {phase.last, *phase.delivered},
                "learning hours in the window " + phase.first.iso() + " to " + phase.last.iso());
            warning.phases = {phase.phase};
            plan.warnings.push_back(listing(std::move(warning), std::move(late)));
        }
    }
    plan.phases = std::move(phases);
}

// A unit whose prerequisite a later phase releases cannot start in its own phase's window: one
// warning per pair of phases, the units' and the later one, listing the units that wait and
// naming a few of the prerequisites they wait for.
void add_released_late(const Context &cx, const std::vector<PhaseWindow> &windows, const PathJobs &path,
                       const std::vector<std::size_t> &position_of, Plan &plan) {
    struct Waiting {
        std::vector<UnitIndex> units, prerequisites;  // in the order worked on, each once
    };
    // By (the units' phase, the releasing phase).
    std::map<std::pair<std::size_t, std::size_t>, Waiting> waiting;
    std::vector<std::size_t> later;  // one unit's later phases, each once
    auto add_once = [](auto &list, auto item) {
        if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
    };
    for (const PlannedUnit &pu : plan.path) {
        if (!pu.phase) continue;
        later.clear();
        for (UnitIndex p : pu.requires_units) {
            const PlannedUnit &pre = plan.path[position_of[path.job_of[p]]];
            if (!pre.phase || windows[*pre.phase].first <= windows[*pu.phase].first) continue;
            add_once(later, *pre.phase);
            add_once(waiting[{*pu.phase, *pre.phase}].prerequisites, p);
        }
        for (std::size_t releasing : later) waiting[{*pu.phase, releasing}].units.push_back(pu.unit);
    }
    if (waiting.empty()) return;
    const auto &phases = cx.program->phases;  // units with a phase: the plan has a program
    for (auto &[pair, w] : waiting) {
        const auto [own, releasing] = pair;
        const bool one = w.units.size() == 1;
        const std::string released = windows[releasing].first.iso();
        // The prerequisites in the order worked on, as the units are.
        std::sort(w.prerequisites.begin(), w.prerequisites.end(), [&](UnitIndex a, UnitIndex b) {
            return position_of[path.job_of[a]] < position_of[path.job_of[b]];
        });
        PlanWarning warning = warning_of(
            "released_late",
            counted(w.units.size(), "unit") + " of phase \"" + phases[own].id + "\" " + (one ? "waits" : "wait") +
                " for " + counted(w.prerequisites.size(), "prerequisite") + " (" + some_units(cx.c, w.prerequisites) +
                ") that phase \"" + phases[releasing].id + "\" releases on " + released + ", so " +
                (one ? "it cannot" : "they cannot") + " start before then: " + some_units(cx.c, w.units),
            {windows[own].first, windows[releasing].first},
            "prerequisites in the later phase \"" + phases[releasing].id + "\", released " + released);
        warning.phases = {own, releasing};
        plan.warnings.push_back(listing(std::move(warning), std::move(w.units)));
    }
}

// The role's milestone on the target date, and a warning when the path misses it.
void add_target(const Context &cx, Plan &plan) {
    const Role &role = cx.c.roles()[cx.request.target_role];
    const PlanSummary &summary = plan.summary;
    const Date target = cx.request.target_date;
    plan.milestones.push_back({role.id, "Ready for " + role.title, target, summary.finish, summary.target_met});
    if (!summary.target_met) {
        std::vector<UnitIndex> late = units_finishing_after(plan, target);
        // What to do about it (README "Advice"): the hours a week that meet it, and what working
        // ahead of the phases would give.
        const Advice &advice = plan.advice;
        std::string remedy = advice.min_hours_per_week
                                 ? "; at " + format_hours(*advice.min_hours_per_week) + " hours a week instead of " +
                                       format_hours(cx.request.learner.hours_per_week) + " it is met"
                                 : "; no number of hours a week meets it";
        if (const auto &ahead = advice.working_ahead)
            remedy += ahead->finish < summary.finish
                          ? "; working ahead of the phases (\"phases\": \"guide\") would finish on " +
                                ahead->finish.iso() + (ahead->finish <= target ? ", in time" : "")
                          : "; working ahead of the phases would not finish earlier";
        const std::string message = "the path finishes on " + summary.finish.iso() + ", after the target date " +
                                    target.iso() + "; the earliest possible finish is " +
                                    summary.lower_bound_finish.iso() + "; " + counted(late.size(), "unit") +
                                    (late.size() == 1 ? " finishes" : " finish") +
                                    " after the target date: " + some_units(cx.c, late) + remedy;
        plan.warnings.push_back(listing(warning_of("target_missed", message, {target, summary.finish},
                                                   "learning hours between the start and the target date"),
                                        std::move(late)));
    }
}

// --- Advice ------------------------------------------------------------------------------------

// The least weekly hours for the target date and for each phase's end (least_hours.hpp), on the
// plan's own calendar: its hours over the hours of a working day count working days. With no
// hours a week there is no work either (check_capacity), and every figure is 0.
Advice advise(const Context &cx, const Calendar &calendar, const std::vector<PhaseWindow> &windows,
              const PathJobs &path) {
    const PlanRequest &request = cx.request;
    const double per_day = calendar.hours_per_working_day();
    auto days = [&](double hours) -> std::int64_t { return per_day > 0 ? std::llround(hours / per_day) : 0; };
    detail::LeastHoursInput in;
    in.jobs = &path.jobs;
    in.workdays_per_week = static_cast<int>(std::count(request.learner.workdays.begin(), request.learner.workdays.end(), true));
    const bool guide = request.phases == PhaseMode::guide;
    for (const PhaseWindow &w : windows)
        in.windows.push_back({guide ? 0 : days(calendar.hours_before(w.first)), days(calendar.hours_through(w.last))});
    in.target_due = days(calendar.hours_through(request.target_date));
    in.windows.push_back({0, in.target_due});
    in.window_of.reserve(path.units.size());
    for (const PlannedUnit &pu : path.units) in.window_of.push_back(pu.phase.value_or(windows.size()));
    const detail::LeastHours least = detail::least_hours(in);

    Advice advice;
    advice.min_hours_per_week = least.target;
    for (std::size_t p = 0; p < windows.size(); ++p) advice.phases.push_back({p, least.windows[p]});
    if (!guide && !windows.empty())
        if (const auto finish = calendar.day_ending(least.total_hours))
            advice.working_ahead = Advice::WorkingAhead{*finish, least.target_working_ahead};
    return advice;
}

// Whether one role extends the other, through any number of steps (or they are the same).
bool on_one_ladder(const Curriculum &c, std::size_t a, std::size_t b) {
    auto reaches = [&](std::size_t from, std::size_t to) {
        // Each step goes to a role defined before it (the curriculum has no extends cycle), so
        // the walk ends within the number of roles.
        for (std::optional<std::size_t> r = from; r; r = c.roles()[*r].extends)
            if (*r == to) return true;
        return false;
    };
    return reaches(a, b) || reaches(b, a);
}

// Months from `start` to `finish` (both counted), to a tenth, rounded up: whole months counted
// on the start's own month boundaries, then the part of the month `finish` falls in.
std::optional<double> months_between(Date start, Date finish) {
    int whole = 0;
    while (true) {
        const std::optional<Date> last = start.last_day_of_months(whole + 1);
        if (!last) return std::nullopt;
        if (finish <= *last) {
            const Date first = start.plus_months(whole);
            const double part = static_cast<double>(finish.days_since(first) + 1) /
                                static_cast<double>(last->days_since(first) + 1);
            return whole + std::ceil(part * 10 - 1e-9) / 10;
        }
        ++whole;
    }
}

// Each program toward the request's role, with the months the gap needs at the learner's hours
// when nothing waits for a phase (the advice's working-ahead finish), against its length and
// price.
std::vector<ProgramFit> program_fit(const Context &cx, const Calendar &calendar, double gap_hours) {
    std::vector<ProgramFit> out;
    const Curriculum &c = cx.c;
    const std::optional<Date> finish = gap_hours > epsilon ? calendar.day_ending(gap_hours) : cx.request.first_day();
    for (std::size_t p = 0; p < c.programs().size(); ++p) {
        const Program &program = c.programs()[p];
        if (!on_one_ladder(c, program.target_role, cx.request.target_role)) continue;
        ProgramFit fit;
        fit.program = p;
        fit.finish = finish;
        if (finish) {
            fit.months = gap_hours > epsilon ? months_between(cx.request.start, *finish) : 0.0;
            const std::optional<Date> end = cx.request.start.last_day_of_months(program.months);
            fit.fits = end && *finish <= *end;
            fit.cost = plan_cost(program, cx.request.start, *finish);
        }
        out.push_back(std::move(fit));
    }
    return out;
}

// --- Sessions ----------------------------------------------------------------------------------

// Why a dropped occurrence's slots were closed: the set of SlotClosure kinds that closed them,
// one bit each; the empty set is "no session slot in the window". Occurrences with one cause
// give one warning.
using Cause = unsigned;

constexpr SlotClosure closure_kinds[] = {SlotClosure::not_a_workday,      SlotClosure::holiday,
                                         SlotClosure::time_off,           SlotClosure::mentor_unavailable,
                                         SlotClosure::mentor_busy,        SlotClosure::taken,
                                         SlotClosure::outside_calendar,   SlotClosure::mentor_booked,
                                         SlotClosure::mentor_hours};

Cause cause_of(const Session &s) {
    Cause cause = 0;
    for (SlotClosure kind : s.closed_by) cause |= 1u << static_cast<unsigned>(kind);
    return cause;
}

bool closes(Cause cause, SlotClosure kind) { return cause & (1u << static_cast<unsigned>(kind)); }

// A closed slot in plain words, to follow "each was" (docs/sessions.md names the kinds).
const char *in_words(SlotClosure kind) {
    switch (kind) {
    case SlotClosure::not_a_workday: return "on a day the learner does not work";
    case SlotClosure::holiday: return "on a holiday";
    case SlotClosure::time_off: return "in the learner's time off";
    case SlotClosure::mentor_unavailable: return "outside the mentor's availability";
    case SlotClosure::mentor_busy: return "in one of the mentor's busy intervals";
    case SlotClosure::taken: return "taken by another of the learner's sessions";
    case SlotClosure::outside_calendar: return "outside the calendar careerpath supports";
    case SlotClosure::mentor_booked: return "booked by the mentor for another learner";
    case SlotClosure::mentor_hours: return "past the mentor's session hours for the week";
    }
    return "closed";
}

// "holiday, mentor_busy", in the order of SlotClosure; "no session slot" for the empty cause.
std::string cause_constraint(Cause cause) {
    std::string out;
    for (SlotClosure kind : closure_kinds)
        if (closes(cause, kind)) out += (out.empty() ? "" : ", ") + std::string(to_string(kind));
    return out.empty() ? "no session slot" : out;
}

// "on a holiday (holiday) or in the learner's time off (time_off)": the words for people, the
// kinds for matching them with each session's `why`; mentor_booked names the learners whose
// sessions took the slots (`booked_by`, a cohort's: "(mentor_booked: bianca, chen)").
std::string cause_in_words(Cause cause, const std::vector<std::string> &booked_by) {
    std::vector<SlotClosure> kinds;
    for (SlotClosure kind : closure_kinds)
        if (closes(cause, kind)) kinds.push_back(kind);
    std::string out;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        out += std::string(i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + in_words(kinds[i]) + " (" +
               to_string(kinds[i]);
        if (kinds[i] == SlotClosure::mentor_booked && !booked_by.empty()) {
            out += ": ";
            for (std::size_t k = 0; k < booked_by.size(); ++k) out += (k ? ", " : "") + booked_by[k];
        }
        out += ")";
    }
    return out;
}

// Lists the occurrences in the warning, and spans its dates over their windows.
PlanWarning listing(PlanWarning warning, const std::vector<const Session *> &sessions) {
    Date first = sessions.front()->window_first, last = sessions.front()->window_last;
    for (const Session *s : sessions) {
        first = std::min(first, s->window_first);
        last = std::max(last, s->window_last);
        warning.sessions.push_back({s->session_type, s->occurrence});
    }
    warning.dates = {first, last};
    warning.count = warning.sessions.size();
    return warning;
}

// One cause's warning: which occurrences of which types were dropped, over which dates, and why.
PlanWarning dropped_for(const Curriculum &c, const std::vector<Session> &sessions, Cause cause,
                        const std::vector<const Session *> &dropped) {
    PlanWarning warning = listing(warning_of("session_dropped", "", {}, cause_constraint(cause)), dropped);
    const Date first = warning.dates[0], last = warning.dates[1];
    const bool one = dropped.size() == 1;
    std::string &message = warning.message;
    if (one) {
        message = c.session_types()[dropped.front()->session_type].title + " #" +
                  std::to_string(dropped.front()->occurrence + 1) + " is dropped (window " + first.iso() + " to " +
                  last.iso() + ")";
    } else {
        std::map<std::size_t, std::size_t> dropped_of_type, of_type;  // by session type, in curriculum order
        for (const Session *s : dropped) ++dropped_of_type[s->session_type];
        for (const Session &s : sessions) of_type[s.session_type] += !s.history;
        message = std::to_string(dropped.size()) + " sessions are dropped (";
        for (const auto &[type, n] : dropped_of_type)
            message += std::string(type == dropped_of_type.begin()->first ? "" : ", ") + c.session_types()[type].title +
                       ": " + std::to_string(n) + " of " + std::to_string(of_type[type]);
        message += ") in windows from " + first.iso() + " to " + last.iso();
    }
    const std::string windows = one ? "its window" : "their windows";
    // The learners whose bookings closed the slots, in order of first appearance.
    std::vector<std::string> booked_by;
    for (const Session *s : dropped)
        for (const std::string &id : s->booked_by)
            if (std::find(booked_by.begin(), booked_by.end(), id) == booked_by.end()) booked_by.push_back(id);
    if (cause == 0) message += ": the learner has no session slot in " + windows;
    else message += ": no slot of " + windows + " could hold " + (one ? "it" : "them") + "; each was " +
                    cause_in_words(cause, booked_by);
    return warning;
}

// One warning per cause of dropped occurrences (each session keeps its own `why`); a learner
// without any session slot gets one warning for all of them. They are about what this plan
// places: history sessions, its previous plan's, are left out.
void add_session_warnings(const Curriculum &c, const PlanRequest &request, Plan &plan) {
    if (request.learner.session_slots.empty()) {
        std::vector<const Session *> all;
        for (const Session &s : plan.sessions)
            if (!s.history) all.push_back(&s);
        if (all.empty()) return;
        plan.warnings.push_back(listing(warning_of("no_session_slots",
                                                   "the learner has no session slots, so none of the program's " +
                                                       std::to_string(all.size()) +
                                                       " session occurrences can be placed",
                                                   {}, "learner.session_slots"),
                                        all));
        return;
    }
    std::map<Cause, std::vector<const Session *>> by_cause;
    for (const Session &s : plan.sessions)
        if (s.status == Session::Status::dropped && !s.history) by_cause[cause_of(s)].push_back(&s);
    for (const auto &[cause, dropped] : by_cause) plan.warnings.push_back(dropped_for(c, plan.sessions, cause, dropped));
}

// Whether the plan has sessions, and up to which day: from the start to the later of the finish
// and the target date; none without a program, or where the request leaves them out.
std::optional<Date> sessions_until(const Context &cx, const Plan &plan) {
    if (!cx.program || !cx.request.parts.wants(PlanPart::sessions)) return std::nullopt;
    return std::max(plan.summary.finish, cx.request.target_date);
}

// The placed sessions, their agendas from the dated path, and a warning for each cause of the
// dropped ones.
void add_sessions(const Context &cx, std::vector<Session> sessions, Plan &plan) {
    plan.sessions = std::move(sessions);
    detail::assign_agendas(cx.c, *cx.program, cx.request.start, plan);
    add_session_warnings(cx.c, cx.request, plan);
}

// Warnings in an order that depends on nothing but the plan (README.md "Warnings"): by code,
// then by the first of their dates, then by the ids of the phases they name, else by their
// constraint (a session_dropped warning's cause).
void order_warnings(const Context &cx, Plan &plan) {
    auto phase_ids = [&](const PlanWarning &w) {
        std::vector<std::string_view> ids;
        for (std::size_t p : w.phases) ids.push_back(cx.program->phases[p].id);
        return ids;
    };
    std::stable_sort(plan.warnings.begin(), plan.warnings.end(), [&](const PlanWarning &a, const PlanWarning &b) {
        if (a.code != b.code) return a.code < b.code;
        const std::optional<Date> da = a.dates.empty() ? std::nullopt : std::optional(a.dates.front());
        const std::optional<Date> db = b.dates.empty() ? std::nullopt : std::optional(b.dates.front());
        if (da != db) return da < db;
        if (const auto ia = phase_ids(a), ib = phase_ids(b); ia != ib) return ia < ib;
        return a.constraint < b.constraint;
    });
}

}  // namespace

Result<detail::PlanDraft> detail::draft_plan(const Curriculum &c, const PlanRequest &request, const Limits &limits) {
    const Context cx{c, request, limits, request.program ? &c.programs()[*request.program] : nullptr};
    Plan plan;
    const DoneWork progress = progress_of(cx);
    plan.gap = gap_after_progress(cx, progress);

    BOOST_OUTCOME_TRY(horizon, plan_horizon(cx));
    Calendar calendar = learner_calendar(request, horizon);
    BOOST_OUTCOME_TRYV(check_capacity(cx, calendar, horizon, plan.gap.hours));

    const auto windows = phase_windows(cx.program, request.start);
    PathJobs path = path_jobs(cx, calendar, windows, plan.gap, progress);
    plan.advice = advise(cx, calendar, windows, path);
    plan.program_fit = program_fit(cx, calendar, plan.gap.hours);
    const Schedule schedule = schedule_min_max_lateness(path.jobs);

    const AxisDates dates{cx, calendar, horizon};
    BOOST_OUTCOME_TRYV(date_units(dates, schedule, path.units));
    std::vector<std::size_t> position_of;
    plan.path = in_order_worked(schedule, path.units, position_of);
    BOOST_OUTCOME_TRYV(summarize(dates, schedule, path, plan));

    add_phases(cx, windows, plan);
    if (request.phases == PhaseMode::hard) add_released_late(cx, windows, path, position_of, plan);
    add_target(cx, plan);
    const std::optional<Date> until = sessions_until(cx, plan);
    return PlanDraft{std::move(plan), std::move(calendar), until};
}

Plan detail::finish_plan(const Curriculum &c, const PlanRequest &request, PlanDraft &&draft, std::vector<Session> sessions) {
    const Limits limits;  // nothing below checks a limit
    const Context cx{c, request, limits, request.program ? &c.programs()[*request.program] : nullptr};
    Plan plan = std::move(draft.plan);
    if (draft.sessions_until) add_sessions(cx, std::move(sessions), plan);
    order_warnings(cx, plan);
    if (request.previous) detail::compare_with_previous(c, request, calendar_spec(request), plan);
    if (cx.program) plan.cost = plan_cost(*cx.program, request.start, plan.summary.finish);
    return plan;
}

Result<Plan> make_plan(const Curriculum &c, const PlanRequest &request, const Limits &limits) {
    BOOST_OUTCOME_TRY(draft, detail::draft_plan(c, request, limits));
    std::vector<Session> sessions;
    if (draft.sessions_until) {
        BOOST_OUTCOME_TRY(placed, place_sessions(c, request, draft.calendar, *draft.sessions_until, limits));
        sessions = std::move(placed);
    }
    return detail::finish_plan(c, request, std::move(draft), std::move(sessions));
}

CAREERPATH_NAMESPACE_END
