// careerpath/scorecard.hpp: readiness, growth and gap closed, blind spots and hidden strengths,
// every metric kind's value, target and attainment, the composite, progress against a plan, and
// the status and JSON Pointer of each bad score request. Every expected number is worked by hand
// from docs/scoring.md in the comment beside it.
#include <careerpath/json.hpp>
#include <careerpath/scorecard.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <string>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

// Levels none 0 .. expert 4. Role lead (extends base): a 3 (w 2, from base), b 3 (w 1: base's 2
// raised to 3, weight inherited), c 4 (w 3); d is required by no role. Program p: 6 months.
const Curriculum &cur() {
    static const Curriculum c = load_ok(R"({"id": "t",
        "levels": ["none", "beginner", "intermediate", "advanced", "expert"],
        "skills": [{"id": "a", "hours": 10}, {"id": "b", "hours": 10}, {"id": "c", "hours": 10}, {"id": "d", "hours": 10}],
        "roles": [{"id": "base", "requires": {"a": "advanced", "b": 2}, "weights": {"a": 2}},
                  {"id": "lead", "extends": "base", "requires": {"b": 3, "c": "expert"}, "weights": {"c": 3}},
                  {"id": "empty"}],
        "metrics": [{"id": "readiness", "kind": "role_readiness", "target": 0.8, "weight": 2},
                    {"id": "growth", "kind": "skill_growth", "target": 0.5},
                    {"id": "timeline", "kind": "timeline"},
                    {"id": "sat", "kind": "survey", "scale": [1, 5], "target": 4},
                    {"id": "nps", "kind": "survey", "scale": [0, 10]},
                    {"id": "retained", "kind": "retained"},
                    {"id": "promoted", "kind": "promoted"},
                    {"id": "info", "kind": "role_readiness", "weight": 0}],
        "raters": {"self": {"weight": 0}, "manager": {"weight": 2}, "mentor": {"weight": 1},
                   "peer": {"weight": 1, "min_count": 3}, "direct_report": {"weight": 1, "min_count": 3}},
        "programs": [{"id": "p", "target_role": "lead", "months": 6,
                      "metrics": ["readiness", "growth", "timeline", "sat", "nps", "retained", "promoted", "info"]}]})");
    return c;
}

// Start 2027-01-04, 6 months: target date 2027-07-03 (the day before start plus 6 months);
// program days 2027-01-04 .. 2027-07-03 both included = 28 + 28 + 31 + 30 + 31 + 30 + 3 = 181.
//
// baseline (01-04): a manager 2 -> 2; b manager 1 (w 2), mentor 1 (w 1) -> 1.
// now (03-01):      a manager 4 -> 4; b manager 2 (w 2), mentor 1 (w 1) -> (4 + 1) / 3 = 5/3;
//                   d manager 4 -> 4.
// c: never rated: learner.current beginner = 1 as both baseline and current.
Json base() {
    return Json::parse(R"({
        "learner": {"id": "lee", "name": "Lee", "current": {"c": "beginner"}},
        "program": "p", "start": "2027-01-04", "as_of": "2027-06-04",
        "assessments": [
          {"id": "baseline", "date": "2027-01-04", "ratings": [
            {"skill": "a", "rater": "manager", "level": 2},
            {"skill": "b", "rater": "manager", "level": 1},
            {"skill": "b", "rater": "mentor", "level": "beginner"}]},
          {"id": "now", "date": "2027-03-01", "ratings": [
            {"skill": "a", "rater": "manager", "level": "expert"},
            {"skill": "b", "rater": "manager", "level": 2},
            {"skill": "b", "rater": "mentor", "level": 1},
            {"skill": "d", "rater": "manager", "level": 4}]}],
        "outcomes": {"promoted_on": "2027-06-03", "retained": true,
                     "survey": {"sat": [3, 2], "nps": [7, 8]}}})");
}

ScoredRequest score_ok(const Json &request) {
    auto r = score_from_json(cur(), request.dump());
    if (!r) FAIL(status_name(r.error().status), " at ", r.error().pointer, ": ", r.error().message);
    return std::move(r).value();
}

const SkillScore &skill_score(const Scorecard &card, const char *id) {
    const std::size_t s = *cur().find_skill(id);
    for (const SkillScore &k : card.skills)
        if (k.skill == s) return k;
    FAIL("no skill score for ", id);
    throw 0;
}

const MetricScore &metric(const Scorecard &card, const char *id) {
    const std::size_t m = *cur().find_metric(id);
    for (const MetricScore &k : card.metrics)
        if (k.metric == m) return k;
    FAIL("no metric score for ", id);
    throw 0;
}

void check_rejected(const Json &request, Status status, const std::string &pointer) {
    auto r = read_score_request(cur(), request);
    REQUIRE_FALSE(r.has_value());
    INFO("message: ", r.error().message);
    CHECK(std::string(status_name(r.error().status)) == status_name(status));
    CHECK(r.error().pointer == pointer);
    auto s = score_from_json(cur(), request.dump());
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().status == status);
    CHECK(s.error().pointer == pointer);
}

}  // namespace

TEST_CASE("the request: defaults from the program") {
    const ScoredRequest s = score_ok(base());
    CHECK(s.request.learner == "lee");
    CHECK(cur().roles()[s.request.target_role].id == "lead");
    CHECK(s.request.target_date.iso() == "2027-07-03");
    CHECK(s.request.as_of.iso() == "2027-06-04");
    CHECK(s.request.metrics.size() == 8);
    REQUIRE(s.request.assessments.size() == 2);
}

TEST_CASE("readiness: weights, min(estimate, target), unassessed skills at learner.current") {
    const Scorecard card = score_ok(base()).card;
    // a: min(4, 3) = 3 (w 2); b: min(5/3, 3) = 5/3 (w 1); c: min(1, 4) = 1 (w 3, unassessed).
    // (2*3 + 5/3 + 3*1) / (2*3 + 1*3 + 3*4) = (32/3) / 21 = 32/63 = 0.507937.
    CHECK(card.readiness == doctest::Approx(32.0 / 63.0));
    const SkillScore &a = skill_score(card, "a");
    CHECK(a.estimate == doctest::Approx(4));
    CHECK(a.baseline_estimate == doctest::Approx(2));
    CHECK(a.achieved == 4);
    REQUIRE(a.target.has_value());
    CHECK(*a.target == 3);
    CHECK(a.weight == doctest::Approx(2));
    const SkillScore &b = skill_score(card, "b");
    CHECK(b.estimate == doctest::Approx(5.0 / 3.0));
    CHECK(b.achieved == 1);  // 1.6667 < 1.75
    REQUIRE(b.target.has_value());
    CHECK(*b.target == 3);   // base's 2 raised to 3 by lead
    CHECK(b.weight == doctest::Approx(1));
    const SkillScore &c = skill_score(card, "c");
    CHECK_FALSE(c.latest.has_value());
    CHECK(c.estimate == doctest::Approx(1));
    CHECK(c.baseline_estimate == doctest::Approx(1));
    CHECK(c.achieved == 1);
    CHECK(*c.target == 4);
    CHECK(c.weight == doctest::Approx(3));
    const SkillScore &d = skill_score(card, "d");
    CHECK_FALSE(d.target.has_value());
    CHECK(d.weight == doctest::Approx(0));

    // The same estimates against base (a 3 w 2, b 2 w 1): (2*3 + min(5/3, 2)) / (6 + 2) = (23/3) / 8
    // = 23/24 = 0.958333.
    Json r = base();
    r["target_role"] = "base";
    CHECK(score_ok(r).card.readiness == doctest::Approx(23.0 / 24.0));
    // A role without requirements: 1.
    r["target_role"] = "empty";
    CHECK(score_ok(r).card.readiness == doctest::Approx(1));
    // Nothing assessed: a 0, b 0, c 1 (learner.current): (0 + 0 + 3*1) / 21 = 1/7.
    r = base();
    r.erase("assessments");
    CHECK(score_ok(r).card.readiness == doctest::Approx(1.0 / 7.0));
}

TEST_CASE("skill growth and gap closed") {
    SUBCASE("from the baseline") {
        const Scorecard card = score_ok(base()).card;
        // Over a, b, c: baseline 2, 1, 1: mean 4/3; current 4, 5/3, 1: mean (20/3)/3 = 20/9.
        // growth = (20/9 - 12/9) / (12/9) = 8/12 = 0.666667.
        CHECK(card.baseline_mean == doctest::Approx(4.0 / 3.0));
        CHECK(card.current_mean == doctest::Approx(20.0 / 9.0));
        REQUIRE(card.skill_growth.has_value());
        CHECK(*card.skill_growth == doctest::Approx(2.0 / 3.0));
        // gap closed: closed (min(4,3) - 2) + (5/3 - 1) + (1 - 1) = 1 + 2/3 = 5/3;
        // gap (3 - 2) + (3 - 1) + (4 - 1) = 6: 5/18 = 0.277778.
        REQUIRE(card.gap_closed.has_value());
        CHECK(*card.gap_closed == doctest::Approx(5.0 / 18.0));
    }
    SUBCASE("a zero baseline mean: growth null, gap closed still known") {
        Json r = base();
        r["learner"]["current"] = Json::object();
        // baseline: a, b, c all none (0); now: a 4, b 5/3, c unrated: its current level 0 too.
        r["assessments"][0]["ratings"] = Json::parse(R"([
            {"skill": "a", "rater": "manager", "level": 0}, {"skill": "b", "rater": "manager", "level": 0},
            {"skill": "c", "rater": "manager", "level": "none"}])");
        const Scorecard card = score_ok(r).card;
        CHECK(card.baseline_mean == doctest::Approx(0));
        CHECK_FALSE(card.skill_growth.has_value());
        // c: latest is the baseline assessment (the only one rating it): 0.
        // closed (3 - 0) + (5/3 - 0) + (0 - 0) = 14/3; gap 3 + 3 + 4 = 10: 14/30 = 0.466667.
        REQUIRE(card.gap_closed.has_value());
        CHECK(*card.gap_closed == doctest::Approx(14.0 / 30.0));
        // The growth metric is pending and stays out of the composite.
        CHECK_FALSE(metric(card, "growth").attainment.has_value());
        CHECK_FALSE(metric(card, "growth").value.has_value());
    }
    SUBCASE("no gap at the baseline: gap closed null") {
        Json r = base();
        r["assessments"] = Json::parse(R"([{"date": "2027-01-04", "ratings": [
            {"skill": "a", "rater": "manager", "level": 4}, {"skill": "b", "rater": "manager", "level": 3},
            {"skill": "c", "rater": "manager", "level": 4}]}])");
        const Scorecard card = score_ok(r).card;
        CHECK_FALSE(card.gap_closed.has_value());
        // current = baseline: (11/3 - 11/3) / (11/3) = 0.
        REQUIRE(card.skill_growth.has_value());
        CHECK(*card.skill_growth == doctest::Approx(0));
        CHECK(card.readiness == doctest::Approx(1));
    }
}

TEST_CASE("blind spots and hidden strengths") {
    Json r = base();
    r.erase("program");
    r["target_role"] = "lead";
    r["target_date"] = "2027-07-03";
    r["assessments"] = Json::parse(R"([{"date": "2027-02-01", "ratings": [
        {"skill": "a", "rater": "self", "level": 4}, {"skill": "a", "rater": "manager", "level": 3},
        {"skill": "b", "rater": "self", "level": 3}, {"skill": "b", "rater": "manager", "level": 2},
        {"skill": "b", "rater": "mentor", "level": 2},
        {"skill": "b", "rater": "peer", "rater_id": "p1", "level": 2}, {"skill": "b", "rater": "peer", "rater_id": "p2", "level": 2},
        {"skill": "b", "rater": "peer", "rater_id": "p3", "level": 3},
        {"skill": "c", "rater": "self", "level": 1}, {"skill": "c", "rater": "manager", "level": 2},
        {"skill": "c", "rater": "mentor", "level": 2},
        {"skill": "d", "rater": "self", "level": 2}, {"skill": "d", "rater": "manager", "level": 3},
        {"skill": "d", "rater": "mentor", "level": 3}]}])");
    const Scorecard card = score_ok(r).card;
    // a: self 4, others manager 3: 4 - 3 = 1.0 exactly: a blind spot.
    CHECK(skill_score(card, "a").flag == SkillScore::Flag::blind_spot);
    // b: self 3, others (2*2 + 2 + mean(2, 2, 3) = 7/3) / 4 = 25/12 = 2.0833: 0.9167 below one
    // level: none.
    CHECK(skill_score(card, "b").flag == SkillScore::Flag::none);
    REQUIRE(skill_score(card, "b").latest.has_value());
    CHECK(*skill_score(card, "b").latest->others == doctest::Approx(25.0 / 12.0));
    // c: self 1, others (2*2 + 2) / 3 = 2: -1.0 exactly: a hidden strength.
    CHECK(skill_score(card, "c").flag == SkillScore::Flag::hidden_strength);
    // d: self 2, others 3: -1: a hidden strength, on a skill the role does not require.
    CHECK(skill_score(card, "d").flag == SkillScore::Flag::hidden_strength);
    // One assessment: it is the baseline too, with the same flags.
    CHECK(skill_score(card, "a").baseline_flag == SkillScore::Flag::blind_spot);
    CHECK(skill_score(card, "b").baseline_flag == SkillScore::Flag::none);
    CHECK(skill_score(card, "c").baseline_flag == SkillScore::Flag::hidden_strength);
    // In base(), nobody rates themselves: no flags at either end.
    const Scorecard plain = score_ok(base()).card;
    CHECK(skill_score(plain, "a").flag == SkillScore::Flag::none);
    CHECK(skill_score(plain, "a").baseline_flag == SkillScore::Flag::none);
    CHECK(std::string(to_string(SkillScore::Flag::blind_spot)) == "blind_spot");
    CHECK(std::string(to_string(SkillScore::Flag::hidden_strength)) == "hidden_strength");
}

TEST_CASE("every metric kind and the composite") {
    const Scorecard card = score_ok(base()).card;
    REQUIRE(card.metrics.size() == 8);
    // readiness 32/63, target 0.8: min(1, (32/63) / 0.8) = 40/63 = 0.634921.
    const MetricScore &readiness = metric(card, "readiness");
    CHECK(*readiness.value == doctest::Approx(32.0 / 63.0));
    CHECK(*readiness.target == doctest::Approx(0.8));
    CHECK(*readiness.attainment == doctest::Approx(40.0 / 63.0));
    // growth 2/3, target 0.5: clamp(4/3, 0, 1) = 1.
    const MetricScore &growth = metric(card, "growth");
    CHECK(*growth.value == doctest::Approx(2.0 / 3.0));
    CHECK(*growth.target == doctest::Approx(0.5));
    CHECK(*growth.attainment == doctest::Approx(1));
    // timeline: promoted 2027-06-03, 30 days before the target date 2027-07-03: value 30,
    // target 0, attainment 1.
    const MetricScore &timeline = metric(card, "timeline");
    CHECK(*timeline.value == doctest::Approx(30));
    CHECK(*timeline.target == doctest::Approx(0));
    CHECK(*timeline.attainment == doctest::Approx(1));
    // sat: mean(3, 2) = 2.5 on [1, 5], target 4: (2.5 - 1) / (4 - 1) = 0.5; n 2.
    const MetricScore &sat = metric(card, "sat");
    CHECK(*sat.value == doctest::Approx(2.5));
    CHECK(*sat.target == doctest::Approx(4));
    CHECK(*sat.attainment == doctest::Approx(0.5));
    CHECK(sat.n == 2);
    // nps: mean(7, 8) = 7.5 on [0, 10], target the top 10: (7.5 - 0) / (10 - 0) = 0.75.
    const MetricScore &nps = metric(card, "nps");
    CHECK(*nps.value == doctest::Approx(7.5));
    CHECK(*nps.target == doctest::Approx(10));
    CHECK(*nps.attainment == doctest::Approx(0.75));
    // retained true: 1 of target 1; promoted (on 06-03, before as_of 06-04): 1.
    CHECK(*metric(card, "retained").value == doctest::Approx(1));
    CHECK(*metric(card, "retained").target == doctest::Approx(1));
    CHECK(*metric(card, "retained").attainment == doctest::Approx(1));
    CHECK(*metric(card, "promoted").value == doctest::Approx(1));
    CHECK(*metric(card, "promoted").attainment == doctest::Approx(1));
    // info: readiness with the default target 1: attainment 32/63; weight 0.
    CHECK(*metric(card, "info").target == doctest::Approx(1));
    CHECK(*metric(card, "info").attainment == doctest::Approx(32.0 / 63.0));
    // composite: (2 * 40/63 + 1 + 1 + 0.5 + 0.75 + 1 + 1) / (2 + 6) = (80/63 + 5.25) / 8
    // = 0.814980 (info, weight 0, is left out).
    REQUIRE(card.composite.has_value());
    CHECK(*card.composite == doctest::Approx((80.0 / 63.0 + 5.25) / 8.0));
}

TEST_CASE("the timeline and promotion metrics") {
    auto card_for = [](const Json &outcomes, const char *as_of) {
        Json r = base();
        r["outcomes"] = outcomes;
        r["as_of"] = as_of;
        return score_ok(r).card;
    };
    SUBCASE("on the target date") {
        const Scorecard card = card_for({{"promoted_on", "2027-07-03"}}, "2027-07-10");
        CHECK(*metric(card, "timeline").value == doctest::Approx(0));
        CHECK(*metric(card, "timeline").attainment == doctest::Approx(1));
        CHECK(*metric(card, "promoted").attainment == doctest::Approx(1));
    }
    SUBCASE("late") {
        // promoted 2027-08-02: 30 days after 2027-07-03: value -30; 1 - 30/181 = 0.834254.
        const Scorecard card = card_for({{"promoted_on", "2027-08-02"}}, "2027-09-01");
        CHECK(*metric(card, "timeline").value == doctest::Approx(-30));
        CHECK(*metric(card, "timeline").attainment == doctest::Approx(1.0 - 30.0 / 181.0));
        CHECK(*metric(card, "promoted").attainment == doctest::Approx(1));
    }
    SUBCASE("pending: not promoted, the target date ahead") {
        const Scorecard card = card_for(Json::object(), "2027-06-04");
        CHECK_FALSE(metric(card, "timeline").value.has_value());
        CHECK_FALSE(metric(card, "timeline").attainment.has_value());
        CHECK_FALSE(metric(card, "promoted").attainment.has_value());
        CHECK_FALSE(metric(card, "retained").attainment.has_value());  // retained not reported
        CHECK_FALSE(metric(card, "sat").attainment.has_value());       // no answers
        CHECK_FALSE(metric(card, "nps").attainment.has_value());
        // composite over readiness (w 2, 40/63) and growth (w 1, 1) only:
        // (80/63 + 1) / 3 = 0.756614.
        REQUIRE(card.composite.has_value());
        CHECK(*card.composite == doctest::Approx((80.0 / 63.0 + 1.0) / 3.0));
    }
    SUBCASE("a promotion after as_of does not count yet") {
        const Scorecard card = card_for({{"promoted_on", "2027-06-20"}}, "2027-06-04");
        CHECK_FALSE(metric(card, "timeline").attainment.has_value());
        CHECK_FALSE(metric(card, "promoted").attainment.has_value());
    }
    SUBCASE("overdue: not promoted, the target date passed") {
        // as_of 2027-08-02: 30 days late so far: value -30, 1 - 30/181; promotion 0.
        const Scorecard card = card_for(Json::object(), "2027-08-02");
        CHECK(*metric(card, "timeline").value == doctest::Approx(-30));
        CHECK(*metric(card, "timeline").attainment == doctest::Approx(1.0 - 30.0 / 181.0));
        CHECK(*metric(card, "promoted").value == doctest::Approx(0));
        CHECK(*metric(card, "promoted").attainment == doctest::Approx(0));
    }
    SUBCASE("far overdue: attainment floors at 0") {
        // as_of 2028-03-01: 242 days late > 181: max(0, 1 - 242/181) = 0.
        const Scorecard card = card_for(Json::object(), "2028-03-01");
        CHECK(*metric(card, "timeline").value == doctest::Approx(-242));
        CHECK(*metric(card, "timeline").attainment == doctest::Approx(0));
    }
    SUBCASE("explicit promoted false: 0 at once") {
        const Scorecard card = card_for({{"promoted", false}}, "2027-06-04");
        CHECK(*metric(card, "promoted").value == doctest::Approx(0));
        CHECK(*metric(card, "promoted").attainment == doctest::Approx(0));
    }
    SUBCASE("retained false") {
        const Scorecard card = card_for({{"retained", false}}, "2027-06-04");
        CHECK(*metric(card, "retained").value == doctest::Approx(0));
        CHECK(*metric(card, "retained").attainment == doctest::Approx(0));
    }
    SUBCASE("survey answers at the target and above it") {
        // sat mean(5, 4, 3) = 4 = target: (4 - 1) / 3 = 1; mean(5, 5) = 5: clamped to 1.
        Scorecard card = card_for({{"survey", {{"sat", {5, 4, 3}}}}}, "2027-06-04");
        CHECK(*metric(card, "sat").value == doctest::Approx(4));
        CHECK(*metric(card, "sat").attainment == doctest::Approx(1));
        CHECK(metric(card, "sat").n == 3);
        card = card_for({{"survey", {{"sat", {1, 1}}}}}, "2027-06-04");
        CHECK(*metric(card, "sat").attainment == doctest::Approx(0));  // (1 - 1) / 3
    }
}

TEST_CASE("the composite: null without an attainment of weight > 0") {
    Json r = base();
    r["metrics"] = {"info"};  // weight 0
    CHECK_FALSE(score_ok(r).card.composite.has_value());
    r["metrics"] = {"timeline", "info"};
    r["outcomes"] = Json::object();  // timeline pending
    CHECK_FALSE(score_ok(r).card.composite.has_value());
    // A negative growth clamps to 0: current a 2 -> baseline a 4: over a, b, c baseline 4, 1, 1
    // (mean 2), current 2, 5/3, 1 (mean 14/9): (14/9 - 2) / 2 = -2/9; attainment 0.
    r = base();
    r["metrics"] = {"growth"};
    r["assessments"][0]["ratings"][0]["level"] = 4;
    r["assessments"][1]["ratings"][0]["level"] = 2;
    const Scorecard card = score_ok(r).card;
    CHECK(*card.skill_growth == doctest::Approx(-2.0 / 9.0));
    CHECK(*metric(card, "growth").attainment == doctest::Approx(0));
    CHECK(*card.composite == doctest::Approx(0));
}

TEST_CASE("progress_status at its thresholds") {
    CHECK(progress_status(9, 10, false) == Progress::Status::on_track);      // 0.9 exactly
    CHECK(progress_status(8.99, 10, false) == Progress::Status::at_risk);    // 0.899
    CHECK(progress_status(7.5, 10, false) == Progress::Status::at_risk);     // 0.75 exactly
    CHECK(progress_status(7.49, 10, false) == Progress::Status::off_track);  // 0.749
    CHECK(progress_status(0, 10, false) == Progress::Status::off_track);
    CHECK(progress_status(12, 10, false) == Progress::Status::on_track);
    CHECK(progress_status(0, 0, false) == Progress::Status::on_track);       // nothing planned
    CHECK(progress_status(5, 0, false) == Progress::Status::on_track);
    CHECK(progress_status(10, 10, true) == Progress::Status::achieved);
    CHECK(progress_status(0, 10, true) == Progress::Status::achieved);       // every unit achieved
    CHECK(std::string(to_string(Progress::Status::on_track)) == "on_track");
    CHECK(std::string(to_string(Progress::Status::off_track)) == "off_track");
}

TEST_CASE("progress against a plan: EV and PV by hand") {
    // Achieved levels: a 4, b 1 (5/3 < 1.75), c 1 (learner.current), d 4. as_of 2027-06-04.
    Json r = base();
    r["plan"] = Json::parse(R"({"path": [
        {"unit": "a@advanced", "hours": 10, "finish": "2027-02-01"},
        {"unit": "c@beginner", "hours": 4, "finish": "2027-01-15"},
        {"unit": "b@intermediate", "hours": 8, "finish": "2027-03-15"},
        {"unit": "c@intermediate", "hours": 2, "finish": "2027-05-01"},
        {"unit": "d@intermediate", "hours": 6, "finish": "2027-07-01"},
        {"unit": "b@advanced", "hours": 12, "finish": "2027-07-01"}]})");
    const ScoredRequest s = score_ok(r);
    REQUIRE(s.request.plan.has_value());
    CHECK(s.request.plan->size() == 6);
    REQUIRE(s.card.progress.has_value());
    const Progress &p = *s.card.progress;
    // EV: a@3 (a 4) 10 + c@1 (c 1) 4 + d@2 (d 4, not due yet) 6 = 20.
    // PV: finished by 06-04: a@3 10 + c@1 4 + b@2 8 + c@2 2 = 24.
    // 20 / 24 = 0.8333: at_risk.
    CHECK(p.earned_hours == doctest::Approx(20));
    CHECK(p.planned_hours == doctest::Approx(24));
    REQUIRE(p.ratio.has_value());
    CHECK(*p.ratio == doctest::Approx(20.0 / 24.0));
    CHECK(p.status == Progress::Status::at_risk);

    // Every unit achieved: achieved, whatever the ratio. EV 10 + 5 = 15, PV 10.
    r["plan"] = Json::parse(R"({"path": [
        {"unit": "a@advanced", "hours": 10, "finish": "2027-02-01"},
        {"unit": "d@expert", "hours": 5, "finish": "2027-12-01"}]})");
    const Progress q = *score_ok(r).card.progress;
    CHECK(q.earned_hours == doctest::Approx(15));
    CHECK(q.planned_hours == doctest::Approx(10));
    CHECK(q.status == Progress::Status::achieved);

    // Nothing planned yet: no ratio, on track. EV 0 (b 1 < 3), PV 0.
    r["plan"] = Json::parse(R"({"path": [{"unit": "b@advanced", "hours": 10, "finish": "2027-12-01"}]})");
    const Progress n = *score_ok(r).card.progress;
    CHECK(n.planned_hours == doctest::Approx(0));
    CHECK_FALSE(n.ratio.has_value());
    CHECK(n.status == Progress::Status::on_track);

    // No plan: no progress.
    CHECK_FALSE(score_ok(base()).card.progress.has_value());
}

TEST_CASE("bad score requests: status and pointer") {
    Json r = base();
    r["program"] = "astronaut_training";
    check_rejected(r, Status::reference, "/program");

    r = base();
    r["target_role"] = "cto";
    check_rejected(r, Status::reference, "/target_role");

    r = base();
    r["metrics"] = {"readiness", "nope"};
    check_rejected(r, Status::reference, "/metrics/1");

    r = base();
    r["outcomes"]["survey"]["sat"] = {4, 6};  // off [1, 5]
    check_rejected(r, Status::schema, "/outcomes/survey/sat/1");

    r = base();
    r["outcomes"]["survey"]["sat"] = {0};
    check_rejected(r, Status::schema, "/outcomes/survey/sat/0");

    r = base();
    r["outcomes"]["survey"] = {{"retained", {1}}};  // not a survey
    check_rejected(r, Status::schema, "/outcomes/survey/retained");

    r = base();
    r["outcomes"]["survey"] = {{"x", {1}}};
    check_rejected(r, Status::reference, "/outcomes/survey/x");

    r = base();
    r["plan"] = Json::parse(R"({"path": [{"unit": "a", "hours": 1, "finish": "2027-02-01"}]})");
    check_rejected(r, Status::reference, "/plan/path/0/unit");

    r = base();
    r["plan"] = Json::parse(R"({"path": [{"unit": "a@beginner", "hours": 1, "finish": "2027-02-01"},
                                         {"unit": "zz@beginner", "hours": 1, "finish": "2027-02-01"}]})");
    check_rejected(r, Status::reference, "/plan/path/1/unit");

    r = base();
    r["plan"] = Json::parse(R"({"path": [{"unit": "a@guru", "hours": 1, "finish": "2027-02-01"}]})");
    check_rejected(r, Status::reference, "/plan/path/0/unit");

    r = base();
    r["assessments"][1]["date"] = "2027-06-05";  // after as_of 2027-06-04
    check_rejected(r, Status::schema, "/assessments/1/date");

    r = base();
    r["assessments"][0]["ratings"][2]["rater"] = "ceo";
    check_rejected(r, Status::reference, "/assessments/0/ratings/2/rater");
}

TEST_CASE("a score request's plan is read by the plan reader: what progress needs, worded as the exports word it") {
    // Only each unit's name, hours and finish: a path without starts (no chart could draw it)
    // still gives progress, and a null plan is none.
    Json r = base();
    r["plan"] = Json::parse(R"({"path": [{"unit": "a@advanced", "hours": 10, "finish": "2027-02-01", "start": 3}]})");
    CHECK(score_ok(r).card.progress.has_value());
    r["plan"] = nullptr;
    CHECK_FALSE(score_ok(r).card.progress.has_value());
    struct Case {
        const char *plan;
        const char *pointer;
        const char *message;
    };
    const Case cases[] = {
        {"[]", "/plan", "not a plan document: the document is not a JSON object"},
        {"{}", "/plan/path", "not a plan document: no \"path\" array"},
        {R"({"path": [{"unit": "a@advanced", "finish": "2027-02-01"}]})", "/plan/path/0/hours",
         "not a plan document: missing \"hours\""},
        {R"({"path": [{"unit": "a@advanced", "hours": -1, "finish": "2027-02-01"}]})", "/plan/path/0/hours",
         "hours must be at least 0, not -1"},  // the scorecard's wording before the shared reader
        {R"({"path": [{"unit": "a@advanced", "hours": 1, "finish": "2027-02-30"}]})", "/plan/path/0/finish",
         "not a plan document: \"finish\" \"2027-02-30\" is not a date"},
        {R"({"path": [{"unit": "", "hours": 1, "finish": "2027-02-01"}]})", "/plan/path/0/unit",
         "unit must not be empty"},
    };
    for (const Case &k : cases) {
        INFO(k.plan);
        r["plan"] = Json::parse(k.plan);
        check_rejected(r, Status::schema, k.pointer);
        CHECK(read_score_request(cur(), r).error().message == k.message);
    }
}

TEST_CASE("outcomes that contradict themselves are rejected") {
    Json r = base();
    r["outcomes"]["promoted_on"] = "2027-02-01";
    r["outcomes"]["promoted"] = false;
    check_rejected(r, Status::schema, "/outcomes/promoted");
}

TEST_CASE("whole months ahead at the end of the calendar: counted, never walked past 9999-12-31") {
    // promoted 9999-02-01, target 9999-12-31: plus 10 months is 9999-12-01, plus 11 would be
    // past the range (where plus_months saturates at 9999-12-31, which a walk would take for
    // "on or before the target" forever).
    Json r = base();
    r["start"] = "9999-01-01";
    r["target_date"] = "9999-12-31";
    r["as_of"] = "9999-12-31";
    for (Json &a : r["assessments"]) a["date"] = "9999-01-01";
    r["outcomes"]["promoted_on"] = "9999-02-01";
    const ScoredRequest s = score_ok(r);
    bool found = false;
    for (const MetricScore &m : s.card.metrics)
        if (cur().metrics()[m.metric].kind == Metric::Kind::timeline) {
            found = true;
            CHECK(m.value == doctest::Approx(333));  // 9999-12-31 - 9999-02-01
            CHECK(m.note.find("(10 whole months ahead)") != std::string::npos);
        }
    CHECK(found);
}
