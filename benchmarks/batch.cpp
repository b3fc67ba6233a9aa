// Batch planning through the C ABI (careerpath_plan_batch) on the 1,000-skill synthetic
// curriculum (synthetic.hpp) with the role "target" of plan.cpp (200 skills required) and N
// requests of a learner who holds a little of a third of the skills, each request varied a
// little and deterministically (batch_request below):
//   BM_BatchC/N/T   N request lines (JSON Lines, built in memory before timing) planned on T
//                   worker threads, the answers taken by a sink that only counts them; one
//                   iteration, wall-clock time; items_per_second is plans per second.
// Counters:
//   input_bytes     the JSON Lines buffer
//   peak_heap       the most heap in use at once during the batch, over what was in use before it
//                   (the input buffer and the loaded curriculum are in use before, so they are not
//                   in it); with the bounded window it must not grow with N
//   output_bytes    the answers' bytes, summed (none is kept)
//   max_rss         the process's peak resident set so far (getrusage), for scale
//   rss_growth      the process's resident high-water mark during the batch over its resident set
//                   before it (the kernel's count: VmHWM, reset through /proc/self/clear_refs)
// Heap counting is load.cpp's: its global operator new and delete count every byte of the
// program, the shared libcareerpath's included. That counting costs two atomic operations on
// shared counters per allocation, which with two threads planning (each plan allocates a great
// deal) slows the batch itself: so batch.cpp is also built alone, without load.cpp, as
// careerpath_bench_batch (CAREERPATH_BATCH_STANDALONE: no peak_heap counter), and the
// throughput figures come from that binary, the peak_heap figures from careerpath_bench.
//
// With CAREERPATH_BATCH_WRITE=<dir> in the environment, the curriculum document and the base
// request are written to <dir>/curriculum-1000.json and <dir>/request-base.json, for
// benchmarks/python_batch.py, which varies the base request the same way.
#include "synthetic.hpp"

#include "careerpath.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <atomic>
#include <cstddef>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include <unistd.h>

#ifndef CAREERPATH_BATCH_STANDALONE
namespace heap {  // defined in load.cpp
extern std::atomic<std::size_t> live;
extern std::atomic<std::size_t> peak;
}  // namespace heap
#endif

namespace {

using Json = nlohmann::json;
constexpr std::size_t skills = 1000;

struct BatchCase {
    std::string curriculum_text;  // the synthetic curriculum with the role "target"
    Json base_request;            // plan.cpp's request
};

// plan.cpp's make_case(1000, ...): the same curriculum, role and learner.
const BatchCase &batch_case() {
    static const BatchCase c = [] {
        careerpath_bench::PlanDocuments docs = careerpath_bench::plan_documents(skills, 20);
        BatchCase made{docs.curriculum.dump(), std::move(docs.request)};
        if (const char *dir = std::getenv("CAREERPATH_BATCH_WRITE")) {
            std::ofstream(std::string(dir) + "/curriculum-1000.json") << made.curriculum_text;
            std::ofstream(std::string(dir) + "/request-base.json") << made.base_request.dump();
        }
        return made;
    }();
    return c;
}

// Request i (from 0): the base request with 20 + i % 17 hours a week and four of the held skills
// at other levels. benchmarks/python_batch.py's batch_request is the same function.
Json batch_request(const Json &base, std::size_t i) {
    Json request = base;
    Json &learner = request["learner"];
    learner["id"] = "bench-" + std::to_string(i);
    learner["hours_per_week"] = 20 + i % 17;
    for (std::size_t k = 0; k < 4; ++k) {
        const std::size_t s = ((i * 37 + k * 251) % 334) * 3;  // one of the held skills 0, 3, ..., 999
        learner["current"][careerpath_bench::synthetic_skill_id(s)] = (i + k) % 3;
    }
    return request;
}

// The N request lines, built once per N (building them is not what is measured).
const std::string &batch_lines(std::size_t n) {
    static std::map<std::size_t, std::string> built;
    auto it = built.find(n);
    if (it == built.end()) {
        std::string text;
        const Json &base = batch_case().base_request;
        for (std::size_t i = 0; i < n; ++i) {
            text += batch_request(base, i).dump();
            text += '\n';
        }
        text.shrink_to_fit();
        built.clear();  // one buffer at a time: 100,000 lines are about 0.6 GB
        it = built.emplace(n, std::move(text)).first;
    }
    return it->second;
}

struct Count {
    std::size_t lines = 0;
    std::size_t bytes = 0;
    std::size_t errors = 0;
    std::string first_error;
};

int counting_sink(const char *line, std::size_t len, void *user) {
    auto &count = *static_cast<Count *>(user);
    ++count.lines;
    count.bytes += len;
    if (len > 9 && std::string_view(line, 9) == "{\"error\":") {
        if (count.errors++ == 0) count.first_error.assign(line, len);
    }
    return 0;
}

double max_rss_bytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) * 1024.0;
}

double rss_bytes() {  // resident now: /proc/self/statm, second field, in pages
    std::FILE *f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long size = 0, resident = 0;
    const int read = std::fscanf(f, "%lu %lu", &size, &resident);
    std::fclose(f);
    return read == 2 ? static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) : 0;
}

// The resident high-water mark (VmHWM of /proc/self/status), which reset_rss_peak restarts from
// the resident set now (writing 5 to /proc/self/clear_refs, Linux 4.0 and later).
void reset_rss_peak() {
    if (std::FILE *f = std::fopen("/proc/self/clear_refs", "w")) {
        std::fputs("5", f);
        std::fclose(f);
    }
}

double rss_peak_bytes() {
    std::FILE *f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    double kib = 0;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmHWM: %lf kB", &kib) == 1) break;
    std::fclose(f);
    return kib * 1024.0;
}

void BM_BatchC(benchmark::State &state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto threads = static_cast<unsigned>(state.range(1));
    const BatchCase &c = batch_case();
    careerpath_curriculum *curriculum = nullptr;
    if (careerpath_curriculum_load(&curriculum, c.curriculum_text.data(), c.curriculum_text.size()) != CAREERPATH_OK) {
        state.SkipWithError(careerpath_last_error());
        return;
    }
    const std::string &text = batch_lines(n);
    Count count;
    [[maybe_unused]] std::size_t peak = 0;
    reset_rss_peak();
    const double rss_before = rss_bytes();
    for (auto _ : state) {
        count = Count{};
#ifndef CAREERPATH_BATCH_STANDALONE
        const std::size_t before = heap::live.load();
        heap::peak.store(before);
#endif
        const careerpath_status status =
            careerpath_plan_batch(curriculum, text.data(), text.size(), threads, counting_sink, &count);
#ifndef CAREERPATH_BATCH_STANDALONE
        peak = heap::peak.load() - before;
#endif
        if (status != CAREERPATH_OK) {
            state.SkipWithError(careerpath_last_error());
            break;
        }
    }
    careerpath_curriculum_free(curriculum);
    if (count.lines != n) state.SkipWithError("the sink did not get one answer per line");
    if (count.errors) state.SkipWithError(("a line failed: " + count.first_error.substr(0, 300)).c_str());
    using benchmark::Counter;
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
    state.counters["input_bytes"] = Counter(static_cast<double>(text.size()), Counter::kDefaults, Counter::kIs1024);
    state.counters["output_bytes"] = Counter(static_cast<double>(count.bytes), Counter::kDefaults, Counter::kIs1024);
#ifndef CAREERPATH_BATCH_STANDALONE
    state.counters["peak_heap"] = Counter(static_cast<double>(peak), Counter::kDefaults, Counter::kIs1024);
#endif
    state.counters["max_rss"] = Counter(max_rss_bytes(), Counter::kDefaults, Counter::kIs1024);
    // The process's new high-water mark over what was resident before the batch (the input
    // buffer and the curriculum): what the batch added at its peak, by the kernel's count.
    state.counters["rss_growth"] =
        Counter(std::max(0.0, rss_peak_bytes() - rss_before), Counter::kDefaults, Counter::kIs1024);
}

// The per-call baseline for the Python binding's overhead: careerpath_plan called directly on a
// three-skill curriculum (bindings/python/tests/conftest.py's SMALL), so that the planning is
// cheap and a binding's own cost shows. benchmarks/python_batch.py times the same call through
// ctypes and through Curriculum.plan.
constexpr const char *small_curriculum = R"({"id":"small","title":"Small framework","levels":["none","beginner","intermediate"],"skills":[{"id":"a","title":"Skill A","area":"x","hours":2},{"id":"b","title":"Skill B","area":"y","hours":3,"hours_by_level":{"intermediate":5}},{"id":"c","title":"Skill C","area":"x","hours":1.5}],"prerequisites":[{"skill":"b","requires":"a"},{"skill":"c","level":"intermediate","requires":"b","requires_level":"beginner"}],"roles":[{"id":"dev","title":"Developer","requires":{"a":"intermediate","b":1}},{"id":"senior","title":"Senior developer","extends":"dev","requires":{"c":"intermediate"}}]})";
constexpr const char *small_request = R"({"learner":{"id":"p","current":{"a":"beginner"},"hours_per_week":10},"target_role":"senior","start":"2027-01-04","target_date":"2027-12-31"})";

void BM_PlanSmallC(benchmark::State &state) {
    careerpath_curriculum *curriculum = nullptr;
    const std::string text = small_curriculum, request = small_request;
    if (careerpath_curriculum_load(&curriculum, text.data(), text.size()) != CAREERPATH_OK) {
        state.SkipWithError(careerpath_last_error());
        return;
    }
    for (auto _ : state) {
        char *out = nullptr;
        if (careerpath_plan(curriculum, request.data(), request.size(), &out) != CAREERPATH_OK) {
            state.SkipWithError(careerpath_last_error());
            break;
        }
        benchmark::DoNotOptimize(out);
        careerpath_free(out);
    }
    careerpath_curriculum_free(curriculum);
}

}  // namespace

BENCHMARK(BM_PlanSmallC)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BatchC)
    ->ArgNames({"N", "threads"})
    ->Args({1000, 1})
    ->Args({1000, 2})
    ->Args({10000, 1})
    ->Args({10000, 2})
    ->Args({100000, 1})
    ->Args({100000, 2})
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kSecond);

#ifdef CAREERPATH_BATCH_STANDALONE
BENCHMARK_MAIN();
#endif
