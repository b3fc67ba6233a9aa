// careerpath/plan.hpp and plan_request.hpp: plans for the example learners, their properties,
// determinism, and the status and pointer of each bad request; at the end of the calendar
// (9999-12-31) plans that reach it, and errors that name a field the request has.
#include <careerpath/json.hpp>
#include <careerpath/export.hpp>
#include <careerpath/plan.hpp>

#include "example_data.hpp"

#include <doctest/doctest.h>

#include "grouped_warnings.hpp"
#include "support.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>

using namespace careerpath;

namespace {

using careerpath_test::check_warnings_grouped;

using careerpath_test::example;
using careerpath_test::read_text;

Json alex() { return Json::parse(read_text("alex.request.json")); }
Json maria() { return Json::parse(read_text("maria.request.json")); }

PlannedRequest plan_ok_in(const Curriculum &c, const Json &request) {
    auto r = plan_from_json(c, request.dump());
    if (!r) FAIL(status_name(r.error().status), " at ", r.error().pointer, ": ", r.error().message);
    return std::move(r).value();
}

PlannedRequest plan_ok(const Json &request) { return plan_ok_in(example(), request); }

void check_rejected(const Json &request, Status status, const std::string &pointer, const std::string &mention) {
    auto r = plan_from_json(example(), request.dump());
    REQUIRE_FALSE(r.has_value());
    INFO("message: ", r.error().message);
    CHECK(std::string(status_name(r.error().status)) == status_name(status));
    CHECK(r.error().pointer == pointer);
    CHECK(r.error().message.find(mention) != std::string::npos);
}

// What every plan must satisfy, whatever the request.
void check_plan_properties(const PlannedRequest &planned) {
    const Curriculum &c = example();
    const Plan &plan = planned.plan;
    const PlanRequest &request = planned.request;
    const Calendar calendar(CalendarSpec{request.start, request.learner.hours_per_week, request.learner.workdays,
                                         request.holidays, request.learner.time_off},
                            request.start.plus_months(12 * 50));
    std::map<UnitIndex, const PlannedUnit *> by_unit;
    double hours = 0;
    for (const PlannedUnit &pu : plan.path) {
        by_unit[pu.unit] = &pu;
        hours += pu.hours;
    }
    CHECK(plan.path.size() == plan.gap.units.size());
    CHECK(hours == doctest::Approx(plan.summary.hours));
    CHECK(plan.summary.units == plan.path.size());
    for (const PlannedUnit &pu : plan.path) {
        CAPTURE(c.unit_name(c.graph().unit(pu.unit)));
        // Release dates and working days.
        CHECK(pu.start >= pu.release);
        CHECK(pu.start_hour >= pu.release_hour - 1e-9);
        CHECK(pu.start <= pu.finish);
        CHECK(pu.finish_hour - pu.start_hour >= pu.hours - 1e-9);
        if (pu.hours > 0) {
            CHECK(calendar.is_working_day(pu.start));
            CHECK(calendar.is_working_day(pu.finish));
        }
        CHECK(pu.lateness_hours == doctest::Approx(pu.finish_hour - pu.due_hour));
        CHECK(pu.late_days == std::max(0, pu.finish.days_since(pu.due)));
        // Precedence: everything it requires that is in the path is finished first.
        for (UnitIndex p : c.graph().prerequisites_of(pu.unit)) {
            if (!by_unit.count(p)) continue;
            CHECK(by_unit[p]->finish_hour <= pu.start_hour + 1e-9);
            CHECK(by_unit[p]->finish <= pu.start);
        }
    }
    // The path is listed in the order worked on.
    for (std::size_t i = 1; i < plan.path.size(); ++i) CHECK(plan.path[i - 1].start_hour <= plan.path[i].start_hour + 1e-9);
    // Never idle while work is ready: the finish meets its lower bound.
    CHECK(plan.summary.finish == plan.summary.lower_bound_finish);
    CHECK(plan.summary.target_met == (plan.summary.finish <= request.target_date));
    check_warnings_grouped(c, request, plan);
}

}  // namespace

TEST_CASE("Alex's and Maria's plans hold every property of a plan") {
    const PlannedRequest a = plan_ok(alex());
    CHECK(a.plan.summary.units > 0);
    check_plan_properties(a);
    const PlannedRequest m = plan_ok(maria());
    check_plan_properties(m);
    // Maria's request leaves out target_role and target_date: the program's role, and the day
    // before the start plus 9 months.
    CHECK(example().roles()[m.request.target_role].id == "engineering_manager");
    CHECK(m.request.target_date.iso() == "2027-10-31");
}

TEST_CASE("the same request twice gives identical bytes") {
    for (const Json &request : {alex(), maria()}) {
        const PlannedRequest one = plan_ok(request);
        const PlannedRequest two = plan_ok(request);
        CHECK(plan_to_json(example(), one.request, one.plan).dump() == plan_to_json(example(), two.request, two.plan).dump());
        CHECK(plan_to_text(example(), one.request, one.plan) == plan_to_text(example(), two.request, two.plan));
    }
}

TEST_CASE("varied learners: fewer hours, other workdays, more time off, no program") {
    std::mt19937 rng(7);
    for (int i = 0; i < 60; ++i) {
        Json request = (i % 2) ? alex() : maria();
        request["learner"]["hours_per_week"] = 1 + static_cast<int>(rng() % 12);
        if (rng() % 3 == 0) request["learner"]["workdays"] = {"tue", "sat"};
        if (rng() % 3 == 0) request["learner"]["time_off"].push_back({{"from", "2027-03-01"}, {"to", "2027-04-15"}});
        if (rng() % 4 == 0) {
            request.erase("program");
            request["target_role"] = "staff_engineer";
            request["target_date"] = "2027-12-31";
        }
        const PlannedRequest planned = plan_ok(request);
        check_plan_properties(planned);
        // Missing the target is always explained.
        bool warned = false;
        for (const auto &w : planned.plan.warnings) warned = warned || w.code == "target_missed";
        CHECK(warned == !planned.plan.summary.target_met);
    }
}

TEST_CASE("bad requests: status and pointer") {
    Json r = alex();
    r["program"] = "astronaut_training";
    check_rejected(r, Status::reference, "/program", "astronaut_training");

    r = alex();
    r["target_role"] = "cto";
    check_rejected(r, Status::reference, "/target_role", "cto");

    r = alex();
    r["learner"]["current"]["juggling"] = "expert";
    check_rejected(r, Status::reference, "/learner/current/juggling", "juggling");

    r = alex();
    r["learner"]["current"]["architectural_patterns"] = 9;
    check_rejected(r, Status::schema, "/learner/current/architectural_patterns", "off the level scale");

    r = alex();
    r["learner"]["current"]["architectural_patterns"] = "wizard";
    check_rejected(r, Status::reference, "/learner/current/architectural_patterns", "wizard");

    r = alex();
    r["start"] = "2027-02-30";
    check_rejected(r, Status::schema, "/start", "2027-02-30");

    r = alex();
    r["target_date"] = "2026-12-31";
    check_rejected(r, Status::schema, "/target_date", "before the start");

    r = alex();
    r["learner"]["hours_per_week"] = 0;
    check_rejected(r, Status::infeasible, "/learner/hours_per_week", "hours_per_week is 0");

    r = alex();
    r["learner"]["workdays"] = Json::array();
    check_rejected(r, Status::infeasible, "/learner/workdays", "no workdays");

    r = alex();
    r["learner"]["time_off"] = {{{"from", "2027-01-01"}, {"to", "2099-12-31"}}};
    check_rejected(r, Status::infeasible, "/learner/time_off", "time off");

    r = alex();
    r["target_date"] = "2090-01-01";
    check_rejected(r, Status::limit, "/target_date", "max_plan_years");

    r = alex();
    r["learner"]["hours_per_week"] = 0.0001;  // 114 hours at 0.0001 an hour a week: far past the horizon
    check_rejected(r, Status::limit, "/learner/hours_per_week", "max_plan_years");

    r = alex();
    r["holidays"].push_back({{"month", 5}, {"weekday", "mon"}, {"nth", 6}});
    check_rejected(r, Status::schema, "/holidays/9/nth", "nth");

    r = alex();
    r["learner"]["session_slots"][0]["time"] = "25:00";
    check_rejected(r, Status::schema, "/learner/session_slots/0/time", "25:00");

    r = alex();
    r["learner"]["time_zone"] = "Mars/Olympus_Mons";
    check_rejected(r, Status::schema, "/learner/time_zone", "Mars/Olympus_Mons");

    r = alex();
    r["mentor"]["time_zone"] = "../../etc/passwd";
    check_rejected(r, Status::schema, "/mentor/time_zone", "time zone");

    r = alex();
    r["learner"]["time_zone"] = "EST5EDT,M3.2.0,M11.1.0";  // a POSIX TZ string is a zone too
    CHECK(plan_from_json(example(), r.dump()).has_value());

    r = alex();
    r.erase("learner");
    check_rejected(r, Status::schema, "/learner", "learner");
}

TEST_CASE("warnings name the binding constraint: an overrun phase, a prerequisite in a later phase, a missed target") {
    // Two phases of one month each. "early" needs 12 hours in a month of 2 hours a week, and
    // b (phase one) requires c, which phase two releases.
    const Curriculum c = Curriculum::load(R"({"id": "w", "levels": ["none", "beginner"],
        "skills": [{"id": "a", "hours": 12}, {"id": "b", "hours": 1}, {"id": "c", "hours": 1}],
        "prerequisites": [{"skill": "b", "requires": "c"}],
        "roles": [{"id": "r", "requires": {"a": 1, "b": 1, "c": 1}}],
        "programs": [{"id": "p", "target_role": "r", "months": 2,
                      "phases": [{"id": "early", "months": [1, 1], "focus": ["a", "b"]},
                                 {"id": "late", "months": [2, 2], "focus": ["c"]}]}]})")
                             .value();
    const Json request = {{"learner", {{"id", "l"}, {"hours_per_week", 2}}}, {"program", "p"}, {"start", "2027-03-01"}};
    auto planned = plan_from_json(c, request.dump());
    REQUIRE(planned.has_value());
    const Plan &plan = planned.value().plan;
    std::map<std::string, const PlanWarning *> by_code;
    for (const PlanWarning &w : plan.warnings) by_code[w.code] = &w;

    REQUIRE(by_code.count("phase_overrun") == 1);
    const PlanWarning &overrun = *by_code["phase_overrun"];
    INFO(overrun.message);
    // March 2027 has 23 working days at 0.4 hours: 9.2 hours. b (1 hour, due with the phase but
    // after c) cannot start before April, so "early" finishes when b does.
    CHECK(overrun.message.find("\"early\"") != std::string::npos);
    CHECK(overrun.dates.front().iso() == "2027-03-31");
    CHECK(overrun.constraint.find("2027-03-01 to 2027-03-31") != std::string::npos);

    REQUIRE(by_code.count("released_late") == 1);
    const PlanWarning &late = *by_code["released_late"];
    CHECK(late.message.find("b@beginner") != std::string::npos);
    CHECK(late.message.find("c@beginner") != std::string::npos);
    CHECK(late.message.find("2027-04-01") != std::string::npos);

    // 14 hours at 2 a week need 7 weeks: the target (2027-04-30) is met; at 1 a week it is not.
    CHECK(plan.summary.target_met);
    CHECK(by_code.count("target_missed") == 0);
    Json slower = request;
    slower["learner"]["hours_per_week"] = 1;
    auto missed = plan_from_json(c, slower.dump());
    REQUIRE(missed.has_value());
    CHECK_FALSE(missed.value().plan.summary.target_met);
    bool warned = false;
    for (const PlanWarning &w : missed.value().plan.warnings)
        warned = warned || (w.code == "target_missed" && w.message.find(missed.value().plan.summary.finish.iso()) != std::string::npos);
    CHECK(warned);
}

namespace {

std::vector<std::string> unit_names(const Curriculum &c, const std::vector<UnitIndex> &units) {
    std::vector<std::string> out;
    for (UnitIndex u : units) out.push_back(c.unit_name(c.graph().unit(u)));
    return out;
}

std::set<std::string> unit_set(const Curriculum &c, const std::vector<UnitIndex> &units) {
    const auto names = unit_names(c, units);
    return {names.begin(), names.end()};
}

}  // namespace

TEST_CASE("warnings are grouped by cause: one per pair of phases, each unit once, counted") {
    // Phase one (March) holds a, b and c; two (April) d and e; three (May) f. b requires d, c
    // requires d, e and f, a requires f: five prerequisites in later phases, which gave five
    // warnings. Grouped: one for (one, two), waiting b and c, and one for (one, three), waiting
    // a and c, so that c counts once in each, however many of two's units it waits for.
    const Curriculum c = careerpath_test::load_ok(R"({"id": "g", "levels": ["none", "beginner"],
        "skills": [{"id": "a", "hours": 1}, {"id": "b", "hours": 1}, {"id": "c", "hours": 1},
                   {"id": "d", "hours": 1}, {"id": "e", "hours": 1}, {"id": "f", "hours": 1}],
        "prerequisites": [{"skill": "b", "requires": "d"}, {"skill": "c", "requires": "d"}, {"skill": "c", "requires": "e"},
                          {"skill": "a", "requires": "f"}, {"skill": "c", "requires": "f"}],
        "roles": [{"id": "r", "requires": {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 1}}],
        "programs": [{"id": "p", "target_role": "r", "months": 3,
                      "phases": [{"id": "one", "months": [1, 1], "focus": ["a", "b", "c"]},
                                 {"id": "two", "months": [2, 2], "focus": ["d", "e"]},
                                 {"id": "three", "months": [3, 3], "focus": ["f"]}]}]})");
    const Json request = {{"learner", {{"id", "l"}, {"hours_per_week", 5}}}, {"program", "p"}, {"start", "2027-03-01"}};
    const PlannedRequest planned = plan_ok_in(c, request);
    const Plan &plan = planned.plan;
    const auto counted = check_warnings_grouped(c, planned.request, plan);
    CHECK(counted.prerequisite_edges == 5);
    CHECK(counted.of("released_late") == 4);
    CHECK(counted.of("phase_overrun") == 3);  // a, b and c all wait past March
    CHECK(counted.of("target_missed") == 0);

    // By code, then by first date (both released_late ones start with phase one's 2027-03-01),
    // then by the phases' ids: "three" before "two".
    REQUIRE(plan.warnings.size() == 3);
    const PlanWarning &overrun = plan.warnings[0], &three = plan.warnings[1], &two = plan.warnings[2];
    CHECK(overrun.code == "phase_overrun");
    CHECK(overrun.phases == std::vector<std::size_t>{0});
    CHECK(overrun.count == 3);
    CHECK(unit_set(c, overrun.units) == std::set<std::string>{"a@beginner", "b@beginner", "c@beginner"});
    CHECK(overrun.message.find("with 3 of its 3 units late: ") != std::string::npos);

    CHECK(three.code == "released_late");
    CHECK(three.phases == std::vector<std::size_t>{0, 2});
    CHECK(three.count == 2);
    CHECK(unit_set(c, three.units) == std::set<std::string>{"a@beginner", "c@beginner"});
    CHECK(three.dates == std::vector<Date>{*Date::from_ymd(2027, 3, 1), *Date::from_ymd(2027, 5, 1)});
    CHECK(three.constraint == "prerequisites in the later phase \"three\", released 2027-05-01");
    CHECK(three.message.find("2 units of phase \"one\" wait for 1 prerequisite (f@beginner) that phase \"three\" "
                             "releases on 2027-05-01, so they cannot start before then: ") == 0);

    CHECK(two.code == "released_late");
    CHECK(two.phases == std::vector<std::size_t>{0, 1});
    CHECK(two.count == 2);
    CHECK(unit_set(c, two.units) == std::set<std::string>{"b@beginner", "c@beginner"});
    CHECK(two.message.find("2 units of phase \"one\" wait for 2 prerequisites (") == 0);
    CHECK(two.message.find("d@beginner") != std::string::npos);
    CHECK(two.message.find("e@beginner") != std::string::npos);

    // The document lists the units by name, the phases by id, and no sessions.
    const Json json = plan_to_json(c, planned.request, plan);
    const Json &w = json["warnings"][2];
    CHECK(w["count"] == 2);
    CHECK(w["phases"] == Json::array({"one", "two"}));
    CHECK(w["sessions"] == Json::array());
    CHECK(w["units"].size() == 2);
    // The report gives each warning one line.
    const std::string text = plan_to_text(c, planned.request, plan);
    const std::string warnings = text.substr(text.find("\nWarnings\n"), text.find("\nSummary\n") - text.find("\nWarnings\n"));
    CHECK(std::count(warnings.begin(), warnings.end(), '\n') == 1 + 3 + 1);
}

TEST_CASE("a long list of waiting units is named in part and counted") {
    // Twelve skills in phase one each require z, which phase two releases.
    std::string skills, prerequisites, focus, requires_;
    for (int i = 0; i < 12; ++i) {
        const std::string id = "s" + std::to_string(10 + i);
        skills += R"({"id": ")" + id + R"(", "hours": 1}, )";
        prerequisites += std::string(i ? ", " : "") + R"({"skill": ")" + id + R"(", "requires": "z"})";
        focus += std::string(i ? ", " : "") + "\"" + id + "\"";
        requires_ += "\"" + id + "\": 1, ";
    }
    const Curriculum c = careerpath_test::load_ok(R"({"id": "g", "levels": ["none", "beginner"], "skills": [)" + skills +
        R"({"id": "z", "hours": 1}], "prerequisites": [)" + prerequisites + R"(], "roles": [{"id": "r", "requires": {)" +
        requires_ + R"("z": 1}}], "programs": [{"id": "p", "target_role": "r", "months": 2, "phases": [{"id": "one", "months": [1, 1], "focus": [)" +
        focus + R"(]}, {"id": "two", "months": [2, 2], "focus": ["z"]}]}]})");
    const Json request = {{"learner", {{"id", "l"}, {"hours_per_week", 10}}}, {"program", "p"}, {"start", "2027-03-01"}};
    const PlannedRequest planned = plan_ok_in(c, request);
    const auto counted = check_warnings_grouped(c, planned.request, planned.plan);
    CHECK(counted.prerequisite_edges == 12);
    CHECK(counted.of("released_late") == 12);
    std::size_t late = 0;
    for (const PlanWarning &w : planned.plan.warnings) {
        if (w.code != "released_late") continue;
        ++late;
        CHECK(w.units.size() == 12);
        // Three named, in the order worked on, and the other nine counted.
        const auto names = unit_names(c, w.units);
        CHECK(w.message == "12 units of phase \"one\" wait for 1 prerequisite (z@beginner) that phase \"two\" releases on "
                           "2027-04-01, so they cannot start before then: " +
                               names[0] + ", " + names[1] + ", " + names[2] + " and 9 more");
    }
    CHECK(late == 1);
}

TEST_CASE("on random programs each late unit is in exactly one warning of its cause") {
    // Random skills, prerequisites (a skill requires lower-numbered ones only: acyclic), phases
    // that may overlap, few hours a week and slots the mentor rarely shares: released_late,
    // phase_overrun, target_missed and session_dropped warnings, checked against the items
    // recomputed from the plan.
    std::mt19937 rng(20271501);
    std::map<std::string, std::size_t> items, grouped_away;
    std::size_t edges = 0, plans = 0;
    const char *weekdays[] = {"mon", "tue", "wed", "thu", "fri"};
    for (int instance = 0; instance < 150; ++instance) {
        const int skills = 4 + static_cast<int>(rng() % 12);
        const int phases = 2 + static_cast<int>(rng() % 3);
        Json doc = {{"id", "r"}, {"levels", {"none", "l1", "l2"}}, {"skills", Json::array()},
                    {"prerequisites", Json::array()}, {"roles", Json::array()}, {"programs", Json::array()},
                    {"session_types", {{{"id", "coaching"}, {"minutes", 60}, {"every", {{"weeks", 1}}}},
                                       {{"id", "review"}, {"minutes", 60}, {"every", {{"weeks", 2}}}}}}};
        Json role = Json::object();
        std::vector<std::vector<std::string>> focus(phases);
        for (int s = 0; s < skills; ++s) {
            const std::string id = "s" + std::to_string(10 + s);
            doc["skills"].push_back({{"id", id}, {"hours", 1 + rng() % 6}});
            if (rng() % 3) role[id] = 1 + rng() % 2;
            if (rng() % 5) focus[rng() % phases].push_back(id);
            for (int k = 0; k < 2; ++k) {
                if (s == 0) break;
                const int on = static_cast<int>(rng() % s);
                doc["prerequisites"].push_back({{"skill", id}, {"level", 1 + rng() % 2},
                                                {"requires", "s" + std::to_string(10 + on)}, {"requires_level", 1 + rng() % 2}});
            }
        }
        if (role.empty()) role["s10"] = 1;
        doc["roles"].push_back({{"id", "role"}, {"requires", role}});
        Json program = {{"id", "p"}, {"target_role", "role"}, {"months", 2 * phases}, {"phases", Json::array()},
                        {"sessions", {"coaching", "review"}}};
        for (int p = 0; p < phases; ++p) {
            const int first = 1 + 2 * p - static_cast<int>(p > 0 && rng() % 3 == 0);  // some overlap the one before
            program["phases"].push_back({{"id", "ph" + std::to_string(phases - p)}, {"months", {first, 2 * p + 2}},
                                         {"focus", focus[p]}});
        }
        doc["programs"].push_back(program);
        const Curriculum c = careerpath_test::load_ok(doc.dump());
        Json request = {{"learner", {{"id", "l"}, {"hours_per_week", 1 + rng() % 4}, {"time_zone", "UTC"},
                                     {"session_slots", {{{"weekday", weekdays[rng() % 5]}, {"time", "10:00"}},
                                                        {{"weekday", weekdays[rng() % 5]}, {"time", "14:00"}}}}}},
                        {"program", "p"}, {"start", "2027-01-04"},
                        {"mentor", {{"id", "m"}, {"time_zone", "UTC"},
                                    {"available", {{{"weekday", weekdays[rng() % 5]}, {"from", "09:00"}, {"to", "17:00"}}}}}},
                        {"holidays", {{{"month", 2}, {"weekday", weekdays[rng() % 5]}, {"nth", 2}}}}};
        if (rng() % 8 == 0) request["learner"]["session_slots"] = Json::array();
        const auto planned = plan_from_json(c, request.dump());
        REQUIRE_MESSAGE(planned.has_value(), planned.error().message);
        ++plans;
        CAPTURE(doc.dump());
        CAPTURE(request.dump());
        const auto counted = check_warnings_grouped(c, planned.value().request, planned.value().plan);
        edges += counted.prerequisite_edges;
        for (const auto &[code, n] : counted.items) items[code] += n;
        std::map<std::string, std::size_t> warnings;
        for (const PlanWarning &w : planned.value().plan.warnings) ++warnings[w.code];
        for (const auto &[code, n] : warnings) grouped_away[code] += counted.of(code) - n;
    }
    MESSAGE(plans << " random plans: " << items["released_late"] << " waiting units (" << edges
                  << " prerequisites in later phases), " << items["phase_overrun"] << " late in their phase, "
                  << items["target_missed"] << " late for the target, " << items["session_dropped"]
                  << " sessions dropped, " << items["no_session_slots"] << " with no slot");
    // Not vacuous: every kind of warning stood for several items somewhere.
    for (const char *code : {"released_late", "phase_overrun", "target_missed", "session_dropped", "no_session_slots"}) {
        CAPTURE(code);
        CHECK(grouped_away[code] > 0);
    }
    CHECK(edges > items["released_late"]);
}

TEST_CASE("a gap's target is the role's level; reaches is where prerequisites take the path") {
    // The role needs a@beginner and b@beginner, but b@beginner requires a@intermediate: a is
    // required at beginner and reached at intermediate. The practice interview, whose agenda is
    // the role's required units, covers a@beginner, not the prerequisite's a@intermediate.
    const Curriculum c = careerpath_test::load_ok(R"({"id": "g", "levels": ["none", "beginner", "intermediate"],
        "skills": [{"id": "a", "hours": 1}, {"id": "b", "hours": 1}, {"id": "x", "hours": 1}],
        "prerequisites": [{"skill": "b", "level": "beginner", "requires": "a", "requires_level": "intermediate"},
                          {"skill": "a", "level": "beginner", "requires": "x", "requires_level": "beginner"}],
        "roles": [{"id": "r", "requires": {"a": "beginner", "b": "beginner"}}],
        "session_types": [{"id": "practice", "minutes": 60, "as_needed": {"weeks_before_target": 4, "count": 1}}],
        "programs": [{"id": "p", "target_role": "r", "months": 3, "sessions": ["practice"]}]})");
    const Json request = {{"learner", {{"id", "l"}, {"hours_per_week", 5}, {"time_zone", "UTC"},
                                       {"session_slots", {{{"weekday", "tue"}, {"time", "10:00"}}}}}},
                          {"program", "p"}, {"start", "2027-03-01"}};
    const PlannedRequest planned = plan_ok_in(c, request);
    const Plan &plan = planned.plan;
    REQUIRE(plan.gap.gaps.size() == 3);
    const SkillGap &a = plan.gap.gaps[0], &b = plan.gap.gaps[1], &x = plan.gap.gaps[2];
    CHECK(a.required);
    CHECK(a.target == 1);
    CHECK(a.reaches == 2);
    CHECK(b.target == 1);
    CHECK(b.reaches == 1);
    CHECK_FALSE(x.required);  // only a prerequisite: no role level, so target is what the path reaches
    CHECK(x.target == 1);
    CHECK(x.reaches == 1);

    const Json json = plan_to_json(c, planned.request, plan);
    CHECK(json["gaps"][0]["target"] == "beginner");
    CHECK(json["gaps"][0]["reaches"] == "intermediate");
    CHECK(json["gaps"][1]["reaches"] == "beginner");
    CHECK(json["gaps"][2]["target"] == "beginner");
    CHECK(json["gaps"][2]["reaches"] == "beginner");
    const std::string text = plan_to_text(c, planned.request, plan);
    CHECK(text.find("reaches intermediate for prerequisites") != std::string::npos);
    CHECK(text.find("reaches beginner") == std::string::npos);

    REQUIRE(plan.sessions.size() == 1);
    REQUIRE(plan.sessions[0].status != Session::Status::dropped);
    CHECK(unit_set(c, plan.sessions[0].agenda) == std::set<std::string>{"a@beginner", "b@beginner"});
}

// --- The end of the calendar -------------------------------------------------------------------

namespace {

// Alex's request moved to `start`, with no time off and, where `target` is empty, no target date
// (the program's length gives it).
Json alex_at(const char *start, const char *target) {
    Json r = alex();
    r["start"] = start;
    r["learner"].erase("time_off");
    if (*target) r["target_date"] = target;
    else r.erase("target_date");
    return r;
}

// The exact status, message and pointer, and the pointer names a field the request has.
void check_error(const Json &request, Status status, const std::string &pointer, const std::string &message) {
    auto r = plan_from_json(example(), request.dump());
    REQUIRE_FALSE(r.has_value());
    CHECK(std::string(status_name(r.error().status)) == status_name(status));
    CHECK(r.error().message == message);
    CHECK(r.error().pointer == pointer);
    CHECK_MESSAGE(request.contains(Json::json_pointer(r.error().pointer)), "no field at " << r.error().pointer);
}

}  // namespace

TEST_CASE("the end of the calendar: plans up to 9999-12-31, errors that name a field the request has") {
    const std::string calendar_end = ": the plan would run past 9999-12-31, the end of the calendar careerpath supports";

    SUBCASE("a target date on the last day is within the horizon") {
        const PlannedRequest planned = plan_ok(alex_at("9999-01-04", "9999-12-31"));
        check_plan_properties(planned);
        CHECK(planned.request.target_date.iso() == "9999-12-31");
        CHECK(planned.plan.summary.target_met);
        // Its sessions run to the last day; the export writes the role's milestone on it.
        const Json document = plan_to_json(example(), planned.request, planned.plan);
        CHECK(document["milestones"].back()["due"] == "9999-12-31");
        auto ical = export_ical(document);
        REQUIRE_MESSAGE(ical, (ical ? "" : ical.error().message));
        CHECK(ical.value().find("DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n") != std::string::npos);
    }
    SUBCASE("a program that ends exactly on 9999-12-31 keeps its last day") {
        Json r = alex_at("9999-04-01", "");
        r["program"] = "management_transition";  // 9 months
        const PlannedRequest planned = plan_ok(r);
        check_plan_properties(planned);
        CHECK(planned.request.target_date.iso() == "9999-12-31");
        REQUIRE(!planned.plan.phases.empty());
        CHECK(planned.plan.phases.back().last.iso() == "9999-12-31");
    }
    SUBCASE("a program that would end after it: at the start, whatever the target date") {
        Json r = alex_at("9999-06-01", "");
        r["program"] = "management_transition";
        const std::string message = "program \"management_transition\" runs 9 months: from the start 9999-06-01 it "
                                    "would run past 9999-12-31, the end of the calendar careerpath supports; start it "
                                    "on 9999-04-01 or earlier";
        check_error(r, Status::limit, "/start", message);
        r["target_date"] = "9999-12-31";
        check_error(r, Status::limit, "/start", message);
        check_error(alex_at("9999-12-01", ""), Status::limit, "/start",
                    "program \"technical_leadership\" runs 6 months: from the start 9999-12-01 it would run past "
                    "9999-12-31, the end of the calendar careerpath supports; start it on 9999-07-01 or earlier");
        check_error(alex_at("9999-07-02", ""), Status::limit, "/start",
                    "program \"technical_leadership\" runs 6 months: from the start 9999-07-02 it would run past "
                    "9999-12-31, the end of the calendar careerpath supports; start it on 9999-07-01 or earlier");
        CHECK(plan_from_json(example(), alex_at("9999-07-01", "").dump()).has_value());
    }
    SUBCASE("too few hours before 9999-12-31: at the start, not max_plan_years") {
        Json r = alex_at("9999-01-04", "");
        r["learner"]["time_off"] = {{{"from", "9999-02-01"}, {"to", "9999-12-31"}}};
        check_error(r, Status::limit, "/start",
                    "the path needs 114 hours, but the calendar holds 22.8 hours from 9999-01-04 to 9999-12-31" +
                        calendar_end + "; start earlier");
        Json no_program = alex_at("9999-12-25", "9999-12-31");
        no_program.erase("program");
        check_error(no_program, Status::limit, "/start",
                    "the path needs 114 hours, but the calendar holds 6 hours from 9999-12-25 to 9999-12-31" +
                        calendar_end + "; start earlier");
    }
    SUBCASE("no workday left before 9999-12-31, or holidays or time off closing the rest") {
        Json r = alex_at("9999-12-31", "9999-12-31");  // a Friday
        r.erase("program");
        r["learner"]["workdays"] = {"mon", "tue", "wed", "thu"};
        check_error(r, Status::limit, "/start",
                    "there is no workday from 9999-12-31 to 9999-12-31" + calendar_end + "; start earlier");

        r = alex_at("9999-12-27", "9999-12-31");  // Monday to Friday
        r.erase("program");
        r["holidays"] = {"9999-12-27", "9999-12-28", "9999-12-29", "9999-12-30", {{"month", 12}, {"day", 31}}};
        check_error(r, Status::infeasible, "/holidays",
                    "holidays close every working day from 9999-12-27 to 9999-12-31, the end of the calendar "
                    "careerpath supports: there is no time to learn in");
        r["holidays"] = {"9999-12-27", "9999-12-28"};
        r["learner"]["time_off"] = {{{"from", "9999-12-29"}, {"to", "9999-12-31"}}};
        check_error(r, Status::infeasible, "/learner/time_off",
                    "holidays and time off close every working day from 9999-12-27 to 9999-12-31, the end of the "
                    "calendar careerpath supports: there is no time to learn in");
        r["learner"]["time_off"] = {{{"from", "9999-12-27"}, {"to", "9999-12-31"}}};
        check_error(r, Status::infeasible, "/learner/time_off",
                    "time off closes every working day from 9999-12-27 to 9999-12-31, the end of the calendar "
                    "careerpath supports: there is no time to learn in");
    }
    SUBCASE("the hours fit, but not after the last phase's release") {
        Json r = alex_at("9999-01-04", "9999-12-31");
        r["learner"]["hours_per_week"] = 12;
        r["learner"]["time_off"] = {{{"from", "9999-05-01"}, {"to", "9999-12-31"}}};
        check_error(r, Status::limit, "/start",
                    "the path's work, waiting for the release dates of its phases, does not fit from 9999-01-04 to "
                    "9999-12-31" + calendar_end + "; start earlier");
        // Far from 9999 the same shape meets max_plan_years instead.
        r = alex_at("2027-01-04", "2027-07-03");
        r["learner"]["hours_per_week"] = 12;
        r["learner"]["time_off"] = {{{"from", "2027-05-01"}, {"to", "2099-12-31"}}};
        check_error(r, Status::limit, "/learner/hours_per_week",
                    "the path's work, waiting for the release dates of its phases, does not fit from 2027-01-04 to "
                    "2077-01-03: the plan would run past 2077-01-03, the end of the planning horizon "
                    "(max_plan_years: 50)");
    }
    SUBCASE("max_plan_years still applies where it comes first") {
        check_error(alex_at("9949-01-01", "9999-12-31"), Status::limit, "/target_date",
                    "target_date 9999-12-31 is not within 50 years of the start 9949-01-01 (max_plan_years)");
        CHECK(plan_from_json(example(), alex_at("9950-01-01", "9999-12-31").dump()).has_value());
    }
    SUBCASE("an as_of after 9999-12-31 in UTC") {
        Json r = alex_at("9999-06-01", "9999-12-31");
        r["as_of"] = "9999-12-31T23:00:00-12:00";
        check_error(r, Status::schema, "/as_of",
                    "as_of \"9999-12-31T23:00:00-12:00\" falls after 9999-12-31 in UTC, outside the calendar "
                    "careerpath supports");
        r["as_of"] = "9999-12-31T23:00:00+01:00";
        CHECK(plan_from_json(example(), r.dump()).has_value());
    }
    SUBCASE("a session slot whose time leaves the calendar in UTC or in the mentor's zone is closed") {
        for (const char *zones : {"UTC-LA", "mentor-Kiritimati"}) {
            CAPTURE(zones);
            Json r = alex_at("9999-06-01", "9999-12-31");
            r["learner"]["session_slots"] = {{{"weekday", "fri"}, {"time", "20:00"}}};
            r["mentor"]["busy"] = Json::array();
            r["mentor"]["available"] = {{{"weekday", "fri"}, {"from", "00:00"}, {"to", "24:00"}},
                                        {{"weekday", "sat"}, {"from", "00:00"}, {"to", "24:00"}}};
            std::string where;
            if (std::string(zones) == "UTC-LA") {
                r["learner"]["time_zone"] = "America/Los_Angeles";  // Friday 20:00 there is Saturday 04:00 UTC
                r["mentor"]["time_zone"] = "UTC";
                where = "in UTC";
            } else {
                r["learner"]["time_zone"] = "UTC";
                r["mentor"]["time_zone"] = "Pacific/Kiritimati";  // UTC+14: Saturday 10:00 there
                where = "in Pacific/Kiritimati";
            }
            const PlannedRequest planned = plan_ok(r);
            const Date last = *Date::from_ymd(9999, 12, 31);
            std::size_t closed = 0;
            for (const Session &s : planned.plan.sessions) {
                if (s.status != Session::Status::dropped) CHECK(s.day < last);
                for (const ClosedSlot &slot : s.why) {
                    if (slot.closure != SlotClosure::outside_calendar) continue;
                    ++closed;
                    CHECK(slot.day == last);
                    CHECK(slot.detail == where + " it would end after 9999-12-31, the last day careerpath supports");
                }
            }
            CHECK(closed > 0);
            // Every placed session's UTC start can be written, and the plan exports.
            const Json document = plan_to_json(example(), planned.request, planned.plan);
            CHECK(document.dump().find("10000-") == std::string::npos);
            CHECK(export_ical(document).has_value());
        }
    }
    SUBCASE("and at its first day: 08:00 on 1400-01-01 in Tokyo (local mean time, +09:18:59) is 1399 in UTC") {
        Json r = alex_at("1400-01-01", "");
        r["holidays"] = Json::array();
        r["learner"]["time_zone"] = "Asia/Tokyo";
        r["learner"]["session_slots"] = {{{"weekday", "wed"}, {"time", "08:00"}}, {{"weekday", "thu"}, {"time", "08:00"}}};
        r.erase("mentor");
        const PlannedRequest planned = plan_ok(r);
        REQUIRE(!planned.plan.sessions.empty());
        const Session &first = planned.plan.sessions.front();
        CHECK(first.status == Session::Status::moved);
        REQUIRE(!first.why.empty());
        CHECK(first.why[0].day.iso() == "1400-01-01");
        CHECK(first.why[0].closure == SlotClosure::outside_calendar);
        CHECK(first.why[0].detail == "in UTC it would start before 1400-01-01, the first day careerpath supports");
        CHECK(export_ical(plan_to_json(example(), planned.request, planned.plan)).has_value());
    }
}

TEST_CASE("a request may leave parts of the plan out: they are absent, and the rest is unchanged") {
    for (const Json &base : {alex(), maria()}) {
        const PlannedRequest full = plan_ok(base);
        const Json whole = plan_to_json(example(), full.request, full.plan);
        REQUIRE(whole.contains("sessions"));
        REQUIRE_FALSE(whole["sessions"].empty());

        // Each part alone, then all of them: the document is the whole one without those members.
        const std::vector<std::vector<std::string>> omissions = {
            {"gaps"},     {"path.requires"},   {"phases.units"}, {"ready"},
            {"sessions"}, {"sessions.agenda"}, {"sessions.why"}, {"warnings"},
            {"gaps", "path.requires", "phases.units", "ready", "sessions.agenda", "sessions.why", "warnings"}};
        for (const auto &omit : omissions) {
            Json request = base;
            request["omit"] = omit;
            const PlannedRequest partial = plan_ok(request);
            const Json got = plan_to_json(example(), partial.request, partial.plan);
            Json expected = whole;
            for (const std::string &part : omit) {
                if (part == "path.requires")
                    for (Json &unit : expected["path"]) unit.erase("requires");
                else if (part == "phases.units")
                    for (Json &phase : expected["phases"]) phase.erase("units");
                else if (part == "sessions.agenda")
                    for (Json &s : expected["sessions"]) {
                        s.erase("agenda");
                        s.erase("metrics");
                        s.erase("milestones");
                    }
                else if (part == "sessions.why")
                    for (Json &s : expected["sessions"]) {
                        s.erase("why");
                        s.erase("why_more");
                    }
                else
                    expected.erase(part);
            }
            if (std::find(omit.begin(), omit.end(), "sessions") != omit.end()) {
                // Sessions not placed: their warnings go with them, and nothing else changes.
                Json kept = Json::array();
                for (const Json &w : whole["warnings"])
                    if (w["code"].get<std::string>().rfind("session", 0) != 0) kept.push_back(w);
                expected["warnings"] = kept;
            }
            INFO("omit: ", Json(omit).dump());
            CHECK(got == expected);
        }
    }
}

TEST_CASE("omit names only parts that can be left out") {
    Json r = alex();
    r["omit"] = {"ready", "summary"};
    check_rejected(r, Status::schema, "/omit/1", "\"summary\" is not a part of the plan that can be left out (gaps,");
    r["omit"] = "ready";
    check_rejected(r, Status::schema, "/omit", "\"omit\" must be an array");
    r["omit"] = {1};
    check_rejected(r, Status::schema, "/omit/0", "must be a string");
}
