// Session placement: earliest-deadline-first over the learner's slots in time order
// (docs/sessions.md, "Placement"). The walk goes day by day; on each day the windows that have
// opened and not yet closed are "active", and each slot goes to the active occurrence that fits and
// whose window ends first. For equal lengths this is the exchange argument of EDF: an occurrence
// placed at the earliest open slot ends no later than any alternative, so it never blocks more.
#include <careerpath/sessions.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/time_zone.hpp>

#include "date_time.hpp"
#include "session_windows.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <tuple>

CAREERPATH_NAMESPACE_BEGIN

const char *to_string(SlotClosure closure) noexcept {
    switch (closure) {
    case SlotClosure::not_a_workday: return "not_a_workday";
    case SlotClosure::holiday: return "holiday";
    case SlotClosure::time_off: return "time_off";
    case SlotClosure::mentor_unavailable: return "mentor_unavailable";
    case SlotClosure::mentor_busy: return "mentor_busy";
    case SlotClosure::taken: return "taken";
    case SlotClosure::outside_calendar: return "outside_calendar";
    }
    return "unknown";
}

namespace {

// The mentor's weekly availability, per weekday, as disjoint sorted [from, to) minute ranges:
// windows that overlap or touch are merged, so a session may run across their seam.
using WeekWindows = std::array<std::vector<std::pair<int, int>>, 7>;
WeekWindows merged_windows(const std::vector<WeeklyWindow> &available) {
    WeekWindows week;
    for (const WeeklyWindow &w : available) week[static_cast<std::size_t>(w.weekday)].emplace_back(w.from_minute, w.to_minute);
    for (auto &day : week) {
        std::sort(day.begin(), day.end());
        std::vector<std::pair<int, int>> merged;
        for (const auto &w : day) {
            if (!merged.empty() && w.first <= merged.back().second) merged.back().second = std::max(merged.back().second, w.second);
            else merged.push_back(w);
        }
        day = std::move(merged);
    }
    return week;
}

// Busy intervals sorted by start, with the running maximum of their ends: an interval [s, e)
// overlaps one of them exactly when the latest end among those starting before e lies after s.
class BusyIndex {
public:
    explicit BusyIndex(std::vector<BusyInterval> busy) : busy_(std::move(busy)) {
        std::stable_sort(busy_.begin(), busy_.end(),
                         [](const BusyInterval &a, const BusyInterval &b) { return a.start_utc < b.start_utc; });
        for (std::size_t i = 0; i < busy_.size(); ++i)
            latest_.push_back(i == 0 || busy_[i].end_utc > busy_[latest_.back()].end_utc ? i : latest_.back());
    }
    /// The busy interval overlapping [start, end), if any.
    const BusyInterval *overlapping(std::int64_t start, std::int64_t end) const {
        const auto k = std::lower_bound(busy_.begin(), busy_.end(), end,
                                        [](const BusyInterval &b, std::int64_t t) { return b.start_utc < t; }) -
                       busy_.begin();
        if (k == 0) return nullptr;
        const BusyInterval &b = busy_[latest_[static_cast<std::size_t>(k - 1)]];
        return b.end_utc > start ? &b : nullptr;
    }

private:
    std::vector<BusyInterval> busy_;
    std::vector<std::size_t> latest_;  // index of the latest-ending interval among busy_[0..i]
};

struct Occurrence {
    SessionWindow window;
    std::size_t type_rank = 0;  // position of its type in the program's `sessions`
    int minutes = 0;
    std::optional<std::size_t> session;  // index into the output once placed
    std::vector<ClosedSlot> why;            // the first max_reasons_listed closed slots
    std::size_t why_more = 0;               // and how many closed after them
    std::vector<SlotClosure> closed_by;     // each kind of closure seen, in order of first appearance

    // `listed` counts the reasons listed by every occurrence of the plan.
    void closed(ClosedSlot slot, std::size_t &listed) {
        if (std::find(closed_by.begin(), closed_by.end(), slot.closure) == closed_by.end())
            closed_by.push_back(slot.closure);
        if (why.size() < max_reasons_listed && listed < max_reasons_listed_per_plan) {
            why.push_back(std::move(slot));
            ++listed;
        } else {
            ++why_more;
        }
    }
    // Hands the reasons to the session made of this occurrence.
    void explain(Session &s) {
        s.why = std::move(why);
        s.why_more = why_more;
        s.closed_by = std::move(closed_by);
    }
};

// A session's times are written as dates (its start in UTC, the mentor's wall times in the
// reasons), so near the ends of the calendar a slot closes where they would leave Date's range,
// 1400-01-01T00:00 to the end of 9999-12-31; `where` names the clock ("UTC" or a zone).
std::optional<std::string> outside_calendar(std::int64_t start, std::int64_t end, const std::string &where) {
    static const std::int64_t first = unix_seconds(*Date::from_ymd(1400, 1, 1));
    static const std::int64_t last = unix_seconds(*Date::from_ymd(9999, 12, 31), seconds_per_day);
    if (start < first) return "in " + where + " it would start before 1400-01-01, the first day careerpath supports";
    if (end > last) return "in " + where + " it would end after 9999-12-31, the last day careerpath supports";
    return std::nullopt;
}

// The EDF order: window end, then interval, then the program's order, then occurrence.
auto deadline_key(const Occurrence &o) {
    return std::make_tuple(o.window.last, o.window.interval_days, o.type_rank, o.window.occurrence);
}

// "coaching #3", for the reasons.
std::string label(const Curriculum &c, std::size_t session_type, std::size_t occurrence) {
    return c.session_types()[session_type].id + " #" + std::to_string(occurrence + 1);
}
std::string label(const Curriculum &c, const Occurrence &o) { return label(c, o.window.session_type, o.window.occurrence); }

// The previous plan's occurrences that a re-plan keeps as they were (is_history), each copied as
// that plan had it, agenda and reasons too: the held ones in time order, whatever order the
// document gave them in.
std::vector<Session> history_of(const PlanRequest &request) {
    std::vector<Session> history;
    if (!request.previous || !request.previous->sessions) return history;
    for (const Session &s : *request.previous->sessions) {
        if (is_history(s, request.first_day())) {
            history.push_back(s);
            history.back().history = true;
        }
    }
    std::stable_sort(history.begin(), history.end(),
                     [](const Session &a, const Session &b) { return a.start_utc < b.start_utc; });
    return history;
}

// The dropped occurrences' order: by window, then the type's place in the program, then number.
auto dropped_key(const Session &s, const std::vector<std::size_t> &type_rank) {
    return std::make_tuple(s.window_first, s.window_last, type_rank[s.session_type], s.occurrence);
}

// The learner's side and the mentor's side of one slot, for a session of a given length.
class SlotChecker {
public:
    SlotChecker(const PlanRequest &request, const Calendar &calendar) : request_(request), calendar_(calendar) {
        if (request.mentor) {
            windows_ = merged_windows(request.mentor->available);
            busy_.emplace(request.mentor->busy);
        }
    }

    /// What closes the slot on `day` at `start_utc` for `minutes`, the learner's own sessions
    /// aside; nullopt if it is open.
    std::optional<std::pair<SlotClosure, std::string>> closure(Date day, std::int64_t start_utc, int minutes) const {
        switch (calendar_.status(day)) {
        case DayStatus::working:
        case DayStatus::before_start: break;
        case DayStatus::not_a_workday: return std::pair{SlotClosure::not_a_workday, std::string(to_string(day.weekday())) + " is not a workday"};
        case DayStatus::holiday: return std::pair{SlotClosure::holiday, day.iso() + " is a holiday"};
        case DayStatus::time_off: return std::pair{SlotClosure::time_off, time_off_detail(day)};
        }
        const std::int64_t end_utc = start_utc + std::int64_t{minutes} * 60;
        if (auto outside = outside_calendar(start_utc, end_utc, "UTC"))
            return std::pair{SlotClosure::outside_calendar, std::move(*outside)};
        if (!request_.mentor) return std::nullopt;
        const Mentor &mentor = *request_.mentor;
        const TimeZone::LocalTime from = mentor.zone.to_local(start_utc);
        const TimeZone::LocalTime to = mentor.zone.to_local(end_utc);
        // to_local keeps wall times inside the calendar; the mentor's own must really be there.
        if (auto outside = outside_calendar(start_utc + from.offset_minutes * 60, end_utc + to.offset_minutes * 60,
                                            mentor.zone.name()))
            return std::pair{SlotClosure::outside_calendar, std::move(*outside)};
        int to_minute = to.minute_of_day;
        if (to.day == from.day.plus_days(1) && to_minute == 0) to_minute = 24 * 60;  // ends at midnight
        const bool same_day = to.day == from.day || to_minute == 24 * 60;
        const auto &day_windows = windows_[static_cast<std::size_t>(from.day.weekday())];
        const bool inside = same_day && std::any_of(day_windows.begin(), day_windows.end(), [&](const auto &w) {
                                return w.first <= from.minute_of_day && to_minute <= w.second;
                            });
        if (!inside)
            return std::pair{SlotClosure::mentor_unavailable,
                             mentor.name + " is not available " + to_string(from.day.weekday()) + " " +
                                 format_clock(from.minute_of_day) + "-" + format_clock(to.minute_of_day) + " " + mentor.zone.name()};
        if (const BusyInterval *b = busy_->overlapping(start_utc, end_utc)) {
            const auto local = mentor.zone.to_local(b->start_utc);
            return std::pair{SlotClosure::mentor_busy,
                             mentor.name + " is busy from " +
                                 format_offset_date_time(local.day, local.minute_of_day * 60, local.offset_minutes) +
                                 " for " + std::to_string((b->end_utc - b->start_utc) / 60) + " minutes"};
        }
        return std::nullopt;
    }

private:
    std::string time_off_detail(Date day) const {
        for (const DateRange &r : request_.learner.time_off)
            if (r.first <= day && day <= r.last) return "time off " + r.first.iso() + " to " + r.last.iso();
        return "time off";
    }

    const PlanRequest &request_;
    const Calendar &calendar_;
    WeekWindows windows_;
    std::optional<BusyIndex> busy_;
};

}  // namespace

bool is_history(const Session &previous, Date first_day) noexcept {
    return previous.status == Session::Status::dropped ? previous.window_last < first_day : previous.day < first_day;
}

Result<std::vector<Session>> place_sessions(const Curriculum &c, const PlanRequest &request, const Calendar &calendar,
                                            Date horizon_end, const Limits &limits) {
    std::vector<Session> sessions;
    if (!request.program) return sessions;
    const Program &program = c.programs()[*request.program];
    // The zones were resolved once, when the request was read (Learner::zone, Mentor::zone).
    const TimeZone &learner_zone = request.learner.zone;

    const std::vector<std::size_t> type_rank = session_type_ranks(c, program.session_types);

    // Windows stay anchored to the start, and so do occurrence numbers; a re-plan places only the
    // occurrences whose windows reach its first day, from that day on, and none that the previous
    // plan already made history (README "Re-planning").
    std::vector<Session> history = history_of(request);
    std::vector<std::pair<std::size_t, std::size_t>> done;  // (type, occurrence) of each history session
    for (const Session &h : history) done.emplace_back(h.session_type, h.occurrence);
    std::sort(done.begin(), done.end());
    auto windows = session_windows(c, program.session_types, request.start, horizon_end, request.target_date);
    const Date first_day = request.first_day();
    std::erase_if(windows, [&](const SessionWindow &w) {
        return w.last < first_day || std::binary_search(done.begin(), done.end(), std::pair{w.session_type, w.occurrence});
    });
    if (windows.size() > limits.max_sessions)
        return make_error(Status::limit,
                          "the program's session types give " + std::to_string(windows.size()) + " occurrences from " +
                              request.start.iso() + " to " + horizon_end.iso() + ", more than " +
                              std::to_string(limits.max_sessions) + " (max_sessions)",
                          "/program");
    std::vector<Occurrence> occurrences;
    occurrences.reserve(windows.size());
    for (const SessionWindow &w : windows) {
        Occurrence occ;
        occ.window = w;
        occ.type_rank = type_rank[w.session_type];
        occ.minutes = c.session_types()[w.session_type].minutes;
        occurrences.push_back(std::move(occ));
    }
    // Opening order: by first day, then the EDF key, so that the walk can admit them in turn.
    std::vector<std::size_t> by_first(occurrences.size());
    for (std::size_t i = 0; i < by_first.size(); ++i) by_first[i] = i;
    std::sort(by_first.begin(), by_first.end(), [&](std::size_t a, std::size_t b) {
        return std::make_tuple(occurrences[a].window.first, deadline_key(occurrences[a])) <
               std::make_tuple(occurrences[b].window.first, deadline_key(occurrences[b]));
    });

    // The learner's slots per weekday, by time of day, without repeats.
    std::array<std::vector<int>, 7> slots;
    for (const WeeklySlot &s : request.learner.session_slots) slots[static_cast<std::size_t>(s.weekday)].push_back(s.minute);
    for (auto &day : slots) {
        std::sort(day.begin(), day.end());
        day.erase(std::unique(day.begin(), day.end()), day.end());
    }

    const SlotChecker checker(request, calendar);
    std::vector<std::size_t> active;  // occurrences whose window is open and that are not placed
    std::size_t next = 0;             // into by_first
    std::int64_t busy_until = std::numeric_limits<std::int64_t>::min();  // the learner's latest session end
    std::pair<std::size_t, std::size_t> busy_with;  // the (type, occurrence) that ends then
    std::size_t reasons_listed = 0;   // closed slots listed by every occurrence so far
    // History sessions held come first, all before the first day; one that runs past its
    // midnight still takes the slots it overlaps.
    for (Session &h : history) {
        if (h.status == Session::Status::dropped) continue;
        const std::int64_t end = h.start_utc + std::int64_t{h.minutes} * 60;
        if (end > busy_until) busy_until = end, busy_with = {h.session_type, h.occurrence};
        sessions.push_back(std::move(h));
    }
    for (Date day = first_day; day <= horizon_end && (next < by_first.size() || !active.empty());
         day = day.plus_days(1)) {
        while (next < by_first.size() && occurrences[by_first[next]].window.first <= day) active.push_back(by_first[next++]);
        std::erase_if(active, [&](std::size_t o) { return occurrences[o].window.last < day; });
        if (active.empty()) continue;

        // Today's slots as instants, in time order (two wall times in a skipped hour may meet).
        std::vector<std::pair<std::int64_t, int>> today;
        for (int minute : slots[static_cast<std::size_t>(day.weekday())])
            today.emplace_back(learner_zone.to_utc(day, minute), minute);
        std::sort(today.begin(), today.end());

        for (const auto &[start_utc, minute] : today) {
            std::optional<std::size_t> best;
            std::vector<std::size_t> open;  // fitting, but maybe not first by deadline
            for (std::size_t o : active) {
                Occurrence &occ = occurrences[o];
                auto closed = checker.closure(day, start_utc, occ.minutes);
                if (!closed && busy_until > start_utc)
                    closed = std::pair{SlotClosure::taken, "the learner has " + label(c, busy_with.first, busy_with.second) + " then"};
                if (closed) {
                    occ.closed({day, minute, start_utc, closed->first, std::move(closed->second)}, reasons_listed);
                    continue;
                }
                open.push_back(o);
                if (!best || deadline_key(occ) < deadline_key(occurrences[*best])) best = o;
            }
            if (!best) continue;
            Occurrence &chosen = occurrences[*best];
            for (std::size_t o : open)
                if (o != *best)
                    occurrences[o].closed(
                        {day, minute, start_utc, SlotClosure::taken, "the slot went to " + label(c, chosen)}, reasons_listed);

            Session s;
            s.session_type = chosen.window.session_type;
            s.occurrence = chosen.window.occurrence;
            s.window_first = chosen.window.first;
            s.window_last = chosen.window.last;
            s.status = chosen.why.empty() ? Session::Status::placed : Session::Status::moved;
            s.minutes = chosen.minutes;
            s.start_utc = start_utc;
            const auto local = learner_zone.to_local(start_utc);
            s.day = local.day;
            s.minute_of_day = local.minute_of_day;
            s.offset_minutes = local.offset_minutes;
            chosen.explain(s);
            chosen.session = sessions.size();
            sessions.push_back(std::move(s));
            const std::int64_t end = start_utc + std::int64_t{chosen.minutes} * 60;
            if (end > busy_until) busy_until = end, busy_with = {chosen.window.session_type, chosen.window.occurrence};
            std::erase(active, *best);
            if (active.empty()) break;
        }
    }

    // The occurrences no slot could hold, and the history ones its plan dropped, by window, type
    // and occurrence.
    std::vector<Session> dropped;
    for (Occurrence &occ : occurrences) {
        if (occ.session) continue;
        Session &s = dropped.emplace_back();
        s.session_type = occ.window.session_type;
        s.occurrence = occ.window.occurrence;
        s.window_first = occ.window.first;
        s.window_last = occ.window.last;
        s.status = Session::Status::dropped;
        s.minutes = occ.minutes;
        occ.explain(s);
    }
    for (Session &h : history)
        if (h.status == Session::Status::dropped) dropped.push_back(std::move(h));
    std::sort(dropped.begin(), dropped.end(), [&](const Session &a, const Session &b) {
        return dropped_key(a, type_rank) < dropped_key(b, type_rank);
    });
    std::move(dropped.begin(), dropped.end(), std::back_inserter(sessions));
    return sessions;
}

CAREERPATH_NAMESPACE_END
