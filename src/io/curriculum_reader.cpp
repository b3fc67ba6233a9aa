// careerpath I/O — reading a curriculum document into the model: every rule of docs/curriculum.md,
// checked in document order so that the first offending field is the one reported.
#include <careerpath/curriculum.hpp>

#include "../curriculum_data.hpp"
#include "document.hpp"
#include "json_reader.hpp"
#include "money_reader.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <span>

CAREERPATH_NAMESPACE_BEGIN

using detail::IdIndex;
using detail::missing;
using detail::Node;
using detail::Ok;
using detail::read_id;
using detail::read_int;
using detail::read_level;
using detail::read_number;
using detail::read_optional_string;
using detail::schema_error;
using detail::success;

namespace {

Error limit_error(const std::string &pointer, std::string_view what, std::size_t count, std::size_t limit,
                  std::string_view name) {
    return make_error(Status::limit,
                      std::to_string(count) + " " + std::string(what) + " here, over the limit of " +
                          std::to_string(limit) + " (" + std::string(name) + ")",
                      pointer);
}

// An optional array member: absent is empty; present must be an array within `limit`.
Ok optional_array(const Node &parent, std::string_view key, std::size_t limit, std::string_view limit_name,
                  Node &out) {
    out = parent.member(key);
    if (!out) return success();
    BOOST_OUTCOME_TRYV(out.expect_array(std::string("\"") + std::string(key) + "\""));
    if (out->size() > limit) return limit_error(out.pointer(), key, out->size(), limit, limit_name);
    return success();
}

// Registers `id` as the index-th entry of a kind, rejecting duplicates.
Ok register_id(IdIndex &index, const std::string &id, std::size_t position, const Node &id_node,
               std::string_view kind, const std::string &first_pointer_prefix) {
    auto [it, inserted] = index.emplace(id, position);
    if (inserted) return success();
    return schema_error(id_node.pointer(), "duplicate " + std::string(kind) + " id \"" + id + "\" (first at " +
                                             first_pointer_prefix + "/" + std::to_string(it->second) + ")");
}

// Reads the "id" every entry has (unique among the entries of its kind, collected in `index`)
// and its "title", which defaults to the id.
template <class Entry>
Ok read_id_and_title(const Node &n, std::string_view kind, IdIndex &index, std::size_t position,
                     const std::string &list_pointer, Entry &entry) {
    BOOST_OUTCOME_TRYV(n.expect_object("a " + std::string(kind)));
    const Node id = n.member("id");
    BOOST_OUTCOME_TRYV(read_id(id, std::string(kind) + " id", entry.id));
    BOOST_OUTCOME_TRYV(register_id(index, entry.id, position, id, kind, list_pointer));
    entry.title = entry.id;
    return read_optional_string(n.member("title"), "title", entry.title);
}

// With the nearest id of `index` as a "did you mean" (README.md "Command line", "Did you mean").
Error unknown(const Node &n, std::string_view kind, std::string_view id, const IdIndex &index) {
    return make_error(Status::reference,
                      "unknown " + std::string(kind) + " \"" + std::string(id) + "\": no " + std::string(kind) +
                          " has this id" +
                          detail::Nearest(id).among(index.entries(), [](const IdIndex::Entry &e) { return e.first; }).hint(),
                      n.pointer());
}

// Reads an id that must name an entry of `index`.
Ok read_reference(const Node &n, const IdIndex &index, std::string_view kind, std::size_t &out) {
    std::string id;
    BOOST_OUTCOME_TRYV(read_id(n, kind, id));
    auto it = index.find(id);
    if (it == index.end()) return unknown(n, kind, id, index);
    out = it->second;
    return success();
}

class Loader {
public:
    Loader(io::Value document, const Limits &limits, detail::CurriculumData &d)
        : root_(document), limits_(limits), d_(d) {}

    Ok run() {
        BOOST_OUTCOME_TRYV(root_.expect_object("a curriculum"));
        BOOST_OUTCOME_TRYV(read_id(root_.member("id"), "curriculum id", d_.id));
        d_.title = d_.id;
        BOOST_OUTCOME_TRYV(read_optional_string(root_.member("title"), "title", d_.title));
        BOOST_OUTCOME_TRYV(read_levels());
        BOOST_OUTCOME_TRYV(read_skills());
        BOOST_OUTCOME_TRYV(read_prerequisites());
        BOOST_OUTCOME_TRYV(build_graph());
        BOOST_OUTCOME_TRYV(read_roles());
        BOOST_OUTCOME_TRYV(read_session_types());
        BOOST_OUTCOME_TRYV(read_metrics());
        BOOST_OUTCOME_TRYV(read_raters());
        BOOST_OUTCOME_TRYV(read_programs());
        return success();
    }

private:
    Ok read_levels() {
        const Node levels = root_.member("levels");
        if (!levels) return missing(levels, "level scale \"levels\" (e.g. [\"none\", \"beginner\", \"advanced\"])");
        BOOST_OUTCOME_TRYV(levels.expect_array("\"levels\""));
        if (levels->size() > limits_.max_levels)
            return limit_error(levels.pointer(), "levels", levels->size(), limits_.max_levels, "max_levels");
        if (levels->size() < 2)
            return schema_error(levels.pointer(), "the level scale needs at least two levels: the first means "
                                                "\"not yet\", the others are learned");
        std::vector<std::string> names;
        IdIndex seen;
        for (std::size_t i = 0; i < levels->size(); ++i) {
            const Node n = levels.element(i);
            std::string name;
            BOOST_OUTCOME_TRYV(read_id(n, "a level name", name));
            BOOST_OUTCOME_TRYV(register_id(seen, name, i, n, "level", "/levels"));
            names.push_back(std::move(name));
        }
        d_.levels = LevelScale(std::move(names));
        return success();
    }

    Ok read_skills() {
        Node skills;
        BOOST_OUTCOME_TRYV(optional_array(root_, "skills", limits_.max_skills, "max_skills", skills));
        if (!skills) return success();
        const std::size_t units = skills->size() * static_cast<std::size_t>(d_.levels.top());
        if (units > limits_.max_units)
            return limit_error(skills.pointer(), "units (skills x learned levels)", units, limits_.max_units,
                               "max_units");
        d_.skills.reserve(skills->size());
        for (std::size_t i = 0; i < skills->size(); ++i) {
            const Node n = skills.element(i);
            Skill s;
            BOOST_OUTCOME_TRYV(read_id_and_title(n, "skill", d_.skill_index, i, "/skills", s));
            BOOST_OUTCOME_TRYV(read_optional_string(n.member("area"), "area", s.area));
            BOOST_OUTCOME_TRYV(read_step_hours(n, s));
            BOOST_OUTCOME_TRYV(read_activities(n, s));
            if (!s.area.empty() && d_.area_index.emplace(s.area, d_.areas.size()).second)
                d_.areas.push_back(s.area);
            d_.skills.push_back(std::move(s));
        }
        return success();
    }

    Ok read_step_hours(const Node &skill, Skill &s) {
        const Level top = d_.levels.top();
        constexpr double unset = -1;
        s.step_hours.assign(static_cast<std::size_t>(top) + 1, unset);
        s.step_hours[0] = 0;
        const Node hours = skill.member("hours");
        if (hours) {
            double h = 0;
            BOOST_OUTCOME_TRYV(read_number(hours, "hours", 0, h));
            std::fill(s.step_hours.begin() + 1, s.step_hours.end(), h);
        }
        const Node by_level = skill.member("hours_by_level");
        if (by_level) {
            BOOST_OUTCOME_TRYV(by_level.expect_object("\"hours_by_level\""));
            for (const auto it : by_level->members()) {
                const Node entry(it.value());
                Level level = 0;
                BOOST_OUTCOME_TRYV(level_of_key(it.key(), entry, level));
                BOOST_OUTCOME_TRYV(read_number(entry, "hours", 0, s.step_hours[static_cast<std::size_t>(level)]));
            }
        }
        for (Level l = 1; l <= top; ++l)
            if (s.step_hours[static_cast<std::size_t>(l)] == unset)
                return schema_error(hours.pointer(), "skill \"" + s.id + "\" has no effort for level \"" +
                                                       d_.levels.name(l) + "\": give \"hours\" (every step) or \"hours_by_level\": {\"" +
                                                       d_.levels.name(l) + "\": ...}");
        return success();
    }

    // A level named by an object key: a name, or an index written as digits ("2"), since object
    // keys are strings. Errors read as read_level's.
    Ok level_of_key(std::string_view key, const Node &entry, Level &out) const {
        const bool digits = !key.empty() && key.size() < 10 && key.find_first_not_of("0123456789") == std::string_view::npos;
        if (digits) {
            const unsigned long index = std::stoul(std::string(key));
            if (index > static_cast<unsigned long>(d_.levels.top()))
                return schema_error(entry.pointer(), "level " + std::to_string(index) + " is off the level scale (0 to " +
                                                         std::to_string(d_.levels.top()) + ")");
            out = static_cast<Level>(index);
        } else {
            const auto level = d_.levels.find(key);
            if (!level)
                return make_error(Status::reference, detail::not_on_scale("level", key, d_.levels), entry.pointer());
            out = *level;
        }
        if (out < 1)
            return schema_error(entry.pointer(), "level must be above \"" + d_.levels.name(0) +
                                                     "\", the level of not having started");
        return success();
    }

    Ok read_activities(const Node &skill, Skill &s) {
        Node activities;
        BOOST_OUTCOME_TRYV(optional_array(skill, "activities", limits_.max_activities, "max_activities", activities));
        if (!activities) return success();
        for (std::size_t i = 0; i < activities->size(); ++i) {
            const Node n = activities.element(i);
            BOOST_OUTCOME_TRYV(n.expect_object("an activity"));
            Activity a;
            BOOST_OUTCOME_TRYV(read_id(n.member("title"), "activity title", a.title));
            BOOST_OUTCOME_TRYV(read_optional_string(n.member("kind"), "kind", a.kind));
            const Node level = n.member("level");
            if (level) {
                Level l = 0;
                BOOST_OUTCOME_TRYV(read_level(level, d_.levels, "activity level", 1, l));
                a.level = l;
            }
            s.activities.push_back(std::move(a));
        }
        return success();
    }

    // Reads `skill` and its `level` (defaulting to the first learned level) into a unit.
    Ok read_unit(const Node &entry, std::string_view skill_key, std::string_view level_key, UnitRef &out) {
        BOOST_OUTCOME_TRYV(read_reference(entry.member(skill_key), d_.skill_index, "skill", out.skill));
        out.level = 1;
        const Node level = entry.member(level_key);
        if (level) {
            BOOST_OUTCOME_TRYV(read_level(level, d_.levels, "level", 1, out.level));
        }
        return success();
    }

    Ok read_prerequisites() {
        Node prerequisites;
        BOOST_OUTCOME_TRYV(optional_array(root_, "prerequisites", limits_.max_prerequisites,
                                          "max_prerequisites", prerequisites));
        if (!prerequisites) return success();
        d_.prerequisites.reserve(prerequisites->size());
        for (std::size_t i = 0; i < prerequisites->size(); ++i) {
            const Node n = prerequisites.element(i);
            BOOST_OUTCOME_TRYV(n.expect_object("a prerequisite"));
            Prerequisite p;
            p.entry = i;
            BOOST_OUTCOME_TRYV(read_unit(n, "skill", "level", p.unit));
            BOOST_OUTCOME_TRYV(read_unit(n, "requires", "requires_level", p.required));
            d_.prerequisites.push_back(p);
        }
        return success();
    }

    std::vector<std::size_t> rank_skills() const {
        std::vector<std::size_t> by_id(d_.skills.size());
        std::iota(by_id.begin(), by_id.end(), std::size_t{0});
        std::sort(by_id.begin(), by_id.end(),
                  [&](std::size_t a, std::size_t b) { return d_.skills[a].id < d_.skills[b].id; });
        std::vector<std::size_t> rank(d_.skills.size());
        for (std::size_t r = 0; r < by_id.size(); ++r) rank[by_id[r]] = r;
        return rank;
    }

    Ok build_graph() {
        const Level top = d_.levels.top();
        auto index = [top](UnitRef u) {
            return static_cast<UnitIndex>(u.skill * static_cast<std::size_t>(top) + static_cast<std::size_t>(u.level) - 1);
        };
        std::vector<UnitGraph::Requirement> edges;
        edges.reserve(d_.prerequisites.size());
        for (const auto &p : d_.prerequisites) edges.push_back({index(p.unit), index(p.required)});
        d_.skill_rank = rank_skills();
        d_.graph = UnitGraph::build(d_.skills.size(), top, edges, d_.skill_rank);
        if (d_.graph.is_acyclic()) return success();

        const auto cycle = d_.graph.find_cycle();
        std::string message = "prerequisites form a cycle: ";
        for (std::size_t i = 0; i < cycle.size(); ++i) {
            if (i) message += " -> ";
            message += unit_name(d_.graph.unit(cycle[i]));
        }
        message += " (each unit requires the next)";
        // Name the first prerequisite entry that makes an edge of the cycle.
        std::string pointer = "/prerequisites";
        for (std::size_t i = 0; i + 1 < cycle.size(); ++i) {
            auto it = std::find_if(edges.begin(), edges.end(), [&](const UnitGraph::Requirement &e) {
                return e.unit == cycle[i] && e.required == cycle[i + 1];
            });
            if (it != edges.end()) {
                pointer = pointer_append(pointer, static_cast<std::size_t>(it - edges.begin()));
                break;
            }
        }
        return make_error(Status::cycle, std::move(message), std::move(pointer));
    }

    std::string unit_name(UnitRef u) const { return d_.skills[u.skill].id + "@" + d_.levels.name(u.level); }

    Ok read_roles() {
        Node roles;
        BOOST_OUTCOME_TRYV(optional_array(root_, "roles", limits_.max_roles, "max_roles", roles));
        if (!roles) return success();
        // Pass 1: ids, so that `extends` may name a role defined later.
        for (std::size_t i = 0; i < roles->size(); ++i) {
            const Node n = roles.element(i);
            Role r;
            BOOST_OUTCOME_TRYV(read_id_and_title(n, "role", d_.role_index, i, "/roles", r));
            d_.roles.push_back(std::move(r));
        }
        // Pass 2: each role's own requirements and weights, and what it extends.
        std::vector<std::vector<RoleRequirement>> own(d_.roles.size());
        std::vector<std::vector<std::pair<std::size_t, double>>> weights(d_.roles.size());
        for (std::size_t i = 0; i < roles->size(); ++i) {
            const Node n = roles.element(i);
            const Node extends = n.member("extends");
            if (extends) {
                std::size_t parent = 0;
                BOOST_OUTCOME_TRYV(read_reference(extends, d_.role_index, "role", parent));
                d_.roles[i].extends = parent;
            }
            const Node requires_ = n.member("requires");
            if (requires_) {
                BOOST_OUTCOME_TRYV(requires_.expect_object("\"requires\""));
                for (const auto it : requires_->members()) {
                    const Node entry(it.value());
                    const auto skill = d_.skill_index.find(it.key());
                    if (skill == d_.skill_index.end()) return unknown(entry, "skill", it.key(), d_.skill_index);
                    RoleRequirement req;
                    req.skill = skill->second;
                    BOOST_OUTCOME_TRYV(read_level(entry, d_.levels, "required level", 1, req.level));
                    own[i].push_back(req);
                }
            }
            const Node w = n.member("weights");
            if (w) {
                BOOST_OUTCOME_TRYV(w.expect_object("\"weights\""));
                for (const auto it : w->members()) {
                    const Node entry(it.value());
                    const auto skill = d_.skill_index.find(it.key());
                    if (skill == d_.skill_index.end()) return unknown(entry, "skill", it.key(), d_.skill_index);
                    double weight = 0;
                    BOOST_OUTCOME_TRYV(read_number(entry, "weight", 0, weight));
                    weights[i].emplace_back(skill->second, weight);
                }
            }
        }
        BOOST_OUTCOME_TRYV(check_extends_cycles(roles));
        // Pass 3: effective requirements, parents first. Each role keeps what it inherits, so a
        // chain of n roles keeps about n^2 / 2 of them: max_role_requirements caps the sum.
        std::vector<std::size_t> slot(d_.skills.size(), unplaced);
        std::size_t total = 0;
        std::vector<bool> done(d_.roles.size(), false);
        for (std::size_t i = 0; i < d_.roles.size(); ++i) {
            std::vector<std::size_t> chain;
            for (std::size_t r = i; !done[r];) {
                chain.push_back(r);
                if (!d_.roles[r].extends) break;
                r = *d_.roles[r].extends;
            }
            for (auto r = chain.rbegin(); r != chain.rend(); ++r) {
                BOOST_OUTCOME_TRYV(resolve_role(*r, own[*r], weights[*r], roles.element(*r), slot, total));
                done[*r] = true;
            }
        }
        return success();
    }

    Ok check_extends_cycles(const Node &roles) {
        enum class Mark { unvisited, on_path, finished };
        std::vector<Mark> mark(d_.roles.size(), Mark::unvisited);
        for (std::size_t i = 0; i < d_.roles.size(); ++i) {
            std::vector<std::size_t> path;
            for (std::size_t r = i; mark[r] != Mark::finished;) {
                if (mark[r] == Mark::on_path) {
                    // The cycle, from the role of the smallest id, each extending the next.
                    std::vector<std::size_t> cycle(std::find(path.begin(), path.end(), r), path.end());
                    std::rotate(cycle.begin(),
                                std::min_element(cycle.begin(), cycle.end(),
                                                 [&](std::size_t a, std::size_t b) { return d_.roles[a].id < d_.roles[b].id; }),
                                cycle.end());
                    std::string message = "roles extend each other in a cycle: ";
                    for (std::size_t c : cycle) message += d_.roles[c].id + " -> ";
                    message += d_.roles[cycle.front()].id + " (each role extends the next)";
                    return make_error(Status::cycle, std::move(message),
                                      roles.element(cycle.front()).member("extends").pointer());
                }
                mark[r] = Mark::on_path;
                path.push_back(r);
                if (!d_.roles[r].extends) break;
                r = *d_.roles[r].extends;
            }
            for (std::size_t p : path) mark[p] = Mark::finished;
        }
        return success();
    }

    static constexpr std::size_t unplaced = std::numeric_limits<std::size_t>::max();

    // Resolves role i from its parent's effective requirements and its own. `slot` is scratch,
    // one entry per skill and `unplaced` between calls: where the skill sits in the role being
    // resolved. The role's size is counted first and checked against max_role_requirements
    // (with `total`, the sizes of the roles resolved before it), so that nothing is allocated
    // for a role over the limit.
    Ok resolve_role(std::size_t i, const std::vector<RoleRequirement> &own,
                    const std::vector<std::pair<std::size_t, double>> &weights, const Node &node,
                    std::vector<std::size_t> &slot, std::size_t &total) {
        Role &role = d_.roles[i];
        std::span<const RoleRequirement> inherited;
        if (role.extends) inherited = d_.roles[*role.extends].requirements;
        std::size_t size = 0;
        for (const auto &req : inherited) slot[req.skill] = size++;
        for (const auto &req : own)
            if (slot[req.skill] == unplaced) slot[req.skill] = size++;
        if (size > limits_.max_role_requirements - total)
            return make_error(Status::limit,
                              "role \"" + role.id + "\" takes the roles' effective requirements (their own and those inherited " +
                                  "through \"extends\", counted for every role) to " +
                                  std::to_string(total + size) + ", over the limit of " +
                                  std::to_string(limits_.max_role_requirements) + " (max_role_requirements)",
                              node.pointer());
        total += size;

        std::vector<RoleRequirement> effective;
        effective.reserve(size);
        effective.assign(inherited.begin(), inherited.end());
        for (const auto &req : own) {
            const std::size_t k = slot[req.skill];
            if (k < effective.size()) effective[k].level = std::max(effective[k].level, req.level);
            else effective.push_back(req);
        }
        for (const auto &[skill, weight] : weights) {
            if (slot[skill] == unplaced)
                return schema_error(node.member("weights").member(d_.skills[skill].id).pointer(),
                                    "role \"" + role.id + "\" weights skill \"" + d_.skills[skill].id +
                                        "\", which it does not require");
            effective[slot[skill]].weight = weight;
        }
        for (const auto &req : effective) slot[req.skill] = unplaced;
        std::sort(effective.begin(), effective.end(), [&](const RoleRequirement &a, const RoleRequirement &b) {
            return d_.skills[a.skill].id < d_.skills[b.skill].id;
        });
        role.requirements = std::move(effective);
        return success();
    }

    static Ok read_agenda(const Node &n, SessionType &t) {
        using Agenda = SessionType::Agenda;
        if (!n) {
            switch (t.recurrence) {
            case SessionType::Recurrence::weekly: t.agenda = t.every == 1 ? Agenda::in_progress : Agenda::finished; break;
            case SessionType::Recurrence::monthly: t.agenda = Agenda::milestones; break;
            case SessionType::Recurrence::as_needed: t.agenda = Agenda::target; break;
            }
            return success();
        }
        std::string text;
        BOOST_OUTCOME_TRYV(read_id(n, "agenda", text));
        for (Agenda a : {Agenda::in_progress, Agenda::finished, Agenda::milestones, Agenda::target})
            if (text == to_string(a)) {
                t.agenda = a;
                return success();
            }
        return schema_error(n.pointer(), "agenda \"" + text + "\" is not one of in_progress, finished, milestones, target");
    }

    Ok read_session_types() {
        Node types;
        BOOST_OUTCOME_TRYV(optional_array(root_, "session_types", limits_.max_session_types,
                                          "max_session_types", types));
        if (!types) return success();
        for (std::size_t i = 0; i < types->size(); ++i) {
            const Node n = types.element(i);
            SessionType t;
            BOOST_OUTCOME_TRYV(read_id_and_title(n, "session type", d_.session_type_index, i, "/session_types", t));
            BOOST_OUTCOME_TRYV(read_int(n.member("minutes"), "minutes", 1, 24 * 60, t.minutes));
            const Node every = n.member("every");
            const Node as_needed = n.member("as_needed");
            if (bool(every) == bool(as_needed))
                return schema_error(n.pointer(), "session type \"" + t.id +
                                                   "\" needs exactly one of \"every\" ({\"weeks\": n} or "
                                                   "{\"months\": n}) and \"as_needed\"");
            if (every) {
                BOOST_OUTCOME_TRYV(every.expect_object("\"every\""));
                const Node weeks = every.member("weeks");
                const Node months = every.member("months");
                if (bool(weeks) == bool(months))
                    return schema_error(every.pointer(), "\"every\" needs exactly one of \"weeks\" and \"months\"");
                t.recurrence = weeks ? SessionType::Recurrence::weekly : SessionType::Recurrence::monthly;
                BOOST_OUTCOME_TRYV(weeks ? read_int(weeks, "weeks", 1, 52, t.every)
                                         : read_int(months, "months", 1, 12, t.every));
            } else {
                BOOST_OUTCOME_TRYV(as_needed.expect_object("\"as_needed\""));
                t.recurrence = SessionType::Recurrence::as_needed;
                BOOST_OUTCOME_TRYV(read_int(as_needed.member("weeks_before_target"), "weeks_before_target", 1,
                                            520, t.weeks_before_target));
                BOOST_OUTCOME_TRYV(read_int(as_needed.member("count"), "count", 1, 100, t.count));
            }
            BOOST_OUTCOME_TRYV(read_agenda(n.member("agenda"), t));
            d_.session_types.push_back(std::move(t));
        }
        return success();
    }

    Ok read_metrics() {
        Node metrics;
        BOOST_OUTCOME_TRYV(optional_array(root_, "metrics", limits_.max_metrics, "max_metrics", metrics));
        if (!metrics) return success();
        static constexpr std::pair<std::string_view, Metric::Kind> kinds[] = {
            {"role_readiness", Metric::Kind::role_readiness}, {"skill_growth", Metric::Kind::skill_growth},
            {"timeline", Metric::Kind::timeline},             {"survey", Metric::Kind::survey},
            {"retained", Metric::Kind::retained},             {"promoted", Metric::Kind::promoted}};
        for (std::size_t i = 0; i < metrics->size(); ++i) {
            const Node n = metrics.element(i);
            Metric m;
            BOOST_OUTCOME_TRYV(read_id_and_title(n, "metric", d_.metric_index, i, "/metrics", m));
            std::string kind;
            const Node kind_node = n.member("kind");
            BOOST_OUTCOME_TRYV(read_id(kind_node, "metric kind", kind));
            auto k = std::find_if(std::begin(kinds), std::end(kinds), [&](const auto &e) { return e.first == kind; });
            if (k == std::end(kinds))
                return schema_error(kind_node.pointer(), "unknown metric kind \"" + kind +
                                                           "\": use role_readiness, skill_growth, timeline, "
                                                           "survey, retained or promoted");
            m.kind = k->second;
            if (const Node target = n.member("target")) {
                double t = 0;
                BOOST_OUTCOME_TRYV(read_number(target, "target", -1e300, t));
                m.target = t;
            }
            if (const Node weight = n.member("weight")) {
            BOOST_OUTCOME_TRYV(read_number(weight, "weight", 0, m.weight));
        }
            if (const Node scale = n.member("scale")) {
                BOOST_OUTCOME_TRYV(scale.expect_array("\"scale\""));
                if (scale->size() != 2)
                    return schema_error(scale.pointer(), "\"scale\" must be [lowest, highest]");
                double lo = 0, hi = 0;
                BOOST_OUTCOME_TRYV(read_number(scale.element(0), "lowest answer", -1e300, lo));
                BOOST_OUTCOME_TRYV(read_number(scale.element(1), "highest answer", -1e300, hi));
                if (!(lo < hi))
                    return schema_error(scale.pointer(), "\"scale\" must be [lowest, highest] with lowest < highest");
                m.scale = std::make_pair(lo, hi);
            }
            d_.metrics.push_back(std::move(m));
        }
        return success();
    }

    Ok read_raters() {
        const Node raters = root_.member("raters");
        if (!raters) return success();
        BOOST_OUTCOME_TRYV(raters.expect_object("\"raters\""));
        for (const auto it : raters->members()) {
            const Node n(it.value());
            BOOST_OUTCOME_TRYV(n.expect_object("a rater group"));
            RaterGroup g;
            g.id = it.key();
            if (g.id.empty()) return schema_error(n.pointer(), "a rater group id must not be empty");
            if (const Node weight = n.member("weight")) {
            BOOST_OUTCOME_TRYV(read_number(weight, "weight", 0, g.weight));
        }
            if (const Node min_count = n.member("min_count")) {
                BOOST_OUTCOME_TRYV(read_int(min_count, "min_count", 1, 1000, g.min_count));
            }
            d_.rater_index.emplace(g.id, d_.raters.size());
            d_.raters.push_back(std::move(g));
        }
        return success();
    }

    Ok read_programs() {
        Node programs;
        BOOST_OUTCOME_TRYV(optional_array(root_, "programs", limits_.max_programs, "max_programs", programs));
        if (!programs) return success();
        index_areas();
        for (std::size_t i = 0; i < programs->size(); ++i) {
            const Node n = programs.element(i);
            Program p;
            BOOST_OUTCOME_TRYV(read_id_and_title(n, "program", d_.program_index, i, "/programs", p));
            BOOST_OUTCOME_TRYV(read_reference(n.member("target_role"), d_.role_index, "role", p.target_role));
            const Node months = n.member("months");
            BOOST_OUTCOME_TRYV(read_int(months, "months", 1, std::numeric_limits<int>::max(), p.months));
            if (static_cast<std::size_t>(p.months) > limits_.max_program_months)
                return make_error(Status::limit,
                                  "program \"" + p.id + "\" runs " + std::to_string(p.months) +
                                      " months, over the limit of " + std::to_string(limits_.max_program_months) +
                                      " (max_program_months)",
                                  months.pointer());
            BOOST_OUTCOME_TRYV(read_format(n, p));
            BOOST_OUTCOME_TRYV(read_phases(n, p));
            BOOST_OUTCOME_TRYV(read_id_list(n, "sessions", d_.session_type_index, "session type", p.session_types));
            BOOST_OUTCOME_TRYV(read_id_list(n, "metrics", d_.metric_index, "metric", p.metrics));
            if (const Node price = n.member("price"); price && !price->is_null()) {
                Money m;
                BOOST_OUTCOME_TRYV(detail::read_price(price, m));
                p.price = std::move(m);
            }
            d_.programs.push_back(std::move(p));
        }
        return success();
    }

    Ok read_format(const Node &n, Program &p) {
        std::string format = "individual";
        const Node format_node = n.member("format");
        BOOST_OUTCOME_TRYV(read_optional_string(format_node, "format", format));
        if (format == "individual") p.format = Program::Format::individual;
        else if (format == "group") p.format = Program::Format::group;
        else return schema_error(format_node.pointer(), "format must be \"individual\" or \"group\", not \"" + format + "\"");
        const Node size = n.member("group_size");
        if (!size) {
            if (p.format == Program::Format::group)
                return missing(size, "\"group_size\" ([fewest, most] members) for a group program");
            return success();
        }
        BOOST_OUTCOME_TRYV(size.expect_array("\"group_size\""));
        if (size->size() != 2) return schema_error(size.pointer(), "\"group_size\" must be [fewest, most]");
        BOOST_OUTCOME_TRYV(read_int(size.element(0), "fewest members", 1, 1000, p.group_min));
        BOOST_OUTCOME_TRYV(read_int(size.element(1), "most members", p.group_min, 1000, p.group_max));
        return success();
    }

    Ok read_phases(const Node &program, Program &p) {
        Node phases;
        BOOST_OUTCOME_TRYV(optional_array(program, "phases", limits_.max_phases, "max_phases", phases));
        if (!phases) return success();
        IdIndex seen;
        for (std::size_t i = 0; i < phases->size(); ++i) {
            const Node n = phases.element(i);
            Phase ph;
            BOOST_OUTCOME_TRYV(read_id_and_title(n, "phase", seen, i, phases.pointer(), ph));
            const Node months = n.member("months");
            if (!months) return missing(months, "phase months [first, last]");
            BOOST_OUTCOME_TRYV(months.expect_array("phase months"));
            if (months->size() != 2) return schema_error(months.pointer(), "phase months must be [first, last]");
            BOOST_OUTCOME_TRYV(read_int(months.element(0), "first month", 1, 1 << 20, ph.first_month));
            BOOST_OUTCOME_TRYV(read_int(months.element(1), "last month", 1, 1 << 20, ph.last_month));
            if (ph.first_month > ph.last_month)
                return schema_error(months.pointer(), "phase \"" + ph.id + "\" starts in month " +
                                                        std::to_string(ph.first_month) + " after it ends (month " +
                                                        std::to_string(ph.last_month) + "): write [first, last]");
            if (ph.last_month > p.months)
                return schema_error(months.pointer(), "phase \"" + ph.id + "\" runs months " +
                                                        std::to_string(ph.first_month) + " to " +
                                                        std::to_string(ph.last_month) + ", outside program \"" +
                                                        p.id + "\" (months 1 to " + std::to_string(p.months) + ")");
            BOOST_OUTCOME_TRYV(read_focus(n, ph));
            p.phases.push_back(std::move(ph));
        }
        return success();
    }

    // The skills of each area, and per skill and per area the last phase whose focus took it in,
    // so that a phase resolves its focus in the size of what it names, once per skill.
    void index_areas() {
        area_skills_.assign(d_.areas.size(), {});
        for (std::size_t s = 0; s < d_.skills.size(); ++s)
            if (!d_.skills[s].area.empty()) area_skills_[d_.area_index.at(d_.skills[s].area)].push_back(s);
        skill_in_phase_.assign(d_.skills.size(), 0);
        area_in_phase_.assign(d_.areas.size(), 0);
    }

    // Each phase keeps its focus resolved to skills, and one short entry can name an area of
    // thousands, so max_focus_skills caps the sum over all phases; each entry's new skills are
    // counted and checked before they are added.
    Ok read_focus(const Node &phase, Phase &ph) {
        Node focus;
        BOOST_OUTCOME_TRYV(optional_array(phase, "focus", limits_.max_skills, "max_skills", focus));
        if (!focus) return success();
        const std::size_t stamp = ++phase_stamp_;
        for (std::size_t i = 0; i < focus->size(); ++i) {
            const Node n = focus.element(i);
            std::string id;
            BOOST_OUTCOME_TRYV(read_id(n, "focus", id));
            const auto skill = d_.skill_index.find(id);
            const auto area = d_.area_index.find(id);
            if (skill == d_.skill_index.end() && area == d_.area_index.end())
                return make_error(Status::reference,
                                  "unknown focus \"" + id + "\": no skill or area has this id" +
                                      detail::Nearest(id)
                                          .among(d_.skill_index.entries(), [](const IdIndex::Entry &e) { return e.first; })
                                          .among(d_.area_index.entries(), [](const IdIndex::Entry &e) { return e.first; })
                                          .hint(),
                                  n.pointer());
            std::optional<std::size_t> named;
            if (skill != d_.skill_index.end()) named = skill->second;
            std::span<const std::size_t> of_area;
            if (area != d_.area_index.end() && area_in_phase_[area->second] != stamp) {
                area_in_phase_[area->second] = stamp;
                of_area = area_skills_[area->second];
            }
            auto fresh = [&](std::size_t s) { return skill_in_phase_[s] != stamp; };
            std::size_t added = named && fresh(*named) ? 1 : 0;
            for (std::size_t s : of_area) added += fresh(s) && named != s;
            if (added > limits_.max_focus_skills - focus_total_)
                return make_error(Status::limit,
                                  "focus \"" + id + "\" of phase \"" + ph.id + "\" takes the skills the phases focus on " +
                                      "(summed over every phase of every program; an area counts each of its skills) to " +
                                      std::to_string(focus_total_ + added) + ", over the limit of " +
                                      std::to_string(limits_.max_focus_skills) + " (max_focus_skills)",
                                  n.pointer());
            focus_total_ += added;
            auto take = [&](std::size_t s) {
                if (!fresh(s)) return;
                skill_in_phase_[s] = stamp;
                ph.focus_skills.push_back(s);
            };
            if (named) take(*named);
            for (std::size_t s : of_area) take(s);
            ph.focus.push_back(std::move(id));
        }
        std::sort(ph.focus_skills.begin(), ph.focus_skills.end());
        return success();
    }

    Ok read_id_list(const Node &parent, std::string_view key, const IdIndex &index, std::string_view kind,
                    std::vector<std::size_t> &out) {
        const Node list = parent.member(key);
        if (!list) return success();
        BOOST_OUTCOME_TRYV(list.expect_array(std::string("\"") + std::string(key) + "\""));
        for (std::size_t i = 0; i < list->size(); ++i) {
            std::size_t ref = 0;
            BOOST_OUTCOME_TRYV(read_reference(list.element(i), index, kind, ref));
            if (std::find(out.begin(), out.end(), ref) != out.end())
                return schema_error(list.element(i).pointer(), std::string(kind) + " \"" +
                                                                 std::string((*list)[i].string()) + "\" is listed twice");
            out.push_back(ref);
        }
        return success();
    }

    Node root_;
    const Limits &limits_;
    detail::CurriculumData &d_;
    // Phase focus (read_focus): skills by area, the phase that last took in each skill and
    // area, and the sum of the resolved lists so far.
    std::vector<std::vector<std::size_t>> area_skills_;
    std::vector<std::size_t> skill_in_phase_, area_in_phase_;
    std::size_t phase_stamp_ = 0;
    std::size_t focus_total_ = 0;
};
}  // namespace

Result<Curriculum> Curriculum::load(std::string_view json_text, const Limits &limits) {
    auto document = io::Document::parse(json_text, limits);
    if (!document) return document.error();
    auto data = std::make_shared<detail::CurriculumData>();
    Loader loader(document.value().root(), limits, *data);
    BOOST_OUTCOME_TRYV(loader.run());
    return Curriculum(std::move(data));
}

CAREERPATH_NAMESPACE_END
