// Calendar dates over Boost.Date_Time's Gregorian calendar. A Date is just the Julian day number
// Boost.Date_Time uses internally, so comparing, differencing and adding days are integer
// operations; Boost.Date_Time is consulted only to validate and to split a day into y/m/d, and it
// stays in this file so that the public header does not drag Boost into every user.
#include <careerpath/date.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>
#include <array>
#include <cstring>

CAREERPATH_NAMESPACE_BEGIN

namespace {

using Cal = boost::gregorian::gregorian_calendar;

constexpr int min_year = 1400;  // Boost.Date_Time's own range
constexpr int max_year = 9999;

constexpr std::array<const char *, 7> weekday_names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

struct YearMonthDay {
    int year, month, day;
};

// The year-month-day of a day number, by Neri and Schneider's Euclidean affine functions
// ("Euclidean affine functions and their application to calendar algorithms", 2022): a few
// multiplications and shifts in 32 bits instead of a chain of divisions. Not by Boost, whose
// from_day_number builds range-checked types and costs several times more, and writers split
// every date they print. The unit test "every day of the range round-trips" holds it to the
// calendar on every day from 1400 to 9999.
YearMonthDay split(std::int32_t day_number) {
    // Days counted from 1 March of a year far enough back (400 * shift years before year 0) for
    // every day of the range, and of plus_days a little beyond it, to stay positive.
    constexpr std::uint32_t shift = 82;
    constexpr std::uint32_t era_days = 146097;  // days in 400 years
    const std::uint32_t n = static_cast<std::uint32_t>(day_number - 2440588) + 719468 + era_days * shift;
    const std::uint32_t n1 = 4 * n + 3;
    const std::uint32_t century = n1 / era_days;
    const std::uint32_t day_of_century = n1 % era_days / 4;
    const std::uint64_t p2 = std::uint64_t{2939745} * (4 * day_of_century + 3);
    const auto year_of_century = static_cast<std::uint32_t>(p2 >> 32);
    const std::uint32_t day_of_year = static_cast<std::uint32_t>(p2) / 2939745 / 4;  // from 1 March
    const std::uint32_t n3 = 2141 * day_of_year + 197913;
    const std::uint32_t month = n3 >> 16;        // 3..14, March first
    const std::uint32_t day = (n3 & 0xFFFF) / 2141;
    const std::uint32_t january = day_of_year >= 306;  // January or February: the next year
    return {static_cast<int>(100 * century + year_of_century + january) - static_cast<int>(400 * shift),
            static_cast<int>(january ? month - 12 : month), static_cast<int>(day + 1)};
}

}  // namespace

const char *to_string(Weekday day) noexcept {
    const auto index = static_cast<std::size_t>(day);
    return index < weekday_names.size() ? weekday_names[index] : "?";
}

std::optional<Weekday> parse_weekday(std::string_view name) noexcept {
    for (std::size_t i = 0; i < weekday_names.size(); ++i)
        if (name == weekday_names[i]) return static_cast<Weekday>(i);
    return std::nullopt;
}

std::optional<Date> Date::from_ymd(int year, int month, int day) noexcept {
    // Validate before asking Boost, which would throw on a day the month lacks.
    if (year < min_year || year > max_year || month < 1 || month > 12 || day < 1) return std::nullopt;
    const auto y = static_cast<unsigned short>(year);
    const auto m = static_cast<unsigned short>(month);
    if (day > Cal::end_of_month_day(y, m)) return std::nullopt;
    const auto ymd = Cal::ymd_type(y, m, static_cast<unsigned short>(day));
    return Date(static_cast<std::int32_t>(Cal::day_number(ymd)));
}

std::optional<Date> Date::parse(std::string_view iso) noexcept {
    // Exactly "YYYY-MM-DD": ten characters, digits at fixed places, nothing around them.
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    auto number = [&](std::size_t from, std::size_t count) -> int {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (iso[i] < '0' || iso[i] > '9') return -1;
            value = value * 10 + (iso[i] - '0');
        }
        return value;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year < 0 || month < 0 || day < 0) return std::nullopt;
    return from_ymd(year, month, day);
}

int Date::year() const noexcept { return split(day_number_).year; }
int Date::month() const noexcept { return split(day_number_).month; }
int Date::day() const noexcept { return split(day_number_).day; }

Weekday Date::weekday() const noexcept {
    // Julian day 0 was a Monday, so the weekday is the day number modulo 7 (kept non-negative).
    return static_cast<Weekday>(((day_number_ % 7) + 7) % 7);
}

std::array<char, 10> Date::iso_chars() const noexcept {
    static constexpr char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    const auto ymd = split(day_number_);
    const auto two = [](char *out, int v) { std::memcpy(out, pairs + 2 * v, 2); };
    std::array<char, 10> text;
    two(text.data(), ymd.year / 100);
    two(text.data() + 2, ymd.year % 100);
    text[4] = '-';
    two(text.data() + 5, ymd.month);
    text[7] = '-';
    two(text.data() + 8, ymd.day);
    return text;
}

std::string Date::iso() const {
    const auto text = iso_chars();
    return std::string(text.data(), text.size());
}

Date Date::plus_months(int months) const noexcept {
    // Not Boost's month arithmetic: it snaps the last day of a month to the last day of the
    // target month (28 February plus 1 month would be 31 March), while a plan keeps the day and
    // only clamps it to a shorter month (README.md, "A plan", the dates; docs/sessions.md,
    // "Windows").
    const auto ymd = split(day_number_);
    const long long index = static_cast<long long>(ymd.year) * 12 + (ymd.month - 1) + months;
    if (index < static_cast<long long>(min_year) * 12) return *from_ymd(min_year, 1, 1);
    if (index > static_cast<long long>(max_year) * 12 + 11) return *from_ymd(max_year, 12, 31);
    const int year = static_cast<int>(index / 12);
    const int month = static_cast<int>(index % 12) + 1;
    const int last = Cal::end_of_month_day(static_cast<unsigned short>(year), static_cast<unsigned short>(month));
    return *from_ymd(year, month, std::min<int>(ymd.day, last));
}

std::optional<Date> Date::last_day_of_months(int months) const noexcept {
    if (months < 1) return std::nullopt;
    const auto ymd = split(day_number_);
    const long long index = static_cast<long long>(ymd.year) * 12 + (ymd.month - 1) + months;
    if (index <= static_cast<long long>(max_year) * 12 + 11) return plus_months(months).plus_days(-1);
    // 10000-01-01 is no Date, but the day before it is: a span starting on the 1st of a month
    // may end exactly on the last day of the calendar.
    if (index == static_cast<long long>(max_year + 1) * 12 && ymd.day == 1) return from_ymd(max_year, 12, 31);
    return std::nullopt;
}

CAREERPATH_NAMESPACE_END
