// careerpath — calendar dates: a small value type over Boost.Date_Time's Gregorian calendar, so
// that users of the C++ API need not learn Boost.Date_Time to read a plan.
#pragma once

#include <careerpath/version.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

/// Days of the week, Monday first (ISO 8601).
enum class Weekday : int { mon = 0, tue, wed, thu, fri, sat, sun };

/// "mon", "tue", ...; parse_weekday accepts these three-letter names.
const char *to_string(Weekday day) noexcept;
std::optional<Weekday> parse_weekday(std::string_view name) noexcept;

/// A Gregorian date between 1400-01-01 and 9999-12-31. Cheap to copy and compare.
class Date {
public:
    /// 1970-01-01, so that structs holding dates can be default-constructed.
    Date() noexcept = default;
    /// The date from year, month (1-12) and day (1-31); nullopt if there is no such date
    /// (2027-02-30) or it lies outside the supported range.
    static std::optional<Date> from_ymd(int year, int month, int day) noexcept;
    /// Reads exactly "YYYY-MM-DD"; nullopt for anything else or a date that does not exist.
    static std::optional<Date> parse(std::string_view iso) noexcept;

    int year() const noexcept;
    int month() const noexcept;  ///< 1-12
    int day() const noexcept;    ///< 1-31
    Weekday weekday() const noexcept;
    /// "YYYY-MM-DD".
    std::string iso() const;
    /// The ten characters of iso(), without making a string (for writers that copy them on).
    std::array<char, 10> iso_chars() const noexcept;

    /// Days since an arbitrary fixed epoch; differences between dates are day counts.
    std::int32_t day_number() const noexcept { return day_number_; }
    static Date from_day_number(std::int32_t day_number) noexcept { return Date(day_number); }

    /// The result must stay within the supported range (year(), month(), day() and iso() need
    /// it); comparing and differencing work on any day number.
    Date plus_days(std::int32_t days) const noexcept { return Date(day_number_ + days); }
    /// Plus k months, keeping the day of the month, clamped to the last day of a shorter month
    /// (2027-01-31 plus 1 month is 2027-02-28). Saturates at the ends of the supported range.
    Date plus_months(int months) const noexcept;
    /// The last day of the `months` months (1 or more) that begin on this date: plus_months(months)
    /// less one day (2027-01-04 and 6: 2027-07-03). nullopt when that day would come after
    /// 9999-12-31, where plus_months saturates: a span of months that does not fit in the
    /// calendar is not silently shortened.
    std::optional<Date> last_day_of_months(int months) const noexcept;
    /// The number of days from `other` to this date (negative if this one is earlier).
    std::int32_t days_since(Date other) const noexcept { return day_number_ - other.day_number_; }

    friend bool operator==(Date a, Date b) noexcept = default;
    friend auto operator<=>(Date a, Date b) noexcept = default;

private:
    explicit Date(std::int32_t day_number) noexcept : day_number_(day_number) {}
    std::int32_t day_number_ = 2440588;  // the Julian day number of 1970-01-01
};

CAREERPATH_NAMESPACE_END
