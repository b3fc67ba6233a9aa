// A plan's warnings against the items that used to get one warning each (README.md "Warnings"),
// recomputed here from the plan's path and sessions rather than taken from the library: each item
// is in exactly one warning, the one of its cause, and each warning counts its own items. Used by
// the plan and the session tests.
#pragma once

#include <careerpath/plan.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace careerpath_test {

/// How many ungrouped items the plan's warnings stand for, by code.
struct WarningItems {
    std::map<std::string, std::size_t> items;  ///< by code: what the counts add up to
    std::size_t prerequisite_edges = 0;         ///< the old released_late warnings, one per (unit, prerequisite)
    std::size_t of(const std::string &code) const {
        const auto it = items.find(code);
        return it == items.end() ? 0 : it->second;
    }
};

inline WarningItems check_warnings_grouped(const careerpath::Curriculum &c, const careerpath::PlanRequest &request,
                                           const careerpath::Plan &plan) {
    using namespace careerpath;
    using Cause = std::pair<std::string, std::vector<std::size_t>>;  // code, phases
    WarningItems out;

    // Units: a unit waits once for each later phase that releases one of its prerequisites
    // (however many of them that phase holds); it is late in its phase and late for the target.
    std::map<UnitIndex, const PlannedUnit *> by_unit;
    for (const PlannedUnit &pu : plan.path) by_unit[pu.unit] = &pu;
    std::map<Cause, std::vector<UnitIndex>> expected_units;
    for (const PlannedUnit &pu : plan.path) {
        std::set<std::size_t> later;
        for (UnitIndex p : pu.requires_units) {
            const PlannedUnit &pre = *by_unit.at(p);
            if (!pu.phase || !pre.phase || pre.release <= pu.release) continue;
            ++out.prerequisite_edges;
            later.insert(*pre.phase);
        }
        for (std::size_t phase : later) expected_units[{"released_late", {*pu.phase, phase}}].push_back(pu.unit);
        if (pu.phase && pu.late_days > 0) expected_units[{"phase_overrun", {*pu.phase}}].push_back(pu.unit);
        if (pu.finish > request.target_date) expected_units[{"target_missed", {}}].push_back(pu.unit);
    }

    // Sessions: a dropped occurrence's cause is the set of kinds that closed its slots, listed in
    // the order of SlotClosure; none at all is no session slot in its window.
    const bool no_slots = request.learner.session_slots.empty();
    std::map<std::string, std::vector<const Session *>> expected_sessions;
    for (const Session &s : plan.sessions) {
        if (s.status != Session::Status::dropped) continue;
        // Where `why` lists every closed slot, the cause is read from it, else from `closed_by`.
        std::set<SlotClosure> kinds;
        for (const ClosedSlot &slot : s.why) kinds.insert(slot.closure);
        const std::set<SlotClosure> closed_by(s.closed_by.begin(), s.closed_by.end());
        CHECK(std::includes(closed_by.begin(), closed_by.end(), kinds.begin(), kinds.end()));
        if (s.why_more == 0) CHECK(kinds == closed_by);
        else kinds = closed_by;
        std::string cause;
        for (SlotClosure kind : kinds) cause += (cause.empty() ? "" : ", ") + std::string(to_string(kind));
        expected_sessions[no_slots ? "learner.session_slots" : cause.empty() ? "no session slot" : cause].push_back(&s);
    }

    std::map<Cause, std::vector<UnitIndex>> actual_units;
    std::map<std::string, std::vector<const Session *>> actual_sessions;
    for (const PlanWarning &w : plan.warnings) {
        CAPTURE(w.message);
        REQUIRE(w.dates.size() == 2);
        CHECK(w.count == w.units.size() + w.sessions.size());
        // The message counts them; one session it names instead ("Coaching #24").
        if (w.count == 1 && w.sessions.size() == 1)
            CHECK(w.message.find(" #" + std::to_string(w.sessions[0].occurrence + 1) + " ") != std::string::npos);
        else
            CHECK(w.message.find(std::to_string(w.count)) != std::string::npos);
        out.items[w.code] += w.count;
        if (w.code == "session_dropped" || w.code == "no_session_slots") {
            CHECK(w.units.empty());
            CHECK(w.phases.empty());
            CHECK(w.code == (no_slots ? "no_session_slots" : "session_dropped"));
            CHECK(actual_sessions.count(w.constraint) == 0);  // one warning per cause
            std::vector<const Session *> &listed = actual_sessions[w.constraint];
            for (const PlanWarning::Occurrence &o : w.sessions) {
                auto it = std::find_if(plan.sessions.begin(), plan.sessions.end(), [&](const Session &s) {
                    return s.session_type == o.session_type && s.occurrence == o.occurrence;
                });
                REQUIRE(it != plan.sessions.end());
                listed.push_back(&*it);
            }
            if (!listed.empty()) {
                Date first = listed.front()->window_first, last = listed.front()->window_last;
                for (const Session *s : listed) first = std::min(first, s->window_first), last = std::max(last, s->window_last);
                CHECK(w.dates[0] == first);
                CHECK(w.dates[1] == last);
            }
            continue;
        }
        CHECK(w.sessions.empty());
        CHECK(actual_units.count({w.code, w.phases}) == 0);  // one warning per cause
        actual_units[{w.code, w.phases}] = w.units;
        if (!w.phases.empty()) {
            REQUIRE(request.program.has_value());
            for (std::size_t p : w.phases)
                CHECK(w.message.find("\"" + c.programs()[*request.program].phases[p].id + "\"") != std::string::npos);
        }
    }
    CHECK(actual_units == expected_units);
    CHECK(actual_sessions == expected_sessions);

    // Ordered by code, then by the first date, then by the phases' ids.
    auto phase_ids = [&](const PlanWarning &w) {
        std::vector<std::string> ids;
        for (std::size_t p : w.phases) ids.push_back(c.programs()[*request.program].phases[p].id);
        return ids;
    };
    for (std::size_t i = 1; i < plan.warnings.size(); ++i) {
        const PlanWarning &a = plan.warnings[i - 1], &b = plan.warnings[i];
        CHECK(a.code <= b.code);
        if (a.code == b.code) CHECK(a.dates[0] <= b.dates[0]);
        if (a.code != b.code || a.dates[0] != b.dates[0]) continue;
        CHECK(phase_ids(a) <= phase_ids(b));
        if (a.phases.empty() && b.phases.empty()) CHECK(a.constraint <= b.constraint);
    }
    return out;
}

}  // namespace careerpath_test
