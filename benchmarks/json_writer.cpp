// The JSON writer (src/io/json_writer.hpp) on the kinds of values result documents are made
// of, 10,000 at a time, each case beside nlohmann's dump() of the same values as a tree built
// beforehand (the tree is not timed), so that one run gives the writer's cost as a ratio:
//   BM_WriterNumbers / BM_DumpNumbers   hours and scores rounded to a millionth, as written
//   BM_WriterReals / BM_DumpReals       the same quotients unrounded: 16 or 17 digits each
//   BM_WriterStrings / BM_DumpStrings   unit ids, titles with UTF-8, a few with quotes and newlines
//   BM_WriterObjects / BM_DumpObjects   path entries: nine members each (keys checked in order)
// Counter: bytes_per_second of JSON text produced.
#include "json_writer.hpp"

#include <careerpath/json.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace {

using careerpath::Json;
using careerpath::detail::JsonWriter;
using careerpath::detail::rounded;

constexpr std::size_t kValues = 10000;

std::vector<double> reals() {
    std::mt19937_64 random(14);
    std::vector<double> out;
    for (std::size_t i = 0; i < kValues; ++i) out.push_back(static_cast<double>(random() % 50000000) / 7919.0);
    return out;
}

std::vector<double> numbers() {
    std::vector<double> out = reals();
    for (double &v : out) v = rounded(v);
    return out;
}

std::vector<std::string> strings() {
    const char *skills[] = {"architectural_patterns", "scalability_planning", "consensus_building",
                            "technical_communication", "Résumé of the café's “design” review"};
    const char *levels[] = {"@beginner", "@intermediate", "@advanced", "@expert"};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < kValues; ++i) {
        std::string s = std::string(skills[i % 5]) + levels[i % 4] + std::to_string(i);
        if (i % 50 == 0) s += " \"quoted\"\nsecond line";
        out.push_back(std::move(s));
    }
    return out;
}

struct Entry {
    std::string id, start, finish, release, due, phase;
    double lateness_hours;
    long long late_days;
    std::vector<std::string> requires_;
};

std::vector<Entry> entries() {
    const std::vector<double> n = numbers();
    const std::vector<std::string> s = strings();
    std::vector<Entry> out;
    for (std::size_t i = 0; i < kValues; ++i)
        out.push_back(Entry{s[i], "2027-01-04", "2027-02-19", "2027-01-04", "2027-03-03", "system_design",
                            n[i], static_cast<long long>(i % 30), {s[(i + 1) % kValues], s[(i + 7) % kValues]}});
    return out;
}

void write(JsonWriter &w, const Entry &e) {
    w.begin_object();
    w.member("due", e.due);
    w.member("finish", e.finish);
    w.member("id", e.id);
    w.member("late_days", e.late_days);
    w.member("lateness_hours", e.lateness_hours);
    w.member("phase", e.phase);
    w.member("release", e.release);
    w.key("requires");
    w.array(e.requires_);
    w.member("start", e.start);
    w.end_object();
}

Json tree(const Entry &e) {
    return Json{{"due", e.due},       {"finish", e.finish},   {"id", e.id},
                {"late_days", e.late_days}, {"lateness_hours", e.lateness_hours}, {"phase", e.phase},
                {"release", e.release}, {"requires", e.requires_}, {"start", e.start}};
}

template <class Write>
void time_writer(benchmark::State &state, Write &&write_all) {
    std::string text;
    for (auto _ : state) {
        text.clear();
        JsonWriter w(text);
        write_all(w);
        benchmark::DoNotOptimize(text.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void time_dump(benchmark::State &state, const Json &document) {
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string text = document.dump();
        bytes = text.size();
        benchmark::DoNotOptimize(text.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void BM_WriterNumbers(benchmark::State &state) {
    const std::vector<double> values = numbers();
    time_writer(state, [&](JsonWriter &w) { w.array(values); });
}
void BM_DumpNumbers(benchmark::State &state) { time_dump(state, Json(numbers())); }

void BM_WriterReals(benchmark::State &state) {
    const std::vector<double> values = reals();
    time_writer(state, [&](JsonWriter &w) { w.array(values); });
}
void BM_DumpReals(benchmark::State &state) { time_dump(state, Json(reals())); }

void BM_WriterStrings(benchmark::State &state) {
    const std::vector<std::string> values = strings();
    time_writer(state, [&](JsonWriter &w) { w.array(values); });
}
void BM_DumpStrings(benchmark::State &state) { time_dump(state, Json(strings())); }

void BM_WriterObjects(benchmark::State &state) {
    const std::vector<Entry> values = entries();
    time_writer(state, [&](JsonWriter &w) {
        w.begin_array();
        for (const Entry &e : values) write(w, e);
        w.end_array();
    });
}
void BM_DumpObjects(benchmark::State &state) {
    Json document = Json::array();
    for (const Entry &e : entries()) document.push_back(tree(e));
    time_dump(state, document);
}

}  // namespace

BENCHMARK(BM_WriterNumbers);
BENCHMARK(BM_DumpNumbers);
BENCHMARK(BM_WriterReals);
BENCHMARK(BM_DumpReals);
BENCHMARK(BM_WriterStrings);
BENCHMARK(BM_DumpStrings);
BENCHMARK(BM_WriterObjects);
BENCHMARK(BM_DumpObjects);
