// The parts that plan, score and match requests share (docs/reference.md, "Plan request", "Score
// request", "Match request"): weekdays, times, time zones, weekly availability windows, the
// learner's current levels, and the program, target role, start and target date with their
// defaults. One reader, so that every document accepts and rejects the same things alike.
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/time_zone.hpp>

#include "json_reader.hpp"
#include "../plan_request_errors.hpp"

#include <cctype>
#include <optional>
#include <string>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

/// `learner.current`: {skill id: level}; every other skill at index 0.
inline Ok read_current_levels(const Curriculum &c, const Node &current, std::vector<Level> &out) {
    out.assign(c.skills().size(), 0);
    if (!current) return success();
    BOOST_OUTCOME_TRYV(current.expect_object("\"current\""));
    for (const auto it : current->members()) {
        const Node entry(it.value());
        const auto skill = c.find_skill(it.key());
        if (!skill)
            return make_error(Status::reference, unknown_skill(c, it.key()), entry.pointer());
        BOOST_OUTCOME_TRYV(read_level(entry, c.levels(), "level", 0, out[*skill]));
    }
    return success();
}

/// A unit named as plans name units, "skill@level" (a level above the lowest), resolved in the
/// curriculum; `at` is where the document names it. An empty name is Status::schema, a name
/// that is not skill@level of this curriculum Status::reference.
inline Ok resolve_unit(const Curriculum &c, const std::string &name, const Node &at, UnitRef &out) {
    if (name.empty()) return schema_error(at.pointer(), "unit must not be empty");
    const auto sign = name.rfind('@');
    const auto skill = sign == std::string::npos ? std::nullopt : c.find_skill(name.substr(0, sign));
    const auto level = sign == std::string::npos ? std::nullopt : c.levels().find(name.substr(sign + 1));
    if (!skill || !level || *level == 0) {
        // The nearest unit: the skill's part and the level's part each made right where wrong.
        std::string hint;
        if (sign != std::string::npos && sign > 0) {
            const std::string skill_part = name.substr(0, sign), level_part = name.substr(sign + 1);
            const auto near_skill = skill ? std::optional<std::string>(skill_part)
                                          : Nearest(skill_part).among(c.skills(), [](const Skill &s) { return s.id; }).best();
            auto near_level = level && *level > 0 ? std::optional<std::string>(level_part) : std::nullopt;
            if (!near_level) {
                Nearest nearest(level_part);
                for (Level l = 1; l <= c.levels().top(); ++l) nearest.consider(c.levels().name(l));
                near_level = nearest.best();
            }
            if (near_skill && near_level) hint = "; did you mean \"" + *near_skill + "@" + *near_level + "\"?";
        }
        return make_error(Status::reference, "unit \"" + name + "\" is not skill@level of this curriculum" + hint,
                          at.pointer());
    }
    out = UnitRef{*skill, *level};
    return success();
}

inline Ok read_weekday(const Node &n, Weekday &out) {
    std::string text;
    BOOST_OUTCOME_TRYV(read_id(n, "weekday", text));
    const auto day = parse_weekday(text);
    if (!day) return schema_error(n.pointer(), "weekday \"" + text + "\" is not one of mon, tue, wed, thu, fri, sat, sun");
    out = *day;
    return success();
}

// "HH:MM", 00:00 to 23:59, or 24:00 where `end_of_day` allows it.
inline Ok read_time(const Node &n, std::string_view what, bool end_of_day, int &minute) {
    std::string text;
    BOOST_OUTCOME_TRYV(read_id(n, what, text));
    const bool shape = text.size() == 5 && text[2] == ':' && std::isdigit(static_cast<unsigned char>(text[0])) &&
                       std::isdigit(static_cast<unsigned char>(text[1])) &&
                       std::isdigit(static_cast<unsigned char>(text[3])) &&
                       std::isdigit(static_cast<unsigned char>(text[4]));
    const int hours = shape ? (text[0] - '0') * 10 + (text[1] - '0') : -1;
    const int minutes = shape ? (text[3] - '0') * 10 + (text[4] - '0') : -1;
    const bool valid = shape && minutes < 60 && (hours < 24 || (end_of_day && hours == 24 && minutes == 0));
    if (!valid) return schema_error(n.pointer(), std::string(what) + " \"" + text + "\" is not a time: write HH:MM, 00:00 to 23:59");
    minute = hours * 60 + minutes;
    return success();
}

// An IANA name from the system zoneinfo or a POSIX TZ string; absent is UTC. An unknown zone is
// an error, never a silent UTC. The one resolution every consumer of the request uses.
inline Ok read_time_zone(const Node &n, TimeZone &zone) {
    std::string name = "UTC";
    if (n) {
        BOOST_OUTCOME_TRYV(read_id(n, "time_zone", name));
    }
    auto resolved = TimeZone::resolve(name);
    if (!resolved) return schema_error(n.pointer(), resolved.error().message);
    zone = std::move(resolved).value();
    return success();
}

/// "available": weekly windows {"weekday", "from", "to"} in the owner's zone (`to` may be 24:00),
/// at most `limits.max_session_slots`; absent leaves `out` empty.
inline Ok read_weekly_windows(const Node &owner, const Limits &limits, std::vector<WeeklyWindow> &out) {
    Node available;
    BOOST_OUTCOME_TRYV(read_array(owner, "available", limits.max_session_slots, "max_session_slots", available));
    for (std::size_t i = 0; available && i < available->size(); ++i) {
        const Node window = available.element(i);
        BOOST_OUTCOME_TRYV(window.expect_object("an availability window"));
        WeeklyWindow w;
        BOOST_OUTCOME_TRYV(read_weekday(window.member("weekday"), w.weekday));
        BOOST_OUTCOME_TRYV(read_time(window.member("from"), "from", false, w.from_minute));
        BOOST_OUTCOME_TRYV(read_time(window.member("to"), "to", true, w.to_minute));
        if (w.to_minute <= w.from_minute)
            return schema_error(window.member("to").pointer(), "an availability window must end after it starts");
        out.push_back(w);
    }
    return success();
}

struct ProgramAndDates {
    std::optional<std::size_t> program;
    std::size_t target_role = 0;
    Date start;
    Date target_date;
};

/// "program", "target_role" (default: the program's), "start" and "target_date" (default: the
/// day before start plus the program's months, which must not end after 9999-12-31) of a
/// request's root.
inline Ok read_program_and_dates(const Curriculum &c, const Node &root, ProgramAndDates &out) {
    if (const Node program = root.member("program")) {
        std::string id;
        BOOST_OUTCOME_TRYV(read_id(program, "program", id));
        const auto p = c.find_program(id);
        if (!p) return make_error(Status::reference, unknown_program(c, id), program.pointer());
        out.program = *p;
    }
    if (const Node role = root.member("target_role")) {
        std::string id;
        BOOST_OUTCOME_TRYV(read_id(role, "target_role", id));
        const auto r = c.find_role(id);
        if (!r) return make_error(Status::reference, unknown_role(c, id), role.pointer());
        out.target_role = *r;
    } else if (out.program) {
        out.target_role = c.programs()[*out.program].target_role;
    } else {
        return missing(role, "target_role (or a program, whose target role is the default)");
    }
    BOOST_OUTCOME_TRYV(read_date(root.member("start"), "start", out.start));
    if (const Node target = root.member("target_date")) {
        BOOST_OUTCOME_TRYV(read_date(target, "target_date", out.target_date));
        if (out.target_date < out.start)
            return schema_error(target.pointer(),
                                "target_date " + out.target_date.iso() + " is before the start " + out.start.iso());
    } else if (out.program) {
        const Program &program = c.programs()[*out.program];
        const auto last = out.start.last_day_of_months(program.months);
        if (!last) return program_past_calendar_end(program, out.start, root.member("start").pointer());
        out.target_date = *last;
    } else {
        return missing(target, "target_date (or a program, whose length gives the default)");
    }
    return success();
}

}  // namespace detail
CAREERPATH_NAMESPACE_END
