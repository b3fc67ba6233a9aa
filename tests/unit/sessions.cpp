// careerpath/sessions.hpp: session placement on a real calendar. Daylight-saving changes on both
// sides, counts over a year against an independent walk of the windows, the earliest-deadline-
// first rule against exhaustive search on small random cases, and why each dropped occurrence was
// dropped. Dates, weekdays and offsets are computed here with std::chrono and hard-coded rules,
// never with the library's own date or time-zone code.
#include <careerpath/json.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/sessions.hpp>

#include <doctest/doctest.h>

#include "grouped_warnings.hpp"
#include "civil_days.hpp"
#include "support.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;
namespace chr = std::chrono;
using careerpath_test::civil::clock_text;
using careerpath_test::civil::day_of_seconds;
using careerpath_test::civil::days_of;
using careerpath_test::civil::epoch_seconds;
using careerpath_test::civil::iso;
using careerpath_test::civil::minute_of_seconds;
using careerpath_test::civil::weekday_mon0;
using careerpath_test::civil::weekday_names;
using careerpath_test::civil::ymd;

// --- Independent calendar arithmetic -----------------------------------------------------------

chr::sys_days parse_day(const std::string &iso) {
    return ymd(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
}
// start plus k months, the day clamped to the end of a shorter month.
chr::sys_days plus_months(chr::sys_days start, int k) {
    const chr::year_month_day t{start};
    const chr::year_month ym = chr::year_month{t.year(), t.month()} + chr::months{k};
    const chr::day last = chr::year_month_day_last{ym.year(), chr::month_day_last{ym.month()}}.day();
    return chr::sys_days{ym.year() / ym.month() / std::min(t.day(), last)};
}
std::string utc_text(std::int64_t s) {
    const std::string day = iso(day_of_seconds(s));
    const int m = minute_of_seconds(s);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00Z", day.c_str(), m / 60, m % 60);
    return buf;
}
std::string offset_text(std::int64_t utc, int offset_minutes) {
    const std::int64_t local = utc + std::int64_t{offset_minutes} * 60;
    const int m = minute_of_seconds(local);
    const int mag = std::abs(offset_minutes);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00%c%02d:%02d", iso(day_of_seconds(local)).c_str(), m / 60, m % 60,
                  offset_minutes < 0 ? '-' : '+', mag / 60, mag % 60);
    return buf;
}
int clock(const std::string &hhmm) { return std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2)); }

// --- Curricula and requests --------------------------------------------------------------------

// One skill of one hour, so that the path finishes on the first working day and the horizon is
// the target date.
std::string curriculum_text(const std::string &session_types, const std::string &programs) {
    return R"({"id": "t", "levels": ["none", "beginner"], "skills": [{"id": "a", "hours": 1}],
               "roles": [{"id": "r", "requires": {"a": 1}}], "session_types": [)" +
           session_types + R"(], "programs": [)" + programs + "]}";
}

const Curriculum &fixed() {
    static const Curriculum c = load_ok(curriculum_text(
        R"({"id": "coaching", "title": "Coaching", "minutes": 60, "every": {"weeks": 1}},
           {"id": "review", "title": "Review", "minutes": 90, "every": {"weeks": 2}},
           {"id": "planning", "title": "Planning", "minutes": 60, "every": {"months": 1}},
           {"id": "w1", "title": "Weekly", "minutes": 60, "every": {"weeks": 1}},
           {"id": "w2", "title": "Fortnightly", "minutes": 60, "every": {"weeks": 2}},
           {"id": "m1", "title": "Monthly", "minutes": 60, "every": {"months": 1}},
           {"id": "alt", "title": "Other weekly", "minutes": 60, "every": {"weeks": 1}})",
        R"({"id": "dst", "target_role": "r", "months": 12, "sessions": ["coaching", "review", "planning"]},
           {"id": "weekly", "target_role": "r", "months": 12, "sessions": ["w1"]},
           {"id": "fortnightly", "target_role": "r", "months": 12, "sessions": ["w2"]},
           {"id": "monthly", "target_role": "r", "months": 12, "sessions": ["m1"]},
           {"id": "all", "target_role": "r", "months": 12, "sessions": ["w1", "w2", "m1"]},
           {"id": "two", "target_role": "r", "months": 12, "sessions": ["w1", "alt"]},
           {"id": "monthly_first", "target_role": "r", "months": 12, "sessions": ["m1", "w1"]})"));
    return c;
}

Json slot(const char *weekday, const char *time) { return {{"weekday", weekday}, {"time", time}}; }
Json window(const char *weekday, const char *from, const char *to) {
    return {{"weekday", weekday}, {"from", from}, {"to", to}};
}

Json request(const char *program, const char *start, const char *target, const char *zone) {
    return {{"learner",
             {{"id", "lee"},
              {"time_zone", zone},
              {"hours_per_week", 10},
              {"workdays", {"mon", "tue", "wed", "thu", "fri"}},
              {"session_slots", Json::array()},
              {"time_off", Json::array()}}},
            {"program", program},
            {"start", start},
            {"target_date", target},
            {"holidays", Json::array()}};
}

PlannedRequest plan_ok(const Curriculum &c, const Json &r) {
    auto planned = plan_from_json(c, r.dump());
    if (!planned) FAIL(status_name(planned.error().status), " at ", planned.error().pointer, ": ", planned.error().message);
    return std::move(planned).value();
}

std::size_t held(const Plan &plan, std::size_t type) {
    std::size_t n = 0;
    for (const Session &s : plan.sessions) n += s.session_type == type && s.status != Session::Status::dropped;
    return n;
}

std::size_t type_index(const Curriculum &c, const std::string &id) {
    for (std::size_t i = 0; i < c.session_types().size(); ++i)
        if (c.session_types()[i].id == id) return i;
    FAIL("no session type ", id);
    return 0;
}

// --- 1. Daylight-saving changes ----------------------------------------------------------------

// The 2027 rules, written out: New York is UTC-5 before 2027-03-14 and from 2027-11-07, else
// UTC-4 (local dates, for daytime sessions); Berlin is UTC+2 from 2027-03-28T01:00Z to
// 2027-10-31T01:00Z, else UTC+1.
int new_york_offset(chr::sys_days local_day) {
    return (local_day < ymd(2027, 3, 14) || local_day >= ymd(2027, 11, 7)) ? -300 : -240;
}
int berlin_offset(std::int64_t utc) {
    return (utc >= epoch_seconds(ymd(2027, 3, 28), 60) && utc < epoch_seconds(ymd(2027, 10, 31), 60)) ? 120 : 60;
}
bool between_the_changes(chr::sys_days d) {
    return (d >= ymd(2027, 3, 14) && d < ymd(2027, 3, 28)) || (d >= ymd(2027, 10, 31) && d < ymd(2027, 11, 7));
}

}  // namespace

TEST_CASE("New York learner, Berlin mentor: every session across the 2027 changes is on a slot, in availability, off busy") {
    const Curriculum &c = fixed();
    Json r = request("dst", "2027-01-04", "2027-12-31", "America/New_York");
    // The learner's slots (New York) and the mentor's windows (Berlin). Six hours apart, every
    // slot is inside a window; five hours apart (between the US and the EU change), Tuesday 10:00
    // and Wednesday 12:00 fall an hour before their windows, Thursday and Friday stay inside.
    const std::vector<std::pair<int, int>> slots = {{1, 10 * 60}, {2, 12 * 60}, {3, 10 * 60}, {4, 9 * 60}};
    for (const auto &[day, minute] : slots) r["learner"]["session_slots"].push_back(slot(weekday_names[day], clock_text(minute).c_str()));
    struct Window { int weekday, from, to; };
    const std::vector<Window> available = {{1, 16 * 60, 18 * 60}, {2, 18 * 60, 19 * 60 + 30}, {3, 15 * 60, 17 * 60}, {4, 14 * 60, 16 * 60 + 30}};
    Json mentor = {{"id", "mia"}, {"time_zone", "Europe/Berlin"}, {"available", Json::array()}, {"busy", Json::array()}};
    for (const Window &w : available)
        mentor["available"].push_back(window(weekday_names[w.weekday], clock_text(w.from).c_str(), clock_text(w.to).c_str()));
    // Busy intervals, kept here as instants: Tuesday of the first week; Thursday of the first
    // week between the spring changes (10:00 New York is 15:00 Berlin then); a Tuesday in summer;
    // Thursday of the week between the autumn changes.
    const std::vector<std::pair<std::int64_t, std::int64_t>> busy = {
        {epoch_seconds(ymd(2027, 1, 5), 15 * 60), epoch_seconds(ymd(2027, 1, 5), 16 * 60)},
        {epoch_seconds(ymd(2027, 3, 18), 14 * 60), epoch_seconds(ymd(2027, 3, 18), 15 * 60)},
        {epoch_seconds(ymd(2027, 6, 1), 14 * 60 + 30), epoch_seconds(ymd(2027, 6, 1), 15 * 60)},
        {epoch_seconds(ymd(2027, 11, 4), 14 * 60), epoch_seconds(ymd(2027, 11, 4), 16 * 60)},
    };
    mentor["busy"].push_back({{"start", "2027-01-05T16:00:00+01:00"}, {"minutes", 60}});
    mentor["busy"].push_back({{"start", "2027-03-18T15:00:00+01:00"}, {"end", "2027-03-18T16:00:00+01:00"}});
    mentor["busy"].push_back({{"start", "2027-06-01T16:30:00+02:00"}, {"minutes", 30}});
    mentor["busy"].push_back({{"start", "2027-11-04T14:00:00Z"}, {"end", "2027-11-04T11:00:00-05:00"}});
    r["mentor"] = mentor;
    r["holidays"] = {"2027-07-06", {{"month", 11}, {"weekday", "thu"}, {"nth", 4}}};

    const PlannedRequest planned = plan_ok(c, r);
    const Plan &plan = planned.plan;
    const Json json = plan_to_json(c, planned.request, plan);
    REQUIRE(json["sessions"].size() == plan.sessions.size());

    std::vector<std::pair<std::int64_t, std::int64_t>> taken;  // [start, end) of every held session
    std::size_t held_count = 0, in_spring_gap = 0, in_autumn_gap = 0;
    for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
        const Session &s = plan.sessions[i];
        const Json &js = json["sessions"][i];
        if (s.status == Session::Status::dropped) {
            CHECK(js["start"].is_null());
            continue;
        }
        ++held_count;
        const std::string start = js["start"].get<std::string>();
        CAPTURE(start);
        REQUIRE(start.size() == 25);
        // The learner's wall time, from the text and from the struct.
        const chr::sys_days day = parse_day(start.substr(0, 10));
        const int minute = clock(start.substr(11, 5));
        CHECK(start.substr(16, 3) == ":00");
        CHECK(days_of(s.day) == day);
        CHECK(s.minute_of_day == minute);
        CHECK(std::find(slots.begin(), slots.end(), std::pair{weekday_mon0(day), minute}) != slots.end());
        CHECK(s.day >= s.window_first);
        CHECK(s.day <= s.window_last);
        // The offset of that date, by the hard-coded US rule.
        const int offset = new_york_offset(day);
        CHECK(start.substr(19) == (offset == -300 ? "-05:00" : "-04:00"));
        CHECK(s.offset_minutes == offset);
        // start_utc is start minus its offset.
        const std::int64_t utc = epoch_seconds(day, minute) - std::int64_t{offset} * 60;
        CHECK(s.start_utc == utc);
        CHECK(js["start_utc"].get<std::string>() == utc_text(utc));
        // In Berlin, by the hard-coded EU rule, inside one window of that weekday.
        const std::int64_t berlin = utc + std::int64_t{berlin_offset(utc)} * 60;
        const int bday = weekday_mon0(day_of_seconds(berlin));
        const int bfrom = minute_of_seconds(berlin), bto = bfrom + s.minutes;
        CHECK(std::any_of(available.begin(), available.end(),
                          [&](const Window &w) { return w.weekday == bday && w.from <= bfrom && bto <= w.to; }));
        const std::int64_t end = utc + std::int64_t{s.minutes} * 60;
        for (const auto &[bs, be] : busy) CHECK_FALSE((bs < end && utc < be));
        taken.emplace_back(utc, end);
        if (day >= ymd(2027, 3, 14) && day < ymd(2027, 3, 28)) ++in_spring_gap;
        if (day >= ymd(2027, 10, 31) && day < ymd(2027, 11, 7)) ++in_autumn_gap;
    }
    // Placed and moved sessions come in time order; no two overlap.
    for (std::size_t i = 1; i < taken.size(); ++i) {
        CHECK(taken[i - 1].first <= taken[i].first);
        CHECK(taken[i - 1].second <= taken[i].first);
    }
    CHECK(held_count > 60);
    CHECK(in_spring_gap >= 2);
    CHECK(in_autumn_gap >= 1);

    // Between the changes, Tuesday 10:00 and Wednesday 12:00 fall outside the mentor's hours;
    // outside those weeks the 60-minute coaching never finds them unavailable.
    std::size_t unavailable_between = 0, unavailable_elsewhere = 0;
    const std::size_t coaching = type_index(c, "coaching");
    for (const Session &s : plan.sessions) {
        if (s.status == Session::Status::placed) CHECK(s.why.empty());
        else CHECK_FALSE(s.why.empty());
        for (const ClosedSlot &slot : s.why) {
            if (slot.closure != SlotClosure::mentor_unavailable) continue;
            if (between_the_changes(days_of(slot.day))) ++unavailable_between;
            else if (s.session_type == coaching) ++unavailable_elsewhere;
        }
    }
    CHECK(unavailable_between >= 4);
    CHECK(unavailable_elsewhere == 0);
    // The coaching of the week of 2027-03-15 moved past Tuesday and Wednesday (unavailable) and
    // Thursday (busy) to Friday 09:00 New York time.
    bool found = false;
    for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
        const Session &s = plan.sessions[i];
        if (s.session_type != coaching || s.window_first != *Date::from_ymd(2027, 3, 15)) continue;
        found = true;
        CHECK(s.status == Session::Status::moved);
        CHECK(json["sessions"][i]["start"] == "2027-03-19T09:00:00-04:00");
        CHECK(json["sessions"][i]["start_utc"] == "2027-03-19T13:00:00Z");
        REQUIRE(s.why.size() >= 3);
        CHECK(s.why[0].closure == SlotClosure::mentor_unavailable);
        CHECK(s.why[1].closure == SlotClosure::mentor_unavailable);
        CHECK(s.why[2].closure == SlotClosure::mentor_busy);
    }
    CHECK(found);
}

// --- 2. Counts over a year ---------------------------------------------------------------------

namespace {

// The learner's days in the year from 2027-01-04: slots on Tuesday and Thursday, Monday to
// Friday worked. Holidays, as the rules below give them in 2027: 2027-02-23 (a date), 2027-02-25
// (the last Thursday of February), 2027-05-31 (the last Monday of May), 2027-11-23 (the fourth
// Tuesday of November), 2027-11-25 (the fourth Thursday), 2027-12-25 (a date, a Saturday),
// 2027-12-28 and 2027-12-30 (12-28 a month/day rule, 12-30 a date). Time off 2027-07-19 to
// 2027-08-01, a fortnight.
bool open_day(chr::sys_days d) {
    const int w = weekday_mon0(d);
    if (w != 1 && w != 3) return false;
    static const std::set<chr::sys_days> holidays = {ymd(2027, 2, 23), ymd(2027, 2, 25), ymd(2027, 5, 31), ymd(2027, 11, 23),
                                                     ymd(2027, 11, 25), ymd(2027, 12, 25), ymd(2027, 12, 28), ymd(2027, 12, 30)};
    if (holidays.count(d)) return false;
    return !(ymd(2027, 7, 19) <= d && d <= ymd(2027, 8, 1));
}

// The windows with at least one open day, walked by hand: weekly windows of 7n days from the
// start, or month windows from start plus k months to the day before start plus k+1 months;
// each clipped at the horizon, the last partial one included.
std::size_t open_windows(chr::sys_days start, chr::sys_days horizon, int weeks, int months) {
    std::size_t count = 0;
    for (int k = 0;; ++k) {
        const chr::sys_days first = weeks ? start + chr::days{7 * weeks * k} : plus_months(start, months * k);
        if (first > horizon) break;
        chr::sys_days last = weeks ? first + chr::days{7 * weeks - 1} : plus_months(start, months * (k + 1)) - chr::days{1};
        last = std::min(last, horizon);
        bool open = false;
        for (chr::sys_days d = first; d <= last; d += chr::days{1}) open = open || open_day(d);
        count += open;
    }
    return count;
}

Json year_request(const char *program) {
    Json r = request(program, "2027-01-04", "2028-01-04", "America/New_York");
    // Three slots a day on both days, so that three types never compete for a slot.
    for (const char *t : {"10:00", "12:00", "14:00"}) r["learner"]["session_slots"].push_back(slot("tue", t));
    for (const char *t : {"15:00", "17:00", "19:00"}) r["learner"]["session_slots"].push_back(slot("thu", t));
    r["learner"]["time_off"] = {{{"from", "2027-07-19"}, {"to", "2027-08-01"}}};
    r["holidays"] = {"2027-02-23",
                     {{"month", 2}, {"weekday", "thu"}, {"nth", -1}},
                     {{"month", 5}, {"weekday", "mon"}, {"nth", -1}},
                     {{"month", 11}, {"weekday", "tue"}, {"nth", 4}},
                     {{"month", 11}, {"weekday", "thu"}, {"nth", 4}},
                     "2027-12-25",
                     {{"month", 12}, {"day", 28}},
                     "2027-12-30"};
    return r;
}

}  // namespace

TEST_CASE("a year of weekly, fortnightly and monthly sessions: one per window with an open day") {
    const Curriculum &c = fixed();
    const chr::sys_days start = ymd(2027, 1, 4), horizon = ymd(2028, 1, 4);
    // By hand: 2027-01-04 to 2028-01-04 is 366 days.
    // Weekly: 52 weeks and 2 days, so 53 windows, the last 2028-01-03..01-04 (Tuesday 01-04 is
    // open). Closed: the weeks of 02-22 (both holidays), 07-19 and 07-26 (time off), 11-22 (both
    // holidays), 12-27 (both holidays): 53 - 5 = 48.
    // Fortnightly: 26 fortnights and 2 days, 27 windows. Closed: 07-19..08-01 only (each other
    // closed week shares its fortnight with an open one): 27 - 1 = 26.
    // Monthly: 12 months and 1 day, 13 windows (the last is 2028-01-04 alone), none closed: 13.
    CHECK(open_windows(start, horizon, 1, 0) == 48);
    CHECK(open_windows(start, horizon, 2, 0) == 26);
    CHECK(open_windows(start, horizon, 0, 1) == 13);

    struct Case { const char *program, *type; int weeks, months; std::size_t expected; };
    for (const Case &k : {Case{"weekly", "w1", 1, 0, 48}, Case{"fortnightly", "w2", 2, 0, 26}, Case{"monthly", "m1", 0, 1, 13}}) {
        CAPTURE(k.program);
        const PlannedRequest planned = plan_ok(c, year_request(k.program));
        CHECK(planned.plan.summary.finish < planned.request.target_date);
        const std::size_t placed = held(planned.plan, type_index(c, k.type));
        CHECK(placed == open_windows(start, horizon, k.weeks, k.months));
        CHECK(placed == k.expected);
        // Each held session on an open day of its own window; the dropped are those with none.
        for (const Session &s : planned.plan.sessions) {
            if (s.status == Session::Status::dropped) {
                for (chr::sys_days d = days_of(s.window_first); d <= days_of(s.window_last); d += chr::days{1})
                    CHECK_FALSE(open_day(d));
                continue;
            }
            CHECK(open_day(days_of(s.day)));
            CHECK(s.window_first <= s.day);
            CHECK(s.day <= s.window_last);
        }
    }

    // Month windows from the 31st: each from the start plus k months, clamped, never drifting.
    // 13 windows, 2027-01-31..02-27, 02-28..03-30, 03-31..04-29, ..., 2027-12-31..2028-01-30 and
    // 2028-01-31 alone, a Monday: 12 open.
    {
        Json r = year_request("monthly");
        r["start"] = "2027-01-31";
        r["target_date"] = "2028-01-31";
        const chr::sys_days from31 = ymd(2027, 1, 31), to31 = ymd(2028, 1, 31);
        const PlannedRequest planned = plan_ok(c, r);
        CHECK(open_windows(from31, to31, 0, 1) == 12);
        CHECK(held(planned.plan, type_index(c, "m1")) == 12);
        CHECK(planned.plan.sessions.size() == 13);
        for (const Session &s : planned.plan.sessions) {
            const int k = static_cast<int>(s.occurrence);
            CAPTURE(k);
            CHECK(iso(days_of(s.window_first)) == iso(plus_months(from31, k)));
            CHECK(iso(days_of(s.window_last)) == iso(std::min(plus_months(from31, k + 1) - chr::days{1}, to31)));
        }
        CHECK(iso(plus_months(from31, 2)) == "2027-03-31");
    }

    // All three in one program: with three slots on each open day nothing competes away.
    const PlannedRequest all = plan_ok(c, year_request("all"));
    CHECK(held(all.plan, type_index(c, "w1")) == 48);
    CHECK(held(all.plan, type_index(c, "w2")) == 26);
    CHECK(held(all.plan, type_index(c, "m1")) == 13);
    std::size_t total = 0;
    for (const Session &s : all.plan.sessions) total += s.status != Session::Status::dropped;
    CHECK(total == 48 + 26 + 13);
    // A slot given to one type shows as "taken" in the others' `why`, but none is dropped for it.
    for (const Session &s : all.plan.sessions)
        if (s.status == Session::Status::dropped)
            for (const ClosedSlot &slot : s.why) CHECK(slot.closure != SlotClosure::taken);
}

// --- 3. Earliest deadline first against exhaustive search --------------------------------------

namespace {

struct Zone { const char *name; int offset; };

struct RandomCase {
    std::string curriculum;
    Json request;
    chr::sys_days start;
    int learner_offset = 0;
    std::array<bool, 7> workdays{};
    std::vector<std::pair<int, int>> slots;  // weekday, minute
    std::set<chr::sys_days> holidays, time_off;
    bool has_mentor = false;
    int mentor_offset = 0;
    std::array<std::array<bool, 1440>, 7> covered{};  // the mentor's minutes, per weekday
    std::vector<std::pair<std::int64_t, std::int64_t>> busy;
};

RandomCase random_case(std::mt19937 &rng) {
    auto pick = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1)); };
    RandomCase k;
    k.start = ymd(2027, 1, 4) + chr::days{pick(0, 400)};
    const int days = pick(14, 42);
    const chr::sys_days target = k.start + chr::days{days - 1};

    std::string types, names;
    const int type_count = pick(1, 3);
    for (int t = 0; t < type_count; ++t) {
        std::string every;
        switch (pick(0, 3)) {
        case 0: every = R"("every": {"weeks": 1})"; break;
        case 1: every = R"("every": {"weeks": 2})"; break;
        case 2: every = R"("every": {"months": 1})"; break;
        default:
            every = R"("as_needed": {"weeks_before_target": )" + std::to_string(pick(1, 3)) + R"(, "count": )" +
                    std::to_string(pick(1, 2)) + "}";
        }
        const std::string id = "t" + std::to_string(t);
        types += (t ? ", " : "") + (R"({"id": ")" + id + R"(", "minutes": 60, )" + every + "}");
        names += (t ? ", \"" : "\"") + id + "\"";
    }
    k.curriculum = curriculum_text(types, R"({"id": "p", "target_role": "r", "months": 2, "sessions": [)" + names + "]}");

    static const Zone learner_zones[] = {{"UTC", 0}, {"<-05>5", -300}, {"<+02>-2", 120}};
    static const Zone mentor_zones[] = {{"UTC", 0}, {"<+01>-1", 60}, {"<+0530>-5:30", 330}, {"<-03>3", -180}, {"<+09>-9", 540}, {"<-08>8", -480}};
    const Zone lz = learner_zones[pick(0, 2)];
    k.learner_offset = lz.offset;
    k.request = request("p", iso(k.start).c_str(), iso(target).c_str(), lz.name);
    k.request["learner"]["hours_per_week"] = 40;
    Json workdays = Json::array();
    for (int d = 0; d < 7; ++d) {
        k.workdays[d] = pick(0, 5) != 0;
    }
    if (std::none_of(k.workdays.begin(), k.workdays.end(), [](bool b) { return b; })) k.workdays[pick(0, 6)] = true;
    for (int d = 0; d < 7; ++d)
        if (k.workdays[d]) workdays.push_back(weekday_names[d]);
    k.request["learner"]["workdays"] = workdays;
    const int slot_count = pick(1, 5);
    for (int i = 0; i < slot_count; ++i) {
        const int day = pick(0, 6), minute = 8 * 60 + 30 * pick(0, 28);  // 08:00 to 22:00
        k.slots.emplace_back(day, minute);
        if (pick(0, 2) == 0 && minute <= 22 * 60) k.slots.emplace_back(day, minute + 30);  // overlapping times
    }
    for (const auto &[day, minute] : k.slots)
        k.request["learner"]["session_slots"].push_back(slot(weekday_names[day], clock_text(minute).c_str()));

    for (int h = pick(0, 2); h > 0; --h) {
        const chr::sys_days d = k.start + chr::days{pick(0, days - 1)};
        k.holidays.insert(d);
        k.request["holidays"].push_back(iso(d));
    }
    if (pick(0, 4) == 0) {
        const chr::sys_days d = k.start + chr::days{pick(0, days - 1)};
        const chr::year_month_day t{d};
        k.holidays.insert(d);
        k.request["holidays"].push_back({{"month", static_cast<unsigned>(t.month())}, {"day", static_cast<unsigned>(t.day())}});
    }
    if (pick(0, 2) == 0) {
        const chr::sys_days from = k.start + chr::days{pick(0, days - 1)}, to = from + chr::days{pick(0, 4)};
        for (chr::sys_days d = from; d <= to; d += chr::days{1}) k.time_off.insert(d);
        k.request["learner"]["time_off"].push_back({{"from", iso(from)}, {"to", iso(to)}});
    }

    k.has_mentor = pick(0, 6) != 0;
    if (k.has_mentor) {
        const Zone mz = mentor_zones[pick(0, 5)];
        k.mentor_offset = mz.offset;
        Json mentor = {{"id", "m"}, {"time_zone", mz.name}, {"available", Json::array()}, {"busy", Json::array()}};
        // Windows around some of the learner's slots (so that most cases hold sessions), and
        // random ones.
        for (const auto &[day, minute] : k.slots) {
            if (pick(0, 3) == 0) continue;
            const int at = day * 1440 + minute - k.learner_offset + mz.offset + 7 * 1440;
            const int mday = at / 1440 % 7, from = std::max(0, at % 1440 - 30 * pick(0, 3));
            const int to = std::min(24 * 60, at % 1440 + 30 * pick(1, 4));
            for (int m = from; m < to; ++m) k.covered[mday][m] = true;
            mentor["available"].push_back(
                window(weekday_names[mday], clock_text(from).c_str(), to == 24 * 60 ? "24:00" : clock_text(to).c_str()));
        }
        for (int w = pick(0, 3); w > 0; --w) {
            const int day = pick(0, 6), from = 30 * pick(0, 46), to = std::min(24 * 60, from + 30 * pick(1, 20));
            for (int m = from; m < to; ++m) k.covered[day][m] = true;
            mentor["available"].push_back(
                window(weekday_names[day], clock_text(from).c_str(), to == 24 * 60 ? "24:00" : clock_text(to).c_str()));
        }
        for (int b = pick(0, 3); b > 0; --b) {
            const std::int64_t s = epoch_seconds(k.start) + std::int64_t{15 * 60} * pick(0, days * 96);
            const std::int64_t e = s + std::int64_t{15 * 60} * pick(1, 12);
            k.busy.emplace_back(s, e);
            Json interval = {{"start", pick(0, 1) ? offset_text(s, mz.offset) : utc_text(s)}};
            if (pick(0, 1)) interval["minutes"] = (e - s) / 60;
            else interval["end"] = offset_text(e, mz.offset);
            mentor["busy"].push_back(interval);
        }
        k.request["mentor"] = mentor;
    }
    return k;
}

// What closes a slot instance by the simple model, the learner's other sessions aside: a day
// that is not worked, a holiday, time off (a day both holiday and time off may be called
// either), then the hour from the slot not inside the mentor's covered minutes of the mentor's
// weekday (or crossing the mentor's midnight), then a busy interval overlapping it. Empty if open.
std::set<SlotClosure> model_closure(const RandomCase &k, chr::sys_days d, int minute) {
    const int w = weekday_mon0(d);
    if (!k.workdays[w]) return {SlotClosure::not_a_workday};
    std::set<SlotClosure> day;
    if (k.holidays.count(d)) day.insert(SlotClosure::holiday);
    if (k.time_off.count(d)) day.insert(SlotClosure::time_off);
    if (!day.empty() || !k.has_mentor) return day;
    const std::int64_t utc = epoch_seconds(d, minute) - std::int64_t{k.learner_offset} * 60;
    const std::int64_t local = utc + std::int64_t{k.mentor_offset} * 60;
    const int mw = weekday_mon0(day_of_seconds(local)), mm = minute_of_seconds(local);
    bool inside = mm + 60 <= 24 * 60;
    for (int m = mm; inside && m < mm + 60; ++m) inside = k.covered[mw][m];
    if (!inside) return {SlotClosure::mentor_unavailable};
    for (const auto &[bs, be] : k.busy)
        if (bs < utc + 3600 && utc < be) return {SlotClosure::mentor_busy};
    return {};
}

std::int64_t slot_utc(const RandomCase &k, chr::sys_days d, int minute) {
    return epoch_seconds(d, minute) - std::int64_t{k.learner_offset} * 60;
}

// The learner's slot instances of a window, (day, minute) without repeats, in time order.
std::vector<std::pair<chr::sys_days, int>> window_slots(const RandomCase &k, chr::sys_days first, chr::sys_days last) {
    std::vector<std::pair<chr::sys_days, int>> out;
    for (chr::sys_days d = first; d <= last; d += chr::days{1}) {
        std::set<int> minutes;
        for (const auto &[day, minute] : k.slots)
            if (day == weekday_mon0(d)) minutes.insert(minute);
        for (int m : minutes) out.emplace_back(d, m);
    }
    return out;
}

// The open slot instances (UTC seconds) of a window.
std::vector<std::int64_t> open_slots(const RandomCase &k, chr::sys_days first, chr::sys_days last) {
    std::set<std::int64_t> out;
    for (const auto &[d, minute] : window_slots(k, first, last))
        if (model_closure(k, d, minute).empty()) out.insert(slot_utc(k, d, minute));
    return {out.begin(), out.end()};
}

// The most occurrences that can be held at once, each at one of its open slots, no two within
// an hour of each other: backtracking, bounded by the occurrences left.
std::size_t exhaustive_max(const std::vector<std::vector<std::int64_t>> &candidates) {
    std::size_t best = 0;
    std::vector<std::int64_t> chosen;
    std::function<void(std::size_t)> search = [&](std::size_t i) {
        if (chosen.size() + (candidates.size() - i) <= best) return;
        if (i == candidates.size()) {
            best = chosen.size();
            return;
        }
        for (std::int64_t t : candidates[i]) {
            if (std::any_of(chosen.begin(), chosen.end(), [&](std::int64_t u) { return std::llabs(u - t) < 3600; })) continue;
            chosen.push_back(t);
            search(i + 1);
            chosen.pop_back();
        }
        search(i + 1);
    };
    search(0);
    return best;
}

}  // namespace

TEST_CASE("sessions of one length: as many placed as exhaustive search finds, each at an open slot") {
    std::mt19937 rng(20270104);
    const int wanted = 600;
    int cases = 0, with_drops = 0, with_competition = 0, skipped = 0, with_mentor = 0;
    std::size_t placed_total = 0, dropped_total = 0;
    while (cases < wanted) {
        RandomCase k = random_case(rng);
        const Curriculum c = load_ok(k.curriculum);
        const PlannedRequest planned = plan_ok(c, k.request);
        const std::vector<Session> &sessions = planned.plan.sessions;
        if (sessions.size() > 10 || sessions.empty()) {
            ++skipped;
            continue;
        }
        std::vector<std::vector<std::int64_t>> candidates;
        std::set<std::int64_t> instances;  // every open slot of every window
        for (const Session &s : sessions) {
            candidates.push_back(open_slots(k, days_of(s.window_first), days_of(s.window_last)));
            instances.insert(candidates.back().begin(), candidates.back().end());
        }
        if (instances.size() > 20) {
            ++skipped;
            continue;
        }
        ++cases;
        with_mentor += k.has_mentor;
        CAPTURE(cases);
        CAPTURE(k.request.dump());
        CAPTURE(k.curriculum);
        std::size_t placed = 0;
        std::vector<std::int64_t> starts;
        for (std::size_t i = 0; i < sessions.size(); ++i) {
            const Session &s = sessions[i];
            CHECK(s.minutes == 60);
            // Each slot of the window before the one used (all of them if dropped) is in `why`,
            // closed by what the model says, or taken where the model finds it open.
            const auto all = window_slots(k, days_of(s.window_first), days_of(s.window_last));
            std::size_t expected_why = 0;
            for (const auto &[d, minute] : all)
                expected_why += s.status == Session::Status::dropped || slot_utc(k, d, minute) < s.start_utc;
            // The earliest max_reasons_listed are listed, the rest counted.
            CHECK(s.why.size() == std::min(expected_why, max_reasons_listed));
            CHECK(s.why.size() + s.why_more == expected_why);
            for (const ClosedSlot &slot : s.why) {
                const std::set<SlotClosure> model = model_closure(k, days_of(slot.day), slot.minute_of_day);
                CAPTURE(slot.detail);
                CHECK(slot.start_utc == slot_utc(k, days_of(slot.day), slot.minute_of_day));
                if (model.empty()) CHECK(slot.closure == SlotClosure::taken);
                else CHECK(model.count(slot.closure) == 1);
            }
            CHECK((s.status == Session::Status::placed) == (s.status != Session::Status::dropped && s.why.empty()));
            if (s.status == Session::Status::dropped) continue;
            ++placed;
            CHECK(std::find(candidates[i].begin(), candidates[i].end(), s.start_utc) != candidates[i].end());
            for (std::int64_t u : starts) CHECK(std::llabs(u - s.start_utc) >= 3600);
            starts.push_back(s.start_utc);
        }
        const std::size_t best = exhaustive_max(candidates);
        CHECK(placed == best);
        // Each dropped occurrence in exactly one warning, the one of its cause.
        const auto counted = careerpath_test::check_warnings_grouped(c, planned.request, planned.plan);
        CHECK(counted.of("session_dropped") == sessions.size() - placed);
        placed_total += placed;
        dropped_total += sessions.size() - placed;
        with_drops += placed < sessions.size();
        // Drops that the rule decided: an occurrence with an open slot that still lost out.
        bool competed = false;
        for (std::size_t i = 0; i < sessions.size(); ++i)
            competed = competed || (sessions[i].status == Session::Status::dropped && !candidates[i].empty());
        with_competition += competed;
    }
    MESSAGE(cases << " random cases (" << with_mentor << " with a mentor, " << skipped << " generated and skipped as too big); "
                  << with_drops << " had drops (" << with_competition << " where an occurrence with an open slot lost out); " << placed_total << " occurrences placed, " << dropped_total << " dropped");
    CHECK(with_drops >= 100);
    CHECK(with_drops <= cases - 100);
    CHECK(with_competition >= 30);
}

// --- 4. Why an occurrence is dropped -----------------------------------------------------------

namespace {

// One week, 2027-01-04 to 2027-01-10, in UTC; slots Tuesday and Thursday at 10:00.
Json one_week(const char *program = "weekly") {
    Json r = request(program, "2027-01-04", "2027-01-10", "UTC");
    r["learner"]["session_slots"] = {slot("tue", "10:00"), slot("thu", "10:00")};
    return r;
}
Json utc_mentor() {
    return {{"id", "mo"}, {"time_zone", "UTC"}, {"available", {window("tue", "09:00", "12:00"), window("thu", "09:00", "12:00")}},
            {"busy", Json::array()}};
}

// The one dropped occurrence, its warning, and every slot closed by `closure`.
void check_dropped_by(const Json &r, const char *closure, std::size_t why_count = 2) {
    const Curriculum &c = fixed();
    const PlannedRequest planned = plan_ok(c, r);
    const Json json = plan_to_json(c, planned.request, planned.plan);
    std::size_t dropped = 0;
    for (const Json &s : json["sessions"]) {
        if (s["status"] != "dropped") continue;
        ++dropped;
        CHECK(s["start"].is_null());
        REQUIRE(s["why"].size() == why_count);
        for (const Json &w : s["why"]) CHECK(w["closed_by"] == closure);
    }
    CHECK(dropped == 1);
    std::size_t warnings = 0;
    for (const PlanWarning &w : planned.plan.warnings) {
        if (w.code != "session_dropped") continue;
        ++warnings;
        CHECK(w.constraint == closure);
        CHECK(w.message.find(closure) != std::string::npos);
        REQUIRE(w.dates.size() == 2);
        CHECK(w.dates[0].iso() == "2027-01-04");
        CHECK(w.dates[1].iso() == "2027-01-10");
    }
    CHECK(warnings == 1);
    for (const Json &w : json["warnings"])
        if (w["code"] == "session_dropped") CHECK(w["constraint"] == closure);
    careerpath_test::check_warnings_grouped(c, planned.request, planned.plan);
}

}  // namespace

TEST_CASE("slot_closure_named reads back every name to_string gives, and nothing else") {
    int kinds = 0;
    for (int k = 0; k <= static_cast<int>(SlotClosure::mentor_hours); ++k, ++kinds) {
        const auto kind = static_cast<SlotClosure>(k);
        CAPTURE(to_string(kind));
        CHECK(std::string(to_string(kind)) != "unknown");
        REQUIRE(slot_closure_named(to_string(kind)));
        CHECK(*slot_closure_named(to_string(kind)) == kind);
    }
    CHECK(kinds == 9);
    // mentor_hours is the last kind: one past it has no name, so a kind added after it fails here
    // until both functions know it.
    CHECK(std::string(to_string(static_cast<SlotClosure>(kinds))) == "unknown");
    for (const char *other : {"", "unknown", "Holiday", "holiday ", "mentor_booked,", "taken2"})
        CHECK_FALSE(slot_closure_named(other));
}

TEST_CASE("dropped by holidays") {
    Json r = one_week();
    r["holidays"] = {"2027-01-05", {{"month", 1}, {"weekday", "thu"}, {"nth", 1}}};  // 01-07 is the first Thursday
    check_dropped_by(r, "holiday");
}

TEST_CASE("dropped by time off") {
    Json r = one_week();
    r["learner"]["time_off"] = {{{"from", "2027-01-05"}, {"to", "2027-01-07"}}};
    check_dropped_by(r, "time_off");
}

TEST_CASE("dropped by the mentor's busy intervals") {
    Json r = one_week();
    r["mentor"] = utc_mentor();
    r["mentor"]["busy"] = {{{"start", "2027-01-05T11:30:00+01:00"}, {"minutes", 30}},           // 10:30-11:00Z
                           {{"start", "2027-01-07T09:00:00Z"}, {"end", "2027-01-07T05:01:00-05:00"}}};  // 09:00-10:01Z
    check_dropped_by(r, "mentor_busy");
    // Touching is not overlapping: a busy hour ending at 10:00 leaves Tuesday open.
    r["mentor"]["busy"][0] = {{"start", "2027-01-05T09:00:00Z"}, {"minutes", 60}};
    const PlannedRequest planned = plan_ok(fixed(), r);
    REQUIRE(planned.plan.sessions.size() == 1);
    CHECK(planned.plan.sessions[0].status == Session::Status::placed);
    CHECK(planned.plan.sessions[0].day.iso() == "2027-01-05");
}

TEST_CASE("dropped because the mentor is not available") {
    Json r = one_week();
    r["mentor"] = utc_mentor();
    // Tuesday's window ends before the hour does; Thursday has none.
    r["mentor"]["available"] = {window("tue", "09:00", "10:59"), window("wed", "09:00", "12:00")};
    check_dropped_by(r, "mentor_unavailable");
}

TEST_CASE("dropped because the slot was taken by another session") {
    Json r = one_week("two");
    r["learner"]["session_slots"] = {slot("tue", "10:00"), slot("tue", "10:30")};
    // Both of Tuesday's slots: 10:00 goes to w1 (program order), 10:30 overlaps it.
    check_dropped_by(r, "taken");
    const PlannedRequest planned = plan_ok(fixed(), r);
    REQUIRE(planned.plan.sessions.size() == 2);
    CHECK(planned.plan.sessions[0].session_type == type_index(fixed(), "w1"));
    CHECK(planned.plan.sessions[1].session_type == type_index(fixed(), "alt"));
    CHECK(planned.plan.sessions[1].why[0].detail.find("w1") != std::string::npos);
}

TEST_CASE("dropped sessions: one warning per cause, counting the occurrences of each type") {
    // Two weeks, slots Tuesday and Thursday. Week one's are holidays, week two's time off. The
    // weekly occurrences lose their week's slots, one to holidays and one to time off; the
    // fortnightly and the monthly ones (their windows cut at the target date) lose all four:
    // three causes, four occurrences.
    Json r = request("all", "2027-01-04", "2027-01-17", "UTC");
    r["learner"]["session_slots"] = {slot("tue", "10:00"), slot("thu", "10:00")};
    r["holidays"] = {"2027-01-05", "2027-01-07"};
    r["learner"]["time_off"] = {{{"from", "2027-01-12"}, {"to", "2027-01-14"}}};
    const Curriculum &c = fixed();
    const PlannedRequest planned = plan_ok(c, r);
    const Plan &plan = planned.plan;
    REQUIRE(plan.sessions.size() == 4);
    const auto counted = careerpath_test::check_warnings_grouped(c, planned.request, plan);
    CHECK(counted.of("session_dropped") == 4);

    // By first date, then by the cause: "holiday" before "holiday, time_off".
    REQUIRE(plan.warnings.size() == 3);
    const PlanWarning &holiday = plan.warnings[0], &both = plan.warnings[1], &time_off = plan.warnings[2];
    CHECK(holiday.constraint == "holiday");
    CHECK(holiday.message == "Weekly #1 is dropped (window 2027-01-04 to 2027-01-10): no slot of its window could "
                             "hold it; each was on a holiday (holiday)");
    CHECK(both.constraint == "holiday, time_off");
    CHECK(both.count == 2);
    CHECK(both.dates == std::vector<Date>{*Date::from_ymd(2027, 1, 4), *Date::from_ymd(2027, 1, 17)});
    CHECK(both.message == "2 sessions are dropped (Fortnightly: 1 of 1, Monthly: 1 of 1) in windows from 2027-01-04 "
                          "to 2027-01-17: no slot of their windows could hold them; each was on a holiday (holiday) "
                          "or in the learner's time off (time_off)");
    CHECK(time_off.constraint == "time_off");
    CHECK(time_off.message.find("Weekly #2 is dropped (window 2027-01-11 to 2027-01-17)") == 0);
    CHECK(time_off.message.find("in the learner's time off (time_off)") != std::string::npos);

    // The document: each warning's occurrences by type id and number, from 1 as in `sessions`;
    // each dropped session keeps its own reasons.
    const Json json = plan_to_json(c, planned.request, plan);
    CHECK(json["warnings"][1]["sessions"] ==
          Json::parse(R"([{"occurrence": 1, "type": "w2"}, {"occurrence": 1, "type": "m1"}])"));
    CHECK(json["warnings"][1]["count"] == 2);
    CHECK(json["warnings"][1]["units"] == Json::array());
    CHECK(json["warnings"][1]["phases"] == Json::array());
    for (const Json &s : json["sessions"]) CHECK(s["why"].size() == (s["type"] == "w1" ? 2u : 4u));
}

TEST_CASE("a learner without session slots: one no_session_slots warning") {
    Json r = one_week("all");
    r["learner"]["session_slots"] = Json::array();
    const PlannedRequest planned = plan_ok(fixed(), r);
    CHECK(planned.plan.sessions.size() == 3);
    for (const Session &s : planned.plan.sessions) {
        CHECK(s.status == Session::Status::dropped);
        CHECK(s.why.empty());
    }
    std::size_t none = 0, dropped = 0;
    for (const PlanWarning &w : planned.plan.warnings) {
        none += w.code == "no_session_slots";
        dropped += w.code == "session_dropped";
        if (w.code == "no_session_slots") CHECK(w.constraint == "learner.session_slots");
    }
    CHECK(none == 1);
    CHECK(dropped == 0);
    const auto counted = careerpath_test::check_warnings_grouped(fixed(), planned.request, planned.plan);
    CHECK(counted.of("no_session_slots") == 3);
}

// --- Wall times that a daylight-saving change skips or repeats (RFC 5545 section 3.3.5) -------

TEST_CASE("a slot in the skipped hour is read with the offset before the gap; a repeated one is the first") {
    const Curriculum &c = fixed();
    auto first_start = [&](Json r) {
        const PlannedRequest planned = plan_ok(c, r);
        const Json json = plan_to_json(c, planned.request, planned.plan);
        REQUIRE(!json["sessions"].empty());
        return json["sessions"][0];
    };
    Json r = request("weekly", "2027-03-08", "2027-03-14", "America/New_York");
    r["learner"]["workdays"] = {"sun"};
    r["learner"]["session_slots"] = Json::array({slot("sun", "02:30")});
    // 02:30 does not exist on 2027-03-14: read at -05:00, it is 07:30Z, which is 03:30 EDT.
    Json s = first_start(r);
    CHECK(s["status"] == "placed");
    CHECK(s["start"] == "2027-03-14T03:30:00-04:00");
    CHECK(s["start_utc"] == "2027-03-14T07:30:00Z");

    r = request("weekly", "2027-11-01", "2027-11-07", "America/New_York");
    r["learner"]["workdays"] = {"sun"};
    r["learner"]["session_slots"] = Json::array({slot("sun", "01:30")});
    // 01:30 happens twice on 2027-11-07: the first, at -04:00.
    s = first_start(r);
    CHECK(s["start"] == "2027-11-07T01:30:00-04:00");
    CHECK(s["start_utc"] == "2027-11-07T05:30:00Z");

    // 02:00 and 03:00 on 2027-03-14 are the same instant: the second slot is taken by the first.
    r = request("two", "2027-03-08", "2027-03-14", "America/New_York");
    r["learner"]["workdays"] = {"sun"};
    r["learner"]["session_slots"] = {slot("sun", "02:00"), slot("sun", "03:00")};
    const PlannedRequest planned = plan_ok(c, r);
    REQUIRE(planned.plan.sessions.size() == 2);
    CHECK(planned.plan.sessions[0].status == Session::Status::placed);
    CHECK(planned.plan.sessions[0].start_utc == epoch_seconds(ymd(2027, 3, 14), 7 * 60));
    CHECK(planned.plan.sessions[1].status == Session::Status::dropped);
    for (const ClosedSlot &slot : planned.plan.sessions[1].why) CHECK(slot.closure == SlotClosure::taken);
}

TEST_CASE("ties on the window end: the shorter interval first, then the program's order") {
    const Curriculum &c = fixed();
    // One week: the weekly window and the monthly one (clipped by the horizon) both end on
    // 2027-01-10. One slot: the weekly type (7 days) wins although the program lists the
    // monthly one (31 days) first.
    Json r = one_week("monthly_first");
    r["learner"]["session_slots"] = Json::array({slot("tue", "10:00")});  // not {x}: clang copies x
    PlannedRequest planned = plan_ok(c, r);
    REQUIRE(planned.plan.sessions.size() == 2);
    CHECK(planned.plan.sessions[0].session_type == type_index(c, "w1"));
    CHECK(planned.plan.sessions[0].status == Session::Status::placed);
    CHECK(planned.plan.sessions[1].session_type == type_index(c, "m1"));
    CHECK(planned.plan.sessions[1].status == Session::Status::dropped);
    // Same interval: the program's order.
    r = one_week("two");
    r["learner"]["session_slots"] = Json::array({slot("tue", "10:00")});  // not {x}: clang copies x
    planned = plan_ok(c, r);
    REQUIRE(planned.plan.sessions.size() == 2);
    CHECK(planned.plan.sessions[0].session_type == type_index(c, "w1"));
    CHECK(planned.plan.sessions[1].session_type == type_index(c, "alt"));
    CHECK(planned.plan.sessions[1].status == Session::Status::dropped);
}

TEST_CASE("a dropped session lists its earliest closed slots and counts the rest, so a plan stays small") {
    // One session a year, ten slots a week on each of seven days, and a mentor who is never
    // free: each yearly window closes 52 x 70 slots. Every closed slot used to be listed.
    const Curriculum c = load_ok(R"({"id": "t", "levels": ["none", "beginner"], "skills": [{"id": "a", "hours": 1}],
        "roles": [{"id": "r", "requires": {"a": 1}}],
        "session_types": [{"id": "yearly", "minutes": 60, "every": {"weeks": 52}},
                          {"id": "weekly", "minutes": 60, "every": {"weeks": 1}}],
        "programs": [{"id": "p", "target_role": "r", "months": 12, "sessions": ["yearly"]},
                     {"id": "w", "target_role": "r", "months": 120, "sessions": ["weekly"]}]})");
    // `per_day` slots on each day of the week, every `step` minutes from 08:00.
    auto slots = [](int per_day, int step) {
        std::string out;
        char time[16]; // room for any int pair, so the compiler sees nothing cut
        for (const char *day : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
            for (int k = 0; k < per_day; ++k) {
                std::snprintf(time, sizeof time, "%02d:%02d", (480 + k * step) / 60, (480 + k * step) % 60);
                out += std::string(out.empty() ? "" : ",") + R"({"weekday": ")" + day + R"(", "time": ")" + time + R"("})";
            }
        return out;
    };
    auto request = [&](const std::string &program, const std::string &slot_list, const std::string &more = "") {
        return R"({)" + more + R"("learner": {"id": "l", "time_zone": "UTC", "hours_per_week": 40,
                   "workdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "session_slots": [)" +
               slot_list + R"(]}, "program": ")" + program + R"(", "start": "2027-01-04",
                   "mentor": {"id": "m", "time_zone": "UTC", "available": [{"weekday": "mon", "from": "00:00", "to": "00:30"}]}})";
    };

    const auto planned = plan_from_json(c, request("p", slots(10, 60)));
    REQUIRE(planned.has_value());
    const Plan &plan = planned.value().plan;
    REQUIRE_FALSE(plan.sessions.empty());
    const Session &s = plan.sessions[0];  // the first year's window
    CHECK(s.status == Session::Status::dropped);
    CHECK(s.why.size() == max_reasons_listed);
    CHECK(s.why.size() + s.why_more == 52 * 70);
    CHECK(s.closed_by == std::vector<SlotClosure>{SlotClosure::mentor_unavailable});
    for (std::size_t i = 1; i < s.why.size(); ++i) CHECK(s.why[i - 1].start_utc < s.why[i].start_utc);  // the earliest
    const std::string text = plan_to_json_text(c, planned.value().request, plan);
    CHECK(text.find("\"why_more\":" + std::to_string(52 * 70 - max_reasons_listed)) != std::string::npos);
    // Both yearly occurrences are dropped for one cause: one warning, which counts them; the
    // slots they lost are each session's `why` and `why_more`, not the warning's.
    REQUIRE(plan.warnings.size() == 1);
    CHECK(plan.warnings[0].constraint == "mentor_unavailable");
    CHECK(plan.warnings[0].count == plan.sessions.size());
    CHECK(plan.warnings[0].message.find(std::to_string(plan.sessions.size()) + " sessions are dropped") == 0);
    CHECK(text.size() < 100 * 1000);

    // Twenty-two years of weekly sessions, none placed: 1,148 windows of 196 slots each, so that
    // the plan's cap is met before every window has listed its 100.
    const auto weekly = plan_from_json(c, request("w", slots(28, 30), R"("target_date": "2049-01-04", )"));
    REQUIRE(weekly.has_value());
    std::size_t listed = 0, counted = 0;
    for (const Session &w : weekly.value().plan.sessions) listed += w.why.size(), counted += w.why.size() + w.why_more;
    CHECK(weekly.value().plan.sessions.size() > max_reasons_listed_per_plan / max_reasons_listed);
    CHECK(listed == max_reasons_listed_per_plan);
    CHECK(counted > listed);  // every window closes its 196 slots (the last one fewer, cut by the horizon)
    CHECK(counted >= (weekly.value().plan.sessions.size() - 1) * 196);
}
