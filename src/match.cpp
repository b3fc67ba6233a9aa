// Matching: every pair scored, the assignment (of mentees, or of the groups formed from them)
// solved as a min-cost flow. The request is read in io/match_request_reader.cpp, and the result
// explained as JSON or as a readable table in io/match_writer.cpp.
#include <careerpath/match.hpp>

#include "assignment.hpp"
#include "group_formation.hpp"

#include <algorithm>
#include <cmath>
#include <map>

CAREERPATH_NAMESPACE_BEGIN

namespace {

constexpr int max_score = 1000;

// The flow's value of a pair of score s among `left` items: in mode score the total score
// first and the number matched second (s * (left + 1) + 1: one more point outweighs any count);
// in mode participation the number matched first (each match is worth more than every score
// together) and the total score second.
std::int64_t flow_value(MatchMode mode, int score, std::size_t left) {
    const auto n = static_cast<std::int64_t>(left);
    return mode == MatchMode::score ? std::int64_t{score} * (n + 1) + 1 : std::int64_t{max_score} * n + 1 + score;
}

// 1 + the candidates that rank above `mentor` for `mentee`: a higher score, or the same score
// and an earlier id.
std::size_t rank_of(const MatchResult &r, std::size_t mentee, std::size_t mentor) {
    const int s = r.score(mentee, mentor);
    std::size_t rank = 1;
    for (std::size_t j = 0; j < r.mentor_count; ++j) {
        const int t = r.score(mentee, j);
        if (t > s || (t == s && j < mentor && t >= 0)) ++rank;
    }
    return rank;
}

std::string count_text(std::size_t n, const char *one, const char *many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Why a mentee has no candidate: each exclusion with how many mentors it rules out.
std::string no_candidate_message(const MatchRequest &request, const MatchResult &r, std::size_t mentee) {
    const std::string &name = request.mentees[mentee].name;
    if (r.mentor_count == 0) return "there are no mentors in the request";
    std::map<std::string, std::size_t> reasons;
    std::size_t full = 0;
    for (std::size_t j = 0; j < r.mentor_count; ++j) {
        if (r.exclusion(mentee, j) != Exclusion::none) ++reasons[to_string(r.exclusion(mentee, j))];
        else if (request.mentors[j].capacity == 0) ++full;
    }
    std::string text = "no mentor may take " + name + ":";
    const char *separator = " ";
    for (const auto &[reason, count] : reasons) {
        text += separator + count_text(count, "mentor", "mentors") + " excluded by " + reason;
        separator = ", ";
    }
    if (full) text += separator + count_text(full, "mentor has", "mentors have") + " capacity 0";
    return text;
}

// Mentors who may take the mentee and have any capacity.
std::size_t candidate_count(const MatchRequest &request, const MatchResult &r, std::size_t mentee) {
    std::size_t count = 0;
    for (std::size_t j = 0; j < r.mentor_count; ++j) count += r.score(mentee, j) >= 0 && request.mentors[j].capacity > 0;
    return count;
}

bool has_candidate(const MatchRequest &request, const MatchResult &r, std::size_t mentee) {
    return candidate_count(request, r, mentee) > 0;
}

void record_assignment(MatchResult &r, std::size_t mentee, std::size_t mentor) {
    const int score = r.score(mentee, mentor);
    r.assignments.push_back({mentee, mentor, score, rank_of(r, mentee, mentor)});
    r.total_score += score;
}

void match_individuals(const MatchRequest &request, MatchResult &r) {
    const std::size_t n = request.mentees.size();
    detail::AssignmentProblem problem;
    problem.left = n;
    for (const MatchMentor &m : request.mentors) problem.capacity.push_back(m.capacity);
    problem.value = [&](std::size_t i, std::size_t j) -> std::optional<std::int64_t> {
        const int s = r.score(i, j);
        if (s < 0) return std::nullopt;
        return flow_value(request.mode, s, n);
    };
    const auto chosen = detail::solve_assignment(problem);
    for (std::size_t i = 0; i < n; ++i) {
        if (chosen[i]) {
            record_assignment(r, i, *chosen[i]);
            ++r.mentor_load[*chosen[i]];
            continue;
        }
        const std::size_t candidates = candidate_count(request, r, i);
        if (candidates == 0) {
            r.unmatched.push_back({i, Unmatched::Reason::no_candidate, no_candidate_message(request, r, i)});
        } else {
            r.unmatched.push_back(
                {i, Unmatched::Reason::capacity,
                 "the " + count_text(candidates, "mentor", "mentors") + " who could take " + request.mentees[i].name +
                     (candidates == 1 ? " is" : " are") + " full: the optimum " +
                     (request.mode == MatchMode::score ? "scores more in total" : "matches as many people and scores more") +
                     " with their places given to others"});
        }
    }
}

// The dimensions of the gap vectors: every skill in someone's gap, by skill index.
std::vector<std::vector<double>> gap_vectors(const Curriculum &c, const MatchRequest &request) {
    std::vector<std::size_t> skills;
    for (const MatchMentee &m : request.mentees)
        for (const RoleRequirement &req : c.roles()[m.target_role].requirements)
            if (m.current[req.skill] < req.level) skills.push_back(req.skill);
    std::sort(skills.begin(), skills.end());
    skills.erase(std::unique(skills.begin(), skills.end()), skills.end());
    std::vector<std::vector<double>> out;
    for (const MatchMentee &m : request.mentees) {
        std::vector<double> v(skills.size(), 0.0);
        for (const RoleRequirement &req : c.roles()[m.target_role].requirements)
            if (m.current[req.skill] < req.level) {
                const auto at = std::lower_bound(skills.begin(), skills.end(), req.skill) - skills.begin();
                v[static_cast<std::size_t>(at)] = req.level - m.current[req.skill];
            }
        out.push_back(std::move(v));
    }
    return out;
}

// Skills in the gap of at least half the members: the most shared first, then by id.
std::vector<std::size_t> shared_gaps(const Curriculum &c, const MatchRequest &request, const std::vector<std::size_t> &members) {
    std::map<std::size_t, std::size_t> count;
    for (std::size_t i : members) {
        const MatchMentee &m = request.mentees[i];
        for (const RoleRequirement &req : c.roles()[m.target_role].requirements)
            if (m.current[req.skill] < req.level) ++count[req.skill];
    }
    std::vector<std::size_t> out;
    for (const auto &[skill, k] : count)
        if (2 * k >= members.size()) out.push_back(skill);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        return count[a] != count[b] ? count[a] > count[b] : c.skill_rank()[a] < c.skill_rank()[b];
    });
    return out;
}

void match_groups(const Curriculum &c, const MatchRequest &request, MatchResult &r) {
    const auto [smallest, largest] = *request.group_size;
    // Someone no mentor may take would leave their whole group without one: they are not grouped.
    std::vector<std::size_t> grouped;
    const auto all_gaps = gap_vectors(c, request);
    std::vector<std::vector<double>> gaps;
    for (std::size_t i = 0; i < request.mentees.size(); ++i) {
        if (has_candidate(request, r, i)) {
            grouped.push_back(i);
            gaps.push_back(all_gaps[i]);
        } else {
            r.unmatched.push_back({i, Unmatched::Reason::no_candidate, no_candidate_message(request, r, i)});
        }
    }
    const detail::FormedGroups formed = detail::form_groups(gaps, smallest, largest);
    for (std::size_t k : formed.left_out)
        r.unmatched.push_back({grouped[k], Unmatched::Reason::group_size,
                               count_text(formed.left_out.size(), "person is", "people are") +
                                   " left when groups of " + std::to_string(smallest) + " to " + std::to_string(largest) +
                                   " are formed from " + std::to_string(grouped.size())});
    for (std::size_t g = 0; g < formed.members.size(); ++g) {
        Group group;
        group.id = "group-" + std::to_string(g + 1);
        for (std::size_t k : formed.members[g]) group.members.push_back(grouped[k]);
        group.shared_gaps = shared_gaps(c, request, group.members);
        group.dispersion = formed.dispersion[g];
        r.groups.push_back(std::move(group));
    }
    if (formed.total > 0) r.dispersion_ratio = formed.within / formed.total;
    else if (!formed.members.empty()) r.dispersion_ratio = 0.0;

    // A mentor may lead a group when no member is excluded with them; the group's score is
    // the members' mean.
    auto group_score = [&](const Group &group, std::size_t j) -> std::optional<int> {
        long sum = 0;
        for (std::size_t i : group.members) {
            if (r.score(i, j) < 0) return std::nullopt;
            sum += r.score(i, j);
        }
        return static_cast<int>(std::lround(double(sum) / double(group.members.size())));
    };
    detail::AssignmentProblem problem;
    problem.left = r.groups.size();
    for (const MatchMentor &m : request.mentors) problem.capacity.push_back(m.capacity);
    problem.value = [&](std::size_t g, std::size_t j) -> std::optional<std::int64_t> {
        const auto s = group_score(r.groups[g], j);
        if (!s) return std::nullopt;
        return flow_value(request.mode, *s, r.groups.size());
    };
    const auto chosen = detail::solve_assignment(problem);
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
        Group &group = r.groups[g];
        if (chosen[g]) {
            group.mentor = *chosen[g];
            group.score = *group_score(group, *chosen[g]);
            ++r.mentor_load[*chosen[g]];
            for (std::size_t i : group.members) record_assignment(r, i, *chosen[g]);
            continue;
        }
        std::size_t candidates = 0;
        for (std::size_t j = 0; j < r.mentor_count; ++j) candidates += group_score(group, j) && request.mentors[j].capacity > 0;
        const std::string why = candidates == 0 ? "no mentor may lead " + group.id + " (each is excluded with one of its members or has capacity 0)"
                                                : "the " + count_text(candidates, "mentor", "mentors") + " who could lead " + group.id +
                                                      (candidates == 1 ? " is" : " are") + " full";
        for (std::size_t i : group.members) r.unmatched.push_back({i, Unmatched::Reason::group_without_mentor, why});
    }
    std::sort(r.assignments.begin(), r.assignments.end(), [](const Assignment &a, const Assignment &b) { return a.mentee < b.mentee; });
}

}  // namespace

MatchResult match(const Curriculum &curriculum, const MatchRequest &request) {
    MatchResult r;
    r.mode = request.mode;
    r.mentor_count = request.mentors.size();
    const std::size_t n = request.mentees.size();
    r.scores.resize(n * r.mentor_count);
    r.exclusions.resize(n * r.mentor_count);
    r.mentor_load.assign(r.mentor_count, 0);
    {
        const PairScorer scorer(curriculum, request);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < r.mentor_count; ++j) {
                const PairScore p = scorer.explain(i, j, false);
                r.exclusions[i * r.mentor_count + j] = p.exclusion;
                r.scores[i * r.mentor_count + j] = static_cast<std::int16_t>(p.exclusion == Exclusion::none ? p.score : -1);
            }
    }
    if (request.group_size) match_groups(curriculum, request, r);
    else match_individuals(request, r);
    std::sort(r.unmatched.begin(), r.unmatched.end(), [](const Unmatched &a, const Unmatched &b) { return a.mentee < b.mentee; });
    return r;
}

Result<MatchedRequest> match_from_json(const Curriculum &curriculum, std::string_view request_json, const Limits &limits) {
    auto request = read_match_request(curriculum, request_json, limits);
    if (!request) return request.error();
    MatchResult result = match(curriculum, request.value());
    return MatchedRequest{std::move(request).value(), std::move(result)};
}

Result<std::string> match_json_text(const Curriculum &curriculum, std::string_view request_json, const Limits &limits) {
    auto matched = match_from_json(curriculum, request_json, limits);
    if (!matched) return matched.error();
    return match_to_json_text(curriculum, matched.value().request, matched.value().result);
}

CAREERPATH_NAMESPACE_END
