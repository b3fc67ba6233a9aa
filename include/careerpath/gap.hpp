// careerpath — gap closure: from the levels a learner holds to what a target role requires,
// the units still to learn, closed under their prerequisites.
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/graph.hpp>
#include <careerpath/levels.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

/// A skill the path raises. `target` always reads as the role's requirement (README.md "A plan",
/// Gaps); where prerequisites of other units need the skill higher, `reaches` says how high the
/// path goes. A skill the role does not require has no role level: its `target` is the level the
/// path reaches, the same as `reaches`.
struct SkillGap {
    std::size_t skill = 0;
    Level current = 0;
    Level target = 0;     ///< the role's level; for a skill only a prerequisite needs, the level the path reaches
    double weight = 0;    ///< the role's weight; 0 where the role does not require the skill
    double hours = 0;     ///< hours of this skill's units in the path
    bool required = true; ///< false: in the path only as a prerequisite of something required
    Level reaches = 0;    ///< the highest level of the skill's units in the path: `target` or more
};

struct GapAnalysis {
    std::vector<UnitIndex> units;  ///< every unit to learn, ascending unit index
    std::vector<SkillGap> gaps;    ///< one per skill with units to learn, by skill id
    std::vector<UnitIndex> ready;  ///< units startable now (all prerequisites held), by skill id
    double hours = 0;              ///< total hours of `units`
};

/// `current[s]` is the level the learner holds in skill s (s@L is held for every L up to it).
/// The role's requirements the learner does not hold, closed under the prerequisites of units
/// not held; a held unit's own prerequisites are not asked again. Linear in units plus edges.
/// `ready` is the outer fringe of the learner's knowledge: every unit not held all of whose
/// prerequisites are held, whether or not the role needs it.
GapAnalysis close_gap(const Curriculum &curriculum, const Role &role, const std::vector<Level> &current);

CAREERPATH_NAMESPACE_END
