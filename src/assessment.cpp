// Assessments and skill estimates (SPEC "Score request", "Rules"). The rules are applied in the
// order SPEC states them, so that two implementations agree to the last bit: group means, the
// pooling of groups under their floor into "others", the weighted average, the self fallback.
#include <careerpath/assessment.hpp>

#include "io/readers.hpp"
#include "io/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

CAREERPATH_NAMESPACE_BEGIN

using detail::Node;
using detail::Ok;
using detail::read_array;
using detail::read_date;
using detail::read_id;
using detail::read_level;
using detail::read_optional_string;
using detail::schema_error;
using detail::success;

namespace {

Ok read_rating(const Curriculum &c, const Node &n, std::size_t index, Rating &out) {
    BOOST_OUTCOME_TRYV(n.expect_object("a rating"));
    std::string skill, group;
    const Node skill_node = n.member("skill");
    BOOST_OUTCOME_TRYV(read_id(skill_node, "skill", skill));
    const auto s = c.find_skill(skill);
    if (!s) return make_error(Status::reference, "unknown skill \"" + skill + "\": no skill has this id", skill_node.pointer());
    out.skill = *s;
    const Node group_node = n.member("rater");
    BOOST_OUTCOME_TRYV(read_id(group_node, "rater (a rater group)", group));
    const auto g = c.find_rater(group);
    if (!g)
        return make_error(Status::reference,
                          "rater group \"" + group + "\" is not declared in the curriculum's \"raters\"", group_node.pointer());
    out.group = *g;
    out.rater = "#" + std::to_string(index);
    BOOST_OUTCOME_TRYV(read_optional_string(n.member("rater_id"), "rater_id", out.rater));
    return read_level(n.member("level"), c.levels(), "level", 0, out.level);
}

double mean(const std::vector<double> &values) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

}  // namespace

Result<std::vector<Assessment>> io::read_assessments(const Curriculum &c, const Node &list, std::optional<Date> as_of,
                                                     const Limits &limits) {
    BOOST_OUTCOME_TRYV(list.expect_array("\"assessments\""));
    if (list->size() > limits.max_assessments)
        return make_error(Status::limit, "\"assessments\" has " + std::to_string(list->size()) + " entries, more than " +
                                             std::to_string(limits.max_assessments) + " (max_assessments)",
                          list.pointer());
    std::vector<Assessment> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Node n = list.element(i);
        BOOST_OUTCOME_TRYV(n.expect_object("an assessment"));
        Assessment a;
        BOOST_OUTCOME_TRYV(read_optional_string(n.member("id"), "id", a.id));
        const Node date = n.member("date");
        BOOST_OUTCOME_TRYV(read_date(date, "date", a.date));
        if (as_of && a.date > *as_of)
            return schema_error(date.pointer(), "the assessment is dated " + a.date.iso() + ", after the as-of date " +
                                                  as_of->iso() + ": an assessment cannot come from the future");
        Node ratings;
        BOOST_OUTCOME_TRYV(read_array(n, "ratings", limits.max_ratings, "max_ratings", ratings));
        if (!ratings) return detail::missing(ratings, "ratings");
        std::set<std::tuple<std::size_t, std::size_t, std::string>> seen;  // (skill, group, rater)
        for (std::size_t k = 0; k < ratings->size(); ++k) {
            const Node r = ratings.element(k);
            Rating rating;
            BOOST_OUTCOME_TRYV(read_rating(c, r, k, rating));
            if (!seen.emplace(rating.skill, rating.group, rating.rater).second)
                return schema_error(r.pointer(), "rater \"" + rating.rater + "\" (" + c.raters()[rating.group].id +
                                                   ") rates \"" + c.skills()[rating.skill].id +
                                                   "\" twice in one assessment");
            a.ratings.push_back(std::move(rating));
        }
        out.push_back(std::move(a));
    }
    std::stable_sort(out.begin(), out.end(), [](const Assessment &a, const Assessment &b) { return a.date < b.date; });
    return out;
}

Result<std::vector<Assessment>> read_assessments(const Curriculum &c, std::string_view array_json,
                                                 std::optional<Date> as_of, const Limits &limits) {
    auto document = io::Document::parse(array_json, limits);
    if (!document) return document.error();
    return io::read_assessments(c, Node(document.value().root()), as_of, limits);
}

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
