// What changed against the plan a re-plan replaces (README "Re-planning"): the progress against
// it, the units added, removed and moved, the sessions placed, moved or dropped differently, and
// the causes a person would name. make_plan calls compare_with_previous once the plan is made.
#include "plan_changes.hpp"

#include "calendar_changes.hpp"
#include "rounding.hpp"
#include "session_windows.hpp"  // session_type_ranks: the sessions' changes in the program's order

#include <algorithm>
#include <map>
#include <span>
#include <string>
#include <tuple>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// Hours within this are the same hour (make_plan's tolerance).
constexpr double epsilon = 1e-9;

using detail::format_hours;

// What every comparison reads.
struct Context {
    const Curriculum &c;
    const PlanRequest &request;
    const Program *program;        // none for a plan without a program
    const CalendarSpec &calendar_now;  // the calendar the plan was made on
};

// The hours done by the re-plan's first day (units done, and hours done on units in progress,
// that the previous path had) against the hours of the previous path's units finished before it.
ProgressVsPlan progress_against(const Context &cx, const PreviousPlan &previous, const Plan &plan) {
    ProgressVsPlan out;
    out.on = cx.request.first_day();
    const UnitGraph &graph = cx.c.graph();
    std::vector<char> in_previous(graph.unit_count(), 0);
    for (const PreviousPlan::Unit &u : previous.path) {
        in_previous[u.unit] = 1;
        if (u.finish < out.on) out.hours_planned += u.hours;
    }
    for (const UnitProgress &p : cx.request.progress) {
        if (!in_previous[p.unit]) continue;
        const double hours = cx.c.unit_hours(graph.unit(p.unit));
        out.hours_done += p.done_on ? hours : std::min(p.hours_done, hours);
    }
    out.status = progress_status(out.hours_done, out.hours_planned, plan.path.empty());
    return out;
}

// Units in id order: skill rank, then level (Curriculum::skill_rank).
bool unit_before(std::span<const std::size_t> rank, const UnitGraph &graph, UnitIndex a, UnitIndex b) {
    const UnitRef x = graph.unit(a), y = graph.unit(b);
    return std::tie(rank[x.skill], x.level) < std::tie(rank[y.skill], y.level);
}

// The units a person would name as causes of the removed ones: done since the previous plan
// (request "progress"), held now at the learner's levels (their `current`, or an assessment),
// or no longer needed; and, for the same role, the added ones as newly needed.
void unit_causes(const Context &cx, const PreviousPlan &previous, PlanChanges &out) {
    const Curriculum &c = cx.c;
    const UnitGraph &graph = c.graph();
    std::vector<const UnitProgress *> progress(graph.unit_count(), nullptr);
    for (const UnitProgress &p : cx.request.progress) progress[p.unit] = &p;
    std::string done, held, unneeded;
    auto add = [&](std::string &list, UnitIndex u, std::string_view detail = {}) {
        list += (list.empty() ? "" : ", ") + c.unit_name(graph.unit(u));
        if (!detail.empty()) list += detail;
    };
    for (UnitIndex u : out.removed) {
        const UnitRef ref = graph.unit(u);
        if (const UnitProgress *p = progress[u]; p && (p->done_on || p->hours_done >= c.unit_hours(ref) - epsilon))
            add(done, u, p->done_on ? " on " + p->done_on->iso() : std::string());
        else if (cx.request.learner.current[ref.skill] >= ref.level)
            add(held, u);
        else
            add(unneeded, u);
    }
    if (!done.empty()) out.causes.push_back("done since the previous plan: " + done);
    if (!held.empty()) out.causes.push_back("held now at the learner's levels: " + held);
    if (!unneeded.empty() && previous.target_role == cx.request.target_role)
        out.causes.push_back("no longer needed on the way to the role: " + unneeded);
    if (!out.added.empty() && previous.target_role == cx.request.target_role) {
        std::string added;
        for (UnitIndex u : out.added) add(added, u);
        out.causes.push_back("needed now at the learner's levels: " + added);
    }
}

// Units added, removed and moved, the finish against the previous one, and the causes a person
// would name: progress behind or ahead of the plan, a new role or target date, units done.
PlanChanges changes_against(const Context &cx, const PreviousPlan &previous, const ProgressVsPlan &progress,
                            const Plan &plan) {
    PlanChanges out;
    const UnitGraph &graph = cx.c.graph();
    std::vector<const PreviousPlan::Unit *> before(graph.unit_count(), nullptr);
    for (const PreviousPlan::Unit &u : previous.path) before[u.unit] = &u;
    std::vector<char> now(graph.unit_count(), 0);
    for (const PlannedUnit &pu : plan.path) {
        now[pu.unit] = 1;
        const PreviousPlan::Unit *was = before[pu.unit];
        if (!was) {
            out.added.push_back(pu.unit);
            continue;
        }
        if (was->start != pu.start || was->finish != pu.finish)
            out.moved.push_back({pu.unit, was->start, was->finish, pu.start.days_since(was->start),
                                 pu.finish.days_since(was->finish)});
    }
    for (const PreviousPlan::Unit &u : previous.path)
        if (!now[u.unit]) out.removed.push_back(u.unit);
    const auto rank = cx.c.skill_rank();
    auto by_id = [&](UnitIndex a, UnitIndex b) { return unit_before(rank, graph, a, b); };
    std::sort(out.added.begin(), out.added.end(), by_id);
    std::sort(out.removed.begin(), out.removed.end(), by_id);
    out.finish_before = previous.finish;
    out.finish_days = plan.summary.finish.days_since(previous.finish);
    out.target_met_before = previous.target_met;

    const double behind = progress.hours_planned - progress.hours_done;
    if (behind > epsilon)
        out.causes.push_back("behind the plan by " + format_hours(behind) + " hours on " + progress.on.iso() + " (" +
                             format_hours(progress.hours_done) + " done of " + format_hours(progress.hours_planned) +
                             " planned)");
    else if (behind < -epsilon)
        out.causes.push_back("ahead of the plan by " + format_hours(-behind) + " hours on " + progress.on.iso() + " (" +
                             format_hours(progress.hours_done) + " done, " + format_hours(progress.hours_planned) +
                             " planned)");
    if (previous.target_role != cx.request.target_role)
        out.causes.push_back("the target role changed from " + cx.c.roles()[previous.target_role].id + " to " +
                             cx.c.roles()[cx.request.target_role].id);
    if (previous.target_date != cx.request.target_date)
        out.causes.push_back("the target date moved from " + previous.target_date.iso() + " to " +
                             cx.request.target_date.iso());
    unit_causes(cx, previous, out);
    const bool calendar_known = previous.calendar.has_value();
    if (calendar_known) {
        const Date last = std::max({plan.summary.finish, cx.request.target_date, previous.finish, previous.target_date});
        for (std::string &cause : detail::calendar_changes(*previous.calendar, cx.calendar_now,
                                                           cx.request.first_day(), last))
            out.causes.push_back(std::move(cause));
    }
    const bool changed = !out.added.empty() || !out.removed.empty() || !out.moved.empty() || out.finish_days != 0 ||
                         out.target_met_before != plan.summary.target_met;
    if (changed && out.causes.empty())
        out.causes.push_back(calendar_known ? "the curriculum or the program changed since the previous plan"
                                            : "the calendar from " + progress.on.iso() +
                                                  " holds other hours than before (hours a week, workdays, holidays "
                                                  "or time off)");
    if (!changed) out.causes.clear();
    return out;
}

// Each occurrence that is not history (is_history), held otherwise than the previous plan held
// it: moved to another start, dropped, placed, or in one plan only (README "Re-planning"). By the
// type's place in the program's sessions (types it does not list last, in the curriculum's
// order), then occurrence. Nothing where either plan has no sessions to compare.
std::vector<PlanChanges::SessionChange> session_changes_against(const Context &cx, const PreviousPlan &previous,
                                                                const Plan &plan) {
    using Change = PlanChanges::SessionChange;
    std::vector<Change> out;
    if (!previous.sessions || !cx.request.parts.wants(PlanPart::sessions)) return out;
    using Key = std::tuple<std::size_t, std::size_t, std::size_t>;  // type rank, type, occurrence
    const std::vector<std::size_t> type_rank =
        session_type_ranks(cx.c, cx.program ? cx.program->session_types : std::vector<std::size_t>{});
    auto key = [&](const Session &s) { return Key{type_rank[s.session_type], s.session_type, s.occurrence}; };
    std::map<Key, std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> both;  // before, now
    for (std::size_t i = 0; i < previous.sessions->size(); ++i)
        if (const Session &s = (*previous.sessions)[i]; !is_history(s, cx.request.first_day())) both[key(s)].first = i;
    for (std::size_t i = 0; i < plan.sessions.size(); ++i)
        if (!plan.sessions[i].history) both[key(plan.sessions[i])].second = i;
    for (const auto &[k, at] : both) {
        const auto &[before, now] = at;
        Change change;
        change.session_type = std::get<1>(k);
        change.occurrence = std::get<2>(k);
        change.before = before;
        change.now = now;
        if (!before) change.kind = Change::Kind::added;
        else if (!now) change.kind = Change::Kind::removed;
        else {
            const Session &was = (*previous.sessions)[*before], &is = plan.sessions[*now];
            const bool held_before = was.status != Session::Status::dropped;
            const bool held_now = is.status != Session::Status::dropped;
            if (held_before && held_now) {
                if (was.start_utc == is.start_utc) continue;
                change.kind = Change::Kind::moved;
                change.days = is.day.days_since(was.day);
            } else if (held_before != held_now) {
                change.kind = held_now ? Change::Kind::placed : Change::Kind::dropped;
            } else {
                continue;  // dropped in both
            }
        }
        out.push_back(change);
    }
    return out;
}

}  // namespace

void detail::compare_with_previous(const Curriculum &c, const PlanRequest &request, const CalendarSpec &calendar_now,
                                   Plan &plan) {
    const Context cx{c, request, request.program ? &c.programs()[*request.program] : nullptr, calendar_now};
    const PreviousPlan &previous = *request.previous;
    plan.progress_vs_plan = progress_against(cx, previous, plan);
    plan.changes = changes_against(cx, previous, *plan.progress_vs_plan, plan);
    plan.changes->sessions = session_changes_against(cx, previous, plan);
}

CAREERPATH_NAMESPACE_END
