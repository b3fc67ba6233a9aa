// careerpath/graph.hpp: the unit graph. Properties checked on many random instances, built both
// directly through UnitGraph::build and through Curriculum::load: the topological order is a
// permutation with every edge forward and ties broken by (skill id, level); the adjacency lists
// agree with the edges; a planted cycle is found, closed, made of real edges and rotated to its
// smallest skill.
#include <careerpath/json.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/graph.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace careerpath;

namespace {

using Edge = std::pair<UnitIndex, UnitIndex>;  // (unit, required): unit requires required

struct Instance {
    std::size_t skills = 0;
    Level top = 1;
    std::vector<UnitGraph::Requirement> prerequisites;  // may hold duplicates
    std::vector<std::size_t> rank;                      // rank[s]: position of skill s by id

    UnitIndex index(std::size_t skill, Level level) const {
        return static_cast<UnitIndex>(skill * static_cast<std::size_t>(top) + static_cast<std::size_t>(level) - 1);
    }
    std::size_t units() const { return skills * static_cast<std::size_t>(top); }
    // Every "requires" edge of the graph: the level chains and the distinct prerequisites.
    std::set<Edge> edges() const {
        std::set<Edge> all;
        for (std::size_t s = 0; s < skills; ++s)
            for (Level l = 2; l <= top; ++l) all.insert({index(s, l), index(s, l - 1)});
        for (const auto &p : prerequisites) all.insert({p.unit, p.required});
        return all;
    }
    UnitGraph build() const { return UnitGraph::build(skills, top, prerequisites, rank); }
};

std::pair<std::size_t, std::size_t> key(const Instance &g, UnitIndex u) {
    const auto per = static_cast<std::size_t>(g.top);
    return {g.rank[u / per], u % per};
}

// A random DAG: units get random positions that respect the level chains, and each
// prerequisite requires a unit of a smaller position. Some prerequisites are repeated.
Instance random_dag(std::mt19937 &rng, std::size_t max_skills = 8, int max_top = 4) {
    Instance g;
    g.skills = 1 + rng() % max_skills;
    g.top = 1 + static_cast<Level>(rng() % static_cast<unsigned>(max_top));
    const std::size_t units = g.units();
    std::vector<UnitIndex> shuffled(units);
    std::iota(shuffled.begin(), shuffled.end(), UnitIndex{0});
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    std::vector<std::size_t> raw(units), pos(units);
    for (std::size_t i = 0; i < units; ++i) raw[shuffled[i]] = i;
    for (std::size_t s = 0; s < g.skills; ++s) {
        std::vector<std::size_t> p;
        for (Level l = 1; l <= g.top; ++l) p.push_back(raw[g.index(s, l)]);
        std::sort(p.begin(), p.end());
        for (Level l = 1; l <= g.top; ++l) pos[g.index(s, l)] = p[static_cast<std::size_t>(l - 1)];
    }
    const std::size_t attempts = rng() % (2 * units + 1);
    for (std::size_t i = 0; i < attempts; ++i) {
        const auto u = static_cast<UnitIndex>(rng() % units);
        const auto r = static_cast<UnitIndex>(rng() % units);
        if (pos[r] < pos[u]) {
            g.prerequisites.push_back({u, r});
            if (rng() % 5 == 0) g.prerequisites.push_back({u, r});
        }
    }
    g.rank.resize(g.skills);
    std::iota(g.rank.begin(), g.rank.end(), std::size_t{0});
    std::shuffle(g.rank.begin(), g.rank.end(), rng);
    return g;
}

// Kahn's algorithm written the slow and obvious way: at each step the ready unit of the smallest
// (skill rank, level).
std::vector<UnitIndex> reference_order(const Instance &g) {
    const auto edges = g.edges();
    std::vector<bool> done(g.units(), false);
    std::vector<UnitIndex> order;
    for (;;) {
        std::optional<UnitIndex> best;
        for (UnitIndex u = 0; u < g.units(); ++u) {
            if (done[u]) continue;
            bool ready = true;
            for (const auto &[unit, required] : edges)
                if (unit == u && !done[required]) ready = false;
            if (ready && (!best || key(g, u) < key(g, *best))) best = u;
        }
        if (!best) break;
        done[*best] = true;
        order.push_back(*best);
    }
    return order;
}

void check_acyclic_graph(const Instance &g, const UnitGraph &graph) {
    const auto edges = g.edges();
    REQUIRE(graph.unit_count() == g.units());
    CHECK(graph.skill_count() == g.skills);
    CHECK(graph.top_level() == g.top);
    CHECK(graph.edge_count() == edges.size());
    CHECK(graph.is_acyclic());
    CHECK(graph.find_cycle().empty());

    // Every unit once.
    const auto order = graph.topological_order();
    REQUIRE(order.size() == g.units());
    std::vector<std::size_t> position(g.units(), g.units());
    for (std::size_t i = 0; i < order.size(); ++i) {
        REQUIRE(order[i] < g.units());
        CHECK(position[order[i]] == g.units());  // not seen before
        position[order[i]] = i;
    }
    // Every edge forward: the required unit comes first.
    for (const auto &[unit, required] : edges) CHECK(position[required] < position[unit]);
    // Ties by skill id, then level.
    CHECK(std::vector<UnitIndex>(order.begin(), order.end()) == reference_order(g));

    // Adjacency agrees with the edges and is ascending.
    for (UnitIndex u = 0; u < g.units(); ++u) {
        std::vector<UnitIndex> requires_, dependents;
        for (const auto &[unit, required] : edges) {
            if (unit == u) requires_.push_back(required);
            if (required == u) dependents.push_back(unit);
        }
        std::sort(requires_.begin(), requires_.end());
        std::sort(dependents.begin(), dependents.end());
        const auto p = graph.prerequisites_of(u);
        const auto d = graph.dependents_of(u);
        CHECK(std::vector<UnitIndex>(p.begin(), p.end()) == requires_);
        CHECK(std::vector<UnitIndex>(d.begin(), d.end()) == dependents);
        CHECK(std::is_sorted(p.begin(), p.end()));
        CHECK(std::adjacent_find(p.begin(), p.end()) == p.end());
        CHECK(std::adjacent_find(d.begin(), d.end()) == d.end());
        // index_of and unit are inverse.
        const UnitRef ref = graph.unit(u);
        CHECK(ref.level >= 1);
        CHECK(ref.level <= g.top);
        CHECK(graph.index_of(ref) == u);
    }
}

void check_cycle(const Instance &g, const UnitGraph &graph) {
    const auto edges = g.edges();
    CHECK_FALSE(graph.is_acyclic());
    CHECK(graph.topological_order().empty());
    const auto cycle = graph.find_cycle();
    REQUIRE(cycle.size() >= 2);
    CHECK(cycle.front() == cycle.back());
    for (std::size_t i = 0; i + 1 < cycle.size(); ++i) {
        CAPTURE(i);
        CHECK_MESSAGE(edges.count({cycle[i], cycle[i + 1]}) == 1, "unit " << cycle[i] << " does not require "
                                                                         << cycle[i + 1]);
    }
    const std::set<UnitIndex> distinct(cycle.begin(), cycle.end() - 1);
    CHECK(distinct.size() == cycle.size() - 1);
    for (UnitIndex u : distinct) CHECK_FALSE(key(g, u) < key(g, cycle.front()));
}

// The units `u` requires, directly or not.
std::set<UnitIndex> ancestors(const Instance &g, UnitIndex u) {
    const auto edges = g.edges();
    std::set<UnitIndex> seen;
    std::vector<UnitIndex> stack{u};
    while (!stack.empty()) {
        const UnitIndex v = stack.back();
        stack.pop_back();
        for (const auto &[unit, required] : edges)
            if (unit == v && seen.insert(required).second) stack.push_back(required);
    }
    return seen;
}

// Adds an edge that closes a cycle: a unit that `u` requires now requires `u` (or, where `u`
// requires nothing, `u` requires itself).
void plant_cycle(Instance &g, std::mt19937 &rng) {
    const auto u = static_cast<UnitIndex>(rng() % g.units());
    const auto before = ancestors(g, u);
    if (before.empty()) {
        g.prerequisites.push_back({u, u});
        return;
    }
    auto it = before.begin();
    std::advance(it, static_cast<long>(rng() % before.size()));
    g.prerequisites.push_back({*it, u});
}

}  // namespace

TEST_CASE("a default UnitGraph is empty") {
    const UnitGraph g;
    CHECK(g.unit_count() == 0);
    CHECK(g.edge_count() == 0);
    CHECK(g.is_acyclic());
    CHECK(g.topological_order().empty());
    CHECK(g.find_cycle().empty());
}

TEST_CASE("a small graph by hand: ties by skill id, then level") {
    // Skills in document order b, a, c (ranks 1, 0, 2), two levels: units b@1=0 b@2=1 a@1=2
    // a@2=3 c@1=4 c@2=5.
    Instance g;
    g.skills = 3;
    g.top = 2;
    g.rank = {1, 0, 2};
    SUBCASE("no prerequisites: skill by skill in id order") {
        const UnitGraph graph = g.build();
        const auto order = graph.topological_order();
        CHECK(std::vector<UnitIndex>(order.begin(), order.end()) == std::vector<UnitIndex>{2, 3, 0, 1, 4, 5});
        CHECK(graph.edge_count() == 3);
        check_acyclic_graph(g, graph);
    }
    SUBCASE("a@1 requires c@2: a waits, b goes first") {
        g.prerequisites = {{2, 5}};
        const UnitGraph graph = g.build();
        const auto order = graph.topological_order();
        CHECK(std::vector<UnitIndex>(order.begin(), order.end()) == std::vector<UnitIndex>{0, 1, 4, 5, 2, 3});
        check_acyclic_graph(g, graph);
    }
    SUBCASE("a unit of a smaller skill id, once ready, goes before a larger skill's next level") {
        // b@1 requires c@1: a, then c@1; then b@1 and c@2 are both ready and b goes first.
        g.prerequisites = {{0, 4}};
        const UnitGraph graph = g.build();
        const auto order = graph.topological_order();
        CHECK(std::vector<UnitIndex>(order.begin(), order.end()) == std::vector<UnitIndex>{2, 3, 4, 0, 1, 5});
        check_acyclic_graph(g, graph);
    }
    SUBCASE("adjacency and edge counts, duplicates once") {
        // a@1 requires c@2 twice, b@1 requires c@1, and b@2 requires b@1 (already a chain edge).
        g.prerequisites = {{2, 5}, {2, 5}, {0, 4}, {1, 0}};
        const UnitGraph graph = g.build();
        CHECK(graph.edge_count() == 3 + 2);
        const auto p = graph.prerequisites_of(2);
        CHECK(std::vector<UnitIndex>(p.begin(), p.end()) == std::vector<UnitIndex>{5});
        const auto b2 = graph.prerequisites_of(1);
        CHECK(std::vector<UnitIndex>(b2.begin(), b2.end()) == std::vector<UnitIndex>{0});
        const auto d = graph.dependents_of(4);
        CHECK(std::vector<UnitIndex>(d.begin(), d.end()) == std::vector<UnitIndex>{0, 5});
        const auto c2 = graph.dependents_of(5);
        CHECK(std::vector<UnitIndex>(c2.begin(), c2.end()) == std::vector<UnitIndex>{2});
        CHECK(graph.index_of({1, 2}) == 3);
        CHECK(graph.unit(3) == UnitRef{1, 2});
        check_acyclic_graph(g, graph);
    }
    SUBCASE("a cycle starts at its unit of the smallest skill id") {
        // b@1 requires a@2 and a@1 requires b@2: a@1 -> b@2 -> b@1 -> a@2 -> a@1.
        g.prerequisites = {{0, 3}, {2, 1}};
        const UnitGraph graph = g.build();
        CHECK(graph.find_cycle() == std::vector<UnitIndex>{2, 1, 0, 3, 2});
        check_cycle(g, graph);
    }
    SUBCASE("a unit that requires itself") {
        g.prerequisites = {{5, 5}};
        const UnitGraph graph = g.build();
        CHECK(graph.find_cycle() == std::vector<UnitIndex>{5, 5});
        check_cycle(g, graph);
    }
}

TEST_CASE("one learned level: no chain edges") {
    Instance g;
    g.skills = 4;
    g.top = 1;
    g.rank = {3, 2, 1, 0};
    g.prerequisites = {{0, 1}, {0, 2}};
    const UnitGraph graph = g.build();
    CHECK(graph.edge_count() == 2);
    CHECK(graph.index_of({2, 1}) == 2);
    const auto order = graph.topological_order();
    CHECK(std::vector<UnitIndex>(order.begin(), order.end()) == std::vector<UnitIndex>{3, 2, 1, 0});
    check_acyclic_graph(g, graph);
}

TEST_CASE("random DAGs built directly") {
    std::mt19937 rng(20270104);
    for (int instance = 0; instance < 300; ++instance) {
        CAPTURE(instance);
        const Instance g = random_dag(rng);
        check_acyclic_graph(g, g.build());
    }
}

TEST_CASE("larger random DAGs built directly") {
    std::mt19937 rng(7);
    for (int instance = 0; instance < 5; ++instance) {
        CAPTURE(instance);
        const Instance g = random_dag(rng, 60, 5);
        check_acyclic_graph(g, g.build());
    }
}

TEST_CASE("random graphs with planted cycles built directly") {
    std::mt19937 rng(424242);
    for (int instance = 0; instance < 300; ++instance) {
        CAPTURE(instance);
        Instance g = random_dag(rng);
        const int cycles = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < cycles; ++k) plant_cycle(g, rng);
        check_cycle(g, g.build());
    }
}

// --- The same through Curriculum::load ------------------------------------------------------

namespace {

// Writes an instance as a curriculum: skills with random ids (so that id order differs from
// document order), levels by name or by index at random, beginner levels sometimes left out.
struct Written {
    std::string text;
    std::vector<std::string> ids;
    std::vector<std::string> levels;
};

Written write(const Instance &g, std::mt19937 &rng) {
    Written w;
    w.levels.push_back("none");
    for (Level l = 1; l <= g.top; ++l) w.levels.push_back("lv" + std::to_string(l));
    std::set<std::string> used;
    while (w.ids.size() < g.skills) {
        std::string id;
        for (int i = 0; i < 3; ++i) id.push_back(static_cast<char>('a' + rng() % 26));
        if (used.insert(id).second) w.ids.push_back(id);
    }
    Json doc = {{"id", "random"}, {"levels", w.levels}};
    doc["skills"] = Json::array();
    for (const auto &id : w.ids) doc["skills"].push_back({{"id", id}, {"hours", 1}});
    doc["prerequisites"] = Json::array();
    const auto per = static_cast<std::size_t>(g.top);
    auto level_value = [&](Level l) -> Json {
        if (rng() % 2) return l;
        return w.levels[static_cast<std::size_t>(l)];
    };
    for (const auto &p : g.prerequisites) {
        const Level unit_level = static_cast<Level>(p.unit % per) + 1;
        const Level required_level = static_cast<Level>(p.required % per) + 1;
        Json entry = {{"skill", w.ids[p.unit / per]}, {"requires", w.ids[p.required / per]}};
        if (unit_level > 1 || rng() % 2) entry["level"] = level_value(unit_level);
        if (required_level > 1 || rng() % 2) entry["requires_level"] = level_value(required_level);
        doc["prerequisites"].push_back(entry);
    }
    w.text = doc.dump();
    return w;
}

// The instance as the curriculum sees it: skill ranks by id.
Instance with_ranks_by_id(Instance g, const Written &w) {
    std::vector<std::size_t> by_id(g.skills);
    std::iota(by_id.begin(), by_id.end(), std::size_t{0});
    std::sort(by_id.begin(), by_id.end(), [&](std::size_t a, std::size_t b) { return w.ids[a] < w.ids[b]; });
    for (std::size_t r = 0; r < by_id.size(); ++r) g.rank[by_id[r]] = r;
    return g;
}

}  // namespace

TEST_CASE("random DAGs through Curriculum::load") {
    std::mt19937 rng(99);
    for (int instance = 0; instance < 200; ++instance) {
        CAPTURE(instance);
        const Instance random = random_dag(rng);
        const Written w = write(random, rng);
        const Instance g = with_ranks_by_id(random, w);
        auto c = Curriculum::load(w.text);
        if (!c) FAIL("load failed: ", c.error().message);
        const Curriculum &curriculum = c.value();
        REQUIRE(curriculum.prerequisites().size() == g.prerequisites.size());
        for (std::size_t i = 0; i < g.prerequisites.size(); ++i) {
            const Prerequisite &p = curriculum.prerequisites()[i];
            CHECK(curriculum.graph().index_of(p.unit) == g.prerequisites[i].unit);
            CHECK(curriculum.graph().index_of(p.required) == g.prerequisites[i].required);
            CHECK(p.entry == i);
        }
        check_acyclic_graph(g, curriculum.graph());
    }
}

TEST_CASE("random graphs with planted cycles through Curriculum::load") {
    std::mt19937 rng(2027);
    for (int instance = 0; instance < 200; ++instance) {
        CAPTURE(instance);
        Instance random = random_dag(rng);
        plant_cycle(random, rng);
        if (rng() % 2) plant_cycle(random, rng);
        const Written w = write(random, rng);
        const Instance g = with_ranks_by_id(random, w);

        auto c = Curriculum::load(w.text);
        REQUIRE_FALSE(c.has_value());
        const Error &e = c.error();
        INFO("message: ", e.message);
        CHECK(e.status == Status::cycle);

        // The message's units, in order, map to a closed cycle of real edges that starts at its
        // unit of the smallest skill id.
        const std::string head = "prerequisites form a cycle: ";
        REQUIRE(e.message.rfind(head, 0) == 0);
        const std::string body = e.message.substr(head.size(), e.message.find(" (each unit") - head.size());
        std::vector<UnitIndex> cycle;
        std::size_t start = 0;
        for (;;) {
            const auto arrow = body.find(" -> ", start);
            const std::string unit = body.substr(start, arrow == std::string::npos ? std::string::npos : arrow - start);
            const auto at = unit.find('@');
            REQUIRE(at != std::string::npos);
            const auto skill = std::find(w.ids.begin(), w.ids.end(), unit.substr(0, at));
            const auto level = std::find(w.levels.begin(), w.levels.end(), unit.substr(at + 1));
            REQUIRE(skill != w.ids.end());
            REQUIRE(level != w.levels.end());
            cycle.push_back(g.index(static_cast<std::size_t>(skill - w.ids.begin()),
                                    static_cast<Level>(level - w.levels.begin())));
            if (arrow == std::string::npos) break;
            start = arrow + 4;
        }
        const auto edges = g.edges();
        REQUIRE(cycle.size() >= 2);
        CHECK(cycle.front() == cycle.back());
        for (std::size_t i = 0; i + 1 < cycle.size(); ++i) CHECK(edges.count({cycle[i], cycle[i + 1]}) == 1);
        for (std::size_t i = 1; i + 1 < cycle.size(); ++i) CHECK_FALSE(key(g, cycle[i]) < key(g, cycle.front()));

        // The pointer names a prerequisite entry whose edge is on the cycle.
        REQUIRE(e.pointer.rfind("/prerequisites/", 0) == 0);
        const std::size_t entry = std::stoul(e.pointer.substr(std::string("/prerequisites/").size()));
        REQUIRE(entry < g.prerequisites.size());
        bool on_cycle = false;
        for (std::size_t i = 0; i + 1 < cycle.size(); ++i)
            on_cycle = on_cycle || (g.prerequisites[entry].unit == cycle[i] && g.prerequisites[entry].required == cycle[i + 1]);
        CHECK(on_cycle);
    }
}
