// careerpath — exports for people and diagram tools: the curriculum graph as Graphviz DOT or a
// Mermaid flowchart, a plan as a Mermaid Gantt chart, and a plan's sessions and milestones as an
// iCalendar file (SPEC section 4, careerpath_export).
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/error.hpp>
#include <careerpath/version.hpp>

#include <string>

CAREERPATH_NAMESPACE_BEGIN

/// The curriculum graph as Graphviz DOT: one node per unit, named "skill@level" and labelled
/// with the skill's title and the level's name; an edge from each unit to every unit that
/// directly requires it (prerequisites and the level chain, in learning direction); the skills
/// of each area inside `subgraph "cluster_<area>"` (labelled with the area id), skills without
/// an area outside any cluster. Document order throughout, so the same curriculum always gives
/// the same text. No control character is written raw (README.md "Exports"): in IDs each is
/// written \uXXXX, in labels a line break is \n and any other a space.
std::string export_dot(const Curriculum &curriculum);

/// The same graph as a Mermaid `flowchart LR`: a `subgraph` per area, nodes with generated ids
/// (`u` and the unit index) and quoted labels (`"` written as `#quot;`, `%` as `#37;` and so on;
/// a line break as `<br/>`, any other control character as a space), the same edges.
std::string export_mermaid_graph(const Curriculum &curriculum);



CAREERPATH_NAMESPACE_END
