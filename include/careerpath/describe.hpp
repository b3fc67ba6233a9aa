// careerpath — a summary of a curriculum: counts and ids, for people and for tools.
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/version.hpp>

CAREERPATH_NAMESPACE_BEGIN

/// {"id", "title", "levels", "counts": {skills, units, edges, prerequisites, roles, programs,
/// session_types, metrics, areas}, "skills", "areas", "roles": [{id, title, extends, requires}],
/// "programs", "session_types", "metrics"}; ids in document order.
std::string describe_json_text(const Curriculum &curriculum);

CAREERPATH_NAMESPACE_END
