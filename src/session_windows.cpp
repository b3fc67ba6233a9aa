// Session windows: a walk from the plan start to the horizon end per recurring type, each window
// computed from the start (never chained), so month clamping cannot drift.
#include "session_windows.hpp"

#include <algorithm>

CAREERPATH_NAMESPACE_BEGIN

std::vector<std::size_t> session_type_ranks(const Curriculum &c, const std::vector<std::size_t> &session_types) {
    std::vector<std::size_t> rank(c.session_types().size(), session_types.size());
    for (std::size_t r = session_types.size(); r-- > 0;) rank[session_types[r]] = r;
    return rank;
}

std::vector<SessionWindow> session_windows(const Curriculum &c, const std::vector<std::size_t> &session_types,
                                           Date start, Date horizon_end, Date target_date) {
    std::vector<SessionWindow> out;
    if (horizon_end < start) return out;
    const auto types = c.session_types();
    for (std::size_t t : session_types) {
        const SessionType &type = types[t];
        const int every = std::max(type.every, 1);
        switch (type.recurrence) {
        case SessionType::Recurrence::weekly: {
            const int interval = 7 * every;
            Date first = start;
            for (std::size_t k = 0; first <= horizon_end; ++k) {
                const Date end = first.plus_days(interval - 1);
                out.push_back(SessionWindow{t, k, first, std::min(end, horizon_end), end > horizon_end, interval});
                first = first.plus_days(interval);
            }
            break;
        }
        case SessionType::Recurrence::monthly: {
            Date first = start;
            for (int k = 0; first <= horizon_end; ++k) {
                const Date next = start.plus_months((k + 1) * every);
                if (next <= first) break;  // saturated at the end of the supported range
                const Date end = next.plus_days(-1);
                out.push_back(SessionWindow{t, static_cast<std::size_t>(k), first, std::min(end, horizon_end),
                                            end > horizon_end, next.days_since(first)});
                first = next;
            }
            break;
        }
        case SessionType::Recurrence::as_needed: {
            if (target_date < start || target_date > horizon_end) break;
            const int interval = 7 * std::max(type.weeks_before_target, 1);
            const Date nominal = target_date.plus_days(-(interval - 1));
            const Date first = std::max(nominal, start);
            for (int k = 0; k < type.count; ++k)
                out.push_back(SessionWindow{t, static_cast<std::size_t>(k), first, target_date, nominal < start, interval});
            break;
        }
        }
    }
    return out;
}

CAREERPATH_NAMESPACE_END
