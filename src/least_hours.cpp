// The least weekly hours at which a path meets a date: the closed formula of least_hours.hpp.
#include "least_hours.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {
namespace {

// Hours below this are no work (sums of unit hours carry rounding in their last bits).
constexpr double kEps = 1e-9;

// Jobs with every prerequisite before them: an iterative depth-first walk over the prerequisites,
// each job written after all of its own.
std::vector<std::size_t> prerequisites_first(const std::vector<Job> &jobs) {
    const std::size_t n = jobs.size();
    std::vector<std::size_t> order;
    order.reserve(n);
    std::vector<char> state(n, 0);  // 0 unseen, 1 on the stack, 2 written
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // job, next prerequisite to visit
    for (std::size_t root = 0; root < n; ++root) {
        if (state[root]) continue;
        stack.emplace_back(root, 0);
        state[root] = 1;
        while (!stack.empty()) {
            auto &[j, next] = stack.back();
            if (next < jobs[j].predecessors.size()) {
                const std::size_t p = jobs[j].predecessors[next++];
                if (!state[p]) {
                    state[p] = 1;
                    stack.emplace_back(p, 0);
                }
                continue;
            }
            state[j] = 2;
            order.push_back(j);
            stack.pop_back();
        }
    }
    return order;
}

// The least hours per working day over buckets of work by release: max S / (E - R) over the
// buckets' releases R (latest first) with S the hours released at R or later; none when work
// is released at or after E. `hours` is by release bucket, `release` the buckets' days, and
// `latest_first` the buckets from the latest release.
std::optional<double> least_per_day(const std::vector<double> &hours, const std::vector<std::int64_t> &release,
                                    const std::vector<std::size_t> &latest_first, std::int64_t end) {
    double suffix = 0, need = 0;
    for (std::size_t k = 0; k < latest_first.size(); ++k) {
        const std::size_t b = latest_first[k];
        suffix += hours[b];
        // Buckets of one release day are summed before the bound is taken.
        if (k + 1 < latest_first.size() && release[latest_first[k + 1]] == release[b]) continue;
        if (suffix <= kEps) continue;
        if (end <= release[b]) return std::nullopt;
        need = std::max(need, suffix / static_cast<double>(end - release[b]));
    }
    return need;
}

}  // namespace

std::optional<double> weekly_quarter_hours(double hours_per_day, int workdays_per_week) {
    const double weekly = hours_per_day * workdays_per_week;
    if (!(weekly <= 168 + kEps)) return std::nullopt;
    // A figure that is a quarter on paper may come out a hair above it.
    const double quarters = std::ceil(weekly * 4 - 4 * kEps);
    if (quarters > 168 * 4) return std::nullopt;
    return std::max(0.0, quarters / 4);
}

LeastHours least_hours(const LeastHoursInput &in) {
    const std::vector<Job> &jobs = *in.jobs;
    const std::size_t n = jobs.size(), w = in.windows.size();
    LeastHours out;
    out.windows.assign(w, std::nullopt);
    if (in.workdays_per_week <= 0) return out;

    // Each job's propagated release and earliest due, as window indexes: the latest release among
    // it and its prerequisites, the earliest due among it and the units that wait for it.
    const std::vector<std::size_t> order = prerequisites_first(jobs);
    std::vector<std::size_t> released(n), due(n);
    for (std::size_t j = 0; j < n; ++j) released[j] = due[j] = in.window_of[j];
    for (std::size_t j : order)
        for (std::size_t p : jobs[j].predecessors)
            if (in.windows[released[p]].release > in.windows[released[j]].release) released[j] = released[p];
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        for (std::size_t p : jobs[*it].predecessors)
            if (in.windows[due[*it]].due < in.windows[due[p]].due) due[p] = due[*it];

    std::vector<std::int64_t> release_day(w);
    for (std::size_t k = 0; k < w; ++k) release_day[k] = in.windows[k].release;
    std::vector<std::size_t> latest_first(w);
    std::iota(latest_first.begin(), latest_first.end(), std::size_t{0});
    std::sort(latest_first.begin(), latest_first.end(),
              [&](std::size_t a, std::size_t b) { return std::tie(release_day[b], a) < std::tie(release_day[a], b); });

    // The whole path by the target date, and with every unit released on the first day.
    std::vector<double> hours(w, 0);
    for (std::size_t j = 0; j < n; ++j) {
        hours[released[j]] += jobs[j].hours;
        out.total_hours += jobs[j].hours;
    }
    if (const auto per_day = least_per_day(hours, release_day, latest_first, in.target_due))
        out.target = weekly_quarter_hours(*per_day, in.workdays_per_week);
    if (out.total_hours <= kEps) out.target_working_ahead = 0.0;
    else if (in.target_due > 0)
        out.target_working_ahead =
            weekly_quarter_hours(out.total_hours / static_cast<double>(in.target_due), in.workdays_per_week);

    // Each window's end, earliest first, with the work due by it added as the ends pass.
    std::vector<std::size_t> by_due(n), ends(w);
    std::iota(by_due.begin(), by_due.end(), std::size_t{0});
    std::sort(by_due.begin(), by_due.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(in.windows[due[a]].due, a) < std::tie(in.windows[due[b]].due, b);
    });
    std::iota(ends.begin(), ends.end(), std::size_t{0});
    std::sort(ends.begin(), ends.end(),
              [&](std::size_t a, std::size_t b) { return std::tie(in.windows[a].due, a) < std::tie(in.windows[b].due, b); });
    std::fill(hours.begin(), hours.end(), 0.0);
    std::size_t added = 0;
    bool any_due = false;
    for (std::size_t e : ends) {
        const std::int64_t end = in.windows[e].due;
        for (; added < n && in.windows[due[by_due[added]]].due <= end; ++added) {
            hours[released[by_due[added]]] += jobs[by_due[added]].hours;
            any_due = true;
        }
        if (!any_due) {
            out.windows[e] = 0.0;
            continue;
        }
        if (const auto per_day = least_per_day(hours, release_day, latest_first, end))
            out.windows[e] = weekly_quarter_hours(*per_day, in.workdays_per_week);
    }
    return out;
}

}  // namespace detail
CAREERPATH_NAMESPACE_END
