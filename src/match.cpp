// Matching: every pair scored, the assignment (of mentees, or of the groups formed from them)
// solved as a min-cost flow, then explained as JSON or as a readable table.
#include <careerpath/match.hpp>

#include "io/readers.hpp"
#include "io/json_writer.hpp"

#include "assignment.hpp"
#include "group_formation.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <sstream>

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
    auto document = io::Document::parse(request_json, limits);
    if (!document) return document.error();
    auto request = io::read_match_request(curriculum, detail::Node(document.value().root()), limits);
    if (!request) return request.error();
    MatchResult result = match(curriculum, request.value());
    return MatchedRequest{std::move(request).value(), std::move(result)};
}

Result<std::string> match_json_text(const Curriculum &curriculum, std::string_view request_json, const Limits &limits) {
    auto matched = match_from_json(curriculum, request_json, limits);
    if (!matched) return matched.error();
    return match_to_json_text(curriculum, matched.value().request, matched.value().result);
}

// ---- output ----

namespace {

using detail::JsonWriter;
using detail::rounded;

void write_explanation(JsonWriter &w, const Curriculum &c, const MatchRequest &request, const PairScore &p) {
    const LevelScale &levels = c.levels();
    w.begin_object();
    w.member("availability", rounded(p.availability));
    w.member("coverage", rounded(p.coverage));
    w.member("covered", rounded(p.covered));
    w.member("gap", rounded(p.gap));
    w.member("needed_hours", rounded(request.needed_hours));
    w.member("score", p.score);
    w.key("shared_hours");
    if (p.shared_hours) w.value(rounded(*p.shared_hours));
    else w.null();
    w.key("skills");
    w.begin_array();
    for (const CoveredSkill &s : p.skills) {
        w.begin_object();
        w.member("covered_levels", s.covered);
        w.member("current", levels.name(s.current));
        w.member("gap_levels", int(s.target) - int(s.current));
        w.member("mentor", levels.name(s.mentor));
        w.member("skill", c.skills()[s.skill].id);
        w.member("target", levels.name(s.target));
        w.member("weight", rounded(s.weight));
        w.end_object();
    }
    w.end_array();
    w.end_object();
}

void write_candidate(JsonWriter &w, const Curriculum &c, const MatchRequest &request, const PairScore &p) {
    w.begin_object();
    if (p.exclusion != Exclusion::none) {
        w.member("excluded", to_string(p.exclusion));
        w.member("mentor", request.mentors[p.mentor].id);
        w.member("message", p.exclusion_message);
        w.end_object();
        return;
    }
    w.member("coverage", rounded(p.coverage));
    w.key("covers");
    w.begin_object();  // the pair's skills are sorted by skill id
    for (const CoveredSkill &s : p.skills)
        if (s.covered > 0) w.id_member(c.skills()[s.skill].id, s.covered);
    w.end_object();
    w.member("mentor", request.mentors[p.mentor].id);
    w.member("score", p.score);
    w.key("shared_hours");
    if (p.shared_hours) w.value(rounded(*p.shared_hours));
    else w.null();
    w.end_object();
}

// A mentee's pairs, best first: candidates by score, then by mentor id; excluded pairs last.
std::vector<std::size_t> ranked_mentors(const MatchResult &r, std::size_t mentee) {
    std::vector<std::size_t> order(r.mentor_count);
    for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return r.score(mentee, a) > r.score(mentee, b); });
    return order;
}

}  // namespace

std::string match_to_json_text(const Curriculum &c, const MatchRequest &request, const MatchResult &r) {
    const PairScorer scorer(c, request);
    const std::size_t n = request.mentees.size();
    std::size_t excluded = 0;
    for (const Exclusion e : r.exclusions) excluded += e != Exclusion::none;
    std::map<std::size_t, std::string> group_of;
    for (const Group &g : r.groups)
        for (std::size_t i : g.members) group_of[i] = g.id;

    std::string text;
    JsonWriter w(text);
    w.begin_object();
    w.key("assignments");
    w.begin_array();
    for (const Assignment &a : r.assignments) {
        w.begin_object();
        w.key("explanation");
        write_explanation(w, c, request, scorer.explain(a.mentee, a.mentor));
        if (const auto g = group_of.find(a.mentee); g != group_of.end()) w.member("group", g->second);
        w.member("mentee", request.mentees[a.mentee].id);
        w.member("mentor", request.mentors[a.mentor].id);
        w.member("rank", a.rank);
        w.member("score", a.score);
        w.end_object();
    }
    w.end_array();

    // Every mentee's pairs: the bulk of a large match, written pair by pair.
    w.key("candidates");
    w.begin_array();
    for (std::size_t i = 0; i < n; ++i) {
        w.begin_object();
        w.member("mentee", request.mentees[i].id);
        w.key("pairs");
        w.begin_array();
        const auto order = ranked_mentors(r, i);
        const std::size_t listed = std::min(order.size(), request.candidates_per_mentee.value_or(order.size()));
        for (std::size_t k = 0; k < listed; ++k) write_candidate(w, c, request, scorer.explain(i, order[k]));
        w.end_array();
        w.end_object();
    }
    w.end_array();

    if (request.group_size) {
        w.key("dispersion_ratio");
        if (r.dispersion_ratio) w.value(rounded(*r.dispersion_ratio));
        else w.null();
        w.key("group_size");
        w.begin_array();
        w.value(request.group_size->first);
        w.value(request.group_size->second);
        w.end_array();
        w.key("groups");
        w.begin_array();
        for (const Group &g : r.groups) {
            w.begin_object();
            w.member("dispersion", rounded(g.dispersion));
            w.member("id", g.id);
            w.key("members");
            w.begin_array();
            for (std::size_t i : g.members) w.value(request.mentees[i].id);
            w.end_array();
            w.key("mentor");
            if (g.mentor) w.value(request.mentors[*g.mentor].id);
            else w.null();
            w.key("score");
            if (g.mentor) w.value(g.score);
            else w.null();
            w.key("shared_gaps");
            w.begin_array();
            for (std::size_t s : g.shared_gaps) w.value(c.skills()[s].id);
            w.end_array();
            w.end_object();
        }
        w.end_array();
    }

    w.key("mentors");
    w.begin_array();
    for (std::size_t j = 0; j < r.mentor_count; ++j) {
        w.begin_object();
        w.member("capacity", request.mentors[j].capacity);
        if (request.group_size) {
            w.key("groups");
            w.begin_array();
            for (const Group &g : r.groups)
                if (g.mentor == j) w.value(g.id);
            w.end_array();
        }
        w.member("id", request.mentors[j].id);
        w.member("load", r.mentor_load[j]);
        if (!request.group_size) {
            w.key("mentees");
            w.begin_array();
            for (const Assignment &a : r.assignments)
                if (a.mentor == j) w.value(request.mentees[a.mentee].id);
            w.end_array();
        }
        w.end_object();
    }
    w.end_array();

    w.member("min_shared_hours", rounded(request.min_shared_hours));
    w.member("mode", request.mode == MatchMode::score ? "score" : "participation");
    w.member("needed_hours", rounded(request.needed_hours));
    w.key("program");
    if (request.program) w.value(c.programs()[*request.program].id);
    else w.null();

    w.key("summary");
    w.begin_object();
    w.member("excluded_pairs", excluded);
    w.member("matched", r.assignments.size());
    w.key("mean_score");
    if (r.assignments.empty()) w.null();
    else w.value(rounded(double(r.total_score) / double(r.assignments.size())));
    w.member("mentees", n);
    w.member("mentors", r.mentor_count);
    w.member("pairs", r.exclusions.size());
    w.member("total_score", r.total_score);
    w.member("unmatched", r.unmatched.size());
    w.end_object();

    w.key("unmatched");
    w.begin_array();
    for (const Unmatched &u : r.unmatched) {
        w.begin_object();
        w.member("mentee", request.mentees[u.mentee].id);
        w.member("message", u.message);
        w.member("reason", to_string(u.reason));
        w.end_object();
    }
    w.end_array();

    w.key("week_of");
    if (request.week_of) w.value(*request.week_of);
    else w.null();
    w.key("weights");
    w.begin_object();
    w.member("availability", rounded(request.availability_weight));
    w.member("gap", rounded(request.gap_weight));
    w.end_object();
    w.end_object();
    return text;
}



std::string match_to_text(const Curriculum &c, const MatchRequest &request, const MatchResult &r) {
    const PairScorer scorer(c, request);
    std::ostringstream out;
    const std::string program = request.program ? c.programs()[*request.program].title : std::string("no program");
    out << "Matching for " << program << " (mode " << (request.mode == MatchMode::score ? "score" : "participation") << "): "
        << r.assignments.size() << " of " << request.mentees.size() << " mentees matched, total score " << r.total_score;
    if (!r.assignments.empty()) out << " (mean " << std::lround(double(r.total_score) / double(r.assignments.size())) << ")";
    out << "\nscore = 1000 x (" << request.gap_weight << " x gap coverage + " << request.availability_weight
        << " x availability) / " << (request.gap_weight + request.availability_weight) << "; availability = shared hours / "
        << std::setprecision(3) << request.needed_hours << " a week, at most 1"
        << (request.week_of ? ", in the week of " + request.week_of->iso() : std::string()) << "\n\n";

    auto percent = [](double v) { return std::to_string(std::lround(100 * v)) + "%"; };
    auto hours = [](const std::optional<double> &h) {
        if (!h) return std::string("-");
        std::ostringstream s;
        s << std::fixed << std::setprecision(1) << *h;
        return s.str();
    };
    out << std::left << std::setw(14) << "Mentee" << std::setw(14) << "Mentor" << std::right << std::setw(6) << "Score"
        << std::setw(6) << "Rank" << std::setw(10) << "Coverage" << std::setw(10) << "Shared h" << "  " << std::left
        << (request.group_size ? "Group: covers" : "Covers") << " (levels covered / the gap's levels, skills with any covered)\n";
    for (const Assignment &a : r.assignments) {
        const PairScore p = scorer.explain(a.mentee, a.mentor);
        std::string covers;
        for (const CoveredSkill &s : p.skills) {
            if (s.covered == 0) continue;
            if (!covers.empty()) covers += ", ";
            covers += c.skills()[s.skill].id + " " + std::to_string(s.covered) + "/" + std::to_string(int(s.target) - int(s.current));
        }
        if (p.skills.empty()) covers = "(no gap)";
        else if (covers.empty()) covers = "(none of the gap)";
        std::string group;
        for (const Group &g : r.groups)
            if (std::find(g.members.begin(), g.members.end(), a.mentee) != g.members.end()) group = g.id + ": ";
        out << std::left << std::setw(14) << request.mentees[a.mentee].name << std::setw(14) << request.mentors[a.mentor].name
            << std::right << std::setw(6) << a.score << std::setw(6) << a.rank << std::setw(10) << percent(p.coverage)
            << std::setw(10) << hours(p.shared_hours) << "  " << group << covers << "\n";
    }
    if (!r.unmatched.empty()) {
        out << "\nUnmatched\n";
        for (const Unmatched &u : r.unmatched)
            out << "  " << request.mentees[u.mentee].name << " (" << to_string(u.reason) << "): " << u.message << "\n";
    }
    out << "\nMentors\n";
    for (std::size_t j = 0; j < r.mentor_count; ++j) {
        out << "  " << std::left << std::setw(14) << request.mentors[j].name << r.mentor_load[j] << " of "
            << request.mentors[j].capacity << (request.group_size ? " groups" : "");
        const char *separator = ": ";
        if (request.group_size) {
            for (const Group &g : r.groups)
                if (g.mentor == j) out << std::exchange(separator, ", ") << g.id;
        } else {
            for (const Assignment &a : r.assignments)
                if (a.mentor == j) out << std::exchange(separator, ", ") << request.mentees[a.mentee].name;
        }
        out << "\n";
    }
    if (request.group_size) {
        out << "\nGroups of " << request.group_size->first << " to " << request.group_size->second;
        if (r.dispersion_ratio) out << " (dispersion ratio " << std::setprecision(2) << std::fixed << *r.dispersion_ratio
                                    << ": within-group spread of the gaps over the spread of everyone's)";
        out << "\n";
        for (const Group &g : r.groups) {
            out << "  " << g.id << "  mentor " << (g.mentor ? request.mentors[*g.mentor].name : std::string("none"));
            if (g.mentor) out << ", score " << g.score;
            out << ", dispersion " << std::setprecision(2) << std::fixed << g.dispersion << ": ";
            for (std::size_t k = 0; k < g.members.size(); ++k) out << (k ? ", " : "") << request.mentees[g.members[k]].name;
            out << "\n    shared gaps:";
            if (g.shared_gaps.empty()) out << " none";
            for (std::size_t s : g.shared_gaps) out << " " << c.skills()[s].id;
            out << "\n";
        }
    }
    out << "\nCandidates (score, or x: the exclusion)\n";
    for (std::size_t i = 0; i < request.mentees.size(); ++i) {
        out << "  " << std::left << std::setw(14) << request.mentees[i].name;
        const auto order = ranked_mentors(r, i);
        const std::size_t listed = std::min(order.size(), request.candidates_per_mentee.value_or(order.size()));
        for (std::size_t k = 0; k < listed; ++k) {
            const std::size_t j = order[k];
            out << (k ? ", " : "") << request.mentors[j].name << " ";
            if (r.score(i, j) >= 0) out << r.score(i, j);
            else out << "x " << to_string(r.exclusion(i, j));
        }
        out << "\n";
    }
    return out.str();
}

CAREERPATH_NAMESPACE_END
