// The unit graph over Boost.Graph's compressed sparse row graphs: one in learning direction
// (required -> dependent) and one in the opposite direction, both immutable after build.
#include <careerpath/graph.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/depth_first_search.hpp>

#include <algorithm>
#include <functional>
#include <queue>
#include <tuple>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                               boost::no_property, UnitIndex, UnitIndex>;

struct UnitGraphData {
    std::size_t skills = 0;
    Level top = 0;
    Csr forward;   // required -> dependent
    Csr backward;  // dependent -> required
    std::vector<UnitIndex> topological;
    bool acyclic = true;
    std::vector<std::size_t> skill_rank;
};

}  // namespace detail

namespace {

using detail::Csr;

// The targets of `v` in a CSR graph, as a contiguous range (rows are sorted at build time).
std::span<const UnitIndex> row(const Csr &g, UnitIndex v) {
    const auto &rows = g.m_forward.m_rowstart;
    const auto &cols = g.m_forward.m_column;
    return {cols.data() + rows[v], cols.data() + rows[v + 1]};
}

// Kahn's algorithm, always taking the ready unit of the smallest (skill rank, level), so the
// order is a pure function of the graph and the skill ids. Returns fewer units than the graph
// has exactly when the graph is cyclic.
std::vector<UnitIndex> topological_by_rank(const detail::UnitGraphData &d, std::size_t units) {
    const std::size_t per_skill = static_cast<std::size_t>(d.top);
    auto key = [&](UnitIndex u) {
        return std::pair<std::size_t, std::size_t>(d.skill_rank[u / per_skill], u % per_skill);
    };
    auto later = [&](UnitIndex a, UnitIndex b) { return key(a) > key(b); };
    std::priority_queue<UnitIndex, std::vector<UnitIndex>, decltype(later)> ready(later);
    std::vector<UnitIndex> missing(units);
    for (UnitIndex u = 0; u < units; ++u) {
        missing[u] = static_cast<UnitIndex>(row(d.backward, u).size());
        if (missing[u] == 0) ready.push(u);
    }
    std::vector<UnitIndex> order;
    order.reserve(units);
    while (!ready.empty()) {
        const UnitIndex u = ready.top();
        ready.pop();
        order.push_back(u);
        for (UnitIndex v : row(d.forward, u))
            if (--missing[v] == 0) ready.push(v);
    }
    return order;
}

// Depth-first search that stops at the first back edge and keeps the tree path to it.
struct CycleFinder : boost::default_dfs_visitor {
    struct Found {};
    std::vector<UnitIndex> *parent;
    std::vector<UnitIndex> *cycle;
    template <class Edge, class Graph>
    void tree_edge(Edge e, const Graph &g) const {
        (*parent)[boost::target(e, g)] = static_cast<UnitIndex>(boost::source(e, g));
    }
    template <class Edge, class Graph>
    void back_edge(Edge e, const Graph &g) const {
        // e closes the cycle target -> ... -> source -> target in learning direction.
        const auto from = static_cast<UnitIndex>(boost::source(e, g));
        const auto to = static_cast<UnitIndex>(boost::target(e, g));
        for (UnitIndex v = from;; v = (*parent)[v]) {
            cycle->push_back(v);
            if (v == to) break;
        }
        throw Found{};
    }
};

}  // namespace

UnitGraph::UnitGraph() : data_(std::make_shared<detail::UnitGraphData>()) {}

namespace {

// Sorts edges by (source, target) as std::sort would, in time linear in the edges and units: a
// counting sort by source, then each unit's few targets in order. Loading a large curriculum
// spent a tenth of its time in the comparison sorts this replaces (docs/benchmarks.md).
void sort_edges(std::vector<std::pair<UnitIndex, UnitIndex>> &edges, std::size_t units) {
    std::vector<std::size_t> first(units + 1, 0);
    for (const auto &e : edges) ++first[static_cast<std::size_t>(e.first) + 1];
    for (std::size_t u = 0; u < units; ++u) first[u + 1] += first[u];
    std::vector<std::pair<UnitIndex, UnitIndex>> sorted(edges.size());
    std::vector<std::size_t> next(first.begin(), first.end() - 1);
    for (const auto &e : edges) sorted[next[static_cast<std::size_t>(e.first)]++] = e;
    for (std::size_t u = 0; u < units; ++u)
        std::sort(sorted.begin() + static_cast<std::ptrdiff_t>(first[u]),
                  sorted.begin() + static_cast<std::ptrdiff_t>(first[u + 1]));
    edges.swap(sorted);
}

}  // namespace

UnitGraph UnitGraph::build(std::size_t skill_count, Level top_level,
                           const std::vector<Requirement> &prerequisites,
                           const std::vector<std::size_t> &skill_rank) {
    auto d = std::make_shared<detail::UnitGraphData>();
    d->skills = skill_count;
    d->top = top_level;
    d->skill_rank = skill_rank;
    const std::size_t per_skill = static_cast<std::size_t>(top_level);
    const std::size_t units = skill_count * per_skill;

    // Edges in learning direction: required -> dependent.
    std::vector<std::pair<UnitIndex, UnitIndex>> edges;
    edges.reserve(skill_count * (per_skill > 0 ? per_skill - 1 : 0) + prerequisites.size());
    for (std::size_t s = 0; s < skill_count; ++s)
        for (std::size_t l = 1; l < per_skill; ++l)
            edges.emplace_back(static_cast<UnitIndex>(s * per_skill + l - 1),
                               static_cast<UnitIndex>(s * per_skill + l));
    for (const auto &p : prerequisites) edges.emplace_back(p.required, p.unit);
    sort_edges(edges, units);
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());

    d->forward = Csr(boost::edges_are_sorted, edges.begin(), edges.end(), units);
    for (auto &e : edges) std::swap(e.first, e.second);
    sort_edges(edges, units);
    d->backward = Csr(boost::edges_are_sorted, edges.begin(), edges.end(), units);

    d->topological = topological_by_rank(*d, units);
    d->acyclic = d->topological.size() == units;
    if (!d->acyclic) d->topological.clear();
    UnitGraph g;
    g.data_ = std::move(d);
    return g;
}

std::size_t UnitGraph::unit_count() const noexcept { return boost::num_vertices(data_->forward); }
std::size_t UnitGraph::skill_count() const noexcept { return data_->skills; }
std::size_t UnitGraph::edge_count() const noexcept { return boost::num_edges(data_->forward); }
Level UnitGraph::top_level() const noexcept { return data_->top; }

UnitIndex UnitGraph::index_of(UnitRef unit) const noexcept {
    return static_cast<UnitIndex>(unit.skill * static_cast<std::size_t>(data_->top) +
                                  static_cast<std::size_t>(unit.level - 1));
}

UnitRef UnitGraph::unit(UnitIndex index) const noexcept {
    // 32-bit division: a unit index is 32 bits, and the 64-bit divide costs several times more
    // in the loops that name units.
    const auto per_skill = static_cast<std::uint32_t>(data_->top);
    return UnitRef{index / per_skill, static_cast<Level>(index % per_skill) + 1};
}

std::span<const UnitIndex> UnitGraph::prerequisites_of(UnitIndex index) const noexcept {
    return row(data_->backward, index);
}

std::span<const UnitIndex> UnitGraph::dependents_of(UnitIndex index) const noexcept {
    return row(data_->forward, index);
}

bool UnitGraph::is_acyclic() const noexcept { return data_->acyclic; }

std::span<const UnitIndex> UnitGraph::topological_order() const noexcept { return data_->topological; }

std::vector<UnitIndex> UnitGraph::find_cycle() const {
    if (data_->acyclic) return {};
    const std::size_t units = unit_count();
    std::vector<UnitIndex> parent(units);
    std::vector<UnitIndex> cycle;
    std::vector<boost::default_color_type> colour(units, boost::white_color);
    CycleFinder finder;
    finder.parent = &parent;
    finder.cycle = &cycle;
    try {
        boost::depth_first_search(
            data_->forward, finder,
            boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, data_->forward)));
    } catch (const CycleFinder::Found &) {
    }
    // `cycle` runs against learning direction, which is "requires" order: each unit requires
    // the next. Start it at its unit of the smallest skill rank and close it.
    const std::size_t per_skill = static_cast<std::size_t>(data_->top);
    auto first = std::min_element(cycle.begin(), cycle.end(), [&](UnitIndex a, UnitIndex b) {
        return std::make_pair(data_->skill_rank[a / per_skill], a % per_skill) <
               std::make_pair(data_->skill_rank[b / per_skill], b % per_skill);
    });
    std::rotate(cycle.begin(), first, cycle.end());
    if (!cycle.empty()) cycle.push_back(cycle.front());
    return cycle;
}

CAREERPATH_NAMESPACE_END
