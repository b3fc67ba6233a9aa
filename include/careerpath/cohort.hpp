// careerpath — the cohort report: the seed's ROI table (promotion within 12 months, retention,
// skill growth, readiness, share on track) for all individuals, per team and per organization, with
// n in every cell and every group or cell under a set size suppressed (docs/scoring.md, "The cohort
// report"), and, where the request gives its economics, the money side: investment, cost per
// promotion, turnover cost avoided and return (README "Money").
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/money.hpp>
#include <careerpath/scorecard.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

/// One figure of the table: a mean over the people it is known for.
struct RoiCell {
    std::optional<double> value;  ///< nullopt where suppressed or nobody has data
    std::size_t n = 0;            ///< people with data for it
    bool suppressed = false;      ///< n, or the row's people, under the minimum group size
};

/// An amount of the table, in exact cents, over the people it is known for.
struct MoneyCell {
    std::optional<std::int64_t> cents;  ///< nullopt where suppressed or there is no figure
    std::size_t n = 0;                  ///< the people it is computed over
    bool suppressed = false;            ///< n, or the row's people, under the minimum group size
};

/// The request's "economics": what a person who leaves costs, and the retention to measure
/// against (README "Money").
struct CohortEconomics {
    std::string currency;                     ///< ISO 4217; every priced program of the people is priced in it
    std::int64_t replacement_cost_cents = 0;  ///< what replacing one person who leaves costs
    /// The share retained without the program, exact in millionths: 0.85 is 850000.
    std::int64_t baseline_retention_millionths = 0;
};

/// The money figures of a row. A person's cost is their plan's (plan_cost.hpp): their program's
/// price, the program's months and the months their plan (the score request's `plan`) runs past
/// its end. Each figure has its own people, so its own n:
struct RoiEconomics {
    /// The sum of the costs, over the people whose program has a price.
    MoneyCell investment;
    /// Their costs over the number promoted within 12 months, over the people with a cost whose
    /// promotion is known (as promotion_rate counts it); no figure when none was promoted.
    MoneyCell cost_per_promotion;
    /// (kept - baseline x n) x replacement cost, over the n people whose retention is reported:
    /// (retention rate - baseline) x people x replacement cost, with the rate's own people.
    MoneyCell turnover_cost_avoided;
    /// (benefit - investment) / investment over the people with both a cost and a reported
    /// retention, the benefit being their turnover cost avoided; no figure when that investment
    /// is 0. Exact, then rounded to a millionth.
    RoiCell roi;
};

struct RoiRow {
    std::string organization;     ///< "" for the row of all individuals
    std::string team;             ///< "" for the individual and organization rows
    std::size_t people = 0;
    bool suppressed = false;      ///< fewer people than the minimum group size
    RoiCell promotion_rate;       ///< share promoted within 12 months of their start (known: promoted, or 12 months passed)
    RoiCell retention_rate;       ///< share retained, of those reported
    RoiCell skill_growth;         ///< mean skill growth, of those with a non-zero baseline
    RoiCell readiness;            ///< mean role readiness
    RoiCell on_track;             ///< share achieved or on track, of those scored against a plan
    std::optional<RoiEconomics> economics;  ///< with the request's economics only
};

struct CohortReport {
    std::size_t min_group_size = 5;
    RoiRow individuals;               ///< everyone, each counted once
    std::vector<RoiRow> teams;        ///< by organization, then team
    std::vector<RoiRow> organizations;///< by organization
    std::optional<CohortEconomics> economics;  ///< as the request gave them
};

/// The report over scored people, grouped by their `team` and `organization` labels (a team
/// is named within its organization). A group, or a cell, of fewer than `min_group_size` people
/// shows no value.
CohortReport make_cohort_report(const Curriculum &curriculum, const std::vector<ScoredRequest> &people,
                                std::size_t min_group_size);
/// The same with the money figures of `economics` in every row. A person whose program is
/// priced in another currency is Status::schema; a figure beyond 64 bits of cents (possible only
/// with limits far over the defaults) is Status::limit.
Result<CohortReport> make_cohort_report(const Curriculum &curriculum, const std::vector<ScoredRequest> &people,
                                        std::size_t min_group_size, const CohortEconomics &economics);

/// Reads {"min_group_size": 5, "people": [score request, ...]} (each with learner.team and
/// learner.organization), and optionally "economics": {"currency": "USD", "replacement_cost":
/// 60000, "baseline_retention": 0.85}, scores everyone and makes the report. A bad person is
/// that person's error, its pointer under /people/K; a person whose program is priced in
/// another currency than the economics' is Status::schema at /economics/currency.
Result<CohortReport> cohort_from_json(const Curriculum &curriculum, std::string_view request_json,
                                      const Limits &limits = {});

/// The report as compact JSON text, what careerpath_cohort returns.
std::string cohort_to_json_text(const CohortReport &report);
/// The ROI table, readable: one line per row, each figure with its n. Exactly
/// export_text_from_json (export.hpp) of the report's document.
std::string cohort_to_text(const CohortReport &report);

CAREERPATH_NAMESPACE_END
