// The cohort report: per-person facts first (each known or not), then means per group, then the
// suppression of small groups and cells, so that no figure ever describes fewer people than the
// floor. The request is read in io/cohort_request_reader.cpp, which hands over one person at a
// time, and the report is written in io/cohort_writer.cpp.
#include <careerpath/cohort.hpp>

#include "io/cohort_request_reader.hpp"

#include <algorithm>
#include <map>
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
    std::vector<Member> people;
    auto floor = io::read_cohort_request(
        c, text, limits, [&](std::size_t count) { people.reserve(count); },
        [&](ScoreRequest &&request) {
            Scorecard card = make_scorecard(c, request);
            people.push_back(member_of(ScoredRequest{std::move(request), std::move(card)}));
        });
    if (!floor) return floor.error();
    return report_of(people, floor.value());
}

CAREERPATH_NAMESPACE_END
