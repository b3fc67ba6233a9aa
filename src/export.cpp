#include <careerpath/export.hpp>

#include "export_text.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

using detail::Char;
using detail::char_at;
using detail::CharKind;
using detail::display_text;

// --- The curriculum graph ----------------------------------------------------------------------

// A DOT ID: a double-quoted string in which every control character and line break is written
// \uXXXX, so that different ids stay different nodes. Graphviz keeps a quoted ID's text as it is
// but for \" (and the id's own backslashes are doubled), so a NUL written \u0000 and an id that
// really holds "\u0000" remain apart.
std::string dot_id(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const Char c = char_at(text, i);
        if (c.kind != CharKind::plain) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += hex[(c.code_point >> shift) & 0xF];
        } else if (text[i] == '"') {
            out += "\\\"";
        } else if (text[i] == '\\') {
            out += "\\\\";
        } else {
            out += text[i];
        }
        i += c.length;
    }
    out += '"';
    return out;
}

// A DOT label: a double-quoted string with quotes and backslashes escaped (so that no title can
// form one of Graphviz's \N, \G, \l ... escapes), line breaks as \n, other control characters as
// spaces.
std::string dot_label_text(std::string_view text) {
    return display_text(text, "\\n", [](std::string &out, char ch) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    });
}
std::string dot_label(std::string_view text) { return "\"" + dot_label_text(text) + "\""; }

// Text inside a Mermaid quoted label: characters Mermaid would read as syntax, markup or the
// start of a directive (%%{) written as its entity codes; line breaks as <br/>, other control
// characters as spaces.
std::string mermaid_escape(std::string_view text) {
    return display_text(text, "<br/>", [](std::string &out, char ch) {
        switch (ch) {
        case '"': out += "#quot;"; break;
        case '#': out += "#35;"; break;
        case '%': out += "#37;"; break;
        case '&': out += "#amp;"; break;
        case '<': out += "#lt;"; break;
        case '>': out += "#gt;"; break;
        case '`': out += "#96;"; break;
        default: out += ch;
        }
    });
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
    std::string out = "digraph " + dot_id(c.id()) + " {\n";
    out += "  label=" + dot_label(c.title()) + ";\n";
    out += "  labelloc=t;\n  rankdir=LR;\n  node [shape=box];\n";
    auto nodes = [&](std::size_t skill, const std::string &indent) {
        for (Level level = 1; level <= top; ++level) {
            const UnitRef unit{skill, level};
            out += indent + dot_id(c.unit_name(unit)) + " [label=\"" + dot_label_text(skills[skill].title) + "\\n" +
                   dot_label_text(c.levels().name(level)) + "\"];\n";
        }
    };
    const AreaGroups groups = group_by_area(c);
    const auto areas = c.areas();
    for (std::size_t a = 0; a < areas.size(); ++a) {
        out += "  subgraph " + dot_id("cluster_" + areas[a]) + " {\n";
        out += "    label=" + dot_label(areas[a]) + ";\n";
        for (std::size_t s : groups.by_area[a]) nodes(s, "    ");
        out += "  }\n";
    }
    for (std::size_t s : groups.without_area) nodes(s, "  ");
    for (UnitIndex u = 0; u < graph.unit_count(); ++u)
        for (UnitIndex d : graph.dependents_of(u))
            out += "  " + dot_id(c.unit_name(graph.unit(u))) + " -> " + dot_id(c.unit_name(graph.unit(d))) + ";\n";
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

CAREERPATH_NAMESPACE_END
