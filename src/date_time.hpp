// careerpath — instants and ISO 8601 date-times with a UTC offset, as the documents write them
// ("2027-01-05T16:00:00+01:00", "2027-01-05T15:00:00Z"). An instant is a count of seconds since
// 1970-01-01T00:00:00Z; the conversions here are the only place that knows the epoch.
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/version.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

inline constexpr std::int64_t seconds_per_day = 86'400;

/// Integer division rounded toward minus infinity, so that an instant before 1970 still has a
/// non-negative time of day.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/// The instant at `second_of_day` seconds after the start of `day` in UTC (any value: it carries
/// into the days before or after).
std::int64_t unix_seconds(Date day, std::int64_t second_of_day = 0) noexcept;

/// A day and the seconds into it (0-86399).
struct DayAndSecond {
    Date day;
    int second_of_day = 0;
};
/// The UTC day and time of an instant (which must fall within Date's range).
DayAndSecond split_unix_seconds(std::int64_t utc_seconds) noexcept;

/// A wall-clock date-time and the UTC offset it was written with.
struct OffsetDateTime {
    Date day;
    int second_of_day = 0;   ///< 0-86399
    int offset_minutes = 0;  ///< local time minus UTC
    /// The instant it names.
    std::int64_t utc_seconds() const noexcept { return unix_seconds(day, second_of_day) - offset_minutes * 60; }
};

/// Reads "YYYY-MM-DDTHH:MM[:SS]" followed by "Z" or "+HH:MM" / "-HH:MM" (a 'T' or a space
/// between date and time; fractions of a second are not accepted). nullopt for anything else,
/// for a date that does not exist, or for an offset beyond 23:59.
std::optional<OffsetDateTime> parse_offset_date_time(std::string_view text) noexcept;

/// "YYYY-MM-DDTHH:MM:SS+HH:MM" (an offset of 0 is written "+00:00").
std::string format_offset_date_time(Date day, int second_of_day, int offset_minutes);
/// "HH:MM" for a minute of the day (0-1439).
std::string format_clock(int minute_of_day);
/// "YYYY-MM-DDTHH:MM:SSZ".
std::string format_utc_date_time(std::int64_t utc_seconds);

CAREERPATH_NAMESPACE_END
