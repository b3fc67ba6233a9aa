// careerpath — plain-language phrasing for the reports people read (README.md "Reports"): dates
// as "3 June 2027", how far one day is from another as "a month before the target", hours and
// minutes in words. Pure functions of their arguments: no clock, no locale, the same words on
// every machine, so a report stays byte-identical for the same input.
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

namespace words {

/// "January" ... "December" for 1-12; "Jan" ... "Dec" for the short form.
const char *month_name(int month) noexcept;
const char *month_short_name(int month) noexcept;
/// "Monday" ... "Sunday".
const char *weekday_name(Weekday day) noexcept;

/// "3 June 2027".
std::string date(Date day);
/// "Thursday 3 June 2027".
std::string weekday_date(Date day);
/// "3 June" when both days fall in one year, else "3 June 2027": for a range ("4 January to 30
/// June 2027") the first day needs no year of its own.
std::string date_range(Date first, Date last);

/// The distance from `from` to `to` in calendar words, without a direction: "a day", "5 days",
/// "2 weeks", "about 3 weeks", "a month", "about 2 months", "a year", "about 14 months". Whole
/// months count as months (3 June to 3 July is "a month"); under two weeks counts days; under a
/// month, weeks (rounded, with "about" where not whole).
std::string distance(Date from, Date to);

/// Where `day` falls against `reference`: "on <name>", or "<distance> before <name>" / "after".
/// relative(2027-06-03, 2027-07-03, "the target") is "a month before the target".
std::string relative(Date day, Date reference, std::string_view name);

/// Hours for people: "no time", "45 minutes", "1 hour", "12 hours", "2.5 hours" (rounded to a
/// tenth; under an hour in whole minutes).
std::string hours(double hours);
/// A session's length: "30 minutes", "1 hour", "1 hour 30 minutes", "2 hours".
std::string minutes(int minutes);

/// "1 unit", "3 units": `singular` and `plural` chosen by n.
std::string count(std::size_t n, std::string_view singular, std::string_view plural);

/// A share in [0, 1] as a whole percentage, "87%" (rounded half away from zero).
std::string percent(double share);

}  // namespace words

CAREERPATH_NAMESPACE_END
