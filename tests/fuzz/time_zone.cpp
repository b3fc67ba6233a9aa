// Fuzz target for careerpath::TimeZone: any bytes in, read as a TZif file (RFC 8536) and as a
// POSIX TZ string, the two ways a zone's rule reaches the library from outside (the system's
// zoneinfo, and a plan request's "time_zone"). Built two ways (tests/fuzz/CMakeLists.txt): with
// libFuzzer for fuzzing, and with replay_main.cpp so that CTest replays the corpus in every build.
//
// Beyond "does not crash, read out of bounds, leak or hang" (the sanitizers' part), every input
// must keep the API's contract, and anything else abort()s so that the fuzzer records the input:
//   - failure: Status::schema with a message;
//   - success: offsets within 25 hours of UTC; to_local and to_utc agree (a whole minute, where
//     the offset is whole minutes, converted to local time and back is no later and shows the
//     same wall time: the same minute, or the first occurrence of a repeated time).
#include <careerpath/time_zone.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(const char *what, std::int64_t instant) {
    std::fprintf(stderr, "time_zone fuzz target: %s (instant %lld)\n", what, static_cast<long long>(instant));
    std::abort();
}

void check_error(const careerpath::Result<careerpath::TimeZone> &r) {
    if (r.has_value()) return;
    if (r.error().status != careerpath::Status::schema) fail("an error that is not Status::schema", 0);
    if (r.error().message.empty()) fail("an error with an empty message", 0);
}

void exercise(const careerpath::TimeZone &zone, std::uint64_t seed) {
    // A few instants: fixed ones around 2027's changes and the ends of the range, and some from the
    // input's own bytes.
    const std::int64_t instants[] = {0, 1805000000, 1815000000, 1826000000, -17987443200, 253402300799,
                                     INT64_MIN, INT64_MAX, static_cast<std::int64_t>(seed),
                                     static_cast<std::int64_t>(seed % 4000000000ULL)};
    for (const std::int64_t t : instants) {
        const int offset = zone.utc_offset_minutes_at_utc(t);
        if (offset < -25 * 60 || offset > 26 * 60) fail("an offset more than 25 hours from UTC", t);
        const auto local = zone.to_local(t);
        if (local.minute_of_day < 0 || local.minute_of_day >= 1440) fail("a minute of the day out of range", t);
        if (local.offset_minutes != offset) fail("to_local's offset is not the offset in force", t);
        // The round trip, away from the clamped ends, on a whole minute where the offset is whole
        // minutes (otherwise the wall minute's second 0, which to_utc reads, may fall just before
        // a change, in another offset or a gap).
        if (t < 0 || t > 200000000000) continue;
        const std::int64_t minute = t - t % 60;
        const int exact = zone.utc_offset_seconds_at_utc(minute);
        if (exact % 60 != 0) continue;
        const auto wall = zone.to_local(minute);
        const std::int64_t back = zone.to_utc(wall.day, wall.minute_of_day);
        if (back > minute) fail("local time back to UTC gave a later instant", minute);
        const auto again = zone.to_local(back);
        if (again.day != wall.day || again.minute_of_day != wall.minute_of_day)
            fail("local time back to UTC gave a different wall time", t);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    std::uint64_t seed = 0;
    for (std::size_t i = 0; i < size && i < 8; ++i) seed = (seed << 8) | data[size - 1 - i];

    const auto tzif = careerpath::TimeZone::from_tzif(bytes, "fuzz");
    check_error(tzif);
    if (tzif) exercise(tzif.value(), seed);

    const auto posix = careerpath::TimeZone::from_posix(bytes);
    check_error(posix);
    if (posix) exercise(posix.value(), seed);
    return 0;
}
