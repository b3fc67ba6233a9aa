// careerpath — session windows: how each session type of a program expands into occurrences,
// one per window, between the plan start and the horizon end (docs/sessions.md, "Windows").
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

struct SessionWindow {
    std::size_t session_type = 0;  ///< index into Curriculum::session_types()
    std::size_t occurrence = 0;    ///< 0, 1, 2 ... within its type
    Date first, last;              ///< both included; `last` already clipped to the horizon
    bool clipped = false;          ///< cut by the horizon (or, as-needed, by the start)
    /// The type's nominal interval in days: 7n for `weeks: n`, the days of the unclipped month
    /// window for `months: n`, 7 x `weeks_before_target` for an as-needed type. The
    /// earliest-deadline-first tie-break "shorter interval".
    int interval_days = 0;
};

/// Each session type's place in a program's `sessions` (the first, where listed twice), by type
/// index: the tie-break "the order of the program's sessions". Types it does not list, which a
/// re-plan's history sessions may have, come after them all.
std::vector<std::size_t> session_type_ranks(const Curriculum &c, const std::vector<std::size_t> &session_types);

/// Windows of every session type listed, by type (in the given order), then occurrence.
/// Weekly types give consecutive 7n-day windows counted from `start`; monthly types give windows
/// from start plus k*n months to the day before start plus (k+1)*n months (each computed from
/// `start`, so clamping to short months does not drift); a last partial window is kept, clipped
/// at `horizon_end`. An as-needed type gives `count` occurrences of the 7 x `weeks_before_target`
/// days ending on `target_date`, clipped so that they do not begin before `start`.
/// Nothing is produced for a horizon that ends before `start`, nor for an as-needed type whose
/// target date is before `start` or after `horizon_end`.
std::vector<SessionWindow> session_windows(const Curriculum &c, const std::vector<std::size_t> &session_types,
                                           Date start, Date horizon_end, Date target_date);

CAREERPATH_NAMESPACE_END
