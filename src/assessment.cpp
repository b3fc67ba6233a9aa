// Assessments and skill estimates (docs/scoring.md, "Rules"). The rules are applied in the order
// docs/scoring.md states them, so that two implementations agree to the last bit: group means, the
// pooling of groups under their floor into "others", the weighted average, the self fallback.
#include <careerpath/assessment.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

CAREERPATH_NAMESPACE_BEGIN

namespace {

double mean(const std::vector<double> &values) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

}  // namespace

Level achieved_level(double estimate, Level top) noexcept {
    Level best = 0;
    for (Level l = 1; l <= top; ++l)
        if (estimate >= static_cast<double>(l) - 0.25) best = l;
    return best;
}

SkillEstimate estimate_skill(const Curriculum &c, std::size_t skill, Date date, std::span<const Rating> ratings) {
    SkillEstimate out;
    out.skill = skill;
    out.date = date;
    const auto groups = c.raters();  // in id order
    // Each group's levels, one per rater (a rater rates a skill once per assessment).
    std::vector<std::vector<double>> levels(groups.size());
    for (const Rating &r : ratings)
        if (r.skill == skill) levels[r.group].push_back(static_cast<double>(r.level));

    // Groups at or over their floor stand alone; the others are pooled.
    GroupScore pool{"others", 0, 0, 0, {}, true};
    std::vector<double> pooled_levels, pooled_weights;
    int pooled_floor = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (levels[g].empty()) continue;
        if (static_cast<int>(levels[g].size()) >= groups[g].min_count) {
            out.groups.push_back({groups[g].id, mean(levels[g]), levels[g].size(), groups[g].weight, {}, true});
        } else {
            pool.pooled.push_back(groups[g].id);
            pooled_levels.insert(pooled_levels.end(), levels[g].begin(), levels[g].end());
            pooled_weights.push_back(groups[g].weight);
            pooled_floor = std::max(pooled_floor, groups[g].min_count);
        }
    }
    if (!pooled_levels.empty()) {
        pool.score = mean(pooled_levels);
        pool.raters = pooled_levels.size();
        pool.weight = mean(pooled_weights);
        pool.shown = static_cast<int>(pool.raters) >= pooled_floor;
        out.groups.push_back(std::move(pool));
    }

    // The weighted average, with and without the self group; the ratings it counts.
    auto weighted = [&](bool with_self, std::vector<double> *counted) -> std::optional<double> {
        double sum = 0, weights = 0;
        for (const GroupScore &g : out.groups) {
            if (g.weight <= 0 || (!with_self && g.group == "self")) continue;
            sum += g.weight * g.score;
            weights += g.weight;
            if (counted) {
                if (g.group == "others") {
                    counted->insert(counted->end(), pooled_levels.begin(), pooled_levels.end());
                } else {
                    const auto &own = levels[*c.find_rater(g.group)];
                    counted->insert(counted->end(), own.begin(), own.end());
                }
            }
        }
        if (weights <= 0) return std::nullopt;
        return sum / weights;
    };
    std::vector<double> counted;
    out.estimate = weighted(true, &counted);
    if (const auto self = c.find_rater("self"); self && !levels[*self].empty()) {
        out.self = mean(levels[*self]);
        if (!out.estimate) {
            out.estimate = out.self;
            out.self_only = true;
            counted = levels[*self];
        }
    }
    out.others = weighted(false, nullptr);
    if (out.estimate) {
        out.achieved = achieved_level(*out.estimate, c.levels().top());
        out.n = counted.size();
        const double m = mean(counted);
        double squares = 0;
        for (double v : counted) squares += (v - m) * (v - m);
        out.spread = std::sqrt(squares / static_cast<double>(counted.size()));
    }
    return out;
}

std::vector<std::optional<SkillEstimate>> skill_estimates(const Curriculum &c, std::span<const Assessment> assessments,
                                                          bool earliest) {
    std::vector<std::optional<SkillEstimate>> out(c.skills().size());
    // Assessments are in date order; walk them from the end that wins and keep the first
    // estimate, a weighted one in preference to a self fallback.
    auto visit = [&](const Assessment &a) {
        std::set<std::size_t> skills;
        for (const Rating &r : a.ratings) skills.insert(r.skill);
        for (std::size_t s : skills) {
            if (out[s] && !out[s]->self_only) continue;
            SkillEstimate e = estimate_skill(c, s, a.date, a.ratings);
            if (e.estimate && (!out[s] || !e.self_only)) out[s] = std::move(e);
        }
    };
    if (earliest)
        for (const Assessment &a : assessments) visit(a);
    else
        for (auto it = assessments.rbegin(); it != assessments.rend(); ++it) visit(*it);
    return out;
}

CAREERPATH_NAMESPACE_END
