// "Did you mean": the nearest id to a reference that names nothing (README.md "Command line",
// "Did you mean"), in every reader's message, so that the C ABI, Python and the command line all
// say it. Nearest is the fewest single-character insertions, deletions and substitutions
// (Levenshtein), with case ignored, and only when close enough to be a typo: at most a third of
// the longer id's length, and never more than 3. Ties go to the id that sorts first, so the
// message is always the same.
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/levels.hpp>
#include <careerpath/version.hpp>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

// The distance between `a` and `b` with ASCII case ignored, or a number above `cutoff` once it
// is sure to be above it.
inline std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cutoff) {
    const std::size_t longer = std::max(a.size(), b.size()), shorter = std::min(a.size(), b.size());
    if (longer - shorter > cutoff) return cutoff + 1;
    const auto lower = [](char ch) { return static_cast<char>(std::tolower(static_cast<unsigned char>(ch))); };
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0], best = row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1)});
            diagonal = above;
            best = std::min(best, row[j]);
        }
        if (best > cutoff) return cutoff + 1;  // every later row is at least this far
    }
    return row[b.size()];
}

// Collects the candidates one at a time and keeps the nearest.
class Nearest {
public:
    explicit Nearest(std::string_view wanted) : wanted_(wanted) {}

    void consider(std::string_view id) {
        if (id == wanted_ || id.empty()) return;
        const std::size_t limit = std::min<std::size_t>(3, std::max(wanted_.size(), id.size()) / 3);
        const std::size_t d = edit_distance(wanted_, id, limit);
        if (d > limit) return;
        if (!best_ || d < distance_ || (d == distance_ && id < *best_)) {
            best_ = std::string(id);
            distance_ = d;
        }
    }
    template <class Range, class Id>
    Nearest &among(const Range &entries, Id id_of) {
        for (const auto &entry : entries) consider(id_of(entry));
        return *this;
    }

    const std::optional<std::string> &best() const { return best_; }
    // "; did you mean \"id\"?", or "" when nothing is close.
    std::string hint() const { return best_ ? "; did you mean \"" + *best_ + "\"?" : std::string(); }

private:
    std::string_view wanted_;
    std::optional<std::string> best_;
    std::size_t distance_ = 0;
};

// `what` "NAME" is not on the level scale (none, beginner, ...); did you mean "beginner"?
inline std::string not_on_scale(std::string_view what, std::string_view name, const LevelScale &scale) {
    std::string list;
    Nearest nearest(name);
    for (const std::string &level : scale.names()) {
        list += (list.empty() ? "" : ", ") + level;
        nearest.consider(level);
    }
    return std::string(what) + " \"" + std::string(name) + "\" is not on the level scale (" + list + ")" +
           nearest.hint();
}

// unknown KIND "ID": no KIND has this id; did you mean "..."? -- among `entries`, each with an `id`.
template <class Range>
std::string unknown_id(std::string_view kind, std::string_view id, const Range &entries) {
    return "unknown " + std::string(kind) + " \"" + std::string(id) + "\": no " + std::string(kind) + " has this id" +
           Nearest(id).among(entries, [](const auto &entry) -> std::string_view { return entry.id; }).hint();
}
inline std::string unknown_skill(const Curriculum &c, std::string_view id) { return unknown_id("skill", id, c.skills()); }
inline std::string unknown_role(const Curriculum &c, std::string_view id) { return unknown_id("role", id, c.roles()); }
inline std::string unknown_program(const Curriculum &c, std::string_view id) {
    return unknown_id("program", id, c.programs());
}
inline std::string unknown_metric(const Curriculum &c, std::string_view id) { return unknown_id("metric", id, c.metrics()); }

}  // namespace detail

CAREERPATH_NAMESPACE_END
