// careerpath/plan.hpp and plan_request.hpp: plans for the example learners, their properties,
// determinism, and the status and pointer of each bad request.
#include <careerpath/plan.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

using namespace careerpath;

namespace {

std::string read_text(const std::string &name) {
    std::ifstream in(std::string(CAREERPATH_EXAMPLES_DIR) + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << name);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

const Curriculum &example() {
    static const Curriculum c = Curriculum::load(read_text("engineering-growth.json")).value();
    return c;
}

Json alex() { return Json::parse(read_text("alex.request.json")); }
Json maria() { return Json::parse(read_text("maria.request.json")); }

PlannedRequest plan_ok(const Json &request) {
    auto r = plan_from_json(example(), request.dump());
    if (!r) FAIL(status_name(r.error().status), " at ", r.error().pointer, ": ", r.error().message);
    return std::move(r).value();
}

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
