// The exhaustive optimum of 1|prec;r_j;pmtn|Lmax on small integer instances, for the tests that
// hold the scheduler (tests/unit/schedule.cpp) and re-planning (tests/unit/replan.cpp) to it.
#pragma once

#include "schedule.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <unordered_map>
#include <vector>

namespace careerpath_test {

using careerpath::Job;

// The least Lmax over every schedule that switches jobs only at whole hours; with integer data
// one of those is optimal among all preemptive schedules. Each slot [t, t+1) runs one job that is
// released (by its original release) and whose predecessors are complete, or idles. A 0-hour job
// completes at the first whole hour at which it is released and its predecessors are complete.
// Memoized on (t, state); a job's state is its remaining hours, 0 once complete, and 5 for a
// 0-hour job not yet complete. The machine is never needed past the last release plus all work.
class Exhaustive {
public:
    explicit Exhaustive(const std::vector<Job> &jobs) : n_(jobs.size()) {
        for (const Job &j : jobs) {
            hours_.push_back(static_cast<int>(j.hours));
            release_.push_back(static_cast<int>(j.release));
            due_.push_back(static_cast<int>(j.due));
            preds_.push_back(j.predecessors);
        }
        cap_ = *std::max_element(release_.begin(), release_.end()) + std::accumulate(hours_.begin(), hours_.end(), 0);
    }

    int solve() {
        std::vector<int> state(n_);
        for (std::size_t j = 0; j < n_; ++j) state[j] = hours_[j] == 0 ? kPending : hours_[j];
        return value(0, state);
    }

private:
    static constexpr int kPending = 5;
    static constexpr int kInfeasible = 1 << 20;

    bool ready(std::size_t j, int t, const std::vector<int> &state) const {
        if (release_[j] > t) return false;
        for (std::size_t p : preds_[j])
            if (state[p] != 0) return false;
        return true;
    }

    // The least max lateness of the jobs not complete in `state`, from hour t on.
    int value(int t, std::vector<int> state) {
        int here = std::numeric_limits<int>::min();
        for (bool changed = true; changed;) {
            changed = false;
            for (std::size_t j = 0; j < n_; ++j)
                if (state[j] == kPending && ready(j, t, state)) {
                    state[j] = 0;
                    here = std::max(here, t - due_[j]);
                    changed = true;
                }
        }
        if (std::all_of(state.begin(), state.end(), [](int c) { return c == 0; })) return here;
        if (t >= cap_) return kInfeasible;
        std::uint64_t key = static_cast<std::uint64_t>(t);
        for (int c : state) key = key * 6 + static_cast<std::uint64_t>(c);
        auto it = memo_.find(key);
        if (it == memo_.end()) {
            int best = value(t + 1, state);  // idle
            for (std::size_t j = 0; j < n_; ++j) {
                if (state[j] == 0 || state[j] == kPending || !ready(j, t, state)) continue;
                std::vector<int> next = state;
                --next[j];
                int v = value(t + 1, next);
                if (next[j] == 0) v = std::max(v, t + 1 - due_[j]);
                best = std::min(best, v);
            }
            it = memo_.emplace(key, best).first;
        }
        return std::max(here, it->second);
    }

    std::size_t n_;
    std::vector<int> hours_, release_, due_;
    std::vector<std::vector<std::size_t>> preds_;
    int cap_ = 0;
    std::unordered_map<std::uint64_t, int> memo_;
};

}  // namespace careerpath_test
