// The names of the parts of a plan that a plan request may leave out (docs/io.md, "Less to write
// when less is wanted"). The request is read in io/plan_request_reader.cpp.
#include <careerpath/plan_request.hpp>

CAREERPATH_NAMESPACE_BEGIN

const char *to_string(PlanPart part) noexcept {
    switch (part) {
    case PlanPart::gaps: return "gaps";
    case PlanPart::path_requires: return "path.requires";
    case PlanPart::phase_units: return "phases.units";
    case PlanPart::ready: return "ready";
    case PlanPart::sessions: return "sessions";
    case PlanPart::session_agenda: return "sessions.agenda";
    case PlanPart::session_why: return "sessions.why";
    case PlanPart::warnings: return "warnings";
    }
    return "unknown";
}

CAREERPATH_NAMESPACE_END
