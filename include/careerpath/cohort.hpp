// careerpath — the cohort report: the seed's ROI table (promotion within 12 months, retention,
// skill growth, readiness, share on track) for all individuals, per team and per organization,
// with n in every cell and every group or cell under a set size suppressed (SPEC "Cohort report").
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/scorecard.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
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
};

struct CohortReport {
    std::size_t min_group_size = 5;
    RoiRow individuals;               ///< everyone, each counted once
    std::vector<RoiRow> teams;        ///< by organization, then team
    std::vector<RoiRow> organizations;///< by organization
};

/// The report over scored people, grouped by their `team` and `organization` labels (a team
/// is named within its organization). A group, or a cell, of fewer than `min_group_size` people
/// shows no value.
CohortReport make_cohort_report(const Curriculum &curriculum, const std::vector<ScoredRequest> &people,
                                std::size_t min_group_size);

/// Reads {"min_group_size": 5, "people": [score request, ...]} (each with learner.team and
/// learner.organization), scores everyone and makes the report. A bad person is that person's
/// error, its pointer under /people/K.
Result<CohortReport> cohort_from_json(const Curriculum &curriculum, std::string_view request_json,
                                      const Limits &limits = {});

/// The report as compact JSON text, what careerpath_cohort returns.
std::string cohort_to_json_text(const CohortReport &report);
/// The ROI table, readable: one line per row, each figure with its n.
std::string cohort_to_text(const CohortReport &report);

CAREERPATH_NAMESPACE_END
