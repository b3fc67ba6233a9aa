// The cohort report: per-person facts first (each known or not), then means per group, then the
// suppression of small groups and cells, so that no figure ever describes fewer people than the
// floor. The request is read in io/cohort_request_reader.cpp, which hands over one person at a
// time, and the report is written in io/cohort_writer.cpp. The money figures (README "Money")
// are counts and cents, added and divided as integers, with one rounding per figure.
#include <careerpath/cohort.hpp>
#include <careerpath/plan_cost.hpp>

#include "io/cohort_request_reader.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// Sums of cents over a million people and products with shares in millionths go past 64 bits
// long before they pass 128 (docs/limits.md: at most 2^28 people, 10^13 cents an amount).
__extension__ typedef __int128 Wide;

// What one person contributes to each figure; nullopt where it is not known (yet).
struct PersonFacts {
    std::optional<double> promoted, retained, growth, readiness, on_track;
    std::optional<std::int64_t> cost;  // cents: their plan's cost, where their program has a price
};

// A person as the report needs them: their groups and their facts. A request and its scorecard
// hold a level and an estimate for skills of the whole curriculum; a cohort keeps only this, so
// that its memory grows with the people, not with people x skills (docs/limits.md).
struct Member {
    std::string organization, team;
    PersonFacts facts;
};

// The person's cost is the cost of their plan: the program's months, and the months the plan in
// their score request runs past the program's end (none without a plan).
std::optional<std::int64_t> cost_of(const Curriculum &c, const ScoreRequest &r) {
    if (!r.program) return std::nullopt;
    Date finish = r.start;
    if (r.plan)
        for (const PlannedWork &w : *r.plan) finish = std::max(finish, w.finish);
    const auto cost = plan_cost(c.programs()[*r.program], r.start, finish);
    if (!cost) return std::nullopt;
    return cost->total.cents;
}

PersonFacts facts_of(const Curriculum &c, const ScoredRequest &p) {
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
    f.cost = cost_of(c, r);
    return f;
}

// Every priced program of the people is priced in the economics' currency: a report adds up one
// currency, and converting is not its business.
Result<void> check_currency(const Curriculum &c, const ScoreRequest &r, const CohortEconomics &economics,
                            std::size_t index) {
    if (!r.program) return boost::outcome_v2::success();
    const Program &program = c.programs()[*r.program];
    if (!program.price || program.price->currency == economics.currency) return boost::outcome_v2::success();
    return make_error(Status::schema,
                      "the economics are in " + economics.currency + ", but program \"" + program.id + "\" of /people/" +
                          std::to_string(index) + " is priced in " + program.price->currency +
                          ": a report adds up one currency, so give the currency of the prices",
                      "/economics/currency");
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

// num / den (den > 0), rounded half away from zero: the one rounding of each money figure.
Wide divide_rounded(Wide num, Wide den) {
    const Wide q = num / den;
    const Wide r = num % den;
    if (2 * (r < 0 ? -r : r) >= den) return q + (num < 0 ? -1 : 1);
    return q;
}

constexpr Wide million = 1'000'000;

// The people of a row who have each of the facts a money figure needs, and their sums.
struct Tally {
    std::size_t n = 0;
    Wide cost = 0;          // cents
    std::size_t count = 0;  // promoted, or kept, among them
};

template <class Has, class Counts>
Tally tally(const std::vector<const PersonFacts *> &people, Has has, Counts counts) {
    Tally t;
    for (const PersonFacts *f : people) {
        if (!has(*f)) continue;
        ++t.n;
        if (f->cost) t.cost += *f->cost;
        t.count += counts(*f);
    }
    return t;
}

// (kept - baseline x n) x replacement cost in cents times a million: the turnover cost avoided,
// exact, before its rounding.
Wide avoided_millionths(const Tally &t, const CohortEconomics &e) {
    return (static_cast<Wide>(t.count) * million - static_cast<Wide>(e.baseline_retention_millionths) * static_cast<Wide>(t.n)) *
           e.replacement_cost_cents;
}

Result<MoneyCell> money_cell(std::size_t n, std::optional<Wide> cents, std::size_t floor, bool row_suppressed,
                             std::string_view figure, const std::string &row_name) {
    MoneyCell c;
    c.n = n;
    c.suppressed = row_suppressed || n < floor;
    if (c.suppressed || !cents) return c;
    if (*cents > std::numeric_limits<std::int64_t>::max() || *cents < std::numeric_limits<std::int64_t>::min())
        return make_error(Status::limit,
                          "the " + std::string(figure) + " of " + row_name +
                              " comes to more cents than 64 bits hold: fewer people or smaller amounts",
                          "/economics");
    c.cents = static_cast<std::int64_t>(*cents);
    return c;
}

Result<RoiEconomics> economics_of(const std::vector<const PersonFacts *> &people, const CohortEconomics &e,
                                  std::size_t floor, bool row_suppressed, const std::string &row_name) {
    auto has_cost = [](const PersonFacts &f) { return f.cost.has_value(); };
    auto none = [](const PersonFacts &) { return false; };
    RoiEconomics out;

    const Tally invested = tally(people, has_cost, none);
    BOOST_OUTCOME_TRY(investment, money_cell(invested.n, invested.cost, floor, row_suppressed, "investment", row_name));
    out.investment = investment;

    const Tally promoted = tally(
        people, [](const PersonFacts &f) { return f.cost && f.promoted; }, [](const PersonFacts &f) { return *f.promoted == 1.0; });
    std::optional<Wide> per_promotion;
    if (promoted.count) per_promotion = divide_rounded(promoted.cost, static_cast<Wide>(promoted.count));
    BOOST_OUTCOME_TRY(cost_per_promotion,
                      money_cell(promoted.n, per_promotion, floor, row_suppressed, "cost per promotion", row_name));
    out.cost_per_promotion = cost_per_promotion;

    auto kept = [](const PersonFacts &f) { return *f.retained == 1.0; };
    const Tally reported = tally(people, [](const PersonFacts &f) { return f.retained.has_value(); }, kept);
    BOOST_OUTCOME_TRY(avoided, money_cell(reported.n, divide_rounded(avoided_millionths(reported, e), million), floor,
                                          row_suppressed, "turnover cost avoided", row_name));
    out.turnover_cost_avoided = avoided;

    // (benefit - investment) / investment in millionths, benefit = avoided / 10^6:
    // (avoided - investment x 10^6) / investment, rounded once.
    const Tally both = tally(people, [](const PersonFacts &f) { return f.cost && f.retained; }, kept);
    out.roi.n = both.n;
    out.roi.suppressed = row_suppressed || both.n < floor;
    if (!out.roi.suppressed && both.cost > 0)
        out.roi.value = static_cast<double>(divide_rounded(avoided_millionths(both, e) - both.cost * million, both.cost)) / 1e6;
    return out;
}

Result<RoiRow> row(std::string organization, std::string team, const std::vector<const PersonFacts *> &people,
                   std::size_t floor, const std::optional<CohortEconomics> &economics) {
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
    if (economics) {
        const std::string name = r.organization.empty() ? "all individuals"
                                                        : r.organization + (r.team.empty() ? "" : " / " + r.team);
        BOOST_OUTCOME_TRY(figures, economics_of(people, *economics, floor, r.suppressed, name));
        r.economics = std::move(figures);
    }
    return r;
}

Member member_of(const Curriculum &c, const ScoredRequest &p) {
    return Member{p.request.organization, p.request.team, facts_of(c, p)};
}

Result<CohortReport> report_of(const std::vector<Member> &people, std::size_t min_group_size,
                               const std::optional<CohortEconomics> &economics) {
    CohortReport report;
    report.min_group_size = min_group_size;
    report.economics = economics;
    std::vector<const PersonFacts *> everyone;
    std::map<std::pair<std::string, std::string>, std::vector<const PersonFacts *>> teams;
    std::map<std::string, std::vector<const PersonFacts *>> organizations;
    for (const Member &m : people) {
        everyone.push_back(&m.facts);
        teams[{m.organization, m.team}].push_back(&m.facts);
        organizations[m.organization].push_back(&m.facts);
    }
    BOOST_OUTCOME_TRY(individuals, row("", "", everyone, min_group_size, economics));
    report.individuals = std::move(individuals);
    for (const auto &[key, members] : teams) {
        BOOST_OUTCOME_TRY(r, row(key.first, key.second, members, min_group_size, economics));
        report.teams.push_back(std::move(r));
    }
    for (const auto &[key, members] : organizations) {
        BOOST_OUTCOME_TRY(r, row(key, "", members, min_group_size, economics));
        report.organizations.push_back(std::move(r));
    }
    return report;
}

}  // namespace

CohortReport make_cohort_report(const Curriculum &c, const std::vector<ScoredRequest> &people, std::size_t min_group_size) {
    std::vector<Member> members;
    members.reserve(people.size());
    for (const ScoredRequest &p : people) members.push_back(member_of(c, p));
    return report_of(members, min_group_size, std::nullopt).value();  // only the money figures can fail
}

Result<CohortReport> make_cohort_report(const Curriculum &c, const std::vector<ScoredRequest> &people,
                                        std::size_t min_group_size, const CohortEconomics &economics) {
    std::vector<Member> members;
    members.reserve(people.size());
    for (std::size_t i = 0; i < people.size(); ++i) {
        BOOST_OUTCOME_TRYV(check_currency(c, people[i].request, economics, i));
        members.push_back(member_of(c, people[i]));
    }
    return report_of(members, min_group_size, economics);
}

Result<CohortReport> cohort_from_json(const Curriculum &c, std::string_view text, const Limits &limits) {
    std::vector<Member> people;
    std::optional<CohortEconomics> economics;
    auto settings = io::read_cohort_request(
        c, text, limits,
        [&](const io::CohortSettings &s, std::size_t count) {
            economics = s.economics;
            people.reserve(count);
        },
        [&](ScoreRequest &&request, std::size_t index) -> Result<void> {
            if (economics) {
                BOOST_OUTCOME_TRYV(check_currency(c, request, *economics, index));
            }
            Scorecard card = make_scorecard(c, request);
            people.push_back(member_of(c, ScoredRequest{std::move(request), std::move(card)}));
            return boost::outcome_v2::success();
        });
    if (!settings) return settings.error();
    return report_of(people, settings.value().min_group_size, settings.value().economics);
}

CAREERPATH_NAMESPACE_END
