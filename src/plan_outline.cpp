// A plan's outline from the model: what the plan reader makes of the plan's document
// (plan_to_json_text), field for field, without writing or reading JSON.
#include <careerpath/plan_outline.hpp>

#include "date_time.hpp"

CAREERPATH_NAMESPACE_BEGIN

namespace {

std::vector<std::string> unit_names(const Curriculum &c, const std::vector<UnitIndex> &units) {
    std::vector<std::string> names;
    names.reserve(units.size());
    for (UnitIndex u : units) names.push_back(c.unit_name(c.graph().unit(u)));
    return names;
}

// Agendas and reasons only where the plan document holds them (the request's "omit").
PlanOutline::Session outline_session(const Curriculum &c, const PlanRequest &request, const Plan &plan,
                                     const Session &s) {
    const SessionType &type = c.session_types()[s.session_type];
    PlanOutline::Session out;
    out.status = s.status;
    out.type = type.id;
    out.occurrence = static_cast<std::int64_t>(s.occurrence) + 1;
    out.title = type.title;
    out.start = format_offset_date_time(s.day, s.minute_of_day * 60, s.offset_minutes);
    out.start_utc = s.start_utc;
    out.minutes = s.minutes;
    if (request.parts.wants(PlanPart::session_agenda)) {
        out.agenda = unit_names(c, s.agenda);
        for (std::size_t m : s.milestones) out.milestones.push_back(plan.milestones[m].id);
        out.milestones.insert(out.milestones.end(), s.milestone_ids.begin(), s.milestone_ids.end());
        for (std::size_t m : s.metrics) out.metrics.push_back(c.metrics()[m].id);
    }
    if (!s.why.empty() && request.parts.wants(PlanPart::session_why)) {
        out.moved_because = s.why.front().detail;
        out.closed_slots = s.why.size();
    }
    return out;
}

}  // namespace

PlanOutline outline_plan(const Curriculum &c, const PlanRequest &request, const Plan &plan) {
    const Program *program = request.program ? &c.programs()[*request.program] : nullptr;
    PlanOutline out;
    out.learner = request.learner.id;
    out.learner_name = request.learner.name;
    if (program) out.program = program->id;
    out.target_role = c.roles()[request.target_role].id;
    out.start = request.start;
    out.time_zone = request.learner.zone.name();
    // The request reader has checked it: a date-time with an offset, within the calendar.
    if (request.as_of)
        if (const auto as_of = parse_offset_date_time(*request.as_of)) out.as_of = as_of->utc_seconds();
    if (request.mentor) out.mentor = request.mentor->name;
    for (const PlannedUnit &pu : plan.path) {
        PlanOutline::Unit &u = out.path.emplace_back();
        u.unit = c.unit_name(c.graph().unit(pu.unit));
        u.start = pu.start;
        u.finish = pu.finish;
        if (pu.phase) u.phase = program->phases[*pu.phase].id;
        u.hours = pu.hours;
        u.hours_done = pu.hours_done;
        u.late_days = pu.late_days;
    }
    if (request.first_day() != request.start) out.replan_from = request.first_day();
    if (plan.changes) {
        std::vector<PlanOutline::Unit *> unit_of(c.graph().unit_count(), nullptr);
        for (std::size_t i = 0; i < plan.path.size(); ++i) unit_of[plan.path[i].unit] = &out.path[i];
        for (UnitIndex u : plan.changes->added) unit_of[u]->added = true;
        for (const PlanChanges::Moved &m : plan.changes->moved) {
            unit_of[m.unit]->start_days = m.start_days;
            unit_of[m.unit]->finish_days = m.finish_days;
        }
    }
    for (const PlannedPhase &ph : plan.phases)
        out.phases.push_back({program->phases[ph.phase].id, program->phases[ph.phase].title});
    for (const Milestone &m : plan.milestones) out.milestones.push_back({m.id, m.title, m.due, m.delivered, m.met});
    // A dropped session has no time: the exports leave it out, and so does a read outline.
    if (request.parts.wants(PlanPart::sessions))
        for (const Session &s : plan.sessions)
            if (s.status != Session::Status::dropped) out.sessions.push_back(outline_session(c, request, plan, s));
    return out;
}

CAREERPATH_NAMESPACE_END
