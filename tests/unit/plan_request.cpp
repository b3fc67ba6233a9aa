// careerpath/plan_request.hpp: the mentor's busy intervals and the request's as_of — what is
// read, and the status and JSON Pointer of each bad value; each person's time zone, resolved once
// when read, and read the same way by session placement and by matching.
#include <careerpath/json.hpp>
#include <careerpath/match.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/plan_request.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

TEST_CASE("time zones are resolved when read: named, absent (UTC), unknown (an error)") {
    auto r = read_plan_request(small(), base());
    REQUIRE(r.has_value());
    CHECK(r.value().learner.zone.name() == "America/New_York");
    REQUIRE(r.value().mentor.has_value());
    CHECK(r.value().mentor->zone.name() == "Europe/Berlin");
    // 2027-01-05T15:00Z is 10:00 in New York and 16:00 in Berlin.
    CHECK(r.value().learner.zone.to_local(1'799'161'200).minute_of_day == 10 * 60);
    CHECK(r.value().mentor->zone.to_local(1'799'161'200).minute_of_day == 16 * 60);

    Json absent = base();
    absent["learner"].erase("time_zone");
    absent["mentor"].erase("time_zone");
    r = read_plan_request(small(), absent);
    REQUIRE(r.has_value());
    CHECK(r.value().learner.zone.name() == "UTC");
    CHECK(r.value().mentor->zone.name() == "UTC");
    CHECK(r.value().learner.zone.utc_offset_minutes_at_utc(1'799'161'200) == 0);
    // A request built in C++ starts in UTC too: TimeZone's default is the rule for "absent".
    CHECK(Learner{}.zone.name() == "UTC");
    CHECK(MatchMentee{}.zone.utc_offset_minutes_at_utc(1'799'161'200) == 0);

    Json unknown = base();
    unknown["learner"]["time_zone"] = "Mars/Olympus_Mons";
    check_rejected(unknown, Status::schema, "/learner/time_zone");
    unknown = base();
    unknown["learner"]["time_zone"] = "";
    check_rejected(unknown, Status::schema, "/learner/time_zone");
}

// Session placement (sessions.cpp) and matching's shared hours (pair_score.cpp) each turn a
// person's weekly wall times into instants. Both must read them in the zone the request model
// resolved, with the same rule for an absent zone, or a pair that matching says shares an hour
// could get no session. For each zone of the learner (and mentee), the mentor (in UTC) is
// available for exactly the hour that one candidate zone's reading of Tuesday 10:00 gives: the
// session is placed there exactly when matching counts that whole hour as shared.
TEST_CASE("one zone per person: session placement and matching read wall times alike") {
    const std::vector<std::optional<std::string>> zones = {
        std::nullopt, "UTC", "America/New_York", "EST5EDT,M3.2.0,M11.1.0", "Europe/Berlin",
        "Asia/Kolkata", "<+0545>-5:45", "Asia/Tokyo"};
    const Date tuesday = *Date::from_ymd(2027, 1, 5);
    auto zone_of = [](const std::optional<std::string> &name) {
        return name ? TimeZone::resolve(*name).value() : TimeZone();
    };
    auto clock = [](int minute) {  // "HH:MM", 00:00 to 24:00
        const int h = minute / 60, m = minute % 60;
        return std::string{char('0' + h / 10), char('0' + h % 10), ':', char('0' + m / 10), char('0' + m % 10)};
    };
    std::size_t placed = 0, not_placed = 0;
    for (const auto &person_zone : zones) {
        for (const auto &window_zone : zones) {
            CAPTURE(person_zone.value_or("(absent)"));
            CAPTURE(window_zone.value_or("(absent)"));
            // The mentor's hour: Tuesday 10:00-11:00 read in `window_zone`, written in UTC.
            const std::int64_t start = zone_of(window_zone).to_utc(tuesday, 10 * 60);
            const TimeZone::LocalTime utc = TimeZone().to_local(start);
            REQUIRE(utc.minute_of_day + 60 <= 24 * 60);  // the hour stays on one UTC day
            const Json mentor_window = {{"weekday", to_string(utc.day.weekday())},
                                        {"from", clock(utc.minute_of_day)},
                                        {"to", clock(utc.minute_of_day + 60)}};

            Json plan_request = {
                {"learner", {{"id", "lee"}, {"hours_per_week", 5},
                             {"session_slots", {{{"weekday", "tue"}, {"time", "10:00"}}}}}},
                {"program", "p"}, {"start", "2027-01-04"}, {"target_date", "2027-01-10"},
                {"mentor", {{"id", "mia"}, {"time_zone", "UTC"}, {"available", {mentor_window}}}}};
            Json mentee = {{"id", "lee"}, {"target_role", "r"},
                           {"available", {{{"weekday", "tue"}, {"from", "10:00"}, {"to", "11:00"}}}}};
            if (person_zone) {
                plan_request["learner"]["time_zone"] = *person_zone;
                mentee["time_zone"] = *person_zone;
            }
            const Json match_request = {
                {"week_of", "2027-01-04"}, {"min_shared_hours", 0},
                {"mentors", {{{"id", "mia"}, {"levels", {{"a", 1}}}, {"time_zone", "UTC"}, {"available", {mentor_window}}}}},
                {"mentees", {mentee}}};

            auto planned = plan_from_json(small(), plan_request.dump());
            if (!planned) FAIL(planned.error().pointer, ": ", planned.error().message);
            const auto &sessions = planned.value().plan.sessions;
            REQUIRE(sessions.size() == 1);  // one week: one weekly occurrence
            const bool session_placed = sessions[0].status == Session::Status::placed;

            auto matched = match_from_json(small(), match_request.dump());
            if (!matched) FAIL(matched.error().pointer, ": ", matched.error().message);
            const PairScore pair = PairScorer(small(), matched.value().request).explain(0, 0);
            REQUIRE(pair.shared_hours.has_value());
            const bool whole_hour_shared = *pair.shared_hours == 1.0;

            CHECK(session_placed == whole_hour_shared);
            if (session_placed) CHECK(sessions[0].start_utc == start);
            // Reading the learner's own zone always lines the two up.
            if (person_zone == window_zone) CHECK(session_placed);
            ++(session_placed ? placed : not_placed);
        }
    }
    // Zones with different offsets in January really give different hours, so the check above
    // compares something: both outcomes occur.
    CHECK(placed >= zones.size());
    CHECK(not_placed > 0);
}

TEST_CASE("did you mean: the nearest id or level of an unknown reference, or none") {
    static const Curriculum c = load_ok(R"({"id": "t", "levels": ["none", "beginner", "working_knowledge"],
        "skills": [{"id": "one_on_one_skills", "hours": 1}, {"id": "one_on_one_drills", "hours": 1},
                   {"id": "delegation", "hours": 1}],
        "roles": [{"id": "manager", "requires": {"delegation": 1}}, {"id": "managers", "requires": {"delegation": 1}}],
        "programs": [{"id": "transition", "target_role": "manager", "months": 1}],
        "prerequisites": [{"skill": "delegation", "requires": "one_on_one_skills", "requires_level": "beginner"}]})");
    auto message = [&](const Json &request) {
        auto r = read_plan_request(c, request);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().status == Status::reference);
        return r.error().message;
    };
    Json request = Json::parse(R"({"learner": {"id": "lee", "hours_per_week": 5}, "target_role": "manager",
                                   "start": "2027-01-04", "target_date": "2027-06-30"})");
    Json skill = request;
    skill["learner"]["current"] = {{"one_on_one_skill", 1}};
    // One edit from "one_on_one_skills", two from "one_on_one_drills": the nearer.
    CHECK(message(skill) == "unknown skill \"one_on_one_skill\": no skill has this id; did you mean \"one_on_one_skills\"?");
    Json upper = request;
    upper["learner"]["current"] = {{"DELEGATION", 1}};  // case is ignored
    CHECK(message(upper) == "unknown skill \"DELEGATION\": no skill has this id; did you mean \"delegation\"?");
    Json far = request;
    far["learner"]["current"] = {{"juggling", 1}};
    CHECK(message(far) == "unknown skill \"juggling\": no skill has this id");
    Json role = request;
    role["target_role"] = "managr";  // one edit from "manager", two from "managers"
    CHECK(message(role) == "unknown role \"managr\": no role has this id; did you mean \"manager\"?");
    Json tie = request;
    tie["target_role"] = "managerz";  // one edit from both: the one that sorts first
    CHECK(message(tie) == "unknown role \"managerz\": no role has this id; did you mean \"manager\"?");
    Json program = request;
    program["program"] = "Transitions";
    CHECK(message(program) == "unknown program \"Transitions\": no program has this id; did you mean \"transition\"?");
    Json level = request;
    level["learner"]["current"] = {{"delegation", "working-knowledge"}};
    CHECK(message(level) == "level \"working-knowledge\" is not on the level scale (none, beginner, working_knowledge); "
                            "did you mean \"working_knowledge\"?");
    Json no_level = request;
    no_level["learner"]["current"] = {{"delegation", "expert"}};
    CHECK(message(no_level) == "level \"expert\" is not on the level scale (none, beginner, working_knowledge)");
    // In the curriculum too: a prerequisite naming a skill nearly right.
    auto loaded = Curriculum::load(R"({"id": "t", "levels": ["none", "beginner"],
        "skills": [{"id": "communication", "hours": 1}, {"id": "architecture", "hours": 1}],
        "prerequisites": [{"skill": "architecture", "requires": "comunication"}]})");
    REQUIRE_FALSE(loaded.has_value());
    CHECK(loaded.error().message == "unknown skill \"comunication\": no skill has this id; did you mean \"communication\"?");
}
