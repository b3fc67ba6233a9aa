// careerpath — the unit graph: one vertex per skill@level unit, an edge from each unit to the
// units that require it (the implicit level chain s@L-1 -> s@L and the prerequisites).
#pragma once

#include <careerpath/levels.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

using UnitIndex = std::uint32_t;

/// One step of one skill: `skill` indexes Curriculum::skills(), `level` is 1 or more.
struct UnitRef {
    std::size_t skill = 0;
    Level level = 1;
    friend bool operator==(const UnitRef &, const UnitRef &) = default;
};

namespace detail { struct UnitGraphData; }

/// Immutable once built; copies share the same data, so it is cheap to copy and safe to read
/// from many threads. Units are numbered skill by skill: index = skill * (levels - 1) + level - 1.
class UnitGraph {
public:
    /// A prerequisite edge: `unit` requires `required`.
    struct Requirement {
        UnitIndex unit;
        UnitIndex required;
    };

    UnitGraph();

    /// Builds the graph of `skill_count` skills on a scale whose highest level is `top_level`,
    /// with the level chains and the given prerequisite edges (duplicates count once).
    /// `skill_rank[s]` orders skills by id and breaks every tie in the topological order.
    static UnitGraph build(std::size_t skill_count, Level top_level,
                           const std::vector<Requirement> &prerequisites,
                           const std::vector<std::size_t> &skill_rank);

    std::size_t unit_count() const noexcept;
    std::size_t skill_count() const noexcept;
    /// Level-chain edges plus distinct prerequisite edges.
    std::size_t edge_count() const noexcept;
    Level top_level() const noexcept;

    UnitIndex index_of(UnitRef unit) const noexcept;
    UnitRef unit(UnitIndex index) const noexcept;

    /// The units `index` directly requires (its level-chain predecessor included), ascending.
    std::span<const UnitIndex> prerequisites_of(UnitIndex index) const noexcept;
    /// The units that directly require `index`, ascending.
    std::span<const UnitIndex> dependents_of(UnitIndex index) const noexcept;

    bool is_acyclic() const noexcept;
    /// Every unit, each after all it requires; ties by skill id, then level. Empty if cyclic.
    std::span<const UnitIndex> topological_order() const noexcept;
    /// One cycle, in "requires" order and closed (the first unit is repeated at the end), starting
    /// from its unit of the smallest skill id; empty if the graph is acyclic.
    std::vector<UnitIndex> find_cycle() const;

private:
    std::shared_ptr<const detail::UnitGraphData> data_;
};

CAREERPATH_NAMESPACE_END
