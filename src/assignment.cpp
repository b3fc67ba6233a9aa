// Capacitated assignment as a min-cost flow, solved by successive shortest paths over a
// Boost.Graph network, with candidate pricing so that large problems stay sparse.
//
// The network: each left item -> each right item it may have (capacity 1, cost K - value) ->
// sink (capacity: the right item's), and each left item -> "unmatched" (capacity 1, cost K) ->
// sink. Every left item sends one unit somewhere, so the flow is always the number of left
// items, and its cost is left * K - (the sum of the chosen values): the min-cost flow is the
// assignment of the largest total value. Costs K - value are >= 0.
//
// Successive shortest paths: the left items are routed one at a time, each along a shortest path
// to the sink in the residual network (boost::dijkstra_shortest_paths over a filtered_graph of
// the edges with residual capacity, on costs reduced by vertex potentials), and the potentials
// are then raised by min(distance, distance of the sink). Adding one source at a time along a
// shortest path keeps the flow of minimum cost for the items routed so far, whatever their
// order, and the potentials keep every residual edge's reduced cost >= 0, so Dijkstra applies.
// Each search stops as soon as the sink is reached, which is what makes large problems fast:
// Boost's successive_shortest_path_nonnegative_weights runs every search over the whole
// network, 10,000 full searches for 10,000 mentees (4,000 x 400 took 21.9 s with it, growing
// with the cube of the size; docs/benchmarks.md).
//
// Pricing: a dense problem (10,000 mentees x 1,000 mentors) would put ten million pair edges in
// the network. So each left item starts with only its best few right items, and, once that
// sparse flow is optimal, every pair left out is priced with the final potentials: a pair whose
// reduced cost is negative could improve the flow, so its left item gets more candidates and the
// flow is solved again. When no pair prices negative the potentials prove the sparse optimum
// optimal for the whole problem (reduced costs >= 0 on every residual edge).
#include "assignment.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <algorithm>
#include <limits>
#include <stdexcept>
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
        sink_ = boost::add_vertex(graph_);
        unmatched_ = boost::add_vertex(graph_);
        for (std::size_t i = 0; i < left; ++i) left_vertex_.push_back(boost::add_vertex(graph_));
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

    /// Routes every left item; afterwards the potentials prove the flow of minimum cost.
    void solve() {
        const std::size_t n = boost::num_vertices(graph_);
        pred_.assign(n, Edge());
        distance_.assign(n, 0);
        potential_.assign(n, 0);
        for (const Vertex v : left_vertex_) route(v);
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

    struct SinkReached {};

    // Ends a search when the sink is taken off the queue: its distance is final, and so is
    // that of every vertex nearer than it.
    struct stop_at_sink {
        using event_filter = boost::on_examine_vertex;
        Vertex sink;
        template <class G>
        void operator()(Vertex v, const G &) const {
            if (v == sink) throw SinkReached{};
        }
    };

    // An edge's cost reduced by the potentials of its ends.
    struct ReducedCost {
        using key_type = Edge;
        using value_type = std::int64_t;
        using reference = std::int64_t;
        using category = boost::readable_property_map_tag;
        const Graph *graph;
        const std::vector<std::int64_t> *potential;
        friend std::int64_t get(const ReducedCost &m, const Edge &e) {
            const Graph &g = *m.graph;
            return boost::get(boost::edge_weight, g, e) + (*m.potential)[boost::source(e, g)] -
                   (*m.potential)[boost::target(e, g)];
        }
    };

    struct HasResidual {
        const Graph *graph = nullptr;
        bool operator()(const Edge &e) const { return boost::get(boost::edge_residual_capacity, *graph, e) > 0; }
    };

    // One unit from `from` to the sink along a shortest residual path.
    void route(Vertex from) {
        const boost::filtered_graph<Graph, HasResidual> residual(graph_, HasResidual{&graph_});
        const auto index = boost::get(boost::vertex_index, graph_);
        bool reached = false;
        try {
            boost::dijkstra_shortest_paths(
                residual, from,
                boost::weight_map(ReducedCost{&graph_, &potential_})
                    .distance_map(boost::make_iterator_property_map(distance_.begin(), index))
                    .visitor(boost::make_dijkstra_visitor(std::make_pair(
                        boost::record_edge_predecessors(boost::make_iterator_property_map(pred_.begin(), index),
                                                        boost::on_edge_relaxed()),
                        stop_at_sink{sink_}))));
        } catch (const SinkReached &) {
            reached = true;
        }
        // "unmatched" always has room, so the sink is always reached.
        if (!reached) throw std::logic_error("assignment: the sink is unreachable");
        const std::int64_t to_sink = distance_[sink_];
        for (std::size_t v = 0; v < potential_.size(); ++v) potential_[v] += std::min(distance_[v], to_sink);
        const auto residual_capacity = boost::get(boost::edge_residual_capacity, graph_);
        const auto reverse = boost::get(boost::edge_reverse, graph_);
        for (Vertex v = sink_; v != from;) {
            const Edge e = pred_[v];
            residual_capacity[e] -= 1;
            residual_capacity[reverse[e]] += 1;
            v = boost::source(e, graph_);
        }
    }

    void add_edge(Vertex from, Vertex to, long capacity, std::int64_t cost) {
        const Edge forward = boost::add_edge(from, to, graph_).first;
        const Edge backward = boost::add_edge(to, from, graph_).first;
        boost::put(boost::edge_capacity, graph_, forward, capacity);
        boost::put(boost::edge_capacity, graph_, backward, 0);
        boost::put(boost::edge_residual_capacity, graph_, forward, capacity);
        boost::put(boost::edge_residual_capacity, graph_, backward, 0);
        boost::put(boost::edge_weight, graph_, forward, cost);
        boost::put(boost::edge_weight, graph_, backward, -cost);
        boost::put(boost::edge_reverse, graph_, forward, backward);
        boost::put(boost::edge_reverse, graph_, backward, forward);
    }

    Graph graph_;
    Vertex sink_{}, unmatched_{};
    std::vector<Vertex> left_vertex_;
    std::vector<std::size_t> right_vertex_;
    std::vector<Edge> pred_;
    std::vector<std::int64_t> distance_, potential_;
};

}  // namespace

std::vector<std::optional<std::size_t>> solve_assignment(const AssignmentProblem &problem, AssignmentStats *stats) {
    const std::size_t left = problem.left;
    const std::size_t right = problem.capacity.size();
    std::vector<std::optional<std::size_t>> result(left);
    if (left == 0) return result;

    auto value = [&](std::size_t i, std::size_t j) -> std::optional<std::int64_t> {
        if (problem.capacity[j] <= 0) return std::nullopt;
        return problem.value(i, j);
    };

    // K: the largest value, so that every cost K - value is >= 0.
    // Each right item also keeps its best left item's pair in the network. Pricing would bring
    // a missing right item in anyway, but only a round later: with every right item in from the
    // start, 10,000 x 1,000 needs 6 rounds instead of 7 (29.0 s against 35.9 s in two runs back
    // to back, docs/benchmarks.md).
    std::int64_t top = 1;
    std::vector<std::optional<std::pair<std::int64_t, std::size_t>>> best_left(right);  // value, left
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
        for (std::size_t j = 0; j < right; ++j) {
            if (!best_left[j]) continue;
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
