// Agendas for placed sessions, drawn from the plan (docs/sessions.md, "Agendas";
// SessionType::Agenda says which rule a type follows). Private to the library: make_plan calls it
// once the path and the milestones are dated.
#pragma once

#include <careerpath/plan.hpp>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

/// Fills `agenda`, `milestones` and `metrics` of every placed or moved session in plan.sessions
/// but the history ones, which keep their previous plan's.
void assign_agendas(const Curriculum &curriculum, const Program &program, Date start, Plan &plan);

}  // namespace detail
CAREERPATH_NAMESPACE_END
