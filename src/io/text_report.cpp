// The text reports (README.md "The text report"): a plan, a scorecard or a cohort report document,
// told apart by its shape, written as plain text for a person at a terminal. What the command
// line prints, what careerpath_export(c, "text", ...) returns and what plan_to_text,
// scorecard_to_text and cohort_to_text return is this one writer over the document, so the
// three can never differ for one document (plan_to_text writes every part of the plan; a
// request's "omit" leaves parts out of the document the others are given). Skills, roles and programs are named by their titles from the
// curriculum (an id it does not know is shown as it is), the summary in words, and every table
// sized to what it holds.
#include <careerpath/cohort.hpp>
#include <careerpath/export.hpp>
#include <careerpath/money.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/scorecard.hpp>

#include "document.hpp"
#include "report_field.hpp"

#include "../export_text.hpp"
#include "../rounding.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iomanip>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

using io::Value;

// Text for a terminal: a line break or another control character would break the layout or
// drive the terminal, so each is a space (README.md "Exports", "Control characters"). For the
// document's strings and the curriculum's alike.
std::string display(std::string_view text) {
    return detail::display_text(text, " ", [](std::string &out, char ch) { out += ch; });
}

// A member of the document, its strings made fit for a terminal.
using Field = detail::ReportField;
Field read_document(io::Value root, const char *kind) { return Field(detail::Node(root), kind, display); }

// Characters on a terminal: UTF-8 continuation bytes take no column.
std::size_t columns(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

// A table whose columns are as wide as their widest cell (the heading's included), two spaces
// apart, indented; numbers to the right. Trailing spaces are dropped.
class Table {
public:
    enum Align { left, right };
    explicit Table(std::vector<Align> align, std::string indent = "  ") : align_(std::move(align)), indent_(std::move(indent)) {}

    void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
    bool empty() const { return rows_.empty(); }

    std::string text() const {
        std::vector<std::size_t> width(align_.size(), 0);
        for (const auto &r : rows_)
            for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], columns(r[i]));
        std::string out;
        for (const auto &r : rows_) {
            std::string line = indent_;
            for (std::size_t i = 0; i < r.size(); ++i) {
                const std::size_t pad = i < width.size() ? width[i] - columns(r[i]) : 0;
                if (i) line += "  ";
                if (i < align_.size() && align_[i] == right) line += std::string(pad, ' ') + r[i];
                else line += r[i] + std::string(pad, ' ');
            }
            line.erase(line.find_last_not_of(' ') + 1);
            out += line + "\n";
        }
        return out;
    }

private:
    std::vector<Align> align_;
    std::string indent_;
    std::vector<std::vector<std::string>> rows_;
};

std::string fixed(double v, int digits) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << v;
    std::string text = s.str();
    if (text.find_first_not_of("-0.") == std::string::npos && text[0] == '-') text.erase(0, 1);  // never "-0.00"
    return text;
}
std::string percent(double share) { return fixed(100 * share, 0) + "%"; }
std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 || n == -1 ? one : many);
}
const auto hours = detail::format_hours;

// Names from the curriculum: a skill's title, a unit as "Title (level)", with ids the curriculum
// does not know shown as they are.
class Names {
public:
    explicit Names(const Curriculum &c) : c_(c) {}

    std::string skill(const std::string &id) const {
        const auto s = c_.find_skill(id);
        return s ? display(c_.skills()[*s].title) : id;
    }
    std::string unit(const std::string &name) const { return display(detail::unit_title(c_, name)); }
    // The activities the curriculum gives for a unit: those of its level, or of no level.
    std::vector<const Activity *> activities(const std::string &name) const {
        std::vector<const Activity *> out;
        const auto sign = name.rfind('@');
        if (sign == std::string::npos) return out;
        const auto s = c_.find_skill(name.substr(0, sign));
        const auto level = c_.levels().find(name.substr(sign + 1));
        if (!s || !level) return out;
        for (const Activity &a : c_.skills()[*s].activities)
            if (!a.level || *a.level == *level) out.push_back(&a);
        return out;
    }
    std::string role(const std::string &id) const {
        const auto r = c_.find_role(id);
        return r ? display(c_.roles()[*r].title) : id;
    }
    std::string program(const std::string &id) const {
        const auto p = c_.find_program(id);
        return p ? display(c_.programs()[*p].title) : id;
    }
    const Program *program_of(const std::string &id) const {
        const auto p = c_.find_program(id);
        return p ? &c_.programs()[*p] : nullptr;
    }
    std::string session_type(const std::string &id) const {
        for (const SessionType &t : c_.session_types())
            if (t.id == id) return display(t.title);
        return id;
    }

private:
    const Curriculum &c_;
};

// "30 days", "1 day", as a span of calendar days between two dates.
std::string days_between(Date earlier, Date later) { return plural(later.days_since(earlier), "day", "days"); }

// --- A plan ----------------------------------------------------------------------------------

std::string plan_header(const Field &d, const Names &names) {
    std::ostringstream out;
    const std::string learner = d["learner_name"].str_or(d["learner"].str_or("the learner"));
    out << "Plan for " << learner << ": " << names.role(d["target_role"].str());
    if (d["program"].given()) out << " (" << names.program(d["program"].str()) << ")";
    out << "\n" << d["start"].date().iso() << " to " << d["target_date"].date().iso();
    if (d["calendar"]["hours_per_week"].given()) out << ", " << hours(d["calendar"]["hours_per_week"].number()) << " hours a week";
    out << "\n";
    if (d["replan_from"].given() && d["replan_from"].date() != d["start"].date())
        out << "Re-planned from " << d["replan_from"].date().iso() << "\n";
    out << "\n";
    return out.str();
}

std::string changes_text(const Field &ch, const Field &d, const Names &names) {
    std::ostringstream out;
    auto days = [](std::int64_t n) {
        return plural(n < 0 ? -n : n, "day", "days") + (n < 0 ? " earlier" : " later");
    };
    out << "Changes\n";
    const std::size_t causes = ch["causes"].size(), sessions = ch["sessions"].size();
    if (causes == 0 && sessions == 0) out << "  none\n";
    for (std::size_t i = 0; i < causes; ++i) out << "  " << ch["causes"].at(i).str() << "\n";
    if (const std::int64_t n = ch["finish_days"].integer())
        out << "  finishes on " << d["summary"]["finish"].date().iso() << ", " << days(n) << " than "
            << ch["finish_before"].date().iso() << "\n";
    const bool met = d["summary"]["target_met"].boolean();
    if (ch["target_met_before"].boolean() != met) out << "  the target date is " << (met ? "now met" : "now missed") << "\n";
    for (std::size_t i = 0; i < ch["removed"].size(); ++i)
        out << "  no longer in the path: " << names.unit(ch["removed"].at(i).str()) << "\n";
    for (std::size_t i = 0; i < ch["added"].size(); ++i)
        out << "  new in the path: " << names.unit(ch["added"].at(i).str()) << "\n";
    for (std::size_t i = 0; i < ch["moved"].size(); ++i) {
        const Field m = ch["moved"].at(i);
        const std::int64_t start = m["start_days"].integer(), finish = m["finish_days"].integer();
        out << "  " << names.unit(m["unit"].str()) << ":";
        if (start) out << " starts " << days(start);
        if (start && finish) out << ",";
        if (finish) out << " finishes " << days(finish);
        out << "\n";
    }
    for (std::size_t i = 0; i < sessions; ++i) {
        const Field sc = ch["sessions"].at(i);
        const std::string name = names.session_type(sc["type"].str()) + " #" + std::to_string(sc["occurrence"].integer());
        const std::string change = sc["change"].str();
        auto day = [](const Field &start) { return start.str().substr(0, 10); };
        out << "  " << name << ": ";
        if (change == "moved") out << days(sc["days"].integer()) << " (" << day(sc["start"]) << ", was " << day(sc["start_before"]) << ")";
        else if (change == "dropped") out << "dropped (was " << day(sc["start_before"]) << ")";
        else if (change == "placed") out << "placed on " << day(sc["start"]) << " (was dropped)";
        else if (change == "added") out << "new" << (sc["start"].given() ? ", on " + day(sc["start"]) : ", dropped");
        else out << "no longer in the plan";
        out << "\n";
    }
    out << "\n";
    return out.str();
}

std::string gaps_text(const Field &gaps, const Names &names) {
    std::string out = "Gaps\n";
    if (gaps.size() == 0) return out + "  none\n";
    Table t({Table::left, Table::left, Table::left, Table::right, Table::left});
    t.row({"skill", "now", "target", "hours", "why"});
    for (std::size_t i = 0; i < gaps.size(); ++i) {
        const Field g = gaps.at(i);
        const std::string id = g["skill"].str(), title = names.skill(id);
        std::string why = g["required"].boolean() ? "required, weight " + hours(g["weight"].number()) : "a prerequisite";
        if (g["reaches"].str() != g["target"].str()) why += "; reaches " + g["reaches"].str() + " for prerequisites";
        t.row({title == id ? id : title + " (" + id + ")", g["current"].str(), g["target"].str(), hours(g["hours"].number()) + " h",
               why});
    }
    return out + t.text();
}

std::string path_text(const Field &d, const Names &names) {
    const Field path = d["path"];
    std::string out = "\nPath\n";
    if (path.size() == 0) return out + "  nothing to learn\n";
    std::vector<std::pair<std::string, std::string>> phase_titles;
    for (std::size_t i = 0; i < d["phases"].size(); ++i)
        phase_titles.emplace_back(d["phases"].at(i)["id"].str(), d["phases"].at(i)["title"].str_or(""));
    auto phase_title = [&](const std::string &id) {
        for (const auto &[pid, title] : phase_titles)
            if (pid == id && !title.empty()) return title;
        return id;
    };
    // Each unit on a line, and under it the curriculum's activities for it: the table's rows
    // are written one at a time so that the activities can follow each.
    Table t({Table::left, Table::left, Table::right, Table::left, Table::left});
    std::vector<std::vector<std::string>> below;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const Field u = path.at(i);
        const std::string unit = u["unit"].str();
        const Date due = u["due"].date(), finish = u["finish"].date();
        std::string when = "due " + due.iso();
        const std::int64_t late = u["late_days"].given() ? u["late_days"].integer() : 0;
        if (late > 0) when += ", LATE by " + plural(late, "day", "days");
        t.row({u["start"].date().iso() + " to " + finish.iso(), names.unit(unit), hours(u["hours"].number()) + " h", when,
               u["phase"].given() ? phase_title(u["phase"].str()) : ""});
        std::vector<std::string> lines;
        for (const Activity *a : names.activities(unit))
            lines.push_back(display(a->kind.empty() ? a->title : a->title + " (" + a->kind + ")"));
        below.push_back(std::move(lines));
    }
    const std::string table = t.text();
    std::size_t at = 0;
    for (const auto &lines : below) {
        const std::size_t end = table.find('\n', at) + 1;
        out += table.substr(at, end - at);
        at = end;
        for (const std::string &line : lines) out += "      - " + line + "\n";
    }
    return out;
}

std::string phases_and_milestones_text(const Field &d) {
    std::string out;
    const Field phases = d["phases"];
    if (phases.size()) {
        out += "\nPhases\n";
        // A request may leave the phases' units out of its document ("omit": "phases.units"):
        // then the table has no count of them, rather than a count of none.
        const bool counted = phases.at(0)["units"].given();
        Table t(counted ? std::vector{Table::left, Table::left, Table::right, Table::right, Table::left}
                        : std::vector{Table::left, Table::left, Table::right, Table::left});
        for (std::size_t i = 0; i < phases.size(); ++i) {
            const Field p = phases.at(i);
            std::string done;
            if (p["delivered"].given())
                done = "done " + p["delivered"].date().iso() + (p["on_time"].flag() ? ", on time" : ", LATE");
            std::vector<std::string> row = {p["title"].str_or(p["id"].str()), p["first"].date().iso() + " to " + p["last"].date().iso()};
            if (counted) row.push_back(plural(static_cast<std::int64_t>(p["units"].size()), "unit", "units"));
            row.push_back(hours(p["hours"].number()) + " h");
            row.push_back(done);
            t.row(std::move(row));
        }
        out += t.text();
    }
    const Field ms = d["milestones"];
    out += "\nMilestones\n";
    if (ms.size() == 0) out += "  none\n";
    Table t({Table::left, Table::left, Table::left});
    for (std::size_t i = 0; i < ms.size(); ++i) {
        const Field m = ms.at(i);
        const Date due = m["due"].date();
        std::string reached = "not reached in the plan";
        if (m["delivered"].given()) {
            const Date delivered = m["delivered"].date();
            reached = "reached " + delivered.iso();
            if (delivered < due) reached += ", " + days_between(delivered, due) + " early";
            else if (due < delivered) reached += ", " + days_between(due, delivered) + " late";
        }
        if (m["met"].given() && !m["met"].boolean()) reached += "  MISSED";
        t.row({"due " + due.iso(), m["title"].str_or(m["id"].str_or("milestone")), reached});
    }
    return out + t.text();
}

std::string sessions_text(const Field &d, const Names &names) {
    const Field sessions = d["sessions"];
    if (sessions.size() == 0) return "";
    std::vector<std::pair<std::string, std::string>> milestone_titles;
    for (std::size_t i = 0; i < d["milestones"].size(); ++i) {
        const Field m = d["milestones"].at(i);
        milestone_titles.emplace_back(m["id"].str_or(""), m["title"].str_or(m["id"].str_or("")));
    }
    std::size_t placed = 0;
    Table held({Table::left, Table::left, Table::right, Table::left});
    Table dropped({Table::left, Table::left}, "    ");
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const Field s = sessions.at(i);
        const std::string name = (s["title"].given() ? s["title"].str() : names.session_type(s["type"].str())) + " #" +
                                 std::to_string(s["occurrence"].integer());
        const bool history = s["history"].flag();
        if (s["status"].str() == "dropped") {
            dropped.row({name, "could not be placed in " + s["window"]["first"].date().iso() + " to " +
                                   s["window"]["last"].date().iso() + (history ? "  (before the re-plan)" : "")});
            continue;
        }
        ++placed;
        const std::string start = s["start"].str();
        const auto day = Date::parse(start.substr(0, 10));
        if (!day || start.size() < 20) s["start"].fail("\"" + start + "\" is not a local date-time with its offset");
        std::string agenda;
        for (std::size_t k = 0; k < s["milestones"].size(); ++k) {
            const std::string id = s["milestones"].at(k).str();
            std::string title = id;
            for (const auto &[mid, mtitle] : milestone_titles)
                if (mid == id) title = mtitle;
            agenda += (agenda.empty() ? "" : "; ") + title;
        }
        for (std::size_t k = 0; k < s["agenda"].size(); ++k)
            agenda += (agenda.empty() ? "" : "; ") + names.unit(s["agenda"].at(k).str());
        held.row({day->iso() + " " + to_string(day->weekday()) + " " + start.substr(11, 5) + " " + start.substr(19), name,
                  std::to_string(s["minutes"].integer()) + " min",
                  history ? agenda + (agenda.empty() ? "" : "  ") + "(before the re-plan)" : agenda});
    }
    std::string out = "\nSessions (" + std::to_string(placed) + " of " + std::to_string(sessions.size()) +
                      " placed, times in " + d["time_zone"].str_or("the learner's time zone") + ")\n" + held.text();
    if (!dropped.empty()) out += "  Not placed:\n" + dropped.text();
    return out;
}

std::string money_of(const Field &amount, const std::string &currency) {
    return format_money(amount["cents"].integer(), currency);
}

std::string summary_text(const Field &d) {
    const Field s = d["summary"];
    std::ostringstream out;
    const Date finish = s["finish"].date(), target = d["target_date"].date(), earliest = s["lower_bound_finish"].date();
    out << "\nSummary\n";
    out << "  " << plural(s["units"].integer(), "unit", "units") << ", " << hours(s["hours"].number())
        << " hours of learning; the longest chain of prerequisites takes " << hours(s["critical_path_hours"].number())
        << " hours\n";
    out << "  finishes on " << finish.iso();
    if (finish < target) out << ", " << days_between(finish, target) << " before the target date " << target.iso();
    else if (finish == target) out << ", on the target date";
    else out << ", " << days_between(target, finish) << " after the target date " << target.iso();
    out << (finish == earliest ? " (the earliest it can)" : " (the earliest it could is " + earliest.iso() + ")") << "\n";
    const double lateness = s["max_lateness_hours"].number();
    const std::int64_t late_days = s["max_late_days"].integer();
    if (lateness <= 0) {
        out << "  every unit on time";
        if (lateness < 0) out << ", with " << hours(-lateness) << " working hours to spare at the tightest";
    } else {
        out << "  some units late: up to " << hours(lateness) << " working hours";
        if (late_days > 0) out << " (" << plural(late_days, "day", "days") << ")";
        out << " past their due dates";
    }
    out << "; the target date is " << (s["target_met"].boolean() ? "met" : "MISSED") << "\n";
    if (d["cost"].given()) {
        const Field cost = d["cost"];
        const std::string currency = cost["currency"].str();
        const std::int64_t months = cost["months"].integer(), past = cost["months_past_end"].integer();
        out << "  costs " << money_of(cost, currency) << ": " << plural(months + past, "month", "months") << " at "
            << money_of(cost["price"], currency) << " a month";
        if (past > 0) out << " (the program's " << months << ", and " << past << " past its end)";
        out << "\n";
    }
    return out.str();
}

// The advice in a sentence or two: the hours a week the target date takes against the learner's,
// how the programs fit, and what working ahead of the phases would give.
std::string advice_text(const Field &d, const Names &names) {
    const Field a = d["advice"];
    const std::string target = d["target_date"].date().iso();
    const double have = d["calendar"]["hours_per_week"].number();
    const bool met = d["summary"]["target_met"].boolean();
    const auto need = a["min_hours_per_week"].number_or_null();
    std::string out = "\nWhat it takes\n  ";
    if (!need) out += "no number of hours a week meets the target date " + target + ": work is released too late for it";
    else if (met)
        out += "the target date " + target + " needs " + hours(*need) + " hours a week; the learner has " + hours(have);
    else
        out += "at " + hours(have) + " hours a week the path finishes on " + d["summary"]["finish"].date().iso() + "; " +
               hours(*need) + " hours a week meet the target date " + target;
    out += "\n";
    const Field fit = d["program_fit"];
    if (fit.size()) {
        std::ostringstream line;
        line << "  at " << hours(have) << " hours a week the gap needs ";
        const auto months = fit.at(0)["months"].number_or_null();
        if (months) line << hours(*months) << (*months == 1 ? " month" : " months");
        else line << "more months than the plan may run";
        line << ":";
        for (std::size_t i = 0; i < fit.size(); ++i) {
            const Field f = fit.at(i);
            const std::string id = f["program"].str();
            const Program *program = names.program_of(id);
            line << (i ? ";" : "") << " the ";
            if (program) line << program->months << "-month ";
            line << names.program(id) << (f["fits"].boolean() ? " fits" : " does not fit");
            if (f["cost"].given()) {
                const Field cost = f["cost"];
                const std::int64_t past = cost["months_past_end"].integer();
                line << " (" << money_of(cost, cost["currency"].str());
                if (past > 0) line << " with " << plural(past, "month", "months") << " past its end";
                line << ")";
            }
        }
        out += line.str() + "\n";
    }
    const Field ahead = a["working_ahead"];
    if (ahead.given() && ahead["finish"].date() < d["summary"]["finish"].date()) {
        out += "  working ahead of the phases (\"phases\": \"guide\") would finish on " + ahead["finish"].date().iso();
        const auto ahead_need = ahead["min_hours_per_week"].number_or_null();
        if (ahead_need && (!need || *ahead_need < *need))
            out += ", and meet the target date at " + hours(*ahead_need) + " hours a week";
        out += "\n";
    } else if (ahead.given() && !met) {
        out += "  working ahead of the phases would not finish earlier\n";
    }
    return out;
}

std::string plan_text(const Field &d, const Names &names) {
    std::string out = plan_header(d, names);
    if (const Field p = d["progress_vs_plan"]; p.given())
        out += "Progress on " + p["on"].date().iso() + ": " + hours(p["hours_done"].number()) + " hours done of " +
               hours(p["hours_planned"].number()) + " planned (" + p["status"].str() + ")\n\n";
    if (d["changes"].given()) out += changes_text(d["changes"], d, names);
    if (d["gaps"].given()) out += gaps_text(d["gaps"], names);
    out += path_text(d, names);
    out += phases_and_milestones_text(d);
    out += sessions_text(d, names);
    if (const Field w = d["warnings"]; w.size()) {
        out += "\nWarnings\n";
        for (std::size_t i = 0; i < w.size(); ++i) out += "  [" + w.at(i)["code"].str() + "] " + w.at(i)["message"].str() + "\n";
    }
    out += summary_text(d);
    out += advice_text(d, names);
    return out;
}

// --- A scorecard -----------------------------------------------------------------------------

std::string scorecard_text(const Field &d, const Names &names) {
    std::ostringstream out;
    const std::string learner = d["learner_name"].str_or(d["learner"].str_or("the learner"));
    const std::string role = names.role(d["target_role"].str());
    out << "Scorecard for " << learner << ": " << role;
    if (d["program"].given()) out << " (" << names.program(d["program"].str()) << ")";
    out << "\n" << plural(d["assessments"].integer(), "assessment", "assessments") << ", as of " << d["as_of"].date().iso()
        << "; start " << d["start"].date().iso() << ", target date " << d["target_date"].date().iso() << "\n\n";

    const Field skills = d["skills"];
    Table t({Table::left, Table::right, Table::right, Table::left, Table::left, Table::left});
    t.row({"skill", "baseline", "estimate", "level", "target", "raters"});
    for (std::size_t i = 0; i < skills.size(); ++i) {
        const Field s = skills.at(i);
        std::string raters;
        if (!s["latest"].given()) {
            raters = "(current level, not assessed)";
        } else {
            const Field latest = s["latest"], groups = latest["groups"];
            for (std::size_t g = 0; g < groups.size(); ++g) {
                const Field group = groups.at(g);
                raters += (raters.empty() ? "" : ", ") + group["group"].str() + " " +
                          (group["shown"].boolean() ? fixed(group["score"].number(), 1) : std::string("hidden")) +
                          " (n=" + std::to_string(group["raters"].integer()) + ")";
            }
            raters += "; n=" + std::to_string(latest["confidence"]["n"].integer()) + " spread " +
                      fixed(latest["confidence"]["spread"].number(), 2);
        }
        if (s["flag"].given()) raters += "  [" + s["flag"].str() + "]";
        if (s["baseline_flag"].given()) raters += "  [baseline " + s["baseline_flag"].str() + "]";
        t.row({names.skill(s["skill"].str()), fixed(s["baseline"].number(), 2), fixed(s["estimate"].number(), 2),
               s["level"].str(), s["target"].str_or("-"), raters});
    }
    out << "Skills\n" << t.text();
    const Field growth = d["growth"];
    const auto skill_growth = growth["skill_growth"].number_or_null(), gap_closed = growth["gap_closed"].number_or_null();
    out << "\nReadiness for " << role << ": " << fixed(d["readiness"].number(), 3) << "\n"
        << "Skill growth: " << (skill_growth ? percent(*skill_growth) : std::string("n/a (baseline 0)")) << " (mean "
        << fixed(growth["baseline_mean"].number(), 2) << " -> " << fixed(growth["current_mean"].number(), 2)
        << "); gap closed " << (gap_closed ? percent(*gap_closed) : std::string("n/a")) << "\n";

    const Field metrics = d["metrics"];
    if (metrics.size()) {
        Table m({Table::left, Table::right, Table::right, Table::right, Table::right, Table::left});
        m.row({"metric", "value", "target", "attainment", "weight", "note"});
        for (std::size_t i = 0; i < metrics.size(); ++i) {
            const Field x = metrics.at(i);
            const int digits = x["kind"].str_or("") == "timeline" ? 0 : 3;
            const auto value = x["value"].number_or_null(), target = x["target"].number_or_null(),
                       attainment = x["attainment"].number_or_null();
            m.row({x["id"].str(), value ? fixed(*value, digits) : "-", target ? fixed(*target, digits) : "-",
                   attainment ? fixed(*attainment, 3) : "pending", fixed(x["weight"].number(), 1), x["note"].str_or("")});
        }
        out << "\nMetrics\n" << m.text();
    }
    const auto composite = d["composite"].number_or_null();
    out << "\nComposite: " << (composite ? fixed(*composite, 3) : std::string("n/a")) << "\n";
    if (const Field p = d["progress"]; p.given()) {
        out << "Progress against the plan: earned " << fixed(p["earned_hours"].number(), 1) << " h of planned "
            << fixed(p["planned_hours"].number(), 1) << " h";
        if (const auto ratio = p["ratio"].number_or_null()) out << " (EV/PV " << fixed(*ratio, 3) << ")";
        out << ": " << p["status"].str() << "\n";
    }
    return out.str();
}

// --- A cohort report -------------------------------------------------------------------------

std::string cohort_text(const Field &d) {
    std::ostringstream out;
    const std::int64_t min_group = d["min_group_size"].integer();
    auto figure = [](const Field &cell, bool as_percent) {
        std::string s;
        if (const auto v = cell["value"].number_or_null()) s = as_percent ? percent(*v) : fixed(*v, 2);
        else s = cell["suppressed"].flag() ? "--" : "n/a";
        return s + " (n=" + std::to_string(cell["n"].integer()) + ")";
    };
    out << "ROI by individual, team and organization (groups and figures of fewer than " << min_group
        << " people are suppressed: --)\n\n";
    // Every row of the report, labelled: all individuals, then each team and each organization.
    std::vector<std::pair<std::string, Field>> rows{{"Individuals (all)", d["individuals"]}};
    std::vector<std::size_t> headings;  // before which row a "Teams" or "Organizations" line goes
    std::vector<std::string> heading_text;
    auto group = [&](const char *key, const char *title, bool team) {
        const Field list = d[key];
        if (list.size()) {
            headings.push_back(rows.size());
            heading_text.push_back(title);
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Field r = list.at(i);
            rows.emplace_back("  " + r["organization"].str_or("") + (team ? " / " + r["team"].str_or("") : ""), r);
        }
    };
    group("teams", "Teams", true);
    group("organizations", "Organizations", false);
    auto write = [&](Table &t) {
        const std::string text = t.text();
        std::size_t at = 0, row = 0, h = 0;
        // The first line is the heading of the columns.
        std::size_t end = text.find('\n') + 1;
        out << text.substr(0, end);
        at = end;
        for (; at < text.size(); ++row) {
            if (h < headings.size() && headings[h] == row) out << heading_text[h++] << "\n";
            end = text.find('\n', at) + 1;
            out << text.substr(at, end - at);
            at = end;
        }
    };
    Table t({Table::left, Table::right, Table::right, Table::right, Table::right, Table::right, Table::right}, "");
    t.row({"", "people", "promoted <=12 mo", "retention", "skill growth", "readiness", "on track"});
    for (const auto &[label, r] : rows)
        t.row({label, std::to_string(r["people"].integer()), figure(r["promotion_rate_12_months"], true),
               figure(r["retention_rate"], true), figure(r["mean_skill_growth"], true), figure(r["mean_readiness"], false),
               figure(r["share_on_track"], true)});
    write(t);
    if (const Field e = d["economics"]; e.given()) {
        const std::string currency = e["currency"].str();
        auto money = [&](const Field &cell) {
            std::string s = cell["cents"].given() ? format_money(cell["cents"].integer(), currency)
                            : cell["suppressed"].flag() ? "--"
                                                        : "n/a";
            return s + " (n=" + std::to_string(cell["n"].integer()) + ")";
        };
        out << "\nEconomics in " << currency << ": replacement cost " << money_of(e["replacement_cost"], currency)
            << " a person, baseline retention " << detail::format_hours(100 * e["baseline_retention"].number())
            << "%; ROI = (turnover cost avoided - investment) / investment\n\n";
        Table m({Table::left, Table::right, Table::right, Table::right, Table::right, Table::right}, "");
        m.row({"", "people", "investment", "per promotion", "turnover cost avoided", "ROI"});
        for (const auto &[label, r] : rows) {
            const Field x = r["economics"];
            m.row({label, std::to_string(r["people"].integer()), money(x["investment"]), money(x["cost_per_promotion"]),
                   money(x["turnover_cost_avoided"]), figure(x["roi"], true)});
        }
        write(m);
    }
    return out.str();
}

Result<std::string> report(const Curriculum *c, std::string_view text, const Limits &limits) {
    auto document = io::Document::parse(text, limits);
    if (!document) return document.error();
    const Value root = document.value().root();
    try {
        switch (detail::report_shape(root)) {
        case detail::ReportShape::plan: return plan_text(read_document(root, "plan document"), Names(*c));
        case detail::ReportShape::scorecard: return scorecard_text(read_document(root, "scorecard document"), Names(*c));
        case detail::ReportShape::cohort: return cohort_text(read_document(root, "cohort report"));
        case detail::ReportShape::unknown: break;
        }
    } catch (const detail::ReportFault &fault) {
        return fault.error;
    }
    return detail::not_a_report(root);
}

// The reports the model's functions give: its document written and read back, so that they are
// the export's text exactly. The writer's documents always read.
std::string of_document(const Curriculum *c, const std::string &document) {
    auto text = report(c, document, Limits{});
    if (!text) throw std::logic_error("a report of the library's own document failed: " + text.error().message);
    return std::move(text).value();
}

}  // namespace

Result<std::string> export_text_from_json(const Curriculum &curriculum, std::string_view document, const Limits &limits) {
    return report(&curriculum, document, limits);
}

std::string plan_to_text(const Curriculum &c, const PlanRequest &request, const Plan &plan) {
    // Every part of the plan in the report, whatever the request leaves out of its document.
    PlanRequest whole = request;
    whole.parts = PlanParts{};
    return of_document(&c, plan_to_json_text(c, whole, plan));
}

std::string scorecard_to_text(const Curriculum &c, const ScoreRequest &request, const Scorecard &card) {
    return of_document(&c, scorecard_to_json_text(c, request, card));
}

std::string cohort_to_text(const CohortReport &report) { return of_document(nullptr, cohort_to_json_text(report)); }

CAREERPATH_NAMESPACE_END
