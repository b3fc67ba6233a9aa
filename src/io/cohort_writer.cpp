// A cohort report written out as JSON (what careerpath_cohort returns); its text report, the ROI
// table, is text_report.cpp. The report is made in cohort.cpp.
#include <careerpath/cohort.hpp>

#include "json_writer.hpp"
#include "money_writer.hpp"

#include <cmath>

CAREERPATH_NAMESPACE_BEGIN

namespace {

using detail::JsonWriter;

void write_cell(JsonWriter &w, JsonWriter::Key key, const RoiCell &c) {
    w.key(key);
    w.begin_object();
    w.member("n", c.n);
    w.member("suppressed", c.suppressed);
    w.key("value");
    if (c.value) w.value(std::round(*c.value * 1e6) / 1e6);
    else w.null();
    w.end_object();
}

void write_money_cell(JsonWriter &w, JsonWriter::Key key, const MoneyCell &c) {
    w.key(key);
    w.begin_object();
    detail::write_amount(w, c.cents);
    w.member("n", c.n);
    w.member("suppressed", c.suppressed);
    w.end_object();
}

// The row's money figures (README "Money"), each with its own n.
void write_economics(JsonWriter &w, const RoiEconomics &e) {
    w.key("economics");
    w.begin_object();
    write_money_cell(w, "cost_per_promotion", e.cost_per_promotion);
    write_money_cell(w, "investment", e.investment);
    write_cell(w, "roi", e.roi);
    write_money_cell(w, "turnover_cost_avoided", e.turnover_cost_avoided);
    w.end_object();
}

void write_row(JsonWriter &w, const RoiRow &r) {
    w.begin_object();
    if (r.economics) write_economics(w, *r.economics);
    write_cell(w, "mean_readiness", r.readiness);
    write_cell(w, "mean_skill_growth", r.skill_growth);
    if (!r.organization.empty() || !r.team.empty()) w.member("organization", r.organization);
    w.member("people", r.people);
    write_cell(w, "promotion_rate_12_months", r.promotion_rate);
    write_cell(w, "retention_rate", r.retention_rate);
    write_cell(w, "share_on_track", r.on_track);
    w.member("suppressed", r.suppressed);
    if (!r.team.empty()) w.member("team", r.team);
    w.end_object();
}

void write_rows(JsonWriter &w, JsonWriter::Key key, const std::vector<RoiRow> &rows) {
    w.key(key);
    w.begin_array();
    for (const RoiRow &r : rows) write_row(w, r);
    w.end_array();
}

}  // namespace

std::string cohort_to_json_text(const CohortReport &report) {
    std::string text;
    JsonWriter w(text);
    w.begin_object();
    if (const auto &e = report.economics) {
        w.key("economics");
        w.begin_object();
        w.member("baseline_retention", static_cast<double>(e->baseline_retention_millionths) / 1e6);
        w.member("currency", e->currency);
        w.key("replacement_cost");
        w.begin_object();
        detail::write_amount(w, e->replacement_cost_cents);
        w.end_object();
        w.end_object();
    }
    w.key("individuals");
    write_row(w, report.individuals);
    w.member("min_group_size", report.min_group_size);
    write_rows(w, "organizations", report.organizations);
    w.member("schema_version", schema_version);
    write_rows(w, "teams", report.teams);
    w.end_object();
    return text;
}

CAREERPATH_NAMESPACE_END
