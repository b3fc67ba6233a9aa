// careerpath — the building blocks of an iCalendar (RFC 5545) export: TEXT escaping, folded
// content lines and DATE / DATE-TIME values. Whole VCALENDAR documents are assembled from these
// by the exporters, so that the wire-format rules live in one tested place.
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/version.hpp>

#include <cstdint>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

/// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma get a backslash in
/// front, and a line break (LF or CRLF) becomes the two characters "\n". A lone CR is dropped,
/// since a raw CR may not appear in a content line and TEXT has no escape for it.
std::string ical_escape_text(std::string_view text);

/// Appends one content line "NAME;PARAMS:VALUE" to `out`, folded so that no physical line is
/// longer than 75 octets without its CRLF (RFC 5545 3.1): continuation lines start with one
/// space. Folds never split a UTF-8 multi-byte sequence. The value must already be escaped
/// (see ical_escape_text) and so hold no CR or LF.
void ical_append_line(std::string &out, std::string_view name_and_params, std::string_view value);

/// "YYYYMMDD" for a DATE value (RFC 5545 3.3.4).
std::string ical_date(Date day);

/// "YYYYMMDDTHHMMSSZ" for a UTC instant given as seconds since 1970-01-01T00:00:00Z (negative
/// before it); RFC 5545 3.3.5, form #2. The instant must fall within Date's range (1400-9999).
std::string ical_utc(std::int64_t utc_seconds);

/// "YYYYMMDDTHHMMSS" for a local wall time, to be used with a TZID parameter (RFC 5545 3.3.5,
/// form #3). Minutes outside 0-1439 carry into the days before or after `day`.
std::string ical_local(Date day, int minute_of_day);

CAREERPATH_NAMESPACE_END
