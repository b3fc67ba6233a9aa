// Forming groups of similar gaps for group programs (docs/matching.md "Groups"): capacitated
// k-means, where each round's assignment of people to groups of fixed sizes is an exact
// min-cost flow rather than nearest-centroid, so that every group keeps a size in the program's
// range.
#pragma once

#include <careerpath/version.hpp>

#include <cstddef>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

struct FormedGroups {
    std::vector<std::vector<std::size_t>> members;  ///< per group, ascending; groups by their first member
    std::vector<std::size_t> left_out;              ///< ascending: those the sizes could not place
    std::vector<double> dispersion;                 ///< per group: mean squared distance to its mean
    double within = 0;                              ///< sum over everyone placed of the squared distance to their group's mean
    double total = 0;                               ///< sum over everyone placed of the squared distance to the mean of all of them
};

/// Groups the people whose gap vectors are `gaps` (one per person, all of one length; the
/// index of a person is their rank by id) into groups of `smallest` to `largest` people: the
/// fewest groups the range allows, sizes as equal as possible. Where no number of groups fits
/// everyone (7 people in groups of 4 to 6), as many as fit are placed, in full groups of
/// `largest`, and the rest are left out; fewer than `smallest` people make no group.
FormedGroups form_groups(const std::vector<std::vector<double>> &gaps, int smallest, int largest);

}  // namespace detail
CAREERPATH_NAMESPACE_END
