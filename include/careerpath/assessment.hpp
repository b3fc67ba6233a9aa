// careerpath — assessments: skills rated by raters of several groups (self, manager, peer, direct
// report, mentor) on a date, and the estimate of each skill they give by docs/scoring.md's rules
// (rater groups and weights, anonymity floors with pooling into "others", achieved levels).
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/levels.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

struct Rating {
    std::size_t skill = 0;
    std::size_t group = 0;      ///< index into Curriculum::raters()
    std::string rater;          ///< the rater's id; unnamed raters get "#<index in the assessment>"
    Level level = 0;
};

struct Assessment {
    std::string id;             ///< as written, or "" (named in messages by its date)
    Date date;
    std::vector<Rating> ratings;
};

/// Reads the array of assessments at `pointer` of a request: each {"date", "ratings": [{"skill",
/// "rater" (a declared rater group), "rater_id", "level"}]}, optionally with an "id". An unknown
/// skill or rater group, or an unknown level name, is Status::reference; a level index off the
/// scale, a rater rating one skill twice in one assessment, or a date after `as_of`, is
/// Status::schema; each with its JSON Pointer. Assessments come back in date order (stable).
Result<std::vector<Assessment>> read_assessments(const Curriculum &curriculum, std::string_view array_json,
                                                 std::optional<Date> as_of, const Limits &limits = {});

/// One rater group's part in an estimate.
struct GroupScore {
    std::string group;              ///< the rater group's id, or "others" for the pool
    double score = 0;               ///< the mean of its raters' levels
    std::size_t raters = 0;
    double weight = 0;
    std::vector<std::string> pooled;  ///< "others": the groups pooled into it, by id
    /// Whether it may be shown: a group is never shown under its floor (it is pooled instead),
    /// and "others" is shown only when it holds at least the largest floor of its groups.
    bool shown = true;
};

/// What the ratings of one skill in one assessment say (docs/scoring.md, "Rules").
struct SkillEstimate {
    std::size_t skill = 0;
    Date date;                      ///< the assessment's
    /// The weight-averaged group scores over the groups with weight > 0 that have ratings, after
    /// pooling; where none has, the self rating's mean. nullopt where neither exists.
    std::optional<double> estimate;
    Level achieved = 0;             ///< the largest level L with estimate >= L - 0.25
    std::vector<GroupScore> groups; ///< declared groups in id order, then "others"
    std::size_t n = 0;              ///< ratings counted in the estimate
    double spread = 0;              ///< their population standard deviation
    std::optional<double> self;     ///< the "self" group's mean
    std::optional<double> others;   ///< the estimate without the "self" group
    bool self_only = false;         ///< the estimate is the self fallback: no weighted group rated
};

/// The largest level L (0 to top) with estimate >= L - 0.25.
Level achieved_level(double estimate, Level top) noexcept;

/// The estimate of one skill from its ratings in one assessment (all of that skill).
SkillEstimate estimate_skill(const Curriculum &curriculum, std::size_t skill, Date date,
                             std::span<const Rating> ratings);

/// Per skill of the curriculum, the estimate from the latest (or, with `earliest`, the earliest)
/// assessment whose weighted groups rate it; where none does, from the latest (earliest)
/// assessment whose self rating gives the fallback estimate, so that a self-only check-in never
/// overrides what others said; nullopt for a skill no assessment gives an estimate.
std::vector<std::optional<SkillEstimate>> skill_estimates(const Curriculum &curriculum,
                                                          std::span<const Assessment> assessments, bool earliest = false);

CAREERPATH_NAMESPACE_END
