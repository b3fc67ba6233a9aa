// The curriculum model: its accessors and lookups (the reader is src/io/curriculum_reader.cpp).
#include <careerpath/curriculum.hpp>

#include "curriculum_data.hpp"

#include <optional>
#include <span>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

using detail::IdIndex;

namespace {

std::optional<std::size_t> lookup(const IdIndex &index, std::string_view id) noexcept {
    if (const auto *entry = index.find(id)) return entry->second;
    return std::nullopt;
}

}  // namespace

const char *to_string(Metric::Kind kind) noexcept {
    switch (kind) {
    case Metric::Kind::role_readiness: return "role_readiness";
    case Metric::Kind::skill_growth: return "skill_growth";
    case Metric::Kind::timeline: return "timeline";
    case Metric::Kind::survey: return "survey";
    case Metric::Kind::retained: return "retained";
    case Metric::Kind::promoted: return "promoted";
    }
    return "unknown";
}

const char *to_string(SessionType::Agenda agenda) noexcept {
    switch (agenda) {
    case SessionType::Agenda::in_progress: return "in_progress";
    case SessionType::Agenda::finished: return "finished";
    case SessionType::Agenda::milestones: return "milestones";
    case SessionType::Agenda::target: return "target";
    }
    return "unknown";
}

const char *to_string(SessionType::Recurrence recurrence) noexcept {
    switch (recurrence) {
    case SessionType::Recurrence::weekly: return "weekly";
    case SessionType::Recurrence::monthly: return "monthly";
    case SessionType::Recurrence::as_needed: return "as_needed";
    }
    return "unknown";
}

const char *to_string(Program::Format format) noexcept {
    return format == Program::Format::group ? "group" : "individual";
}

Curriculum::Curriculum(std::shared_ptr<const detail::CurriculumData> data) : data_(std::move(data)) {}



const std::string &Curriculum::id() const noexcept { return data_->id; }
const std::string &Curriculum::title() const noexcept { return data_->title; }
const LevelScale &Curriculum::levels() const noexcept { return data_->levels; }
std::span<const Skill> Curriculum::skills() const noexcept { return data_->skills; }
std::span<const Prerequisite> Curriculum::prerequisites() const noexcept { return data_->prerequisites; }
std::span<const Role> Curriculum::roles() const noexcept { return data_->roles; }
std::span<const SessionType> Curriculum::session_types() const noexcept { return data_->session_types; }
std::span<const Program> Curriculum::programs() const noexcept { return data_->programs; }
std::span<const Metric> Curriculum::metrics() const noexcept { return data_->metrics; }
std::span<const RaterGroup> Curriculum::raters() const noexcept { return data_->raters; }
std::span<const std::string> Curriculum::areas() const noexcept { return data_->areas; }
const UnitGraph &Curriculum::graph() const noexcept { return data_->graph; }
std::span<const std::size_t> Curriculum::skill_rank() const noexcept { return data_->skill_rank; }

std::optional<std::size_t> Curriculum::find_skill(std::string_view id) const noexcept { return lookup(data_->skill_index, id); }
std::optional<std::size_t> Curriculum::find_role(std::string_view id) const noexcept { return lookup(data_->role_index, id); }
std::optional<std::size_t> Curriculum::find_program(std::string_view id) const noexcept { return lookup(data_->program_index, id); }
std::optional<std::size_t> Curriculum::find_session_type(std::string_view id) const noexcept {
    return lookup(data_->session_type_index, id);
}
std::optional<std::size_t> Curriculum::find_metric(std::string_view id) const noexcept { return lookup(data_->metric_index, id); }
std::optional<std::size_t> Curriculum::find_rater(std::string_view id) const noexcept { return lookup(data_->rater_index, id); }

std::string Curriculum::unit_name(UnitRef unit) const {
    return data_->skills.at(unit.skill).id + "@" + data_->levels.name(unit.level);
}

double Curriculum::unit_hours(UnitRef unit) const noexcept {
    return data_->skills[unit.skill].step_hours[static_cast<std::size_t>(unit.level)];
}

CAREERPATH_NAMESPACE_END
