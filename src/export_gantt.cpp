// The plan as a Mermaid Gantt chart (README.md "Exports"), drawn from its outline.
#include <careerpath/export.hpp>

#include "export_text.hpp"
#include "io/plan_document.hpp"

#include <cctype>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

using detail::display_text;

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

struct Section {
    std::string title;
    std::vector<std::string> lines;
};

// A task's dates: Mermaid's end date is exclusive, so the task runs to the end of its finish day.
// The day after 9999-12-31 has no four-digit year: a task finishing then is given its length.
std::string task_dates(Date start, Date finish) {
    if (finish == *Date::from_ymd(9999, 12, 31))
        return start.iso() + ", " + std::to_string(finish.days_since(start) + 1) + "d";
    return start.iso() + ", " + finish.plus_days(1).iso();
}

// What a re-plan changed about a unit, as a note after its name: " (new)", " (finishes 21 days
// later)"; where only its start moved, the start's days.
std::string change_note(const PlanOutline::Unit &unit) {
    if (unit.added) return " (new)";
    const bool finish = unit.finish_days != 0;
    const int days = finish ? unit.finish_days : unit.start_days;
    if (days == 0) return "";
    const int n = days < 0 ? -days : days;
    return std::string(finish ? " (finishes " : " (starts ") + std::to_string(n) + (n == 1 ? " day " : " days ") +
           (days > 0 ? "later)" : "earlier)");
}


// The chart, with units named by `curriculum`'s titles where given. Late work is Mermaid's
// `crit` (drawn red): a unit past its due date, and a milestone missed, whose name says when it
// was reached.
Result<std::string> gantt(const PlanOutline &plan, const Curriculum *curriculum) {
    // A section per phase id, in order of first appearance: the phases', then any other a unit
    // names. A phase without an id can hold nothing.
    std::vector<Section> sections;
    std::map<std::string, std::size_t, std::less<>> section_of;
    auto section_for = [&](const std::string &id, const std::string &title) -> Section & {
        const auto [at, added] = section_of.try_emplace(id, sections.size());
        if (added) sections.push_back(Section{title, {}});
        return sections[at->second];
    };
    for (const auto &phase : plan.phases)
        if (!phase.id.empty()) section_for(phase.id, phase.title);
    Section other{"Other", {}};
    Section rest{"Milestones", {}};
    for (std::size_t i = 0; i < plan.path.size(); ++i) {
        const PlanOutline::Unit &unit = plan.path[i];
        if (unit.finish < unit.start) return detail::finish_before_start("/path/" + std::to_string(i) + "/finish");
        Section &section = unit.phase.empty() ? other : section_for(unit.phase, unit.phase);
        // A unit under way is Mermaid's `active`; what a re-plan changed is said in its name.
        const std::string name = curriculum ? detail::unit_title(*curriculum, unit.unit) : unit.unit;
        const std::string late =
            unit.late_days > 0 ? " (late " + std::to_string(unit.late_days) + (unit.late_days == 1 ? " day)" : " days)") : "";
        section.lines.push_back(gantt_task_name(name + late + change_note(unit)) + " :" +
                                (unit.late_days > 0 ? "crit, " : "") + (unit.hours_done > 0 ? "active, " : "") + "t" +
                                std::to_string(i) + ", " + task_dates(unit.start, unit.finish));
    }
    if (plan.replan_from)
        rest.lines.push_back(gantt_task_name("Re-planned " + plan.replan_from->iso()) + " :milestone, r0, " +
                             plan.replan_from->iso() + ", 0d");
    for (std::size_t i = 0; i < plan.milestones.size(); ++i) {
        const PlanOutline::Milestone &m = plan.milestones[i];
        const auto phase = m.id.empty() ? section_of.end() : section_of.find(m.id);
        Section &section = phase == section_of.end() ? rest : sections[phase->second];
        const bool missed = m.met && !*m.met;
        std::string name = m.title.empty() ? "milestone" : m.title;
        if (missed) name += m.delivered ? " (missed, reached " + m.delivered->iso() + ")" : " (missed)";
        section.lines.push_back(gantt_task_name(name) + " :" + (missed ? "crit, " : "") + "milestone, m" +
                                std::to_string(i) + ", " + m.due.iso() + ", 0d");
    }

    std::string title = "Learning plan";
    // People are named by their names where the plan gives one (README.md "Exports").
    const std::string &learner = plan.learner_name.empty() ? plan.learner : plan.learner_name;
    if (!learner.empty()) title += " for " + learner;
    if (!plan.target_role.empty()) {
        const auto role = curriculum ? curriculum->find_role(plan.target_role) : std::nullopt;
        title += " (" + (role ? curriculum->roles()[*role].title : plan.target_role) + ")";
    }
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

}  // namespace

Result<std::string> export_mermaid_gantt(const PlanOutline &plan) { return gantt(plan, nullptr); }

Result<std::string> export_mermaid_gantt(const Curriculum &curriculum, const PlanOutline &plan) {
    return gantt(plan, &curriculum);
}

Result<std::string> export_mermaid_gantt(const Curriculum &curriculum, const PlanRequest &request, const Plan &plan) {
    return gantt(outline_plan(curriculum, request, plan), &curriculum);
}

CAREERPATH_NAMESPACE_END
