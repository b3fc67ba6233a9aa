// Mentor matching (careerpath::match, docs/matching.md) on synthetic requests: the 200-skill
// synthetic curriculum (synthetic.hpp, 5 learned levels) with a role "mentoring_target" requiring
// 20 of its skills, N mentees and M mentors whose levels are drawn deterministically, mentor
// capacities adding up to about 1.2 x N, weekly availability in four time zones (UTC,
// Europe/Berlin, America/New_York, Asia/Kolkata: New York and Kolkata office hours never meet,
// so that some pairs share no hours), exclude_same_team over 50 teams, and a few reporting lines
// and exclude lists.
//   BM_Match/N/M       careerpath::match alone (every pair scored, min-cost flow assignment) on a
//                      request read once outside the timed loop (match_from_json, which matches it
//                      once too: setup, not timed); the 10,000 x 1,000 case (10 million pairs)
//                      runs once
//   BM_MatchJson/N/M   the whole call as careerpath_match makes it: request text in, result JSON
//                      text out (match_json_text)
// Both cases take the same request text, with "candidates_per_mentee": 5 (it only shortens the
// result's lists of candidates), so BM_MatchJson over BM_Match is what JSON in and out costs.
// The library is handed text only, so that the same source builds against the library before and
// after its readers change (docs/benchmarks.md, "Before and after").
// Counters: pairs (N x M), matched (mentees assigned), total_score (the sum of the assigned pairs'
// scores), peak_heap (the most heap in use at once during one call, over what was in use before
// it; load.cpp's counting operator new), max_rss (the process's peak resident set so far).
#include "bench_support.hpp"
#include "synthetic.hpp"

#include <careerpath/curriculum.hpp>
#include <careerpath/match.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>

namespace {

using careerpath_bench::max_rss_bytes;
using Json = nlohmann::json;
using careerpath_bench::synthetic_skill_id;

constexpr std::size_t curriculum_skills = 200;
constexpr std::size_t required_skills = 20;  // every tenth skill
constexpr std::size_t teams = 50;
const char *const zones[] = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"};
const char *const weekdays[] = {"mon", "tue", "wed", "thu", "fri"};

std::string hhmm(std::size_t minute) {
    const std::size_t h = minute / 60, m = minute % 60;
    return std::string(1, static_cast<char>('0' + h / 10)) + static_cast<char>('0' + h % 10) + ':' +
           static_cast<char>('0' + m / 10) + static_cast<char>('0' + m % 10);
}

/// One to three windows of 2 to 4 hours on weekdays, inside 08:00-18:00 local time.
Json availability(careerpath_bench::detail::Draw &draw) {
    Json windows = Json::array();
    for (std::size_t w = draw.between(1, 3); w > 0; --w) {
        const std::size_t from = draw.between(16, 28) * 30;  // 08:00 to 14:00, on the half hour
        const std::size_t to = from + draw.between(4, 8) * 30;
        windows.push_back({{"weekday", weekdays[draw.between(0, 4)]}, {"from", hhmm(from)}, {"to", hhmm(to)}});
    }
    return windows;
}

/// The synthetic curriculum of 200 skills with the role "mentoring_target" (20 skills, levels 2-5).
careerpath::Curriculum match_curriculum() {
    careerpath_bench::SyntheticSpec spec;
    spec.skills = curriculum_skills;
    spec.prerequisites = 3 * curriculum_skills;
    Json doc = Json::parse(careerpath_bench::synthetic_curriculum(spec));
    careerpath_bench::detail::Draw draw(7);
    Json requires_ = Json::object();
    for (std::size_t k = 0; k < required_skills; ++k) requires_[synthetic_skill_id(k * 10)] = draw.between(2, 5);
    doc["roles"].push_back({{"id", "mentoring_target"}, {"requires", requires_}});
    auto curriculum = careerpath::Curriculum::load(doc.dump());
    if (!curriculum) throw std::runtime_error(curriculum.error().message);
    return std::move(curriculum).value();
}

/// The request document: `mentees` mentees and `mentors` mentors (std::mt19937, fixed seed), listing
/// 5 candidates per mentee.
std::string match_text(std::size_t mentees, std::size_t mentors) {
    careerpath_bench::detail::Draw draw(20270104);
    const std::size_t capacity = (mentees * 12 / 10 + mentors - 1) / mentors;  // total about 1.2 x mentees
    auto mentee_id = [](std::size_t i) { return careerpath_bench::detail::numbered("mentee_", i, 6); };
    auto mentor_id = [](std::size_t i) { return careerpath_bench::detail::numbered("mentor_", i, 5); };
    Json doc = {{"target_role", "mentoring_target"}, {"mode", "score"}, {"week_of", "2027-01-04"},
                {"exclude_same_team", true}, {"min_shared_hours", 1}, {"needed_hours", 2}};
    doc["candidates_per_mentee"] = 5;
    Json list = Json::array();
    for (std::size_t i = 0; i < mentors; ++i) {
        Json levels = Json::object();
        for (std::size_t k = 0; k < required_skills; ++k)
            if (draw.chance(70)) levels[synthetic_skill_id(k * 10)] = draw.between(2, 5);
        Json m = {{"id", mentor_id(i)}, {"team", careerpath_bench::detail::numbered("team_", draw.between(0, teams - 1), 2)},
                  {"organization", "acme"}, {"capacity", capacity}, {"levels", levels},
                  {"time_zone", zones[i % std::size(zones)]}, {"available", availability(draw)}};
        if (i % 50 == 0) {  // a manager of three mentees
            Json reports = Json::array();
            for (std::size_t r = 0; r < 3; ++r) reports.push_back(mentee_id(draw.between(0, mentees - 1)));
            m["reports"] = std::move(reports);
        }
        if (i % 40 == 1) m["exclude"] = Json::array({mentee_id(draw.between(0, mentees - 1))});
        list.push_back(std::move(m));
    }
    doc["mentors"] = std::move(list);
    list = Json::array();
    for (std::size_t i = 0; i < mentees; ++i) {
        Json current = Json::object();
        for (std::size_t k = 0; k < required_skills; ++k)
            if (draw.chance(60)) current[synthetic_skill_id(k * 10)] = draw.between(0, 3);
        Json m = {{"id", mentee_id(i)}, {"team", careerpath_bench::detail::numbered("team_", draw.between(0, teams - 1), 2)},
                  {"organization", "acme"}, {"current", current},
                  {"time_zone", zones[(i / 3) % std::size(zones)]}, {"available", availability(draw)}};
        if (i % 100 == 7) m["manager"] = mentor_id(draw.between(0, mentors - 1));
        if (i % 100 == 13) m["exclude"] = Json::array({mentor_id(draw.between(0, mentors - 1))});
        list.push_back(std::move(m));
    }
    doc["mentees"] = std::move(list);
    return doc.dump();
}

const careerpath::Curriculum &curriculum() {
    static const careerpath::Curriculum c = match_curriculum();
    return c;
}

/// The request of one size, read once (reading is not what BM_Match measures).
const careerpath::MatchRequest &request(std::size_t mentees, std::size_t mentors) {
    static std::mutex mutex;
    static std::map<std::pair<std::size_t, std::size_t>, careerpath::MatchRequest> requests;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = requests.find({mentees, mentors});
    if (it == requests.end()) {
        auto read = careerpath::match_from_json(curriculum(), match_text(mentees, mentors));
        if (!read) throw std::runtime_error(read.error().message + " at " + read.error().pointer);
        it = requests.emplace(std::pair{mentees, mentors}, std::move(read).value().request).first;
    }
    return it->second;
}

using benchmark::Counter;

void BM_Match(benchmark::State &state) {
    const auto mentees = static_cast<std::size_t>(state.range(0));
    const auto mentors = static_cast<std::size_t>(state.range(1));
    const careerpath::Curriculum &c = curriculum();
    const careerpath::MatchRequest &r = request(mentees, mentors);
    std::size_t peak = 0, matched = 0;
    long long total = 0;
    for (auto _ : state) {
        const careerpath_bench::HeapPeak watch;
        careerpath::MatchResult result = careerpath::match(c, r);
        peak = watch.bytes();
        matched = result.assignments.size();
        total = result.total_score;
        benchmark::DoNotOptimize(result);
    }
    state.counters["pairs"] = static_cast<double>(mentees * mentors);
    state.counters["matched"] = static_cast<double>(matched);
    state.counters["total_score"] = static_cast<double>(total);
    state.counters["peak_heap"] = Counter(static_cast<double>(peak), Counter::kDefaults, Counter::kIs1024);
    state.counters["max_rss"] = Counter(max_rss_bytes(), Counter::kDefaults, Counter::kIs1024);
}

void BM_MatchJson(benchmark::State &state) {
    const auto mentees = static_cast<std::size_t>(state.range(0));
    const auto mentors = static_cast<std::size_t>(state.range(1));
    const careerpath::Curriculum &c = curriculum();
    const std::string text = match_text(mentees, mentors);
    std::size_t peak = 0, bytes = 0;
    for (auto _ : state) {
        const careerpath_bench::HeapPeak watch;
        auto out = careerpath::match_json_text(c, text);
        peak = watch.bytes();
        if (!out) {
            state.SkipWithError(out.error().message.c_str());
            return;
        }
        bytes = out.value().size();
        benchmark::DoNotOptimize(out.value().data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["pairs"] = static_cast<double>(mentees * mentors);
    state.counters["request_bytes"] = Counter(static_cast<double>(text.size()), Counter::kDefaults, Counter::kIs1024);
    state.counters["result_bytes"] = Counter(static_cast<double>(bytes), Counter::kDefaults, Counter::kIs1024);
    state.counters["peak_heap"] = Counter(static_cast<double>(peak), Counter::kDefaults, Counter::kIs1024);
    state.counters["max_rss"] = Counter(max_rss_bytes(), Counter::kDefaults, Counter::kIs1024);
}

}  // namespace

BENCHMARK(BM_Match)->Args({1000, 100})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Match)->Args({10000, 1000})->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_MatchJson)->Args({1000, 100})->Unit(benchmark::kMillisecond);
