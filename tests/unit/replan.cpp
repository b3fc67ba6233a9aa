// Re-planning (README "Re-planning"): a plan request's replan_from and progress. Units done are
// held, units in progress keep their remaining hours, the calendar and the sessions start at
// replan_from while windows stay anchored to the start; the schedule of the remaining work is
// optimal (exhaustive search on small instances); a re-plan from the start with no progress is
// the plan itself; and each bad field is named by its status and JSON Pointer.
#include <careerpath/export.hpp>
#include <careerpath/json.hpp>
#include <careerpath/plan.hpp>

#include "date_time.hpp"
#include "exhaustive_schedule.hpp"
#include "schedule.hpp"

#include "example_data.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

using namespace careerpath;

namespace {

using careerpath_test::example;
using careerpath_test::read_text;

Json alex() { return Json::parse(read_text("alex.request.json")); }

PlannedRequest plan_ok(const Curriculum &c, const Json &request) {
    auto r = plan_from_json(c, request.dump());
    if (!r) FAIL(status_name(r.error().status), " at ", r.error().pointer, ": ", r.error().message);
    return std::move(r).value();
}

std::string plan_text(const Curriculum &c, const Json &request) {
    auto r = plan_json_text(c, request.dump());
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

const PlannedUnit *find_unit(const Curriculum &c, const Plan &plan, const std::string &name) {
    for (const PlannedUnit &pu : plan.path)
        if (c.unit_name(c.graph().unit(pu.unit)) == name) return &pu;
    return nullptr;
}

// --- Small random instances ------------------------------------------------------------------

// A curriculum of 3 skills on a scale of two steps, 0 to 4 hours a step, random prerequisites
// toward earlier skills, a role that asks for each skill at a random level, and a program of
// three one-month phases focusing on random skills, for a learner with one hour every Monday: the
// working-hour axis counts Mondays, so every release, due date and duration is a whole hour, as
// the exhaustive search needs.
struct Instance {
    Curriculum curriculum;
    Json request;
};

Instance random_instance(std::mt19937 &rng) {
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const char *levels[] = {"none", "one", "two"};
    Json skills = Json::array(), prerequisites = Json::array(), requires_levels = Json::object();
    const int n = 3;
    for (int s = 0; s < n; ++s) {
        const std::string id = "s" + std::to_string(s);
        skills.push_back({{"id", id}, {"hours_by_level", {{"one", uniform(0, 4)}, {"two", uniform(0, 4)}}}});
        for (int t = 0; t < s; ++t)
            if (uniform(0, 2) == 0)
                prerequisites.push_back({{"skill", id},
                                         {"level", levels[uniform(1, 2)]},
                                         {"requires", "s" + std::to_string(t)},
                                         {"requires_level", levels[uniform(1, 2)]}});
        if (uniform(0, 3) > 0) requires_levels[id] = levels[uniform(1, 2)];
    }
    if (requires_levels.empty()) requires_levels["s0"] = "two";
    Json phases = Json::array();
    std::vector<Json> focus(3, Json::array());
    for (int s = 0; s < n; ++s)
        if (const int p = uniform(0, 3); p < 3) focus[static_cast<std::size_t>(p)].push_back("s" + std::to_string(s));
    for (int p = 0; p < 3; ++p)
        phases.push_back({{"id", "p" + std::to_string(p)}, {"months", {p + 1, p + 1}}, {"focus", focus[static_cast<std::size_t>(p)]}});
    const Json curriculum = {{"id", "random"},
                             {"levels", {"none", "one", "two"}},
                             {"skills", skills},
                             {"prerequisites", prerequisites},
                             {"roles", Json::array({{{"id", "r"}, {"requires", requires_levels}}})},
                             {"programs", Json::array({{{"id", "prog"}, {"target_role", "r"}, {"months", 3}, {"phases", phases}}})}};
    Instance out{Curriculum::load(curriculum.dump()).value(), Json()};

    Json current = Json::object();
    for (int s = 0; s < n; ++s)
        if (uniform(0, 2) == 0) current["s" + std::to_string(s)] = levels[uniform(1, 2)];
    // Mondays from 2027-01-04: replan_from is one of the first eight.
    const Date start = *Date::from_ymd(2027, 1, 4);
    const Date from = start.plus_days(7 * uniform(0, 7));
    Json progress = Json::array();
    for (int s = 0; s < n; ++s)
        for (int l = 1; l <= 2; ++l) {
            const std::string unit = "s" + std::to_string(s) + "@" + levels[l];
            switch (uniform(0, 6)) {
            case 0: progress.push_back({{"unit", unit}, {"done_on", from.plus_days(-uniform(0, 20)).iso()}}); break;
            case 1:
            case 2: progress.push_back({{"unit", unit}, {"hours_done", uniform(0, 3) + uniform(0, 2)}}); break;
            default: break;
            }
        }
    std::shuffle(progress.begin(), progress.end(), rng);
    out.request = {{"learner",
                    {{"id", "l"}, {"current", current}, {"hours_per_week", 1}, {"workdays", {"mon"}}}},
                   {"program", "prog"},
                   {"start", start.iso()},
                   {"target_date", start.plus_days(7 * uniform(6, 16)).iso()},
                   {"replan_from", from.iso()},
                   {"progress", progress}};
    return out;
}

// The path's remaining work as jobs on the re-plan's working-hour axis, as the exhaustive search
// reads them: each unit's hours left, its release and due hours, and its prerequisites in the path.
std::vector<Job> jobs_of(const Plan &plan) {
    std::map<UnitIndex, std::size_t> index;
    for (std::size_t j = 0; j < plan.path.size(); ++j) index[plan.path[j].unit] = j;
    std::vector<Job> jobs;
    for (const PlannedUnit &pu : plan.path) {
        Job job;
        job.hours = pu.hours;
        job.release = pu.release_hour;
        job.due = pu.due_hour;
        for (UnitIndex p : pu.requires_units) job.predecessors.push_back(index.at(p));
        jobs.push_back(job);
    }
    return jobs;
}

}  // namespace

TEST_CASE("Alex on 2027-03-01: a unit done early is gone, a unit half done keeps its other half") {
    const Curriculum &c = example();
    const PlannedRequest before = plan_ok(c, alex());
    const PlannedUnit *patterns = find_unit(c, before.plan, "architectural_patterns@advanced");
    const PlannedUnit *scalability = find_unit(c, before.plan, "scalability_planning@advanced");
    REQUIRE(patterns);
    REQUIRE(scalability);

    Json r = alex();
    r["replan_from"] = "2027-03-01";
    r["progress"] = Json::array({{{"unit", "architectural_patterns@advanced"}, {"done_on", "2027-01-25"}},
                                 {{"unit", "scalability_planning@advanced"}, {"hours_done", 9}}});
    const PlannedRequest after = plan_ok(c, r);
    CHECK(after.request.first_day() == *Date::from_ymd(2027, 3, 1));
    CHECK_FALSE(find_unit(c, after.plan, "architectural_patterns@advanced"));
    const PlannedUnit *half = find_unit(c, after.plan, "scalability_planning@advanced");
    REQUIRE(half);
    CHECK(half->hours == doctest::Approx(scalability->hours - 9));
    CHECK(half->hours_done == doctest::Approx(9));
    // The gap counts the hours left: less the done unit's and the 9 hours done.
    CHECK(after.plan.gap.hours == doctest::Approx(before.plan.gap.hours - patterns->hours - 9));
    // Nothing starts before the first day of the remaining work; windows stay where they were.
    for (const PlannedUnit &pu : after.plan.path) {
        CHECK(pu.start >= *Date::from_ymd(2027, 3, 1));
        const PlannedUnit *same = find_unit(c, before.plan, c.unit_name(c.graph().unit(pu.unit)));
        REQUIRE(same);
        CHECK(pu.release == same->release);
        CHECK(pu.due == same->due);
    }
    // The document says where the remaining work starts, and what was done on each unit.
    const Json doc = Json::parse(plan_text(c, r));
    CHECK(doc["replan_from"] == "2027-03-01");
    CHECK(doc["start"] == "2027-01-04");
    bool saw_done = false;
    for (const Json &u : doc["path"]) {
        if (u["unit"] == "scalability_planning@advanced") {
            CHECK(u["hours_done"] == 9.0);
            saw_done = true;
        } else {
            CHECK_FALSE(u.contains("hours_done"));
        }
    }
    CHECK(saw_done);
}

TEST_CASE("sessions: occurrences keep their numbers, and none is placed before replan_from") {
    const Curriculum &c = example();
    const PlannedRequest before = plan_ok(c, alex());
    Json r = alex();
    r["replan_from"] = "2027-03-01";
    const PlannedRequest after = plan_ok(c, r);
    const Date from = *Date::from_ymd(2027, 3, 1);
    REQUIRE_FALSE(after.plan.sessions.empty());
    // Sessions run to the later of the finish and the target date; the re-plan, with less time,
    // finishes later, so it may have more occurrences, and the last window of the first plan,
    // cut short by its end, may be longer now.
    const Date end_before = std::max(before.plan.summary.finish, before.request.target_date);
    std::map<std::pair<std::size_t, std::size_t>, const Session *> windows_before;
    for (const Session &s : before.plan.sessions) windows_before[{s.session_type, s.occurrence}] = &s;
    std::size_t shared = 0;
    for (const Session &s : after.plan.sessions) {
        INFO(c.session_types()[s.session_type].id, " #", s.occurrence + 1);
        CHECK(s.window_last >= from);  // windows over before it are history, not placed again
        if (s.status != Session::Status::dropped) CHECK(s.day >= from);
        if (s.window_first > end_before) continue;
        const auto it = windows_before.find({s.session_type, s.occurrence});
        REQUIRE(it != windows_before.end());  // the same occurrence, by the same number
        CHECK(it->second->window_first == s.window_first);
        if (it->second->window_last < end_before) CHECK(it->second->window_last == s.window_last);
        ++shared;
    }
    // Every occurrence whose window reaches replan_from is still there, and only those.
    std::size_t reaching = 0;
    for (const Session &s : before.plan.sessions) reaching += s.window_last >= from;
    CHECK(shared == reaching);
    CHECK(reaching < before.plan.sessions.size());
}

TEST_CASE("more hours done than a unit has: it is done") {
    const Curriculum &c = example();
    Json r = alex();
    r["replan_from"] = "2027-02-01";
    r["progress"] = Json::array({{{"unit", "architectural_patterns@advanced"}, {"hours_done", 1000}}});
    const PlannedRequest planned = plan_ok(c, r);
    CHECK_FALSE(find_unit(c, planned.plan, "architectural_patterns@advanced"));
    // And 0 hours done changes nothing.
    r["progress"] = Json::array({{{"unit", "architectural_patterns@advanced"}, {"hours_done", 0}}});
    Json plain = alex();
    plain["replan_from"] = "2027-02-01";
    CHECK(plan_text(c, r) == plan_text(c, plain));
}

TEST_CASE("a re-plan from the start with no progress is the plan itself, byte for byte") {
    const Curriculum &c = example();
    for (const char *name : {"alex.request.json", "maria.request.json"}) {
        INFO(name);
        const Json r = Json::parse(read_text(name));
        Json again = r;
        again["replan_from"] = r["start"];
        again["progress"] = Json::array();
        CHECK(plan_text(c, again) == plan_text(c, r));
    }
    std::mt19937 rng(1505);
    for (int i = 0; i < 200; ++i) {
        Instance k = random_instance(rng);
        Json r = k.request;
        r.erase("replan_from");
        r.erase("progress");
        Json again = r;
        again["replan_from"] = r["start"];
        again["progress"] = Json::array();
        INFO(r.dump());
        REQUIRE(plan_text(k.curriculum, again) == plan_text(k.curriculum, r));
    }
}

// The plan `r` gives, then the plan of `r` with that plan as "previous", from the start and with
// no progress: the same JSON values but for "changes" and "progress_vs_plan", and no change.
void check_same_with_previous(const Curriculum &c, const Json &r) {
    const std::string first = plan_text(c, r);
    Json again = r;
    again["previous"] = Json::parse(first);
    again["replan_from"] = r["start"];
    again["progress"] = Json::array();
    Json second = Json::parse(plan_text(c, again));
    REQUIRE(second.contains("changes"));
    const Json changes = second["changes"];
    CHECK(changes["added"].empty());
    CHECK(changes["removed"].empty());
    CHECK(changes["moved"].empty());
    CHECK(changes["causes"].empty());
    CHECK(changes["finish_days"] == 0);
    CHECK(changes["sessions"].empty());
    CHECK(second["progress_vs_plan"]["hours_done"] == 0.0);
    CHECK(second["progress_vs_plan"]["hours_planned"] == 0.0);
    second.erase("changes");
    second.erase("progress_vs_plan");
    REQUIRE(second == Json::parse(first));
}

TEST_CASE("idempotence: the plan as its own previous, from the start with no progress, is the same plan with no changes") {
    const Curriculum &c = example();
    for (const char *name : {"alex.request.json", "maria.request.json"}) {
        INFO(name);
        check_same_with_previous(c, Json::parse(read_text(name)));
    }
    std::mt19937 rng(15151);
    int checked = 0, late = 0;
    for (int i = 0; i < 200; ++i) {
        Instance k = random_instance(rng);
        Json r = k.request;
        r.erase("replan_from");
        r.erase("progress");
        INFO(r.dump());
        check_same_with_previous(k.curriculum, r);
        late += !plan_ok(k.curriculum, r).plan.summary.target_met;
        ++checked;
    }
    MESSAGE(checked << " random requests and the two examples re-planned against themselves; " << late
                    << " of the random ones miss their target");
    CHECK(checked == 200);
}

TEST_CASE("changes against the previous plan: Alex half a unit behind, with two weeks off") {
    const Curriculum &c = example();
    const Json first = Json::parse(plan_text(c, alex()));
    Json r = alex();
    r["previous"] = first;
    r["replan_from"] = "2027-03-01";
    r["progress"] = Json::array({{{"unit", "architectural_patterns@advanced"}, {"done_on", "2027-01-25"}},
                                 {{"unit", "scalability_planning@advanced"}, {"hours_done", 9}}});
    r["learner"]["time_off"].push_back({{"from", "2027-03-08"}, {"to", "2027-03-19"}});
    const PlannedRequest planned = plan_ok(c, r);
    REQUIRE(planned.plan.changes);
    REQUIRE(planned.plan.progress_vs_plan);
    const ProgressVsPlan &p = *planned.plan.progress_vs_plan;
    // By 2027-03-01 the first plan had finished both units of the first phase (20 + 18 hours);
    // 20 + 9 are done.
    CHECK(p.hours_planned == doctest::Approx(38));
    CHECK(p.hours_done == doctest::Approx(29));
    CHECK(p.status != Progress::Status::on_track);
    const PlanChanges &ch = *planned.plan.changes;
    REQUIRE(ch.removed.size() == 1);
    CHECK(c.unit_name(c.graph().unit(ch.removed[0])) == "architectural_patterns@advanced");
    CHECK(ch.added.empty());
    CHECK_FALSE(ch.moved.empty());
    CHECK(ch.finish_before == *Date::from_ymd(2027, 6, 3));
    CHECK(ch.finish_days == planned.plan.summary.finish.days_since(ch.finish_before));
    CHECK(ch.finish_days > 0);
    REQUIRE_FALSE(ch.causes.empty());
    CHECK(ch.causes[0].find("behind the plan by 9 hours") != std::string::npos);
    // Every moved unit moved by what the two plans say.
    for (const PlanChanges::Moved &m : ch.moved) {
        const PlannedUnit *now = find_unit(c, planned.plan, c.unit_name(c.graph().unit(m.unit)));
        REQUIRE(now);
        CHECK(now->start.days_since(m.start_before) == m.start_days);
        CHECK(now->finish.days_since(m.finish_before) == m.finish_days);
        CHECK((m.start_days != 0 || m.finish_days != 0));
    }
    // The causes a person would name: the hours behind, the unit done, the new time off (two
    // weeks of Monday to Friday with no holiday in them: 10 working days).
    const std::vector<std::string> causes{"behind the plan by 9 hours on 2027-03-01 (29 done of 38 planned)",
                                          "done since the previous plan: architectural_patterns@advanced on 2027-01-25",
                                          "new time off 2027-03-08 to 2027-03-19 (10 working days)"};
    CHECK(ch.causes == causes);
    const std::string text = plan_to_text(c, planned.request, planned.plan);
    CHECK(text.find("new time off 2027-03-08 to 2027-03-19 (10 working days)") != std::string::npos);
    // The sessions his two weeks off took, and those held before the re-plan, marked.
    CHECK(text.find("  1:1 Coaching #10: dropped (was 2027-03-09)\n") != std::string::npos);
    CHECK(text.find("  Technical Review #6: 7 days later (2027-03-24, was 2027-03-17)\n") != std::string::npos);
    const auto at = text.find("\n  2027-01-06 wed 09:30 -05:00  1:1 Coaching #1 ");
    REQUIRE(at != std::string::npos);
    const std::string line = text.substr(at + 1, text.find('\n', at + 1) - at - 1);
    const std::string held = "  60 min  Architectural patterns (advanced)  (before the re-plan)";
    CHECK_MESSAGE(line.size() > held.size(), line);
    CHECK_MESSAGE(line.compare(line.size() - held.size(), held.size(), held) == 0, line);
    CHECK(text.find("Re-planned from 2027-03-01") != std::string::npos);
    CHECK(text.find("Progress on 2027-03-01: 29 hours done of 38 planned") != std::string::npos);
    CHECK(text.find("no longer in the path: Architectural patterns (advanced)") != std::string::npos);
}

// Alex re-planned on 2027-03-01 against his first plan with one change to the request, and no
// progress: the causes are the sentences about that change alone.
std::vector<std::string> causes_after(const std::function<void(Json &)> &change) {
    const Curriculum &c = example();
    Json r = alex();
    r["previous"] = Json::parse(plan_text(c, alex()));
    r["replan_from"] = "2027-03-01";
    change(r);
    const PlannedRequest planned = plan_ok(c, r);
    REQUIRE(planned.plan.changes);
    std::vector<std::string> out;
    for (const std::string &cause : planned.plan.changes->causes)
        if (cause.find("behind the plan") == std::string::npos) out.push_back(cause);
    return out;
}

TEST_CASE("the calendar's changes are named, from replan_from on and only where hours change") {
    using Causes = std::vector<std::string>;
    CHECK(causes_after([](Json &r) { r["learner"]["hours_per_week"] = 8; }) ==
          Causes{"hours a week changed from 6 to 8"});
    CHECK(causes_after([](Json &r) { r["learner"]["workdays"] = {"mon", "tue", "wed", "thu"}; }) ==
          Causes{"workdays changed from mon, tue, wed, thu, fri to mon, tue, wed, thu"});
    // The June week off withdrawn: its five weekdays hold hours again.
    CHECK(causes_after([](Json &r) { r["learner"]["time_off"] = Json::array(); }) ==
          Causes{"time off 2027-06-14 to 2027-06-18 no longer taken (5 working days back)"});
    // A new holiday on a Wednesday counts; one on a Saturday, one inside the June time off and
    // one before replan_from change no hour of the remaining work.
    CHECK(causes_after([](Json &r) {
              for (const char *day : {"2027-04-14", "2027-04-17", "2027-06-16", "2027-02-10"}) r["holidays"].push_back(day);
          }) == Causes{"a new holiday: 2027-04-14"});
    // Memorial Day (the last Monday of May) withdrawn; a range of time off across a weekend
    // counts its weekdays only (2027-04-08 to 2027-04-13: Thursday to Tuesday, 4 working days).
    CHECK(causes_after([](Json &r) {
              Json holidays = Json::array();
              for (const Json &h : r["holidays"])
                  if (!(h.is_object() && h["month"] == 5)) holidays.push_back(h);
              r["holidays"] = holidays;
              r["learner"]["time_off"].push_back({{"from", "2027-04-08"}, {"to", "2027-04-13"}});
          }) == Causes{"new time off 2027-04-08 to 2027-04-13 (4 working days)", "no longer a holiday: 2027-05-31"});
    // Time off before replan_from is history: nothing of the remaining work changes.
    CHECK(causes_after([](Json &r) { r["learner"]["time_off"].push_back({{"from", "2027-02-01"}, {"to", "2027-02-05"}}); })
              .empty());
}

TEST_CASE("a previous plan without its calendar: the changes name the calendar as a whole") {
    const Curriculum &c = example();
    Json r = alex();
    r["previous"] = Json::parse(plan_text(c, alex()));
    r["previous"].erase("calendar");
    r["learner"]["hours_per_week"] = 9;
    const PlannedRequest planned = plan_ok(c, r);
    REQUIRE(planned.plan.changes);
    REQUIRE(planned.plan.changes->causes.size() == 1);
    CHECK(planned.plan.changes->causes[0].find("holds other hours than before") != std::string::npos);
}

TEST_CASE("a previous plan's calendar that is not a calendar: status and pointer") {
    Json r = alex();
    const Json first = Json::parse(plan_text(example(), alex()));
    r["previous"] = first;
    r["previous"]["calendar"] = "weekly";
    check_rejected(r, Status::schema, "/previous/calendar", "calendar");
    r["previous"] = first;
    r["previous"]["calendar"]["hours_per_week"] = -1;
    check_rejected(r, Status::schema, "/previous/calendar/hours_per_week", "at least 0");
    r["previous"] = first;
    r["previous"]["calendar"].erase("hours_per_week");
    check_rejected(r, Status::schema, "/previous/calendar/hours_per_week", "hours_per_week");
    r["previous"] = first;
    r["previous"]["calendar"]["workdays"][2] = "funday";
    check_rejected(r, Status::schema, "/previous/calendar/workdays/2", "funday");
    r["previous"] = first;
    r["previous"]["calendar"]["time_off"][0]["to"] = "2027-06-01";
    check_rejected(r, Status::schema, "/previous/calendar/time_off/0/to", "before it starts");
    r["previous"] = first;
    r["previous"]["calendar"]["holidays"][1]["nth"] = 0;
    check_rejected(r, Status::schema, "/previous/calendar/holidays/1/nth", "nth");
}

TEST_CASE("a previous plan that is not a plan: status and pointer") {
    Json r = alex();
    r["previous"] = Json::array();
    check_rejected(r, Status::schema, "/previous", "not a plan document");
    r["previous"] = Json::parse(plan_text(example(), alex()));
    r["previous"].erase("summary");
    check_rejected(r, Status::schema, "/previous/summary", "summary");
    r["previous"] = Json::parse(plan_text(example(), alex()));
    r["previous"]["path"][1]["finish"] = "2027-13-01";
    check_rejected(r, Status::schema, "/previous/path/1/finish", "not a date");
    r["previous"] = Json::parse(plan_text(example(), alex()));
    r["previous"]["path"][0]["unit"] = "nothing@advanced";
    check_rejected(r, Status::reference, "/previous/path/0/unit", "nothing@advanced");
    r["previous"] = Json::parse(plan_text(example(), alex()));
    r["previous"]["target_role"] = "astronaut";
    check_rejected(r, Status::reference, "/previous/target_role", "astronaut");
}

TEST_CASE("the remaining work is scheduled optimally: the exhaustive optimum with progress and a later replan_from") {
    std::mt19937 rng(20271505);
    constexpr int kInstances = 3000;
    int with_progress = 0, in_progress = 0, later = 0, late = 0, compared = 0;
    for (int i = 0; i < kInstances; ++i) {
        Instance k = random_instance(rng);
        INFO("instance ", i, ": ", k.request.dump());
        const PlannedRequest planned = plan_ok(k.curriculum, k.request);
        const Plan &plan = planned.plan;
        const Date from = planned.request.first_day();
        with_progress += !planned.request.progress.empty();
        later += from > planned.request.start;
        for (const PlannedUnit &pu : plan.path) {
            // Held units are not in the path; units in progress keep what is left.
            const UnitRef ref = k.curriculum.graph().unit(pu.unit);
            CHECK(ref.level > planned.request.learner.current[ref.skill]);
            CHECK(pu.hours == doctest::Approx(k.curriculum.unit_hours(ref) - pu.hours_done));
            CHECK(pu.hours > -1e-9);
            in_progress += pu.hours_done > 0;
            CHECK(pu.start >= from);
        }
        for (const UnitProgress &p : planned.request.progress)
            if (p.done_on) CHECK(std::none_of(plan.path.begin(), plan.path.end(),
                                              [&](const PlannedUnit &pu) { return pu.unit == p.unit; }));
        if (plan.path.empty()) continue;
        const int optimum = careerpath_test::Exhaustive(jobs_of(plan)).solve();
        REQUIRE(plan.summary.max_lateness_hours == doctest::Approx(optimum));
        late += optimum > 0;
        ++compared;
    }
    MESSAGE(compared << " re-plans compared with the exhaustive optimum (of " << kInstances << " instances): "
                     << with_progress << " with progress, " << in_progress << " units in progress, " << later
                     << " from a later replan_from, " << late << " late");
    // The instances exercise what they are meant to.
    CHECK(compared >= 2000);
    CHECK(with_progress > kInstances / 2);
    CHECK(in_progress > kInstances / 10);
    CHECK(later > kInstances / 2);
    CHECK(late > kInstances / 10);
}

TEST_CASE("bad re-planning fields: status and pointer") {
    Json r = alex();
    r["replan_from"] = "2027-01-03";
    check_rejected(r, Status::schema, "/replan_from", "before the start");
    r["replan_from"] = "2027-02-30";
    check_rejected(r, Status::schema, "/replan_from", "2027-02-30");

    r = alex();
    r["replan_from"] = "2027-03-01";
    r["progress"] = Json::array({{{"unit", "no_such_skill@advanced"}, {"done_on", "2027-02-01"}}});
    check_rejected(r, Status::reference, "/progress/0/unit", "no_such_skill@advanced");
    r["progress"] = Json::array({{{"unit", "architectural_patterns@wizard"}, {"done_on", "2027-02-01"}}});
    check_rejected(r, Status::reference, "/progress/0/unit", "architectural_patterns@wizard");
    r["progress"] = Json::array({{{"unit", "architectural_patterns@advanced"}, {"hours_done", -1}}});
    check_rejected(r, Status::schema, "/progress/0/hours_done", "at least 0");
    r["progress"] = Json::array({{{"unit", "architectural_patterns@advanced"}, {"hours_done", "NaN"}}});
    check_rejected(r, Status::schema, "/progress/0/hours_done", "must be a number");
    // 1e999 reads as infinity: not a number of hours either.
    auto infinite = plan_from_json(example(), R"({"learner": {"id": "a", "hours_per_week": 5}, "program": "technical_leadership",
        "start": "2027-01-04", "progress": [{"unit": "architectural_patterns@advanced", "hours_done": 1e999}]})");
    REQUIRE_FALSE(infinite.has_value());
    CHECK(infinite.error().pointer == "/progress/0/hours_done");
    r["progress"] = Json::array({{{"unit", "architectural_patterns@advanced"}, {"done_on", "2027-03-02"}}});
    check_rejected(r, Status::schema, "/progress/0/done_on", "after 2027-03-01");
    r["progress"] = Json::array({{{"unit", "architectural_patterns@advanced"}}});
    check_rejected(r, Status::schema, "/progress/0", "neither");
    r["progress"] = Json::array({{{"unit", "architectural_patterns@advanced"}, {"hours_done", 1}},
                                 {{"unit", "scalability_planning@advanced"}, {"hours_done", 1}},
                                 {{"unit", "architectural_patterns@advanced"}, {"done_on", "2027-02-01"}}});
    check_rejected(r, Status::schema, "/progress/2/unit", "twice (also at /progress/0)");
    r["progress"] = Json::array({"architectural_patterns@advanced"});
    check_rejected(r, Status::schema, "/progress/0", "progress entry");
    r["progress"] = "all of it";
    check_rejected(r, Status::schema, "/progress", "progress");
    // Without replan_from, done_on is measured against the start.
    r = alex();
    r["progress"] = Json::array({{{"unit", "architectural_patterns@advanced"}, {"done_on", "2027-01-05"}}});
    check_rejected(r, Status::schema, "/progress/0/done_on", "(start)");
    // A replan_from past the planning horizon leaves nothing to plan.
    r = alex();
    r["replan_from"] = "2090-01-01";
    r["target_date"] = "2027-07-03";
    check_rejected(r, Status::limit, "/replan_from", "past");
}

namespace {

// How many pairs of units that both paths hold are worked on in the other order.
std::size_t reordered_pairs(const Plan &a, const Plan &b) {
    std::map<UnitIndex, std::size_t> position;
    for (std::size_t i = 0; i < b.path.size(); ++i) position[b.path[i].unit] = i;
    std::vector<std::size_t> order;  // b's positions, in a's order, of the units both hold
    for (const PlannedUnit &pu : a.path)
        if (const auto it = position.find(pu.unit); it != position.end()) order.push_back(it->second);
    std::size_t inversions = 0;
    for (std::size_t i = 0; i < order.size(); ++i)
        for (std::size_t j = i + 1; j < order.size(); ++j) inversions += order[i] > order[j];
    return inversions;
}

}  // namespace

TEST_CASE("stability: after a small disturbance, the previous plan keeps the order where the objective allows") {
    // Alex and Maria with random hours, a random first day and random progress; then one small
    // disturbance (a week of time off, 5% more of a unit's hours done, or a holiday), re-planned
    // without "previous" and with the undisturbed re-plan as "previous". Ties among equally
    // urgent units then follow the previous plan, so fewer pairs should change places.
    const Curriculum &c = example();
    std::mt19937 rng(300);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    double without_total = 0, with_total = 0;
    int cases = 0, moved_without = 0, moved_with = 0;
    for (int i = 0; i < 300; ++i) {
        Json r = Json::parse(read_text(i % 2 ? "maria.request.json" : "alex.request.json"));
        r["learner"]["hours_per_week"] = uniform(4, 12);
        const Date start = Date::parse(r["start"].get<std::string>()).value();
        const Date from = start.plus_days(uniform(0, 60));
        r["replan_from"] = from.iso();
        const PlannedRequest first = plan_ok(c, r);
        Json progress = Json::array();
        for (const PlannedUnit &pu : first.plan.path)
            if (uniform(0, 4) == 0)
                progress.push_back({{"unit", c.unit_name(c.graph().unit(pu.unit))}, {"hours_done", pu.hours * uniform(1, 8) / 10.0}});
        r["progress"] = progress;
        const PlannedRequest base = plan_ok(c, r);
        if (base.plan.path.size() < 2) continue;

        Json disturbed = r;
        switch (uniform(0, 2)) {
        case 0: {
            const Date off = from.plus_days(uniform(0, 60));
            disturbed["learner"]["time_off"].push_back({{"from", off.iso()}, {"to", off.plus_days(6).iso()}});
            break;
        }
        case 1: {
            const PlannedUnit &pu = base.plan.path[static_cast<std::size_t>(uniform(0, static_cast<int>(base.plan.path.size()) - 1))];
            const std::string name = c.unit_name(c.graph().unit(pu.unit));
            const double more = 0.05 * (pu.hours + pu.hours_done);
            bool found = false;
            for (Json &p : disturbed["progress"])
                if (p["unit"] == name) {
                    p["hours_done"] = p["hours_done"].get<double>() + more;
                    found = true;
                }
            if (!found) disturbed["progress"].push_back({{"unit", name}, {"hours_done", more}});
            break;
        }
        default: disturbed["holidays"].push_back(from.plus_days(uniform(1, 90)).iso());
        }
        const PlannedRequest without = plan_ok(c, disturbed);
        Json with_previous = disturbed;
        with_previous["previous"] = Json::parse(plan_to_json_text(c, base.request, base.plan));
        const PlannedRequest with = plan_ok(c, with_previous);
        // The previous plan only breaks ties: the objective is the same either way.
        CHECK(with.plan.summary.max_lateness_hours == doctest::Approx(without.plan.summary.max_lateness_hours));
        const std::size_t a = reordered_pairs(base.plan, without.plan), b = reordered_pairs(base.plan, with.plan);
        without_total += static_cast<double>(a);
        with_total += static_cast<double>(b);
        moved_without += a > 0;
        moved_with += b > 0;
        ++cases;
    }
    MESSAGE(cases << " disturbed re-plans: pairs of units in the other order, mean " << without_total / cases
                  << " without previous, " << with_total / cases << " with it; plans with any change of order "
                  << moved_without << " without, " << moved_with << " with");
    CHECK(cases >= 250);
    CHECK(with_total <= without_total);
}

TEST_CASE("stability with ties: equally urgent units keep the previous plan's order, whatever it was") {
    // Six independent skills, all due on the target date with the same weight: every pair of units
    // ties, so without "previous" they are worked on by id. A previous plan that worked on them in
    // another order (a mentor reordered them, or an older plan on other inputs) then keeps that
    // order through a disturbance (a week of time off) when given, and loses it when not.
    std::mt19937 rng(6);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const int n = 6;
    double without_total = 0, with_total = 0;
    int cases = 0;
    for (int i = 0; i < 300; ++i) {
        Json skills = Json::array(), requires_levels = Json::object();
        for (int s = 0; s < n; ++s) {
            const std::string id = "s" + std::to_string(s);
            skills.push_back({{"id", id}, {"hours_by_level", {{"one", uniform(1, 4)}}}});
            requires_levels[id] = "one";
        }
        const Json curriculum_json = {{"id", "ties"},
                                      {"levels", {"none", "one"}},
                                      {"skills", skills},
                                      {"roles", Json::array({{{"id", "r"}, {"requires", requires_levels}}})}};
        const Curriculum c = Curriculum::load(curriculum_json.dump()).value();
        const Json request = {{"learner", {{"id", "l"}, {"hours_per_week", 5}}},
                              {"target_role", "r"},
                              {"start", "2027-01-04"},
                              {"target_date", "2027-12-31"}};
        const PlannedRequest base = plan_ok(c, request);
        REQUIRE(base.plan.path.size() == static_cast<std::size_t>(n));
        // The previous plan: the same units in a random order, each taking the dates of the place
        // it moves to (so its finishes, which the re-plan ranks by, follow that order).
        Json previous = Json::parse(plan_to_json_text(c, base.request, base.plan));
        std::vector<std::size_t> order(static_cast<std::size_t>(n));
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::shuffle(order.begin(), order.end(), rng);
        Json path = previous["path"];
        std::vector<std::string> previous_order;
        for (std::size_t k = 0; k < order.size(); ++k) {
            Json unit = previous["path"][order[k]];
            unit["start"] = previous["path"][k]["start"];
            unit["finish"] = previous["path"][k]["finish"];
            previous_order.push_back(unit["unit"].get<std::string>());
            path[k] = unit;
        }
        previous["path"] = path;

        Json disturbed = request;
        const Date off = Date::from_ymd(2027, 1, 4)->plus_days(uniform(0, 20));
        disturbed["learner"]["time_off"] = Json::array({{{"from", off.iso()}, {"to", off.plus_days(6).iso()}}});
        const PlannedRequest without = plan_ok(c, disturbed);
        disturbed["previous"] = previous;
        const PlannedRequest with = plan_ok(c, disturbed);
        CHECK(with.plan.summary.max_lateness_hours == doctest::Approx(without.plan.summary.max_lateness_hours));
        auto pairs_against_previous = [&](const Plan &plan) {
            std::map<std::string, std::size_t> position;
            for (std::size_t k = 0; k < plan.path.size(); ++k) position[c.unit_name(c.graph().unit(plan.path[k].unit))] = k;
            std::size_t inversions = 0;
            for (std::size_t a = 0; a < previous_order.size(); ++a)
                for (std::size_t b = a + 1; b < previous_order.size(); ++b)
                    inversions += position.at(previous_order[a]) > position.at(previous_order[b]);
            return inversions;
        };
        const std::size_t a = pairs_against_previous(without.plan), b = pairs_against_previous(with.plan);
        // Every pair ties, so the previous order is kept whole.
        CHECK(b == 0);
        without_total += static_cast<double>(a);
        with_total += static_cast<double>(b);
        ++cases;
    }
    MESSAGE(cases << " re-plans of six tied units after a week off: pairs in another order than the previous plan's, "
                  << "mean " << without_total / cases << " without previous, " << with_total / cases << " with it");
    // A random order of six has 7.5 inverted pairs against id order on average.
    CHECK(without_total / cases > 5);
}

// --- History sessions and changes.sessions -----------------------------------------------------

namespace {

using SessionKey = std::pair<std::string, std::int64_t>;  // type id, occurrence from 1

SessionKey key_of(const Json &session) { return {session["type"].get<std::string>(), session["occurrence"].get<std::int64_t>()}; }

// The learner's date of a session's start ("2027-03-23T10:00:00-04:00"), or none if dropped.
std::optional<std::string> day_of(const Json &session) {
    if (session["start"].is_null()) return std::nullopt;
    return session["start"].get<std::string>().substr(0, 10);
}

// The rule of README "Re-planning", read off the previous plan's document: held on a day before
// `from`, or dropped in a window that ends before it.
bool history_in(const Json &session, const std::string &from) {
    const auto day = day_of(session);
    return day ? *day < from : session["window"]["last"].get<std::string>() < from;
}

std::int64_t days_between(const std::string &a, const std::string &b) {
    return Date::parse(b)->days_since(*Date::parse(a));
}

// Checks a re-plan's document against the previous plan's: the history sessions are exactly the
// previous plan's before `from`, each as it was with "history": true; no occurrence is listed
// twice; nothing else starts before `from`; and changes.sessions says, in the program's order,
// how every other occurrence differs. Returns how many history sessions there are.
std::size_t check_history(const Curriculum &c, const Json &previous, const Json &replan) {
    const std::string from = replan["replan_from"];
    std::map<SessionKey, Json> before, now;
    std::size_t history = 0;
    for (const Json &s : previous["sessions"]) before[key_of(s)] = s;
    bool dropped_seen = false;
    std::int64_t last_end = std::numeric_limits<std::int64_t>::min();
    for (const Json &s : replan["sessions"]) {
        INFO(s.dump());
        REQUIRE(now.emplace(key_of(s), s).second);  // no occurrence twice
        // Placed and moved in time order, history first, none overlapping; then the dropped ones.
        if (s["status"] == "dropped") dropped_seen = true;
        else {
            CHECK_FALSE(dropped_seen);
            const std::int64_t start = parse_offset_date_time(s["start_utc"].get<std::string>())->utc_seconds();
            CHECK(start >= last_end);
            last_end = start + 60 * s["minutes"].get<std::int64_t>();
        }
        if (s.contains("history")) {
            CHECK(s["history"] == true);
            const auto was = before.find(key_of(s));
            REQUIRE(was != before.end());
            CHECK(history_in(was->second, from));
            // The same object, but for the mark (which a re-plan of a re-plan finds there already).
            Json copy = s, original = was->second;
            copy.erase("history");
            original.erase("history");
            CHECK(copy == original);
            ++history;
        } else {
            if (const auto day = day_of(s)) CHECK(*day >= from);
            CHECK(s["window"]["last"].get<std::string>() >= from);
        }
    }
    // Not a structured binding: clang 14 cannot capture one in INFO's lambda.
    for (const auto &entry : before)
        if (const Json &s = entry.second; history_in(s, from)) {
            INFO(s.dump());
            REQUIRE(now.count(entry.first));
            CHECK(now[entry.first].contains("history"));
        }
    // No warning is about a history session.
    for (const Json &w : replan["warnings"])
        for (const Json &o : w["sessions"]) CHECK_FALSE(now.at(key_of(o)).contains("history"));

    // changes.sessions against the two documents.
    const Program &program = *std::find_if(c.programs().begin(), c.programs().end(),
                                           [&](const Program &p) { return p.id == replan["program"]; });
    auto rank = [&](const std::string &type) {
        const std::size_t t = *c.find_session_type(type);
        return std::pair{static_cast<std::size_t>(std::find(program.session_types.begin(), program.session_types.end(), t) -
                                                  program.session_types.begin()),
                         t};
    };
    std::set<std::tuple<std::size_t, std::size_t, std::int64_t>> keys;
    for (const auto &[k, s] : before)
        if (!history_in(s, from)) keys.emplace(rank(k.first).first, rank(k.first).second, k.second);
    for (const auto &[k, s] : now)
        if (!s.contains("history")) keys.emplace(rank(k.first).first, rank(k.first).second, k.second);
    Json expected = Json::array();
    for (const auto &[r, t, occurrence] : keys) {
        const SessionKey k{c.session_types()[t].id, occurrence};
        const Json *was = before.count(k) && !history_in(before[k], from) ? &before[k] : nullptr;
        const Json *is = now.count(k) ? &now[k] : nullptr;
        Json change = {{"occurrence", occurrence}, {"type", k.first}, {"start", is ? (*is)["start"] : Json()},
                       {"start_before", was ? (*was)["start"] : Json()}};
        if (!was) change["change"] = "added";
        else if (!is) change["change"] = "removed";
        else if (day_of(*was) && day_of(*is)) {
            if ((*was)["start_utc"] == (*is)["start_utc"]) continue;
            change["change"] = "moved";
            change["days"] = days_between(*day_of(*was), *day_of(*is));
        } else if (day_of(*was)) change["change"] = "dropped";
        else if (day_of(*is)) change["change"] = "placed";
        else continue;
        expected.push_back(change);
    }
    CHECK(replan["changes"]["sessions"] == expected);
    return history;
}

Json done_by(const std::vector<std::pair<std::string, std::string>> &units) {
    Json progress = Json::array();
    for (const auto &[unit, day] : units) progress.push_back({{"unit", unit}, {"done_on", day}});
    return progress;
}

}  // namespace

TEST_CASE("history sessions: Alex on 2027-03-01 keeps his first sessions as they were, the one straddling it too") {
    const Curriculum &c = example();
    const Json first = Json::parse(plan_text(c, alex()));
    Json r = Json::parse(read_text("alex.replan.request.json"));
    r["previous"] = first;
    const Json replan = Json::parse(plan_text(c, r));
    CHECK(check_history(c, first, replan) == 14);
    // Career Planning #2's window (2027-02-04 to 2027-03-03) reaches replan_from, but the first
    // plan held it on 2027-02-04: it is history, not placed a second time.
    std::size_t planning_2 = 0;
    for (const Json &s : replan["sessions"])
        if (s["type"] == "career_planning" && s["occurrence"] == 2) {
            CHECK(s["history"] == true);
            CHECK(s["start"] == "2027-02-04T10:00:00-05:00");
            CHECK(s["milestones"] == Json::array({"system_design_fundamentals"}));
            ++planning_2;
        }
    CHECK(planning_2 == 1);
    // Without "previous", such an occurrence is placed again from replan_from, as before.
    r.erase("previous");
    const Json alone = Json::parse(plan_text(c, r));
    bool placed_again = false;
    for (const Json &s : alone["sessions"]) {
        CHECK_FALSE(s.contains("history"));
        placed_again |= s["type"] == "career_planning" && s["occurrence"] == 2 && s["status"] != "dropped";
    }
    CHECK(placed_again);
    // Two weeks off from 2027-03-08: the coaching of those weeks is dropped now, and a review
    // moved a week.
    CHECK(replan["changes"]["sessions"] == Json::parse(R"([
        {"change": "dropped", "occurrence": 10, "start": null, "start_before": "2027-03-09T10:00:00-05:00", "type": "coaching"},
        {"change": "dropped", "occurrence": 11, "start": null, "start_before": "2027-03-16T10:00:00-04:00", "type": "coaching"},
        {"change": "moved", "days": 7, "occurrence": 6, "start": "2027-03-24T09:30:00-04:00",
         "start_before": "2027-03-17T09:30:00-04:00", "type": "technical_review"}])"));
}

TEST_CASE("changes.sessions on a hand-made case: the mentor busy, a week taken, the time off gone") {
    // Alex's path from 2027-03-01 is the first plan's (the units it finished by then are done),
    // so only the sessions change: Mike is busy at coaching #12's slot and all of 5-9 April, and
    // Alex no longer takes 14-18 June off.
    const Curriculum &c = example();
    const Json first = Json::parse(plan_text(c, alex()));
    Json r = alex();
    r["previous"] = first;
    r["replan_from"] = "2027-03-01";
    r["progress"] = done_by({{"architectural_patterns@advanced", "2027-01-27"}, {"scalability_planning@advanced", "2027-02-18"}});
    r["learner"]["time_off"] = Json::array();
    r["mentor"]["busy"].push_back({{"start", "2027-03-23T10:00:00-04:00"}, {"minutes", 60}});
    r["mentor"]["busy"].push_back({{"start", "2027-04-05T00:00:00-04:00"}, {"end", "2027-04-10T00:00:00-04:00"}});
    const Json replan = Json::parse(plan_text(c, r));
    REQUIRE(replan["changes"]["moved"].empty());
    REQUIRE(replan["changes"]["finish_days"] == 0);
    check_history(c, first, replan);
    // In the program's order (coaching, technical review, career planning, practice interview):
    // coaching #12 goes to the next slot, #14 has none left in its week, #24 has its week back;
    // career planning #4 loses 7 April to the busy week and waits for the slots of the coaching
    // and review that follow; #6 and practice interview #2 take the June slots now open.
    CHECK(replan["changes"]["sessions"] == Json::parse(R"([
        {"change": "moved", "days": 1, "occurrence": 12, "start": "2027-03-24T09:30:00-04:00",
         "start_before": "2027-03-23T10:00:00-04:00", "type": "coaching"},
        {"change": "dropped", "occurrence": 14, "start": null, "start_before": "2027-04-06T10:00:00-04:00", "type": "coaching"},
        {"change": "placed", "occurrence": 24, "start": "2027-06-15T10:00:00-04:00", "start_before": null, "type": "coaching"},
        {"change": "moved", "days": 8, "occurrence": 4, "start": "2027-04-15T10:00:00-04:00",
         "start_before": "2027-04-07T09:30:00-04:00", "type": "career_planning"},
        {"change": "moved", "days": -13, "occurrence": 6, "start": "2027-06-17T10:00:00-04:00",
         "start_before": "2027-06-30T09:30:00-04:00", "type": "career_planning"},
        {"change": "moved", "days": -8, "occurrence": 2, "start": "2027-06-16T09:30:00-04:00",
         "start_before": "2027-06-24T10:00:00-04:00", "type": "practice_interview"}])"));
    // The model says the same, with indexes into both plans' sessions.
    const PlannedRequest planned = plan_ok(c, r);
    const auto &changes = planned.plan.changes->sessions;
    REQUIRE(changes.size() == 6);
    CHECK(changes[0].kind == PlanChanges::SessionChange::Kind::moved);
    CHECK(changes[0].days == 1);
    CHECK(planned.request.previous->sessions->at(*changes[0].before).day == *Date::from_ymd(2027, 3, 23));
    CHECK(planned.plan.sessions.at(*changes[0].now).day == *Date::from_ymd(2027, 3, 24));
    CHECK(changes[1].kind == PlanChanges::SessionChange::Kind::dropped);
    CHECK(planned.plan.sessions.at(*changes[1].now).status == Session::Status::dropped);
    CHECK(changes[2].kind == PlanChanges::SessionChange::Kind::placed);

    // A longer horizon adds occurrences, a shorter one removes them.
    Json later = r;
    later["target_date"] = "2027-08-27";
    const Json longer = Json::parse(plan_text(c, later));
    check_history(c, first, longer);
    Json sooner = r;
    sooner["learner"]["hours_per_week"] = 12;
    sooner["target_date"] = "2027-05-28";
    const Json shorter = Json::parse(plan_text(c, sooner));
    check_history(c, first, shorter);
    auto count = [](const Json &plan, const char *kind) {
        return std::count_if(plan["changes"]["sessions"].begin(), plan["changes"]["sessions"].end(),
                             [&](const Json &change) { return change["change"] == kind; });
    };
    CHECK(count(longer, "added") > 0);
    CHECK(count(longer, "removed") == 0);
    CHECK(count(shorter, "removed") > 0);
    CHECK(count(shorter, "added") == 0);
}

TEST_CASE("history sessions on random re-plans: the previous plan's before replan_from, as they were, and re-plans of re-plans") {
    const Curriculum &c = example();
    std::mt19937 rng(1515);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    std::size_t history = 0, dropped_history = 0, chained = 0, changed = 0;
    for (int i = 0; i < 60; ++i) {
        Json r = Json::parse(read_text(i % 2 ? "maria.request.json" : "alex.request.json"));
        r["learner"]["hours_per_week"] = uniform(4, 10);
        const Date start = Date::parse(r["start"].get<std::string>()).value();
        Json previous = Json::parse(plan_text(c, r));
        // One to three re-plans, each from a later day against the one before, with some time off
        // or a busy mentor after its first day.
        Date from = start;
        for (int step = uniform(1, 3); step > 0; --step) {
            from = from.plus_days(uniform(0, 50));
            Json next = r;
            next["replan_from"] = from.iso();
            next["previous"] = previous;
            const Date off = from.plus_days(uniform(0, 30));
            if (uniform(0, 1)) next["learner"]["time_off"].push_back({{"from", off.iso()}, {"to", off.plus_days(uniform(0, 9)).iso()}});
            else next["mentor"]["busy"].push_back({{"start", off.iso() + "T00:00:00Z"}, {"minutes", 60 * 24 * uniform(1, 6)}});
            INFO("re-plan from ", from.iso(), " of ", r["learner"]["id"]);
            const Json replan = Json::parse(plan_text(c, next));
            history += check_history(c, previous, replan);
            for (const Json &s : replan["sessions"]) dropped_history += s.contains("history") && s["status"] == "dropped";
            chained += previous.contains("replan_from") && previous["replan_from"] != previous["start"];
            changed += !replan["changes"]["sessions"].empty();
            previous = replan;
            r = next;
            r.erase("previous");
        }
    }
    MESSAGE(history << " history sessions checked (" << dropped_history << " dropped); " << chained
                    << " re-plans of a re-plan; " << changed << " with session changes");
    CHECK(history > 500);
    CHECK(dropped_history > 10);
    CHECK(chained > 20);
    CHECK(changed > 30);
}

TEST_CASE("a history session that runs past midnight into replan_from takes the slot it overlaps") {
    // Slots on Sunday 23:30 and Monday 00:00, every day a workday, no mentor: the first plan puts
    // technical review #1 (90 minutes) on Sunday 10 January at 23:30, so coaching #2 cannot have
    // Monday's 00:00; a re-plan from that Monday keeps the review as history, and so must it.
    const Curriculum &c = example();
    Json r = alex();
    r.erase("mentor");
    r["learner"]["workdays"] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    r["learner"]["session_slots"] = Json::parse(R"([{"weekday": "sun", "time": "23:30"}, {"weekday": "mon", "time": "00:00"}])");
    const Json first = Json::parse(plan_text(c, r));
    r["previous"] = first;
    r["replan_from"] = "2027-01-11";
    const Json replan = Json::parse(plan_text(c, r));
    CHECK(check_history(c, first, replan) == 2);
    CHECK(replan["sessions"][1]["type"] == "technical_review");
    CHECK(replan["sessions"][1]["start"] == "2027-01-10T23:30:00-05:00");
    bool found = false;
    for (const Json &s : replan["sessions"])
        if (s["type"] == "coaching" && s["occurrence"] == 2) {
            found = true;
            CHECK_FALSE(s.contains("history"));
            REQUIRE(s["why"].size() >= 1);
            CHECK(s["why"][0]["day"] == "2027-01-11");
            CHECK(s["why"][0]["closed_by"] == "taken");
            CHECK(s["why"][0]["detail"] == "the learner has technical_review #1 then");
        }
    CHECK(found);
}

TEST_CASE("a previous plan without sessions: nothing is history, nothing compared") {
    const Curriculum &c = example();
    Json first_request = alex();
    first_request["omit"] = {"sessions"};
    Json r = Json::parse(read_text("alex.replan.request.json"));
    r["previous"] = Json::parse(plan_text(c, first_request));
    const Json replan = Json::parse(plan_text(c, r));
    CHECK(replan["changes"]["sessions"].empty());
    r.erase("previous");
    CHECK(replan["sessions"] == Json::parse(plan_text(c, r))["sessions"]);
}

TEST_CASE("history sessions are exported to iCalendar as the previous plan exported them, with their UIDs") {
    const Curriculum &c = example();
    const std::string first = plan_text(c, alex());
    Json r = Json::parse(read_text("alex.replan.request.json"));
    r["previous"] = Json::parse(first);
    const std::string replan = plan_text(c, r);
    auto before = export_ical_from_json(first), after = export_ical_from_json(replan);
    REQUIRE(before);
    REQUIRE(after);
    // Each event, by its UID line.
    auto events = [](const std::string &ical) {
        std::map<std::string, std::string> out;
        for (std::size_t at = ical.find("BEGIN:VEVENT"); at != std::string::npos; at = ical.find("BEGIN:VEVENT", at + 1)) {
            const std::string event = ical.substr(at, ical.find("END:VEVENT", at) - at);
            const std::size_t uid = event.find("UID:");
            out[event.substr(uid, event.find("\r\n", uid) - uid)] = event;
        }
        return out;
    };
    const auto was = events(before.value()), is = events(after.value());
    std::size_t same = 0;
    const Json document = Json::parse(replan);
    for (const Json &s : document["sessions"]) {
        if (!s.contains("history") || s["status"] == "dropped") continue;
        const std::string uid = "UID:alex.technical_leadership.20270104." + s["type"].get<std::string>() + "." +
                                std::to_string(s["occurrence"].get<int>()) + "@careerpath";
        REQUIRE(is.count(uid));
        CHECK(is.at(uid) == was.at(uid));
        ++same;
    }
    CHECK(same == 14);
}

TEST_CASE("bad sessions in a previous plan: status and pointer") {
    const Json first = Json::parse(plan_text(example(), alex()));
    Json r = Json::parse(read_text("alex.replan.request.json"));
    auto with = [&](auto edit) {
        Json bad = r;
        bad["previous"] = first;
        edit(bad["previous"]["sessions"]);
        return bad;
    };
    // Find a session of the career planning type, which lists milestones and metrics.
    std::size_t planning = 0;
    while (first["sessions"][planning]["type"] != "career_planning") ++planning;
    const std::string at = "/previous/sessions/" + std::to_string(planning);
    check_rejected(with([](Json &s) { s[3]["type"] = "yoga"; }), Status::reference, "/previous/sessions/3/type", "\"yoga\"");
    check_rejected(with([](Json &s) { s[0]["agenda"][0] = "juggling@advanced"; }), Status::reference,
                   "/previous/sessions/0/agenda/0", "juggling@advanced");
    check_rejected(with([&](Json &s) { s[planning]["metrics"][1] = "happiness"; }), Status::reference, at + "/metrics/1",
                   "\"happiness\"");
    check_rejected(with([](Json &s) { s[0]["status"] = "maybe"; }), Status::schema, "/previous/sessions/0/status",
                   "not placed, moved or dropped");
    check_rejected(with([](Json &s) { s[0]["start"] = "2027-01-06T09:31:00-05:00"; }), Status::schema,
                   "/previous/sessions/0/start", "not the instant of \"start_utc\"");
    check_rejected(with([](Json &s) { s[0]["start"] = "Wednesday"; }), Status::schema, "/previous/sessions/0/start",
                   "not a date-time");
    check_rejected(with([](Json &s) {
                       s[0]["start"] = "2027-01-06T09:30:30-05:00";
                       s[0]["start_utc"] = "2027-01-06T14:30:30Z";
                   }),
                   Status::schema, "/previous/sessions/0/start", "whole minute");
    check_rejected(with([](Json &s) { s[0].erase("window"); }), Status::schema, "/previous/sessions/0/window", "window");
    check_rejected(with([](Json &s) { s[0]["window"]["last"] = "2027-01-01"; }), Status::schema,
                   "/previous/sessions/0/window/last", "before");
    check_rejected(with([](Json &s) { s[0]["why"][0]["closed_by"] = "rain"; }), Status::schema,
                   "/previous/sessions/0/why/0/closed_by", "\"rain\"");
    check_rejected(with([](Json &s) { s[0]["why"][0]["time"] = "25:00"; }), Status::schema,
                   "/previous/sessions/0/why/0/time", "not a time");
    check_rejected(with([](Json &s) { s[0]["why_more"] = -1; }), Status::schema, "/previous/sessions/0/why_more",
                   "between 0");
    check_rejected(with([](Json &s) { s[1]["occurrence"] = s[0]["occurrence"], s[1]["type"] = s[0]["type"]; }),
                   Status::schema, "/previous/sessions/1/occurrence", "a second session");
    check_rejected(with([](Json &s) { s = "none"; }), Status::schema, "/previous/sessions", "not an array");
    // A dropped session needs no time, but its window.
    Json dropped = with([](Json &s) {
        for (Json &session : s)
            if (session["status"] == "dropped") session.erase("window");
    });
    auto read = plan_from_json(example(), dropped.dump());
    REQUIRE_FALSE(read);
    CHECK(read.error().pointer.find("/window") != std::string::npos);
}
