// careerpath — what a plan costs: its program's monthly price times the program's months, plus
// the months the plan runs past the program's end (README "Money"). The cohort report's
// investment adds up these costs, one per person.
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/money.hpp>
#include <careerpath/version.hpp>

#include <optional>

CAREERPATH_NAMESPACE_BEGIN

struct PlanCost {
    Money total;                   ///< price x (months + months_past_end)
    std::int64_t price_cents = 0;  ///< the program's price per month (per person for a group program)
    int months = 0;                ///< the program's months
    /// Months the plan runs past the program's end, whole months counted from the program's
    /// end, a month begun counting as a whole one; 0 when it finishes within the program.
    int months_past_end = 0;
};

/// The cost of a plan in `program` from `start` whose last day of work is `finish`; nullopt when
/// the program has no price. The program runs Program::months months from the start (its last
/// day is start.last_day_of_months(months)); month k past its end is the k-th month after it,
/// and the plan pays for every month up to the one its finish falls in.
std::optional<PlanCost> plan_cost(const Program &program, Date start, Date finish);

CAREERPATH_NAMESPACE_END
