// careerpath/plan_request.hpp: the mentor's busy intervals and the request's as_of — what is
// read, and the status and JSON Pointer of each bad value.
#include <careerpath/json.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/plan_request.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <string>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

const Curriculum &small() {
    static const Curriculum c = load_ok(R"({"id": "t", "levels": ["none", "beginner"], "skills": [{"id": "a", "hours": 1}],
        "roles": [{"id": "r", "requires": {"a": 1}}],
        "session_types": [{"id": "s", "minutes": 60, "every": {"weeks": 1}}],
        "programs": [{"id": "p", "target_role": "r", "months": 1, "sessions": ["s"]}]})");
    return c;
}

Json base() {
    return Json::parse(R"({
        "learner": {"id": "lee", "time_zone": "America/New_York", "hours_per_week": 5,
                    "session_slots": [{"weekday": "tue", "time": "10:00"}]},
        "program": "p", "start": "2027-01-04", "target_date": "2027-01-31",
        "as_of": "2027-01-03T09:00:00-05:00",
        "mentor": {"id": "mia", "time_zone": "Europe/Berlin",
                   "available": [{"weekday": "tue", "from": "09:00", "to": "18:00"}],
                   "busy": [{"start": "2027-01-05T16:00:00+01:00", "minutes": 60},
                            {"start": "2027-01-12T15:00:00Z", "end": "2027-01-12T12:30:00-05:00"}]}})");
}

void check_rejected(const Json &request, Status status, const std::string &pointer, const Limits &limits = {}) {
    auto r = read_plan_request(small(), request, limits);
    REQUIRE_FALSE(r.has_value());
    INFO("message: ", r.error().message);
    CHECK(std::string(status_name(r.error().status)) == status_name(status));
    CHECK(r.error().pointer == pointer);
    // plan_from_json reports the same.
    auto p = plan_from_json(small(), request.dump(), limits);
    REQUIRE_FALSE(p.has_value());
    CHECK(p.error().status == status);
    CHECK(p.error().pointer == pointer);
}

}  // namespace

TEST_CASE("busy intervals and as_of are read as instants") {
    auto r = read_plan_request(small(), base());
    REQUIRE(r.has_value());
    REQUIRE(r.value().mentor.has_value());
    const Mentor &m = *r.value().mentor;
    REQUIRE(m.busy.size() == 2);
    // 2027-01-05T15:00Z is 1799161200 (date -u -d 2027-01-05T15:00Z +%s).
    CHECK(m.busy[0].start_utc == 1'799'161'200);
    CHECK(m.busy[0].end_utc == 1'799'161'200 + 3600);
    CHECK(m.busy[1].start_utc == 1'799'161'200 + 7 * 86'400);
    CHECK(m.busy[1].end_utc == 1'799'161'200 + 7 * 86'400 + 2 * 3600 + 1800);
    REQUIRE(r.value().as_of.has_value());
    CHECK(*r.value().as_of == "2027-01-03T09:00:00-05:00");
}

TEST_CASE("bad busy intervals: status and pointer") {
    Json r = base();
    r["mentor"]["busy"][0]["start"] = "2027-01-05 16:00";
    check_rejected(r, Status::schema, "/mentor/busy/0/start");

    r = base();
    r["mentor"]["busy"][1]["start"] = "2027-02-30T10:00:00Z";
    check_rejected(r, Status::schema, "/mentor/busy/1/start");

    r = base();
    r["mentor"]["busy"][0]["start"] = "2027-01-05T16:00:00";
    check_rejected(r, Status::schema, "/mentor/busy/0/start");

    r = base();
    r["mentor"]["busy"][0]["start"] = 1799161200;
    check_rejected(r, Status::schema, "/mentor/busy/0/start");

    r = base();
    r["mentor"]["busy"][0].erase("start");
    check_rejected(r, Status::schema, "/mentor/busy/0/start");

    r = base();
    r["mentor"]["busy"][0]["end"] = "2027-01-05T18:00:00+01:00";  // and minutes
    check_rejected(r, Status::schema, "/mentor/busy/0");

    r = base();
    r["mentor"]["busy"][0].erase("minutes");  // neither
    check_rejected(r, Status::schema, "/mentor/busy/0");

    r = base();
    r["mentor"]["busy"][1]["end"] = "2027-01-12T09:59:00-05:00";  // a minute before the start
    check_rejected(r, Status::schema, "/mentor/busy/1/end");

    r = base();
    r["mentor"]["busy"][1]["end"] = "2027-01-12T16:00:00+01:00";  // the start itself: empty
    check_rejected(r, Status::schema, "/mentor/busy/1/end");

    r = base();
    r["mentor"]["busy"][1]["end"] = "2027-01-12T17:00";
    check_rejected(r, Status::schema, "/mentor/busy/1/end");

    r = base();
    r["mentor"]["busy"][0]["minutes"] = 0;
    check_rejected(r, Status::schema, "/mentor/busy/0/minutes");

    r = base();
    r["mentor"]["busy"][0] = "2027-01-05T16:00:00+01:00";
    check_rejected(r, Status::schema, "/mentor/busy/0");

    r = base();
    r["mentor"]["busy"] = {{"start", "2027-01-05T16:00:00+01:00"}};
    check_rejected(r, Status::schema, "/mentor/busy");
}

TEST_CASE("bad as_of: status and pointer") {
    for (const char *bad : {"2027-01-03", "2027-01-03T09:00:00", "2027-02-30T09:00:00Z", "yesterday"}) {
        CAPTURE(bad);
        Json r = base();
        r["as_of"] = bad;
        check_rejected(r, Status::schema, "/as_of");
    }
    Json r = base();
    r["as_of"] = 20270103;
    check_rejected(r, Status::schema, "/as_of");
}

TEST_CASE("more busy intervals than max_busy is a limit") {
    Limits limits;
    limits.max_busy = 2;
    CHECK(read_plan_request(small(), base(), limits).has_value());
    Json r = base();
    r["mentor"]["busy"].push_back({{"start", "2027-01-19T16:00:00+01:00"}, {"minutes", 30}});
    check_rejected(r, Status::limit, "/mentor/busy", limits);
}

TEST_CASE("assessments in a plan request: the latest achieved level replaces learner.current") {
    // manager weight 2, mentor 1, self 0; levels none 0 .. expert 4.
    static const Curriculum c = load_ok(R"({"id": "t",
        "levels": ["none", "beginner", "intermediate", "advanced", "expert"],
        "skills": [{"id": "a", "hours": 4}, {"id": "b", "hours": 4}, {"id": "c", "hours": 4}],
        "roles": [{"id": "r", "requires": {"a": "expert", "b": 3, "c": 2}}],
        "raters": {"self": {"weight": 0}, "manager": {"weight": 2}, "mentor": {"weight": 1}}})");
    Json request = Json::parse(R"({
        "learner": {"id": "lee", "hours_per_week": 5, "current": {"a": "beginner", "b": "intermediate"}},
        "target_role": "r", "start": "2027-02-01", "target_date": "2027-12-31",
        "as_of": "2027-02-01T09:00:00-05:00",
        "assessments": [
          {"id": "late", "date": "2027-01-20", "ratings": [
            {"skill": "a", "rater": "manager", "level": 2}, {"skill": "a", "rater": "mentor", "level": 3}]},
          {"id": "early", "date": "2027-01-10", "ratings": [
            {"skill": "a", "rater": "manager", "level": 3}, {"skill": "c", "rater": "manager", "level": "expert"}]},
          {"id": "today", "date": "2027-02-01", "ratings": [
            {"skill": "c", "rater": "self", "level": 1}, {"skill": "c", "rater": "manager", "level": 3}]}]})");
    auto r = read_plan_request(c, request);
    if (!r) FAIL(status_name(r.error().status), " at ", r.error().pointer, ": ", r.error().message);
    const PlanRequest &p = r.value();
    REQUIRE(p.assessments.size() == 3);
    CHECK(p.assessments[0].id == "early");
    CHECK(p.assessments[2].id == "today");
    // a: latest is "late": manager 2 (w 2), mentor 3 (w 1): (4 + 3) / 3 = 2.3333; achieved 2
    // (2.3333 >= 1.75, < 2.75), not "early"'s 3 nor learner.current's 1.
    CHECK(p.learner.current[*c.find_skill("a")] == 2);
    // b: never assessed: learner.current 2.
    CHECK(p.learner.current[*c.find_skill("b")] == 2);
    // c: latest is "today" (the day of as_of): manager 3 (self has weight 0): 3, not "early"'s 4.
    CHECK(p.learner.current[*c.find_skill("c")] == 3);

    // An assessment after the day of as_of is a schema error at its date.
    request["assessments"][1]["date"] = "2027-02-02";
    r = read_plan_request(c, request);
    REQUIRE_FALSE(r.has_value());
    INFO("message: ", r.error().message);
    CHECK(r.error().status == Status::schema);
    CHECK(r.error().pointer == "/assessments/1/date");
    auto planned = plan_from_json(c, request.dump());
    REQUIRE_FALSE(planned.has_value());
    CHECK(planned.error().pointer == "/assessments/1/date");
}
