// careerpath — time zones: IANA names resolved from the system zoneinfo, or POSIX TZ strings, and
// the conversion between local wall times and instants (RFC 5545 section 3.3.5 for the local times
// that a daylight-saving change skips or repeats).
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/version.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

CAREERPATH_NAMESPACE_BEGIN

/// A time zone's rule: a standard offset and, optionally, a daylight-saving offset with
/// the yearly rule for switching between them (the POSIX TZ model, which is also what a TZif
/// file's footer holds). Cheap to copy (the rule is shared and immutable).
///
/// A zone read from a TZif file also keeps the file's list of transitions, which is in force up
/// to the last of them (the zone's history, and changes no rule describes, such as Morocco's
/// around Ramadan); after it, the footer's rule applies.
class TimeZone {
public:
    /// A local wall time and the UTC offset in force then.
    struct LocalTime {
        Date day;
        int minute_of_day = 0;   ///< 0-1439
        int offset_minutes = 0;  ///< local time minus UTC
    };

    /// UTC: the zone of a person whose request names none (docs/sessions.md). Never fails and
    /// never allocates, so that a request model can hold a zone from the start.
    TimeZone() noexcept;

    /// A POSIX TZ string, e.g. "EST5EDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3", "UTC0",
    /// "<+03>-3" (RFC 8536 extensions: angle-bracket names, transition hours from -167 to 167).
    /// Status::schema for anything else. The zone's name is the string.
    static Result<TimeZone> from_posix(std::string_view tz);
    /// A TZif file (RFC 8536) of version 2 or later: its 64-bit transitions and its POSIX footer
    /// (where the footer is empty, the offset of the last transition stays in force). The version
    /// 1 data is skipped. Status::schema for malformed bytes.
    static Result<TimeZone> from_tzif(std::string_view bytes, std::string name);
    /// An IANA name ("America/New_York", read from `zoneinfo_dir`), else a POSIX TZ string.
    /// "UTC" and "Etc/UTC" work without zoneinfo. Names holding "..", starting with '/', or
    /// holding characters outside [A-Za-z0-9_+-/] are never looked up as files. Status::schema
    /// for an unknown zone. Resolved zones are kept for the life of the process (up to 512 of
    /// them) and shared by every thread, so a zone file is read once.
    static Result<TimeZone> resolve(std::string_view name, const std::string &zoneinfo_dir);
    /// The same, from the system's zoneinfo directory, `system_zoneinfo_dir()`.
    static Result<TimeZone> resolve(std::string_view name);
    /// Where the system's zone files are, as glibc finds them: the environment variable TZDIR
    /// when it is set and not empty (read at each call; ignored in a set-user-ID or set-group-ID
    /// program, as glibc ignores it there), else /usr/share/zoneinfo (docs/sessions.md).
    static std::string system_zoneinfo_dir();

    const std::string &name() const noexcept;
    /// Whether the zone's current rule (a TZif file's footer) has daylight-saving time.
    bool has_dst() const noexcept;

    /// Instants are clamped to 1400-01-01T00:00Z .. 9999-12-31T23:59:59Z, Date's range.
    /// The UTC offset in force at an instant (seconds since 1970-01-01T00:00Z), in minutes
    /// (rounded down: local mean time, in a zone's history, had seconds).
    int utc_offset_minutes_at_utc(std::int64_t utc_seconds) const noexcept;
    /// The same to the second.
    int utc_offset_seconds_at_utc(std::int64_t utc_seconds) const noexcept;
    /// The instant of a local wall time (`minute_of_day` 0-1439, at its second 0), in seconds
    /// since 1970. A time that a change skips is read with the offset in force before the gap; a
    /// time that a change repeats is its first occurrence (RFC 5545 section 3.3.5).
    std::int64_t to_utc(Date day, int minute_of_day) const noexcept;
    /// The local wall time of an instant (whole minutes; seconds are dropped).
    LocalTime to_local(std::int64_t utc_seconds) const noexcept;

private:
    struct Rule;
    static Result<TimeZone> read_zone(std::string_view name, const std::string &zoneinfo_dir);
    static std::shared_ptr<const Rule> utc_rule() noexcept;
    explicit TimeZone(std::shared_ptr<const Rule> rule) noexcept : rule_(std::move(rule)) {}
    std::shared_ptr<const Rule> rule_;
};

CAREERPATH_NAMESPACE_END
