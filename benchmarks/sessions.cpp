// Session placement over long horizons: Alex's request (examples/data) on the example
// curriculum, with the target date pushed Y years out so that the program's four session types
// expand into ~100 occurrences a year, and the mentor given one busy hour a week.
//   BM_Sessions/Y   make_plan for a Y-year horizon (the path itself is the same 114 hours)
// Counters: occurrences, placed (placed or moved) and dropped.
#include <careerpath/json.hpp>
#include <careerpath/plan.hpp>

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

using careerpath::Json;

std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
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
        const auto day = careerpath::Date::from_ymd(2027, 1, 5)->plus_days(7 * week);
        busy.push_back({{"start", day.iso() + "T16:00:00+01:00"}, {"minutes", 60}});
    }
    request["mentor"]["busy"] = busy;
    auto read = careerpath::read_plan_request(curriculum.value(), request);
    if (!read) throw std::runtime_error(read.error().message);

    careerpath::Plan last;
    for (auto _ : state) {
        auto plan = careerpath::make_plan(curriculum.value(), read.value());
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
