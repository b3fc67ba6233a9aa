// Gap closure: a depth-first walk from the required units over "requires" edges, stopping at
// held units, so every unit and edge is looked at once at most.
#include <careerpath/gap.hpp>

#include <algorithm>

CAREERPATH_NAMESPACE_BEGIN

GapAnalysis close_gap(const Curriculum &curriculum, const Role &role, const std::vector<Level> &current) {
    const UnitGraph &graph = curriculum.graph();
    const auto skills = curriculum.skills();
    auto held = [&](UnitIndex u) {
        const UnitRef unit = graph.unit(u);
        return unit.level <= current[unit.skill];
    };

    std::vector<char> needed(graph.unit_count(), 0);
    std::vector<UnitIndex> stack;
    for (const RoleRequirement &req : role.requirements)
        for (Level l = current[req.skill] + 1; l <= req.level; ++l) {
            const UnitIndex u = graph.index_of({req.skill, l});
            if (!needed[u]) {
                needed[u] = 1;
                stack.push_back(u);
            }
        }
    while (!stack.empty()) {
        const UnitIndex u = stack.back();
        stack.pop_back();
        for (UnitIndex p : graph.prerequisites_of(u))
            if (!needed[p] && !held(p)) {
                needed[p] = 1;
                stack.push_back(p);
            }
    }

    GapAnalysis out;
    std::vector<SkillGap> by_skill(skills.size());
    std::vector<bool> listed(skills.size(), false);
    for (const RoleRequirement &req : role.requirements) {
        if (current[req.skill] >= req.level) continue;  // held: no gap
        by_skill[req.skill] = SkillGap{req.skill, current[req.skill], req.level, req.weight, 0, true, req.level};
        listed[req.skill] = true;
    }
    for (UnitIndex u = 0; u < graph.unit_count(); ++u) {
        if (!needed[u]) continue;
        out.units.push_back(u);
        const UnitRef unit = graph.unit(u);
        SkillGap &gap = by_skill[unit.skill];
        if (!listed[unit.skill]) {
            gap = SkillGap{unit.skill, current[unit.skill], unit.level, 0, 0, false, unit.level};
            listed[unit.skill] = true;
        }
        // A required skill keeps the role's level as its target however high prerequisites
        // push it; one only prerequisites need has no other level to read as its target.
        gap.reaches = std::max(gap.reaches, unit.level);
        if (!gap.required) gap.target = gap.reaches;
        const double hours = curriculum.unit_hours(unit);
        gap.hours += hours;
        out.hours += hours;
    }
    for (std::size_t s = 0; s < skills.size(); ++s)
        if (listed[s]) out.gaps.push_back(by_skill[s]);
    const auto rank = curriculum.skill_rank();
    auto by_id = [&](std::size_t a, std::size_t b) { return rank[a] < rank[b]; };
    std::sort(out.gaps.begin(), out.gaps.end(), [&](const SkillGap &a, const SkillGap &b) { return by_id(a.skill, b.skill); });

    // The outer fringe: per skill only the next level up can be startable.
    for (std::size_t s = 0; s < skills.size(); ++s) {
        if (current[s] >= graph.top_level()) continue;
        const UnitIndex next = graph.index_of({s, current[s] + 1});
        const auto prerequisites = graph.prerequisites_of(next);
        if (std::all_of(prerequisites.begin(), prerequisites.end(), held)) out.ready.push_back(next);
    }
    std::sort(out.ready.begin(), out.ready.end(),
              [&](UnitIndex a, UnitIndex b) { return by_id(graph.unit(a).skill, graph.unit(b).skill); });
    return out;
}

CAREERPATH_NAMESPACE_END
