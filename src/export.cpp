#include <careerpath/export.hpp>

#include <careerpath/date.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// --- The curriculum graph ----------------------------------------------------------------------

// A DOT double-quoted string: quotes and backslashes escaped, line breaks as \n.
std::string dot_quote(std::string_view text) {
    std::string out = "\"";
    for (char ch : text) {
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': break;
        default: out += ch;
        }
    }
    out += '"';
    return out;
}

// Text inside a Mermaid quoted label: characters Mermaid would read as syntax (or as HTML)
// written as its entity codes.
std::string mermaid_escape(std::string_view text) {
    std::string out;
    for (char ch : text) {
        switch (ch) {
        case '"': out += "#quot;"; break;
        case '#': out += "#35;"; break;
        case '<': out += "#lt;"; break;
        case '>': out += "#gt;"; break;
        case '\n': out += ' '; break;
        case '\r': break;
        default: out += ch;
        }
    }
    return out;
}

// The skills of each area (areas in order of first appearance), then the skills without one.
struct AreaGroups {
    std::vector<std::vector<std::size_t>> by_area;  // parallel to Curriculum::areas()
    std::vector<std::size_t> without_area;
};

AreaGroups group_by_area(const Curriculum &c) {
    AreaGroups groups;
    const auto areas = c.areas();
    groups.by_area.resize(areas.size());
    const auto skills = c.skills();
    for (std::size_t s = 0; s < skills.size(); ++s) {
        if (skills[s].area.empty()) {
            groups.without_area.push_back(s);
            continue;
        }
        for (std::size_t a = 0; a < areas.size(); ++a)
            if (areas[a] == skills[s].area) {
                groups.by_area[a].push_back(s);
                break;
            }
    }
    return groups;
}

}  // namespace

std::string export_dot(const Curriculum &c) {
    const auto &graph = c.graph();
    const auto skills = c.skills();
    const Level top = c.levels().top();
    std::string out = "digraph " + dot_quote(c.id()) + " {\n";
    out += "  label=" + dot_quote(c.title()) + ";\n";
    out += "  labelloc=t;\n  rankdir=LR;\n  node [shape=box];\n";
    auto nodes = [&](std::size_t skill, const std::string &indent) {
        for (Level level = 1; level <= top; ++level) {
            const UnitRef unit{skill, level};
            out += indent + dot_quote(c.unit_name(unit)) + " [label=" +
                   dot_quote(skills[skill].title + "\n" + c.levels().name(level)) + "];\n";
        }
    };
    const AreaGroups groups = group_by_area(c);
    const auto areas = c.areas();
    for (std::size_t a = 0; a < areas.size(); ++a) {
        out += "  subgraph " + dot_quote("cluster_" + areas[a]) + " {\n";
        out += "    label=" + dot_quote(areas[a]) + ";\n";
        for (std::size_t s : groups.by_area[a]) nodes(s, "    ");
        out += "  }\n";
    }
    for (std::size_t s : groups.without_area) nodes(s, "  ");
    for (UnitIndex u = 0; u < graph.unit_count(); ++u)
        for (UnitIndex d : graph.dependents_of(u))
            out += "  " + dot_quote(c.unit_name(graph.unit(u))) + " -> " + dot_quote(c.unit_name(graph.unit(d))) + ";\n";
    out += "}\n";
    return out;
}

std::string export_mermaid_graph(const Curriculum &c) {
    const auto &graph = c.graph();
    const auto skills = c.skills();
    const Level top = c.levels().top();
    std::string out = "flowchart LR\n";
    auto nodes = [&](std::size_t skill, const std::string &indent) {
        for (Level level = 1; level <= top; ++level) {
            const UnitIndex u = graph.index_of(UnitRef{skill, level});
            out += indent + "u" + std::to_string(u) + "[\"" + mermaid_escape(skills[skill].title) + "<br/>" +
                   mermaid_escape(c.levels().name(level)) + "\"]\n";
        }
    };
    const AreaGroups groups = group_by_area(c);
    const auto areas = c.areas();
    for (std::size_t a = 0; a < areas.size(); ++a) {
        out += "  subgraph area" + std::to_string(a) + " [\"" + mermaid_escape(areas[a]) + "\"]\n";
        for (std::size_t s : groups.by_area[a]) nodes(s, "    ");
        out += "  end\n";
    }
    for (std::size_t s : groups.without_area) nodes(s, "  ");
    for (UnitIndex u = 0; u < graph.unit_count(); ++u)
        for (UnitIndex d : graph.dependents_of(u))
            out += "  u" + std::to_string(u) + " --> u" + std::to_string(d) + "\n";
    return out;
}

// --- The plan as a Gantt chart -----------------------------------------------------------------

namespace {

// Mermaid gantt names end at ':' and '#' starts a comment; ';' ends a statement.
std::string gantt_label(std::string_view text) {
    std::string out;
    for (char ch : text) {
        if (ch == ':' || ch == '#' || ch == ';' || ch == '\n' || ch == '\r' || ch == '\t') out += ' ';
        else out += ch;
    }
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return "unnamed";
    const auto last = out.find_last_not_of(' ');
    return out.substr(first, last - first + 1);
}

Error not_a_plan(std::string message, std::string pointer) {
    return make_error(Status::schema, "not a plan document: " + std::move(message), std::move(pointer));
}

Result<std::string> string_member(const Json &object, const char *key, const std::string &pointer,
                                  bool required, const std::string &fallback = {}) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        if (required) return not_a_plan(std::string("missing \"") + key + "\"", pointer_append(pointer, key));
        return fallback;
    }
    if (!found->is_string())
        return not_a_plan(std::string("\"") + key + "\" is not a string", pointer_append(pointer, key));
    return found->get<std::string>();
}

Result<Date> date_member(const Json &object, const char *key, const std::string &pointer) {
    BOOST_OUTCOME_TRY(text, string_member(object, key, pointer, true));
    const auto date = Date::parse(text);
    if (!date)
        return not_a_plan(std::string("\"") + key + "\" \"" + text + "\" is not a date",
                          pointer_append(pointer, key));
    return *date;
}

Result<const Json *> array_member(const Json &document, const char *key, bool required) {
    const auto found = document.find(key);
    if (found == document.end() || found->is_null()) {
        if (required) return not_a_plan(std::string("no \"") + key + "\" array", pointer_append("", key));
        return nullptr;
    }
    if (!found->is_array())
        return not_a_plan(std::string("\"") + key + "\" is not an array", pointer_append("", key));
    return &*found;
}

Result<const Json *> object_at(const Json &array, std::size_t i, const std::string &pointer) {
    const Json &item = array[i];
    if (!item.is_object()) return not_a_plan("not an object", pointer);
    return &item;
}

struct Section {
    std::string id;  // the phase id; "" for "Other" and "Milestones"
    std::string title;
    std::vector<std::string> lines;
};

}  // namespace

Result<std::string> export_mermaid_gantt(const Json &plan) {
    if (!plan.is_object()) return not_a_plan("the document is not a JSON object", "");
    BOOST_OUTCOME_TRY(path, array_member(plan, "path", true));
    BOOST_OUTCOME_TRY(phases, array_member(plan, "phases", false));
    BOOST_OUTCOME_TRY(milestones, array_member(plan, "milestones", false));
    BOOST_OUTCOME_TRY(learner, string_member(plan, "learner", "", false));
    BOOST_OUTCOME_TRY(role, string_member(plan, "target_role", "", false));

    std::vector<Section> sections;
    auto find_section = [&](const std::string &id) -> Section * {
        for (auto &s : sections)
            if (!s.id.empty() && s.id == id) return &s;
        return nullptr;
    };
    if (phases) {
        for (std::size_t i = 0; i < phases->size(); ++i) {
            const std::string at = pointer_append("/phases", i);
            BOOST_OUTCOME_TRY(phase, object_at(*phases, i, at));
            BOOST_OUTCOME_TRY(id, string_member(*phase, "id", at, true));
            BOOST_OUTCOME_TRY(title, string_member(*phase, "title", at, false, id));
            if (!find_section(id)) sections.push_back(Section{id, title, {}});
        }
    }
    Section other{"", "Other", {}};
    Section rest{"", "Milestones", {}};
    for (std::size_t i = 0; i < path->size(); ++i) {
        const std::string at = pointer_append("/path", i);
        BOOST_OUTCOME_TRY(unit, object_at(*path, i, at));
        BOOST_OUTCOME_TRY(name, string_member(*unit, "unit", at, true));
        BOOST_OUTCOME_TRY(start, date_member(*unit, "start", at));
        BOOST_OUTCOME_TRY(finish, date_member(*unit, "finish", at));
        if (finish < start)
            return not_a_plan("\"finish\" is before \"start\"", pointer_append(at, "finish"));
        BOOST_OUTCOME_TRY(phase, string_member(*unit, "phase", at, false));
        Section *section = &other;
        if (!phase.empty()) {
            section = find_section(phase);
            if (!section) {
                sections.push_back(Section{phase, phase, {}});
                section = &sections.back();
            }
        }
        // Mermaid's end date is exclusive: the task runs to the end of its finish day.
        section->lines.push_back(gantt_label(name) + " :t" + std::to_string(i) + ", " + start.iso() + ", " +
                                 finish.plus_days(1).iso());
    }
    if (milestones) {
        for (std::size_t i = 0; i < milestones->size(); ++i) {
            const std::string at = pointer_append("/milestones", i);
            BOOST_OUTCOME_TRY(milestone, object_at(*milestones, i, at));
            BOOST_OUTCOME_TRY(id, string_member(*milestone, "id", at, false));
            BOOST_OUTCOME_TRY(title, string_member(*milestone, "title", at, false, id));
            BOOST_OUTCOME_TRY(due, date_member(*milestone, "due", at));
            Section *section = id.empty() ? nullptr : find_section(id);
            if (!section) section = &rest;
            section->lines.push_back(gantt_label(title.empty() ? "milestone" : title) + " :milestone, m" +
                                     std::to_string(i) + ", " + due.iso() + ", 0d");
        }
    }

    std::string title = "Learning plan";
    if (!learner.empty()) title += " for " + learner;
    if (!role.empty()) title += " (" + role + ")";
    std::string out = "gantt\n    title " + gantt_label(title) + "\n    dateFormat YYYY-MM-DD\n";
    sections.push_back(std::move(other));
    sections.push_back(std::move(rest));
    for (const auto &section : sections) {
        if (section.lines.empty()) continue;
        out += "    section " + gantt_label(section.title) + "\n";
        for (const auto &line : section.lines) out += "    " + line + "\n";
    }
    return out;
}

CAREERPATH_NAMESPACE_END
