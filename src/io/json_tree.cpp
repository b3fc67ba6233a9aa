// The tree API of careerpath/json.hpp: each function is its text twin with the tree written out
// or parsed back, so that trees and text can never disagree.
#include <careerpath/describe.hpp>
#include <careerpath/export.hpp>
#include <careerpath/json.hpp>

#include "readers.hpp"

CAREERPATH_NAMESPACE_BEGIN

namespace {

std::string text_of(const Json &tree) { return tree.dump(-1, ' ', false, Json::error_handler_t::replace); }

// nlohmann's own parse of text the library wrote, into a tree the caller owns.
Json tree_of(const std::string &text) { return Json::parse(text); }

}  // namespace

Result<PlanRequest> read_plan_request(const Curriculum &c, const Json &document, const Limits &limits) {
    return read_plan_request(c, std::string_view(text_of(document)), limits);
}

Result<ScoreRequest> read_score_request(const Curriculum &c, const Json &document, const Limits &limits) {
    return read_score_request(c, std::string_view(text_of(document)), limits);
}

Result<MatchRequest> read_match_request(const Curriculum &c, const Json &document, const Limits &limits) {
    return read_match_request(c, std::string_view(text_of(document)), limits);
}

Result<std::vector<Assessment>> read_assessments(const Curriculum &c, const Json &array, const std::string &pointer,
                                                 std::optional<Date> as_of, const Limits &limits) {
    auto read = read_assessments(c, std::string_view(text_of(array)), as_of, limits);
    if (!read) {
        Error e = read.error();
        e.pointer = pointer + e.pointer;
        return e;
    }
    return read;
}

Json plan_to_json(const Curriculum &c, const PlanRequest &request, const Plan &plan) {
    return tree_of(plan_to_json_text(c, request, plan));
}
Json scorecard_to_json(const Curriculum &c, const ScoreRequest &request, const Scorecard &card) {
    return tree_of(scorecard_to_json_text(c, request, card));
}
Json cohort_to_json(const CohortReport &report) { return tree_of(cohort_to_json_text(report)); }
Json match_to_json(const Curriculum &c, const MatchRequest &request, const MatchResult &result) {
    return tree_of(match_to_json_text(c, request, result));
}
Json describe(const Curriculum &c) { return tree_of(describe_json_text(c)); }

Result<std::string> export_mermaid_gantt(const Json &plan_document) {
    return export_mermaid_gantt_from_json(text_of(plan_document));
}
Result<std::string> export_ical(const Json &plan_document) { return export_ical_from_json(text_of(plan_document)); }

CAREERPATH_NAMESPACE_END
