// The HTML reports (README.md "Reports"): a plan, a scorecard or a cohort report document, told
// apart by its shape, read member by member and written as one self-contained page through the
// parts of report_html.hpp, in the words of report_words.hpp. Titles come from the curriculum
// (skills, roles, programs, levels, activities); ids it does not know are shown as they are.
// Every string of the document or the curriculum reaches the page through html::escape.
#include <careerpath/export.hpp>
#include <careerpath/sessions.hpp>

#include "document.hpp"
#include "json_reader.hpp"
#include "report_field.hpp"

#include "../report_html.hpp"
#include "../report_words.hpp"
#include "../rounding.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

using detail::Node;
using html::escape;

using Field = detail::ReportField;

// --- Names for people ------------------------------------------------------------------------------

// A level's name with its underscores as spaces: "working_knowledge" reads "working knowledge".
std::string level_words(std::string_view level) {
    std::string out(level);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

std::string skill_title(const Curriculum &c, std::string_view skill) {
    if (auto s = c.find_skill(skill)) return c.skills()[*s].title;
    return std::string(skill);
}

// "Architectural patterns (advanced)" for "architectural_patterns@advanced".
std::string unit_title(const Curriculum &c, std::string_view unit) {
    const std::size_t at = unit.rfind('@');
    if (at == std::string_view::npos) return std::string(unit);
    return skill_title(c, unit.substr(0, at)) + " (" + level_words(unit.substr(at + 1)) + ")";
}

std::string role_title(const Curriculum &c, std::string_view role) {
    if (auto r = c.find_role(role)) return c.roles()[*r].title;
    return std::string(role);
}

std::string program_title(const Curriculum &c, std::string_view program) {
    if (auto p = c.find_program(program)) return c.programs()[*p].title;
    return std::string(program);
}

std::string metric_title(std::string_view id) { return level_words(id); }

// "A, B, C and 4 more": the first three of a list, in words.
std::string some(const std::vector<std::string> &items, std::size_t shown = 3) {
    std::string out;
    const std::size_t n = std::min(items.size(), shown);
    for (std::size_t i = 0; i < n; ++i) out += (i == 0 ? "" : i + 1 == n && items.size() <= shown ? " and " : ", ") + items[i];
    if (items.size() > shown) out += " and " + std::to_string(items.size() - shown) + " more";
    return out;
}

std::string tag(std::string_view cls, std::string_view text) {
    return "<span class=\"tag " + std::string(cls) + "\">" + escape(text) + "</span>";
}

std::string number_text(double v, int decimals) {
    const double scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
    const long long n = static_cast<long long>(v * scale + (v < 0 ? -0.5 : 0.5));
    std::string out = std::to_string((n < 0 ? -n : n) / static_cast<long long>(scale));
    if (decimals > 0) {
        std::string frac = std::to_string((n < 0 ? -n : n) % static_cast<long long>(scale));
        frac.insert(0, static_cast<std::size_t>(decimals) - frac.size(), '0');
        out += "." + frac;
    }
    return (n < 0 ? "-" : "") + out;
}

// An amount as the documents write it ("1463000.00", "-250.50") with its thousands grouped
// ("1,463,000.00"), after its currency.
std::string money(const std::string &currency, const std::string &amount) {
    const std::size_t sign = !amount.empty() && amount[0] == '-' ? 1 : 0;
    const std::size_t point = std::min(amount.find('.'), amount.size());
    std::string out = amount.substr(point);
    for (std::size_t i = point, n = 0; i > sign; --i, ++n) {
        if (n > 0 && n % 3 == 0) out.insert(out.begin(), ',');
        out.insert(out.begin(), amount[i - 1]);
    }
    return currency + " " + (sign ? "-" : "") + out;
}

std::string fact(std::string_view term, std::string_view value) {
    return "<div><dt>" + escape(term) + "</dt><dd>" + escape(value) + "</dd></div>";
}

// --- A plan ---------------------------------------------------------------------------------------

struct PathUnit {
    std::string unit, skill, level, phase;
    Date start, finish, due;
    double hours = 0;
    long long late_days = 0;
};

// A kind of closed slot, to follow "closed by". A switch, so that a kind added to SlotClosure
// without words here is a compiler warning (-Wswitch), not a raw id on the page.
const char *closure_words(SlotClosure kind) {
    switch (kind) {
    case SlotClosure::not_a_workday: return "a day the learner does not work";
    case SlotClosure::holiday: return "a holiday";
    case SlotClosure::time_off: return "the learner's time off";
    case SlotClosure::outside_calendar: return "a day past the plan's calendar";
    case SlotClosure::mentor_unavailable: return "a time the mentor is not available";
    case SlotClosure::mentor_busy: return "the mentor being busy";
    case SlotClosure::taken: return "another session at that time";
    case SlotClosure::mentor_booked: return "the mentor's sessions with other learners";
    case SlotClosure::mentor_hours: return "the mentor's weekly session hours being used up";
    }
    return "a closed slot";
}

// What closed a session's slots (docs/sessions.md, "closed_by"), in words: the warning's
// constraint lists the kinds ("holiday, mentor_busy") or says "no session slot".
std::string closures_in_words(const std::string &constraint) {
    if (constraint == "no session slot") return "the window holds none of the learner's session times";
    std::vector<std::string> parts;
    std::size_t from = 0;
    while (from <= constraint.size()) {
        std::size_t comma = constraint.find(',', from);
        if (comma == std::string::npos) comma = constraint.size();
        std::string kind = constraint.substr(from, comma - from);
        kind.erase(0, kind.find_first_not_of(' '));
        const auto closure = slot_closure_named(kind);
        if (!kind.empty()) parts.push_back(closure ? closure_words(*closure) : level_words(kind));
        from = comma + 1;
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i == 0 ? "" : i + 1 == parts.size() ? " or " : ", ") + parts[i];
    return "every free slot of their windows was closed by " + out;
}

// The plan's warnings in sentences, each from its code and its lists, with titles for ids.
std::string warning_words(const Curriculum &c, const Field &w, const std::vector<std::pair<std::string, std::string>> &phases) {
    const std::string code = w["code"].str();
    const std::string message = w["message"].str();
    std::vector<std::string> units;
    for (const std::string &u : w["units"].strings()) units.push_back(unit_title(c, u));
    std::vector<Date> dates;
    for (std::size_t i = 0; i < w["dates"].size(); ++i) dates.push_back(w["dates"].at(i).day());
    const std::vector<std::string> phase_ids = w["phases"].strings();
    auto phase_title = [&](std::size_t i) {
        for (const auto &[id, title] : phases)
            if (i < phase_ids.size() && id == phase_ids[i]) return title;
        return i < phase_ids.size() ? phase_ids[i] : std::string("a phase");
    };
    const std::size_t count = static_cast<std::size_t>(w["count"].count());
    if (code == "phase_overrun" && dates.size() == 2)
        return "The " + phase_title(0) + " phase needs more learning time than its window holds: it can finish on " +
               words::date(dates[1]) + ", " + words::relative(dates[1], dates[0], "its last day") + ". " +
               words::count(count, "unit runs", "units run") + " late: " + some(units) + ".";
    if (code == "released_late" && dates.size() == 2)
        return words::count(count, "unit", "units") + " of the " + phase_title(0) +
               " phase must wait for prerequisites that the " + phase_title(1) + " phase only starts on " +
               words::date(dates[1]) + ": " + some(units) + ".";
    if (code == "target_missed" && dates.size() == 2)
        return "The plan finishes on " + words::date(dates[1]) + ", " + words::relative(dates[1], dates[0], "the target date") +
               "; " + words::count(count, "unit finishes", "units finish") + " after it: " + some(units) + ".";
    if (code == "session_dropped" && dates.size() == 2) {
        std::vector<std::string> kinds;
        const Field sessions = w["sessions"];
        for (std::size_t i = 0; i < sessions.size(); ++i) {
            std::string type = sessions.at(i)["type"].str();
            if (auto t = c.find_session_type(type)) type = c.session_types()[*t].title;
            if (std::find(kinds.begin(), kinds.end(), type) == kinds.end()) kinds.push_back(type);
        }
        return words::count(count, "session", "sessions") + (kinds.empty() ? "" : " (" + some(kinds) + ")") +
               " could not be booked between " + words::date(dates[0]) + " and " + words::date(dates[1]) + ": " +
               closures_in_words(w["constraint"].str()) + ".";
    }
    if (code == "no_session_slots")
        return "No session could be booked: the learner gave no time of the week for sessions (" +
               words::count(count, "session", "sessions") + " left out).";
    return message;
}

std::string plan_report(const Curriculum &c, const Field &doc, const HtmlOptions &options) {
    // The name where the document carries one (plans and scorecards do since they have
    // learner_name), else the id.
    const std::string learner = doc["learner_name"].str_or(doc["learner"].str());
    const std::string role = role_title(c, doc["target_role"].str());
    const std::string program_id = doc["program"].str_or("");
    const Date start = doc["start"].day(), target = doc["target_date"].day();
    const Date replan_from = doc["replan_from"].given() ? doc["replan_from"].day() : start;
    const std::optional<Date> as_of = doc["as_of"].day_or_null();
    const Date today = options.today ? *options.today : as_of ? *as_of : replan_from;
    const Field summary = doc["summary"];
    const Date finish = summary["finish"].day();
    const bool target_met = summary["target_met"].boolean();
    const double total_hours = summary["hours"].number();
    const long long units = summary["units"].count();
    const long long max_late_days = summary["max_late_days"].count();
    const double hours_per_week = doc["calendar"].given() ? doc["calendar"]["hours_per_week"].number() : 0;
    std::string mentor;
    if (doc["mentor"].given()) mentor = doc["mentor"]["name"].str_or(doc["mentor"]["id"].str());

    // Phases (id, title) and the path.
    std::vector<std::pair<std::string, std::string>> phase_titles;
    const Field phases = doc["phases"];
    for (std::size_t i = 0; i < phases.size(); ++i)
        phase_titles.emplace_back(phases.at(i)["id"].str(), phases.at(i)["title"].str());
    auto phase_title = [&](const std::string &id) {
        for (const auto &[pid, title] : phase_titles)
            if (pid == id) return title;
        return id;
    };
    std::vector<PathUnit> path;
    const Field path_field = doc["path"];
    if (!path_field.given()) path_field.fail("missing");
    for (std::size_t i = 0; i < path_field.size(); ++i) {
        const Field u = path_field.at(i);
        PathUnit pu;
        pu.unit = u["unit"].str();
        pu.skill = u["skill"].str();
        pu.level = u["level"].str();
        pu.phase = u["phase"].str_or("");
        pu.start = u["start"].day();
        pu.finish = u["finish"].day();
        pu.due = u["due"].day();
        pu.hours = u["hours"].number();
        pu.late_days = u["late_days"].count();
        if (pu.finish < pu.start) u["finish"].fail("\"finish\" is before \"start\"");
        path.push_back(std::move(pu));
    }
    const long long late_units = std::count_if(path.begin(), path.end(), [](const PathUnit &u) { return u.late_days > 0; });

    std::string body;
    body += "<h1>Learning plan for " + escape(learner) + "</h1>\n";
    body += "<p class=\"lead\">Towards " + escape(role);
    if (!program_id.empty()) body += " in the " + escape(program_title(c, program_id)) + " program";
    body += ", " + escape(words::date_range(start, target));
    if (!mentor.empty()) body += ", with " + escape(mentor) + " as mentor";
    body += ".</p>\n";

    // The summary in words.
    body += "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n";
    body += std::string("<div class=\"summary") + (target_met ? "" : " late") + "\">\n<p>";
    if (path.empty()) {
        body += "Nothing to learn: " + escape(learner) + " already holds every level " + escape(role) + " asks for.";
    } else {
        body += "The plan finishes on <strong>" + escape(words::date(finish)) + "</strong>, " +
                escape(words::relative(finish, target, "the target date")) + " (" + escape(words::date(target)) + ")";
        body += target_met ? "." : ": <strong>the target date is missed</strong>.";
    }
    body += "</p>\n<p>" + escape(words::count(static_cast<std::size_t>(units), "unit", "units")) + " of learning, " +
            escape(words::hours(total_hours));
    if (hours_per_week > 0) body += " at " + escape(words::hours(hours_per_week)) + " a week";
    body += ". ";
    if (late_units == 0) body += "Every unit finishes by the day it is due.";
    else
        body += escape(late_units == 1 ? std::string("1 unit finishes after the day it is due")
                                       : std::to_string(late_units) + " units finish after the day they are due") +
                ", the latest by " +
                escape(words::count(static_cast<std::size_t>(max_late_days), "day", "days")) + ".";
    body += "</p>\n";
    if (replan_from != start) body += "<p>Re-planned from " + escape(words::date(replan_from)) + ".</p>\n";
    if (doc["advice"].given()) {
        const auto least = doc["advice"]["min_hours_per_week"].number_or_null();
        if (least && hours_per_week > 0 && target_met)
            body += "<p>The target date needs " + escape(words::hours(*least)) + " a week; this plan has " +
                    escape(words::hours(hours_per_week)) + ".</p>\n";
        else if (least)
            body += "<p>At " + escape(words::hours(*least)) + " a week the target date would be met.</p>\n";
    }
    body += "</div>\n<dl class=\"facts\">";
    body += fact("Finishes", words::date(finish));
    body += fact("Target date", words::date(target));
    body += fact("Learning", words::hours(total_hours));
    body += fact("Earliest possible finish", words::date(summary["lower_bound_finish"].day()));
    if (doc["cost"].given()) body += fact("Cost", money(doc["cost"]["currency"].str(), doc["cost"]["amount"].str()));
    body += "</dl>\n</section>\n";

    // The gap.
    std::string gap_html;
    const Field gaps = doc["gaps"];
    if (gaps.given()) {
        html::Table t;
        t.caption = "What " + learner + " holds now against what " + role + " asks for";
        t.columns = {"Skill", "Now", "Target", "Hours to close", "Weight"};
        t.numeric = {false, false, false, true, true};
        for (std::size_t i = 0; i < gaps.size(); ++i) {
            const Field g = gaps.at(i);
            const std::string target_level = g["target"].str(), reaches = g["reaches"].str();
            std::string target_cell = escape(level_words(target_level));
            if (reaches != target_level) target_cell += " <span class=\"muted\">(reaches " + escape(level_words(reaches)) + ")</span>";
            const bool required = g["required"].boolean();
            t.rows.push_back({escape(skill_title(c, g["skill"].str())), escape(level_words(g["current"].str())), target_cell,
                              escape(words::hours(g["hours"].number())),
                              required ? escape(number_text(g["weight"].number(), 1)) : tag("info", "prerequisite")});
        }
        gap_html += "<section aria-labelledby=\"gap\">\n<h2 id=\"gap\">The gap</h2>\n";
        gap_html += gaps.size() == 0 ? "<p>No gap: every required level is held.</p>\n" : html::table(t);
        gap_html += "</section>\n";
    }

    // The timeline.
    std::string timeline_html;
    if (!path.empty()) {
        html::Gantt g;
        g.from = std::min(start, replan_from);
        g.to = std::max({finish, target, g.from});
        for (std::size_t i = 0; i < phases.size(); ++i) {
            const Field p = phases.at(i);
            g.bands.push_back({p["title"].str(), p["first"].day(), p["last"].day()});
            g.to = std::max(g.to, g.bands.back().last);
        }
        for (const PathUnit &u : path)
            g.bars.push_back({unit_title(c, u.unit), u.start, u.finish, u.due, static_cast<int>(std::min(u.late_days, 1ll << 20))});
        const Field milestones = doc["milestones"];
        std::size_t missed = 0;
        for (std::size_t i = 0; i < milestones.size(); ++i) {
            const Field m = milestones.at(i);
            g.milestones.push_back({m["title"].str(), m["due"].day(), m["delivered"].day(), m["met"].boolean()});
            missed += !g.milestones.back().met;
            g.to = std::max(g.to, g.milestones.back().delivered);
        }
        g.target = target;
        g.today = today;
        g.title = "Timeline of " + learner + "'s plan";
        g.description = words::count(path.size(), "unit", "units") + " from " + words::date_range(path.front().start, finish) +
                        (phases.size() ? " in " + words::count(phases.size(), "phase", "phases") : std::string()) + "; " +
                        (late_units ? words::count(static_cast<std::size_t>(late_units), "unit is", "units are") + " late"
                                    : std::string("no unit is late")) +
                        "; " + words::count(g.milestones.size(), "milestone", "milestones") +
                        (missed ? ", " + std::to_string(missed) + " missed" : std::string()) + "; the target date is " +
                        words::date(target) + ", and today is " + words::date(today) + ".";
        timeline_html += "<section aria-labelledby=\"timeline\">\n<h2 id=\"timeline\">Timeline</h2>\n<figure>\n";
        timeline_html += html::gantt_svg(g);
        timeline_html += "<figcaption><span class=\"swatch ok\"></span>on time<span class=\"swatch late\"></span>late (a black "
                "tick marks the day it was due)<span class=\"swatch met\"></span>milestone met<span class=\"swatch "
                "today\"></span>today, " +
                escape(words::date(today)) + "; the dashed line is the target date.</figcaption>\n</figure>\n";

        // Phases and milestones.
        if (phases.size() || milestones.size()) {
            html::Table t;
            t.caption = "Each phase's window and its milestone";
            t.columns = {"Milestone", "Due", "Delivered", "Status"};
            for (std::size_t i = 0; i < milestones.size(); ++i) {
                const html::Gantt::Milestone &m = g.milestones[i];
                t.rows.push_back({escape(m.title), escape(words::date(m.due)), escape(words::date(m.delivered)),
                                  m.met ? tag("ok", "met") : tag("late", "missed: " + words::distance(m.due, m.delivered) + " late")});
                t.row_classes.push_back(m.met ? "" : "late");
            }
            timeline_html += "<h3>Milestones</h3>\n" + html::table(t);
        }
        timeline_html += "</section>\n";
    }

    // What could not be honoured comes right after the summary, then the timeline and the gap.
    const Field warnings = doc["warnings"];
    if (warnings.given() && warnings.size() > 0) {
        body += "<section aria-labelledby=\"warnings\">\n<h2 id=\"warnings\">What the plan could not honour</h2>\n<ul class=\"warnings\">\n";
        for (std::size_t i = 0; i < warnings.size(); ++i)
            body += "<li>" + escape(warning_words(c, warnings.at(i), phase_titles)) + "</li>\n";
        body += "</ul>\n</section>\n";
    }
    body += timeline_html + gap_html;

    // The path, with activities per unit.
    if (!path.empty()) {
        html::Table t;
        t.caption = "The units in the order they are worked on, with the activities the curriculum suggests";
        t.columns = {"Unit", "When", "Hours", "Phase", "Status"};
        t.numeric = {false, false, true, false, false};
        for (const PathUnit &u : path) {
            std::string cell = escape(unit_title(c, u.unit));
            if (auto s = c.find_skill(u.skill)) {
                const Skill &skill = c.skills()[*s];
                const auto level = c.levels().find(u.level);
                std::string items;
                for (const Activity &a : skill.activities)
                    if (!a.level || (level && *a.level == *level))
                        items += "<li>" + escape(a.title) + (a.kind.empty() ? "" : " <span class=\"muted\">(" + escape(level_words(a.kind)) + ")</span>") + "</li>";
                if (!items.empty()) cell += "<ul class=\"activities\">" + items + "</ul>";
            }
            t.rows.push_back({cell, "<span class=\"nowrap\">" + escape(words::date_range(u.start, u.finish)) + "</span>",
                              escape(number_text(u.hours, 1)), escape(u.phase.empty() ? "" : phase_title(u.phase)),
                              u.late_days > 0 ? tag("late", words::count(static_cast<std::size_t>(u.late_days), "day", "days") + " late")
                                              : tag("ok", "on time")});
            t.row_classes.push_back(u.late_days > 0 ? "late" : "");
        }
        body += "<section aria-labelledby=\"path\">\n<h2 id=\"path\">Path and activities</h2>\n" + html::table(t) + "</section>\n";
    }

    // Sessions, with agendas.
    const Field sessions = doc["sessions"];
    if (sessions.given() && sessions.size() > 0) {
        html::Table t;
        std::size_t held = 0, dropped = 0;
        for (std::size_t i = 0; i < sessions.size(); ++i) {
            const Field s = sessions.at(i);
            const std::string status = s["status"].str();
            const std::string title = s["title"].str() + " #" + std::to_string(s["occurrence"].count());
            if (status == "dropped") {
                ++dropped;
                continue;
            }
            ++held;
            const std::string when = s["start"].str();
            const Date day = s["start"].day();
            std::string agenda;
            std::vector<std::string> items;
            for (const std::string &m : s["milestones"].strings()) items.push_back("milestone " + m);
            for (const std::string &u : s["agenda"].strings()) items.push_back(unit_title(c, u));
            for (const std::string &m : s["metrics"].strings()) items.push_back(metric_title(m));
            for (const std::string &item : items) agenda += "<li>" + escape(item) + "</li>";
            t.rows.push_back({"<span class=\"nowrap\">" + escape(words::weekday_date(day)) + "</span>",
                              escape(when.size() >= 16 ? when.substr(11, 5) : std::string()), escape(title),
                              escape(words::minutes(static_cast<int>(std::min<std::int64_t>(s["minutes"].count(), 100000)))),
                              agenda.empty() ? std::string("<span class=\"muted\">open</span>")
                                             : "<ul class=\"activities\">" + agenda + "</ul>"});
            t.row_classes.push_back(status == "moved" ? "" : "");
        }
        t.caption = words::count(held, "session", "sessions") + " booked" +
                    (dropped ? ", " + std::to_string(dropped) + " could not be" : std::string()) + "; times in " +
                    doc["time_zone"].str();
        t.columns = {"Day", "Time", "Session", "Length", "Agenda"};
        body += "<section aria-labelledby=\"sessions\">\n<h2 id=\"sessions\">Session calendar</h2>\n" + html::table(t) +
                "</section>\n";
    }

    return html::page("Learning plan for " + learner + ": " + role, body);
}

// --- A scorecard ----------------------------------------------------------------------------------

std::string status_words(std::string_view status) {
    if (status == "achieved") return "achieved";
    if (status == "on_track") return "on track";
    if (status == "at_risk") return "at risk";
    if (status == "off_track") return "off track";
    return std::string(status);
}

std::string scorecard_report(const Curriculum &c, const Field &doc) {
    // The name where the document carries one (plans and scorecards do since they have
    // learner_name), else the id.
    const std::string learner = doc["learner_name"].str_or(doc["learner"].str());
    const std::string role = role_title(c, doc["target_role"].str());
    const Date as_of = doc["as_of"].day();
    const double readiness = doc["readiness"].number();
    std::string body;
    body += "<h1>Scorecard for " + escape(learner) + "</h1>\n";
    body += "<p class=\"lead\">Towards " + escape(role);
    if (doc["program"].given()) body += " in the " + escape(program_title(c, doc["program"].str())) + " program";
    body += ", as of " + escape(words::date(as_of)) + " (target date " + escape(words::date(doc["target_date"].day())) + ").</p>\n";

    body += "<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n<div class=\"summary\"><p>";
    body += escape(learner) + " is <strong>" + escape(words::percent(readiness)) + " ready</strong> for " + escape(role) + ".";
    const Field growth = doc["growth"];
    if (auto g = growth["skill_growth"].number_or_null())
        body += " Skills grew by " + escape(words::percent(*g)) + " since the baseline";
    if (auto closed = growth["gap_closed"].number_or_null())
        body += std::string(growth["skill_growth"].given() ? ", closing " : " The baseline gap is ") +
                escape(words::percent(*closed)) + (growth["skill_growth"].given() ? " of the gap" : " closed");
    if (growth["skill_growth"].given() || growth["gap_closed"].given()) body += ".";
    const Field progress = doc["progress"];
    if (progress.given())
        body += " Against the plan: <strong>" + escape(status_words(progress["status"].str())) + "</strong>, " +
                escape(words::hours(progress["earned_hours"].number())) + " earned of " +
                escape(words::hours(progress["planned_hours"].number())) + " planned by now.";
    body += "</p></div>\n<dl class=\"facts\">";
    body += fact("Readiness", words::percent(readiness));
    if (auto composite = doc["composite"].number_or_null()) body += fact("Composite score", words::percent(*composite));
    body += fact("Assessments", std::to_string(doc["assessments"].count()));
    if (progress.given()) body += fact("Progress", status_words(progress["status"].str()));
    body += "</dl>\n</section>\n";

    // Estimates per skill against the target.
    const Field skills = doc["skills"];
    html::Table t;
    t.caption = "Estimates on the level scale (0 = " + level_words(c.levels().name(0)) + ") against the role's target";
    t.columns = {"Skill", "Estimate", "Level", "Target", "Baseline", "Note"};
    t.numeric = {false, true, false, false, true, false};
    std::string raters;
    for (std::size_t i = 0; i < skills.size(); ++i) {
        const Field s = skills.at(i);
        const std::string title = skill_title(c, s["skill"].str());
        const double estimate = s["estimate"].number();
        const std::string level = s["level"].str();
        const std::optional<std::string> target =
            s["target"].given() ? std::optional<std::string>(s["target"].str()) : std::nullopt;
        const auto target_index = target ? c.levels().find(*target) : std::nullopt;
        const bool short_of = target_index && estimate < static_cast<double>(*target_index) - 0.25;
        const std::string flag = s["flag"].str_or("");
        std::string note = short_of ? tag("late", "below target") : target ? tag("ok", "at target") : std::string();
        if (flag == "blind_spot") note += " " + tag("info", "blind spot");
        if (flag == "hidden_strength") note += " " + tag("info", "hidden strength");
        t.rows.push_back({escape(title), escape(number_text(estimate, 2)), escape(level_words(level)),
                          escape(target ? level_words(*target) : "not required"), escape(number_text(s["baseline"].number(), 2)),
                          note});
        t.row_classes.push_back(short_of ? "late" : "");
        // The rater breakdown of the latest assessment that rates it.
        const Field latest = s["latest"];
        if (latest.given()) {
            const Field groups = latest["groups"];
            std::string cells;
            for (std::size_t k = 0; k < groups.size(); ++k) {
                const Field grp = groups.at(k);
                const auto score = grp["score"].number_or_null();
                cells += "<li>" + escape(level_words(grp["group"].str())) + ": " +
                         escape(grp["shown"].boolean() && score ? number_text(*score, 2) : std::string("not shown")) +
                         " <span class=\"muted\">(" +
                         escape(words::count(static_cast<std::size_t>(grp["raters"].count()), "rater", "raters")) +
                         ")</span></li>";
            }
            raters += "<tr><th scope=\"row\">" + escape(title) + "</th><td class=\"num\">" +
                      escape(words::date(latest["date"].day())) + "</td><td class=\"num\">" +
                      escape(latest["self"].given() ? number_text(latest["self"].number(), 2) : "none") +
                      "</td><td class=\"num\">" +
                      escape(latest["others"].given() ? number_text(latest["others"].number(), 2) : "none") +
                      "</td><td><ul class=\"activities\">" + cells + "</ul></td></tr>\n";
        }
    }
    body += "<section aria-labelledby=\"skills\">\n<h2 id=\"skills\">Skills against the target</h2>\n" + html::table(t);
    if (!raters.empty())
        body += "<h3>Rater breakdown</h3>\n<table>\n<caption>The latest assessment of each skill, by rater group (a group "
                "under its anonymity floor is pooled into others)</caption>\n<thead><tr><th scope=\"col\">Skill</th><th "
                "scope=\"col\" class=\"num\">Assessed</th><th scope=\"col\" class=\"num\">Self</th><th scope=\"col\" "
                "class=\"num\">Others</th><th scope=\"col\">Groups</th></tr></thead>\n<tbody>\n" +
                raters + "</tbody>\n</table>\n";
    body += "</section>\n";

    // Metrics.
    const Field metrics = doc["metrics"];
    if (metrics.size() > 0) {
        html::Table m;
        m.caption = "Each success metric's value, target and attainment";
        m.columns = {"Metric", "Value", "Target", "Attainment", "Weight", "What it means"};
        m.numeric = {false, true, true, true, true, false};
        for (std::size_t i = 0; i < metrics.size(); ++i) {
            const Field x = metrics.at(i);
            const auto value = x["value"].number_or_null(), target = x["target"].number_or_null(),
                       attainment = x["attainment"].number_or_null();
            m.rows.push_back({escape(metric_title(x["id"].str())), escape(value ? number_text(*value, 3) : "pending"),
                              escape(target ? number_text(*target, 3) : "none"),
                              escape(attainment ? words::percent(*attainment) : "pending"),
                              escape(number_text(x["weight"].number(), 1)), escape(x["note"].str())});
        }
        body += "<section aria-labelledby=\"metrics\">\n<h2 id=\"metrics\">Success metrics</h2>\n" + html::table(m) + "</section>\n";
    }
    if (progress.given()) {
        body += "<section aria-labelledby=\"progress\">\n<h2 id=\"progress\">Progress against the plan</h2>\n<p>" +
                escape(words::hours(progress["earned_hours"].number())) + " of the plan's units are achieved (earned), against " +
                escape(words::hours(progress["planned_hours"].number())) + " the plan had finished by " +
                escape(words::date(as_of)) + " (planned): " + escape(status_words(progress["status"].str())) + ".</p>\n</section>\n";
    }
    return html::page("Scorecard for " + learner + ": " + role, body);
}

// --- A cohort report ------------------------------------------------------------------------------

std::string cohort_cell(const Field &cell, bool share) {
    if (cell["suppressed"].boolean())
        return "<span class=\"muted\">hidden</span><span class=\"n\">n=" + std::to_string(cell["n"].count()) + "</span>";
    const auto v = cell["value"].number_or_null();
    if (!v) return "<span class=\"muted\">n/a</span>";
    return escape(share ? words::percent(*v) : number_text(*v, 3)) + "<span class=\"n\">n=" +
           std::to_string(cell["n"].count()) + "</span>";
}

std::string money_cell(const Field &cell, const std::string &currency) {
    if (cell["suppressed"].boolean()) return "<span class=\"muted\">hidden</span>";
    return escape(money(currency, cell["amount"].str()));
}

std::string cohort_report(const Field &doc) {
    const long long floor = doc["min_group_size"].count();
    const bool economics = doc["economics"].given();
    const std::string currency = economics ? doc["economics"]["currency"].str() : std::string();
    html::Table outcomes, returns;
    outcomes.caption = "A row with fewer than " + std::to_string(floor) +
                       " people, or a figure known for fewer, is hidden; n is how many people a figure counts";
    outcomes.columns = {"Group", "People", "Promoted within 12 months", "Retained", "Skill growth", "Readiness", "On track"};
    outcomes.numeric = {false, true, true, true, true, true, true};
    returns.caption = "Money, in " + currency + ": the investment in the group, and what it returned";
    returns.columns = {"Group", "People", "Investment", "Cost per promotion", "Turnover cost avoided", "ROI"};
    returns.numeric = {false, true, true, true, true, true};
    auto add = [&](const Field &row, const std::string &name, const std::string &kind) {
        const std::string head = escape(name) + (kind.empty() ? "" : "<span class=\"n\">" + escape(kind) + "</span>");
        const std::string people = std::to_string(row["people"].count());
        const bool hidden = row["suppressed"].boolean();
        const std::string none = "<span class=\"muted\">hidden: under " + std::to_string(floor) + " people</span>";
        std::vector<std::string> cells = {head, people};
        if (hidden) {
            cells.push_back(none);
            cells.resize(outcomes.columns.size());
        } else {
            for (const char *key : {"promotion_rate_12_months", "retention_rate", "mean_skill_growth", "mean_readiness",
                                    "share_on_track"})
                cells.push_back(cohort_cell(row[key], true));
        }
        outcomes.rows.push_back(std::move(cells));
        if (!economics) return;
        std::vector<std::string> money_cells = {head, people};
        if (hidden) {
            money_cells.push_back(none);
            money_cells.resize(returns.columns.size());
        } else {
            const Field e = row["economics"];
            money_cells.push_back(money_cell(e["investment"], currency));
            money_cells.push_back(money_cell(e["cost_per_promotion"], currency));
            money_cells.push_back(money_cell(e["turnover_cost_avoided"], currency));
            money_cells.push_back(cohort_cell(e["roi"], true));
        }
        returns.rows.push_back(std::move(money_cells));
    };
    add(doc["individuals"], "Everyone", "");
    const Field orgs = doc["organizations"], teams = doc["teams"];
    for (std::size_t i = 0; i < orgs.size(); ++i)
        add(orgs.at(i), orgs.at(i)["organization"].str_or("no organization"), "organization");
    for (std::size_t i = 0; i < teams.size(); ++i) {
        const std::string org = teams.at(i)["organization"].str_or("");
        add(teams.at(i), teams.at(i)["team"].str_or("no team"), org.empty() ? "team" : "team in " + org);
    }
    const Field all = doc["individuals"];
    std::string body = "<h1>Cohort report</h1>\n<p class=\"lead\">" +
                       escape(words::count(static_cast<std::size_t>(all["people"].count()), "person", "people")) +
                       " in " + escape(words::count(orgs.size(), "organization", "organizations")) + " and " +
                       escape(words::count(teams.size(), "team", "teams")) + ".</p>\n";
    body += "<section aria-labelledby=\"outcomes\">\n<h2 id=\"outcomes\">Outcomes</h2>\n" + html::table(outcomes) +
            "</section>\n";
    if (economics) {
        body += "<section aria-labelledby=\"roi\">\n<h2 id=\"roi\">Return on the program</h2>\n<p>One person leaving "
                "costs " +
                escape(money(currency, doc["economics"]["replacement_cost"]["amount"].str())) + ", and " +
                escape(words::percent(doc["economics"]["baseline_retention"].number())) +
                " of people would have stayed without the program.</p>\n" + html::table(returns) + "</section>\n";
    }
    return html::page("Cohort report", body);
}

}  // namespace

Result<std::string> export_html_from_json(const Curriculum &curriculum, std::string_view document,
                                          const HtmlOptions &options, const Limits &limits) {
    auto parsed = io::Document::parse(document, limits);
    if (!parsed) return parsed.error();
    const io::Value root = parsed.value().root();
    try {
        switch (detail::report_shape(root)) {
        case detail::ReportShape::plan: return plan_report(curriculum, Field(Node(root), "plan document"), options);
        case detail::ReportShape::scorecard: return scorecard_report(curriculum, Field(Node(root), "scorecard"));
        case detail::ReportShape::cohort: return cohort_report(Field(Node(root), "cohort report"));
        case detail::ReportShape::unknown: break;
        }
    } catch (const detail::ReportFault &fault) {
        return fault.error;
    }
    return detail::not_a_report(root);
}

CAREERPATH_NAMESPACE_END
