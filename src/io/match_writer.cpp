// A matching explained: as JSON (what careerpath_match returns) and as a readable table. The
// matching is made in match.cpp.
#include <careerpath/match.hpp>

#include "json_writer.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <sstream>

CAREERPATH_NAMESPACE_BEGIN

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
    w.member("schema_version", schema_version);

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
