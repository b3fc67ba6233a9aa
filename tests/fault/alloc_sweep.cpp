// The allocation-failure sweep: every C ABI entry point, on every kind of document, run once per
// allocation it makes with that allocation failing ("once"), and once per allocation with it and
// every later one failing ("from"). Each run must return CAREERPATH_ERR_MEMORY or the very answer
// (status and bytes) of a run without failures, must not abort or leak, and the curriculum handle
// must give the same answers afterwards.
//
// This program replaces the global operator new and, through the linker's --wrap, the malloc
// family called by the library's own objects (the C ABI's output buffers), so it is built from the
// C ABI's source and the static C++ library rather than linked to libcareerpath.so. Each case and
// mode runs in a child process: an abort ends the child, the parent records the failure point and
// starts a new child after it, so one abort does not hide the next.
//
//   alloc_sweep DATA_DIR [CASE...]   runs every case, or the named ones; exit 1 on any failure
#include "careerpath.h"

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define CAREERPATH_SWEEP_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CAREERPATH_SWEEP_LSAN 1
#endif
#endif
#ifdef CAREERPATH_SWEEP_LSAN
#include <sanitizer/lsan_interface.h>
#endif

// --- The failing allocator. ----------------------------------------------------------------------

namespace {

enum class Mode { off, count, once, from };

std::atomic<Mode> g_mode{Mode::off};
std::atomic<long> g_count{0};     // allocations seen while armed
std::atomic<long> g_fail_at{0};   // the allocation (from 1) that fails first
std::atomic<long> g_injected{0};  // failures injected in this run

// True when this allocation is to fail.
bool should_fail() noexcept {
    const Mode mode = g_mode.load(std::memory_order_relaxed);
    if (mode == Mode::off) return false;
    const long n = g_count.fetch_add(1, std::memory_order_relaxed) + 1;
    const long at = g_fail_at.load(std::memory_order_relaxed);
    const bool fail = (mode == Mode::once && n == at) || (mode == Mode::from && n >= at);
    if (fail) g_injected.fetch_add(1, std::memory_order_relaxed);
    return fail;
}

extern "C" void *__real_malloc(std::size_t);

void *allocate(std::size_t size, std::size_t alignment) noexcept {
    if (should_fail()) return nullptr;
    if (size == 0) size = 1;
    if (alignment <= alignof(std::max_align_t)) return __real_malloc(size);
    void *p = nullptr;
    return posix_memalign(&p, alignment, size) == 0 ? p : nullptr;
}

void *allocate_or_throw(std::size_t size, std::size_t alignment) {
    void *p = allocate(size, alignment);
    if (!p) throw std::bad_alloc();
    return p;
}

}  // namespace

void *operator new(std::size_t n) { return allocate_or_throw(n, alignof(std::max_align_t)); }
void *operator new[](std::size_t n) { return allocate_or_throw(n, alignof(std::max_align_t)); }
void *operator new(std::size_t n, std::align_val_t a) { return allocate_or_throw(n, static_cast<std::size_t>(a)); }
void *operator new[](std::size_t n, std::align_val_t a) { return allocate_or_throw(n, static_cast<std::size_t>(a)); }
void *operator new(std::size_t n, const std::nothrow_t &) noexcept { return allocate(n, alignof(std::max_align_t)); }
void *operator new[](std::size_t n, const std::nothrow_t &) noexcept { return allocate(n, alignof(std::max_align_t)); }
void *operator new(std::size_t n, std::align_val_t a, const std::nothrow_t &) noexcept {
    return allocate(n, static_cast<std::size_t>(a));
}
void *operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t &) noexcept {
    return allocate(n, static_cast<std::size_t>(a));
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete[](void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }
void operator delete[](void *p, std::size_t) noexcept { std::free(p); }
void operator delete(void *p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void *p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void *p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void *p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void *p, const std::nothrow_t &) noexcept { std::free(p); }
void operator delete[](void *p, const std::nothrow_t &) noexcept { std::free(p); }
void operator delete(void *p, std::align_val_t, const std::nothrow_t &) noexcept { std::free(p); }
void operator delete[](void *p, std::align_val_t, const std::nothrow_t &) noexcept { std::free(p); }

// The library's own calls of the malloc family (linked with -Wl,--wrap=malloc,...).
extern "C" {
void *__real_malloc(std::size_t);
void *__real_calloc(std::size_t, std::size_t);
void *__real_realloc(void *, std::size_t);
void *__wrap_malloc(std::size_t n) { return should_fail() ? nullptr : __real_malloc(n); }
void *__wrap_calloc(std::size_t n, std::size_t size) { return should_fail() ? nullptr : __real_calloc(n, size); }
void *__wrap_realloc(void *p, std::size_t n) { return should_fail() ? nullptr : __real_realloc(p, n); }
}

// --- The cases. ----------------------------------------------------------------------------------

namespace {

struct Answer {
    careerpath_status status = CAREERPATH_OK;
    std::string text;   // the output document or text, or the batch's lines joined by "\n"
    std::string error;  // careerpath_last_error() and careerpath_last_error_pointer() of a failure

    bool operator==(const Answer &) const = default;
};

struct Case {
    std::string name;
    std::function<Answer()> run;
    std::function<Answer()> check_handle;  // a call on the same handle afterwards; may be empty
};

std::string g_data;

std::string read_file(const std::string &name) {
    std::ifstream in(g_data + "/" + name, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "alloc_sweep: cannot read %s/%s\n", g_data.c_str(), name.c_str());
        std::exit(2);
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Ends the armed part of a run: what the harness does with the answer is not under test.
void disarm() { g_mode.store(Mode::off); }

// The status, and the message and pointer where the call failed.
Answer failure(careerpath_status status) {
    Answer a;
    a.status = status;
    if (status != CAREERPATH_OK)
        a.error = std::string(careerpath_last_error()) + " at \"" + careerpath_last_error_pointer() + "\"";
    return a;
}

// Takes a library buffer: its text, then frees it.
Answer take(careerpath_status status, char *buffer) {
    disarm();
    Answer a = failure(status);
    if (buffer) {
        a.text = buffer;
        careerpath_free(buffer);
    }
    if (status != CAREERPATH_OK && buffer) a.text = "a failed call returned a buffer";
    return a;
}

careerpath_curriculum *g_curriculum = nullptr;
std::string g_plan_json;

using DocumentCall = careerpath_status (*)(const careerpath_curriculum *, const char *, size_t, char **);

Answer document(DocumentCall call, const std::string &request) {
    char *out = nullptr;
    const careerpath_status s = call(g_curriculum, request.data(), request.size(), &out);
    return take(s, out);
}

Answer load(const std::string &text) {
    careerpath_curriculum *c = nullptr;
    const careerpath_status status = careerpath_curriculum_load(&c, text.data(), text.size());
    disarm();
    Answer a = failure(status);
    if (c) {
        // Only the load is under test; the description proves the handle is whole.
        char *described = nullptr;
        careerpath_status d = careerpath_curriculum_describe(c, &described);
        a.text = take(d, described).text;
        careerpath_curriculum_free(c);
    }
    if (a.status != CAREERPATH_OK && c) a.text = "a failed load returned a handle";
    return a;
}

Answer batch(const std::string &lines, unsigned threads) {
    std::string out;
    const careerpath_status s = careerpath_plan_batch(
        g_curriculum, lines.data(), lines.size(), threads,
        [](const char *line, size_t len, void *user) {
            auto *text = static_cast<std::string *>(user);
            const Mode mode = g_mode.exchange(Mode::off);  // the sink is the caller's code, not ours
            text->append(line, len);
            text->push_back('\n');
            g_mode.store(mode);
            return 0;
        },
        &out);
    disarm();
    Answer a = failure(s);
    a.text = std::move(out);
    return a;
}

Answer exported(const char *format, const std::string *input) {
    char *out = nullptr;
    const careerpath_status s =
        careerpath_export(g_curriculum, format, input ? input->data() : nullptr, input ? input->size() : 0, &out);
    return take(s, out);
}

std::vector<Case> make_cases() {
    const std::string curriculum = read_file("curriculum.json");
    const std::string plan = read_file("plan.json");
    const std::string score = read_file("score.json");
    const std::string cohort = read_file("cohort.json");
    const std::string match = read_file("match.json");
    const std::string group_match = read_file("group-match.json");
    const std::string cohort_plan = read_file("cohort-plan.json");
    const std::string bad_plan = R"({"learner": {"id": "ana", "hours_per_week": 4}, "program": "nope", "start": "2027-01-04"})";
    std::string lines = plan;
    for (char &ch : lines)
        if (ch == '\n') ch = ' ';
    lines = lines + "\n" + bad_plan + "\n{\"learner\": \n" + lines + "\n";

    // Curricula that fail at each stage of loading.
    const std::string malformed = R"({"id": "x", "levels": ["none", "a"], "skills": [{"id": "s", "hours": 1},]})";
    const std::string schema = R"({"id": "x", "levels": ["none", "a"], "skills": [{"id": "s", "hours": -1}]})";
    const std::string reference =
        R"({"id": "x", "levels": ["none", "a"], "skills": [{"id": "s", "hours": 1}], "roles": [{"id": "r", "requires": {"t": "a"}}]})";
    const std::string cycle = R"({"id": "x", "levels": ["none", "a", "b"], "skills": [{"id": "s", "hours": 1}, {"id": "t", "hours": 1}],
        "prerequisites": [{"skill": "s", "requires": "t"}, {"skill": "t", "requires": "s", "requires_level": "b"}]})";
    const std::string deep = std::string(80, '[') + std::string(80, ']');

    auto describe = [] {
        char *out = nullptr;
        const careerpath_status s = careerpath_curriculum_describe(g_curriculum, &out);
        return take(s, out);
    };
    auto replan = [plan] { return document(careerpath_plan, plan); };

    std::vector<Case> cases;
    cases.push_back({"load", [=] { return load(curriculum); }, {}});
    cases.push_back({"load_malformed", [=] { return load(malformed); }, {}});
    cases.push_back({"load_schema", [=] { return load(schema); }, {}});
    cases.push_back({"load_reference", [=] { return load(reference); }, {}});
    cases.push_back({"load_cycle", [=] { return load(cycle); }, {}});
    cases.push_back({"load_limit", [=] { return load(deep); }, {}});
    cases.push_back({"describe", describe, describe});
    cases.push_back({"plan", replan, replan});
    cases.push_back({"plan_bad", [=] { return document(careerpath_plan, bad_plan); }, replan});
    cases.push_back({"batch_1", [=] { return batch(lines, 1); }, replan});
    cases.push_back({"batch_2", [=] { return batch(lines, 2); }, replan});
    cases.push_back({"score", [=] { return document(careerpath_score, score); }, replan});
    cases.push_back({"cohort", [=] { return document(careerpath_cohort, cohort); }, replan});
    cases.push_back({"match", [=] { return document(careerpath_match, match); }, replan});
    cases.push_back({"match_group", [=] { return document(careerpath_match, group_match); }, replan});
    cases.push_back({"plan_cohort", [=] { return document(careerpath_plan_cohort, cohort_plan); }, replan});
    cases.push_back({"export_dot", [] { return exported("dot", nullptr); }, describe});
    cases.push_back({"export_mermaid_graph", [] { return exported("mermaid-graph", nullptr); }, describe});
    cases.push_back({"export_gantt", [] { return exported("mermaid-gantt", &g_plan_json); }, replan});
    cases.push_back({"export_ical", [] { return exported("ical", &g_plan_json); }, replan});
    cases.push_back({"export_bad_plan", [] {
                         static const std::string not_a_plan = R"({"learner": "ana", "path": 3})";
                         return exported("ical", &not_a_plan);
                     }, replan});
    return cases;
}

// --- The sweep of one case in one mode, in this (child) process. ---------------------------------

struct Progress {
    long tried = 0;
    long wrong = 0;
};

Answer run_armed(const Case &c, Mode mode, long at) {
    g_count.store(0);
    g_injected.store(0);
    g_fail_at.store(at);
    g_mode.store(mode);
    Answer a = c.run();
    g_mode.store(Mode::off);
    return a;
}

const char *mode_name(Mode mode) { return mode == Mode::once ? "once" : "from"; }

// Tells the parent a number: a failure point about to run (> 0), or one answered wrongly (< 0).
void tell(int report, long value) {
    if (write(report, &value, sizeof value) != static_cast<ssize_t>(sizeof value)) std::_Exit(3);
}

// Sweeps failure points from `first` on, telling the parent of each point before running it, so
// that it knows where a crash happened, and of each wrong answer. Returns nonzero on any.
int sweep(const Case &c, Mode mode, long first, int report) {
    const Answer reference = run_armed(c, Mode::count, 0);
    const Answer handle_reference = c.check_handle ? c.check_handle() : Answer{};
    long wrong = 0;
    for (long at = first;; ++at) {
        tell(report, at);
        const Answer a = run_armed(c, mode, at);
        const long injected = g_injected.load();
        if (injected == 0) {
            // The call made fewer than `at` allocations: every failure point has been tried.
            if (!(a == reference)) {
                std::fprintf(stderr, "  %s %s: the run without failures answered differently\n", c.name.c_str(),
                             mode_name(mode));
                ++wrong;
                tell(report, -at);
            }
            break;
        }
        // Out of memory: no output (a batch keeps the whole lines it delivered before).
        const bool memory = a.status == CAREERPATH_ERR_MEMORY &&
                            (c.name.rfind("batch", 0) == 0 ? reference.text.rfind(a.text, 0) == 0 : a.text.empty());
        if (!memory && !(a == reference)) {
            tell(report, -at);
            if (++wrong <= 5)
                std::fprintf(stderr, "  %s %s at %ld: %s, expected %s or CAREERPATH_ERR_MEMORY (%s)\n", c.name.c_str(),
                             mode_name(mode), at, careerpath_status_name(a.status),
                             careerpath_status_name(reference.status),
                             a.status == reference.status ? "different bytes" : careerpath_last_error());
        }
        if (c.check_handle && !(c.check_handle() == handle_reference)) {
            tell(report, -at);
            if (++wrong <= 5)
                std::fprintf(stderr, "  %s %s at %ld: the handle answers differently afterwards\n", c.name.c_str(),
                             mode_name(mode), at);
        }
    }
    return wrong > 0 ? 1 : 0;
}

struct Outcome {
    long points = 0;   // failure points tried
    long aborts = 0;   // children killed by a signal (an abort, a crash)
    long wrong = 0;    // failure points answered wrongly (a wrong status or bytes, a broken handle)
    long leaks = 0;    // children whose LeakSanitizer check failed
};

constexpr int leak_exit = 42;

// Runs the sweep of one case and mode in child processes, restarting after each crash.
Outcome sweep_in_children(const Case &c, Mode mode) {
    Outcome outcome;
    long first = 1;
    constexpr long max_aborts = 20;  // enough to show a pattern; a fixed build has none
    while (true) {
        int fds[2];
        if (pipe(fds) != 0) std::abort();
        std::fflush(nullptr);
        const pid_t child = fork();
        if (child < 0) std::abort();
        if (child == 0) {
            close(fds[0]);
            int status = sweep(c, mode, first, fds[1]);
#ifdef CAREERPATH_SWEEP_LSAN
            if (__lsan_do_recoverable_leak_check() != 0) {
                std::fprintf(stderr, "  %s %s: LeakSanitizer found leaks\n", c.name.c_str(), mode_name(mode));
                status = leak_exit;
            }
#endif
            std::fflush(nullptr);
            std::_Exit(status);
        }
        close(fds[1]);
        long at = 0, last = first - 1;
        while (read(fds[0], &at, sizeof at) == static_cast<ssize_t>(sizeof at)) {
            if (at > 0) last = at;
            else ++outcome.wrong;
        }
        close(fds[0]);
        int status = 0;
        waitpid(child, &status, 0);
        outcome.points += last - first + 1;
        if (WIFSIGNALED(status)) {
            ++outcome.aborts;
            std::fprintf(stderr, "  %s %s at %ld: the process died (signal %d)\n", c.name.c_str(), mode_name(mode), last,
                         WTERMSIG(status));
            if (outcome.aborts >= max_aborts) {
                std::fprintf(stderr, "  %s %s: stopped after %ld crashes\n", c.name.c_str(), mode_name(mode), outcome.aborts);
                break;
            }
            first = last + 1;
            continue;
        }
        if (WIFEXITED(status) && WEXITSTATUS(status) == leak_exit) ++outcome.leaks;
        --outcome.points;  // the last point is the run that made fewer allocations than it: no failure
        break;
    }
    return outcome;
}

}  // namespace

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: alloc_sweep DATA_DIR [CASE...]\n");
        return 2;
    }
    g_data = argv[1];
    std::vector<Case> cases = make_cases();

    const std::string curriculum = read_file("curriculum.json");
    if (careerpath_curriculum_load(&g_curriculum, curriculum.data(), curriculum.size()) != CAREERPATH_OK) {
        std::fprintf(stderr, "alloc_sweep: the sweep's curriculum does not load: %s\n", careerpath_last_error());
        return 2;
    }
    g_plan_json = document(careerpath_plan, read_file("plan.json")).text;

    long total_points = 0, total_aborts = 0, total_wrong = 0, total_leaks = 0;
    int run = 0;
    std::printf("%-22s %8s %8s %8s %8s %8s\n", "entry point / case", "once", "from", "crashes", "wrong", "leaks");
    for (const Case &c : cases) {
        bool wanted = argc == 2;
        for (int i = 2; i < argc; ++i) wanted = wanted || c.name == argv[i];
        if (!wanted) continue;
        ++run;
        const Outcome once = sweep_in_children(c, Mode::once);
        const Outcome from = sweep_in_children(c, Mode::from);
        std::printf("%-22s %8ld %8ld %8ld %8ld %8ld\n", c.name.c_str(), once.points, from.points,
                    once.aborts + from.aborts, once.wrong + from.wrong, once.leaks + from.leaks);
        std::fflush(stdout);
        total_points += once.points + from.points;
        total_aborts += once.aborts + from.aborts;
        total_wrong += once.wrong + from.wrong;
        total_leaks += once.leaks + from.leaks;
    }
    careerpath_curriculum_free(g_curriculum);
    std::printf("alloc sweep: %d cases, %ld failure points, %ld crashes, %ld wrong answers, %ld leaks\n", run,
                total_points, total_aborts, total_wrong, total_leaks);
    return total_aborts == 0 && total_wrong == 0 && total_leaks == 0 && run > 0 ? 0 : 1;
}
