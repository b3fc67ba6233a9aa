// Reading a cohort request: its floor, its economics and its people, each a score request read by
// the score request reader. The report is made in cohort.cpp as the people are read.
#include "cohort_request_reader.hpp"

#include "readers.hpp"
#include "json_reader.hpp"
#include "money_reader.hpp"

#include <utility>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// "economics" (README "Money"): every member required, amounts exact.
detail::Ok read_economics(const detail::Node &n, CohortEconomics &out) {
    BOOST_OUTCOME_TRYV(n.expect_object("\"economics\""));
    BOOST_OUTCOME_TRYV(detail::read_currency(n.member("currency"), out.currency));
    BOOST_OUTCOME_TRYV(detail::read_amount(n.member("replacement_cost"), "replacement_cost", out.replacement_cost_cents));
    return detail::read_share(n.member("baseline_retention"), "baseline_retention", 6, out.baseline_retention_millionths);
}

}  // namespace

Result<io::CohortSettings> io::read_cohort_request(
    const Curriculum &c, std::string_view text, const Limits &limits,
    const std::function<void(const CohortSettings &settings, std::size_t count)> &start,
    const std::function<Result<void>(ScoreRequest &&request, std::size_t index)> &person) {
    auto document = io::Document::parse(text, limits);
    if (!document) return document.error();
    const detail::Node root(document.value().root());
    BOOST_OUTCOME_TRYV(root.expect_object("a cohort request"));
    CohortSettings settings;
    int floor = 5;
    if (const detail::Node n = root.member("min_group_size")) {
        BOOST_OUTCOME_TRYV(detail::read_int(n, "min_group_size", 1, 1'000'000, floor));
    }
    settings.min_group_size = static_cast<std::size_t>(floor);
    if (const detail::Node n = root.member("economics"); n && !n->is_null()) {
        CohortEconomics economics;
        BOOST_OUTCOME_TRYV(read_economics(n, economics));
        settings.economics = std::move(economics);
    }
    detail::Node list;
    BOOST_OUTCOME_TRYV(detail::read_array(root, "people", limits.max_people, "max_people", list));
    if (!list) return detail::missing(list, "people");
    start(settings, list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto request = io::read_score_request(c, list.element(i), limits);
        if (!request) return request.error();
        BOOST_OUTCOME_TRYV(person(std::move(request).value(), i));
    }
    return settings;
}

CAREERPATH_NAMESPACE_END
