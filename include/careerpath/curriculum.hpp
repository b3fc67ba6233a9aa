// careerpath — the curriculum: levels, skills, prerequisites, roles, session types, programs,
// metrics and rater groups, loaded from JSON, validated, and immutable from then on.
#pragma once

#include <careerpath/error.hpp>
#include <careerpath/graph.hpp>
#include <careerpath/levels.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/money.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

struct Activity {
    std::string title;
    std::string kind;
    std::optional<Level> level;  ///< the level it builds, where the curriculum says
};

struct Skill {
    std::string id;
    std::string title;
    std::string area;
    /// step_hours[L] is the effort to reach level L from L-1; step_hours[0] is 0.
    std::vector<double> step_hours;
    std::vector<Activity> activities;
};

/// `unit` requires `required`; `entry` is its index in the document's "prerequisites".
struct Prerequisite {
    UnitRef unit;
    UnitRef required;
    std::size_t entry = 0;
};

struct RoleRequirement {
    std::size_t skill = 0;
    Level level = 0;
    double weight = 1.0;
};

struct Role {
    std::string id;
    std::string title;
    std::optional<std::size_t> extends;
    /// Effective requirements: the extended role's, added to and raised by this role's own
    /// (the higher level wins; this role's weight wins), sorted by skill id.
    std::vector<RoleRequirement> requirements;
};

struct SessionType {
    enum class Recurrence { weekly, monthly, as_needed };
    /// What a session's agenda is drawn from (docs/sessions.md, "Agendas"): the units in progress
    /// on its day (coaching), the units finished since the type's previous session (reviews), the
    /// milestones and metrics (career planning), or the target role's required units (practice
    /// interviews). Defaults by recurrence: weekly every week in_progress, weekly every n > 1 weeks
    /// finished, monthly milestones, as needed target.
    enum class Agenda { in_progress, finished, milestones, target };
    std::string id;
    std::string title;
    int minutes = 60;
    Recurrence recurrence = Recurrence::weekly;
    int every = 1;                 ///< weeks or months between occurrences (weekly, monthly)
    int weeks_before_target = 0;   ///< as_needed: the window before the target date
    int count = 0;                 ///< as_needed: occurrences in that window
    Agenda agenda = Agenda::in_progress;
};

struct Phase {
    std::string id;
    std::string title;
    int first_month = 1;  ///< months are counted from 1, both ends included
    int last_month = 1;
    std::vector<std::string> focus;        ///< as written: skill ids and area ids
    std::vector<std::size_t> focus_skills; ///< resolved to skills, ascending, distinct
};

struct Program {
    enum class Format { individual, group };
    std::string id;
    std::string title;
    std::size_t target_role = 0;
    int months = 1;
    Format format = Format::individual;
    int group_min = 1;
    int group_max = 1;
    std::vector<Phase> phases;
    std::vector<std::size_t> session_types;
    std::vector<std::size_t> metrics;
    /// The price per month (per person for a group program), where the curriculum gives one.
    std::optional<Money> price;
};

struct Metric {
    enum class Kind { role_readiness, skill_growth, timeline, survey, retained, promoted };
    std::string id;
    std::string title;
    Kind kind = Kind::role_readiness;
    std::optional<double> target;
    double weight = 1.0;
    std::optional<std::pair<double, double>> scale;  ///< survey: lowest and highest answer
};

struct RaterGroup {
    std::string id;
    double weight = 1.0;
    int min_count = 1;  ///< fewer raters than this are never shown on their own
};

const char *to_string(Metric::Kind kind) noexcept;
const char *to_string(SessionType::Recurrence recurrence) noexcept;
const char *to_string(SessionType::Agenda agenda) noexcept;
const char *to_string(Program::Format format) noexcept;

namespace detail { struct CurriculumData; }

/// A validated curriculum. Immutable: copies share one model, and any number of threads may
/// read it at once.
class Curriculum {
public:
    /// Parses and validates a curriculum document (docs/curriculum.md). Every rejection carries
    /// its status, a message and the JSON Pointer of the offending field.
    static Result<Curriculum> load(std::string_view json_text, const Limits &limits = {});
    /// Loads an already parsed document: a careerpath::Json tree (careerpath/json.hpp) or any type
    /// with the same dump(); written out as text and loaded, so that every
    /// limit still applies.
    template <class Tree>
    static Result<Curriculum> from_json(const Tree &document, const Limits &limits = {}) {
        return load(document.dump(-1, ' ', false, Tree::error_handler_t::replace), limits);
    }

    const std::string &id() const noexcept;
    const std::string &title() const noexcept;
    const LevelScale &levels() const noexcept;
    std::span<const Skill> skills() const noexcept;
    std::span<const Prerequisite> prerequisites() const noexcept;
    std::span<const Role> roles() const noexcept;
    std::span<const SessionType> session_types() const noexcept;
    std::span<const Program> programs() const noexcept;
    std::span<const Metric> metrics() const noexcept;
    std::span<const RaterGroup> raters() const noexcept;
    /// Distinct areas, in order of first appearance among the skills.
    std::span<const std::string> areas() const noexcept;
    const UnitGraph &graph() const noexcept;
    /// Each skill's place in id order (byte order of the ids, 0 for the smallest): comparing
    /// places compares ids, without comparing strings.
    std::span<const std::size_t> skill_rank() const noexcept;

    std::optional<std::size_t> find_skill(std::string_view id) const noexcept;
    std::optional<std::size_t> find_role(std::string_view id) const noexcept;
    std::optional<std::size_t> find_program(std::string_view id) const noexcept;
    std::optional<std::size_t> find_session_type(std::string_view id) const noexcept;
    std::optional<std::size_t> find_metric(std::string_view id) const noexcept;
    std::optional<std::size_t> find_rater(std::string_view id) const noexcept;

    /// "skill@level", as messages and documents name units.
    std::string unit_name(UnitRef unit) const;
    /// Hours of the unit's step.
    double unit_hours(UnitRef unit) const noexcept;

private:
    explicit Curriculum(std::shared_ptr<const detail::CurriculumData> data);
    std::shared_ptr<const detail::CurriculumData> data_;
};

CAREERPATH_NAMESPACE_END
