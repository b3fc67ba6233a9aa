// A plan written out as JSON (what careerpath_plan returns); its text report is text_report.cpp.
// The plan is made in make_plan.cpp.
#include <careerpath/plan.hpp>

#include "../date_time.hpp"
#include "json_writer.hpp"
#include "money_writer.hpp"


CAREERPATH_NAMESPACE_BEGIN

namespace {

using detail::JsonWriter;

// Hours for output, rounded to a millionth so that 1.2000000000000002 prints as 1.2.
using detail::rounded;

// Units' names, skill@level (Curriculum::unit_name), written without making the strings, with
// the curriculum's tables looked up once per document rather than once per name.
class UnitNames {
public:
    explicit UnitNames(const Curriculum &c) : graph_(c.graph()), skills_(c.skills()), levels_(c.levels()) {}
    void write(JsonWriter &w, UnitIndex u) const {
        const UnitRef ref = graph_.unit(u);
        w.joined(skills_[ref.skill].id, '@', levels_.name(ref.level));
    }

private:
    const UnitGraph &graph_;
    std::span<const Skill> skills_;
    const LevelScale &levels_;
};

// "calendar": the learner's calendar the plan was made on, so that a re-plan against this plan
// can name what changed in it (README "Re-planning"). Holiday rules are written as the request
// writes them.
void write_calendar(JsonWriter &w, const PlanRequest &request) {
    const Learner &l = request.learner;
    w.key("calendar");
    w.begin_object();
    w.key("holidays");
    w.begin_array();
    for (const HolidayRule &rule : request.holidays) {
        if (rule.kind == HolidayRule::Kind::date) {
            w.date(rule.date);
            continue;
        }
        w.begin_object();
        if (rule.kind == HolidayRule::Kind::month_day) w.member("day", rule.day);
        w.member("month", rule.month);
        if (rule.kind == HolidayRule::Kind::nth_weekday) {
            w.member("nth", rule.nth);
            w.member("weekday", to_string(rule.weekday));
        }
        w.end_object();
    }
    w.end_array();
    w.member("hours_per_week", rounded(l.hours_per_week));
    w.key("time_off");
    w.begin_array();
    for (const DateRange &r : l.time_off) {
        w.begin_object();
        w.member("from", r.first);
        w.member("to", r.last);
        w.end_object();
    }
    w.end_array();
    w.key("workdays");
    w.begin_array();
    for (std::size_t d = 0; d < l.workdays.size(); ++d)
        if (l.workdays[d]) w.value(to_string(static_cast<Weekday>(d)));
    w.end_array();
    w.end_object();
}

// "advice" (README "Advice"): the least weekly hours, null where none would do.
void write_advice(JsonWriter &w, const Program *program, const Advice &advice) {
    w.key("advice");
    w.begin_object();
    w.member("min_hours_per_week", advice.min_hours_per_week);
    w.key("phases");
    w.begin_array();
    for (const Advice::Phase &p : advice.phases) {
        w.begin_object();
        w.member("min_hours_per_week", p.min_hours_per_week);
        w.member("phase", program->phases[p.phase].id);
        w.end_object();
    }
    w.end_array();
    if (const auto &ahead = advice.working_ahead) {
        w.key("working_ahead");
        w.begin_object();
        w.member("finish", ahead->finish);
        w.member("min_hours_per_week", ahead->min_hours_per_week);
        w.end_object();
    }
    w.end_object();
}

// "cost" (README "Money"): the amount, then how it was reached.
void write_cost(JsonWriter &w, const PlanCost &cost) {
    w.key("cost");
    w.begin_object();
    detail::write_amount(w, cost.total.cents);
    w.member("currency", cost.total.currency);
    w.member("months", cost.months);
    w.member("months_past_end", cost.months_past_end);
    w.key("price");
    w.begin_object();
    detail::write_amount(w, cost.price_cents);
    w.member("per", "month");
    w.end_object();
    w.end_object();
}

const char *to_string(PlanChanges::SessionChange::Kind kind) {
    using Kind = PlanChanges::SessionChange::Kind;
    switch (kind) {
    case Kind::moved: return "moved";
    case Kind::dropped: return "dropped";
    case Kind::placed: return "placed";
    case Kind::added: return "added";
    case Kind::removed: return "removed";
    }
    return "unknown";
}

// A session's local start as the plan writes it; null where it has none (dropped, or absent).
void write_start(JsonWriter &w, const Session *s) {
    if (s && s->status != Session::Status::dropped)
        w.value(format_offset_date_time(s->day, s->minute_of_day * 60, s->offset_minutes));
    else
        w.null();
}

// "changes"."sessions" (README "Re-planning"): each occurrence held otherwise than before, with
// its start in either plan.
void write_session_changes(JsonWriter &w, const Curriculum &c, const PlanRequest &request, const Plan &plan,
                           const PlanChanges &changes) {
    w.key("sessions");
    w.begin_array();
    for (const PlanChanges::SessionChange &change : changes.sessions) {
        const Session *before = change.before ? &(*request.previous->sessions)[*change.before] : nullptr;
        const Session *now = change.now ? &plan.sessions[*change.now] : nullptr;
        w.begin_object();
        w.member("change", to_string(change.kind));
        if (change.kind == PlanChanges::SessionChange::Kind::moved) w.member("days", change.days);
        w.member("occurrence", change.occurrence + 1);
        w.key("start");
        write_start(w, now);
        w.key("start_before");
        write_start(w, before);
        w.member("type", c.session_types()[change.session_type].id);
        w.end_object();
    }
    w.end_array();
}

// "changes" (README "Re-planning"): keys in order, units by name.
void write_changes(JsonWriter &w, const UnitNames &names, const Curriculum &c, const PlanRequest &request,
                   const Plan &plan, const PlanChanges &changes) {
    auto units = [&](JsonWriter::Key key, const std::vector<UnitIndex> &list) {
        w.key(key);
        w.begin_array();
        for (UnitIndex u : list) names.write(w, u);
        w.end_array();
    };
    w.key("changes");
    w.begin_object();
    units("added", changes.added);
    w.key("causes");
    w.array(changes.causes);
    w.member("finish_before", changes.finish_before);
    w.member("finish_days", changes.finish_days);
    w.key("moved");
    w.begin_array();
    for (const PlanChanges::Moved &m : changes.moved) {
        w.begin_object();
        w.member("finish_before", m.finish_before);
        w.member("finish_days", m.finish_days);
        w.member("start_before", m.start_before);
        w.member("start_days", m.start_days);
        w.key("unit");
        names.write(w, m.unit);
        w.end_object();
    }
    w.end_array();
    units("removed", changes.removed);
    write_session_changes(w, c, request, plan, changes);
    w.member("target_met_before", changes.target_met_before);
    w.end_object();
}

void write_sessions(JsonWriter &w, const Curriculum &c, const Plan &plan, PlanParts parts) {
    const UnitNames names(c);
    const bool agenda = parts.wants(PlanPart::session_agenda);
    w.begin_array();
    for (const Session &s : plan.sessions) {
        const SessionType &type = c.session_types()[s.session_type];
        const bool held = s.status != Session::Status::dropped;
        w.begin_object();
        if (agenda) {
            w.key("agenda");
            w.begin_array();
            for (UnitIndex u : s.agenda) names.write(w, u);
            w.end_array();
        }
        if (s.history) w.member("history", true);
        if (agenda && type.agenda == SessionType::Agenda::milestones) {
            w.key("metrics");
            w.begin_array();
            for (std::size_t m : s.metrics) w.value(c.metrics()[m].id);
            w.end_array();
            w.key("milestones");
            w.begin_array();
            for (std::size_t m : s.milestones) w.value(plan.milestones[m].id);
            for (const std::string &id : s.milestone_ids) w.value(id);
            w.end_array();
        }
        w.member("minutes", s.minutes);
        w.member("occurrence", s.occurrence + 1);
        w.key("start");
        write_start(w, &s);
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
                w.member("day", slot.day);
                w.member("detail", slot.detail);
                if (!slot.learner.empty()) w.member("learner", slot.learner);
                w.member("time", format_clock(slot.minute_of_day));
                w.end_object();
            }
            w.end_array();
        }
        if (s.why_more && parts.wants(PlanPart::session_why)) w.member("why_more", s.why_more);
        w.key("window");
        w.begin_object();
        w.member("first", s.window_first);
        w.member("last", s.window_last);
        w.end_object();
        w.end_object();
    }
    w.end_array();
}

// The units and sessions the warnings list, all together.
std::size_t warning_items(const Plan &plan) {
    std::size_t n = 0;
    for (const PlanWarning &warning : plan.warnings) n += warning.units.size() + warning.sessions.size();
    return n;
}

}  // namespace

std::string plan_to_json_text(const Curriculum &c, const PlanRequest &request, const Plan &plan) {
    const UnitGraph &graph = c.graph();
    const Program *program = request.program ? &c.programs()[*request.program] : nullptr;
    const PlanParts parts = request.parts;
    const std::span<const Skill> skills = c.skills();
    const LevelScale &levels = c.levels();
    std::string text;
    // Room for the usual document at once (bytes per entry as the bundled examples and the
    // benchmarks' plans have them): growing a half-megabyte string by doubling copies it again
    // and again.
    text.reserve(1024 + 120 * plan.gap.gaps.size() + 300 * plan.path.size() + 40 * plan.gap.ready.size() +
                 (parts.wants(PlanPart::sessions) ? 300 * plan.sessions.size() : 0) + 300 * plan.warnings.size() +
                 40 * warning_items(plan));
    JsonWriter w(text);
    const UnitNames names(c);
    auto unit_names = [&](JsonWriter::Key key, const std::vector<UnitIndex> &units) {
        w.key(key);
        w.begin_array();
        for (UnitIndex u : units) names.write(w, u);
        w.end_array();
    };

    w.begin_object();
    write_advice(w, request.program ? &c.programs()[*request.program] : nullptr, plan.advice);
    w.member("as_of", request.as_of);
    write_calendar(w, request);
    if (plan.changes) write_changes(w, names, c, request, plan, *plan.changes);
    if (plan.cost) write_cost(w, *plan.cost);
    if (parts.wants(PlanPart::gaps)) {
    w.key("gaps");
    w.begin_array();
    for (const SkillGap &g : plan.gap.gaps) {
        w.begin_object();
        w.member("current", levels.name(g.current));
        w.member("hours", rounded(g.hours));
        w.member("reaches", levels.name(g.reaches));
        w.member("required", g.required);
        w.member("skill", skills[g.skill].id);
        w.member("target", levels.name(g.target));
        w.member("weight", g.weight);
        w.end_object();
    }
    w.end_array();
    }
    w.member("learner", request.learner.id);
    w.member("learner_name", request.learner.name);
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
        w.member("delivered", m.delivered);
        w.member("due", m.due);
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
        w.member("due", pu.due);
        w.member("finish", pu.finish);
        w.member("hours", rounded(pu.hours));
        if (pu.hours_done > 0) w.member("hours_done", rounded(pu.hours_done));
        w.member("late_days", pu.late_days);
        w.member("lateness_hours", rounded(pu.lateness_hours));
        w.member("level", levels.name(ref.level));
        w.key("phase");
        if (pu.phase) w.value(program->phases[*pu.phase].id);
        else w.null();
        w.member("release", pu.release);
        if (parts.wants(PlanPart::path_requires)) unit_names("requires", pu.requires_units);
        w.member("skill", skills[ref.skill].id);
        w.member("start", pu.start);
        w.key("unit");
        names.write(w, pu.unit);
        w.end_object();
    }
    w.end_array();

    w.key("phases");
    w.begin_array();
    for (const PlannedPhase &ph : plan.phases) {
        const Phase &def = program->phases[ph.phase];
        w.begin_object();
        w.key("delivered");
        if (ph.delivered) w.value(*ph.delivered);
        else w.null();
        w.member("first", ph.first);
        w.member("hours", rounded(ph.hours));
        w.member("id", def.id);
        w.member("last", ph.last);
        w.member("on_time", ph.on_time);
        w.member("title", def.title);
        if (parts.wants(PlanPart::phase_units)) unit_names("units", ph.units);
        w.end_object();
    }
    w.end_array();

    w.key("program");
    if (program) w.value(program->id);
    else w.null();
    w.key("program_fit");
    w.begin_array();
    for (const ProgramFit &fit : plan.program_fit) {
        w.begin_object();
        if (fit.cost) write_cost(w, *fit.cost);
        else w.member("cost", nullptr);
        w.member("finish", fit.finish);
        w.member("fits", fit.fits);
        w.member("months", fit.months);
        w.member("program", c.programs()[fit.program].id);
        w.end_object();
    }
    w.end_array();
    if (const auto &p = plan.progress_vs_plan) {
        w.key("progress_vs_plan");
        w.begin_object();
        w.member("hours_done", rounded(p->hours_done));
        w.member("hours_planned", rounded(p->hours_planned));
        w.member("on", p->on);
        w.member("status", to_string(p->status));
        w.end_object();
    }
    if (parts.wants(PlanPart::ready)) unit_names("ready", plan.gap.ready);
    w.member("replan_from", request.first_day());
    w.member("schema_version", schema_version);
    if (parts.wants(PlanPart::sessions)) {
        w.key("sessions");
        write_sessions(w, c, plan, parts);
    }
    w.member("start", request.start);

    const PlanSummary &s = plan.summary;
    w.key("summary");
    w.begin_object();
    w.member("critical_path_hours", rounded(s.critical_path_hours));
    w.member("finish", s.finish);
    w.member("hours", rounded(s.hours));
    w.member("lower_bound_finish", s.lower_bound_finish);
    w.member("max_late_days", s.max_late_days);
    w.member("max_lateness_hours", rounded(s.max_lateness_hours));
    w.member("target_met", s.target_met);
    w.member("units", s.units);
    w.end_object();

    w.member("target_date", request.target_date);
    w.member("target_role", c.roles()[request.target_role].id);
    w.member("time_zone", request.learner.zone.name());

    if (parts.wants(PlanPart::warnings)) {
    w.key("warnings");
    w.begin_array();
    for (const PlanWarning &warning : plan.warnings) {
        w.begin_object();
        w.member("code", warning.code);
        w.member("constraint", warning.constraint);
        w.member("count", warning.count);
        w.key("dates");
        w.begin_array();
        for (Date d : warning.dates) w.value(d);
        w.end_array();
        w.member("message", warning.message);
        w.key("phases");
        w.begin_array();
        for (std::size_t p : warning.phases) w.value(program->phases[p].id);
        w.end_array();
        w.key("sessions");
        w.begin_array();
        for (const PlanWarning::Occurrence &o : warning.sessions) {
            w.begin_object();
            w.member("occurrence", o.occurrence + 1);
            w.member("type", c.session_types()[o.session_type].id);
            w.end_object();
        }
        w.end_array();
        unit_names("units", warning.units);
        w.end_object();
    }
    w.end_array();
    }
    w.end_object();
    return text;
}

CAREERPATH_NAMESPACE_END
