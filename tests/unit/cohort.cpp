// careerpath/cohort.hpp: the ROI table of a 12-person cohort in 3 teams of 2 organizations, every
// figure and n worked by hand from docs/scoring.md "The cohort report", the privacy floors, the
// order of the rows, and the pointer of a bad person.
#include <careerpath/json.hpp>
#include <careerpath/cohort.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <string>
#include <vector>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

// Role solo requires a at expert (4), weight 1: readiness = min(estimate, 4) / 4, growth =
// (current - baseline) / baseline over a alone.
const Curriculum &cur() {
    static const Curriculum c = load_ok(R"({"id": "t",
        "levels": ["none", "beginner", "intermediate", "advanced", "expert"],
        "skills": [{"id": "a", "hours": 10}, {"id": "b", "hours": 10}],
        "roles": [{"id": "solo", "requires": {"a": "expert"}}],
        "metrics": [{"id": "readiness", "kind": "role_readiness"}],
        "raters": {"self": {"weight": 0}, "manager": {"weight": 2}, "mentor": {"weight": 1},
                   "peer": {"weight": 1, "min_count": 3}, "direct_report": {"weight": 1, "min_count": 3}}})");
    return c;
}

constexpr const char *early = "2026-01-05";  // 12 months passed by 2027-03-01 (2027-01-05)
constexpr const char *late = "2026-09-01";   // 12 months not yet passed (2027-09-01)

// One person, as_of 2027-03-01: a rated by the manager at the start (baseline) and on as_of
// (current). promoted_on "" for none; retained 1, 0 or -1 (not reported).
Json person(const char *id, const char *org, const char *team, const char *start, int baseline, int current,
            const char *promoted_on, int retained, const char *plan = nullptr) {
    Json p;
    p["learner"] = {{"id", id}, {"organization", org}, {"team", team}};
    p["target_role"] = "solo";
    p["start"] = start;
    p["target_date"] = std::string(start) == early ? "2027-01-04" : "2027-08-31";
    p["as_of"] = "2027-03-01";
    p["assessments"] = Json::array();
    p["assessments"].push_back({{"date", start}, {"ratings", {{{"skill", "a"}, {"rater", "manager"}, {"level", baseline}}}}});
    p["assessments"].push_back({{"date", "2027-03-01"}, {"ratings", {{{"skill", "a"}, {"rater", "manager"}, {"level", current}}}}});
    p["outcomes"] = Json::object();
    if (*promoted_on) p["outcomes"]["promoted_on"] = promoted_on;
    if (retained >= 0) p["outcomes"]["retained"] = retained == 1;
    if (plan) p["plan"] = {{"path", Json::parse(plan)}};
    return p;
}

// Per person (promotion within 12 months | retained | growth | readiness | on track):
//  N1 north/web  early, promoted 2026-06-01: 1 | 1 | (3-1)/1 = 2 | 3/4 | PV 0: on_track 1
//  N2 north/web  early, not promoted: 0     | 0 | (2-2)/2 = 0 | 2/4 | EV 8 (a@2) / PV 10 = 0.8 at_risk 0
//  N3 north/web  late, not promoted: -      | - | baseline 0: - | 2/4 | EV 0 / PV 20 off_track 0
//  N4 north/web  late, promoted 2027-02-01: 1 | 1 | (4-2)/2 = 1 | 4/4 | every unit: achieved 1
//  N5 north/web  early, promoted 2027-02-15, after 2027-01-05: 0 | 1 | 0 | 1/4 | -
//  D1 north/data early, promoted 2026-12-01: 1 | 1 | (3-2)/2 = 0.5 | 3/4 | EV 10 / PV 10 on_track 1
//  D2 north/data late, not promoted: -      | - | (2-1)/1 = 1 | 2/4 | -
//  S1 south/web  early, promoted 2026-03-01: 1 | 1 | (4-2)/2 = 1 | 4/4 | achieved 1
//  S2 south/web  early, not promoted: 0     | 1 | (2-1)/1 = 1 | 2/4 | -
//  S3 south/web  early, not promoted: 0     | 0 | 0 | 3/4 | -
//  S4 south/web  late, not promoted: -      | - | baseline 0: - | 1/4 | -
//  S5 south/web  late, not promoted: -      | 1 | (3-2)/2 = 0.5 | 3/4 | EV 5 / PV 5 on_track 1
// People listed out of order, so that the rows' order is the report's own.
Json cohort() {
    Json people = Json::array();
    people.push_back(person("S3", "south", "web", early, 3, 3, "", 0));
    people.push_back(person("N4", "north", "web", late, 2, 4, "2027-02-01", 1,
                            R"([{"unit": "a@expert", "hours": 10, "finish": "2027-01-01"}])"));
    people.push_back(person("D1", "north", "data", early, 2, 3, "2026-12-01", 1,
                            R"([{"unit": "a@advanced", "hours": 10, "finish": "2026-06-01"},
                                {"unit": "a@expert", "hours": 10, "finish": "2027-12-01"}])"));
    people.push_back(person("S1", "south", "web", early, 2, 4, "2026-03-01", 1,
                            R"([{"unit": "a@expert", "hours": 5, "finish": "2026-06-01"}])"));
    people.push_back(person("N1", "north", "web", early, 1, 3, "2026-06-01", 1,
                            R"([{"unit": "a@expert", "hours": 10, "finish": "2027-12-01"}])"));
    people.push_back(person("S5", "south", "web", late, 2, 3, "", 1,
                            R"([{"unit": "a@advanced", "hours": 5, "finish": "2026-10-01"},
                                {"unit": "a@expert", "hours": 5, "finish": "2027-06-01"}])"));
    people.push_back(person("N2", "north", "web", early, 2, 2, "", 0,
                            R"([{"unit": "a@intermediate", "hours": 8, "finish": "2026-03-01"},
                                {"unit": "a@advanced", "hours": 2, "finish": "2026-06-01"}])"));
    people.push_back(person("D2", "north", "data", late, 1, 2, "", -1));
    people.push_back(person("S2", "south", "web", early, 1, 2, "", 1));
    people.push_back(person("N3", "north", "web", late, 0, 2, "", -1,
                            R"([{"unit": "a@advanced", "hours": 10, "finish": "2026-12-01"},
                                {"unit": "a@expert", "hours": 10, "finish": "2027-02-01"}])"));
    people.push_back(person("S4", "south", "web", late, 0, 1, "", -1));
    people.push_back(person("N5", "north", "web", early, 1, 1, "2027-02-15", 1));
    return {{"min_group_size", 3}, {"people", people}};
}

CohortReport report_ok(const Json &request) {
    auto r = cohort_from_json(cur(), request.dump());
    if (!r) FAIL(status_name(r.error().status), " at ", r.error().pointer, ": ", r.error().message);
    return std::move(r).value();
}

void check_cell(const RoiCell &cell, std::size_t n, double value) {
    CHECK(cell.n == n);
    CHECK_FALSE(cell.suppressed);
    REQUIRE(cell.value.has_value());
    CHECK(*cell.value == doctest::Approx(value));
}

void check_suppressed(const RoiCell &cell, std::size_t n) {
    CHECK(cell.n == n);
    CHECK(cell.suppressed);
    CHECK_FALSE(cell.value.has_value());
}

}  // namespace

TEST_CASE("the row of all individuals") {
    const CohortReport report = report_ok(cohort());
    CHECK(report.min_group_size == 3);
    const RoiRow &all = report.individuals;
    CHECK(all.organization.empty());
    CHECK(all.team.empty());
    CHECK(all.people == 12);
    CHECK_FALSE(all.suppressed);
    // promotion known for N1 1, N2 0, N4 1, N5 0, D1 1, S1 1, S2 0, S3 0 (N3, D2, S4, S5: not
    // promoted, 12 months not passed): 4 / 8 = 0.5.
    check_cell(all.promotion_rate, 8, 0.5);
    // retention reported for N1 1, N2 0, N4 1, N5 1, D1 1, S1 1, S2 1, S3 0, S5 1: 7 / 9.
    check_cell(all.retention_rate, 9, 7.0 / 9.0);
    // growth, N3 and S4 null (baseline 0): 2 + 0 + 1 + 0 + 0.5 + 1 + 1 + 1 + 0 + 0.5 = 7; 7 / 10.
    check_cell(all.skill_growth, 10, 0.7);
    // readiness: (.75 + .5 + .5 + 1 + .25) + (.75 + .5) + (1 + .5 + .75 + .25 + .75) = 7.5; / 12.
    check_cell(all.readiness, 12, 0.625);
    // on track, of the 7 with a plan: N1 1, N2 0 (at_risk), N3 0 (off_track), N4 1 (achieved),
    // D1 1, S1 1 (achieved), S5 1: 5 / 7.
    check_cell(all.on_track, 7, 5.0 / 7.0);
}

TEST_CASE("organizations and teams: figures, floors and order") {
    const CohortReport report = report_ok(cohort());
    REQUIRE(report.organizations.size() == 2);
    const RoiRow &north = report.organizations[0];
    const RoiRow &south = report.organizations[1];
    CHECK(north.organization == "north");
    CHECK(north.team.empty());
    CHECK(south.organization == "south");
    // north, 7 people: N1-N5, D1, D2.
    CHECK(north.people == 7);
    CHECK_FALSE(north.suppressed);
    check_cell(north.promotion_rate, 5, 0.6);   // N1 1, N2 0, N4 1, N5 0, D1 1: 3/5
    check_cell(north.retention_rate, 5, 0.8);   // N1 1, N2 0, N4 1, N5 1, D1 1: 4/5
    check_cell(north.skill_growth, 6, 0.75);    // 2 + 0 + 1 + 0 + .5 + 1 = 4.5; /6
    check_cell(north.readiness, 7, 4.25 / 7.0); // 3.0 + 1.25 = 4.25; /7 = 0.607143
    check_cell(north.on_track, 5, 0.6);         // N1 1, N2 0, N3 0, N4 1, D1 1: 3/5
    // south, 5 people: S1-S5.
    CHECK(south.people == 5);
    CHECK_FALSE(south.suppressed);
    check_cell(south.promotion_rate, 3, 1.0 / 3.0);  // S1 1, S2 0, S3 0
    check_cell(south.retention_rate, 4, 0.75);       // S1 1, S2 1, S3 0, S5 1
    check_cell(south.skill_growth, 4, 0.625);        // 1 + 1 + 0 + .5 = 2.5; /4
    check_cell(south.readiness, 5, 0.65);            // 1 + .5 + .75 + .25 + .75 = 3.25; /5
    // A cell under the floor in a shown row: only S1 and S5 have a plan: n 2 < 3.
    check_suppressed(south.on_track, 2);

    // Teams by organization, then team; "web" of north and "web" of south are two rows.
    REQUIRE(report.teams.size() == 3);
    CHECK(report.teams[0].organization == "north");
    CHECK(report.teams[0].team == "data");
    CHECK(report.teams[1].organization == "north");
    CHECK(report.teams[1].team == "web");
    CHECK(report.teams[2].organization == "south");
    CHECK(report.teams[2].team == "web");

    // north/data, 2 people < 3: no figure at all, every n still given.
    const RoiRow &data = report.teams[0];
    CHECK(data.people == 2);
    CHECK(data.suppressed);
    check_suppressed(data.promotion_rate, 1);  // D1 (D2 unknown)
    check_suppressed(data.retention_rate, 1);  // D1 (D2 not reported)
    check_suppressed(data.skill_growth, 2);    // D1 .5, D2 1
    check_suppressed(data.readiness, 2);
    check_suppressed(data.on_track, 1);        // D1

    // north/web, 5 people: N1-N5.
    const RoiRow &nweb = report.teams[1];
    CHECK(nweb.people == 5);
    CHECK_FALSE(nweb.suppressed);
    check_cell(nweb.promotion_rate, 4, 0.5);   // N1 1, N2 0, N4 1, N5 0
    check_cell(nweb.retention_rate, 4, 0.75);  // N1 1, N2 0, N4 1, N5 1
    check_cell(nweb.skill_growth, 4, 0.75);    // 2 + 0 + 1 + 0 = 3; /4
    check_cell(nweb.readiness, 5, 0.6);        // .75 + .5 + .5 + 1 + .25 = 3; /5
    check_cell(nweb.on_track, 4, 0.5);         // N1 1, N2 0, N3 0, N4 1

    // south/web: the same people as south.
    const RoiRow &sweb = report.teams[2];
    CHECK(sweb.people == 5);
    CHECK_FALSE(sweb.suppressed);
    check_cell(sweb.promotion_rate, 3, 1.0 / 3.0);
    check_cell(sweb.retention_rate, 4, 0.75);
    check_cell(sweb.skill_growth, 4, 0.625);
    check_cell(sweb.readiness, 5, 0.65);
    check_suppressed(sweb.on_track, 2);
}

TEST_CASE("the default floor is 5") {
    Json request = cohort();
    request.erase("min_group_size");
    const CohortReport report = report_ok(request);
    CHECK(report.min_group_size == 5);
    // south: 5 people, shown; its promotion figure, known for 3 < 5, is not.
    CHECK_FALSE(report.organizations[1].suppressed);
    check_suppressed(report.organizations[1].promotion_rate, 3);
    check_cell(report.organizations[1].readiness, 5, 0.65);
    // north/web: 5 people, on track known for 4 < 5.
    check_suppressed(report.teams[1].on_track, 4);
}

TEST_CASE("a bad person fails the report with a pointer under /people/K") {
    Json request = cohort();
    request["people"][4]["assessments"][1]["ratings"][0]["rater"] = "ceo";
    auto r = cohort_from_json(cur(), request.dump());
    REQUIRE_FALSE(r.has_value());
    INFO("message: ", r.error().message);
    CHECK(r.error().status == Status::reference);
    CHECK(r.error().pointer == "/people/4/assessments/1/ratings/0/rater");

    request = cohort();
    request["people"][7]["assessments"][0]["date"] = "2027-03-02";  // after as_of
    r = cohort_from_json(cur(), request.dump());
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().status == Status::schema);
    CHECK(r.error().pointer == "/people/7/assessments/0/date");
}

TEST_CASE("promotion within 12 months: the anniversary counts; a promotion without its date stays unknown") {
    Json people = Json::array();
    // Started 2026-01-05; the anniversary is 2027-01-05.
    people.push_back(person("on_anniversary", "o", "t", early, 2, 3, "2027-01-05", 1));  // 1
    people.push_back(person("day_after", "o", "t", early, 2, 3, "2027-01-06", 1));       // 0
    Json undated = person("undated", "o", "t", early, 2, 3, "", 1);
    undated["outcomes"]["promoted"] = true;  // 12 months have passed, but when was it?
    people.push_back(undated);                                                          // unknown
    const CohortReport report = report_ok({{"min_group_size", 1}, {"people", people}});
    // (1 + 0) / 2: the undated promotion is not counted either way.
    check_cell(report.individuals.promotion_rate, 2, 0.5);
}
