// Scheduling on one machine to minimize the maximum lateness with release dates, precedence and
// preemption (1|prec;r_j;pmtn|Lmax), after Baker, Lawler, Lenstra and Rinnooy Kan (1983):
// propagate the release dates forward and the due dates backward along the precedence, then run
// preemptive earliest-due-date (Horn 1974) on the modified dates.
//
// Why that is optimal. A schedule that respects the precedence runs every job j no earlier than
// r'_j and has max_j (C_j - d'_j) = max_j (C_j - d_j), because a job is late against d'_j exactly
// when some successor chain is late against its own due. So the optimum with precedence is at
// least the optimum of the relaxed problem 1|r'_j;pmtn|Lmax on the modified dates, which
// preemptive EDD reaches. And EDD on the modified dates respects the precedence by itself: a
// predecessor i of j is released no later (r'_i <= r'_j - p_i) and due no later
// (d'_i <= d'_j - p_j), so whenever j is waiting for i some unfinished ancestor of j is ready and
// at least as urgent. Holding back jobs whose predecessors are unfinished only decides those ties.
#include "schedule.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <queue>
#include <tuple>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// Tolerance on the hour axis, in hours (about 4 microseconds). Hours come in as sums and
// differences of calendar quantities, so times that are equal on paper can differ in the last
// bits: a release that arrives within kEps of now counts as arrived (no sliver of idle time
// before it), and a job whose remaining work would end within kEps after the next release ends
// now rather than being cut into a sliver. Priority keys (modified due, weight, rank) are
// compared exactly: a heap needs a strict weak ordering, and "equal within kEps" is not one.
constexpr double kEps = 1e-9;

// The precedence in both directions, as compressed rows: succ[succ_start[i] .. succ_start[i+1])
// are the jobs that list i as a predecessor (once per listing, so counts stay consistent).
struct Successors {
    std::vector<std::size_t> start;
    std::vector<std::size_t> to;
};

Successors successors_of(const std::vector<Job> &jobs) {
    const std::size_t n = jobs.size();
    Successors s;
    s.start.assign(n + 1, 0);
    for (const Job &j : jobs)
        for (std::size_t p : j.predecessors) ++s.start[p + 1];
    std::partial_sum(s.start.begin(), s.start.end(), s.start.begin());
    s.to.resize(s.start[n]);
    std::vector<std::size_t> fill(s.start.begin(), s.start.end() - 1);
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t p : jobs[j].predecessors) s.to[fill[p]++] = j;
    return s;
}

// Kahn's algorithm, first in first out. Only the propagation below uses the order, and that
// does not depend on it: each job's modified dates are a maximum or a minimum over the same
// values in the same predecessor order, whichever topological order computes them.
std::vector<std::size_t> topological(const std::vector<Job> &jobs, const Successors &succ) {
    const std::size_t n = jobs.size();
    std::vector<std::size_t> missing(n);
    std::vector<std::size_t> order;
    order.reserve(n);
    for (std::size_t j = 0; j < n; ++j) {
        missing[j] = jobs[j].predecessors.size();
        if (missing[j] == 0) order.push_back(j);
    }
    for (std::size_t next = 0; next < order.size(); ++next) {
        const std::size_t i = order[next];
        for (std::size_t k = succ.start[i]; k < succ.start[i + 1]; ++k)
            if (--missing[succ.to[k]] == 0) order.push_back(succ.to[k]);
    }
    return order;
}

// `order` (every job once) sorted by two doubles of each job, then rank, then index: a total
// order, so the result is the same whatever the sort does with ties. The keys are copied next to
// each other first, so that comparisons do not chase every job's record, and an order that is
// sorted already (the order jobs start in, usually) costs one pass.
struct SortKey {
    double first, second;
    std::size_t rank, job;
    friend bool operator<(const SortKey &a, const SortKey &b) {
        return std::tie(a.first, a.second, a.rank, a.job) < std::tie(b.first, b.second, b.rank, b.job);
    }
};

template <class First, class Second>
std::vector<std::size_t> sorted_jobs(const std::vector<Job> &jobs, std::vector<std::size_t> order, First first,
                                     Second second) {
    std::vector<SortKey> keys(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) keys[k] = {first(order[k]), second(order[k]), jobs[order[k]].rank, order[k]};
    if (!std::is_sorted(keys.begin(), keys.end())) std::sort(keys.begin(), keys.end());
    for (std::size_t k = 0; k < keys.size(); ++k) order[k] = keys[k].job;
    return order;
}

std::vector<std::size_t> every_job(std::size_t n) {
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), std::size_t{0});
    return all;
}

// An entry of the available jobs' heap with its priority keys inline. On top: the earliest
// modified due, then the higher weight, then the lower rank (the index only makes the order total
// when ranks repeat), a total order, so the jobs come off in one sequence however the heap is laid
// out.
struct Available {
    double due, weight;
    std::size_t rank, job;
    friend bool operator<(const Available &a, const Available &b) {  // a less urgent than b
        if (a.due != b.due) return a.due > b.due;
        if (a.weight != b.weight) return a.weight < b.weight;
        return std::tie(a.rank, a.job) > std::tie(b.rank, b.job);
    }
};

}  // namespace

Schedule schedule_min_max_lateness(const std::vector<Job> &jobs) {
    const std::size_t n = jobs.size();
    Schedule out;
    out.jobs.resize(n);
    if (n == 0) return out;

    const Successors succ = successors_of(jobs);
    const std::vector<std::size_t> topo = topological(jobs, succ);

    // Forward pass: a job cannot start before each predecessor could have finished.
    // Backward pass: a job must end early enough for each successor to still finish on time.
    std::vector<double> rel(n), due(n);
    for (std::size_t i : topo) {
        rel[i] = jobs[i].release;
        for (std::size_t p : jobs[i].predecessors) rel[i] = std::max(rel[i], rel[p] + jobs[p].hours);
    }
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
        const std::size_t i = *it;
        due[i] = jobs[i].due;
        for (std::size_t k = succ.start[i]; k < succ.start[i + 1]; ++k) {
            const std::size_t s = succ.to[k];
            due[i] = std::min(due[i], due[s] - jobs[s].hours);
        }
    }

    // Releases in time order (ties by rank, then index, for a fixed event order).
    const std::vector<std::size_t> by_release =
        sorted_jobs(jobs, every_job(n), [&](std::size_t j) { return rel[j]; }, [](std::size_t) { return 0.0; });

    // The most urgent available job on top.
    std::priority_queue<Available> available;
    auto make_available = [&](std::size_t j) { available.push({due[j], jobs[j].weight, jobs[j].rank, j}); };

    // A job enters `available` exactly once: when it is both released and free of unfinished
    // predecessors, whichever of the two happens last.
    std::vector<std::size_t> missing(n);
    for (std::size_t j = 0; j < n; ++j) missing[j] = jobs[j].predecessors.size();
    std::vector<char> released(n, 0), started(n, 0);
    std::vector<std::size_t> start_order;  // jobs as they first run: by start already
    start_order.reserve(n);
    std::vector<double> remaining(n);
    for (std::size_t j = 0; j < n; ++j) remaining[j] = jobs[j].hours;

    // Event-driven preemptive EDD: decisions change only when a job completes or a release
    // arrives, so time jumps from event to event instead of stepping. O((n + e) log n).
    std::size_t next = 0;  // next release in by_release
    double t = rel[by_release.front()];
    auto complete = [&](std::size_t j) {
        available.pop();
        out.jobs[j].finish = t;
        for (std::size_t k = succ.start[j]; k < succ.start[j + 1]; ++k) {
            const std::size_t s = succ.to[k];
            if (--missing[s] == 0 && released[s]) make_available(s);
        }
    };
    for (;;) {
        while (next < n && rel[by_release[next]] <= t + kEps) {
            const std::size_t j = by_release[next++];
            released[j] = 1;
            if (missing[j] == 0) make_available(j);
        }
        if (available.empty()) {
            // Idle only when every released job is finished: jump to the next release. With no
            // release left everything is done (or the precedence had a cycle, which the caller
            // rules out; the jobs on it are never run).
            if (next == n) break;
            t = rel[by_release[next]];
            continue;
        }
        const std::size_t j = available.top().job;
        if (!started[j]) {
            started[j] = 1;
            start_order.push_back(j);
            out.jobs[j].start = t;
        }
        const double horizon = next < n ? rel[by_release[next]] : std::numeric_limits<double>::infinity();
        if (t + remaining[j] <= horizon + kEps) {
            t += remaining[j];  // a 0-hour job completes the moment it is picked
            remaining[j] = 0;
            complete(j);
        } else {
            // Run until the next release, then decide again: a more urgent job may preempt.
            remaining[j] -= horizon - t;
            t = horizon;
        }
    }

    // n > 0 here, so both maxima run over at least one job.
    out.max_lateness = -std::numeric_limits<double>::infinity();
    out.finish = -std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < n; ++j) {
        ScheduledJob &s = out.jobs[j];
        s.modified_release = rel[j];
        s.modified_due = due[j];
        s.lateness = s.finish - jobs[j].due;
        out.max_lateness = std::max(out.max_lateness, s.lateness);
        out.finish = std::max(out.finish, s.finish);
    }

    // Time only moves forward, so jobs start in order; ties at one start (after 0-hour jobs) and
    // jobs that never ran (on a cycle) are what the sort is left to settle.
    out.order = sorted_jobs(jobs, start_order.size() == n ? std::move(start_order) : every_job(n),
                            [&](std::size_t j) { return out.jobs[j].start; },
                            [&](std::size_t j) { return out.jobs[j].finish; });

    // The last job cannot finish before any release date r plus all the work released at r or
    // later. Suffix sums over the release order give it for every r in O(n); among equal
    // releases the first in the order has the largest suffix, so taking every suffix is exact.
    double work_from_here = 0;
    out.lower_bound_finish = -std::numeric_limits<double>::infinity();
    for (std::size_t k = n; k-- > 0;) {
        const std::size_t j = by_release[k];
        work_from_here += jobs[j].hours;
        out.lower_bound_finish = std::max(out.lower_bound_finish, rel[j] + work_from_here);
    }
    return out;
}

CAREERPATH_NAMESPACE_END
