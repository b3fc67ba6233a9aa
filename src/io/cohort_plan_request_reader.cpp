// Reading a cohort plan request (docs/cohort-planning.md "Request"): the mentors, each a plan
// request's mentor with its weekly hours, then the learners, each a plan request read by the
// plan request reader, whose "mentor" names one of the mentors by id.
#include <careerpath/cohort_plan.hpp>

#include "document.hpp"
#include "json_reader.hpp"
#include "readers.hpp"

#include <map>
#include <string>

CAREERPATH_NAMESPACE_BEGIN

using detail::missing;
using detail::Node;
using detail::Ok;
using detail::read_array;
using detail::read_id;
using detail::read_number;
using detail::schema_error;
using detail::success;

namespace {

Ok read_cohort_mentor(const Node &n, const Limits &limits, CohortMentor &out) {
    BOOST_OUTCOME_TRYV(io::read_plan_mentor(n, limits, out.mentor));
    if (out.mentor.available.empty())
        return schema_error(n.member("available").pointer(),
                            "mentor \"" + out.mentor.id +
                                "\" has no weekly availability: a cohort's mentor needs \"available\" windows to hold "
                                "sessions in");
    if (const Node hours = n.member("max_hours_per_week"); hours && !hours->is_null()) {
        double value = 0;
        BOOST_OUTCOME_TRYV(read_number(hours, "max_hours_per_week", 0, value));
        if (value > 168)
            return schema_error(hours.pointer(), "max_hours_per_week must be at most 168, the hours of a week, not " +
                                                     hours->dump());
        out.max_hours_per_week = value;
    }
    return success();
}

// The learner's "mentor": a mentor's id, resolved; none where absent or null.
Ok read_mentor_id(const Node &n, const CohortPlanRequest &cohort, const std::map<std::string, std::size_t, std::less<>> &ids,
                  std::optional<std::size_t> &out) {
    if (!n || n->is_null()) return success();
    if (!n->is_string())
        return schema_error(n.pointer(), std::string("in a cohort plan request a learner's mentor is the id of one of "
                                                     "the cohort's mentors, a string, not ") +
                                             detail::type_name(*n));
    std::string id;
    BOOST_OUTCOME_TRYV(read_id(n, "mentor", id));
    const auto it = ids.find(id);
    if (it == ids.end())
        return make_error(Status::reference,
                          "unknown mentor \"" + id + "\": no mentor of the cohort (" +
                              std::to_string(cohort.mentors.size()) + " in \"mentors\") has this id",
                          n.pointer());
    out = it->second;
    return success();
}

}  // namespace

Result<CohortPlanRequest> read_cohort_plan_request(const Curriculum &c, std::string_view text, const Limits &limits) {
    auto document = io::Document::parse(text, limits);
    if (!document) return document.error();
    const Node root(document.value().root());
    BOOST_OUTCOME_TRYV(root.expect_object("a cohort plan request"));
    CohortPlanRequest cohort;

    Node mentors;
    BOOST_OUTCOME_TRYV(read_array(root, "mentors", limits.max_cohort_mentors, "max_cohort_mentors", mentors));
    if (!mentors) return missing(mentors, "\"mentors\" (an array)");
    std::map<std::string, std::size_t, std::less<>> mentor_ids;
    cohort.mentors.reserve(mentors->size());
    for (std::size_t i = 0; i < mentors->size(); ++i) {
        const Node n = mentors.element(i);
        CohortMentor m;
        BOOST_OUTCOME_TRYV(read_cohort_mentor(n, limits, m));
        const auto [it, fresh] = mentor_ids.emplace(m.mentor.id, i);
        if (!fresh)
            return schema_error(n.member("id").pointer(), "duplicate mentor id \"" + m.mentor.id + "\": /mentors/" +
                                                              std::to_string(it->second) + " has it too");
        cohort.mentors.push_back(std::move(m));
    }

    Node learners;
    BOOST_OUTCOME_TRYV(read_array(root, "learners", limits.max_cohort_learners, "max_cohort_learners", learners));
    if (!learners) return missing(learners, "\"learners\" (an array)");
    std::map<std::string, std::size_t, std::less<>> learner_ids;
    cohort.learners.reserve(learners->size());
    cohort.mentor_of.reserve(learners->size());
    for (std::size_t i = 0; i < learners->size(); ++i) {
        const Node n = learners.element(i);
        auto request = io::read_plan_request(c, n, limits, io::MentorField::id);
        if (!request) return request.error();
        std::optional<std::size_t> mentor;
        BOOST_OUTCOME_TRYV(read_mentor_id(n.member("mentor"), cohort, mentor_ids, mentor));
        const auto [it, fresh] = learner_ids.emplace(request.value().learner.id, i);
        if (!fresh)
            return schema_error(n.member("learner").member("id").pointer(),
                                "duplicate learner id \"" + request.value().learner.id + "\": /learners/" +
                                    std::to_string(it->second) + " has it too");
        if (mentor) {
            // What the plan writes of its mentor; the availability stays with the cohort's mentor.
            const Mentor &m = cohort.mentors[*mentor].mentor;
            Mentor named;
            named.id = m.id;
            named.name = m.name;
            named.zone = m.zone;
            request.value().mentor = std::move(named);
        }
        cohort.learners.push_back(std::move(request).value());
        cohort.mentor_of.push_back(mentor);
    }
    return cohort;
}

CAREERPATH_NAMESPACE_END
