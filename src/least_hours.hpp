// careerpath — the least weekly hours at which a path meets a date (README "Advice"). The
// algorithm alone, on an axis of working days: the calendar and the curriculum stay outside.
//
// Why a closed formula. The plan's schedule (schedule.hpp) never idles while released work is
// ready, so the path's last unit finishes at max_j (R_j + the hours of every unit released at R_j
// or later), where R_j is the unit's release propagated along the precedence (no earlier than any
// prerequisite's release) -- the end of the last busy stretch. On a calendar of d hours per working
// day, a release on working day W is hour d * W, so the finish meets the end of working day T
// exactly when d >= S / (T - W) for each distinct propagated release W with S hours released
// at W or later. The releases are the windows' first days, so there are no more distinct W than
// windows. For a phase's end E the same holds for the units due by E (their windows end by E) and
// the prerequisites they wait for: by Horn's condition those can all finish by E exactly when
// the work released in each stretch up to E fits it.
#pragma once

#include "schedule.hpp"

#include <careerpath/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

/// A window of the plan (a phase's, or the start to the target date for units of no phase), on
/// the working-day axis of the plan's calendar: `release` working days come before its first day
/// (0 for a first day on or before the calendar's start), and `due` working days are held up to
/// the end of its last day.
struct DayWindow {
    std::int64_t release = 0;
    std::int64_t due = 0;
};

struct LeastHoursInput {
    const std::vector<Job> *jobs = nullptr;   ///< hours and prerequisites; releases and dues unused
    std::vector<std::size_t> window_of;       ///< per job, into `windows`
    std::vector<DayWindow> windows;
    std::int64_t target_due = 0;              ///< working days up to the end of the target date
    int workdays_per_week = 0;                ///< of the calendar's week
};

struct LeastHours {
    /// The least weekly hours, a multiple of 0.25, at which the path finishes by the target date;
    /// none when even 168 is not enough (or work is released after the target date).
    std::optional<double> target;
    /// Per window, the least weekly hours, a multiple of 0.25, at which every unit due by its last
    /// day (with the prerequisites those wait for) can finish by that day: none as above, 0 where
    /// nothing is due by it.
    std::vector<std::optional<double>> windows;
    /// As `target` with every unit released on the first day (phases as guidance).
    std::optional<double> target_working_ahead;
    double total_hours = 0;  ///< the path's hours: where it ends when it never waits for a release
};

/// O(n + e + w log w) for n jobs, e prerequisite edges and w windows (w^2 with the windows' own
/// least hours). The jobs' prerequisites must form a DAG (the caller's path does).
LeastHours least_hours(const LeastHoursInput &input);

/// Weekly hours, rounded up to a multiple of 0.25 (a figure a learner can plan by); none past
/// 168, the hours of a week. `hours_per_day` is the least hours per working day.
std::optional<double> weekly_quarter_hours(double hours_per_day, int workdays_per_week);

}  // namespace detail
CAREERPATH_NAMESPACE_END
