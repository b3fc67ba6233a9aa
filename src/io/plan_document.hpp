// What the plan reader (io/plan_reader.cpp) and the plan exports agree on: how a fault in a plan
// is worded, and what the exports can write (README.md "Exports"). The reader names each fault of
// a document where its checks have always named it, with the document's own text; the exports
// run the same checks on their outline, so that one made by hand cannot break what they write.
#pragma once

#include <careerpath/date.hpp>
#include "../date_time.hpp"
#include <careerpath/error.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

inline Error not_a_plan(std::string message, std::string pointer) {
    return make_error(Status::schema, "not a plan document: " + std::move(message), std::move(pointer));
}

/// A string from the document in an error message, as a JSON string: the C ABI hands messages out
/// NUL-terminated, so a control character in it is written as its escape.
std::string json_quoted(std::string_view text);

/// The instants ical_utc can write: those within Date's range (1400-01-01 to 9999-12-31, UTC).
inline bool writable_instant(std::int64_t utc_seconds) noexcept {
    return utc_seconds >= unix_seconds(*Date::from_ymd(1400, 1, 1)) &&
           utc_seconds < unix_seconds(*Date::from_ymd(9999, 12, 31), seconds_per_day);
}

/// A session lasts 1 minute to a day; occurrences count from 1.
inline constexpr std::int64_t max_session_minutes = 24 * 60;
inline constexpr std::int64_t max_occurrence = 1'000'000'000;

/// A session of a writable start and length must also end before the calendar does.
inline bool ends_in_calendar(std::int64_t start_utc, std::int64_t minutes) noexcept {
    return writable_instant(start_utc + minutes * 60);
}
inline Error ends_past_calendar(std::string minutes_pointer) {
    return not_a_plan("the session ends after 9999-12-31", std::move(minutes_pointer));
}

inline Error finish_before_start(std::string finish_pointer) {
    return not_a_plan("\"finish\" is before \"start\"", std::move(finish_pointer));
}

/// One part of a UID: letters, digits, '_' and '-' as they are, any other byte as %XX. No part
/// can then hold the '.' that joins the parts or the '@', so different plans, sessions and
/// milestones never share a UID.
std::string uid_part(std::string_view id);

/// The UIDs of one calendar's events past the plan's prefix ("coaching.3", "milestone-p1"),
/// which must all differ: a plan lists each session (type and occurrence) and each milestone
/// once. A session's holds a '.', a milestone's does not, so the two kinds never meet.
class EventUids {
public:
    /// The session's UID part, or nothing when an earlier session had it.
    std::optional<std::string> add_session(std::string_view type, std::int64_t occurrence);
    std::optional<std::string> add_milestone(std::string_view id);

    static Error second_session(std::string_view type, std::int64_t occurrence, std::string occurrence_pointer);
    static Error second_milestone(std::string_view id, std::string id_pointer);

private:
    std::optional<std::string> add(std::string uid);
    std::set<std::string> seen_;
};

}  // namespace detail

CAREERPATH_NAMESPACE_END
