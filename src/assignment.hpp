// The capacitated assignment behind matching and group formation: items on the left (mentees,
// or groups) each go to at most one item on the right (mentors, or group seats) of a given
// capacity, maximizing the sum of the chosen pairs' values. Solved exactly as a min-cost flow,
// by successive shortest paths over a Boost.Graph network.
#pragma once

#include <careerpath/version.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

struct AssignmentProblem {
    std::size_t left = 0;
    std::vector<int> capacity;  ///< per right item
    /// The value of pairing left i with right j: at least 1, or nullopt where the pair is not
    /// allowed. Called many times for a pair: it must be cheap and give the same answer.
    std::function<std::optional<std::int64_t>(std::size_t i, std::size_t j)> value;
};

struct AssignmentStats {
    std::size_t rounds = 0;  ///< flow problems solved (1 + pricing rounds that added pairs)
    std::size_t edges = 0;   ///< candidate pairs in the last one
};

/// Per left item, its right item or nullopt. The sum of the values is the largest possible;
/// since every value is at least 1, a left item is left out only when every right item it may
/// have is full. The same problem always gives the same answer.
std::vector<std::optional<std::size_t>> solve_assignment(const AssignmentProblem &problem,
                                                         AssignmentStats *stats = nullptr);

}  // namespace detail
CAREERPATH_NAMESPACE_END
