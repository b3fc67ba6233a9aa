// Calendar arithmetic for the tests that check the library's dates and times, written with
// std::chrono alone so that the check does not share code with what it checks (the library's
// dates go through Boost.Date_Time and its own time-zone code).
#pragma once

#include <careerpath/date.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace careerpath_test::civil {

namespace chr = std::chrono;

inline chr::sys_days ymd(int y, int m, int d) {
    return chr::sys_days{chr::year{y} / chr::month{static_cast<unsigned>(m)} / chr::day{static_cast<unsigned>(d)}};
}
inline chr::sys_days days_of(careerpath::Date d) { return ymd(d.year(), d.month(), d.day()); }
inline std::string iso(chr::sys_days d) {
    const chr::year_month_day t{d};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(t.year()), static_cast<unsigned>(t.month()),
                  static_cast<unsigned>(t.day()));
    return buf;
}
/// Monday 0 to Sunday 6, as the documents' weekdays count.
inline int weekday_mon0(chr::sys_days d) { return static_cast<int>((chr::weekday{d}.c_encoding() + 6) % 7); }
/// Seconds since the epoch of `minute_of_day` minutes into day `d`.
inline std::int64_t epoch_seconds(chr::sys_days d, std::int64_t minute_of_day = 0) {
    return std::int64_t{d.time_since_epoch().count()} * 86'400 + minute_of_day * 60;
}
inline chr::sys_days day_of_seconds(std::int64_t s) {
    std::int64_t days = s / 86'400;
    if (s % 86'400 < 0) --days;
    return chr::sys_days{chr::days{days}};
}
inline int minute_of_seconds(std::int64_t s) { return static_cast<int>(((s % 86'400) + 86'400) % 86'400 / 60); }
/// "HH:MM" of a minute of the day.
inline std::string clock_text(int minute) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
    return buf;
}
inline const char *const weekday_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

}  // namespace careerpath_test::civil
