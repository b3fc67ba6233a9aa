// Capacitated assignment as a min-cost flow, with candidate pricing so that large problems stay
// sparse.
//
// The network: source -> each left item (capacity 1) -> each right item it may have (capacity
// 1, cost K - value) -> sink (capacity: the right item's), and each left item -> "unmatched"
// (capacity 1, cost K) -> sink. Every left item sends its unit somewhere, so the flow is always
// the number of left items, and its cost is left * K - (the sum of the chosen values): the
// min-cost flow is the assignment of the largest total value. Costs are K - value >= 0, as
// Boost.Graph's successive_shortest_path_nonnegative_weights requires.
//
// Pricing: a dense problem (10,000 mentees x 1,000 mentors) would make every shortest-path
// search walk ten million edges. So each left item starts with only its best few right items,
// and, once that sparse flow is optimal, every pair left out is priced with the flow's final
// potentials (the algorithm's distance_prev): a pair whose reduced cost is negative could
// improve the flow, so its left item gets more candidates and the flow is solved again. When no
// pair prices negative the potentials prove the sparse optimum optimal for the whole problem
// (reduced costs >= 0 on every residual edge). Every vertex in the network stays reachable from
// the source until the last search (see reachable_until_done below), so the potentials are finite.
#include "assignment.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

#include <algorithm>
#include <limits>
#include <utility>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using Graph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, std::int64_t>>>>>;
using Vertex = Traits::vertex_descriptor;
using Edge = Traits::edge_descriptor;

constexpr std::size_t first_candidates = 8;

struct Candidate {
    std::int64_t value;
    std::size_t right;
};

// Best first; equal values by right index, so that the same problem builds the same network.
bool better(const Candidate &a, const Candidate &b) {
    return a.value != b.value ? a.value > b.value : a.right < b.right;
}

class Network {
public:
    Network(std::size_t left, std::size_t right) : right_vertex_(right, none) {
        source_ = boost::add_vertex(graph_);
        sink_ = boost::add_vertex(graph_);
        unmatched_ = boost::add_vertex(graph_);
        for (std::size_t i = 0; i < left; ++i) {
            const Vertex v = boost::add_vertex(graph_);
            add_edge(source_, v, 1, 0);
            left_vertex_.push_back(v);
        }
    }

    void add_pair(std::size_t i, std::size_t j, std::int64_t cost, int capacity) {
        if (right_vertex_[j] == none) {
            right_vertex_[j] = boost::add_vertex(graph_);
            add_edge(right_vertex_[j], sink_, capacity, 0);
        }
        add_edge(left_vertex_[i], right_vertex_[j], 1, cost);
    }

    void add_unmatched(std::size_t i, std::int64_t cost) { add_edge(left_vertex_[i], unmatched_, 1, cost); }

    void close(std::size_t left) { add_edge(unmatched_, sink_, static_cast<long>(left), 0); }

    /// Solves the flow; afterwards potential() holds each vertex's final potential.
    void solve() {
        const std::size_t n = boost::num_vertices(graph_);
        std::vector<Edge> pred(n);
        distance_.assign(n, 0);
        potential_.assign(n, 0);
        const auto index = boost::get(boost::vertex_index, graph_);
        boost::successive_shortest_path_nonnegative_weights(
            graph_, source_, sink_, boost::get(boost::edge_capacity, graph_),
            boost::get(boost::edge_residual_capacity, graph_), boost::get(boost::edge_weight, graph_),
            boost::get(boost::edge_reverse, graph_), index, boost::make_iterator_property_map(pred.begin(), index),
            boost::make_iterator_property_map(distance_.begin(), index),
            boost::make_iterator_property_map(potential_.begin(), index));
    }

    /// The right item left i's unit went to, if any.
    std::optional<std::size_t> assigned(std::size_t i, const std::vector<std::size_t> &right_of_vertex) const {
        const auto capacity = boost::get(boost::edge_capacity, graph_);
        const auto residual = boost::get(boost::edge_residual_capacity, graph_);
        for (const Edge &e : boost::make_iterator_range(boost::out_edges(left_vertex_[i], graph_))) {
            const Vertex to = boost::target(e, graph_);
            if (to == unmatched_ || capacity[e] == 0 || residual[e] != 0) continue;
            return right_of_vertex[to];
        }
        return std::nullopt;
    }

    std::int64_t left_potential(std::size_t i) const { return potential_[left_vertex_[i]]; }
    /// A right item without a vertex has none of its pairs in the network; its potential is the
    /// sink's (its edge to the sink is free, with cost 0).
    std::int64_t right_potential(std::size_t j) const {
        return potential_[right_vertex_[j] == none ? sink_ : right_vertex_[j]];
    }

    std::vector<std::size_t> right_of_vertex() const {
        std::vector<std::size_t> out(boost::num_vertices(graph_), none);
        for (std::size_t j = 0; j < right_vertex_.size(); ++j)
            if (right_vertex_[j] != none) out[right_vertex_[j]] = j;
        return out;
    }

    std::size_t pairs() const { return boost::num_edges(graph_) / 2; }

private:
    static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

    void add_edge(Vertex from, Vertex to, long capacity, std::int64_t cost) {
        const Edge forward = boost::add_edge(from, to, graph_).first;
        const Edge backward = boost::add_edge(to, from, graph_).first;
        boost::put(boost::edge_capacity, graph_, forward, capacity);
        boost::put(boost::edge_capacity, graph_, backward, 0);
        boost::put(boost::edge_weight, graph_, forward, cost);
        boost::put(boost::edge_weight, graph_, backward, -cost);
        boost::put(boost::edge_reverse, graph_, forward, backward);
        boost::put(boost::edge_reverse, graph_, backward, forward);
    }

    Graph graph_;
    Vertex source_{}, sink_{}, unmatched_{};
    std::vector<Vertex> left_vertex_;
    std::vector<std::size_t> right_vertex_;
    std::vector<std::int64_t> distance_, potential_;
};

}  // namespace

// Why every vertex stays reachable from the source while some left item is unrouted (so that
// no search leaves an infinite distance to add to a potential): an unrouted left item is
// reached from the source, and through "unmatched" (which it may still use) the sink; a right
// item with flow is reached from the sink backwards along its edge; one without flow has an
// edge from a left item (each right item in the network has at least one: its best left item's),
// and every left item is reached: unrouted from the source, routed backwards from its right
// item or from "unmatched". The last search, with every left item routed, reaches nothing and
// ends the algorithm before its distances are used.
std::vector<std::optional<std::size_t>> solve_assignment(const AssignmentProblem &problem, AssignmentStats *stats) {
    const std::size_t left = problem.left;
    const std::size_t right = problem.capacity.size();
    std::vector<std::optional<std::size_t>> result(left);
    if (left == 0) return result;

    auto value = [&](std::size_t i, std::size_t j) -> std::optional<std::int64_t> {
        if (problem.capacity[j] <= 0) return std::nullopt;
        return problem.value(i, j);
    };

    // K: the largest value, so that every cost K - value is >= 0. Each right item's best left
    // item keeps the right item in the network.
    std::int64_t top = 1;
    std::vector<std::optional<std::pair<std::int64_t, std::size_t>>> best_left(right);
    for (std::size_t i = 0; i < left; ++i)
        for (std::size_t j = 0; j < right; ++j)
            if (const auto v = value(i, j)) {
                top = std::max(top, *v);
                if (!best_left[j] || *v > best_left[j]->first) best_left[j] = std::pair{*v, i};
            }

    // Beyond the shortest best-first prefix of a left item's list whose capacity reaches
    // `left`, no right item is needed: were left i given one past it, some item of the prefix
    // would have room (the prefix holds at least `left` places, and only left - 1 other items
    // compete), and moving i there would not lower the total. `last[i]` is the prefix's last
    // candidate; pairs after it are neither kept nor priced.
    std::vector<std::size_t> wanted(left, first_candidates);
    std::vector<Candidate> last(left);
    std::vector<std::vector<Candidate>> kept(left);
    std::vector<char> in_network(right, 0);
    std::vector<Candidate> all;
    for (std::size_t round = 1;; ++round) {
        Network network(left, right);
        for (std::size_t i = 0; i < left; ++i) {
            all.clear();
            for (std::size_t j = 0; j < right; ++j)
                if (const auto v = value(i, j)) all.push_back({*v, j});
            std::sort(all.begin(), all.end(), better);
            std::size_t prefix = 0;
            for (long places = 0; prefix < all.size() && places < static_cast<long>(left); ++prefix)
                places += problem.capacity[all[prefix].right];
            if (prefix > 0) last[i] = all[prefix - 1];
            kept[i].assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(wanted[i], prefix)));
        }
        for (std::size_t j = 0; j < right; ++j)
            if (best_left[j]) {
                auto &list = kept[best_left[j]->second];
                if (std::none_of(list.begin(), list.end(), [&](const Candidate &c) { return c.right == j; }))
                    list.push_back({best_left[j]->first, j});
            }
        for (std::size_t i = 0; i < left; ++i) {
            for (const Candidate &c : kept[i]) network.add_pair(i, c.right, top - c.value, problem.capacity[c.right]);
            network.add_unmatched(i, top);
        }
        network.close(left);
        network.solve();

        // Price every pair of the prefixes left out of the network.
        bool improved = false;
        for (std::size_t i = 0; i < left; ++i) {
            for (const Candidate &c : kept[i]) in_network[c.right] = 1;
            bool negative = false;
            const std::int64_t pi = network.left_potential(i);
            for (std::size_t j = 0; j < right && !negative; ++j) {
                if (in_network[j]) continue;
                const auto v = value(i, j);
                if (!v || better(last[i], Candidate{*v, j})) continue;
                negative = (top - *v) + pi - network.right_potential(j) < 0;
            }
            for (const Candidate &c : kept[i]) in_network[c.right] = 0;
            if (negative) {
                wanted[i] = std::max(wanted[i], kept[i].size()) * 2;
                improved = true;
            }
        }
        if (!improved) {
            const auto right_of_vertex = network.right_of_vertex();
            for (std::size_t i = 0; i < left; ++i) result[i] = network.assigned(i, right_of_vertex);
            if (stats) *stats = AssignmentStats{round, network.pairs()};
            return result;
        }
    }
}

}  // namespace detail
CAREERPATH_NAMESPACE_END
