#include "report_words.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <utility>

CAREERPATH_NAMESPACE_BEGIN

namespace words {

namespace {

constexpr std::array<const char *, 12> months = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char *, 7> weekdays = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};

// A number of hours with at most one decimal, "2.5", "12": rounded to a tenth first.
std::string tenths(double value) {
    const long long t = std::llround(value * 10);
    std::string out = std::to_string(t / 10);
    if (t % 10 != 0) out += "." + std::to_string(t % 10 < 0 ? -(t % 10) : t % 10);
    return out;
}

}  // namespace

const char *month_name(int month) noexcept { return month >= 1 && month <= 12 ? months[month - 1] : "?"; }

const char *month_short_name(int month) noexcept {
    static constexpr std::array<const char *, 12> short_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return month >= 1 && month <= 12 ? short_names[month - 1] : "?";
}

const char *weekday_name(Weekday day) noexcept { return weekdays[static_cast<int>(day)]; }

std::string date(Date day) {
    return std::to_string(day.day()) + " " + month_name(day.month()) + " " + std::to_string(day.year());
}

std::string weekday_date(Date day) { return std::string(weekday_name(day.weekday())) + " " + date(day); }

std::string date_range(Date first, Date last) {
    const std::string from = first.year() == last.year()
                                 ? std::to_string(first.day()) + " " + month_name(first.month())
                                 : date(first);
    return from + " to " + date(last);
}

std::string distance(Date from, Date to) {
    if (to < from) std::swap(from, to);
    const int days = to.days_since(from);
    if (days == 1) return "a day";
    if (days < 14) return std::to_string(days) + " days";
    // Whole calendar months from `from`, then the days left over.
    int whole = 0;
    while (whole < 12 * 8000 && from.plus_months(whole + 1) <= to) ++whole;
    const int rest = to.days_since(from.plus_months(whole));
    if (whole == 0) {
        const int weeks = (days + 3) / 7;
        return std::string(days % 7 == 0 ? "" : "about ") + std::to_string(weeks) + " weeks";
    }
    if (rest == 0 && whole % 12 == 0) return whole == 12 ? "a year" : std::to_string(whole / 12) + " years";
    if (rest == 0) return whole == 1 ? "a month" : std::to_string(whole) + " months";
    // Nearest whole month: past the middle of the next month rounds up.
    const int next_length = from.plus_months(whole + 1).days_since(from.plus_months(whole));
    const int rounded = whole + (2 * rest >= next_length ? 1 : 0);
    return rounded == 1 ? "about a month" : "about " + std::to_string(rounded) + " months";
}

std::string relative(Date day, Date reference, std::string_view name) {
    if (day == reference) return "on " + std::string(name);
    return distance(day, reference) + (day < reference ? " before " : " after ") + std::string(name);
}

std::string hours(double value) {
    if (!std::isfinite(value)) return "an unknown time";
    if (value <= 0) return "no time";
    if (value < 1) {
        const long long m = std::llround(value * 60);
        if (m < 1) return "under a minute";
        if (m < 60) return m == 1 ? "1 minute" : std::to_string(m) + " minutes";
    }
    const std::string text = tenths(value);
    return text + (text == "1" ? " hour" : " hours");
}

std::string minutes(int value) {
    if (value <= 0) return "no time";
    const int h = value / 60, m = value % 60;
    std::string out;
    if (h > 0) out = h == 1 ? "1 hour" : std::to_string(h) + " hours";
    if (m > 0) out += (out.empty() ? "" : " ") + (m == 1 ? std::string("1 minute") : std::to_string(m) + " minutes");
    return out;
}

std::string count(std::size_t n, std::string_view singular, std::string_view plural) {
    return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

std::string percent(double share) {
    if (!std::isfinite(share)) return "n/a";
    return std::to_string(std::llround(share * 100)) + "%";
}

}  // namespace words

CAREERPATH_NAMESPACE_END
