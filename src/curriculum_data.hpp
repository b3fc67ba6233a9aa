// The shared, immutable model behind careerpath::Curriculum.
#pragma once

#include <careerpath/curriculum.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

// Looked up by std::string_view without making a std::string: readers hold ids as views into
// the document's text.
struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const noexcept { return std::hash<std::string_view>{}(id); }
};
using IdIndex = std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>>;

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

    IdIndex skill_index, role_index, program_index, session_type_index, metric_index, rater_index,
        area_index;
};

}  // namespace detail

CAREERPATH_NAMESPACE_END
