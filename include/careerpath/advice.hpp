// careerpath — what a plan takes: the least weekly hours at which it meets its target date and
// each phase's end, and what working ahead of the phases would give (README "Advice").
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <optional>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

/// Weekly hours are multiples of 0.25 on the learner's own calendar (workdays, holidays, time
/// off), for the remaining work from the plan's first day; none (null) where even 168 hours a
/// week would not do, or where work is released after the date it must meet.
struct Advice {
    /// The least weekly hours at which the path finishes by the target date: at these the target
    /// is met, and at 0.25 less it is not.
    std::optional<double> min_hours_per_week;
    struct Phase {
        std::size_t phase = 0;  ///< index into the program's phases
        /// The least weekly hours at which every unit due by the phase's last day (its own and
        /// earlier phases', with the prerequisites they wait for) can finish by that day; 0 when
        /// none is due by it.
        std::optional<double> min_hours_per_week;
    };
    std::vector<Phase> phases;  ///< the program's phases, in its order
    /// With a program's phases as hard windows (the default): what working ahead of them
    /// (request "phases": "guide") would give at the learner's hours, and the least weekly hours
    /// that would meet the target date so.
    struct WorkingAhead {
        Date finish;
        std::optional<double> min_hours_per_week;
    };
    std::optional<WorkingAhead> working_ahead;
};

CAREERPATH_NAMESPACE_END
