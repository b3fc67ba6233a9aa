// Capacitated k-means over gap vectors. Seeds: farthest-first (the person with the largest gap,
// then each time the person farthest from every seed so far), so that distinct needs start
// distinct groups. Each round assigns everyone to the groups, of fixed sizes, by the least total
// squared distance to the groups' means (solve_assignment, exact), then moves each mean to its
// members; it stops when a round changes nobody's group, or after max_rounds. Ties go to the
// lower index, that is the earlier id.
#include "group_formation.hpp"

#include "assignment.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

namespace {

constexpr int max_rounds = 50;
constexpr double cost_scale = 1000.0;  // squared distances to integer costs, to 1/1000 of a level squared

double distance2(const std::vector<double> &a, const std::vector<double> &b) {
    double sum = 0;
    for (std::size_t k = 0; k < a.size(); ++k) sum += (a[k] - b[k]) * (a[k] - b[k]);
    return sum;
}

std::vector<double> mean_of(const std::vector<std::vector<double>> &gaps, const std::vector<std::size_t> &people) {
    std::vector<double> mean(gaps.empty() ? 0 : gaps[0].size(), 0.0);
    for (std::size_t p : people)
        for (std::size_t k = 0; k < mean.size(); ++k) mean[k] += gaps[p][k];
    for (double &v : mean) v /= static_cast<double>(std::max<std::size_t>(1, people.size()));
    return mean;
}

std::vector<std::size_t> farthest_first(const std::vector<std::vector<double>> &gaps, std::size_t count) {
    const std::size_t n = gaps.size();
    const std::vector<double> zero(gaps[0].size(), 0.0);
    std::vector<double> nearest(n);
    for (std::size_t i = 0; i < n; ++i) nearest[i] = distance2(gaps[i], zero);
    std::vector<std::size_t> seeds;
    std::vector<char> chosen(n, 0);
    while (seeds.size() < count) {
        std::size_t best = n;
        for (std::size_t i = 0; i < n; ++i)
            if (!chosen[i] && (best == n || nearest[i] > nearest[best])) best = i;
        seeds.push_back(best);
        chosen[best] = 1;
        for (std::size_t i = 0; i < n; ++i) nearest[i] = std::min(nearest[i], distance2(gaps[i], gaps[best]));
    }
    return seeds;
}

}  // namespace

FormedGroups form_groups(const std::vector<std::vector<double>> &gaps, int smallest, int largest) {
    FormedGroups out;
    const std::size_t n = gaps.size();
    const std::size_t lo = static_cast<std::size_t>(std::max(1, smallest));
    const std::size_t hi = static_cast<std::size_t>(std::max(smallest, largest));
    if (n < lo) {
        out.left_out.resize(n);
        std::iota(out.left_out.begin(), out.left_out.end(), std::size_t{0});
        return out;
    }
    // The fewest groups whose range holds n; else as many full groups as n allows.
    std::size_t groups = (n + hi - 1) / hi;
    std::vector<int> sizes;
    if (groups * lo <= n) {
        for (std::size_t g = 0; g < groups; ++g) sizes.push_back(static_cast<int>(n / groups + (g < n % groups ? 1 : 0)));
    } else {
        groups = n / lo;
        sizes.assign(groups, static_cast<int>(hi));
    }

    std::vector<std::vector<double>> means;
    for (std::size_t seed : farthest_first(gaps, groups)) means.push_back(gaps[seed]);
    std::vector<std::optional<std::size_t>> group_of(n), previous;
    std::vector<std::int64_t> costs(n * groups);
    for (int round = 0; round < max_rounds && group_of != previous; ++round) {
        previous = group_of;
        std::int64_t largest_cost = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t g = 0; g < groups; ++g) {
                costs[i * groups + g] = std::llround(cost_scale * distance2(gaps[i], means[g]));
                largest_cost = std::max(largest_cost, costs[i * groups + g]);
            }
        AssignmentProblem problem;
        problem.left = n;
        problem.capacity = sizes;
        problem.value = [&](std::size_t i, std::size_t g) -> std::optional<std::int64_t> {
            return largest_cost + 1 - costs[i * groups + g];
        };
        group_of = solve_assignment(problem);
        std::vector<std::vector<std::size_t>> members(groups);
        for (std::size_t i = 0; i < n; ++i)
            if (group_of[i]) members[*group_of[i]].push_back(i);
        for (std::size_t g = 0; g < groups; ++g) means[g] = mean_of(gaps, members[g]);
    }

    std::vector<std::size_t> placed;
    for (std::size_t g = 0; g < groups; ++g) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < n; ++i)
            if (group_of[i] == g) members.push_back(i);
        if (!members.empty()) out.members.push_back(std::move(members));
    }
    std::sort(out.members.begin(), out.members.end());
    for (std::size_t i = 0; i < n; ++i) {
        if (group_of[i]) placed.push_back(i);
        else out.left_out.push_back(i);
    }
    const std::vector<double> everyone = mean_of(gaps, placed);
    for (std::size_t p : placed) out.total += distance2(gaps[p], everyone);
    for (const auto &members : out.members) {
        const std::vector<double> mean = mean_of(gaps, members);
        double sum = 0;
        for (std::size_t p : members) sum += distance2(gaps[p], mean);
        out.within += sum;
        out.dispersion.push_back(sum / static_cast<double>(members.size()));
    }
    return out;
}

}  // namespace detail
CAREERPATH_NAMESPACE_END
