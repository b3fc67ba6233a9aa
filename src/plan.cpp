// A plan request's text to a plan, and to the plan's JSON text: read (io/plan_request_reader.cpp),
// plan (make_plan.cpp), write (io/plan_writer.cpp).
#include <careerpath/plan.hpp>

CAREERPATH_NAMESPACE_BEGIN

Result<PlannedRequest> plan_from_json(const Curriculum &curriculum, std::string_view request_json,
                                      const Limits &limits) {
    auto request = read_plan_request(curriculum, request_json, limits);
    if (!request) return request.error();
    auto plan = make_plan(curriculum, request.value(), limits);
    if (!plan) return plan.error();
    return PlannedRequest{std::move(request).value(), std::move(plan).value()};
}

Result<std::string> plan_json_text(const Curriculum &curriculum, std::string_view request_json, const Limits &limits) {
    auto planned = plan_from_json(curriculum, request_json, limits);
    if (!planned) return planned.error();
    return plan_to_json_text(curriculum, planned.value().request, planned.value().plan);
}

CAREERPATH_NAMESPACE_END
