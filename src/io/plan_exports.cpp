// The plan exports that take a plan document: parsed as every document is, read by the one plan
// reader for what the export draws, then drawn from the outline.
#include <careerpath/export.hpp>

#include "readers.hpp"

CAREERPATH_NAMESPACE_BEGIN

namespace {

Result<PlanOutline> read_outline(std::string_view text, io::PlanUse use, const Limits &limits) {
    auto document = io::Document::parse(text, limits);
    if (!document) return document.error();
    return io::read_plan_outline(detail::Node(document.value().root()), use);
}

}  // namespace

Result<std::string> export_mermaid_gantt_from_json(std::string_view plan_document, const Limits &limits) {
    auto plan = read_outline(plan_document, io::PlanUse::gantt, limits);
    if (!plan) return plan.error();
    return export_mermaid_gantt(plan.value());
}

Result<std::string> export_mermaid_gantt_from_json(const Curriculum &curriculum, std::string_view plan_document,
                                                   const Limits &limits) {
    auto plan = read_outline(plan_document, io::PlanUse::gantt, limits);
    if (!plan) return plan.error();
    return export_mermaid_gantt(curriculum, plan.value());
}

Result<std::string> export_ical_from_json(std::string_view plan_document, const Limits &limits) {
    auto plan = read_outline(plan_document, io::PlanUse::ical, limits);
    if (!plan) return plan.error();
    return export_ical(plan.value());
}

CAREERPATH_NAMESPACE_END
