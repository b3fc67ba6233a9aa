// careerpath/gap.hpp: gap closure and the outer fringe.
#include <careerpath/gap.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <map>
#include <random>
#include <set>
#include <string>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

std::vector<std::string> names(const Curriculum &c, const std::vector<UnitIndex> &units) {
    std::vector<std::string> out;
    for (UnitIndex u : units) out.push_back(c.unit_name(c.graph().unit(u)));
    return out;
}

}  // namespace

TEST_CASE("a hand-worked gap: requirements, their prerequisites, held units not expanded") {
    // b@intermediate requires a@advanced; c@beginner requires d@beginner, which is held.
    const Curriculum c = load_ok(R"({"id": "t", "levels": ["none", "beginner", "intermediate", "advanced"],
        "skills": [{"id": "a", "hours": 1}, {"id": "b", "hours": 2}, {"id": "c", "hours": 3}, {"id": "d", "hours": 4}],
        "prerequisites": [{"skill": "b", "level": "intermediate", "requires": "a", "requires_level": "advanced"},
                          {"skill": "c", "requires": "d"}],
        "roles": [{"id": "r", "requires": {"b": "intermediate", "c": "beginner"}, "weights": {"b": 3}}]})");
    const std::vector<Level> current{1, 0, 0, 1};  // a@beginner and d@beginner held
    const GapAnalysis g = close_gap(c, c.roles()[0], current);

    CHECK(names(c, g.units) == std::vector<std::string>{"a@intermediate", "a@advanced", "b@beginner",
                                                        "b@intermediate", "c@beginner"});
    CHECK(g.hours == doctest::Approx(1 + 1 + 2 + 2 + 3));
    REQUIRE(g.gaps.size() == 3);
    CHECK(c.skills()[g.gaps[0].skill].id == "a");
    CHECK_FALSE(g.gaps[0].required);
    CHECK(g.gaps[0].current == 1);
    CHECK(g.gaps[0].target == 3);  // no role level: the level the path reaches
    CHECK(g.gaps[0].reaches == 3);
    CHECK(g.gaps[0].weight == 0);
    CHECK(g.gaps[0].hours == doctest::Approx(2));
    CHECK(c.skills()[g.gaps[1].skill].id == "b");
    CHECK(g.gaps[1].required);
    CHECK(g.gaps[1].target == 2);
    CHECK(g.gaps[1].reaches == 2);
    CHECK(g.gaps[1].weight == 3);
    CHECK(g.gaps[1].hours == doctest::Approx(4));
    CHECK(c.skills()[g.gaps[2].skill].id == "c");
    CHECK(g.gaps[2].hours == doctest::Approx(3));
    // The fringe: the next level of each skill whose prerequisites are all held, needed or not.
    CHECK(names(c, g.ready) == std::vector<std::string>{"a@intermediate", "b@beginner", "c@beginner", "d@intermediate"});

    // Holding the role's levels already leaves no gap at all.
    const GapAnalysis none = close_gap(c, c.roles()[0], {3, 2, 1, 1});
    CHECK(none.units.empty());
    CHECK(none.hours == 0);
    CHECK(none.gaps.empty());
}

TEST_CASE("a required skill that a prerequisite needs higher: target is the role's level, reaches the path's") {
    // The role needs a@beginner and b@beginner; b@beginner requires a@advanced.
    const Curriculum c = load_ok(R"({"id": "t", "levels": ["none", "beginner", "intermediate", "advanced"],
        "skills": [{"id": "a", "hours": 1}, {"id": "b", "hours": 2}],
        "prerequisites": [{"skill": "b", "level": "beginner", "requires": "a", "requires_level": "advanced"}],
        "roles": [{"id": "r", "requires": {"a": "beginner", "b": "beginner"}}]})");
    const GapAnalysis g = close_gap(c, c.roles()[0], {0, 0});
    CHECK(names(c, g.units) == std::vector<std::string>{"a@beginner", "a@intermediate", "a@advanced", "b@beginner"});
    REQUIRE(g.gaps.size() == 2);
    CHECK(g.gaps[0].required);
    CHECK(g.gaps[0].target == 1);
    CHECK(g.gaps[0].reaches == 3);
    CHECK(g.gaps[0].hours == doctest::Approx(3));
    CHECK(g.gaps[1].target == 1);
    CHECK(g.gaps[1].reaches == 1);

    // Holding the role's level of a, the learner still has to go higher for b: a is then in the
    // path only as a prerequisite, with no role level to read as its target.
    const GapAnalysis held = close_gap(c, c.roles()[0], {1, 0});
    REQUIRE(held.gaps.size() == 2);
    CHECK_FALSE(held.gaps[0].required);
    CHECK(held.gaps[0].target == 3);
    CHECK(held.gaps[0].reaches == 3);
}

TEST_CASE("on random curricula the gap is exactly the closure of the unheld requirements") {
    std::mt19937 rng(20261127);
    for (int instance = 0; instance < 300; ++instance) {
        const int skills = 2 + static_cast<int>(rng() % 12);
        const int top = 1 + static_cast<int>(rng() % 4);
        std::string doc = R"({"id": "r", "levels": ["none")";
        for (int l = 1; l <= top; ++l) doc += ", \"l" + std::to_string(l) + "\"";
        doc += R"(], "skills": [)";
        for (int s = 0; s < skills; ++s) doc += std::string(s ? ", " : "") + "{\"id\": \"s" + std::to_string(s) + "\", \"hours\": " + std::to_string(1 + rng() % 5) + "}";
        doc += R"(], "prerequisites": [)";
        bool first = true;
        for (int e = 0; e < skills * 2; ++e) {
            const int from = static_cast<int>(rng() % skills), to = static_cast<int>(rng() % skills);
            if (from >= to) continue;  // acyclic: higher-numbered skills require lower-numbered ones
            doc += std::string(first ? "" : ", ") + "{\"skill\": \"s" + std::to_string(to) + "\", \"level\": " +
                   std::to_string(1 + rng() % top) + ", \"requires\": \"s" + std::to_string(from) +
                   "\", \"requires_level\": " + std::to_string(1 + rng() % top) + "}";
            first = false;
        }
        doc += R"(], "roles": [{"id": "role", "requires": {)";
        first = true;
        for (int s = 0; s < skills; ++s) {
            if (rng() % 2) continue;
            doc += std::string(first ? "" : ", ") + "\"s" + std::to_string(s) + "\": " + std::to_string(1 + rng() % top);
            first = false;
        }
        doc += "}}]}";
        const Curriculum c = load_ok(doc);
        const UnitGraph &g = c.graph();
        std::vector<Level> current(static_cast<std::size_t>(skills));
        for (auto &l : current) l = static_cast<Level>(rng() % (top + 1));
        auto held = [&](UnitIndex u) { return g.unit(u).level <= current[g.unit(u).skill]; };

        const GapAnalysis gap = close_gap(c, c.roles()[0], current);
        const std::set<UnitIndex> in(gap.units.begin(), gap.units.end());
        CHECK(in.size() == gap.units.size());
        // Every unheld required unit is in; nothing held is in.
        for (const auto &req : c.roles()[0].requirements)
            for (Level l = 1; l <= req.level; ++l) {
                const UnitIndex u = g.index_of({req.skill, l});
                CHECK(in.count(u) == (held(u) ? 0u : 1u));
            }
        // Closed: each unit's prerequisites are held or in.
        for (UnitIndex u : gap.units) {
            CHECK_FALSE(held(u));
            for (UnitIndex p : g.prerequisites_of(u)) CHECK((held(p) || in.count(p) == 1));
        }
        // Minimal: each unit is reached from an unheld requirement through unheld units
        // (an independent breadth-first search over the dependents).
        std::set<UnitIndex> reach;
        std::vector<UnitIndex> frontier;
        for (const auto &req : c.roles()[0].requirements)
            for (Level l = 1; l <= req.level; ++l)
                if (!held(g.index_of({req.skill, l}))) frontier.push_back(g.index_of({req.skill, l}));
        while (!frontier.empty()) {
            const UnitIndex u = frontier.back();
            frontier.pop_back();
            if (!reach.insert(u).second) continue;
            for (UnitIndex p : g.prerequisites_of(u))
                if (!held(p)) frontier.push_back(p);
        }
        CHECK(reach == in);
        // Gaps: exactly the skills with units in the path, their hours adding up to the total.
        std::set<std::size_t> skills_in_path;
        for (UnitIndex u : gap.units) skills_in_path.insert(g.unit(u).skill);
        std::set<std::size_t> gap_skills;
        double gap_hours = 0;
        std::map<std::size_t, Level> role_level, top_in_path;
        for (const auto &req : c.roles()[0].requirements) role_level[req.skill] = req.level;
        for (UnitIndex u : gap.units) top_in_path[g.unit(u).skill] = std::max(top_in_path[g.unit(u).skill], g.unit(u).level);
        for (const SkillGap &sg : gap.gaps) {
            gap_skills.insert(sg.skill);
            gap_hours += sg.hours;
            CHECK(sg.current < sg.target);
            // target: the role's level where the role requires the skill (and the learner does
            // not hold it), else the level reached; reaches: the highest unit of it in the path.
            CHECK(sg.reaches == top_in_path[sg.skill]);
            CHECK(sg.required == (role_level.count(sg.skill) && role_level[sg.skill] > current[sg.skill]));
            CHECK(sg.target == (sg.required ? role_level[sg.skill] : sg.reaches));
            CHECK(sg.target <= sg.reaches);
        }
        CHECK(gap_skills == skills_in_path);
        CHECK(gap_hours == doctest::Approx(gap.hours));
        // The fringe: exactly the unheld units whose prerequisites are all held.
        std::set<UnitIndex> fringe;
        for (UnitIndex u = 0; u < g.unit_count(); ++u) {
            if (held(u)) continue;
            bool all = true;
            for (UnitIndex p : g.prerequisites_of(u)) all = all && held(p);
            if (all) fringe.insert(u);
        }
        CHECK(std::set<UnitIndex>(gap.ready.begin(), gap.ready.end()) == fringe);
    }
}
