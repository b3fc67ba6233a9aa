// Session placement over long horizons: Alex's request (examples/data) on the example
// curriculum, with the target date pushed Y years out so that the program's four session types
// expand into ~100 occurrences a year, and the mentor given one busy hour a week.
//   BM_Sessions/Y   make_plan for a Y-year horizon (the path itself is the same 114 hours)
// Counters: occurrences, placed (placed or moved) and dropped.
// The request is edited as a nlohmann tree and handed to the library as text (plan_from_json), so
// that the same source builds against the library before and after its readers change.
#include "bench_support.hpp"

#include <careerpath/plan.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace {

using careerpath_bench::read_file;
using Json = nlohmann::json;

// "YYYY-MM-DD" of the Tuesday `weeks` weeks after 2027-01-05.
std::string tuesday_after(int weeks) {
    using namespace std::chrono;
    const year_month_day day{sys_days{year{2027} / January / 5} + days{7 * weeks}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return text;
}

void BM_Sessions(benchmark::State &state) {
    const std::string dir = CAREERPATH_EXAMPLES_DATA;
    auto curriculum = careerpath::Curriculum::load(read_file(dir + "/engineering-growth.json"));
    if (!curriculum) throw std::runtime_error(curriculum.error().message);
    Json request = Json::parse(read_file(dir + "/alex.request.json"));
    const int years = static_cast<int>(state.range(0));
    request["target_date"] = std::to_string(2027 + years) + "-01-03";
    Json busy = Json::array();
    for (int week = 0; week < 52 * years; ++week) {  // Tuesdays 16:00 Berlin time, winter offset
        busy.push_back({{"start", tuesday_after(week) + "T16:00:00+01:00"}, {"minutes", 60}});
    }
    request["mentor"]["busy"] = busy;
    auto read = careerpath::plan_from_json(curriculum.value(), request.dump());
    if (!read) throw std::runtime_error(read.error().message);

    careerpath::Plan last;
    for (auto _ : state) {
        auto plan = careerpath::make_plan(curriculum.value(), read.value().request);
        if (!plan) {
            state.SkipWithError(plan.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(plan);
        last = std::move(plan).value();
    }
    std::size_t dropped = 0;
    for (const careerpath::Session &s : last.sessions) dropped += s.status == careerpath::Session::Status::dropped;
    state.counters["occurrences"] = static_cast<double>(last.sessions.size());
    state.counters["placed"] = static_cast<double>(last.sessions.size() - dropped);
    state.counters["dropped"] = static_cast<double>(dropped);
}

}  // namespace

BENCHMARK(BM_Sessions)->Arg(1)->Arg(10)->Arg(49)->Unit(benchmark::kMillisecond);
