#include <careerpath/export.hpp>
#include <careerpath/json.hpp>

#include <careerpath/date.hpp>

#include "date_time.hpp"
#include "ical.hpp"

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// --- Ids and titles in text formats ------------------------------------------------------------

// Ids and titles come from the curriculum and the plan document, and a JSON string may hold any
// character, NUL included. No export writes a control character raw: a NUL would end the C ABI's
// string there (the rest of the document lost while the status says OK), and the others break
// lines or are not allowed by the format. Each format's rule is in README.md "Exports".

enum class CharKind { plain, line_break, control };

struct Char {
    CharKind kind = CharKind::plain;
    std::size_t length = 1;        // in bytes
    std::uint32_t code_point = 0;  // for line breaks and controls
};

// The character at text[at]: a line break (LF, CR, U+2028, U+2029), another control character
// (U+0000-U+001F, U+007F, the C1 controls U+0080-U+009F), or a plain byte.
Char char_at(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
    const unsigned b = byte(at);
    if (b == '\n' || b == '\r') return {CharKind::line_break, 1, b};
    if (b < 0x20 || b == 0x7F) return {CharKind::control, 1, b};
    if (b == 0xC2 && byte(at + 1) >= 0x80 && byte(at + 1) <= 0x9F) return {CharKind::control, 2, byte(at + 1)};
    if (b == 0xE2 && byte(at + 1) == 0x80 && (byte(at + 2) == 0xA8 || byte(at + 2) == 0xA9))
        return {CharKind::line_break, 3, 0x2000u + byte(at + 2)};
    return {};
}

// Text for display: each line break (CRLF counting as one) written as `line_break`, every other
// control character as a space, and each remaining byte handed to `append`, which escapes what
// the format needs.
template <class Append>
std::string display_text(std::string_view text, std::string_view line_break, Append append) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const Char c = char_at(text, i);
        if (c.kind == CharKind::line_break && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;  // the LF writes the break
            continue;
        }
        if (c.kind == CharKind::line_break) out += line_break;
        else if (c.kind == CharKind::control) out += ' ';
        else append(out, text[i]);
        i += c.length;
    }
    return out;
}

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

// --- The plan as a Gantt chart -----------------------------------------------------------------

namespace {

// A name on one line of a Mermaid gantt chart: line breaks and other control characters become
// spaces, as do ':' (it ends a task's name), '#' (a comment in older Mermaid) and ';' (it ends a
// statement); '%%' (which starts a comment or a %%{directive}%%) gets a space between its signs.
// Leading whitespace, which Mermaid skips anyway (JavaScript's \s, Unicode spaces included),
// and trailing spaces are trimmed; nothing left is "unnamed".
std::string gantt_label(std::string_view text) {
    std::string out = display_text(text, " ", [](std::string &written, char ch) {
        if (ch == ':' || ch == '#' || ch == ';') ch = ' ';
        else if (ch == '%' && !written.empty() && written.back() == '%') written += ' ';
        written += ch;
    });
    // JavaScript's whitespace besides ASCII: U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F,
    // U+3000 and U+FEFF, in UTF-8.
    auto space_length = [&](std::size_t i) -> std::size_t {
        const std::string_view rest = std::string_view(out).substr(i);
        const auto at = [&](std::size_t k) { return k < rest.size() ? static_cast<unsigned char>(rest[k]) : 0u; };
        if (at(0) == ' ') return 1;
        if (at(0) == 0xC2 && at(1) == 0xA0) return 2;
        if (at(0) == 0xE1 && at(1) == 0x9A && at(2) == 0x80) return 3;
        if (at(0) == 0xE2 && at(1) == 0x80 && ((at(2) >= 0x80 && at(2) <= 0x8A) || at(2) == 0xAF)) return 3;
        if (at(0) == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;
        if (at(0) == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;
        if (at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return 3;
        return 0;
    };
    std::size_t first = 0;
    while (const std::size_t n = space_length(first)) first += n;
    const auto last = out.find_last_not_of(' ');
    if (first >= out.size() || last == std::string::npos || last < first) return "unnamed";
    return out.substr(first, last - first + 1);
}

// The name of a task line. Mermaid reads a line that starts with one of its keywords (title,
// section, click, dateFormat, ...), with a date, or with '%' in its first two characters as
// something else than a task (a statement, a syntax error, a comment that loses the task). Such a
// name starts with U+200B ZERO WIDTH SPACE, which no rule matches and the chart does not show
// (two of them before a leading '%').
std::string gantt_task_name(std::string_view text) {
    // Prefixes, lower case: a longer word that starts with one is guarded too, which costs
    // nothing and survives small changes to Mermaid's lexer.
    static constexpr std::string_view keywords[] = {
        "accdescr", "acctitle", "axisformat", "call", "click", "dateformat", "datemarker",
        "excludes", "gantt", "href", "includes", "inclusiveenddates", "section", "tickinterval",
        "title", "todaymarker", "topaxis", "weekday", "weekend"};
    static constexpr std::string_view zero_width_space = "\u200B";
    std::string name = gantt_label(text);
    auto starts_with_keyword = [&] {
        for (std::string_view word : keywords) {
            if (name.size() < word.size()) continue;
            bool same = true;
            for (std::size_t i = 0; i < word.size() && same; ++i)
                same = std::tolower(static_cast<unsigned char>(name[i])) == word[i];
            if (same) return true;
        }
        return false;
    };
    auto starts_with_date = [&] {
        static constexpr std::string_view pattern = "dddd-dd-dd";
        if (name.size() < pattern.size()) return false;
        for (std::size_t i = 0; i < pattern.size(); ++i)
            if (pattern[i] == 'd' ? !std::isdigit(static_cast<unsigned char>(name[i])) : name[i] != '-') return false;
        return true;
    };
    if (name[0] == '%') return std::string(zero_width_space) + std::string(zero_width_space) + name;
    if ((name.size() > 1 && name[1] == '%') || starts_with_keyword() || starts_with_date())
        return std::string(zero_width_space) + name;
    return name;
}

// A string from the document in an error message, as a JSON string: the C ABI hands messages out
// NUL-terminated too, so a control character in it is written as its escape.
std::string json_quoted(const std::string &text) {
    return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
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
        return not_a_plan(std::string("\"") + key + "\" " + json_quoted(text) + " is not a date",
                          pointer_append(pointer, key));
    return *date;
}

// The array at `key` of an object (the document itself unless `pointer` says where it is);
// nullptr when it is absent or null and not required.
Result<const Json *> array_member(const Json &object, const char *key, bool required,
                                  const std::string &pointer = {}) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
        if (required) return not_a_plan(std::string("no \"") + key + "\" array", pointer_append(pointer, key));
        return nullptr;
    }
    if (!found->is_array())
        return not_a_plan(std::string("\"") + key + "\" is not an array", pointer_append(pointer, key));
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
        section->lines.push_back(gantt_task_name(name) + " :t" + std::to_string(i) + ", " + start.iso() + ", " +
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
            section->lines.push_back(gantt_task_name(title.empty() ? "milestone" : title) + " :milestone, m" +
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

// --- The plan as an iCalendar file -------------------------------------------------------------

namespace {

// The instants ical_utc can write: those within Date's range (1400-01-01 to 9999-12-31, UTC).
std::int64_t first_writable_instant() { return unix_seconds(*Date::from_ymd(1400, 1, 1)); }
std::int64_t end_of_writable_instants() { return unix_seconds(*Date::from_ymd(9999, 12, 31), seconds_per_day); }

// A TEXT value: line breaks (CRLF, LF, a lone CR, U+2028, U+2029) become "\n", and every other
// control character, tab included, a space (TEXT has no escape for them, and the exports write
// none raw); then the escaping of ical_escape_text.
std::string ical_text(std::string_view text) {
    return ical_escape_text(display_text(text, "\n", [](std::string &out, char ch) { out += ch; }));
}

// One part of a UID: letters, digits, '_' and '-' as they are, any other byte as %XX. No part
// can then hold the '.' that joins the parts or the '@', so different plans, sessions and
// milestones never share a UID.
std::string uid_part(std::string_view id) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : id) {
        const auto byte = static_cast<unsigned char>(ch);
        const bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                           ch == '_' || ch == '-';
        if (plain) {
            out += ch;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
    return out;
}

// An integer member within [low, high]; JSON numbers with a fraction or an exponent that
// nlohmann reads as floating point are not integers here.
Result<std::int64_t> int_member(const Json &object, const char *key, const std::string &pointer, std::int64_t low,
                                std::int64_t high) {
    const auto found = object.find(key);
    const std::string at = pointer_append(pointer, key);
    if (found == object.end() || found->is_null()) return not_a_plan(std::string("missing \"") + key + "\"", at);
    if (!found->is_number_integer()) return not_a_plan(std::string("\"") + key + "\" is not an integer", at);
    // An unsigned value past the int64 range must be compared as unsigned, not converted.
    const bool too_big = found->is_number_unsigned() && found->get<std::uint64_t>() > static_cast<std::uint64_t>(high);
    if (too_big || found->get<std::int64_t>() < low || found->get<std::int64_t>() > high)
        return not_a_plan(std::string("\"") + key + "\" is not between " + std::to_string(low) + " and " +
                              std::to_string(high),
                          at);
    return found->get<std::int64_t>();
}

// An ISO 8601 date-time with an offset, as the instant it names; it must be one ical_utc can
// write (the checks here are what keeps a hostile document from reaching its precondition).
Result<std::int64_t> instant_member(const Json &object, const char *key, const std::string &pointer) {
    BOOST_OUTCOME_TRY(text, string_member(object, key, pointer, true));
    const auto parsed = parse_offset_date_time(text);
    const std::string at = pointer_append(pointer, key);
    if (!parsed)
        return not_a_plan(std::string("\"") + key + "\" " + json_quoted(text) + " is not a date-time with an offset", at);
    const std::int64_t instant = parsed->utc_seconds();
    if (instant < first_writable_instant() || instant >= end_of_writable_instants())
        return not_a_plan(std::string("\"") + key + "\" " + json_quoted(text) + " is outside 1400-9999 in UTC", at);
    return instant;
}

// An optional array of strings (units, milestone ids, metric ids).
Result<std::vector<std::string>> strings_member(const Json &object, const char *key, const std::string &pointer) {
    BOOST_OUTCOME_TRY(array, array_member(object, key, false, pointer));
    std::vector<std::string> out;
    if (!array) return out;
    const std::string at = pointer_append(pointer, key);
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Json &item = (*array)[i];
        if (!item.is_string()) return not_a_plan("not a string", pointer_append(at, i));
        out.push_back(item.get<std::string>());
    }
    return out;
}

// The mentor's name for SUMMARY: absent or null is no mentor; an object gives its "name", else
// its "id".
Result<std::string> mentor_name(const Json &plan) {
    const auto found = plan.find("mentor");
    if (found == plan.end() || found->is_null()) return std::string();
    if (!found->is_object()) return not_a_plan("\"mentor\" is neither null nor an object", "/mentor");
    BOOST_OUTCOME_TRY(id, string_member(*found, "id", "/mentor", false));
    return string_member(*found, "name", "/mentor", false, id);
}

struct MilestoneEvent {
    std::string id;
    std::string title;
    Date due;
    std::optional<Date> delivered;
    std::optional<bool> met;
};

Result<std::vector<MilestoneEvent>> read_milestones(const Json &plan) {
    BOOST_OUTCOME_TRY(array, array_member(plan, "milestones", false));
    std::vector<MilestoneEvent> out;
    if (!array) return out;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string at = pointer_append("/milestones", i);
        BOOST_OUTCOME_TRY(item, object_at(*array, i, at));
        MilestoneEvent m;
        BOOST_OUTCOME_TRY(id, string_member(*item, "id", at, true));
        m.id = std::move(id);
        BOOST_OUTCOME_TRY(title, string_member(*item, "title", at, false, m.id));
        m.title = std::move(title);
        BOOST_OUTCOME_TRY(due, date_member(*item, "due", at));
        m.due = due;
        const auto delivered = item->find("delivered");
        if (delivered != item->end() && !delivered->is_null()) {
            BOOST_OUTCOME_TRY(day, date_member(*item, "delivered", at));
            m.delivered = day;
        }
        const auto met = item->find("met");
        if (met != item->end() && !met->is_null()) {
            if (!met->is_boolean()) return not_a_plan("\"met\" is not a boolean", pointer_append(at, "met"));
            m.met = met->get<bool>();
        }
        out.push_back(std::move(m));
    }
    return out;
}

// "Heading:" and one "- item" line per item; nothing when there are no items.
void append_list(std::string &text, const char *heading, const std::vector<std::string> &items) {
    if (items.empty()) return;
    if (!text.empty()) text += '\n';
    text += heading;
    for (const auto &item : items) text += "\n- " + item;
}

// What a session's DESCRIPTION says: its local start, the agenda, and why it moved.
Result<std::string> session_description(const Json &session, const std::string &at,
                                        const std::vector<MilestoneEvent> &milestones, const std::string &time_zone) {
    std::string text;
    BOOST_OUTCOME_TRY(local, string_member(session, "start", at, false));
    if (!local.empty()) text = "Starts " + local + (time_zone.empty() ? "" : " (" + time_zone + ")");
    BOOST_OUTCOME_TRY(units, strings_member(session, "agenda", at));
    append_list(text, "Agenda:", units);
    BOOST_OUTCOME_TRY(ids, strings_member(session, "milestones", at));
    std::vector<std::string> titles;
    for (const auto &id : ids) {
        std::string title = id;  // an id the plan does not list still says what is meant
        for (const auto &m : milestones)
            if (m.id == id) title = m.title;
        titles.push_back(std::move(title));
    }
    append_list(text, "Milestones:", titles);
    BOOST_OUTCOME_TRY(metrics, strings_member(session, "metrics", at));
    append_list(text, "Metrics:", metrics);
    // The first reason is the one that matters to the reader: why the earliest slot was lost.
    const auto why = session.find("why");
    if (why != session.end() && why->is_array() && !why->empty() && (*why)[0].is_object()) {
        const auto detail = (*why)[0].find("detail");
        if (detail != (*why)[0].end() && detail->is_string()) {
            if (!text.empty()) text += '\n';
            const std::size_t closed = why->size();
            text += "Moved: " + detail->get<std::string>() + " (" + std::to_string(closed) + " earlier slot" +
                    (closed == 1 ? "" : "s") + " closed)";
        }
    }
    return text;
}

struct IcalDocument {
    std::string text;
    std::string stamp;              // DTSTAMP, the same on every event
    std::string uid_prefix;         // "learner.program.YYYYMMDD."
    std::set<std::string> uids;     // to refuse a document that would repeat one
};

Result<void> append_session(IcalDocument &cal, const Json &session, const std::string &at,
                            const std::vector<MilestoneEvent> &milestones, const std::string &mentor,
                            const std::string &time_zone) {
    BOOST_OUTCOME_TRY(type, string_member(session, "type", at, true));
    BOOST_OUTCOME_TRY(occurrence, int_member(session, "occurrence", at, 1, 1'000'000'000));
    BOOST_OUTCOME_TRY(title, string_member(session, "title", at, false, type));
    BOOST_OUTCOME_TRY(start, instant_member(session, "start_utc", at));
    BOOST_OUTCOME_TRY(minutes, int_member(session, "minutes", at, 1, 24 * 60));
    const std::int64_t end = start + minutes * 60;
    if (end >= end_of_writable_instants())
        return not_a_plan("the session ends after 9999-12-31", pointer_append(at, "minutes"));
    BOOST_OUTCOME_TRY(description, session_description(session, at, milestones, time_zone));

    std::string uid = cal.uid_prefix + uid_part(type) + "." + std::to_string(occurrence) + "@careerpath";
    if (!cal.uids.insert(uid).second)
        return not_a_plan("a second session " + json_quoted(type) + " #" + std::to_string(occurrence),
                          pointer_append(at, "occurrence"));
    std::string &out = cal.text;
    ical_append_line(out, "BEGIN", "VEVENT");
    ical_append_line(out, "UID", ical_text(uid));
    ical_append_line(out, "DTSTAMP", cal.stamp);
    ical_append_line(out, "DTSTART", ical_utc(start));
    ical_append_line(out, "DTEND", ical_utc(end));
    ical_append_line(out, "SUMMARY", ical_text(mentor.empty() ? title : title + " with " + mentor));
    if (!description.empty()) ical_append_line(out, "DESCRIPTION", ical_text(description));
    ical_append_line(out, "CATEGORIES", ical_text(type));
    ical_append_line(out, "STATUS", "CONFIRMED");
    ical_append_line(out, "TRANSP", "OPAQUE");
    ical_append_line(out, "END", "VEVENT");
    return boost::outcome_v2::success();
}

Result<void> append_milestone(IcalDocument &cal, const MilestoneEvent &m, const std::string &at) {
    std::string uid = cal.uid_prefix + "milestone-" + uid_part(m.id) + "@careerpath";
    if (!cal.uids.insert(uid).second)
        return not_a_plan("a second milestone " + json_quoted(m.id), pointer_append(at, "id"));
    std::string description = "Due " + m.due.iso() + "\nDelivered " +
                              (m.delivered ? m.delivered->iso() : std::string("after the plan's horizon"));
    if (m.met) description += *m.met ? "\nMet: yes" : "\nMet: no";
    std::string &out = cal.text;
    ical_append_line(out, "BEGIN", "VEVENT");
    ical_append_line(out, "UID", ical_text(uid));
    ical_append_line(out, "DTSTAMP", cal.stamp);
    ical_append_line(out, "DTSTART;VALUE=DATE", ical_date(m.due));
    // The day after 9999-12-31 has no four-digit year; a one-day DURATION says the same.
    if (m.due == *Date::from_ymd(9999, 12, 31)) ical_append_line(out, "DURATION", "P1D");
    else ical_append_line(out, "DTEND;VALUE=DATE", ical_date(m.due.plus_days(1)));
    ical_append_line(out, "SUMMARY", ical_text(m.title));
    ical_append_line(out, "DESCRIPTION", ical_text(description));
    ical_append_line(out, "CATEGORIES", "milestone");
    ical_append_line(out, "TRANSP", "TRANSPARENT");
    ical_append_line(out, "END", "VEVENT");
    return boost::outcome_v2::success();
}

}  // namespace

Result<std::string> export_ical(const Json &plan) {
    if (!plan.is_object()) return not_a_plan("the document is not a JSON object", "");
    BOOST_OUTCOME_TRY(learner, string_member(plan, "learner", "", true));
    BOOST_OUTCOME_TRY(program, string_member(plan, "program", "", false));
    BOOST_OUTCOME_TRY(start, date_member(plan, "start", ""));
    BOOST_OUTCOME_TRY(time_zone, string_member(plan, "time_zone", "", false));
    BOOST_OUTCOME_TRY(mentor, mentor_name(plan));
    BOOST_OUTCOME_TRY(sessions, array_member(plan, "sessions", true));
    BOOST_OUTCOME_TRY(milestones, read_milestones(plan));

    IcalDocument cal;
    // DTSTAMP must not come from the clock, or the same plan would give different bytes.
    const auto as_of = plan.find("as_of");
    if (as_of != plan.end() && !as_of->is_null()) {
        BOOST_OUTCOME_TRY(instant, instant_member(plan, "as_of", ""));
        cal.stamp = ical_utc(instant);
    } else {
        cal.stamp = ical_utc(unix_seconds(start));
    }
    cal.uid_prefix = uid_part(learner) + "." + uid_part(program) + "." + ical_date(start) + ".";

    std::string &out = cal.text;
    ical_append_line(out, "BEGIN", "VCALENDAR");
    ical_append_line(out, "VERSION", "2.0");
    ical_append_line(out, "PRODID", std::string("-//careerpath//careerpath ") + version_string + "//EN");
    ical_append_line(out, "CALSCALE", "GREGORIAN");
    ical_append_line(out, "METHOD", "PUBLISH");
    ical_append_line(out, "X-WR-CALNAME",
                     ical_text("Learning plan for " + learner + (program.empty() ? "" : " (" + program + ")")));
    for (std::size_t i = 0; i < sessions->size(); ++i) {
        const std::string at = pointer_append("/sessions", i);
        BOOST_OUTCOME_TRY(session, object_at(*sessions, i, at));
        BOOST_OUTCOME_TRY(status, string_member(*session, "status", at, true));
        if (status == "dropped") continue;  // no time to put in a calendar
        if (status != "placed" && status != "moved")
            return not_a_plan("\"status\" " + json_quoted(status) + " is not placed, moved or dropped",
                              pointer_append(at, "status"));
        BOOST_OUTCOME_TRYV(append_session(cal, *session, at, milestones, mentor, time_zone));
    }
    for (std::size_t i = 0; i < milestones.size(); ++i) {
        BOOST_OUTCOME_TRYV(append_milestone(cal, milestones[i], pointer_append("/milestones", i)));
    }
    ical_append_line(out, "END", "VCALENDAR");
    return std::move(out);
}

CAREERPATH_NAMESPACE_END
