// A deterministic synthetic curriculum for the benchmarks: the same parameters give the same
// JSON text, byte for byte, on every machine (std::mt19937 is fully specified; the draws below go
// through our own mapping rather than std::uniform_int_distribution, whose algorithm is
// implementation-defined).
//
// Shape, after examples/data/engineering-growth.json at scale:
//   - a level scale of "none" plus `learned_levels` levels (default 5: 6 entries);
//   - `skills` skills in about skills/25 areas (round robin), each with "hours", half of them with
//     "hours_by_level" overrides, and up to two activities;
//   - `prerequisites` prerequisites, acyclic by construction: a prerequisite always goes from a
//     higher-numbered skill to a lower-numbered one (skill i requires skill j < i), so that with the
//     level chains every edge leads from a smaller (skill, level) pair to a larger one;
//   - `roles` roles, each after the first extending the one before, with requirements and weights;
//   - four session types, two programs (one individual, one group) with phases focused on areas,
//     and the six kinds of metric, as in the example.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace careerpath_bench {

struct SyntheticSpec {
    std::size_t skills = 1000;
    std::size_t prerequisites = 3000;
    std::size_t learned_levels = 5;
    std::size_t roles = 4;
    std::uint32_t seed = 20270104;
};

namespace detail {

class Draw {
public:
    explicit Draw(std::uint32_t seed) : engine_(seed) {}
    /// Uniform enough in [lo, hi] for a benchmark, and identical everywhere.
    std::size_t between(std::size_t lo, std::size_t hi) {
        const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
        const std::uint64_t wide = (static_cast<std::uint64_t>(engine_()) << 32) | engine_();
        return lo + static_cast<std::size_t>(wide % span);
    }
    bool chance(unsigned percent) { return between(0, 99) < percent; }

private:
    std::mt19937 engine_;
};

inline std::string numbered(const char *prefix, std::size_t n, int width) {
    std::string digits = std::to_string(n);
    if (static_cast<int>(digits.size()) < width) digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    return std::string(prefix) + digits;
}

}  // namespace detail

inline std::vector<std::string> synthetic_levels(std::size_t learned_levels) {
    static const char *const names[] = {"beginner", "intermediate", "advanced", "expert", "master"};
    std::vector<std::string> levels{"none"};
    for (std::size_t l = 0; l < learned_levels; ++l)
        levels.push_back(l < std::size(names) ? names[l] : detail::numbered("level_", l + 1, 2));
    return levels;
}

inline std::string synthetic_skill_id(std::size_t i) { return detail::numbered("skill_", i, 6); }

/// The curriculum document as compact JSON text.
inline std::string synthetic_curriculum(const SyntheticSpec &spec) {
    using nlohmann::json;
    detail::Draw draw(spec.seed);
    const std::vector<std::string> levels = synthetic_levels(spec.learned_levels);
    const std::size_t top = spec.learned_levels;
    const std::size_t areas = spec.skills / 25 > 0 ? spec.skills / 25 : 1;
    static const char *const kinds[] = {"workshop", "practice", "review", "case_study", "reading", "project"};

    json doc = json::object();
    doc["id"] = "synthetic-" + std::to_string(spec.skills);
    doc["title"] = "Synthetic curriculum of " + std::to_string(spec.skills) + " skills";
    doc["levels"] = levels;

    json skills = json::array();
    for (std::size_t i = 0; i < spec.skills; ++i) {
        json s = json::object();
        s["id"] = synthetic_skill_id(i);
        s["title"] = "Skill " + std::to_string(i);
        s["area"] = detail::numbered("area_", i % areas, 4);
        s["hours"] = draw.between(4, 40);
        if (top >= 2 && draw.chance(50)) {
            json by_level = json::object();
            for (std::size_t l = top - 1; l <= top; ++l) by_level[levels[l]] = draw.between(10, 60);
            s["hours_by_level"] = std::move(by_level);
        }
        json activities = json::array();
        for (std::size_t a = draw.between(0, 2); a > 0; --a)
            activities.push_back({{"title", "Activity " + std::to_string(a) + " for skill " + std::to_string(i)},
                                  {"kind", kinds[draw.between(0, std::size(kinds) - 1)]},
                                  {"level", levels[draw.between(1, top)]}});
        if (!activities.empty()) s["activities"] = std::move(activities);
        skills.push_back(std::move(s));
    }
    doc["skills"] = std::move(skills);

    json prerequisites = json::array();
    if (spec.skills >= 2) {
        for (std::size_t p = 0; p < spec.prerequisites; ++p) {
            const std::size_t dependent = draw.between(1, spec.skills - 1);
            const std::size_t required = draw.between(0, dependent - 1);
            json entry = {{"skill", synthetic_skill_id(dependent)}, {"requires", synthetic_skill_id(required)}};
            if (draw.chance(80)) entry["level"] = levels[draw.between(1, top)];
            if (draw.chance(80)) entry["requires_level"] = levels[draw.between(1, top)];
            prerequisites.push_back(std::move(entry));
        }
    }
    doc["prerequisites"] = std::move(prerequisites);

    json roles = json::array();
    const std::size_t per_role = spec.skills < 40 ? spec.skills : 40;
    for (std::size_t r = 0; r < spec.roles; ++r) {
        json role = {{"id", detail::numbered("role_", r, 2)}, {"title", "Role " + std::to_string(r)}};
        if (r > 0) role["extends"] = detail::numbered("role_", r - 1, 2);
        json requires_ = json::object();
        json weights = json::object();
        for (std::size_t k = 0; k < per_role; ++k) {
            const std::string skill = synthetic_skill_id(draw.between(0, spec.skills - 1));
            requires_[skill] = levels[draw.between(1, top)];
            if (draw.chance(20)) weights[skill] = draw.between(2, 3);
        }
        if (per_role > 0) role["requires"] = std::move(requires_);
        if (!weights.empty()) role["weights"] = std::move(weights);
        roles.push_back(std::move(role));
    }
    doc["roles"] = std::move(roles);

    doc["session_types"] = json::array({
        {{"id", "coaching"}, {"title", "1:1 Coaching"}, {"minutes", 60}, {"every", {{"weeks", 1}}}},
        {{"id", "technical_review"}, {"title", "Technical Review"}, {"minutes", 90}, {"every", {{"weeks", 2}}}},
        {{"id", "career_planning"}, {"title", "Career Planning"}, {"minutes", 60}, {"every", {{"months", 1}}}},
        {{"id", "practice_interview"}, {"title", "Practice Interview"}, {"minutes", 60},
         {"as_needed", {{"weeks_before_target", 4}, {"count", 2}}}}});
    doc["metrics"] = json::array({
        {{"id", "role_readiness"}, {"kind", "role_readiness"}, {"target", 1.0}, {"weight", 2}},
        {{"id", "skill_growth"}, {"kind", "skill_growth"}, {"target", 0.4}},
        {{"id", "promotion_timeline"}, {"kind", "timeline"}},
        {{"id", "satisfaction"}, {"kind", "survey"}, {"scale", json::array({1, 5})}, {"target", 4.5}},
        {{"id", "retention"}, {"kind", "retained"}},
        {{"id", "promotion"}, {"kind", "promoted"}}});
    if (spec.roles > 0) {
        const std::string target = detail::numbered("role_", spec.roles - 1, 2);
        auto phases = [&](std::size_t count, std::size_t months_each) {
            json list = json::array();
            for (std::size_t ph = 0; ph < count; ++ph)
                list.push_back({{"id", detail::numbered("phase_", ph, 2)},
                                {"months", json::array({ph * months_each + 1, (ph + 1) * months_each})},
                                {"focus", json::array({detail::numbered("area_", draw.between(0, areas - 1), 4),
                                                       synthetic_skill_id(draw.between(0, spec.skills - 1))})}});
            return list;
        };
        json programs = json::array();
        if (spec.skills > 0) {
            programs.push_back({{"id", "individual_track"}, {"target_role", target}, {"months", 9},
                                {"format", "individual"}, {"phases", phases(3, 3)},
                                {"sessions", json::array({"coaching", "technical_review", "career_planning", "practice_interview"})},
                                {"metrics", json::array({"role_readiness", "skill_growth", "promotion_timeline", "satisfaction"})}});
            programs.push_back({{"id", "group_track"}, {"target_role", target}, {"months", 6}, {"format", "group"},
                                {"group_size", json::array({4, 6})}, {"phases", phases(2, 3)}, {"sessions", json::array({"technical_review"})},
                                {"metrics", json::array({"retention", "promotion"})}});
        }
        doc["programs"] = std::move(programs);
    }
    doc["raters"] = {{"self", {{"weight", 0}}}, {"manager", {{"weight", 1}}}, {"peer", {{"weight", 1}, {"min_count", 3}}}};
    return doc.dump();
}

/// The planning benchmarks' case, as documents: the synthetic curriculum of `skills` skills
/// (3 prerequisites per skill) with a role "target" requiring 200 of them (every fifth where
/// there are fewer than 1,000) at levels 2 to 5, and the request of a learner who holds a little
/// of a third of the skills, with a fortnight of time off and four holiday rules.
struct PlanDocuments {
    nlohmann::json curriculum;
    nlohmann::json request;
};
inline PlanDocuments plan_documents(std::size_t skills, double hours_per_week) {
    using Json = nlohmann::json;
    SyntheticSpec spec;
    spec.skills = skills;
    spec.prerequisites = 3 * skills;
    PlanDocuments out{Json::parse(synthetic_curriculum(spec)), Json::object()};
    detail::Draw draw(42);
    Json requires_ = Json::object();
    const std::size_t step = skills >= 1000 ? skills / 200 : 5;
    for (std::size_t s = 0; s < skills; s += step) requires_[synthetic_skill_id(s)] = draw.between(2, 5);
    out.curriculum["roles"].push_back({{"id", "target"}, {"requires", requires_}});
    Json current = Json::object();
    for (std::size_t s = 0; s < skills; s += 3) current[synthetic_skill_id(s)] = draw.between(0, 2);
    out.request = {
        {"learner", {{"id", "bench"}, {"current", current}, {"hours_per_week", hours_per_week},
                     {"workdays", {"mon", "tue", "wed", "thu", "fri"}},
                     {"time_off", {{{"from", "2027-07-19"}, {"to", "2027-07-30"}}}}}},
        {"target_role", "target"},
        {"start", "2027-01-04"},
        {"target_date", "2028-12-31"},
        {"holidays", {"2027-07-05", {{"month", 12}, {"day", 25}}, {{"month", 11}, {"weekday", "thu"}, {"nth", 4}},
                      {{"month", 5}, {"weekday", "mon"}, {"nth", -1}}}}};
    return out;
}

}  // namespace careerpath_bench
