// Cohort planning (careerpath_plan_cohort, docs/cohort-planning.md) on synthetic cohorts of the
// example curriculum (examples/data/engineering-growth.json): L learners in the two individual
// programs (four session types: weekly coaching, fortnightly reviews of 90 minutes, monthly career
// planning, two practice interviews), each with a target date M months after the start, so that
// their sessions run M months; K mentors, L/K learners each, every mentor available four days a
// week and giving at most 16 session hours a week, in four time zones; learners in their mentor's
// zone or the next, with three or four weekly slots on the hour, so that learners of one mentor
// often want the same hours.
//   BM_CohortPlan/L/K/M       the whole call as careerpath_plan_cohort makes it: request text in,
//                             the document out (cohort_plan_json_text; the learning paths and the
//                             mentors' placements on one thread per core)
//   BM_CohortPlanModel/L/K/M  make_cohort_plan alone on a request read once outside the timed loop:
//                             the plans and the joint placement, without reading or writing JSON
// Counters: sessions (every learner's occurrences), placed, dropped (BM_CohortPlan), peak_heap (the most heap in use
// at once during one call, over what was in use before it; load.cpp's counting operator new),
// heap_per_session (peak_heap / sessions: flat when memory is linear in the sessions), max_rss
// (the process's peak resident set so far, getrusage), request_bytes and result_bytes.
#include "bench_support.hpp"

#include <careerpath/cohort_plan.hpp>
#include <careerpath/curriculum.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <random>
#include <stdexcept>
#include <string>

namespace {

using careerpath_bench::max_rss_bytes;
using careerpath_bench::read_file;
using Json = nlohmann::json;
using benchmark::Counter;

const careerpath::Curriculum &curriculum() {
    static const careerpath::Curriculum c = [] {
        auto loaded = careerpath::Curriculum::load(read_file(std::string(CAREERPATH_EXAMPLES_DATA) + "/engineering-growth.json"));
        if (!loaded) throw std::runtime_error(loaded.error().message);
        return std::move(loaded).value();
    }();
    return c;
}

std::string clock_text(int hour) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:00", hour);
    return text;
}

// The cohort's request (std::mt19937, fixed seed): its target dates `months` after 2027-01-04.
std::string cohort_text(std::size_t learners, std::size_t mentors, int months) {
    const char *const zones[] = {"Europe/Berlin", "Europe/London", "America/New_York", "America/Chicago"};
    const char *const weekdays[] = {"mon", "tue", "wed", "thu", "fri"};
    const char *const skills[] = {"architectural_patterns", "scalability_planning", "technical_communication",
                                  "cross_team_collaboration", "management_fundamentals", "team_dynamics"};
    const char *const levels[] = {"none", "beginner", "intermediate"};
    std::mt19937 rng(20270104);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    char target[32];
    std::snprintf(target, sizeof target, "%04d-%02d-03", 2027 + months / 12, 1 + months % 12);
    Json doc = {{"mentors", Json::array()}, {"learners", Json::array()}};
    for (std::size_t m = 0; m < mentors; ++m) {
        Json available = Json::array();
        const int skip = pick(0, 4);  // four days a week
        for (int d = 0; d < 5; ++d)
            if (d != skip) available.push_back({{"weekday", weekdays[d]}, {"from", "09:00"}, {"to", "17:00"}});
        doc["mentors"].push_back({{"id", "mentor_" + std::to_string(m)},
                                  {"time_zone", zones[m % 4]},
                                  {"available", available},
                                  {"busy", Json::array()},
                                  {"max_hours_per_week", 16}});
    }
    for (std::size_t l = 0; l < learners; ++l) {
        const std::size_t m = l % mentors;
        Json current = Json::object();
        for (const char *skill : skills) current[skill] = levels[pick(0, 2)];
        Json slots = Json::array();
        for (int s = pick(3, 4); s > 0; --s) slots.push_back({{"weekday", weekdays[pick(0, 4)]}, {"time", clock_text(pick(9, 15))}});
        doc["learners"].push_back({{"learner",
                                    {{"id", "learner_" + std::to_string(l)},
                                     {"time_zone", zones[(m + static_cast<std::size_t>(pick(0, 1))) % 4]},
                                     {"current", current},
                                     {"hours_per_week", pick(4, 8)},
                                     {"session_slots", slots}}},
                                   {"program", l % 3 ? "technical_leadership" : "management_transition"},
                                   {"start", "2027-01-04"},
                                   {"target_date", target},
                                   {"mentor", "mentor_" + std::to_string(m)}});
    }
    return doc.dump();
}

void BM_CohortPlan(benchmark::State &state) {
    const auto learners = static_cast<std::size_t>(state.range(0));
    const auto mentors = static_cast<std::size_t>(state.range(1));
    const auto months = static_cast<int>(state.range(2));
    const careerpath::Curriculum &c = curriculum();
    const std::string text = cohort_text(learners, mentors, months);
    std::size_t peak = 0, bytes = 0;
    for (auto _ : state) {
        const careerpath_bench::HeapPeak watch;
        auto out = careerpath::cohort_plan_json_text(c, text);
        peak = watch.bytes();
        if (!out) {
            state.SkipWithError((out.error().message + " at " + out.error().pointer).c_str());
            return;
        }
        bytes = out.value().size();
        benchmark::DoNotOptimize(out.value().data());
    }
    // The counts, from the model (outside the timed loop).
    auto planned = careerpath::cohort_plan_from_json(c, text);
    if (!planned) throw std::runtime_error(planned.error().message);
    std::size_t sessions = 0, placed = 0;
    for (const careerpath::Plan &p : planned.value().plan.plans)
        for (const careerpath::Session &s : p.sessions) {
            ++sessions;
            placed += s.status != careerpath::Session::Status::dropped;
        }
    state.counters["sessions"] = static_cast<double>(sessions);
    state.counters["placed"] = static_cast<double>(placed);
    state.counters["dropped"] = static_cast<double>(sessions - placed);
    state.counters["peak_heap"] = Counter(static_cast<double>(peak), Counter::kDefaults, Counter::kIs1024);
    state.counters["heap_per_session"] = static_cast<double>(peak) / static_cast<double>(sessions);
    state.counters["max_rss"] = Counter(max_rss_bytes(), Counter::kDefaults, Counter::kIs1024);
    state.counters["request_bytes"] = Counter(static_cast<double>(text.size()), Counter::kDefaults, Counter::kIs1024);
    state.counters["result_bytes"] = Counter(static_cast<double>(bytes), Counter::kDefaults, Counter::kIs1024);
}

void BM_CohortPlanModel(benchmark::State &state) {
    const auto learners = static_cast<std::size_t>(state.range(0));
    const auto mentors = static_cast<std::size_t>(state.range(1));
    const auto months = static_cast<int>(state.range(2));
    const careerpath::Curriculum &c = curriculum();
    auto read = careerpath::read_cohort_plan_request(c, cohort_text(learners, mentors, months));
    if (!read) throw std::runtime_error(read.error().message);
    std::size_t peak = 0, sessions = 0, placed = 0;
    for (auto _ : state) {
        const careerpath_bench::HeapPeak watch;
        auto plan = careerpath::make_cohort_plan(c, read.value());
        peak = watch.bytes();
        if (!plan) {
            state.SkipWithError(plan.error().message.c_str());
            return;
        }
        sessions = placed = 0;
        for (const careerpath::Plan &p : plan.value().plans)
            for (const careerpath::Session &s : p.sessions) {
                ++sessions;
                placed += s.status != careerpath::Session::Status::dropped;
            }
        benchmark::DoNotOptimize(plan);
    }
    state.counters["sessions"] = static_cast<double>(sessions);
    state.counters["placed"] = static_cast<double>(placed);
    state.counters["peak_heap"] = Counter(static_cast<double>(peak), Counter::kDefaults, Counter::kIs1024);
    state.counters["heap_per_session"] = static_cast<double>(peak) / static_cast<double>(sessions);
    state.counters["max_rss"] = Counter(max_rss_bytes(), Counter::kDefaults, Counter::kIs1024);
}

// Learners, mentors and months: 1,000 learners with 100 mentors over 12 months is the size the
// figures in docs/benchmarks.md are for; the smaller two show how time and memory grow.
void cohort_sizes(benchmark::internal::Benchmark *b) {
    b->Args({100, 10, 12})->Args({300, 30, 12})->Args({1000, 100, 12});
    b->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
}

}  // namespace

BENCHMARK(BM_CohortPlan)->Apply(cohort_sizes);
BENCHMARK(BM_CohortPlanModel)->Apply(cohort_sizes);
