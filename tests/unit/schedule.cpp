// src/schedule.hpp: 1|prec;r_j;pmtn|Lmax. The objective is compared with an independent
// exhaustive search over every integer-slot schedule on thousands of small random instances, and
// on large random instances with Horn's interval bound (the preemptive optimum equals the largest
// r + work - d over the windows of the modified dates). Every schedule is checked for precedence,
// releases, machine capacity, its documented fields and order, and finishing at its lower bound.
// Hand cases cover due-date propagation, preemption, the tie-breaks, 0-hour jobs and the empty
// input.
#include "schedule.hpp"
#include "exhaustive_schedule.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <random>
#include <tuple>
#include <unordered_map>
#include <vector>

using namespace careerpath;
using careerpath_test::Exhaustive;

namespace {

constexpr double kTol = 1e-9;

// Modified dates and the finish bound, recomputed here by memoized recursion over the
// predecessor lists rather than the library's topological passes.
struct Reference {
    std::vector<double> release, due;
    double lower_bound = 0;
};

Reference reference(const std::vector<Job> &jobs) {
    const std::size_t n = jobs.size();
    std::vector<std::vector<std::size_t>> succ(n);
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t p : jobs[j].predecessors) succ[p].push_back(j);
    Reference ref;
    ref.release.assign(n, std::numeric_limits<double>::quiet_NaN());
    ref.due.assign(n, std::numeric_limits<double>::quiet_NaN());
    std::function<double(std::size_t)> rel = [&](std::size_t j) {
        if (ref.release[j] == ref.release[j]) return ref.release[j];
        double r = jobs[j].release;
        for (std::size_t p : jobs[j].predecessors) r = std::max(r, rel(p) + jobs[p].hours);
        return ref.release[j] = r;
    };
    std::function<double(std::size_t)> due = [&](std::size_t j) {
        if (ref.due[j] == ref.due[j]) return ref.due[j];
        double d = jobs[j].due;
        for (std::size_t s : succ[j]) d = std::min(d, due(s) - jobs[s].hours);
        return ref.due[j] = d;
    };
    for (std::size_t j = 0; j < n; ++j) {
        rel(j);
        due(j);
    }
    for (std::size_t j = 0; j < n; ++j) {
        double work = 0;
        for (std::size_t k = 0; k < n; ++k)
            if (ref.release[k] >= ref.release[j]) work += jobs[k].hours;
        ref.lower_bound = std::max(ref.lower_bound, ref.release[j] + work);
    }
    return ref;
}

// Horn's condition: with preemption, all jobs meet deadlines d_j + L iff every window [a, b]
// holds the work of the jobs released at a or later and due by b. So the least L is the largest
// a + work(a, b) - b over the modified dates, which is also the optimum with precedence.
double interval_bound(const std::vector<Job> &jobs, const Reference &ref) {
    const std::size_t n = jobs.size();
    double best = -std::numeric_limits<double>::infinity();
    std::vector<std::size_t> inside;
    for (std::size_t a = 0; a < n; ++a) {
        inside.clear();
        for (std::size_t k = 0; k < n; ++k)
            if (ref.release[k] >= ref.release[a]) inside.push_back(k);
        std::sort(inside.begin(), inside.end(), [&](std::size_t x, std::size_t y) { return ref.due[x] < ref.due[y]; });
        double work = 0;
        for (std::size_t k : inside) {
            work += jobs[k].hours;
            best = std::max(best, ref.release[a] + work - ref.due[k]);
        }
    }
    return best;
}

// Everything the header promises about a schedule, apart from optimality.
void check_schedule(const std::vector<Job> &jobs, const Schedule &s) {
    const std::size_t n = jobs.size();
    REQUIRE(s.jobs.size() == n);
    REQUIRE(s.order.size() == n);
    const Reference ref = reference(jobs);

    std::vector<std::size_t> sorted(s.order);
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < n; ++i) REQUIRE(sorted[i] == i);
    for (std::size_t i = 1; i < n; ++i) {
        const std::size_t a = s.order[i - 1], b = s.order[i];
        CHECK(std::make_tuple(s.jobs[a].start, s.jobs[a].finish, jobs[a].rank) <=
              std::make_tuple(s.jobs[b].start, s.jobs[b].finish, jobs[b].rank));
    }

    double max_lateness = n ? -std::numeric_limits<double>::infinity() : 0;
    double finish = n ? -std::numeric_limits<double>::infinity() : 0;
    for (std::size_t j = 0; j < n; ++j) {
        const Job &job = jobs[j];
        const ScheduledJob &x = s.jobs[j];
        CHECK(std::abs(x.modified_release - ref.release[j]) <= kTol);
        CHECK(std::abs(x.modified_due - ref.due[j]) <= kTol);
        CHECK(x.modified_release >= job.release);
        CHECK(x.modified_due <= job.due);
        CHECK(x.start >= job.release - kTol);
        CHECK(x.start >= x.modified_release - kTol);
        CHECK(x.finish - x.start >= job.hours - kTol);
        if (job.hours == 0) CHECK(x.start == x.finish);
        for (std::size_t p : job.predecessors) CHECK(x.start >= s.jobs[p].finish - kTol);
        CHECK(x.lateness == x.finish - job.due);
        max_lateness = std::max(max_lateness, x.lateness);
        finish = std::max(finish, x.finish);
    }
    CHECK(s.max_lateness == max_lateness);
    CHECK(s.finish == finish);
    CHECK(std::abs(s.lower_bound_finish - ref.lower_bound) <= kTol);
    // Never idle while a released job waits: the finish meets its bound.
    CHECK(std::abs(s.finish - s.lower_bound_finish) <= kTol);

    // One machine: the jobs that lie wholly inside [a, b] fit in b - a hours.
    std::vector<std::size_t> by_finish(n);
    std::iota(by_finish.begin(), by_finish.end(), std::size_t{0});
    std::sort(by_finish.begin(), by_finish.end(),
              [&](std::size_t x, std::size_t y) { return s.jobs[x].finish < s.jobs[y].finish; });
    for (std::size_t a = 0; a < n; ++a) {
        const double from = s.jobs[a].start;
        double work = 0;
        for (std::size_t k : by_finish) {
            if (s.jobs[k].start < from) continue;
            work += jobs[k].hours;
            if (work > s.jobs[k].finish - from + 1e-7) {
                FAIL_CHECK("jobs inside [" << from << ", " << s.jobs[k].finish << "] need " << work << " hours");
                break;
            }
        }
    }
}

// --- Instances ----------------------------------------------------------------------------------

// Relabels jobs by a random permutation, so that the DAG's edges (built from lower to higher
// index) point every which way.
std::vector<Job> shuffle_labels(std::vector<Job> jobs, std::mt19937 &rng) {
    const std::size_t n = jobs.size();
    std::vector<std::size_t> perm(n);
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    std::shuffle(perm.begin(), perm.end(), rng);
    std::vector<Job> out(n);
    for (std::size_t j = 0; j < n; ++j) {
        out[perm[j]] = jobs[j];
        for (std::size_t &p : out[perm[j]].predecessors) p = perm[p];
    }
    return out;
}

// Small integer instances shaped like a plan: 1-3 phases as integer windows [a, b] on hours
// 0..25, each job either in a phase (release a, due b) or not (release 0, due the target).
std::vector<Job> small_instance(std::mt19937 &rng) {
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const int n = uniform(3, 7);
    const int target = uniform(4, 25);
    std::vector<std::pair<int, int>> phases(static_cast<std::size_t>(uniform(1, 3)));
    for (auto &[a, b] : phases) {
        a = uniform(0, 20);
        b = std::min(25, a + uniform(0, 8));
    }
    std::vector<Job> jobs(static_cast<std::size_t>(n));
    std::vector<std::size_t> ranks(jobs.size());
    std::iota(ranks.begin(), ranks.end(), std::size_t{0});
    std::shuffle(ranks.begin(), ranks.end(), rng);
    const int density = uniform(0, 4);  // edge probability in tenths
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        Job &job = jobs[j];
        job.hours = uniform(0, 4);
        if (uniform(0, 1)) {
            const auto &[a, b] = phases[static_cast<std::size_t>(uniform(0, static_cast<int>(phases.size()) - 1))];
            job.release = a;
            job.due = b;
        } else {
            job.release = 0;
            job.due = target;
        }
        job.weight = uniform(1, 2);
        job.rank = ranks[j];
        for (std::size_t i = 0; i < j; ++i)
            if (uniform(0, 9) < density) job.predecessors.push_back(i);
    }
    return shuffle_labels(std::move(jobs), rng);
}

// Large instances in fractional hours; some 0-hour jobs, repeated dues, repeated predecessors.
std::vector<Job> large_instance(std::mt19937 &rng) {
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto real = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    const std::size_t n = static_cast<std::size_t>(uniform(50, 300));
    const double horizon = real(0.3, 1.5) * static_cast<double>(n) * 2.5;
    std::vector<Job> jobs(n);
    std::vector<std::size_t> ranks(n);
    std::iota(ranks.begin(), ranks.end(), std::size_t{0});
    std::shuffle(ranks.begin(), ranks.end(), rng);
    const int max_preds = uniform(0, 4);
    for (std::size_t j = 0; j < n; ++j) {
        Job &job = jobs[j];
        job.hours = uniform(0, 9) == 0 ? 0.0 : real(0.1, 5.0);
        if (uniform(0, 2) == 0) {
            job.release = 0;
            job.due = horizon;
        } else {
            job.release = real(0, horizon * 0.8);
            job.due = uniform(0, 3) == 0 ? std::floor(job.release / 10) * 10 + 10 : job.release + real(0, 40);
        }
        job.weight = uniform(1, 3);
        job.rank = ranks[j];
        if (j > 0)
            for (int k = uniform(0, max_preds); k > 0; --k) {
                const auto p = static_cast<std::size_t>(uniform(0, static_cast<int>(j) - 1));
                job.predecessors.push_back(p);
                if (uniform(0, 19) == 0) job.predecessors.push_back(p);
            }
    }
    return shuffle_labels(std::move(jobs), rng);
}

// A feasible but naive schedule: one job at a time, to completion, in a topological order by
// rank. The exhaustive optimum can be no worse, and on a fair share of instances is better.
double list_schedule_lmax(const std::vector<Job> &jobs) {
    const std::size_t n = jobs.size();
    std::vector<double> finish(n);
    std::vector<char> done(n, 0);
    double t = 0, lmax = -std::numeric_limits<double>::infinity();
    for (std::size_t step = 0; step < n; ++step) {
        std::size_t pick = n;
        for (std::size_t j = 0; j < n; ++j) {
            if (done[j] || !std::all_of(jobs[j].predecessors.begin(), jobs[j].predecessors.end(),
                                        [&](std::size_t p) { return done[p] != 0; }))
                continue;
            if (pick == n || jobs[j].rank < jobs[pick].rank) pick = j;
        }
        t = std::max(t, jobs[pick].release) + jobs[pick].hours;
        done[pick] = 1;
        lmax = std::max(lmax, t - jobs[pick].due);
    }
    return lmax;
}

Job job(double hours, double release, double due, std::vector<std::size_t> preds = {}, double weight = 1,
        std::size_t rank = 0) {
    Job j;
    j.hours = hours;
    j.release = release;
    j.due = due;
    j.weight = weight;
    j.rank = rank;
    j.predecessors = std::move(preds);
    return j;
}

std::vector<Job> ranked(std::vector<Job> jobs) {
    for (std::size_t j = 0; j < jobs.size(); ++j) jobs[j].rank = j;
    return jobs;
}

}  // namespace

TEST_CASE("the maximum lateness equals the exhaustive optimum on small integer instances") {
    std::mt19937 rng(20240611);
    constexpr int kInstances = 3000;
    int naive_worse = 0, with_edges = 0, with_zero = 0;
    for (int i = 0; i < kInstances; ++i) {
        const std::vector<Job> jobs = small_instance(rng);
        const Schedule s = schedule_min_max_lateness(jobs);
        const int optimum = Exhaustive(jobs).solve();
        const double naive = list_schedule_lmax(jobs);
        INFO("instance " << i);
        REQUIRE(s.max_lateness == static_cast<double>(optimum));
        REQUIRE(naive >= static_cast<double>(optimum));
        check_schedule(jobs, s);
        naive_worse += naive > optimum;
        with_edges += std::any_of(jobs.begin(), jobs.end(), [](const Job &j) { return !j.predecessors.empty(); });
        with_zero += std::any_of(jobs.begin(), jobs.end(), [](const Job &j) { return j.hours == 0; });
    }
    MESSAGE(kInstances << " instances; naive list schedule worse on " << naive_worse << ", precedence on "
                       << with_edges << ", 0-hour jobs on " << with_zero);
    // The instances are hard enough to tell a good schedule from a naive one, and varied.
    CHECK(naive_worse > kInstances / 10);
    CHECK(with_edges > kInstances / 2);
    CHECK(with_zero > kInstances / 2);
}

TEST_CASE("large random instances: feasible, at the finish bound, and at Horn's interval bound") {
    std::mt19937 rng(7);
    for (int i = 0; i < 60; ++i) {
        const std::vector<Job> jobs = large_instance(rng);
        INFO("instance " << i << " with " << jobs.size() << " jobs");
        const Schedule s = schedule_min_max_lateness(jobs);
        check_schedule(jobs, s);
        CHECK(std::abs(s.max_lateness - interval_bound(jobs, reference(jobs))) <= kTol);
    }
}

TEST_CASE("a late successor pulls its predecessor's due date earlier") {
    // B (due 2) needs A (due 10); C is due 3. On the original dues C would go first and B would
    // finish at 3, an hour late; A's modified due is 2 - 1 = 1, so A and B go first.
    const std::vector<Job> jobs = ranked({job(1, 0, 10), job(1, 0, 2, {0}), job(1, 0, 3)});
    const Schedule s = schedule_min_max_lateness(jobs);
    check_schedule(jobs, s);
    CHECK(s.jobs[0].modified_due == 1);
    CHECK(s.jobs[1].modified_due == 2);
    CHECK(s.jobs[2].modified_due == 3);
    CHECK(s.jobs[1].modified_release == 1);
    CHECK(s.order == std::vector<std::size_t>{0, 1, 2});
    CHECK(s.jobs[2].finish == 3);
    CHECK(s.max_lateness == 0);
}

TEST_CASE("an urgent release preempts the running job; a less urgent one does not") {
    // A runs from 0; B (due 2) arrives at 1 and preempts it; C (due 20) arrives at 2 and waits.
    const std::vector<Job> jobs = ranked({job(4, 0, 10), job(1, 1, 2), job(1, 2, 20)});
    const Schedule s = schedule_min_max_lateness(jobs);
    check_schedule(jobs, s);
    CHECK(s.jobs[0].start == 0);
    CHECK(s.jobs[0].finish == 5);
    CHECK(s.jobs[1].start == 1);
    CHECK(s.jobs[1].finish == 2);
    CHECK(s.jobs[2].start == 5);
    CHECK(s.jobs[2].finish == 6);
    CHECK(s.order == std::vector<std::size_t>{0, 1, 2});
    CHECK(s.max_lateness == 0);
    CHECK(s.finish == 6);
}

TEST_CASE("idle until the next release, then the finish meets its bound") {
    const std::vector<Job> jobs = ranked({job(2, 0, 3), job(1, 5, 8), job(3, 6, 9)});
    const Schedule s = schedule_min_max_lateness(jobs);
    check_schedule(jobs, s);
    CHECK(s.jobs[1].start == 5);
    CHECK(s.jobs[2].start == 6);
    CHECK(s.finish == 9);
    CHECK(s.lower_bound_finish == 9);
}

TEST_CASE("ties on the modified due: higher weight first, then lower rank") {
    // Same due and release; indices 0, 1, 2 with (weight, rank) = (1, 0), (2, 2), (2, 1).
    const std::vector<Job> jobs = {job(1, 0, 5, {}, 1, 0), job(1, 0, 5, {}, 2, 2), job(1, 0, 5, {}, 2, 1)};
    const Schedule s = schedule_min_max_lateness(jobs);
    check_schedule(jobs, s);
    CHECK(s.order == std::vector<std::size_t>{2, 1, 0});
    CHECK(s.jobs[2].start == 0);
    CHECK(s.jobs[1].start == 1);
    CHECK(s.jobs[0].start == 2);
}

TEST_CASE("0-hour jobs complete the moment they are picked") {
    // M (0 h) follows A; B follows M. Z (0 h, due 1) has no predecessor and is picked at once.
    // L (0 h, released at 1, due 50) is less urgent than A, so it waits for A and B to finish.
    const std::vector<Job> jobs = ranked({job(2, 0, 4), job(0, 0, 6, {0}), job(1, 0, 5, {1}), job(0, 0, 1),
                                          job(0, 1, 50)});
    const Schedule s = schedule_min_max_lateness(jobs);
    check_schedule(jobs, s);
    CHECK(s.jobs[3].start == 0);
    CHECK(s.jobs[3].finish == 0);
    CHECK(s.jobs[0].finish == 2);
    CHECK(s.jobs[1].start == 2);
    CHECK(s.jobs[1].finish == 2);
    CHECK(s.jobs[1].modified_due == 4);  // from B: 5 - 1, earlier than M's own 6
    CHECK(s.jobs[0].modified_due == 4);
    CHECK(s.jobs[2].start == 2);
    CHECK(s.jobs[2].finish == 3);
    CHECK(s.jobs[4].start == 3);
    CHECK(s.jobs[4].finish == 3);
    CHECK(s.order == std::vector<std::size_t>{3, 0, 1, 2, 4});
    CHECK(s.max_lateness == -1);
    CHECK(s.finish == 3);
}

TEST_CASE("only 0-hour jobs") {
    const std::vector<Job> jobs = ranked({job(0, 2, 1), job(0, 0, 3, {0})});
    const Schedule s = schedule_min_max_lateness(jobs);
    check_schedule(jobs, s);
    CHECK(s.jobs[0].finish == 2);
    CHECK(s.jobs[1].finish == 2);
    CHECK(s.max_lateness == 1);
    CHECK(s.finish == 2);
    CHECK(s.lower_bound_finish == 2);
}

TEST_CASE("the empty input") {
    const Schedule s = schedule_min_max_lateness({});
    CHECK(s.jobs.empty());
    CHECK(s.order.empty());
    CHECK(s.max_lateness == 0);
    CHECK(s.finish == 0);
    CHECK(s.lower_bound_finish == 0);
}

TEST_CASE("the same input gives the same schedule") {
    std::mt19937 rng(99);
    for (int i = 0; i < 20; ++i) {
        const std::vector<Job> jobs = i % 2 ? large_instance(rng) : small_instance(rng);
        const Schedule a = schedule_min_max_lateness(jobs), b = schedule_min_max_lateness(jobs);
        REQUIRE(a.jobs.size() == b.jobs.size());
        for (std::size_t j = 0; j < a.jobs.size(); ++j) {
            CHECK(a.jobs[j].start == b.jobs[j].start);
            CHECK(a.jobs[j].finish == b.jobs[j].finish);
            CHECK(a.jobs[j].modified_release == b.jobs[j].modified_release);
            CHECK(a.jobs[j].modified_due == b.jobs[j].modified_due);
            CHECK(a.jobs[j].lateness == b.jobs[j].lateness);
        }
        CHECK(a.order == b.order);
        CHECK(a.max_lateness == b.max_lateness);
        CHECK(a.finish == b.finish);
        CHECK(a.lower_bound_finish == b.lower_bound_finish);
    }
}
