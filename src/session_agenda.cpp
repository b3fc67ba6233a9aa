// Session agendas. Each rule looks back to the previous session of the same type, so a review
// covers what was finished since the last review and nothing twice.
#include "session_agenda.hpp"

#include <map>
#include <optional>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

void assign_agendas(const Curriculum &c, const Program &program, Date start, Plan &plan) {
    const UnitGraph &graph = c.graph();
    // The day of each type's previous session; before the first, the day before the start.
    std::map<std::size_t, Date> previous;
    for (Session &s : plan.sessions) {
        if (s.status == Session::Status::dropped) continue;
        const SessionType &type = c.session_types()[s.session_type];
        const Date since = previous.count(s.session_type) ? previous[s.session_type] : start.plus_days(-1);
        previous[s.session_type] = s.day;
        // A history session keeps the agenda its plan gave it, and is the one the type's next
        // session looks back to (README "Re-planning").
        if (s.history) continue;
        switch (type.agenda) {
        case SessionType::Agenda::in_progress: {
            for (const PlannedUnit &pu : plan.path)
                if (pu.start <= s.day && s.day <= pu.finish) s.agenda.push_back(pu.unit);
            if (s.agenda.empty()) {  // between units: the next one to start
                const PlannedUnit *next = nullptr;
                for (const PlannedUnit &pu : plan.path)
                    if (pu.start > s.day && (!next || pu.start < next->start)) next = &pu;
                if (next) s.agenda.push_back(next->unit);
            }
            break;
        }
        case SessionType::Agenda::finished:
            for (const PlannedUnit &pu : plan.path)
                if (since <= pu.finish && pu.finish < s.day) s.agenda.push_back(pu.unit);
            break;
        case SessionType::Agenda::milestones: {
            std::optional<std::size_t> ahead;
            for (std::size_t m = 0; m < plan.milestones.size(); ++m) {
                const Date due = plan.milestones[m].due;
                if (since <= due && due < s.day) s.milestones.push_back(m);
                if (due >= s.day && (!ahead || due < plan.milestones[*ahead].due)) ahead = m;
            }
            if (ahead) s.milestones.push_back(*ahead);
            s.metrics = program.metrics;
            break;
        }
        case SessionType::Agenda::target:
            for (const PlannedUnit &pu : plan.path) {
                const UnitRef ref = graph.unit(pu.unit);
                for (const SkillGap &g : plan.gap.gaps)
                    if (g.required && g.skill == ref.skill && g.target == ref.level) s.agenda.push_back(pu.unit);
            }
            break;
        }
    }
}

}  // namespace detail
CAREERPATH_NAMESPACE_END
