// careerpath — which of the curriculum's programs fit a learner's gap (README "Advice"): the months
// the gap needs at the learner's hours, whether that fits each program's length, and what the
// program would cost so.
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/plan_cost.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <optional>

CAREERPATH_NAMESPACE_BEGIN

/// One program toward the request's role (its target role is that role, or one extends the
/// other). The months are the gap's, at the learner's hours on their calendar, working without
/// waiting for any phase, counted from the plan's start.
struct ProgramFit {
    std::size_t program = 0;          ///< index into Curriculum::programs()
    /// Months from the start to the day the gap's hours are done, to a tenth, rounded up; none
    /// when that day is past the planning horizon.
    std::optional<double> months;
    std::optional<Date> finish;       ///< that day
    bool fits = false;                ///< the gap is done within the program's months
    /// The program's price for its months, and each month begun past its end; none without a
    /// price or a finish.
    std::optional<PlanCost> cost;
};

CAREERPATH_NAMESPACE_END
