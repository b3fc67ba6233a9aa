// Reading assessments (docs/scoring.md, "The score request"): each rating checked against the
// curriculum's skills, rater groups and levels, the first fault reported with its JSON Pointer; the
// estimates drawn from them are in assessment.cpp.
#include <careerpath/assessment.hpp>

#include "readers.hpp"
#include "json_reader.hpp"

#include <algorithm>
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
    if (!s) return make_error(Status::reference, detail::unknown_skill(c, skill), skill_node.pointer());
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

CAREERPATH_NAMESPACE_END
