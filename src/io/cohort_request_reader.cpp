// Reading a cohort request: its floor and its people, each a score request read by the score
// request reader. The report is made in cohort.cpp as the people are read.
#include "cohort_request_reader.hpp"

#include "readers.hpp"
#include "json_reader.hpp"

#include <utility>

CAREERPATH_NAMESPACE_BEGIN

Result<std::size_t> io::read_cohort_request(const Curriculum &c, std::string_view text, const Limits &limits,
                                            const std::function<void(std::size_t count)> &people,
                                            const std::function<void(ScoreRequest &&request)> &person) {
    auto document = io::Document::parse(text, limits);
    if (!document) return document.error();
    const detail::Node root(document.value().root());
    BOOST_OUTCOME_TRYV(root.expect_object("a cohort request"));
    int floor = 5;
    if (const detail::Node n = root.member("min_group_size")) {
        BOOST_OUTCOME_TRYV(detail::read_int(n, "min_group_size", 1, 1'000'000, floor));
    }
    detail::Node list;
    BOOST_OUTCOME_TRYV(detail::read_array(root, "people", limits.max_people, "max_people", list));
    if (!list) return detail::missing(list, "people");
    people(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto request = io::read_score_request(c, list.element(i), limits);
        if (!request) return request.error();
        person(std::move(request).value());
    }
    return static_cast<std::size_t>(floor);
}

CAREERPATH_NAMESPACE_END
