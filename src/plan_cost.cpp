// A plan's cost (careerpath/plan_cost.hpp): the months paid for, counted on the program's own
// month boundaries, times the monthly price, in exact cents.
#include <careerpath/plan_cost.hpp>

#include <algorithm>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// Whether `finish` falls within the first `months` months from `start`. Past 9999-12-31
// last_day_of_months has no answer, and every date lies before it.
bool within(Date start, int months, Date finish) {
    const auto last = start.last_day_of_months(months);
    return !last || finish <= *last;
}

// The number of months from `start` up to and including the month `finish` falls in (at least
// one). Calendar months are a close guess that a shorter month's clamped day (2027-01-31 plus one
// month is 2027-02-28) can put one off either way, so the guess is corrected on the boundaries
// themselves: the answer is the least m whose months hold the finish.
int months_through(Date start, Date finish) {
    int m = std::max(1, (finish.year() - start.year()) * 12 + (finish.month() - start.month()));
    while (m > 1 && within(start, m - 1, finish)) --m;
    while (!within(start, m, finish)) ++m;
    return m;
}

}  // namespace

std::optional<PlanCost> plan_cost(const Program &program, Date start, Date finish) {
    if (!program.price) return std::nullopt;
    PlanCost cost;
    cost.price_cents = program.price->cents;
    cost.months = program.months;
    cost.months_past_end = std::max(0, months_through(start, finish) - program.months);
    // At most max_amount_cents (10^13) times the months up to 9999-12-31 (about 103,000): under
    // 1.1 x 10^18, inside 64 bits.
    cost.total = {cost.price_cents * (cost.months + cost.months_past_end), program.price->currency};
    return cost;
}

CAREERPATH_NAMESPACE_END
