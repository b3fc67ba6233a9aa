// careerpath/assessment.hpp: rater groups and their means, pooling under the anonymity floors,
// the weighted estimate and its fallbacks, achieved levels, confidence, self against others,
// which assessment counts, and the status and JSON Pointer of each bad assessment. Every
// expected number is worked by hand from docs/scoring.md "Rules" in the comment beside it.
#include <careerpath/json.hpp>
#include <careerpath/assessment.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <algorithm>
#include <string>
#include <vector>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

// Levels none 0, beginner 1, intermediate 2, advanced 3, expert 4. Raters: self 0, manager 2,
// mentor 1, peer 1 (floor 3), direct_report 1 (floor 3), observer 0 (a weight-0 group that is
// not self).
const Curriculum &cur() {
    static const Curriculum c = load_ok(R"({"id": "t",
        "levels": ["none", "beginner", "intermediate", "advanced", "expert"],
        "skills": [{"id": "a", "hours": 10}, {"id": "b", "hours": 10}, {"id": "c", "hours": 10}, {"id": "d", "hours": 10}],
        "roles": [{"id": "base", "requires": {"a": "advanced", "b": 2}, "weights": {"a": 2}},
                  {"id": "lead", "extends": "base", "requires": {"b": 3, "c": "expert"}, "weights": {"c": 3}}],
        "raters": {"self": {"weight": 0}, "manager": {"weight": 2}, "mentor": {"weight": 1},
                   "peer": {"weight": 1, "min_count": 3}, "direct_report": {"weight": 1, "min_count": 3},
                   "observer": {"weight": 0}}})");
    return c;
}

std::size_t skill(const char *id) { return *cur().find_skill(id); }

Rating rating(const char *skill_id, const char *group, const char *rater, Level level) {
    Rating r;
    r.skill = skill(skill_id);
    r.group = *cur().find_rater(group);
    r.rater = rater;
    r.level = level;
    return r;
}

Date day(const char *iso) { return *Date::parse(iso); }

SkillEstimate estimate(const std::vector<Rating> &ratings, const char *skill_id = "a") {
    return estimate_skill(cur(), skill(skill_id), day("2027-03-01"), ratings);
}

const GroupScore *group(const SkillEstimate &e, const std::string &id) {
    for (const GroupScore &g : e.groups)
        if (g.group == id) return &g;
    return nullptr;
}

Result<std::vector<Assessment>> read(const char *json, const char *as_of = "2027-06-30") {
    return read_assessments(cur(), Json::parse(json), "/assessments", day(as_of));
}

void check_rejected(const char *json, Status status, const std::string &pointer) {
    auto r = read(json);
    REQUIRE_FALSE(r.has_value());
    INFO("message: ", r.error().message);
    CHECK(std::string(status_name(r.error().status)) == status_name(status));
    CHECK(r.error().pointer == pointer);
}

}  // namespace

TEST_CASE("group means, pooling under the floors into others, and the weighted estimate") {
    // self 4; manager 3; mentor 2; peers p1 2, p2 1 (2 < floor 3: pooled); direct report d1 3
    // (1 < floor 3: pooled).
    const SkillEstimate e = estimate({rating("a", "self", "me", 4), rating("a", "manager", "m", 3),
                                      rating("a", "mentor", "t", 2), rating("a", "peer", "p1", 2),
                                      rating("a", "peer", "p2", 1), rating("a", "direct_report", "d1", 3)});
    CHECK(e.skill == skill("a"));
    CHECK(e.date == day("2027-03-01"));
    const GroupScore *manager = group(e, "manager");
    REQUIRE(manager != nullptr);
    CHECK(manager->score == doctest::Approx(3));
    CHECK(manager->raters == 1);
    CHECK(manager->weight == doctest::Approx(2));
    CHECK(manager->shown);
    // others = the pooled ratings 2, 1, 3: mean 2; weight = mean(peer 1, direct_report 1) = 1;
    // 3 raters >= the largest floor 3: shown.
    const GroupScore *others = group(e, "others");
    REQUIRE(others != nullptr);
    CHECK(others->score == doctest::Approx(2));
    CHECK(others->raters == 3);
    CHECK(others->weight == doctest::Approx(1));
    CHECK(others->shown);
    std::vector<std::string> pooled = others->pooled;
    std::sort(pooled.begin(), pooled.end());
    CHECK(pooled == std::vector<std::string>{"direct_report", "peer"});
    // No group under its floor is shown on its own.
    for (const char *id : {"peer", "direct_report"}) {
        const GroupScore *g = group(e, id);
        if (g) CHECK_FALSE(g->shown);
    }
    // estimate over weight > 0: manager 3 (w 2), mentor 2 (w 1), others 2 (w 1):
    // (2*3 + 1*2 + 1*2) / 4 = 2.5. (A pooled weight summed to 2 would give (6+2+4)/5 = 2.4.)
    REQUIRE(e.estimate.has_value());
    CHECK(*e.estimate == doctest::Approx(2.5));
    // achieved: largest L with 2.5 >= L - 0.25 -> L <= 2.75 -> 2.
    CHECK(e.achieved == 2);
    // confidence: the counted ratings 3, 2, 2, 1, 3 (self has weight 0): n 5; mean 11/5 = 2.2;
    // squared deviations .64 + .04 + .04 + 1.44 + .64 = 2.8; / 5 = .56; sqrt = 0.748331.
    CHECK(e.n == 5);
    CHECK(e.spread == doctest::Approx(0.748331).epsilon(1e-5));
    // self 4; others (the estimate without self) = 2.5.
    REQUIRE(e.self.has_value());
    CHECK(*e.self == doctest::Approx(4));
    REQUIRE(e.others.has_value());
    CHECK(*e.others == doctest::Approx(2.5));
}

TEST_CASE("a pool under the largest floor is hidden but still counts") {
    // peers p1 4, p2 2: 2 raters < 3, pooled; others holds 2 < largest floor 3: not shown.
    // others score mean(4, 2) = 3, weight mean(peer 1) = 1.
    const SkillEstimate e = estimate({rating("a", "manager", "m", 2), rating("a", "peer", "p1", 4),
                                      rating("a", "peer", "p2", 2)});
    const GroupScore *others = group(e, "others");
    REQUIRE(others != nullptr);
    CHECK_FALSE(others->shown);
    CHECK(others->raters == 2);
    CHECK(others->weight == doctest::Approx(1));
    CHECK(others->pooled == std::vector<std::string>{"peer"});
    // manager 2 (w 2), others 3 (w 1): (2*2 + 1*3) / 3 = 7/3 = 2.3333; achieved: 2.3333 >= 1.75,
    // < 2.75 -> 2.
    REQUIRE(e.estimate.has_value());
    CHECK(*e.estimate == doctest::Approx(7.0 / 3.0));
    CHECK(e.achieved == 2);
    CHECK(e.n == 3);
}

TEST_CASE("a group at its floor is shown on its own, not pooled") {
    // peers 3, 3, 4: 3 raters = floor 3: the peer group, mean 10/3 = 3.3333, weight 1.
    const SkillEstimate e = estimate({rating("a", "manager", "m", 2), rating("a", "peer", "p1", 3),
                                      rating("a", "peer", "p2", 3), rating("a", "peer", "p3", 4)});
    const GroupScore *peer = group(e, "peer");
    REQUIRE(peer != nullptr);
    CHECK(peer->shown);
    CHECK(peer->raters == 3);
    CHECK(peer->score == doctest::Approx(10.0 / 3.0));
    CHECK(group(e, "others") == nullptr);
    // manager 2 (w 2), peer 10/3 (w 1): (4 + 10/3) / 3 = 22/9 = 2.4444.
    REQUIRE(e.estimate.has_value());
    CHECK(*e.estimate == doctest::Approx(22.0 / 9.0));
    CHECK(e.achieved == 2);
}

TEST_CASE("the self fallback, and no estimate from weight-0 groups alone") {
    SUBCASE("only self rated: the self score") {
        // self 3 -> estimate 3, achieved 3 (3 >= 2.75, < 3.75); n 1, spread 0; no others.
        const SkillEstimate e = estimate({rating("a", "self", "me", 3)});
        REQUIRE(e.estimate.has_value());
        CHECK(*e.estimate == doctest::Approx(3));
        CHECK(e.achieved == 3);
        CHECK(e.n == 1);
        CHECK(e.spread == doctest::Approx(0));
        REQUIRE(e.self.has_value());
        CHECK(*e.self == doctest::Approx(3));
        CHECK_FALSE(e.others.has_value());
    }
    SUBCASE("self and a weight-0 observer: still the self score") {
        // no group of weight > 0 rated: self 1.
        const SkillEstimate e = estimate({rating("a", "self", "me", 1), rating("a", "observer", "o", 4)});
        REQUIRE(e.estimate.has_value());
        CHECK(*e.estimate == doctest::Approx(1));
        CHECK(e.achieved == 1);
    }
    SUBCASE("only a weight-0 group that is not self: no estimate") {
        const SkillEstimate e = estimate({rating("a", "observer", "o1", 4), rating("a", "observer", "o2", 3)});
        CHECK_FALSE(e.estimate.has_value());
    }
    SUBCASE("self does not count when a weighted group rated") {
        // self 4 (w 0), mentor 1 (w 1): estimate 1; others 1.
        const SkillEstimate e = estimate({rating("a", "self", "me", 4), rating("a", "mentor", "t", 1)});
        REQUIRE(e.estimate.has_value());
        CHECK(*e.estimate == doctest::Approx(1));
        CHECK(e.n == 1);
        REQUIRE(e.others.has_value());
        CHECK(*e.others == doctest::Approx(1));
        CHECK(*e.self == doctest::Approx(4));
    }
}

TEST_CASE("the achieved level: the largest L with estimate >= L - 0.25, clamped to the top") {
    CHECK(achieved_level(2.75, 4) == 3);    // 2.75 >= 3 - 0.25
    CHECK(achieved_level(2.7499, 4) == 2);  // 2.7499 < 2.75
    CHECK(achieved_level(0.74, 4) == 0);    // 0.74 < 1 - 0.25
    CHECK(achieved_level(0.75, 4) == 1);
    CHECK(achieved_level(0.0, 4) == 0);
    CHECK(achieved_level(3.74, 4) == 3);
    CHECK(achieved_level(3.75, 4) == 4);    // 3.75 >= 4 - 0.25
    CHECK(achieved_level(4.0, 4) == 4);
    CHECK(achieved_level(4.9, 4) == 4);     // never above the top
    CHECK(achieved_level(2.0, 2) == 2);
    // Through an estimate: manager 3 (w 2), mentor 2 (w 1), peers 3, 3, 3 (w 1, shown):
    // (6 + 2 + 3) / 4 = 2.75 -> achieved 3.
    const SkillEstimate e = estimate({rating("a", "manager", "m", 3), rating("a", "mentor", "t", 2),
                                      rating("a", "peer", "p1", 3), rating("a", "peer", "p2", 3),
                                      rating("a", "peer", "p3", 3)});
    REQUIRE(e.estimate.has_value());
    CHECK(*e.estimate == doctest::Approx(2.75));
    CHECK(e.achieved == 3);
}

TEST_CASE("skill_estimates: the latest and the earliest assessment that gives an estimate") {
    // Document order: x (03-01), early (01-10), y (03-01, after x in the document), c0 (01-05),
    // obs (04-01: only an observer rates c), d1 and d2 (both 02-01).
    auto r = read(R"([
        {"id": "x", "date": "2027-03-01", "ratings": [{"skill": "a", "rater": "manager", "level": 3}]},
        {"id": "early", "date": "2027-01-10", "ratings": [{"skill": "a", "rater": "manager", "level": "beginner"}]},
        {"id": "y", "date": "2027-03-01", "ratings": [{"skill": "a", "rater": "manager", "level": 2}]},
        {"id": "c0", "date": "2027-01-05", "ratings": [{"skill": "c", "rater": "manager", "level": 2}]},
        {"id": "obs", "date": "2027-04-01", "ratings": [{"skill": "c", "rater": "observer", "level": 4}]},
        {"id": "d1", "date": "2027-02-01", "ratings": [{"skill": "d", "rater": "mentor", "level": 1}]},
        {"id": "d2", "date": "2027-02-01", "ratings": [{"skill": "d", "rater": "mentor", "level": 4}]}])");
    REQUIRE(r.has_value());
    const std::vector<Assessment> &as = r.value();
    REQUIRE(as.size() == 7);
    // date order, stable: c0, early, d1, d2, x, y, obs.
    std::vector<std::string> ids;
    for (const Assessment &a : as) ids.push_back(a.id);
    CHECK(ids == std::vector<std::string>{"c0", "early", "d1", "d2", "x", "y", "obs"});

    const auto latest = skill_estimates(cur(), as);
    const auto earliest = skill_estimates(cur(), as, true);
    REQUIRE(latest.size() == 4);
    REQUIRE(earliest.size() == 4);
    // a: latest is y (same date as x, later in the document): 2; earliest is early: 1.
    REQUIRE(latest[skill("a")].has_value());
    CHECK(*latest[skill("a")]->estimate == doctest::Approx(2));
    CHECK(latest[skill("a")]->date == day("2027-03-01"));
    REQUIRE(earliest[skill("a")].has_value());
    CHECK(*earliest[skill("a")]->estimate == doctest::Approx(1));
    CHECK(earliest[skill("a")]->date == day("2027-01-10"));
    // b: nobody rates it.
    CHECK_FALSE(latest[skill("b")].has_value());
    CHECK_FALSE(earliest[skill("b")].has_value());
    // c: obs gives no estimate (observer only, weight 0), so the latest is c0: 2.
    REQUIRE(latest[skill("c")].has_value());
    CHECK(*latest[skill("c")]->estimate == doctest::Approx(2));
    CHECK(latest[skill("c")]->date == day("2027-01-05"));
    // d: two of one date: d2 is the later (4), d1 the earlier (1).
    REQUIRE(latest[skill("d")].has_value());
    CHECK(*latest[skill("d")]->estimate == doctest::Approx(4));
    CHECK(latest[skill("d")]->achieved == 4);
    REQUIRE(earliest[skill("d")].has_value());
    CHECK(*earliest[skill("d")]->estimate == doctest::Approx(1));
}

TEST_CASE("read_assessments reads ratings by level name or index, unnamed raters apart") {
    // Two manager ratings without rater_id are two raters: mean(3, 1) = 2.
    auto r = read(R"([{"date": "2027-02-01", "ratings": [
        {"skill": "b", "rater": "manager", "level": "advanced"},
        {"skill": "b", "rater": "manager", "level": 1}]}])");
    REQUIRE(r.has_value());
    REQUIRE(r.value().size() == 1);
    const Assessment &a = r.value()[0];
    CHECK(a.id.empty());
    CHECK(a.date == day("2027-02-01"));
    REQUIRE(a.ratings.size() == 2);
    CHECK(a.ratings[0].level == 3);
    CHECK(a.ratings[1].level == 1);
    CHECK(a.ratings[0].rater != a.ratings[1].rater);
    const SkillEstimate e = estimate_skill(cur(), skill("b"), a.date, a.ratings);
    REQUIRE(e.estimate.has_value());
    CHECK(*e.estimate == doctest::Approx(2));
    CHECK(e.n == 2);
    // spread of 3 and 1: mean 2, deviations +-1: population sd 1.
    CHECK(e.spread == doctest::Approx(1));
    // An assessment dated as_of itself is fine.
    CHECK(read(R"([{"date": "2027-06-30", "ratings": [{"skill": "a", "rater": "self", "level": 1}]}])").has_value());
}

TEST_CASE("bad assessments: status and pointer") {
    // a rating of an unknown skill
    check_rejected(R"([{"date": "2027-02-01", "ratings": [
        {"skill": "a", "rater": "manager", "level": 1},
        {"skill": "juggling", "rater": "manager", "level": 1}]}])",
                   Status::reference, "/assessments/0/ratings/1/skill");
    // a level index off the 0-4 scale
    check_rejected(R"([{"date": "2027-02-01", "ratings": [
        {"skill": "a", "rater": "manager", "level": 7}]}])",
                   Status::schema, "/assessments/0/ratings/0/level");
    check_rejected(R"([{"date": "2027-02-01", "ratings": [
        {"skill": "a", "rater": "manager", "level": -1}]}])",
                   Status::schema, "/assessments/0/ratings/0/level");
    // a level name not on the scale
    check_rejected(R"([{"date": "2027-02-01", "ratings": [
        {"skill": "a", "rater": "manager", "level": 1},
        {"skill": "b", "rater": "mentor", "level": 2},
        {"skill": "c", "rater": "mentor", "level": "guru"}]}])",
                   Status::reference, "/assessments/0/ratings/2/level");
    // an undeclared rater group
    check_rejected(R"([{"date": "2027-02-01", "ratings": [
        {"skill": "a", "rater": "ceo", "level": 1}]}])",
                   Status::reference, "/assessments/0/ratings/0/rater");
    // one rater rating one skill twice in one assessment
    check_rejected(R"([{"date": "2027-02-01", "ratings": [
        {"skill": "a", "rater": "peer", "rater_id": "p1", "level": 2},
        {"skill": "b", "rater": "peer", "rater_id": "p1", "level": 2},
        {"skill": "a", "rater": "peer", "rater_id": "p2", "level": 2},
        {"skill": "a", "rater": "peer", "rater_id": "p1", "level": 3}]}])",
                   Status::schema, "/assessments/0/ratings/3");
    // an assessment dated after as_of (2027-06-30)
    check_rejected(R"([{"date": "2027-06-30", "ratings": [{"skill": "a", "rater": "manager", "level": 1}]},
                       {"date": "2027-07-01", "ratings": [{"skill": "a", "rater": "manager", "level": 1}]}])",
                   Status::schema, "/assessments/1/date");
    // ratings missing
    check_rejected(R"([{"date": "2027-02-01"}])", Status::schema, "/assessments/0/ratings");
    // the same rater in a second assessment is fine
    CHECK(read(R"([{"date": "2027-02-01", "ratings": [{"skill": "a", "rater": "peer", "rater_id": "p1", "level": 2}]},
                   {"date": "2027-03-01", "ratings": [{"skill": "a", "rater": "peer", "rater_id": "p1", "level": 3}]}])")
              .has_value());
}

TEST_CASE("skill_estimates: a self-only check-in never overrides weighted ratings") {
    // a: s0 (01-05, self 1), w (01-10, manager 2), s (02-01, self 4). Latest and earliest with a
    // weighted group: w, 2 both ways; the self-only check-ins do not count.
    // b: only self: s1 (01-10, self 1), s2 (02-01, self 3): the fallback, latest 3, earliest 1.
    auto r = read(R"([
        {"id": "s0", "date": "2027-01-05", "ratings": [{"skill": "a", "rater": "self", "level": 1}]},
        {"id": "w", "date": "2027-01-10", "ratings": [{"skill": "a", "rater": "manager", "level": 2},
                                                      {"skill": "b", "rater": "self", "level": 1}]},
        {"id": "s", "date": "2027-02-01", "ratings": [{"skill": "a", "rater": "self", "level": 4},
                                                      {"skill": "b", "rater": "self", "level": 3}]}])");
    REQUIRE(r.has_value());
    const auto latest = skill_estimates(cur(), r.value());
    const auto earliest = skill_estimates(cur(), r.value(), true);
    REQUIRE(latest[skill("a")].has_value());
    CHECK(*latest[skill("a")]->estimate == doctest::Approx(2));
    CHECK_FALSE(latest[skill("a")]->self_only);
    REQUIRE(earliest[skill("a")].has_value());
    CHECK(*earliest[skill("a")]->estimate == doctest::Approx(2));
    REQUIRE(latest[skill("b")].has_value());
    CHECK(*latest[skill("b")]->estimate == doctest::Approx(3));
    CHECK(latest[skill("b")]->self_only);
    REQUIRE(earliest[skill("b")].has_value());
    CHECK(*earliest[skill("b")]->estimate == doctest::Approx(1));
}
