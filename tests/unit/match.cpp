// careerpath/match.hpp: the pair score worked by hand (coverage, shared hours across zones and a
// daylight-saving change), every exclusion rule, the assignment against exhaustive search on
// random instances in both modes (and the flow solver alone against it, pricing included),
// groups, the reasons of the unmatched, and answers that do not depend on the input's order.
#include <careerpath/json.hpp>
#include <careerpath/match.hpp>

#include "../../src/assignment.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

// Role lead requires a at advanced (3, weight 2), b at intermediate (2), c at expert (4); role
// manage requires d and e at advanced. Program grp is a group program of 3 to 4.
const Curriculum &cur() {
    static const Curriculum c = load_ok(R"({"id": "t",
        "levels": ["none", "beginner", "intermediate", "advanced", "expert"],
        "skills": [{"id": "a", "hours": 10}, {"id": "b", "hours": 10}, {"id": "c", "hours": 10},
                   {"id": "d", "hours": 10}, {"id": "e", "hours": 10}],
        "roles": [{"id": "lead", "requires": {"a": "advanced", "b": "intermediate", "c": "expert"}, "weights": {"a": 2}},
                  {"id": "manage", "requires": {"d": "advanced", "e": "advanced"}}],
        "session_types": [{"id": "coaching", "minutes": 60, "every": {"weeks": 1}},
                          {"id": "review", "minutes": 90, "every": {"weeks": 2}}],
        "programs": [{"id": "one", "target_role": "lead", "months": 6, "sessions": ["coaching", "review"]},
                     {"id": "grp", "target_role": "lead", "months": 6, "format": "group", "group_size": [3, 4]}]})");
    return c;
}

MatchRequest read_ok(const Json &document) {
    auto r = read_match_request(cur(), document);
    if (!r) FAIL("read failed at \"", r.error().pointer, "\": ", r.error().message);
    return std::move(r).value();
}

Error read_error(const Json &document) {
    auto r = read_match_request(cur(), document);
    REQUIRE_FALSE(r);
    return r.error();
}

Json window(const std::string &day, const std::string &from, const std::string &to) { return {{"weekday", day}, {"from", from}, {"to", to}}; }

}  // namespace

TEST_CASE("the pair score by hand: coverage of the weighted gap, shared hours across zones") {
    // Gap of lead from a=1, b=0, c=4: a 1 -> 3 (weight 2), b 0 -> 2 (weight 1); c is held.
    // G = 2*2 + 1*2 = 6. Mentor a=2, b=4: a covers min(2-1, 2) = 1 level (2 weighted), b
    // covers 2 (2 weighted): coverage 4/6. New York Tue 09:00-12:00 is 14:00-17:00Z in January;
    // Berlin Tue 16:00-19:00 is 15:00-18:00Z: 2 shared hours of needed_hours 4, availability 0.5.
    // score = round(1000 * (3 * 4/6 + 1 * 0.5) / 4) = round(625) = 625.
    Json doc = {{"target_role", "lead"}, {"week_of", "2027-01-04"}, {"needed_hours", 4}, {"min_shared_hours", 0},
                {"mentors", {{{"id", "m"}, {"levels", {{"a", 2}, {"b", "expert"}}}, {"time_zone", "Europe/Berlin"},
                              {"available", {window("tue", "16:00", "19:00")}}}}},
                {"mentees", {{{"id", "e"}, {"current", {{"a", 1}, {"c", 4}}}, {"time_zone", "America/New_York"},
                              {"available", {window("tue", "09:00", "12:00")}}}}}};
    MatchRequest request = read_ok(doc);
    const PairScorer scorer(cur(), request);
    PairScore p = scorer.explain(0, 0);
    CHECK(p.gap == doctest::Approx(6));
    CHECK(p.covered == doctest::Approx(4));
    CHECK(p.coverage == doctest::Approx(4.0 / 6.0));
    REQUIRE(p.shared_hours);
    CHECK(*p.shared_hours == doctest::Approx(2));
    CHECK(p.availability == doctest::Approx(0.5));
    CHECK(p.score == 625);
    REQUIRE(p.skills.size() == 2);
    CHECK(cur().skills()[p.skills[0].skill].id == "a");
    CHECK(p.skills[0].covered == 1);
    CHECK(p.skills[1].covered == 2);

    // The week of 2027-03-15: New York is on daylight time (13:00-16:00Z), Berlin not yet
    // (15:00-18:00Z): 1 shared hour, availability 0.25, score round(1000 * 2.25 / 4) = 563.
    doc["week_of"] = "2027-03-15";
    request = read_ok(doc);
    p = PairScorer(cur(), request).explain(0, 0);
    CHECK(*p.shared_hours == doctest::Approx(1));
    CHECK(p.score == 563);

    // No availability stated on one side: no shared hours, no availability credit, no exclusion.
    doc["mentors"][0].erase("available");
    doc["min_shared_hours"] = 5;
    request = read_ok(doc);
    p = PairScorer(cur(), request).explain(0, 0);
    CHECK_FALSE(p.shared_hours);
    CHECK(p.score == 500);
    CHECK(p.exclusion == Exclusion::none);

    // The default needed hours: the program's sessions, 1 + 1.5 / 2 = 1.75 hours a week.
    doc["program"] = "one";
    doc.erase("needed_hours");
    CHECK(read_ok(doc).needed_hours == doctest::Approx(1.75));
}

TEST_CASE("each person keeps only the skills given a level above 0") {
    // Held per person rather than per skill of the curriculum (docs/limits.md, "Match request"):
    // a level named "none" (0) is not kept, and a skill not kept reads as 0.
    const Json doc = {{"target_role", "lead"},
                      {"mentors", {{{"id", "m"}, {"levels", {{"e", "expert"}, {"b", 2}, {"c", "none"}}}}}},
                      {"mentees", {{{"id", "e"}, {"current", {{"d", 1}}}}, {{"id", "f"}}}}};
    const MatchRequest request = read_ok(doc);
    const auto skill = [](const char *id) { return *cur().find_skill(id); };
    const SkillLevels &mentor = request.mentors[0].levels;
    REQUIRE(mentor.entries().size() == 2);
    CHECK(mentor.entries()[0] == SkillLevels::Entry{skill("b"), 2});
    CHECK(mentor.entries()[1] == SkillLevels::Entry{skill("e"), 4});
    CHECK(mentor[skill("e")] == 4);
    CHECK(mentor[skill("a")] == 0);
    CHECK(mentor[skill("c")] == 0);
    CHECK(mentor[cur().skills().size()] == 0);
    const SkillLevels &mentee = request.mentees[0].current;
    REQUIRE(mentee.entries().size() == 1);
    CHECK(mentee[skill("d")] == 1);
    for (const char *id : {"a", "b", "c", "e"}) CHECK(mentee[skill(id)] == 0);
    CHECK(request.mentees[1].current.entries().empty());
    CHECK_FALSE(request.mentees[1].current == mentee);
    CHECK(SkillLevels(std::vector<Level>{0, 0, 0, 1, 0}) == mentee);
}

TEST_CASE("every exclusion rule, and min_shared_hours") {
    Json mentor = {{"id", "m"}, {"team", "web"}, {"organization", "acme"}};
    Json mentee = {{"id", "e"}, {"team", "web"}, {"organization", "acme"}};
    auto exclusion_of = [&](Json request_extra, Json mentor_extra, Json mentee_extra) {
        Json doc = {{"target_role", "lead"}, {"mentors", {mentor}}, {"mentees", {mentee}}};
        for (auto [target, extra] : {std::pair{&doc, &request_extra}, std::pair{&doc["mentors"][0], &mentor_extra},
                                     std::pair{&doc["mentees"][0], &mentee_extra}})
            if (extra->is_object()) target->update(*extra);
        const MatchRequest request = read_ok(doc);
        const MatchResult result = match(cur(), request);
        const PairScore p = PairScorer(cur(), request).explain(0, 0);
        CHECK(result.exclusion(0, 0) == p.exclusion);
        CHECK((result.score(0, 0) < 0) == (p.exclusion != Exclusion::none));
        CHECK(result.assignments.size() == (p.exclusion == Exclusion::none ? 1u : 0u));
        if (p.exclusion != Exclusion::none) {
            CHECK_FALSE(p.exclusion_message.empty());
            REQUIRE(result.unmatched.size() == 1);
            CHECK(result.unmatched[0].reason == Unmatched::Reason::no_candidate);
        }
        return p.exclusion;
    };
    CHECK(exclusion_of({}, {}, {}) == Exclusion::none);
    CHECK(exclusion_of({}, {{"id", "e"}}, {}) == Exclusion::same_person);
    CHECK(exclusion_of({}, {}, {{"manager", "m"}}) == Exclusion::reporting_line);
    CHECK(exclusion_of({}, {{"reports", {"x", "e"}}}, {}) == Exclusion::reporting_line);
    CHECK(exclusion_of({}, {{"manager", "e"}}, {}) == Exclusion::reporting_line);
    CHECK(exclusion_of({{"exclude_same_team", true}}, {}, {}) == Exclusion::same_team);
    CHECK(exclusion_of({{"exclude_same_team", true}}, {{"organization", "other"}}, {}) == Exclusion::none);
    CHECK(exclusion_of({{"exclude_same_team", true}}, {{"team", ""}}, {{"team", ""}}) == Exclusion::none);
    CHECK(exclusion_of({}, {{"exclude", {"e"}}}, {}) == Exclusion::excluded);
    CHECK(exclusion_of({}, {}, {{"exclude", {"m"}}}) == Exclusion::excluded);
    // Shared hours: 1.5 (UTC Mon 10:00-11:30 both) against min_shared_hours 1 and 2.
    const Json both = {{"available", {window("mon", "10:00", "11:30")}}};
    CHECK(exclusion_of({{"week_of", "2027-01-04"}}, both, both) == Exclusion::none);
    CHECK(exclusion_of({{"week_of", "2027-01-04"}, {"min_shared_hours", 2}}, both, both) == Exclusion::availability);
}

TEST_CASE("bad requests: the status and the pointer") {
    const Json mentors = {{{"id", "m"}}, {{"id", "n"}}};
    const Json mentees = {{{"id", "e"}}};
    Json doc = {{"target_role", "lead"}, {"mentors", mentors}, {"mentees", mentees}};
    auto with = [&](const char *pointer, Json value) {
        Json d = doc;
        d[Json::json_pointer(pointer)] = std::move(value);
        return read_error(d);
    };
    Error e = with("/mentors/1/id", "m");
    CHECK(e.status == Status::schema);
    CHECK(e.pointer == "/mentors/1/id");
    e = with("/mentors/0/levels", Json{{"zz", 1}});
    CHECK(e.status == Status::reference);
    CHECK(e.pointer == "/mentors/0/levels/zz");
    e = with("/mentees/0/exclude", Json{"m", "nobody"});
    CHECK(e.status == Status::reference);
    CHECK(e.pointer == "/mentees/0/exclude/1");
    e = with("/mode", "best");
    CHECK(e.status == Status::schema);
    CHECK(e.pointer == "/mode");
    e = with("/mentors/0/capacity", -1);
    CHECK(e.pointer == "/mentors/0/capacity");
    e = with("/group_size", Json{5, 4});
    CHECK(e.pointer == "/group_size/1");
    e = with("/mentees/0/available", Json::array({window("mon", "10:00", "11:00")}));  // not Json{x}: clang copies x
    CHECK(e.status == Status::schema);
    CHECK(e.pointer == "/week_of");
    e = with("/mentees/0/time_zone", "Mars/Olympus");
    CHECK(e.pointer == "/mentees/0/time_zone");
    Json no_role = doc;
    no_role.erase("target_role");
    CHECK(read_error(no_role).pointer == "/mentees/0/target_role");
    Limits small;
    small.max_match_pairs = 1;
    auto over = read_match_request(cur(), doc, small);
    REQUIRE_FALSE(over);
    CHECK(over.error().status == Status::limit);
}

namespace {

// ---- exhaustive search ----

// The lexicographic objective of a mode: (primary, secondary).
using Objective = std::pair<long long, long long>;

Objective objective(MatchMode mode, long long total, long long count) {
    return mode == MatchMode::score ? Objective{total, count} : Objective{count, total};
}

// The best objective over every assignment of mentees to mentors within capacities: dynamic
// programming over mentors, each taking any allowed set of up to its capacity of the mentees
// not yet taken. value[i][j] < 0: not allowed.
Objective exhaustive_best(MatchMode mode, const std::vector<std::vector<int>> &value, const std::vector<int> &capacity) {
    const std::size_t n = value.size();
    const std::size_t m = capacity.size();
    const std::size_t states = std::size_t{1} << n;
    const Objective none{-1, -1};
    // best[mask]: the best (total, count) with exactly `mask` taken so far.
    std::vector<std::pair<long long, long long>> best(states, none), next;
    best[0] = {0, 0};
    for (std::size_t j = 0; j < m; ++j) {
        next = best;
        for (std::size_t mask = 0; mask < states; ++mask) {
            if (best[mask] == none) continue;
            // Choose up to capacity[j] more mentees, in increasing index order.
            std::function<void(std::size_t, std::size_t, int, long long, long long)> take =
                [&](std::size_t from, std::size_t taken, int left, long long total, long long count) {
                    if (taken != mask) {
                        auto &slot = next[taken];
                        if (slot == none || objective(mode, total, count) > objective(mode, slot.first, slot.second))
                            slot = {total, count};
                    }
                    if (left == 0) return;
                    for (std::size_t i = from; i < n; ++i)
                        if (!(taken >> i & 1) && value[i][j] >= 0)
                            take(i + 1, taken | std::size_t{1} << i, left - 1, total + value[i][j], count + 1);
                };
            take(0, mask, capacity[j], best[mask].first, best[mask].second);
        }
        best = next;
    }
    Objective answer{-1, -1};
    for (const auto &[total, count] : best)
        if (!(std::pair{total, count} == none)) answer = std::max(answer, objective(mode, total, count));
    return answer;
}

const char *zones[] = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"};
const char *days[] = {"mon", "tue", "wed", "thu", "fri"};

Json random_person(std::mt19937 &rng, const char *side, std::size_t k, bool mentor) {
    std::uniform_int_distribution<int> level(0, 4), coin(0, 3), hour(6, 17), day(0, 4), zone(0, 3);
    Json p = {{"id", std::string(side) + std::to_string(k)}, {"team", coin(rng) < 2 ? "web" : "data"}};
    Json levels = Json::object();
    for (const char *s : {"a", "b", "c", "d", "e"})
        if (coin(rng)) levels[s] = level(rng);
    p[mentor ? "levels" : "current"] = levels;
    if (coin(rng)) {
        p["time_zone"] = zones[zone(rng)];
        Json available = Json::array();
        for (int w = 0, windows = 1 + coin(rng); w < windows; ++w) {
            const int from = hour(rng), to = from + 2 + coin(rng);
            auto hh = [](int h) { return (h < 10 ? "0" : "") + std::to_string(h) + ":00"; };
            available.push_back(window(days[day(rng)], hh(from), hh(to)));
        }
        p["available"] = available;
    }
    if (!mentor && coin(rng) == 0) p["target_role"] = "manage";
    return p;
}

}  // namespace

TEST_CASE("the assignment against exhaustive search: the optimum in both modes, capacities and exclusions hold") {
    std::mt19937 rng(20271);
    int instances = 0, with_unmatched = 0, modes_differ = 0, with_exclusions = 0;
    for (int round = 0; round < 300; ++round) {
        std::uniform_int_distribution<int> mentees_n(1, 8), mentors_n(1, 5), capacity(0, 3), coin(0, 5);
        const int n = mentees_n(rng), m = mentors_n(rng);
        Json mentors = Json::array(), mentees = Json::array();
        for (int j = 0; j < m; ++j) {
            Json p = random_person(rng, "m", static_cast<std::size_t>(j), true);
            p["capacity"] = capacity(rng);
            if (coin(rng) == 0) p["reports"] = {"e" + std::to_string(rng() % static_cast<unsigned>(n))};
            if (coin(rng) == 0) p["exclude"] = {"e" + std::to_string(rng() % static_cast<unsigned>(n))};
            mentors.push_back(p);
        }
        for (int i = 0; i < n; ++i) {
            Json p = random_person(rng, "e", static_cast<std::size_t>(i), false);
            if (coin(rng) == 0) p["manager"] = "m" + std::to_string(rng() % static_cast<unsigned>(m));
            mentees.push_back(p);
        }
        Json doc = {{"target_role", "lead"}, {"week_of", "2027-03-22"}, {"exclude_same_team", coin(rng) == 0},
                    {"min_shared_hours", coin(rng) % 3}, {"mentors", mentors}, {"mentees", mentees}};
        long long totals[2] = {0, 0}, counts[2] = {0, 0};
        for (const MatchMode mode : {MatchMode::score, MatchMode::participation}) {
            doc["mode"] = mode == MatchMode::score ? "score" : "participation";
            const MatchRequest request = read_ok(doc);
            const MatchResult result = match(cur(), request);
            ++instances;
            std::vector<std::vector<int>> value(request.mentees.size(), std::vector<int>(request.mentors.size()));
            const PairScorer scorer(cur(), request);
            bool excluded_any = false;
            for (std::size_t i = 0; i < value.size(); ++i)
                for (std::size_t j = 0; j < request.mentors.size(); ++j) {
                    const PairScore p = scorer.explain(i, j, false);
                    value[i][j] = p.exclusion == Exclusion::none ? p.score : -1;
                    CHECK(result.score(i, j) == value[i][j]);
                    excluded_any |= p.exclusion != Exclusion::none;
                }
            with_exclusions += excluded_any;
            std::vector<int> capacity;
            for (const MatchMentor &mentor : request.mentors) capacity.push_back(mentor.capacity);

            // Capacities and exclusions hold; each mentee at most once; the totals add up.
            std::vector<int> load(capacity.size(), 0);
            std::set<std::size_t> seen;
            long long total = 0;
            for (const Assignment &a : result.assignments) {
                CHECK(seen.insert(a.mentee).second);
                REQUIRE(value[a.mentee][a.mentor] >= 0);
                CHECK(a.score == value[a.mentee][a.mentor]);
                ++load[a.mentor];
                total += a.score;
            }
            for (std::size_t j = 0; j < capacity.size(); ++j) {
                CHECK(load[j] <= capacity[j]);
                CHECK(load[j] == result.mentor_load[j]);
            }
            CHECK(total == result.total_score);
            CHECK(result.assignments.size() + result.unmatched.size() == request.mentees.size());
            // The unmatched: no candidate at all, or every candidate full.
            for (const Unmatched &u : result.unmatched) {
                CHECK_FALSE(seen.count(u.mentee));
                bool any = false, all_full = true;
                for (std::size_t j = 0; j < capacity.size(); ++j)
                    if (value[u.mentee][j] >= 0 && capacity[j] > 0) {
                        any = true;
                        all_full &= load[j] == capacity[j];
                    }
                CHECK(u.reason == (any ? Unmatched::Reason::capacity : Unmatched::Reason::no_candidate));
                CHECK(all_full);
            }
            with_unmatched += !result.unmatched.empty();

            const Objective best = exhaustive_best(mode, value, capacity);
            const auto count = static_cast<long long>(result.assignments.size());
            CHECK(objective(mode, total, count) == best);
            const int k = mode == MatchMode::score ? 0 : 1;
            totals[k] = total;
            counts[k] = count;
        }
        CHECK(totals[0] >= totals[1]);
        CHECK(counts[1] >= counts[0]);
        modes_differ += totals[0] != totals[1] || counts[0] != counts[1];
    }
    MESSAGE(instances << " instances (300 random requests, each in both modes): " << with_exclusions
                      << " with excluded pairs, " << with_unmatched << " with someone unmatched; the modes differ in "
                      << modes_differ << " requests");
    CHECK(instances >= 500);
    CHECK(modes_differ > 0);
}

TEST_CASE("the flow solver alone against exhaustive search, with candidate pricing exercised") {
    // Many right items of capacity 1 and up to 11 left items: a left item's best-first prefix is
    // longer than the 8 candidates the solver starts with, so pricing has to add pairs.
    std::mt19937 rng(7);
    int priced = 0, cases = 0;
    for (int round = 0; round < 250; ++round) {
        std::uniform_int_distribution<int> left_n(1, 11), right_n(1, 16), cap(0, 2), value(1, 60), coin(0, 4);
        const int n = left_n(rng), m = right_n(rng);
        const bool unit = round % 2 == 0;
        std::vector<int> capacity(static_cast<std::size_t>(m));
        for (int &c : capacity) c = unit ? 1 : cap(rng);
        // Half the problems rank the right items alike for everyone (a quality per item plus a
        // little noise), so that the left items compete for the same few.
        std::vector<int> quality(static_cast<std::size_t>(m));
        for (int &q : quality) q = value(rng);
        const bool alike = round % 4 < 2;
        std::vector<std::vector<int>> values(static_cast<std::size_t>(n), std::vector<int>(static_cast<std::size_t>(m)));
        for (auto &row : values)
            for (std::size_t j = 0; j < row.size(); ++j)
                row[j] = coin(rng) == 0 ? -1 : alike ? quality[j] * 4 + coin(rng) : value(rng);
        detail::AssignmentProblem problem;
        problem.left = static_cast<std::size_t>(n);
        problem.capacity = capacity;
        problem.value = [&](std::size_t i, std::size_t j) -> std::optional<std::int64_t> {
            if (values[i][j] < 0) return std::nullopt;
            return values[i][j];
        };
        detail::AssignmentStats stats;
        const auto chosen = detail::solve_assignment(problem, &stats);
        std::vector<int> load(capacity.size(), 0);
        long long total = 0;
        for (std::size_t i = 0; i < chosen.size(); ++i)
            if (chosen[i]) {
                REQUIRE(values[i][*chosen[i]] >= 0);
                total += values[i][*chosen[i]];
                ++load[*chosen[i]];
            }
        for (std::size_t j = 0; j < capacity.size(); ++j) CHECK(load[j] <= capacity[j]);
        // The solver maximizes the plain sum; exhaustive_best in mode score maximizes (sum, count).
        CHECK(total == exhaustive_best(MatchMode::score, values, capacity).first);
        priced += stats.rounds > 1;
        ++cases;
    }
    MESSAGE(cases << " problems; " << priced << " needed more than one round of pricing");
    CHECK(priced > 0);
}

namespace {

const Curriculum &example() {
    static const Curriculum c = [] {
        std::ifstream file(std::string(CAREERPATH_EXAMPLES_DIR) + "/engineering-growth.json");
        return load_ok(std::string(std::istreambuf_iterator<char>(file), {}));
    }();
    return c;
}

Json example_request(const char *name) {
    std::ifstream file(std::string(CAREERPATH_EXAMPLES_DIR) + "/" + name);
    return Json::parse(file);
}

}  // namespace

TEST_CASE("the example: the same request in another order gives the same bytes") {
    for (const char *name : {"match.json", "group-match.json"}) {
        CAPTURE(name);
        Json doc = example_request(name);
        const auto first = match_json_text(example(), doc.dump());
        REQUIRE(first);
        std::reverse(doc["mentors"].begin(), doc["mentors"].end());
        std::reverse(doc["mentees"].begin(), doc["mentees"].end());
        std::swap(doc["mentees"][0], doc["mentees"][5]);
        const auto shuffled = match_json_text(example(), doc.dump());
        REQUIRE(shuffled);
        CHECK(first.value() == shuffled.value());
    }
    // 12 mentees, 4 mentors of capacity 3, 3, 3 and 2: Kai (Tokyo, 09:00-11:00) shares under an
    // hour with every mentor and is the one left out.
    const auto matched = match_from_json(example(), example_request("match.json").dump());
    REQUIRE(matched);
    const auto &[request, result] = matched.value();
    CHECK(result.assignments.size() == 11);
    REQUIRE(result.unmatched.size() == 1);
    CHECK(request.mentees[result.unmatched[0].mentee].id == "kai");
    CHECK(result.unmatched[0].reason == Unmatched::Reason::no_candidate);
}

TEST_CASE("an unmatched mentee for want of places, and for want of candidates") {
    // Two mentees, one mentor of capacity 1. Mode score takes the better pair; the other is
    // unmatched for capacity. A third mentee reports to the mentor: no candidate.
    Json doc = {{"target_role", "lead"},
                {"mentors", {{{"id", "m"}, {"levels", {{"a", 4}, {"b", 4}, {"c", 4}}}, {"capacity", 1}}}},
                {"mentees", {{{"id", "e1"}, {"current", {{"a", 3}, {"b", 2}, {"c", 3}}}},
                             {{"id", "e2"}, {"current", {{"a", 0}}}},
                             {{"id", "e3"}, {"manager", "m"}}}}};
    const MatchRequest request = read_ok(doc);
    const MatchResult result = match(cur(), request);
    REQUIRE(result.assignments.size() == 1);
    // e1 has a gap of c only (1 level), fully covered: coverage 1, score 750; e2's gap is
    // covered too (750): a tie, broken toward the earlier id.
    CHECK(result.assignments[0].score == 750);
    CHECK(request.mentees[result.assignments[0].mentee].id == "e1");
    REQUIRE(result.unmatched.size() == 2);
    CHECK(result.unmatched[0].reason == Unmatched::Reason::capacity);
    CHECK(result.unmatched[1].reason == Unmatched::Reason::no_candidate);
    CHECK(result.unmatched[1].message.find("reporting_line") != std::string::npos);
}

TEST_CASE("mode participation trades score for people matched") {
    // Mentor x (capacity 1) suits both; mentor y (capacity 1) only e1, poorly. Mode score: e1
    // with x (750 + nothing, since y-e2 is excluded) ... participation: e1 with y, e2 with x.
    Json doc = {{"target_role", "lead"},
                {"mentors", {{{"id", "x"}, {"levels", {{"a", 4}, {"b", 4}, {"c", 4}}}},
                             {{"id", "y"}, {"exclude", {"e2"}}}}},
                {"mentees", {{{"id", "e1"}}, {{"id", "e2"}, {"current", {{"a", 3}, {"b", 2}, {"c", 3}}}}}}};
    // e1's gap: a 3 levels (weight 2), b 2, c 4: 6 + 2 + 4 = 12; x covers all: 750; y none: 0.
    // e2's gap: c 1 level; x covers it: 750.
    const MatchResult by_score = match(cur(), read_ok(doc));
    CHECK(by_score.total_score == 750);
    CHECK(by_score.assignments.size() == 2);  // e1-y at 0 is still a match (count is second)
    doc["mode"] = "participation";
    const MatchResult by_people = match(cur(), read_ok(doc));
    CHECK(by_people.assignments.size() == 2);
    CHECK(by_people.total_score == 750);
    // Now make e1-y impossible and the modes part: score keeps one pair of 750, participation too.
    doc["mentors"][1]["exclude"] = {"e1", "e2"};
    CHECK(match(cur(), read_ok(doc)).assignments.size() == 1);
}

namespace {

// Mentees of lead in clusters: each cluster's members share a gap profile.
Json clustered_mentees(const std::vector<std::vector<int>> &profiles, int per_cluster) {
    Json mentees = Json::array();
    int k = 0;
    for (std::size_t p = 0; p < profiles.size(); ++p)
        for (int i = 0; i < per_cluster; ++i) {
            char id[16];
            std::snprintf(id, sizeof id, "p%02d", k++);
            mentees.push_back({{"id", id}, {"current", {{"a", profiles[p][0]}, {"b", profiles[p][1]}, {"c", profiles[p][2]}}}});
        }
    return mentees;
}

}  // namespace

TEST_CASE("groups: sizes in the range, similar gaps together, one mentor each within capacity") {
    // Three clusters of 4 with distinct gaps, listed interleaved by id: the groups are exactly
    // the clusters, and every member of a group has the same gap (dispersion 0).
    Json mentees = clustered_mentees({{0, 0, 4}, {3, 2, 0}, {1, 2, 2}}, 4);
    // Interleave: rename so that ids alternate between clusters.
    for (std::size_t i = 0; i < mentees.size(); ++i) mentees[i]["id"] = "p" + std::to_string(10 + (i % 4) * 3 + i / 4);
    Json doc = {{"program", "grp"},
                {"mentors", {{{"id", "m1"}, {"levels", {{"a", 4}, {"b", 4}, {"c", 4}}}},
                             {{"id", "m2"}, {"levels", {{"c", 4}}}, {"capacity", 2}}}},
                {"mentees", mentees}};
    const MatchRequest request = read_ok(doc);
    const MatchResult result = match(cur(), request);
    REQUIRE(result.groups.size() == 3);
    for (const Group &g : result.groups) {
        CHECK(g.members.size() == 4);
        CHECK(g.dispersion == doctest::Approx(0));
        for (std::size_t i : g.members) CHECK(request.mentees[i].current == request.mentees[g.members[0]].current);
    }
    REQUIRE(result.dispersion_ratio);
    CHECK(*result.dispersion_ratio == doctest::Approx(0));
    // Capacity: m1 one group, m2 two; all three groups get a mentor, every member assigned to it.
    CHECK(result.mentor_load == std::vector<int>{1, 2});
    CHECK(result.assignments.size() == 12);
    for (const Group &g : result.groups) {
        REQUIRE(g.mentor);
        for (std::size_t i : g.members) {
            const auto it = std::find_if(result.assignments.begin(), result.assignments.end(),
                                         [&](const Assignment &a) { return a.mentee == i; });
            REQUIRE(it != result.assignments.end());
            CHECK(it->mentor == *g.mentor);
        }
    }
    // The group whose gap is c alone scores the same with m1 and m2; the others need m1 for a
    // and b, and m1 leads one group: the optimum gives m1 the group with the most to gain.
    long long best = 0;
    for (std::size_t first = 0; first < 3; ++first) {  // the group m1 leads; m2 leads the rest
        long long total = 0;
        for (std::size_t g = 0; g < 3; ++g)
            for (std::size_t i : result.groups[g].members) total += result.score(i, g == first ? 0 : 1);
        best = std::max(best, total);
    }
    CHECK(result.total_score == best);
}

TEST_CASE("groups: how many, and who is left out when the range cannot hold everyone") {
    for (int n = 0; n <= 25; ++n) {
        CAPTURE(n);
        Json mentees = Json::array();
        for (int i = 0; i < n; ++i) {
            char id[16];
            std::snprintf(id, sizeof id, "p%02d", i);
            mentees.push_back({{"id", id}, {"current", {{"a", i % 4}, {"b", i % 3}, {"c", (i * 7) % 5}}}});
        }
        Json doc = {{"program", "grp"}, {"mentors", {{{"id", "m"}, {"capacity", 100}}}}, {"mentees", mentees}};
        const MatchRequest request = read_ok(doc);
        const MatchResult result = match(cur(), request);
        // Groups of 3 to 4: the fewest groups whose range holds n, else full groups of 4.
        std::size_t placed = 0;
        for (const Group &g : result.groups) {
            CHECK(g.members.size() >= 3);
            CHECK(g.members.size() <= 4);
            placed += g.members.size();
        }
        const int fewest = (n + 3) / 4;
        if (n < 3) {
            CHECK(result.groups.empty());
        } else if (fewest * 3 <= n) {
            CHECK(result.groups.size() == static_cast<std::size_t>(fewest));
            CHECK(placed == static_cast<std::size_t>(n));
        } else {
            CHECK(result.groups.size() == static_cast<std::size_t>(n / 3));
            CHECK(placed == static_cast<std::size_t>(4 * (n / 3)));
        }
        CHECK(result.unmatched.size() == static_cast<std::size_t>(n) - placed);
        for (const Unmatched &u : result.unmatched) CHECK(u.reason == Unmatched::Reason::group_size);
        CHECK(result.assignments.size() == placed);
    }
}
