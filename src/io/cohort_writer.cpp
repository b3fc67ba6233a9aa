// A cohort report written out: as JSON (what careerpath_cohort returns) and as the readable ROI
// table. The report is made in cohort.cpp.
#include <careerpath/cohort.hpp>

#include "json_writer.hpp"
#include "money_writer.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

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

// A share given in millionths as a percentage, exactly: 850000 is "85%", 853500 "85.35%".
std::string percent_of_millionths(std::int64_t millionths) {
    std::string text = std::to_string(millionths / 10'000);
    if (const std::int64_t rest = millionths % 10'000) {
        std::string places = std::to_string(rest);
        places.insert(0, 4 - places.size(), '0');
        while (places.back() == '0') places.pop_back();
        text += "." + places;
    }
    return text + "%";
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

std::string cohort_to_text(const CohortReport &report) {
    std::ostringstream out;
    auto figure = [](const RoiCell &c, bool percent) {
        std::ostringstream s;
        if (c.value) s << std::fixed << std::setprecision(percent ? 0 : 2) << (percent ? 100 * *c.value : *c.value) << (percent ? "%" : "");
        else s << (c.suppressed ? "--" : "n/a");
        s << " (n=" << c.n << ")";
        return s.str();
    };
    out << "ROI by individual, team and organization (groups and figures of fewer than " << report.min_group_size
        << " people are suppressed: --)\n\n";
    out << std::left << std::setw(32) << "" << std::setw(8) << "people" << std::setw(18) << "promoted <=12 mo"
        << std::setw(16) << "retention" << std::setw(18) << "skill growth" << std::setw(16) << "readiness" << "on track\n";
    auto line = [&](const std::string &label, const RoiRow &r) {
        out << std::left << std::setw(32) << label << std::setw(8) << r.people << std::setw(18) << figure(r.promotion_rate, true)
            << std::setw(16) << figure(r.retention_rate, true) << std::setw(18) << figure(r.skill_growth, true) << std::setw(16)
            << figure(r.readiness, false) << figure(r.on_track, true) << "\n";
    };
    auto rows = [&](const auto &write) {
        write("Individuals (all)", report.individuals);
        if (!report.teams.empty()) out << "Teams\n";
        for (const RoiRow &r : report.teams) write("  " + r.organization + " / " + r.team, r);
        if (!report.organizations.empty()) out << "Organizations\n";
        for (const RoiRow &r : report.organizations) write("  " + r.organization, r);
    };
    rows(line);
    if (const auto &e = report.economics) {
        auto money = [&](const MoneyCell &c) {
            std::string s = c.cents ? format_money(*c.cents, e->currency) : c.suppressed ? "--" : "n/a";
            return s + " (n=" + std::to_string(c.n) + ")";
        };
        out << "\nEconomics in " << e->currency << ": replacement cost " << format_money(e->replacement_cost_cents, e->currency)
            << " a person, baseline retention " << percent_of_millionths(e->baseline_retention_millionths)
            << "; ROI = (turnover cost avoided - investment) / investment\n\n";
        out << std::left << std::setw(32) << "" << std::setw(8) << "people" << std::setw(30) << "investment" << std::setw(28)
            << "per promotion" << std::setw(30) << "turnover cost avoided" << "ROI\n";
        rows([&](const std::string &label, const RoiRow &r) {
            const RoiEconomics &m = *r.economics;
            out << std::left << std::setw(32) << label << std::setw(8) << r.people << std::setw(30) << money(m.investment)
                << std::setw(28) << money(m.cost_per_promotion) << std::setw(30) << money(m.turnover_cost_avoided)
                << figure(m.roi, true) << "\n";
        });
    }
    return out.str();
}

CAREERPATH_NAMESPACE_END
