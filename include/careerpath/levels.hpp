// careerpath — the level scale: an ordered list of proficiency levels, lowest ("not yet") first.
#pragma once

#include <careerpath/version.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

/// A level is an index into the scale; 0 means "not yet".
using Level = int;

class LevelScale {
public:
    LevelScale() = default;
    explicit LevelScale(std::vector<std::string> names) : names_(std::move(names)) {}

    /// Number of entries, level 0 included.
    std::size_t size() const noexcept { return names_.size(); }
    /// The highest level.
    Level top() const noexcept { return static_cast<Level>(names_.size()) - 1; }
    const std::string &name(Level level) const { return names_.at(static_cast<std::size_t>(level)); }
    const std::vector<std::string> &names() const noexcept { return names_; }
    std::optional<Level> find(std::string_view name) const noexcept {
        for (std::size_t i = 0; i < names_.size(); ++i)
            if (names_[i] == name) return static_cast<Level>(i);
        return std::nullopt;
    }

private:
    std::vector<std::string> names_;
};

CAREERPATH_NAMESPACE_END
