// careerpath — mentor matching and group formation: a score for every mentor-mentee pair that says
// why, hard exclusions, the assignment that is optimal under mentor capacities, and groups of
// similar gaps for group programs. The rules are in docs/matching.md.
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/levels.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/version.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

/// One person's levels, held only for the skills they have (above 0). Matching keeps a level
/// set per mentor and per mentee; dense per skill of the curriculum it would grow with people
/// times skills instead of with the request (docs/limits.md, "Match request").
class SkillLevels {
public:
    struct Entry {
        std::size_t skill;
        Level level;
        bool operator==(const Entry &) const = default;
    };

    SkillLevels() = default;
    /// From a level per skill of the curriculum (0: not held).
    explicit SkillLevels(const std::vector<Level> &dense) {
        for (std::size_t s = 0; s < dense.size(); ++s)
            if (dense[s] > 0) entries_.push_back({s, dense[s]});
        entries_.shrink_to_fit();
    }

    /// The level of `skill`; 0 for a skill not held.
    Level operator[](std::size_t skill) const noexcept {
        const auto it = std::lower_bound(entries_.begin(), entries_.end(), skill,
                                         [](const Entry &e, std::size_t s) { return e.skill < s; });
        return it != entries_.end() && it->skill == skill ? it->level : 0;
    }
    /// The skills held, by skill index.
    const std::vector<Entry> &entries() const noexcept { return entries_; }
    bool operator==(const SkillLevels &) const = default;

private:
    std::vector<Entry> entries_;
};

/// What a person is in an organization, for the exclusions.
struct Position {
    std::string team;
    std::string organization;
    std::string manager;             ///< the id of the person they report to; "" if not given
};

struct MatchMentor {
    std::string id;
    std::string name;
    Position position;
    std::vector<std::string> reports;  ///< ids of the people who report to them
    std::vector<std::string> exclude;  ///< mentee ids they must not be paired with
    SkillLevels levels;                ///< the skills given a level above 0
    int capacity = 1;                  ///< mentees (individual programs) or groups (group programs)
    /// Resolved once by read_match_request (an unknown name is an error there, never a silent
    /// UTC); UTC where the request names none (docs/matching.md). The shared hours use it.
    TimeZone zone;
    std::vector<WeeklyWindow> available;  ///< empty: not stated
};

struct MatchMentee {
    std::string id;
    std::string name;
    Position position;
    std::vector<std::string> exclude;  ///< mentor ids they must not be paired with
    SkillLevels current;               ///< the skills given a level above 0
    std::size_t target_role = 0;
    TimeZone zone;                     ///< as for MatchMentor::zone
    std::vector<WeeklyWindow> available;  ///< empty: not stated
};

enum class MatchMode {
    score,          ///< the largest total score, then the most mentees matched
    participation,  ///< the most mentees matched, then the largest total score
};

struct MatchRequest {
    std::optional<std::size_t> program;
    MatchMode mode = MatchMode::score;
    double gap_weight = 3;            ///< the weights of the score's two parts
    double availability_weight = 1;
    bool exclude_same_team = false;
    double min_shared_hours = 1;      ///< a pair sharing fewer hours a week is excluded (where both state availability)
    double needed_hours = 1;          ///< hours a week the program's sessions take; full availability credit at or above
    std::optional<Date> week_of;      ///< the week whose hours are compared (7 days from it)
    std::optional<std::pair<int, int>> group_size;  ///< forms groups when set (a group program's range)
    std::optional<std::size_t> candidates_per_mentee;  ///< how many candidates to list per mentee; all if absent
    std::vector<MatchMentor> mentors;   ///< sorted by id
    std::vector<MatchMentee> mentees;   ///< sorted by id
};

/// Why a pair may not be matched. `none` for a candidate pair.
enum class Exclusion : std::uint8_t { none, same_person, reporting_line, same_team, excluded, availability };
const char *to_string(Exclusion exclusion) noexcept;

/// One skill of a mentee's gap and how much of it a mentor covers.
struct CoveredSkill {
    std::size_t skill = 0;
    Level current = 0;     ///< the mentee's level
    Level target = 0;      ///< the target role's level
    Level mentor = 0;      ///< the mentor's level
    double weight = 1;     ///< the role's weight
    int covered = 0;       ///< levels of the gap at or under the mentor's level: min(max(0, mentor - current), target - current)
};

/// A mentor-mentee pair: the score and everything it was computed from.
struct PairScore {
    std::size_t mentor = 0;              ///< index into MatchRequest::mentors
    std::size_t mentee = 0;              ///< index into MatchRequest::mentees
    Exclusion exclusion = Exclusion::none;
    double gap = 0;                      ///< the mentee's weighted gap: sum of weight * (target - current)
    double covered = 0;                  ///< the weighted levels of it the mentor covers
    double coverage = 0;                 ///< covered / gap; 0 where there is no gap
    std::optional<double> shared_hours;  ///< per week; nullopt where either side states no availability
    double availability = 0;             ///< min(1, shared_hours / needed_hours); 0 where not stated
    int score = 0;                       ///< 0 to 1000: round(1000 * (gw * coverage + aw * availability) / (gw + aw))
    std::vector<CoveredSkill> skills;    ///< the mentee's gap skills, by skill id
    std::string exclusion_message;       ///< where excluded: which rule, in a sentence
};

struct Assignment {
    std::size_t mentee = 0;
    std::size_t mentor = 0;
    int score = 0;
    std::size_t rank = 1;  ///< 1 where the mentor is the mentee's best candidate (ties by mentor id)
};

struct Unmatched {
    enum class Reason { no_candidate, capacity, group_size, group_without_mentor };
    std::size_t mentee = 0;
    Reason reason = Reason::no_candidate;
    std::string message;
};
const char *to_string(Unmatched::Reason reason) noexcept;

struct Group {
    std::string id;                      ///< "group-1", ... in the order of their first member's id
    std::vector<std::size_t> members;    ///< mentee indices, by id
    std::optional<std::size_t> mentor;
    int score = 0;                       ///< the mentor's mean pair score over the members
    std::vector<std::size_t> shared_gaps;///< skills in the gap of at least half the members, most shared first, then by id
    double dispersion = 0;               ///< mean squared distance of the members' gap vectors to their mean, in levels squared
};

struct MatchResult {
    MatchMode mode = MatchMode::score;
    std::size_t mentor_count = 0;
    /// Per mentee, then per mentor: the pair's score, or -1 where the pair is excluded
    /// (exclusions says why). Compact, because a large match has millions of pairs; the
    /// explanation of one is PairScorer::explain.
    std::vector<std::int16_t> scores;
    std::vector<Exclusion> exclusions;
    std::vector<Assignment> assignments;     ///< by mentee id (groups: every member of a group with a mentor)
    std::vector<Unmatched> unmatched;        ///< by mentee id
    std::vector<Group> groups;               ///< group programs only
    std::optional<double> dispersion_ratio;  ///< groups: within-group over total sum of squares (0 best, 1 no better than one group)
    long long total_score = 0;               ///< sum of the assigned pairs' scores (group programs: of every member's pair with the group's mentor)
    std::vector<int> mentor_load;            ///< per mentor: mentees (or groups) assigned

    int score(std::size_t mentee, std::size_t mentor) const { return scores[mentee * mentor_count + mentor]; }
    Exclusion exclusion(std::size_t mentee, std::size_t mentor) const { return exclusions[mentee * mentor_count + mentor]; }
};

/// Scores pairs of one request, with what every person's side needs computed once: the
/// mentee's gap, and each side's available hours of the compared week as UTC intervals.
class PairScorer {
public:
    PairScorer(const Curriculum &curriculum, const MatchRequest &request);
    ~PairScorer();
    PairScorer(const PairScorer &) = delete;
    PairScorer &operator=(const PairScorer &) = delete;

    /// The pair's score with every part of it, and its skills when `with_skills`.
    PairScore explain(std::size_t mentee, std::size_t mentor, bool with_skills = true) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Reads and validates a match request: unknown program, role, skill, level name or person id
/// is Status::reference; a value of the wrong type or shape, an unknown time zone or a duplicate
/// id is Status::schema; more mentors, mentees or pairs than `limits` allow is Status::limit;
/// each with its JSON Pointer.
Result<MatchRequest> read_match_request(const Curriculum &curriculum, std::string_view request_json, const Limits &limits = {});

/// Scores every pair, assigns mentees (or the groups formed from them) to mentors by a min-cost
/// flow, and explains the result.
MatchResult match(const Curriculum &curriculum, const MatchRequest &request);

struct MatchedRequest {
    MatchRequest request;
    MatchResult result;
};

/// Parses, reads and matches a request document.
Result<MatchedRequest> match_from_json(const Curriculum &curriculum, std::string_view request_json, const Limits &limits = {});

/// match_from_json, then JSON text: what careerpath_match returns.
Result<std::string> match_json_text(const Curriculum &curriculum, std::string_view request_json, const Limits &limits = {});

/// The matching as the JSON document careerpath_match returns, as compact text.
std::string match_to_json_text(const Curriculum &curriculum, const MatchRequest &request, const MatchResult &result);
/// A readable table: each assignment with its score and the skills it covers, the unmatched with
/// their reasons, the mentors' loads and, for group programs, the groups.
std::string match_to_text(const Curriculum &curriculum, const MatchRequest &request, const MatchResult &result);

CAREERPATH_NAMESPACE_END
