// The match score of a mentor-mentee pair (docs/matching.md "Score"): how much of the mentee's
// weighted gap the mentor's levels cover, and how many hours of one week both are available,
// compared as instants so that time zones and their daylight-saving rules count.
#include <careerpath/match.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

CAREERPATH_NAMESPACE_BEGIN

const char *to_string(Exclusion exclusion) noexcept {
    switch (exclusion) {
    case Exclusion::none: return "none";
    case Exclusion::same_person: return "same_person";
    case Exclusion::reporting_line: return "reporting_line";
    case Exclusion::same_team: return "same_team";
    case Exclusion::excluded: return "excluded";
    case Exclusion::availability: return "availability";
    }
    return "none";
}

const char *to_string(Unmatched::Reason reason) noexcept {
    switch (reason) {
    case Unmatched::Reason::no_candidate: return "no_candidate";
    case Unmatched::Reason::capacity: return "capacity";
    case Unmatched::Reason::group_size: return "group_size";
    case Unmatched::Reason::group_without_mentor: return "group_without_mentor";
    }
    return "no_candidate";
}

namespace {

// [start, end) in seconds since 1970, sorted and disjoint.
using Intervals = std::vector<std::pair<std::int64_t, std::int64_t>>;

// A person's weekly windows on the days [first, first + days), as instants.
Intervals instants(const std::vector<WeeklyWindow> &windows, const TimeZone &zone, Date first, int days) {
    Intervals out;
    for (int d = 0; d < days; ++d) {
        const Date day = first.plus_days(d);
        for (const WeeklyWindow &w : windows) {
            if (w.weekday != day.weekday()) continue;
            const std::int64_t end = w.to_minute == 24 * 60 ? zone.to_utc(day.plus_days(1), 0) : zone.to_utc(day, w.to_minute);
            const std::int64_t start = zone.to_utc(day, w.from_minute);
            if (start < end) out.emplace_back(start, end);
        }
    }
    std::sort(out.begin(), out.end());
    Intervals merged;
    for (const auto &i : out) {
        if (!merged.empty() && i.first <= merged.back().second) merged.back().second = std::max(merged.back().second, i.second);
        else merged.push_back(i);
    }
    return merged;
}

std::int64_t overlap_seconds(const Intervals &a, const Intervals &b) {
    std::int64_t total = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        total += std::max<std::int64_t>(0, std::min(a[i].second, b[j].second) - std::max(a[i].first, b[j].first));
        if (a[i].second < b[j].second) ++i;
        else ++j;
    }
    return total;
}

struct GapSkill {
    std::size_t skill;
    Level current, target;
    double weight;
};

bool contains(const std::vector<std::string> &ids, const std::string &id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string hours_text(double hours) {
    std::ostringstream out;
    out << std::round(hours * 100) / 100;
    return out.str();
}

}  // namespace

struct PairScorer::Impl {
    const Curriculum &curriculum;
    const MatchRequest &request;
    std::vector<std::vector<GapSkill>> gaps;  // per mentee, by skill id
    std::vector<double> gap_totals;
    std::vector<Intervals> mentee_hours, mentor_hours;

    Impl(const Curriculum &c, const MatchRequest &r) : curriculum(c), request(r) {
        for (const MatchMentee &m : r.mentees) {
            std::vector<GapSkill> gap;
            double total = 0;
            for (const RoleRequirement &req : c.roles()[m.target_role].requirements)
                if (m.current[req.skill] < req.level) {
                    gap.push_back({req.skill, m.current[req.skill], req.level, req.weight});
                    total += req.weight * (req.level - m.current[req.skill]);
                }
            gaps.push_back(std::move(gap));
            gap_totals.push_back(total);
        }
        if (r.week_of) {
            // The mentee's seven days; the mentor's from two days before to two after, so that
            // every instant of the mentee's week is covered whatever the zones' offsets.
            for (const MatchMentee &m : r.mentees)
                mentee_hours.push_back(instants(m.available, m.zone, *r.week_of, 7));
            for (const MatchMentor &m : r.mentors)
                mentor_hours.push_back(instants(m.available, m.zone, r.week_of->plus_days(-2), 11));
        }
    }

    Exclusion exclusion(const MatchMentee &e, const MatchMentor &m, std::string *message) const {
        auto say = [&](std::string text) {
            if (message) *message = std::move(text);
        };
        if (e.id == m.id) {
            say(e.name + " would mentor themselves");
            return Exclusion::same_person;
        }
        if (e.position.manager == m.id || contains(m.reports, e.id)) {
            say(e.name + " reports to " + m.name);
            return Exclusion::reporting_line;
        }
        if (m.position.manager == e.id) {
            say(m.name + " reports to " + e.name);
            return Exclusion::reporting_line;
        }
        if (request.exclude_same_team && !e.position.team.empty() && e.position.team == m.position.team &&
            e.position.organization == m.position.organization) {
            say("both are in team " + e.position.team +
                (e.position.organization.empty() ? "" : " of " + e.position.organization) + " (exclude_same_team)");
            return Exclusion::same_team;
        }
        if (contains(m.exclude, e.id)) {
            say(m.name + "'s exclude list names " + e.name);
            return Exclusion::excluded;
        }
        if (contains(e.exclude, m.id)) {
            say(e.name + "'s exclude list names " + m.name);
            return Exclusion::excluded;
        }
        return Exclusion::none;
    }
};

PairScorer::PairScorer(const Curriculum &curriculum, const MatchRequest &request)
    : impl_(std::make_unique<Impl>(curriculum, request)) {}
PairScorer::~PairScorer() = default;

PairScore PairScorer::explain(std::size_t mentee, std::size_t mentor, bool detailed) const {
    const Impl &d = *impl_;
    const MatchMentee &e = d.request.mentees[mentee];
    const MatchMentor &m = d.request.mentors[mentor];
    PairScore p;
    p.mentee = mentee;
    p.mentor = mentor;
    p.gap = d.gap_totals[mentee];
    for (const GapSkill &g : d.gaps[mentee]) {
        const Level held = m.levels[g.skill];
        const int covered = std::min(std::max(0, int(held) - int(g.current)), int(g.target) - int(g.current));
        p.covered += g.weight * covered;
        if (detailed) p.skills.push_back({g.skill, g.current, g.target, held, g.weight, covered});
    }
    p.coverage = p.gap > 0 ? p.covered / p.gap : 0;
    if (d.request.week_of && !e.available.empty() && !m.available.empty()) {
        p.shared_hours = double(overlap_seconds(d.mentee_hours[mentee], d.mentor_hours[mentor])) / 3600.0;
        p.availability = std::min(1.0, *p.shared_hours / d.request.needed_hours);
    }
    const double gw = d.request.gap_weight, aw = d.request.availability_weight;
    p.score = static_cast<int>(std::lround(1000.0 * (gw * p.coverage + aw * p.availability) / (gw + aw)));
    p.exclusion = d.exclusion(e, m, detailed ? &p.exclusion_message : nullptr);
    if (p.exclusion == Exclusion::none && p.shared_hours && *p.shared_hours < d.request.min_shared_hours) {
        p.exclusion = Exclusion::availability;
        if (detailed)
            p.exclusion_message = "they share " + hours_text(*p.shared_hours) + " hours in the week of " +
                                  d.request.week_of->iso() + ", under min_shared_hours " +
                                  hours_text(d.request.min_shared_hours);
    }
    return p;
}

CAREERPATH_NAMESPACE_END
