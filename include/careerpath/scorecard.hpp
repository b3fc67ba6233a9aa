// careerpath — a scorecard: what a learner's assessments and observed outcomes say against a
// target role, a program's success metrics and, where given, their plan (docs/scoring.md, "The
// score request"). Every number follows docs/scoring.md's "Rules", which works examples by hand.
#pragma once

#include <careerpath/assessment.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/version.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

/// A unit of a plan's path, as far as progress needs it.
struct PlannedWork {
    UnitRef unit;
    double hours = 0;
    Date finish;
};

struct Outcomes {
    std::optional<Date> promoted_on;
    std::optional<bool> promoted;   ///< as written; a promoted_on on or before as_of also says yes
    std::optional<bool> retained;
    std::map<std::string, std::vector<double>> survey;  ///< answers per survey metric id
};

struct ScoreRequest {
    std::string learner;
    std::string name;
    std::vector<Level> current;            ///< learner.current: the level of a skill no assessment rates
    std::optional<std::size_t> program;
    std::size_t target_role = 0;
    std::vector<std::size_t> metrics;      ///< the request's "metrics", else the program's
    Date start;
    Date target_date;
    Date as_of;                            ///< default: the latest assessment's date, else the start
    std::vector<Assessment> assessments;   ///< in date order
    std::optional<std::vector<PlannedWork>> plan;
    Outcomes outcomes;
    std::string team, organization;        ///< labels for cohort reports
};

/// Reads a score request (see docs/scoring.md): unknown program, role, metric, skill or rater
/// group is Status::reference; a level off the scale, an assessment after `as_of`, a survey
/// answer off its metric's scale or a malformed plan is Status::schema; each with its pointer.
Result<ScoreRequest> read_score_request(const Curriculum &curriculum, std::string_view request_json, const Limits &limits = {});

struct SkillScore {
    std::size_t skill = 0;
    std::optional<SkillEstimate> latest;   ///< nullopt: no assessment rates it
    std::optional<SkillEstimate> baseline; ///< from the earliest assessment that rates it
    double estimate = 0;                   ///< the latest estimate, else the learner's current level
    double baseline_estimate = 0;          ///< the baseline estimate, else the current level
    Level achieved = 0;
    std::optional<Level> target;           ///< the role's level, where the role requires the skill
    double weight = 0;                     ///< the role's weight, 0 where not required
    enum class Flag { none, blind_spot, hidden_strength };
    Flag flag = Flag::none;           ///< self against others at the latest assessment
    Flag baseline_flag = Flag::none;  ///< the same at the baseline
};

struct MetricScore {
    std::size_t metric = 0;
    std::optional<double> value;           ///< nullopt: not observed yet
    std::optional<double> target;
    std::optional<double> attainment;      ///< in [0, 1]; nullopt: not observed yet
    std::size_t n = 0;                     ///< observations behind the value (answers, people)
    std::string note;                      ///< for people: what the value means
};

struct Progress {
    double earned_hours = 0;               ///< hours of path units achieved
    double planned_hours = 0;              ///< hours of path units the plan had finished by as_of
    std::optional<double> ratio;           ///< earned / planned; nullopt when nothing was planned yet
    enum class Status { achieved, on_track, at_risk, off_track } status = Status::on_track;
};

struct Scorecard {
    std::vector<SkillScore> skills;        ///< rated or required skills, by skill id
    double readiness = 0;
    double baseline_mean = 0, current_mean = 0;
    std::optional<double> skill_growth;    ///< nullopt where the baseline mean is 0
    std::optional<double> gap_closed;      ///< nullopt where the baseline left no gap
    std::vector<MetricScore> metrics;
    std::optional<double> composite;       ///< nullopt where no metric has an attainment
    std::optional<Progress> progress;      ///< only with a plan
};

const char *to_string(SkillScore::Flag flag) noexcept;
const char *to_string(Progress::Status status) noexcept;

/// The progress status for earned and planned hours, where `achieved` says every unit of the
/// path is achieved: achieved; on_track when nothing is planned yet or EV/PV >= 0.9; at_risk when
/// >= 0.75; else off_track.
Progress::Status progress_status(double earned, double planned, bool achieved) noexcept;

Scorecard make_scorecard(const Curriculum &curriculum, const ScoreRequest &request);

struct ScoredRequest {
    ScoreRequest request;
    Scorecard card;
};
/// Parse, read and score: what the C ABI, the command line and the Python binding call.
Result<ScoredRequest> score_from_json(const Curriculum &curriculum, std::string_view request_json,
                                      const Limits &limits = {});

/// The scorecard as compact JSON text, what careerpath_score returns.
std::string scorecard_to_json_text(const Curriculum &curriculum, const ScoreRequest &request, const Scorecard &card);
/// A readable report: skills with their raters, readiness and growth, metrics, progress. Exactly
/// export_text_from_json (export.hpp) of the scorecard's document.
std::string scorecard_to_text(const Curriculum &curriculum, const ScoreRequest &request, const Scorecard &card);

CAREERPATH_NAMESPACE_END
