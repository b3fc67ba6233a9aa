// Session placement: earliest-deadline-first over the learner's slots in time order
// (docs/sessions.md, "Placement"). The walk goes day by day; on each day the windows that have
// opened and not yet closed are "active", and each slot goes to the active occurrence that fits and
// whose window ends first. For equal lengths this is the exchange argument of EDF: an occurrence
// placed at the earliest open slot ends no later than any alternative, so it never blocks more.
//
// Learners who share a mentor (a cohort, README "Cohort planning") are placed by the same walk,
// one per learner, merged by instant (place_jointly, docs/cohort-planning.md): the mentor's
// bookings with the other learners and the mentor's weekly hours close slots too, and where
// learners meet at one instant the one with the fewest chances left goes first. A single plan is
// that placement with one learner.
#include <careerpath/sessions.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/time_zone.hpp>

#include "date_time.hpp"
#include "joint_sessions.hpp"
#include "rounding.hpp"
#include "session_windows.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <queue>
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
    case SlotClosure::mentor_booked: return "mentor_booked";
    case SlotClosure::mentor_hours: return "mentor_hours";
    }
    return "unknown";
}

std::optional<SlotClosure> slot_closure_named(std::string_view name) noexcept {
    for (int k = 0; k <= static_cast<int>(SlotClosure::mentor_hours); ++k)
        if (name == to_string(static_cast<SlotClosure>(k))) return static_cast<SlotClosure>(k);
    return std::nullopt;
}

const char *to_string(Session::Status status) noexcept {
    switch (status) {
    case Session::Status::placed: return "placed";
    case Session::Status::moved: return "moved";
    case Session::Status::dropped: return "dropped";
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

// Intervals (anything with start_utc and end_utc) sorted by start, with the running maximum of
// their ends: an interval [s, e) overlaps one of them exactly when the latest end among those
// starting before e lies after s.
template <class Interval>
class IntervalIndex {
public:
    explicit IntervalIndex(std::vector<Interval> intervals) : intervals_(std::move(intervals)) {
        std::stable_sort(intervals_.begin(), intervals_.end(),
                         [](const Interval &a, const Interval &b) { return a.start_utc < b.start_utc; });
        for (std::size_t i = 0; i < intervals_.size(); ++i)
            latest_.push_back(i == 0 || intervals_[i].end_utc > intervals_[latest_.back()].end_utc ? i : latest_.back());
    }
    /// The interval overlapping [start, end), if any.
    const Interval *overlapping(std::int64_t start, std::int64_t end) const {
        const auto k = std::lower_bound(intervals_.begin(), intervals_.end(), end,
                                        [](const Interval &b, std::int64_t t) { return b.start_utc < t; }) -
                       intervals_.begin();
        if (k == 0) return nullptr;
        const Interval &b = intervals_[latest_[static_cast<std::size_t>(k - 1)]];
        return b.end_utc > start ? &b : nullptr;
    }

private:
    std::vector<Interval> intervals_;
    std::vector<std::size_t> latest_;  // index of the latest-ending interval among intervals_[0..i]
};

// What closed a slot, before it is given its day and time.
struct Closed {
    SlotClosure closure = SlotClosure::taken;
    std::string detail;
    std::string learner;  // mentor_booked: the other learner's id
};

struct Occurrence {
    SessionWindow window;
    std::size_t type_rank = 0;  // position of its type in the program's `sessions`
    int minutes = 0;
    std::optional<std::size_t> session;  // index into the output once placed
    std::vector<ClosedSlot> why;            // the first max_reasons_listed closed slots
    std::size_t why_more = 0;               // and how many closed after them
    std::vector<SlotClosure> closed_by;     // each kind of closure seen, in order of first appearance
    std::vector<std::string> booked_by;     // the learners whose bookings closed a slot (mentor_booked)
    std::optional<std::int64_t> last_chance;  // its window's last slot that no static constraint closes

    // `listed` counts the reasons listed by every occurrence of the plan.
    void closed(ClosedSlot slot, std::size_t &listed) {
        if (std::find(closed_by.begin(), closed_by.end(), slot.closure) == closed_by.end())
            closed_by.push_back(slot.closure);
        if (!slot.learner.empty() && std::find(booked_by.begin(), booked_by.end(), slot.learner) == booked_by.end())
            booked_by.push_back(slot.learner);
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
        s.booked_by = std::move(booked_by);
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

// The mentor's own side of a slot, which does not change as sessions are placed: the calendar's
// range in the mentor's zone, the availability windows and the busy intervals.
class MentorSide {
public:
    explicit MentorSide(const Mentor &mentor) : mentor_(mentor), windows_(merged_windows(mentor.available)), busy_(mentor.busy) {}

    std::optional<Closed> closure(std::int64_t start_utc, std::int64_t end_utc) const {
        const TimeZone::LocalTime from = mentor_.zone.to_local(start_utc);
        const TimeZone::LocalTime to = mentor_.zone.to_local(end_utc);
        // to_local keeps wall times inside the calendar; the mentor's own must really be there.
        if (auto outside = outside_calendar(start_utc + from.offset_minutes * 60, end_utc + to.offset_minutes * 60,
                                            mentor_.zone.name()))
            return Closed{SlotClosure::outside_calendar, std::move(*outside), {}};
        int to_minute = to.minute_of_day;
        if (to.day == from.day.plus_days(1) && to_minute == 0) to_minute = 24 * 60;  // ends at midnight
        const bool same_day = to.day == from.day || to_minute == 24 * 60;
        const auto &day_windows = windows_[static_cast<std::size_t>(from.day.weekday())];
        const bool inside = same_day && std::any_of(day_windows.begin(), day_windows.end(), [&](const auto &w) {
                                return w.first <= from.minute_of_day && to_minute <= w.second;
                            });
        if (!inside)
            return Closed{SlotClosure::mentor_unavailable,
                          mentor_.name + " is not available " + to_string(from.day.weekday()) + " " +
                              format_clock(from.minute_of_day) + "-" + format_clock(to.minute_of_day) + " " +
                              mentor_.zone.name(),
                          {}};
        if (const BusyInterval *b = busy_.overlapping(start_utc, end_utc)) {
            const auto local = mentor_.zone.to_local(b->start_utc);
            return Closed{SlotClosure::mentor_busy,
                          mentor_.name + " is busy from " +
                              format_offset_date_time(local.day, local.minute_of_day * 60, local.offset_minutes) +
                              " for " + std::to_string((b->end_utc - b->start_utc) / 60) + " minutes",
                          {}};
        }
        return std::nullopt;
    }

    const Mentor &mentor() const noexcept { return mentor_; }

private:
    const Mentor &mentor_;
    WeekWindows windows_;
    IntervalIndex<BusyInterval> busy_;
};

// A session the mentor holds with one of the group's learners.
struct Booking {
    std::int64_t start_utc = 0, end_utc = 0;
    std::size_t learner = 0;  // index into the group
    std::size_t session_type = 0, occurrence = 0;
};

// The mentor's bookings as the placement makes them, and the session minutes of each week (its
// Monday, the mentor's date) where the mentor gives only so many hours a week.
class MentorBook {
public:
    MentorBook(const Mentor &mentor, std::optional<double> max_hours, std::vector<Booking> history)
        : zone_(mentor.zone), history_(history) {
        if (max_hours) max_minutes_ = *max_hours * 60;
        for (const Booking &b : history) count(b);
    }

    // A booking overlapping [start, end): a re-plan's history ones may overlap each other, the
    // placed ones never do, so of those only the last to start before `end` can.
    const Booking *overlapping(std::int64_t start, std::int64_t end) const {
        if (const Booking *b = history_.overlapping(start, end)) return b;
        auto it = placed_.lower_bound(end);
        if (it == placed_.begin()) return nullptr;
        --it;
        return it->second.end_utc > start ? &it->second : nullptr;
    }

    // The week whose hours a session at `start` of `minutes` would take past the limit.
    std::optional<Date> full_week(std::int64_t start, int minutes) const {
        if (!max_minutes_) return std::nullopt;
        const Date week = week_of(start);
        const auto it = weeks_.find(week);
        const int booked = it == weeks_.end() ? 0 : it->second.minutes;
        if (booked + minutes > *max_minutes_ + 1e-9) return week;
        return std::nullopt;
    }

    void book(const Booking &b) {
        placed_.emplace(b.start_utc, b);
        count(b);
    }

    // The learners (indexes into the group) with sessions in a week, and their minutes, in the
    // order of their first booking there.
    std::vector<std::pair<std::size_t, int>> week_learners(Date week) const {
        const auto it = weeks_.find(week);
        return it == weeks_.end() ? std::vector<std::pair<std::size_t, int>>{} : it->second.by_learner;
    }
    double max_hours() const noexcept { return max_minutes_.value_or(0) / 60; }
    bool limited() const noexcept { return max_minutes_.has_value(); }

private:
    struct Week {
        int minutes = 0;
        std::vector<std::pair<std::size_t, int>> by_learner;
    };

    Date week_of(std::int64_t start) const {
        const Date day = zone_.to_local(start).day;
        return day.plus_days(-static_cast<std::int32_t>(day.weekday()));
    }
    void count(const Booking &b) {
        if (!max_minutes_) return;
        Week &week = weeks_[week_of(b.start_utc)];
        const int minutes = static_cast<int>((b.end_utc - b.start_utc) / 60);
        week.minutes += minutes;
        auto it = std::find_if(week.by_learner.begin(), week.by_learner.end(), [&](const auto &p) { return p.first == b.learner; });
        if (it == week.by_learner.end()) week.by_learner.emplace_back(b.learner, minutes);
        else it->second += minutes;
    }

    const TimeZone &zone_;
    std::optional<double> max_minutes_;
    IntervalIndex<Booking> history_;
    std::map<std::int64_t, Booking> placed_;
    std::map<Date, Week> weeks_;
};

}  // namespace

// One learner's walk over their slots, and what it has placed so far.
struct detail::LearnerSessions::State {
    const PlanRequest *request = nullptr;
    const Calendar *calendar = nullptr;
    Date horizon_end;
    std::vector<std::size_t> type_rank;
    std::vector<Session> history;
    std::vector<Occurrence> occurrences;
    // Opening order: by first day, then the EDF key, so that the walk can admit them in turn.
    std::vector<std::size_t> by_first;
    std::array<std::vector<int>, 7> slots;  // the learner's slots per weekday, by time of day, without repeats

    // The walk.
    std::vector<std::size_t> active;  // occurrences whose window is open and that are not placed
    std::size_t next = 0;             // into by_first
    std::optional<Date> day;          // the day walked; none before the first
    std::vector<std::pair<std::int64_t, int>> today;  // today's slots as instants, in time order
    std::size_t at = 0;               // into today: the slot the walk stands on
    std::int64_t busy_until = std::numeric_limits<std::int64_t>::min();  // the learner's latest session end
    std::pair<std::size_t, std::size_t> busy_with;  // the (type, occurrence) that ends then
    std::size_t reasons_listed = 0;   // closed slots listed by every occurrence so far
    std::size_t dropped = 0;          // occurrences whose windows closed with them unplaced
    std::vector<Session> sessions;    // history held, then placed, in time order

    const Learner &learner() const noexcept { return request->learner; }
    std::int64_t slot_utc() const noexcept { return today[at].first; }
    int slot_minute() const noexcept { return today[at].second; }

    // Moves to the next slot at which some occurrence is active; false when the walk is over.
    bool advance() {
        if (day && at < today.size()) ++at;
        for (;;) {
            if (day && at < today.size() && !active.empty()) return true;
            if (day && *day >= horizon_end) return false;
            const Date d = day ? day->plus_days(1) : request->first_day();
            if (d > horizon_end || (next >= by_first.size() && active.empty())) return false;
            day = d;
            while (next < by_first.size() && occurrences[by_first[next]].window.first <= d) active.push_back(by_first[next++]);
            dropped += static_cast<std::size_t>(
                std::erase_if(active, [&](std::size_t o) { return occurrences[o].window.last < d; }));
            today.clear();
            at = 0;
            if (active.empty()) continue;
            // Two wall times in a skipped hour may meet at one instant.
            for (int minute : slots[static_cast<std::size_t>(d.weekday())])
                today.emplace_back(learner().zone.to_utc(d, minute), minute);
            std::sort(today.begin(), today.end());
        }
    }

    // What closes `day` at `start_utc` for `minutes` on the learner's own calendar, and in UTC.
    std::optional<Closed> own_closure(Date d, std::int64_t start_utc, int minutes) const {
        switch (calendar->status(d)) {
        case DayStatus::working:
        case DayStatus::before_start: break;
        case DayStatus::not_a_workday: return Closed{SlotClosure::not_a_workday, std::string(to_string(d.weekday())) + " is not a workday", {}};
        case DayStatus::holiday: return Closed{SlotClosure::holiday, d.iso() + " is a holiday", {}};
        case DayStatus::time_off: return Closed{SlotClosure::time_off, time_off_detail(d), {}};
        }
        const std::int64_t end_utc = start_utc + std::int64_t{minutes} * 60;
        if (auto outside = outside_calendar(start_utc, end_utc, "UTC"))
            return Closed{SlotClosure::outside_calendar, std::move(*outside), {}};
        return std::nullopt;
    }

    std::string time_off_detail(Date d) const {
        for (const DateRange &r : learner().time_off)
            if (r.first <= d && d <= r.last) return "time off " + r.first.iso() + " to " + r.last.iso();
        return "time off";
    }

    // Everything the rest of the walk puts out, in place_sessions' order.
    std::vector<Session> finish() {
        std::vector<Session> out = std::move(sessions);
        std::vector<Session> dropped_sessions;
        for (Occurrence &occ : occurrences) {
            if (occ.session) continue;
            Session &s = dropped_sessions.emplace_back();
            s.session_type = occ.window.session_type;
            s.occurrence = occ.window.occurrence;
            s.window_first = occ.window.first;
            s.window_last = occ.window.last;
            s.status = Session::Status::dropped;
            s.minutes = occ.minutes;
            occ.explain(s);
        }
        for (Session &h : history)
            if (h.status == Session::Status::dropped) dropped_sessions.push_back(std::move(h));
        std::sort(dropped_sessions.begin(), dropped_sessions.end(), [&](const Session &a, const Session &b) {
            return dropped_key(a, type_rank) < dropped_key(b, type_rank);
        });
        std::move(dropped_sessions.begin(), dropped_sessions.end(), std::back_inserter(out));
        return out;
    }
};

detail::LearnerSessions::LearnerSessions(std::unique_ptr<State> state) noexcept : state_(std::move(state)) {}
detail::LearnerSessions::LearnerSessions(LearnerSessions &&) noexcept = default;
detail::LearnerSessions &detail::LearnerSessions::operator=(LearnerSessions &&) noexcept = default;
detail::LearnerSessions::~LearnerSessions() = default;
std::size_t detail::LearnerSessions::occurrences() const noexcept { return state_->occurrences.size(); }

bool is_history(const Session &previous, Date first_day) noexcept {
    return previous.status == Session::Status::dropped ? previous.window_last < first_day : previous.day < first_day;
}

Result<detail::LearnerSessions> detail::prepare_sessions(const Curriculum &c, const PlanRequest &request,
                                                         const Calendar &calendar, Date horizon_end, const Limits &limits) {
    auto state = std::make_unique<LearnerSessions::State>();
    LearnerSessions::State &st = *state;
    st.request = &request;
    st.calendar = &calendar;
    st.horizon_end = horizon_end;
    if (!request.program) return LearnerSessions(std::move(state));
    const Program &program = c.programs()[*request.program];
    st.type_rank = session_type_ranks(c, program.session_types);

    // Windows stay anchored to the start, and so do occurrence numbers; a re-plan places only the
    // occurrences whose windows reach its first day, from that day on, and none that the previous
    // plan already made history (README "Re-planning").
    st.history = history_of(request);
    std::vector<std::pair<std::size_t, std::size_t>> done;  // (type, occurrence) of each history session
    for (const Session &h : st.history) done.emplace_back(h.session_type, h.occurrence);
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
    st.occurrences.reserve(windows.size());
    for (const SessionWindow &w : windows) {
        Occurrence occ;
        occ.window = w;
        occ.type_rank = st.type_rank[w.session_type];
        occ.minutes = c.session_types()[w.session_type].minutes;
        st.occurrences.push_back(std::move(occ));
    }
    st.by_first.resize(st.occurrences.size());
    for (std::size_t i = 0; i < st.by_first.size(); ++i) st.by_first[i] = i;
    std::sort(st.by_first.begin(), st.by_first.end(), [&](std::size_t a, std::size_t b) {
        return std::make_tuple(st.occurrences[a].window.first, deadline_key(st.occurrences[a])) <
               std::make_tuple(st.occurrences[b].window.first, deadline_key(st.occurrences[b]));
    });
    for (const WeeklySlot &s : request.learner.session_slots) st.slots[static_cast<std::size_t>(s.weekday)].push_back(s.minute);
    for (auto &day : st.slots) {
        std::sort(day.begin(), day.end());
        day.erase(std::unique(day.begin(), day.end()), day.end());
    }
    // History sessions held come first, all before the first day; one that runs past its
    // midnight still takes the slots it overlaps.
    for (Session &h : st.history) {
        if (h.status == Session::Status::dropped) continue;
        const std::int64_t end = h.start_utc + std::int64_t{h.minutes} * 60;
        if (end > st.busy_until) st.busy_until = end, st.busy_with = {h.session_type, h.occurrence};
        st.sessions.push_back(h);
    }
    return LearnerSessions(std::move(state));
}

namespace {

using State = detail::LearnerSessions::State;

// One joint placement: the learners' walks, merged by instant, and the mentor they share.
class JointWalk {
public:
    JointWalk(const Curriculum &c, const detail::SharedMentor &shared, std::vector<State *> learners)
        : c_(c), learners_(std::move(learners)) {
        if (!shared.mentor) return;
        mentor_.emplace(*shared.mentor);
        std::vector<Booking> history;
        for (std::size_t l = 0; l < learners_.size(); ++l)
            for (const Session &h : learners_[l]->sessions)  // history held, the only ones yet
                history.push_back({h.start_utc, h.start_utc + std::int64_t{h.minutes} * 60, l, h.session_type, h.occurrence});
        book_.emplace(*shared.mentor, shared.max_hours_per_week, std::move(history));
    }

    void run() {
        // The learners standing on a slot, earliest instant first (ties: the earlier learner).
        using Head = std::pair<std::int64_t, std::size_t>;
        std::priority_queue<Head, std::vector<Head>, std::greater<>> heads;
        for (std::size_t l = 0; l < learners_.size(); ++l)
            if (learners_[l]->advance()) heads.emplace(learners_[l]->slot_utc(), l);
        std::vector<std::size_t> moment;
        while (!heads.empty()) {
            moment.clear();
            const std::int64_t instant = heads.top().first;
            while (!heads.empty() && heads.top().first == instant) {
                moment.push_back(heads.top().second);
                heads.pop();
            }
            at_instant(moment);
            for (std::size_t l : moment)
                if (learners_[l]->advance()) heads.emplace(learners_[l]->slot_utc(), l);
        }
    }

private:
    // One learner's occurrences at the slot it stands on: what closes each (none where it fits),
    // and the one to place by the rule of a single plan.
    struct Look {
        std::vector<std::optional<Closed>> *fixed = nullptr;  // what no placement changes (fixed_closures)
        std::vector<std::optional<Closed>> booked;            // the rest, where nothing fixed closes it
        std::optional<std::size_t> best;                      // position in `active`
        std::optional<Closed> &closed(std::size_t i) { return (*fixed)[i] ? (*fixed)[i] : booked[i]; }
    };

    // The mentor's and the learner's sessions so far, then the mentor's weekly hours.
    std::optional<Closed> booked(std::size_t l, std::int64_t start, int minutes) const {
        const State &st = *learners_[l];
        const std::int64_t end = start + std::int64_t{minutes} * 60;
        if (st.busy_until > start)
            return Closed{SlotClosure::taken, "the learner has " + label(c_, st.busy_with.first, st.busy_with.second) + " then", {}};
        if (!book_) return std::nullopt;
        if (const Booking *b = book_->overlapping(start, end)) {
            if (b->learner == l)
                return Closed{SlotClosure::taken, "the learner has " + label(c_, b->session_type, b->occurrence) + " then", {}};
            const Learner &other = learners_[b->learner]->learner();
            return Closed{SlotClosure::mentor_booked,
                          mentor_->mentor().name + " has " + label(c_, b->session_type, b->occurrence) + " with " +
                              other.name + " then",
                          other.id};
        }
        if (const auto week = book_->full_week(start, minutes)) {
            std::string detail = mentor_->mentor().name + " gives at most " + detail::format_hours(book_->max_hours()) +
                                 " session hours a week";
            const auto load = book_->week_learners(*week);
            if (load.empty()) detail += ", less than this session's " + std::to_string(minutes) + " minutes";
            else detail += ", and the week of " + week->iso() + " (" + mentor_->mentor().zone.name() + ") holds ";
            for (std::size_t i = 0; i < load.size(); ++i)
                detail += (i ? ", " : "") + learners_[load[i].first]->learner().name + " " +
                          std::to_string(load[i].second) + " min";
            return Closed{SlotClosure::mentor_hours, std::move(detail), {}};
        }
        return std::nullopt;
    }

    Look look(std::size_t l, std::vector<std::optional<Closed>> &fixed) const {
        const State &st = *learners_[l];
        Look out;
        out.fixed = &fixed;
        out.booked.resize(st.active.size());
        for (std::size_t i = 0; i < st.active.size(); ++i) {
            if (fixed[i]) continue;
            const Occurrence &occ = st.occurrences[st.active[i]];
            out.booked[i] = booked(l, st.slot_utc(), occ.minutes);
            if (!out.booked[i] && (!out.best || deadline_key(occ) < deadline_key(st.occurrences[st.active[*out.best]])))
                out.best = i;
        }
        return out;
    }

    // What no placement changes at the slot: the learner's calendar and the mentor's own side.
    std::vector<std::optional<Closed>> fixed_closures(const State &st) const {
        std::vector<std::optional<Closed>> out;
        out.reserve(st.active.size());
        for (std::size_t o : st.active) out.push_back(static_closure(st, *st.day, st.slot_utc(), st.occurrences[o].minutes));
        return out;
    }

    std::optional<Closed> static_closure(const State &st, Date day, std::int64_t start, int minutes) const {
        if (auto closed = st.own_closure(day, start, minutes)) return closed;
        if (mentor_) return mentor_->closure(start, start + std::int64_t{minutes} * 60);
        return std::nullopt;
    }

    // The last slot of the occurrence's window, from the slot the learner stands on, that no
    // static constraint closes: how long the occurrence can still wait.
    std::int64_t last_chance(State &st, std::size_t o) const {
        Occurrence &occ = st.occurrences[o];
        if (occ.last_chance) return *occ.last_chance;
        occ.last_chance = st.slot_utc();
        for (Date d = std::min(occ.window.last, st.horizon_end); d >= *st.day; d = d.plus_days(-1)) {
            std::optional<std::int64_t> found;
            for (int minute : st.slots[static_cast<std::size_t>(d.weekday())]) {
                const std::int64_t start = st.learner().zone.to_utc(d, minute);
                if (d == *st.day && start <= st.slot_utc()) continue;
                if (!static_closure(st, d, start, occ.minutes) && (!found || start > *found)) found = start;
            }
            if (found) {
                occ.last_chance = std::max(*found, st.slot_utc());
                break;
            }
        }
        return *occ.last_chance;
    }

    // Which of two learners' candidates at one instant goes first (docs/cohort-planning.md): the
    // fewest chances left, the window that ends first, the shorter interval, then the learner
    // with more occurrences dropped so far. Where the mentor gives only so many hours a week,
    // those hours, not the slots, bound what the mentor holds, and a later slot is no real
    // chance: the learner with more dropped goes first there.
    auto contention_key(std::size_t l, std::size_t o) const {
        State &st = *learners_[l];
        const Occurrence &occ = st.occurrences[o];
        const std::int64_t window_end = st.learner().zone.to_utc(occ.window.last, 0) + seconds_per_day;
        const std::size_t behind = std::numeric_limits<std::size_t>::max() - st.dropped;
        const bool weekly_limit = book_ && book_->limited();
        return std::make_tuple(weekly_limit ? behind : 0, last_chance(st, o), window_end, occ.window.interval_days, behind,
                               std::string_view(st.learner().id), l);
    }

    void at_instant(const std::vector<std::size_t> &moment) {
        std::vector<std::vector<std::optional<Closed>>> fixed;
        fixed.reserve(moment.size());
        for (std::size_t l : moment) fixed.push_back(fixed_closures(*learners_[l]));
        std::vector<std::optional<Look>> looks(moment.size());
        std::vector<bool> placed(moment.size(), false);
        for (;;) {
            std::optional<std::size_t> winner;  // position in `moment`
            for (std::size_t m = 0; m < moment.size(); ++m) {
                if (placed[m]) continue;
                looks[m] = look(moment[m], fixed[m]);
                if (!looks[m]->best) continue;
                if (!winner) {
                    winner = m;
                    continue;
                }
                const State &a = *learners_[moment[m]], &b = *learners_[moment[*winner]];
                if (contention_key(moment[m], a.active[*looks[m]->best]) <
                    contention_key(moment[*winner], b.active[*looks[*winner]->best]))
                    winner = m;
            }
            if (!winner) break;
            place(moment[*winner], *looks[*winner]);
            placed[*winner] = true;
        }
        for (std::size_t m = 0; m < moment.size(); ++m)
            if (!placed[m]) record(*learners_[moment[m]], *looks[m], std::nullopt);
    }

    // The reasons of every active occurrence at the slot: what closed it, or, where it fit, that
    // the slot went to `chosen` (after the closed ones, as a single plan lists them).
    void record(State &st, Look &look, std::optional<std::size_t> chosen) {
        const Date day = *st.day;
        const int minute = st.slot_minute();
        const std::int64_t start = st.slot_utc();
        std::vector<std::size_t> lost;
        for (std::size_t i = 0; i < st.active.size(); ++i) {
            if (chosen && i == *chosen) continue;
            Occurrence &occ = st.occurrences[st.active[i]];
            if (std::optional<Closed> &closed = look.closed(i)) {
                occ.closed({day, minute, start, closed->closure, std::move(closed->detail), std::move(closed->learner)},
                           st.reasons_listed);
            } else {
                lost.push_back(i);
            }
        }
        for (std::size_t i : lost)
            st.occurrences[st.active[i]].closed(
                {day, minute, start, SlotClosure::taken, "the slot went to " + label(c_, st.occurrences[st.active[*chosen]]), {}},
                st.reasons_listed);
    }

    void place(std::size_t l, Look &look) {
        State &st = *learners_[l];
        const std::size_t best = *look.best;
        record(st, look, best);
        const std::size_t o = st.active[best];
        Occurrence &chosen = st.occurrences[o];
        Session s;
        s.session_type = chosen.window.session_type;
        s.occurrence = chosen.window.occurrence;
        s.window_first = chosen.window.first;
        s.window_last = chosen.window.last;
        s.status = chosen.why.empty() ? Session::Status::placed : Session::Status::moved;
        s.minutes = chosen.minutes;
        s.start_utc = st.slot_utc();
        const auto local = st.learner().zone.to_local(s.start_utc);
        s.day = local.day;
        s.minute_of_day = local.minute_of_day;
        s.offset_minutes = local.offset_minutes;
        chosen.explain(s);
        chosen.session = st.sessions.size();
        const std::int64_t end = s.start_utc + std::int64_t{chosen.minutes} * 60;
        if (end > st.busy_until) st.busy_until = end, st.busy_with = {s.session_type, s.occurrence};
        if (book_) book_->book({s.start_utc, end, l, s.session_type, s.occurrence});
        st.sessions.push_back(std::move(s));
        st.active.erase(st.active.begin() + static_cast<std::ptrdiff_t>(best));
    }

    const Curriculum &c_;
    std::vector<State *> learners_;
    std::optional<MentorSide> mentor_;
    std::optional<MentorBook> book_;
};

}  // namespace

std::vector<std::vector<Session>> detail::place_jointly(const Curriculum &c, const SharedMentor &mentor,
                                                        std::vector<LearnerSessions> &learners) {
    std::vector<State *> states;
    states.reserve(learners.size());
    for (LearnerSessions &l : learners) states.push_back(l.state_.get());
    JointWalk(c, mentor, states).run();
    std::vector<std::vector<Session>> out;
    out.reserve(learners.size());
    for (State *st : states) out.push_back(st->finish());
    return out;
}

Result<std::vector<Session>> place_sessions(const Curriculum &c, const PlanRequest &request, const Calendar &calendar,
                                            Date horizon_end, const Limits &limits) {
    if (!request.program) return std::vector<Session>{};
    BOOST_OUTCOME_TRY(prepared, detail::prepare_sessions(c, request, calendar, horizon_end, limits));
    std::vector<detail::LearnerSessions> one;
    one.push_back(std::move(prepared));
    const detail::SharedMentor mentor{request.mentor ? &*request.mentor : nullptr, std::nullopt};
    return std::move(detail::place_jointly(c, mentor, one).front());
}

CAREERPATH_NAMESPACE_END
