// Planning one learner on synthetic curricula (synthetic.hpp), with a target role that requires
// 200 skills spread evenly over the curriculum (a fifth of it at 1,000 skills; 20 skills at 100):
//   BM_Plan/N          make_plan alone: gap closure, calendar, schedule, dates (no JSON); at 168
//                      hours a week, so that even the 10,000-skill closure fits the 50-year horizon
//   BM_PlanJson/N      exactly what careerpath_plan does: request text in, plan text out
//                      (plan_json_text), on the same case
//   BM_PlanWrite/N     the plan document alone (plan_to_json_text) for the plan BM_Plan makes:
//                      what writing costs, apart from reading the request and planning
//   BM_PlanHorizon/H   1,000 skills at H tenths of an hour a week: the same units spread over five
//                      years (H = 1680) or forty (H = 200); the time must not follow the days
//   BM_Advice/N        the advice alone (README "Advice"): the least weekly hours of BM_Plan/N's
//                      path (least_hours.hpp, internal), with its windows' working days read off the
//                      calendar as make_plan does; every plan computes it, so it must stay under a
//                      tenth of BM_Plan/N
// Counters: units and hours in the path, and the calendar days from start to finish; plan_bytes.
// The library is handed text only (Curriculum::load, plan_from_json, plan_json_text), so that the
// same source builds against the library before and after its readers change
// (docs/benchmarks.md, "Before and after").
#include "synthetic.hpp"

#include <careerpath/plan.hpp>

#include "least_hours.hpp"

#include <algorithm>
#include <cmath>

#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

namespace {

careerpath::Curriculum load_curriculum(const std::string &text) {
    auto curriculum = careerpath::Curriculum::load(text);
    if (!curriculum) throw std::runtime_error(curriculum.error().message);
    return std::move(curriculum).value();
}

// The request as careerpath_plan reads it (plan_from_json plans it once too; only the request is
// kept, for make_plan).
careerpath::PlanRequest read_request(const careerpath::Curriculum &curriculum, const std::string &text) {
    auto planned = careerpath::plan_from_json(curriculum, text);
    if (!planned) throw std::runtime_error(planned.error().message + " at " + planned.error().pointer);
    return std::move(planned).value().request;
}

// A curriculum of `skills` skills with a role "target" requiring 200 of them (a fifth where there
// are fewer than 1,000), and the request of a learner who holds a little of a third of them. Made
// in place: the request is read against this object's curriculum.
struct PlanCase {
    careerpath::Curriculum curriculum;
    std::string request_text;
    careerpath::PlanRequest request;

    explicit PlanCase(const careerpath_bench::PlanDocuments &docs)
        : curriculum(load_curriculum(docs.curriculum.dump())), request_text(docs.request.dump()),
          request(read_request(curriculum, request_text)) {}
};

PlanCase make_case(std::size_t skills, double hours_per_week) {
    return PlanCase(careerpath_bench::plan_documents(skills, hours_per_week));
}

void counters(benchmark::State &state, const careerpath::Plan &plan, const careerpath::PlanRequest &request) {
    state.counters["units"] = static_cast<double>(plan.summary.units);
    state.counters["hours"] = plan.summary.hours;
    state.counters["days"] = plan.summary.finish.days_since(request.start);
}

// Times make_plan on one case and reports the last plan's counters.
void time_plan(benchmark::State &state, const PlanCase &c) {
    careerpath::Plan last;
    for (auto _ : state) {
        auto plan = careerpath::make_plan(c.curriculum, c.request);
        if (!plan) {
            state.SkipWithError(plan.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(plan);
        last = std::move(plan).value();
    }
    counters(state, last, c.request);
}

void BM_Plan(benchmark::State &state) { time_plan(state, make_case(static_cast<std::size_t>(state.range(0)), 168)); }

void BM_PlanJson(benchmark::State &state) {
    const PlanCase c = make_case(static_cast<std::size_t>(state.range(0)), 168);
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto out = careerpath::plan_json_text(c.curriculum, c.request_text);
        if (!out) {
            state.SkipWithError(out.error().message.c_str());
            return;
        }
        bytes = out.value().size();
        benchmark::DoNotOptimize(out.value().data());
    }
    state.counters["plan_bytes"] = static_cast<double>(bytes);
}

void BM_PlanWrite(benchmark::State &state) {
    const PlanCase c = make_case(static_cast<std::size_t>(state.range(0)), 168);
    auto plan = careerpath::make_plan(c.curriculum, c.request);
    if (!plan) {
        state.SkipWithError(plan.error().message.c_str());
        return;
    }
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string out = careerpath::plan_to_json_text(c.curriculum, c.request, plan.value());
        bytes = out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.counters["plan_bytes"] = static_cast<double>(bytes);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
}

void BM_PlanHorizon(benchmark::State &state) {
    time_plan(state, make_case(1000, static_cast<double>(state.range(0)) / 10));
}

void BM_Advice(benchmark::State &state) {
    using namespace careerpath;
    const PlanCase c = make_case(static_cast<std::size_t>(state.range(0)), 168);
    auto made = make_plan(c.curriculum, c.request);
    if (!made) {
        state.SkipWithError(made.error().message.c_str());
        return;
    }
    const Plan &plan = made.value();
    const PlanRequest &r = c.request;
    const Calendar calendar(CalendarSpec{r.first_day(), r.learner.hours_per_week, r.learner.workdays, r.holidays,
                                         r.learner.time_off},
                            plan.summary.finish.plus_days(366));
    // The path as the scheduler had it: hours and prerequisites, by position.
    std::vector<std::size_t> position(c.curriculum.graph().unit_count(), 0);
    for (std::size_t k = 0; k < plan.path.size(); ++k) position[plan.path[k].unit] = k;
    std::vector<Job> jobs(plan.path.size());
    for (std::size_t k = 0; k < plan.path.size(); ++k) {
        jobs[k].hours = plan.path[k].hours;
        for (UnitIndex u : plan.path[k].requires_units) jobs[k].predecessors.push_back(position[u]);
    }
    std::optional<double> figure;
    for (auto _ : state) {
        const double per_day = calendar.hours_per_working_day();
        auto days = [&](double hours) { return static_cast<std::int64_t>(std::llround(hours / per_day)); };
        detail::LeastHoursInput in;
        in.jobs = &jobs;
        in.workdays_per_week = static_cast<int>(std::count(r.learner.workdays.begin(), r.learner.workdays.end(), true));
        for (const PlannedPhase &p : plan.phases)
            in.windows.push_back({days(calendar.hours_before(p.first)), days(calendar.hours_through(p.last))});
        in.target_due = days(calendar.hours_through(r.target_date));
        in.windows.push_back({0, in.target_due});
        in.window_of.reserve(plan.path.size());
        for (const PlannedUnit &pu : plan.path) in.window_of.push_back(pu.phase.value_or(plan.phases.size()));
        const detail::LeastHours least = detail::least_hours(in);
        figure = least.target;
        benchmark::DoNotOptimize(figure);
    }
    state.counters["units"] = static_cast<double>(plan.path.size());
    state.counters["min_hours"] = figure.value_or(-1);
}

}  // namespace

BENCHMARK(BM_Plan)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlanJson)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlanWrite)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PlanHorizon)->Arg(1680)->Arg(400)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Advice)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);
