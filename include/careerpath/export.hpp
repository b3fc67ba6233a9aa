// careerpath — exports for people and diagram tools: the curriculum graph as Graphviz DOT or a
// Mermaid flowchart, and a plan as a Mermaid Gantt chart (SPEC section 4, careerpath_export).
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/error.hpp>
#include <careerpath/json.hpp>
#include <careerpath/version.hpp>

#include <string>

CAREERPATH_NAMESPACE_BEGIN

/// The curriculum graph as Graphviz DOT: one node per unit, named "skill@level" and labelled
/// with the skill's title and the level's name; an edge from each unit to every unit that
/// directly requires it (prerequisites and the level chain, in learning direction); the skills
/// of each area inside `subgraph "cluster_<area>"` (labelled with the area id), skills without
/// an area outside any cluster. Document order throughout, so the same curriculum always gives
/// the same text.
std::string export_dot(const Curriculum &curriculum);

/// The same graph as a Mermaid `flowchart LR`: a `subgraph` per area, nodes with generated ids
/// (`u` and the unit index) and quoted labels (`"` written as `#quot;`), the same edges.
std::string export_mermaid_graph(const Curriculum &curriculum);

/// A plan document (what plan_to_json and careerpath_plan produce) as a Mermaid `gantt` chart:
/// a section per phase holding its units (one task per path unit, from its start to its finish
/// day included) and its milestone, units without a phase in a final section "Other", and the
/// remaining milestones in a final section "Milestones". A document that is not a plan is
/// Status::schema with the JSON Pointer of the offending place.
Result<std::string> export_mermaid_gantt(const Json &plan_document);

CAREERPATH_NAMESPACE_END
