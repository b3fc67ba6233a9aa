// Loading a curriculum: Curriculum::load (parse + validate + graph) and the C ABI's
// careerpath_curriculum_load, on synthetic curricula (synthetic.hpp) of 1,000 and 10,000 skills
// with three prerequisites per skill; 10,000 skills x 5 learned levels (50,000 units) and 30,000
// prerequisites is the headline case. Two floors on the same text, without the library:
//   BM_SaxFloor/N   nlohmann::json::sax_parse with a handler that does nothing: what a reader fed
//                   by nlohmann's SAX events cannot beat (the target: BM_Load within 1.5x of it,
//                   docs/benchmarks.md, "Before and after")
//   BM_DomFloor/N   nlohmann::json::parse into a tree: what any reader that builds a DOM first pays
// Only Curriculum::load(text) and the C ABI are called, so that the same source builds against
// the library before and after its readers change (docs/benchmarks.md, "Before and after").
//
// Counters, per case:
//   doc_bytes       size of the JSON document
//   skills, units, prerequisites
//   peak_heap       the most heap in use at once during one load, over what was in use before it
//                   (the global operator new and delete of this program count every byte)
//   retained_heap   heap still held by the loaded result (the parsed tree, the curriculum)
//   max_rss         the process's peak resident set so far (getrusage), for scale
//   bytes_per_second  document bytes loaded per second
// Memory counters are in bytes, printed with binary prefixes (Ki, Mi).
#include "synthetic.hpp"

#include <careerpath/curriculum.hpp>

#include "careerpath.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <malloc.h>
#include <sys/resource.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string>

// --- Heap accounting: every operator new and delete of the program. ----------------------------
// malloc_usable_size gives the size on delete without a header, whatever the alignment.
namespace heap {

std::atomic<std::size_t> live{0};
std::atomic<std::size_t> peak{0};

inline void allocated(void *p) noexcept {
    if (!p) return;
    const std::size_t now = live.fetch_add(malloc_usable_size(p), std::memory_order_relaxed) + malloc_usable_size(p);
    std::size_t seen = peak.load(std::memory_order_relaxed);
    while (now > seen && !peak.compare_exchange_weak(seen, now, std::memory_order_relaxed)) {
    }
}

inline void released(void *p) noexcept {
    if (p) live.fetch_sub(malloc_usable_size(p), std::memory_order_relaxed);
}

/// Starts a measurement: the peak restarts from what is live now, which is returned.
inline std::size_t reset_peak() noexcept {
    const std::size_t now = live.load(std::memory_order_relaxed);
    peak.store(now, std::memory_order_relaxed);
    return now;
}

inline void *allocate(std::size_t size) {
    void *p = std::malloc(size ? size : 1);
    if (!p) throw std::bad_alloc();
    allocated(p);
    return p;
}

inline void *allocate_aligned(std::size_t size, std::align_val_t align) {
    const auto a = static_cast<std::size_t>(align);
    void *p = nullptr;
    if (posix_memalign(&p, a < sizeof(void *) ? sizeof(void *) : a, size ? size : 1) != 0) throw std::bad_alloc();
    allocated(p);
    return p;
}

inline void release(void *p) noexcept {
    released(p);
    std::free(p);
}

}  // namespace heap

void *operator new(std::size_t size) { return heap::allocate(size); }
void *operator new[](std::size_t size) { return heap::allocate(size); }
void *operator new(std::size_t size, const std::nothrow_t &) noexcept {
    try { return heap::allocate(size); } catch (...) { return nullptr; }
}
void *operator new[](std::size_t size, const std::nothrow_t &) noexcept {
    try { return heap::allocate(size); } catch (...) { return nullptr; }
}
void *operator new(std::size_t size, std::align_val_t align) { return heap::allocate_aligned(size, align); }
void *operator new[](std::size_t size, std::align_val_t align) { return heap::allocate_aligned(size, align); }
void *operator new(std::size_t size, std::align_val_t align, const std::nothrow_t &) noexcept {
    try { return heap::allocate_aligned(size, align); } catch (...) { return nullptr; }
}
void *operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t &) noexcept {
    try { return heap::allocate_aligned(size, align); } catch (...) { return nullptr; }
}
void operator delete(void *p) noexcept { heap::release(p); }
void operator delete[](void *p) noexcept { heap::release(p); }
void operator delete(void *p, std::size_t) noexcept { heap::release(p); }
void operator delete[](void *p, std::size_t) noexcept { heap::release(p); }
void operator delete(void *p, const std::nothrow_t &) noexcept { heap::release(p); }
void operator delete[](void *p, const std::nothrow_t &) noexcept { heap::release(p); }
void operator delete(void *p, std::align_val_t) noexcept { heap::release(p); }
void operator delete[](void *p, std::align_val_t) noexcept { heap::release(p); }
void operator delete(void *p, std::size_t, std::align_val_t) noexcept { heap::release(p); }
void operator delete[](void *p, std::size_t, std::align_val_t) noexcept { heap::release(p); }
void operator delete(void *p, std::align_val_t, const std::nothrow_t &) noexcept { heap::release(p); }
void operator delete[](void *p, std::align_val_t, const std::nothrow_t &) noexcept { heap::release(p); }

namespace {

constexpr std::size_t prerequisites_per_skill = 3;
constexpr std::size_t learned_levels = 5;

/// One document per size, generated once (generation is not what is measured).
const std::string &document(std::size_t skills) {
    static std::mutex mutex;
    static std::map<std::size_t, std::string> documents;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = documents.find(skills);
    if (it == documents.end()) {
        careerpath_bench::SyntheticSpec spec;
        spec.skills = skills;
        spec.prerequisites = prerequisites_per_skill * skills;
        spec.learned_levels = learned_levels;
        it = documents.emplace(skills, careerpath_bench::synthetic_curriculum(spec)).first;
    }
    return it->second;
}

double max_rss_bytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) * 1024.0;  // ru_maxrss is in KiB on Linux
}

using benchmark::Counter;

void set_counters(benchmark::State &state, const std::string &text, std::size_t skills, std::size_t peak,
                  std::size_t retained) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["doc_bytes"] = Counter(static_cast<double>(text.size()), Counter::kDefaults, Counter::kIs1024);
    state.counters["skills"] = static_cast<double>(skills);
    state.counters["units"] = static_cast<double>(skills * learned_levels);
    state.counters["prerequisites"] = static_cast<double>(skills * prerequisites_per_skill);
    state.counters["peak_heap"] = Counter(static_cast<double>(peak), Counter::kDefaults, Counter::kIs1024);
    state.counters["retained_heap"] = Counter(static_cast<double>(retained), Counter::kDefaults, Counter::kIs1024);
    state.counters["max_rss"] = Counter(max_rss_bytes(), Counter::kDefaults, Counter::kIs1024);
}

// Measures one `load` (which returns what it loaded) for its peak and retained heap, outside the
// timed loop; fails the benchmark if the load fails.
template <class Load>
bool measure_heap(benchmark::State &state, Load &&load, std::size_t &peak, std::size_t &retained) {
    const std::size_t before = heap::reset_peak();
    {
        auto result = load();
        if (!result) {
            state.SkipWithError("the synthetic curriculum did not load");
            return false;
        }
        retained = heap::live.load() - before;
    }
    peak = heap::peak.load() - before;
    return true;
}

// A SAX handler that accepts every event and keeps nothing: the cost of tokenizing the text.
struct NullSax {
    using json = nlohmann::json;
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const json::string_t &) { return true; }
    bool string(json::string_t &) { return true; }
    bool binary(json::binary_t &) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(json::string_t &) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) { return false; }
};

bool sax_pass(const std::string &text) {
    NullSax handler;
    return nlohmann::json::sax_parse(text, &handler);
}

void BM_SaxFloor(benchmark::State &state) {
    const auto skills = static_cast<std::size_t>(state.range(0));
    const std::string &text = document(skills);
    std::size_t peak = 0, retained = 0;
    if (!measure_heap(state, [&] { return sax_pass(text); }, peak, retained)) return;
    for (auto _ : state) {
        const bool ok = sax_pass(text);
        benchmark::DoNotOptimize(ok);
    }
    set_counters(state, text, skills, peak, retained);
}

void BM_DomFloor(benchmark::State &state) {
    const auto skills = static_cast<std::size_t>(state.range(0));
    const std::string &text = document(skills);
    auto parse = [&] { return std::make_unique<nlohmann::json>(nlohmann::json::parse(text)); };
    std::size_t peak = 0, retained = 0;
    if (!measure_heap(state, parse, peak, retained)) return;
    for (auto _ : state) {
        nlohmann::json tree = nlohmann::json::parse(text);
        benchmark::DoNotOptimize(tree);
    }
    set_counters(state, text, skills, peak, retained);
}

void BM_Load(benchmark::State &state) {
    const auto skills = static_cast<std::size_t>(state.range(0));
    const std::string &text = document(skills);
    std::size_t peak = 0, retained = 0;
    if (!measure_heap(state, [&] { return careerpath::Curriculum::load(text); }, peak, retained)) return;
    for (auto _ : state) {
        auto loaded = careerpath::Curriculum::load(text);
        if (!loaded) {
            state.SkipWithError(loaded.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(loaded);
    }
    set_counters(state, text, skills, peak, retained);
}

struct CHandle {
    careerpath_curriculum *curriculum = nullptr;
    CHandle() = default;
    CHandle(CHandle &&other) noexcept : curriculum(other.curriculum) { other.curriculum = nullptr; }
    CHandle(const CHandle &) = delete;
    CHandle &operator=(const CHandle &) = delete;
    ~CHandle() { careerpath_curriculum_free(curriculum); }
    explicit operator bool() const { return curriculum != nullptr; }
};

void BM_CLoad(benchmark::State &state) {
    const auto skills = static_cast<std::size_t>(state.range(0));
    const std::string &text = document(skills);
    auto load = [&] {
        CHandle handle;
        careerpath_curriculum_load(&handle.curriculum, text.data(), text.size());
        return handle;
    };
    std::size_t peak = 0, retained = 0;
    if (!measure_heap(state, load, peak, retained)) return;
    for (auto _ : state) {
        careerpath_curriculum *curriculum = nullptr;
        if (careerpath_curriculum_load(&curriculum, text.data(), text.size()) != CAREERPATH_OK) {
            state.SkipWithError(careerpath_last_error());
            return;
        }
        benchmark::DoNotOptimize(curriculum);
        careerpath_curriculum_free(curriculum);
    }
    set_counters(state, text, skills, peak, retained);
}

}  // namespace

BENCHMARK(BM_SaxFloor)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DomFloor)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Load)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CLoad)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
