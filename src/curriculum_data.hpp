// The shared, immutable model behind careerpath::Curriculum.
#pragma once

#include <careerpath/curriculum.hpp>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

/// Ids to their places: skills, roles, programs and the rest, each kind in its own index. An
/// open-addressing table over one array of entries, looked up by std::string_view: readers hold
/// ids as views into the document's text, and a table of small slots touches two cache lines
/// per lookup where std::unordered_map chases a node per probe (docs/benchmarks.md, loading).
class IdIndex {
public:
    struct Entry {
        std::string first;        ///< the id
        std::size_t second = 0;   ///< its place
        std::size_t hash = 0;
    };

    const Entry *find(std::string_view id) const noexcept {
        if (slots_.empty()) return nullptr;
        const std::size_t h = hash_of(id);
        for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
            const Slot &slot = slots_[i];
            if (slot.entry == 0) return nullptr;
            if (slot.hash == static_cast<std::uint32_t>(h)) {
                const Entry &e = entries_[slot.entry - 1];
                if (e.first == id) return &e;
            }
        }
    }
    const Entry *end() const noexcept { return nullptr; }
    /// Adds `id` at `place` unless it is there already: the entry, and whether it was added.
    std::pair<const Entry *, bool> emplace(std::string_view id, std::size_t place) {
        if (const Entry *found = find(id)) return {found, false};
        if ((entries_.size() + 1) * 2 > slots_.size()) grow();
        entries_.push_back(Entry{std::string(id), place, hash_of(id)});
        insert(entries_.size() - 1);
        return {&entries_.back(), true};
    }
    std::size_t at(std::string_view id) const {
        const Entry *e = find(id);
        if (!e) throw std::out_of_range("IdIndex::at: no such id");
        return e->second;
    }
    std::size_t size() const noexcept { return entries_.size(); }
    /// In the order added.
    const std::vector<Entry> &entries() const noexcept { return entries_; }

private:
    struct Slot {
        std::uint32_t entry = 0;  // the entry's index + 1; 0 is empty
        std::uint32_t hash = 0;   // its hash's low bits, compared before the id
    };
    static std::size_t hash_of(std::string_view id) noexcept { return std::hash<std::string_view>{}(id); }
    std::size_t mask() const noexcept { return slots_.size() - 1; }
    void insert(std::size_t index) noexcept {
        const std::size_t h = entries_[index].hash;
        std::size_t i = h & mask();
        while (slots_[i].entry != 0) i = (i + 1) & mask();
        slots_[i] = Slot{static_cast<std::uint32_t>(index + 1), static_cast<std::uint32_t>(h)};
    }
    void grow() {
        std::vector<Slot> bigger(slots_.empty() ? 16 : slots_.size() * 2);
        slots_.swap(bigger);
        for (std::size_t i = 0; i < entries_.size(); ++i) insert(i);
    }

    std::vector<Entry> entries_;
    std::vector<Slot> slots_;  // a power of two in size, at most half full
};

struct CurriculumData {
    std::string id;
    std::string title;
    LevelScale levels;
    std::vector<Skill> skills;
    std::vector<Prerequisite> prerequisites;
    std::vector<Role> roles;
    std::vector<SessionType> session_types;
    std::vector<Program> programs;
    std::vector<Metric> metrics;
    std::vector<RaterGroup> raters;
    std::vector<std::string> areas;
    UnitGraph graph;
    std::vector<std::size_t> skill_rank;  // Curriculum::skill_rank

    IdIndex skill_index, role_index, program_index, session_type_index, metric_index, rater_index,
        area_index;
};

}  // namespace detail

CAREERPATH_NAMESPACE_END
