// Advice (README "Advice"): the least weekly hours are exact -- at the figure the target date is
// met and at 0.25 less it is not, checked by planning both on random requests with random
// calendars, time off, holidays, phases and progress; each phase's figure is checked against the
// optimal scheduler on the units due by the phase's end; and the advice does not depend on the
// hours the request has.
#include <careerpath/json.hpp>
#include <careerpath/plan.hpp>

#include "schedule.hpp"

#include "example_data.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>

using namespace careerpath;

namespace {

using careerpath_test::example;
using careerpath_test::read_text;

// A random curriculum of 3 to 7 skills on a scale of three steps with fractional hours,
// prerequisites toward earlier skills, a role asking for most skills, and a program of three
// phases over random, possibly overlapping months focusing on random skills.
Curriculum random_curriculum(std::mt19937 &rng) {
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const char *levels[] = {"none", "one", "two", "three"};
    const int n = uniform(3, 7);
    Json skills = Json::array(), prerequisites = Json::array(), requires_levels = Json::object();
    for (int s = 0; s < n; ++s) {
        const std::string id = "s" + std::to_string(s);
        skills.push_back({{"id", id},
                          {"hours_by_level",
                           {{"one", uniform(0, 24) / 2.0}, {"two", uniform(1, 40) / 4.0}, {"three", uniform(0, 30)}}}});
        for (int t = 0; t < s; ++t)
            if (uniform(0, 3) == 0)
                prerequisites.push_back({{"skill", id},
                                         {"level", levels[uniform(1, 3)]},
                                         {"requires", "s" + std::to_string(t)},
                                         {"requires_level", levels[uniform(1, 3)]}});
        if (uniform(0, 4) > 0) requires_levels[id] = levels[uniform(1, 3)];
    }
    if (requires_levels.empty()) requires_levels["s0"] = "two";
    Json phases = Json::array();
    std::vector<Json> focus(3, Json::array());
    for (int s = 0; s < n; ++s)
        if (const int p = uniform(0, 3); p < 3) focus[static_cast<std::size_t>(p)].push_back("s" + std::to_string(s));
    for (int p = 0; p < 3; ++p) {
        const int first = uniform(1, 6);
        phases.push_back({{"id", "p" + std::to_string(p)}, {"months", {first, first + uniform(0, 3)}}, {"focus", focus[static_cast<std::size_t>(p)]}});
    }
    const Json curriculum = {{"id", "random"},
                             {"levels", {"none", "one", "two", "three"}},
                             {"skills", skills},
                             {"prerequisites", prerequisites},
                             {"roles", Json::array({{{"id", "r"}, {"requires", requires_levels}}})},
                             {"programs", Json::array({{{"id", "prog"}, {"target_role", "r"}, {"months", 9}, {"phases", phases}}})}};
    return Curriculum::load(curriculum.dump()).value();
}

// A random request on that curriculum: random workdays, time off, holidays, start, target date,
// phase mode, and sometimes a later replan_from with progress.
Json random_request(std::mt19937 &rng, const Curriculum &c) {
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const char *days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    Json workdays = Json::array();
    for (const char *d : days)
        if (uniform(0, 3) > 0) workdays.push_back(d);
    if (workdays.empty()) workdays.push_back("wed");
    const Date start = Date::from_ymd(2027, 1, 4)->plus_days(uniform(0, 200));
    Json time_off = Json::array(), holidays = Json::array();
    for (int k = uniform(0, 3); k > 0; --k) {
        const Date from = start.plus_days(uniform(0, 250));
        time_off.push_back({{"from", from.iso()}, {"to", from.plus_days(uniform(0, 20)).iso()}});
    }
    for (int k = uniform(0, 4); k > 0; --k) holidays.push_back(start.plus_days(uniform(0, 300)).iso());
    if (uniform(0, 1)) holidays.push_back({{"month", 12}, {"day", 25}});
    Json current = Json::object();
    for (const Skill &s : c.skills())
        if (uniform(0, 3) == 0) current[s.id] = c.levels().name(static_cast<Level>(uniform(1, 2)));
    Json request = {{"learner", {{"id", "l"}, {"current", current}, {"hours_per_week", uniform(1, 20)},
                                 {"workdays", workdays}, {"time_off", time_off}}},
                    {"program", "prog"},
                    {"start", start.iso()},
                    {"target_date", start.plus_days(uniform(20, 330)).iso()},
                    {"holidays", holidays}};
    if (uniform(0, 2) == 0) request["phases"] = "guide";
    if (uniform(0, 3) == 0) {
        const Date from = start.plus_days(uniform(1, 60));
        request["replan_from"] = from.iso();
        Json progress = Json::array();
        for (const Skill &s : c.skills())
            if (uniform(0, 4) == 0)
                progress.push_back({{"unit", s.id + "@one"}, {"hours_done", uniform(0, 8) / 2.0}});
        request["progress"] = progress;
    }
    return request;
}

// The request's plan at `hours` a week, if one can be made: zero hours with work to do, or a
// path past the planning horizon, is no plan (and so no target met).
std::optional<PlannedRequest> plan_at(const Curriculum &c, Json request, double hours) {
    request["learner"]["hours_per_week"] = hours;
    auto r = plan_from_json(c, request.dump());
    if (!r) {
        INFO(status_name(r.error().status), ": ", r.error().message);
        CHECK((r.error().status == Status::infeasible || r.error().status == Status::limit));
        return std::nullopt;
    }
    return std::move(r).value();
}

bool target_met(const Curriculum &c, const Json &request, double hours) {
    const auto planned = plan_at(c, request, hours);
    return planned && planned->plan.summary.target_met;
}

// Whether every unit of the plan due by `last` (with the prerequisites those wait for) can finish
// by the end of `last`: the optimal scheduler (1|prec;r_j;pmtn|Lmax) on those units alone, each
// due at that hour, is never late.
bool phase_can_be_met(const Plan &plan, Date last) {
    std::map<UnitIndex, std::size_t> position;
    for (std::size_t k = 0; k < plan.path.size(); ++k) position[plan.path[k].unit] = k;
    std::set<std::size_t> chosen;
    std::vector<std::size_t> stack;
    double end_hour = -1;
    for (std::size_t k = 0; k < plan.path.size(); ++k)
        if (plan.path[k].due <= last) stack.push_back(k);
    while (!stack.empty()) {
        const std::size_t k = stack.back();
        stack.pop_back();
        if (!chosen.insert(k).second) continue;
        for (UnitIndex u : plan.path[k].requires_units) stack.push_back(position.at(u));
    }
    for (const PlannedUnit &pu : plan.path)
        if (pu.due == last) end_hour = pu.due_hour;
    if (chosen.empty()) return true;
    REQUIRE(end_hour >= 0);  // the callers check phases some unit is due at the end of
    std::map<std::size_t, std::size_t> job_of;
    for (std::size_t k : chosen) job_of[k] = job_of.size();
    std::vector<Job> jobs(chosen.size());
    for (std::size_t k : chosen) {
        Job &job = jobs[job_of[k]];
        job.hours = plan.path[k].hours;
        job.release = plan.path[k].release_hour;
        job.due = end_hour;
        for (UnitIndex u : plan.path[k].requires_units) job.predecessors.push_back(job_of.at(position.at(u)));
    }
    return schedule_min_max_lateness(jobs).max_lateness <= 1e-6;
}

}  // namespace

TEST_CASE("min_hours_per_week is exact: the target is met at it and missed at 0.25 less") {
    std::mt19937 rng(500);
    int cases = 0, with_figure = 0, unreachable = 0, at_quarter = 0, replans = 0, guided = 0, phase_checks = 0;
    while (cases < 500) {
        const Curriculum c = random_curriculum(rng);
        const Json request = random_request(rng, c);
        const auto planned = plan_at(c, request, request["learner"]["hours_per_week"].get<double>());
        if (!planned) continue;
        ++cases;
        replans += request.contains("replan_from");
        guided += request.contains("phases");
        const Advice &advice = planned->plan.advice;
        INFO("request: ", request.dump());
        if (!advice.min_hours_per_week) {
            ++unreachable;
            CHECK_FALSE(target_met(c, request, 168));
            continue;
        }
        const double h = *advice.min_hours_per_week;
        ++with_figure;
        CHECK(h * 4 == std::round(h * 4));
        CHECK(h <= 168);
        CHECK(target_met(c, request, h));
        if (h >= 0.25) CHECK_FALSE(target_met(c, request, h - 0.25));
        else ++at_quarter;
        // The advice is the same whatever hours the request has.
        const auto at_figure = plan_at(c, request, std::max(h, 0.25));
        REQUIRE(at_figure);
        CHECK(at_figure->plan.advice.min_hours_per_week == advice.min_hours_per_week);

        // Each phase: the units due by its end can all finish by it at the figure, and not at 0.25
        // less (checked where the path has work and the figure is a number of hours).
        for (const Advice::Phase &p : advice.phases) {
            const Date last = planned->plan.phases[p.phase].last;
            // The end's hour on the axis is a unit's due hour: phases with a unit due then.
            const bool due_then = std::any_of(planned->plan.path.begin(), planned->plan.path.end(),
                                              [&](const PlannedUnit &pu) { return pu.due == last; });
            if (!due_then || !p.min_hours_per_week || *p.min_hours_per_week < 0.25) continue;
            const auto at = plan_at(c, request, *p.min_hours_per_week);
            if (at) CHECK(phase_can_be_met(at->plan, last));
            const auto below = plan_at(c, request, *p.min_hours_per_week - 0.25);
            if (below) CHECK_FALSE(phase_can_be_met(below->plan, last));
            ++phase_checks;
        }
    }
    MESSAGE(cases << " random requests: " << with_figure << " with a figure (each met at it and missed at 0.25 less), "
                  << unreachable << " unreachable even at 168 hours, " << at_quarter << " needing no hours; " << replans
                  << " re-plans, " << guided << " with phases as guidance; " << phase_checks << " phase figures checked");
    CHECK(with_figure >= 300);
}

TEST_CASE("Alex and Maria: the advice figures, and a learner who misses at 4 hours meets at the advised hours") {
    const Curriculum &c = example();
    Json alex = Json::parse(read_text("alex.request.json"));
    auto planned = plan_from_json(c, alex.dump());
    REQUIRE(planned);
    CHECK(planned.value().plan.advice.min_hours_per_week == 4.75);
    alex["learner"]["hours_per_week"] = 4;
    planned = plan_from_json(c, alex.dump());
    REQUIRE(planned);
    const Plan &at_four = planned.value().plan;
    CHECK_FALSE(at_four.summary.target_met);
    REQUIRE(at_four.advice.min_hours_per_week == 4.75);
    alex["learner"]["hours_per_week"] = *at_four.advice.min_hours_per_week;
    planned = plan_from_json(c, alex.dump());
    REQUIRE(planned);
    CHECK(planned.value().plan.summary.target_met);
}

TEST_CASE("phases as guidance: a unit may start before its phase, and the phase's end stays its due date") {
    const Curriculum &c = example();
    Json maria = Json::parse(read_text("maria.request.json"));
    maria["learner"]["hours_per_week"] = 50;
    auto hard = plan_from_json(c, maria.dump());
    maria["phases"] = "guide";
    auto guide = plan_from_json(c, maria.dump());
    REQUIRE(hard);
    REQUIRE(guide);
    // At 50 hours a week the hard phases keep Maria waiting for each phase's start; working ahead
    // she finishes as soon as the hours allow.
    CHECK(guide.value().plan.summary.finish < hard.value().plan.summary.finish);
    CHECK(guide.value().plan.summary.finish == guide.value().plan.summary.lower_bound_finish);
    REQUIRE(hard.value().plan.advice.working_ahead);
    CHECK(hard.value().plan.advice.working_ahead->finish == guide.value().plan.summary.finish);
    for (const PlannedUnit &pu : guide.value().plan.path) {
        CHECK(pu.release == guide.value().request.start);
        if (pu.phase) CHECK(pu.due == guide.value().plan.phases[*pu.phase].last);
    }
    CHECK_FALSE(guide.value().plan.advice.working_ahead);
    maria["phases"] = "loose";
    auto bad = plan_from_json(c, maria.dump());
    REQUIRE_FALSE(bad);
    CHECK(bad.error().status == Status::schema);
    CHECK(bad.error().pointer == "/phases");
}

TEST_CASE("program fit: the months the gap needs at the learner's hours, against each program's length and price") {
    const Curriculum &c = example();
    Json alex = Json::parse(read_text("alex.request.json"));
    auto planned = plan_from_json(c, alex.dump());
    REQUIRE(planned);
    const Plan &plan = planned.value().plan;
    // Alex's 114 hours at 6 a week, with nothing waiting for a phase, are done on 2027-05-18: four
    // months from 2027-01-04 (to 2027-05-03), then 15 of the 31 days from 2027-05-04 to
    // 2027-06-03, 0.48, rounded up to 0.5. Both programs toward Staff Engineer run 6 months, at
    // 3,500 and 2,000 USD a month; Maria's management program is toward another role.
    REQUIRE(plan.program_fit.size() == 2);
    for (const ProgramFit &fit : plan.program_fit) {
        CHECK(fit.months == 4.5);
        CHECK(fit.finish == Date::from_ymd(2027, 5, 18));
        CHECK(fit.fits);
        REQUIRE(fit.cost);
        CHECK(fit.cost->months_past_end == 0);
    }
    CHECK(c.programs()[plan.program_fit[0].program].id == "technical_leadership");
    CHECK(plan.program_fit[0].cost->total.cents == 6 * 350000);
    CHECK(plan.program_fit[1].cost->total.cents == 6 * 200000);
    const std::string text = plan_to_text(c, planned.value().request, plan);
    CHECK(text.find("at 6 hours a week the gap needs 4.5 months: the 6-month Technical Leadership Development fits "
                    "(USD 21,000.00)") != std::string::npos);

    // At 4 hours a week the same hours end on 2027-08-03, the last day of the seventh month: 7.0
    // months, one past the programs' end, which the cost counts.
    alex["learner"]["hours_per_week"] = 4;
    planned = plan_from_json(c, alex.dump());
    REQUIRE(planned);
    const ProgramFit &late = planned.value().plan.program_fit[0];
    CHECK(late.months == 7.0);
    CHECK_FALSE(late.fits);
    REQUIRE(late.cost);
    CHECK(late.cost->months_past_end == 1);
    CHECK(late.cost->total.cents == 7 * 350000);
}

TEST_CASE("a missed target says what to do: the hours that meet it, and whether working ahead helps") {
    const Curriculum &c = example();
    Json alex = Json::parse(read_text("alex.request.json"));
    alex["learner"]["hours_per_week"] = 4;
    auto planned = plan_from_json(c, alex.dump());
    REQUIRE(planned);
    auto missed = [](const Plan &plan) {
        for (const PlanWarning &w : plan.warnings)
            if (w.code == "target_missed") return w.message;
        return std::string();
    };
    std::string message = missed(planned.value().plan);
    CHECK(message.find("at 4.75 hours a week instead of 4 it is met") != std::string::npos);
    CHECK(message.find("working ahead of the phases would not finish earlier") != std::string::npos);
    std::string text = plan_to_text(c, planned.value().request, planned.value().plan);
    CHECK(text.find("at 4 hours a week the path finishes on 2027-08-03; 4.75 hours a week meet the target date "
                    "2027-07-03") != std::string::npos);

    // Maria at 50 hours a week with a target date in June: the hard phases keep her until their
    // ends, while working ahead she is done in time.
    Json maria = Json::parse(read_text("maria.request.json"));
    maria["learner"]["hours_per_week"] = 50;
    maria["target_date"] = "2027-06-30";
    planned = plan_from_json(c, maria.dump());
    REQUIRE(planned);
    const Plan &plan = planned.value().plan;
    CHECK_FALSE(plan.summary.target_met);
    CHECK_FALSE(plan.advice.min_hours_per_week);  // the last phase opens after the target date
    REQUIRE(plan.advice.working_ahead);
    CHECK(plan.advice.working_ahead->finish <= *Date::from_ymd(2027, 6, 30));
    message = missed(plan);
    CHECK(message.find("no number of hours a week meets it") != std::string::npos);
    CHECK(message.find("working ahead of the phases (\"phases\": \"guide\") would finish on " +
                       plan.advice.working_ahead->finish.iso() + ", in time") != std::string::npos);
    maria["phases"] = "guide";
    planned = plan_from_json(c, maria.dump());
    REQUIRE(planned);
    CHECK(planned.value().plan.summary.target_met);
}
