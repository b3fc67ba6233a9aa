// The cohort report: per-person facts first (each known or not), then means per group, then the
// suppression of small groups and cells, so that no figure ever describes fewer people than the
// floor.
#include <careerpath/cohort.hpp>

#include "io/readers.hpp"
#include "io/json_writer.hpp"

#include "io/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <sstream>
#include <utility>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// What one person contributes to each figure; nullopt where it is not known (yet).
struct PersonFacts {
    std::optional<double> promoted, retained, growth, readiness, on_track;
};

// A person as the report needs them: their groups and their facts. A request and its scorecard
// hold a level and an estimate for skills of the whole curriculum; a cohort keeps only this, so
// that its memory grows with the people, not with people x skills (docs/limits.md).
struct Member {
    std::string organization, team;
    PersonFacts facts;
};

PersonFacts facts_of(const ScoredRequest &p) {
    const ScoreRequest &r = p.request;
    const Scorecard &card = p.card;
    PersonFacts f;
    const Date year_after = r.start.plus_months(12);
    const auto &promoted_on = r.outcomes.promoted_on;
    // Within 12 months: on or before the anniversary of the start. A promotion without its
    // date cannot be placed, and stays unknown.
    if (promoted_on && *promoted_on <= r.as_of) f.promoted = *promoted_on <= year_after ? 1.0 : 0.0;
    else if (r.as_of >= year_after && r.outcomes.promoted != true) f.promoted = 0.0;
    if (r.outcomes.retained) f.retained = *r.outcomes.retained ? 1.0 : 0.0;
    f.growth = card.skill_growth;
    f.readiness = card.readiness;
    if (card.progress)
        f.on_track = card.progress->status == Progress::Status::achieved || card.progress->status == Progress::Status::on_track
                         ? 1.0
                         : 0.0;
    return f;
}

RoiCell cell(const std::vector<const PersonFacts *> &people, std::optional<double> PersonFacts::*field, std::size_t floor,
             bool row_suppressed) {
    RoiCell c;
    double sum = 0;
    for (const PersonFacts *f : people)
        if (f->*field) sum += *(f->*field), ++c.n;
    c.suppressed = row_suppressed || c.n < floor;
    if (!c.suppressed && c.n) c.value = sum / static_cast<double>(c.n);
    return c;
}

RoiRow row(std::string organization, std::string team, const std::vector<const PersonFacts *> &people, std::size_t floor) {
    RoiRow r;
    r.organization = std::move(organization);
    r.team = std::move(team);
    r.people = people.size();
    r.suppressed = people.size() < floor;
    r.promotion_rate = cell(people, &PersonFacts::promoted, floor, r.suppressed);
    r.retention_rate = cell(people, &PersonFacts::retained, floor, r.suppressed);
    r.skill_growth = cell(people, &PersonFacts::growth, floor, r.suppressed);
    r.readiness = cell(people, &PersonFacts::readiness, floor, r.suppressed);
    r.on_track = cell(people, &PersonFacts::on_track, floor, r.suppressed);
    return r;
}

Member member_of(const ScoredRequest &p) { return Member{p.request.organization, p.request.team, facts_of(p)}; }

CohortReport report_of(const std::vector<Member> &people, std::size_t min_group_size) {
    CohortReport report;
    report.min_group_size = min_group_size;
    std::vector<const PersonFacts *> everyone;
    std::map<std::pair<std::string, std::string>, std::vector<const PersonFacts *>> teams;
    std::map<std::string, std::vector<const PersonFacts *>> organizations;
    for (const Member &m : people) {
        everyone.push_back(&m.facts);
        teams[{m.organization, m.team}].push_back(&m.facts);
        organizations[m.organization].push_back(&m.facts);
    }
    report.individuals = row("", "", everyone, min_group_size);
    for (const auto &[key, members] : teams) report.teams.push_back(row(key.first, key.second, members, min_group_size));
    for (const auto &[key, members] : organizations) report.organizations.push_back(row(key, "", members, min_group_size));
    return report;
}

}  // namespace

CohortReport make_cohort_report(const Curriculum &, const std::vector<ScoredRequest> &people, std::size_t min_group_size) {
    std::vector<Member> members;
    members.reserve(people.size());
    for (const ScoredRequest &p : people) members.push_back(member_of(p));
    return report_of(members, min_group_size);
}

Result<CohortReport> cohort_from_json(const Curriculum &c, std::string_view text, const Limits &limits) {
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
    std::vector<Member> people;
    people.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto request = io::read_score_request(c, list.element(i), limits);
        if (!request) return request.error();
        Scorecard card = make_scorecard(c, request.value());
        people.push_back(member_of(ScoredRequest{std::move(request).value(), std::move(card)}));
    }
    return report_of(people, static_cast<std::size_t>(floor));
}

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

void write_row(JsonWriter &w, const RoiRow &r) {
    w.begin_object();
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
    w.key("individuals");
    write_row(w, report.individuals);
    w.member("min_group_size", report.min_group_size);
    write_rows(w, "organizations", report.organizations);
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
    line("Individuals (all)", report.individuals);
    if (!report.teams.empty()) out << "Teams\n";
    for (const RoiRow &r : report.teams) line("  " + r.organization + " / " + r.team, r);
    if (!report.organizations.empty()) out << "Organizations\n";
    for (const RoiRow &r : report.organizations) line("  " + r.organization, r);
    return out.str();
}

CAREERPATH_NAMESPACE_END
