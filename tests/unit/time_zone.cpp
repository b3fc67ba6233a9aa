// careerpath/time_zone.hpp: POSIX TZ strings (plain, with explicit times and negative offsets,
// with RFC 8536's angle-bracket names and out-of-range hours); TZif files from the system's
// zoneinfo; RFC 5545 section 3.3.5's readings of the local times a change skips (the offset before
// the gap) and repeats (the first occurrence) in New York, Berlin and Lord Howe; unknown and
// malicious names and malformed TZif bytes as schema errors; a TZif file's own transitions; and
// the offsets and local times of random instants in 2027-2040, 1900-2026 and 2041-2250, and of every quarter
// hour of 2027, against the C library's own reading of the same zoneinfo (Morocco's and Gaza's
// changes, listed in their files rather than described by a rule, included); and TZDIR, which
// moves the zoneinfo as it does for glibc.
#include <careerpath/time_zone.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

using namespace careerpath;

namespace {

const std::string zoneinfo = "/usr/share/zoneinfo";

Date d(int y, int m, int day) {
    const auto date = Date::from_ymd(y, m, day);
    REQUIRE(date.has_value());
    return *date;
}

// The instant of a UTC wall time, by the C library (independent of the code under test).
std::int64_t utc(int y, int mo, int day, int h, int mi) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = day;
    tm.tm_hour = h;
    tm.tm_min = mi;
    return static_cast<std::int64_t>(timegm(&tm));
}

TimeZone zone(const std::string &name) {
    auto z = TimeZone::resolve(name);
    REQUIRE_MESSAGE(z.has_value(), name);
    return z.value();
}

TimeZone posix(const std::string &tz) {
    auto z = TimeZone::from_posix(tz);
    REQUIRE_MESSAGE(z.has_value(), tz);
    return z.value();
}

std::string file(const std::string &name) {
    std::ifstream in(zoneinfo + "/" + name, std::ios::binary);
    REQUIRE_MESSAGE(in, name);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void check_schema_error(const Result<TimeZone> &r, const std::string &what) {
    REQUIRE_MESSAGE(r.has_error(), what);
    CHECK_MESSAGE(r.error().status == Status::schema, what);
    CHECK_MESSAGE(!r.error().message.empty(), what);
}

}  // namespace

TEST_CASE("New York 2027: ordinary times, the spring gap and the autumn overlap (RFC 5545 3.3.5)") {
    for (const auto &ny : {zone("America/New_York"), posix("EST5EDT,M3.2.0,M11.1.0")}) {
        CAPTURE(ny.name());
        CHECK(ny.has_dst());
        CHECK(ny.to_utc(d(2027, 1, 15), 12 * 60) == utc(2027, 1, 15, 17, 0));
        CHECK(ny.to_utc(d(2027, 7, 15), 12 * 60) == utc(2027, 7, 15, 16, 0));
        CHECK(ny.utc_offset_minutes_at_utc(utc(2027, 1, 15, 17, 0)) == -300);
        CHECK(ny.utc_offset_minutes_at_utc(utc(2027, 7, 15, 16, 0)) == -240);
        // 2027-03-14: 02:00 EST becomes 03:00 EDT at 07:00 UTC.
        CHECK(ny.to_utc(d(2027, 3, 14), 1 * 60 + 59) == utc(2027, 3, 14, 6, 59));
        CHECK(ny.to_utc(d(2027, 3, 14), 2 * 60 + 30) == utc(2027, 3, 14, 7, 30));  // in the gap: EST
        CHECK(ny.to_utc(d(2027, 3, 14), 3 * 60) == utc(2027, 3, 14, 7, 0));
        CHECK(ny.utc_offset_minutes_at_utc(utc(2027, 3, 14, 6, 59)) == -300);
        CHECK(ny.utc_offset_minutes_at_utc(utc(2027, 3, 14, 7, 0)) == -240);
        // 2027-11-07: 02:00 EDT becomes 01:00 EST at 06:00 UTC; 01:30 happens twice.
        CHECK(ny.to_utc(d(2027, 11, 7), 1 * 60 + 30) == utc(2027, 11, 7, 5, 30));  // the first: EDT
        CHECK(ny.to_utc(d(2027, 11, 7), 0 * 60 + 59) == utc(2027, 11, 7, 4, 59));
        CHECK(ny.to_utc(d(2027, 11, 7), 2 * 60) == utc(2027, 11, 7, 7, 0));
        CHECK(ny.utc_offset_minutes_at_utc(utc(2027, 11, 7, 5, 59)) == -240);
        CHECK(ny.utc_offset_minutes_at_utc(utc(2027, 11, 7, 6, 0)) == -300);
        CHECK(ny.utc_offset_seconds_at_utc(utc(2027, 7, 15, 16, 0)) == -4 * 3600);
        const auto local = ny.to_local(utc(2027, 11, 7, 6, 30));  // the second 01:30
        CHECK(local.day == d(2027, 11, 7));
        CHECK(local.minute_of_day == 90);
        CHECK(local.offset_minutes == -300);
    }
}

TEST_CASE("New York's history, from its TZif file's transitions") {
    const auto ny = zone("America/New_York");
    CHECK(ny.utc_offset_seconds_at_utc(utc(1880, 1, 1, 0, 0)) == -17762);  // local mean time, -4:56:02
    CHECK(ny.utc_offset_minutes_at_utc(utc(1880, 1, 1, 0, 0)) == -297);    // rounded down
    CHECK(ny.utc_offset_minutes_at_utc(utc(1943, 1, 15, 12, 0)) == -240);  // "war time", all year
    CHECK(ny.utc_offset_minutes_at_utc(utc(1974, 1, 15, 12, 0)) == -240);  // the 1974 energy crisis
    CHECK(ny.utc_offset_minutes_at_utc(utc(2006, 3, 20, 12, 0)) == -300);  // before the 2007 rules
    CHECK(ny.utc_offset_minutes_at_utc(utc(2007, 3, 20, 12, 0)) == -240);
}

TEST_CASE("Berlin 2027: the changes at 01:00 UTC on the last Sundays of March and October") {
    for (const auto &berlin : {zone("Europe/Berlin"), posix("CET-1CEST,M3.5.0,M10.5.0/3")}) {
        CAPTURE(berlin.name());
        CHECK(berlin.to_utc(d(2027, 3, 28), 1 * 60 + 59) == utc(2027, 3, 28, 0, 59));
        CHECK(berlin.to_utc(d(2027, 3, 28), 2 * 60 + 30) == utc(2027, 3, 28, 1, 30));  // gap: CET
        CHECK(berlin.to_utc(d(2027, 3, 28), 3 * 60) == utc(2027, 3, 28, 1, 0));
        CHECK(berlin.to_utc(d(2027, 10, 31), 2 * 60 + 30) == utc(2027, 10, 31, 0, 30));  // first: CEST
        CHECK(berlin.to_utc(d(2027, 10, 31), 3 * 60) == utc(2027, 10, 31, 2, 0));
        CHECK(berlin.utc_offset_minutes_at_utc(utc(2027, 10, 31, 0, 59)) == 120);
        CHECK(berlin.utc_offset_minutes_at_utc(utc(2027, 10, 31, 1, 0)) == 60);
        CHECK(berlin.utc_offset_minutes_at_utc(utc(2027, 3, 28, 1, 0)) == 120);
    }
}

TEST_CASE("Kolkata: +05:30 all year, no daylight-saving time") {
    for (const auto &kolkata : {zone("Asia/Kolkata"), posix("IST-5:30")}) {
        CHECK_FALSE(kolkata.has_dst());
        CHECK(kolkata.to_utc(d(2027, 6, 1), 10 * 60) == utc(2027, 6, 1, 4, 30));
        CHECK(kolkata.utc_offset_minutes_at_utc(utc(2027, 1, 1, 0, 0)) == 330);
        CHECK(kolkata.utc_offset_minutes_at_utc(utc(2027, 7, 1, 0, 0)) == 330);
        const auto local = kolkata.to_local(utc(2027, 12, 31, 20, 0));
        CHECK(local.day == d(2028, 1, 1));
        CHECK(local.minute_of_day == 90);
    }
}

TEST_CASE("Lord Howe: a 30-minute daylight-saving change, in the southern summer") {
    // <+1030>-10:30<+11>-11,M10.1.0,M4.1.0: 02:00 +10:30 becomes 02:30 +11 on the first Sunday of
    // October (2027-10-03); 02:00 +11 becomes 01:30 +10:30 on the first Sunday of April (2027-04-04).
    for (const auto &lh : {zone("Australia/Lord_Howe"), posix("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0")}) {
        CAPTURE(lh.name());
        CHECK(lh.utc_offset_minutes_at_utc(utc(2027, 1, 15, 0, 0)) == 660);
        CHECK(lh.utc_offset_minutes_at_utc(utc(2027, 7, 15, 0, 0)) == 630);
        CHECK(lh.to_utc(d(2027, 10, 3), 2 * 60 + 15) == utc(2027, 10, 2, 15, 45));  // gap: +10:30
        CHECK(lh.to_utc(d(2027, 10, 3), 2 * 60 + 30) == utc(2027, 10, 2, 15, 30));
        CHECK(lh.to_utc(d(2027, 4, 4), 1 * 60 + 45) == utc(2027, 4, 3, 14, 45));  // first: +11
        CHECK(lh.to_utc(d(2027, 4, 4), 2 * 60) == utc(2027, 4, 3, 15, 30));
    }
}

TEST_CASE("POSIX TZ strings: angle-bracket names, explicit offsets, extended hours, no rule") {
    CHECK(posix("UTC0").utc_offset_minutes_at_utc(0) == 0);
    CHECK_FALSE(posix("UTC0").has_dst());
    CHECK(posix("<+03>-3").utc_offset_minutes_at_utc(utc(2027, 6, 1, 0, 0)) == 180);
    CHECK(posix("<+03>-3").to_utc(d(2027, 6, 1), 12 * 60) == utc(2027, 6, 1, 9, 0));
    CHECK(posix("<-0330>3:30").utc_offset_minutes_at_utc(0) == -210);
    CHECK(posix("<+0545>-5:45").utc_offset_minutes_at_utc(0) == 345);
    // America/Nuuk: the change at 01:00 UTC, which is 22:00 (-1 hour) of the Saturday before.
    const auto nuuk = posix("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
    CHECK(nuuk.utc_offset_minutes_at_utc(utc(2027, 1, 1, 0, 0)) == -120);
    CHECK(nuuk.utc_offset_minutes_at_utc(utc(2027, 3, 28, 0, 59)) == -120);
    CHECK(nuuk.utc_offset_minutes_at_utc(utc(2027, 3, 28, 1, 0)) == -60);
    CHECK(nuuk.utc_offset_minutes_at_utc(utc(2027, 10, 31, 0, 59)) == -60);
    CHECK(nuuk.utc_offset_minutes_at_utc(utc(2027, 10, 31, 1, 0)) == -120);
    // An explicit daylight offset, Julian days, and the default US rule when none is given.
    CHECK(posix("AAA3BBB1,J60/2,J300/2").utc_offset_minutes_at_utc(utc(2027, 6, 1, 0, 0)) == -60);
    CHECK(posix("EST5EDT").utc_offset_minutes_at_utc(utc(2027, 7, 1, 0, 0)) == -240);
    // Europe/Dublin: "daylight" time is the winter's, an hour behind the standard time.
    const auto dublin = posix("IST-1GMT0,M10.5.0,M3.5.0/1");
    CHECK(dublin.utc_offset_minutes_at_utc(utc(2027, 1, 15, 0, 0)) == 0);
    CHECK(dublin.utc_offset_minutes_at_utc(utc(2027, 7, 15, 0, 0)) == 60);
    CHECK(dublin.to_utc(d(2027, 3, 28), 1 * 60 + 30) == utc(2027, 3, 28, 1, 30));  // gap: GMT
    CHECK(dublin.to_utc(d(2027, 10, 31), 1 * 60 + 30) == utc(2027, 10, 31, 0, 30));  // first: IST

    for (const char *bad : {"", "E", "EST", "EST+", "ES5", "EST5EDT,M3.2.0", "EST5EDT,M13.1.0,M11.1.0",
                            "EST5EDT,M3.6.0,M11.1.0", "EST5EDT,M3.2.7,M11.1.0", "EST5EDT,J0,J365",
                            "EST5EDT,366,0", "EST5EDT,M3.2.0/168,M11.1.0", "EST25", "EST5:60", "<+03-3",
                            "<+0>-3", "<+03>-3 ", ":America/New_York", "EST5EDT,M3.2.0,M11.1.0,", "EST5\n"}) {
        check_schema_error(TimeZone::from_posix(bad), bad);
    }
}

TEST_CASE("resolve: IANA names, then POSIX strings; unknown and malicious names are schema errors") {
    CHECK(zone("UTC").utc_offset_minutes_at_utc(0) == 0);
    CHECK(zone("Etc/UTC").name() == "Etc/UTC");
    CHECK(zone("America/New_York").name() == "America/New_York");
    CHECK(zone("CET-1CEST,M3.5.0,M10.5.0/3").utc_offset_minutes_at_utc(utc(2027, 7, 1, 0, 0)) == 120);
    // UTC works without any zoneinfo.
    auto utc_anywhere = TimeZone::resolve("UTC", "/nonexistent");
    REQUIRE(utc_anywhere.has_value());
    CHECK(utc_anywhere.value().utc_offset_minutes_at_utc(0) == 0);

    for (const char *bad : {"Mars/Olympus_Mons", "America", "../../etc/passwd", "/etc/passwd",
                            "America/../../../etc/passwd", "America/New York", "America/New_York\n",
                            "America\\New_York", "", "zone.tab", "."}) {
        const auto r = TimeZone::resolve(bad);
        check_schema_error(r, bad);
        if (r.has_error()) CHECK(r.error().message.find("unknown time zone") != std::string::npos);
    }
    const auto r = TimeZone::resolve("Mars/Olympus_Mons");
    REQUIRE(r.has_error());
    CHECK(r.error().message ==
          "unknown time zone \"Mars/Olympus_Mons\": not an IANA name in /usr/share/zoneinfo nor a POSIX TZ string");
}

TEST_CASE("resolve without a directory reads the zoneinfo TZDIR names, as glibc does") {
    // A zoneinfo directory of one zone, under a name the system's has not.
    const auto dir = std::filesystem::temp_directory_path() / ("careerpath-tzdir-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "Custom");
    std::filesystem::copy_file(zoneinfo + "/Europe/Berlin", dir / "Custom" / "Berlin",
                               std::filesystem::copy_options::overwrite_existing);
    const char *before = std::getenv("TZDIR");
    const std::optional<std::string> old_tzdir = before ? std::optional<std::string>(before) : std::nullopt;

    unsetenv("TZDIR");
    CHECK(TimeZone::system_zoneinfo_dir() == zoneinfo);
    check_schema_error(TimeZone::resolve("Custom/Berlin"), "Custom/Berlin without TZDIR");
    setenv("TZDIR", "", 1);  // empty is unset to glibc
    CHECK(TimeZone::system_zoneinfo_dir() == zoneinfo);

    setenv("TZDIR", dir.c_str(), 1);
    CHECK(TimeZone::system_zoneinfo_dir() == dir.string());
    const auto berlin = TimeZone::resolve("Custom/Berlin");
    REQUIRE(berlin.has_value());
    CHECK(berlin.value().utc_offset_minutes_at_utc(utc(2027, 7, 1, 0, 0)) == 120);
    // The system's zones are not there, and the message names the directory searched.
    const auto missing = TimeZone::resolve("America/New_York");
    check_schema_error(missing, "America/New_York under TZDIR");
    if (missing.has_error()) CHECK(missing.error().message.find(dir.string()) != std::string::npos);
    // UTC and POSIX strings need no zone file.
    CHECK(TimeZone::resolve("UTC").has_value());
    CHECK(TimeZone::resolve("EST5EDT,M3.2.0,M11.1.0").has_value());

    if (old_tzdir) setenv("TZDIR", old_tzdir->c_str(), 1);
    else unsetenv("TZDIR");
    std::filesystem::remove_all(dir);
}

TEST_CASE("from_tzif: malformed bytes are schema errors, never a crash") {
    const std::string ny = file("America/New_York");
    REQUIRE(TimeZone::from_tzif(ny, "ny").has_value());
    // Every proper prefix lacks at least the footer's closing newline.
    for (std::size_t n = 0; n < ny.size(); ++n) check_schema_error(TimeZone::from_tzif(ny.substr(0, n), "ny"), "prefix");

    std::string bad_magic = ny;
    bad_magic[0] = 'X';
    check_schema_error(TimeZone::from_tzif(bad_magic, "x"), "bad magic");
    std::string v1 = ny;
    v1[4] = '\0';
    check_schema_error(TimeZone::from_tzif(v1, "x"), "version 1");
    // Counts that run past the end, in the first and in the second header.
    for (std::size_t at : {std::size_t{20}, std::size_t{32}, std::size_t{36}, std::size_t{40}}) {
        std::string huge = ny;
        huge[at] = '\xff';
        check_schema_error(TimeZone::from_tzif(huge, "x"), "huge count");
    }
    std::string bad_footer = ny;
    bad_footer.replace(bad_footer.rfind('\n', bad_footer.size() - 2) + 1, 3, "XX!");
    check_schema_error(TimeZone::from_tzif(bad_footer, "x"), "bad footer");
    std::string no_footer = ny.substr(0, ny.rfind('\n', ny.size() - 2));
    check_schema_error(TimeZone::from_tzif(no_footer, "x"), "no footer");

    // A minimal version 2 file: no transitions, one type (+02:00), an empty footer.
    auto be32 = [](std::uint32_t v) {
        return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                           static_cast<char>(v)};
    };
    auto header = [&](std::uint32_t types, std::uint32_t chars) {
        return std::string("TZif2") + std::string(15, '\0') + be32(0) + be32(0) + be32(0) + be32(0) +
               be32(types) + be32(chars);
    };
    const std::string block = be32(7200) + std::string{'\0', '\0'} + std::string("ABC\0", 4);
    const std::string minimal = header(1, 4) + block + header(1, 4) + block + "\n\n";
    const auto fixed = TimeZone::from_tzif(minimal, "fixed");
    REQUIRE(fixed.has_value());
    CHECK(fixed.value().utc_offset_minutes_at_utc(0) == 120);
    check_schema_error(TimeZone::from_tzif(header(0, 0) + header(0, 0) + "\n\n", "x"), "no types");

    // Version 2 data with transitions: two types, two transitions (+01:00 from 1000, +02:00 from
    // 2000), no footer rule.
    auto be64 = [&](std::int64_t v) {
        return be32(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v) >> 32)) +
               be32(static_cast<std::uint32_t>(v));
    };
    auto v2_file = [&](std::int64_t first, std::int64_t second, char second_type) {
        const std::string v1 = header(1, 4) + block;
        const std::string v2 = std::string("TZif2") + std::string(15, '\0') + be32(0) + be32(0) + be32(0) +
                               be32(2) + be32(2) + be32(4) + be64(first) + be64(second) +
                               std::string{'\0', second_type} + be32(3600) + std::string{'\0', '\0'} + be32(7200) +
                               std::string{'\0', '\0'} + std::string("ABC\0", 4) + "\n\n";
        return v1 + v2;
    };
    const auto stepped = TimeZone::from_tzif(v2_file(1000, 2000, '\1'), "stepped");
    REQUIRE(stepped.has_value());
    CHECK(stepped.value().utc_offset_minutes_at_utc(0) == 60);  // type 0 before the first
    CHECK(stepped.value().utc_offset_minutes_at_utc(1500) == 60);
    CHECK(stepped.value().utc_offset_minutes_at_utc(2000) == 120);
    CHECK(stepped.value().utc_offset_minutes_at_utc(utc(2027, 1, 1, 0, 0)) == 120);
    check_schema_error(TimeZone::from_tzif(v2_file(2000, 1000, '\1'), "x"), "transitions out of order");
    check_schema_error(TimeZone::from_tzif(v2_file(1000, 2000, '\2'), "x"), "type out of range");
}

TEST_CASE("Offsets of random instants in 1900-2250 agree with the C library") {
    const char *zones[] = {"America/New_York", "Europe/Berlin",  "Asia/Kolkata",     "Australia/Lord_Howe",
                           "Europe/Dublin",    "America/Nuuk",   "Pacific/Chatham",  "America/Sao_Paulo",
                           "Australia/Sydney", "America/Santiago", "Asia/Tehran",     "Africa/Casablanca", "Asia/Gaza", "UTC"};
    const char *saved = std::getenv("TZ");
    const std::optional<std::string> old_tz = saved ? std::optional<std::string>(saved) : std::nullopt;
    std::mt19937_64 random(20270314);
    std::uniform_int_distribution<std::int64_t> instant(utc(2027, 1, 1, 0, 0), utc(2040, 12, 31, 23, 59));
    // The zones' history too, from their files' transitions.
    std::uniform_int_distribution<std::int64_t> past(utc(1900, 1, 1, 0, 0), utc(2026, 12, 31, 23, 59));
    // Far ahead: past the files' last transitions, through the rule's cached changes (to 2200)
    // and beyond them.
    std::uniform_int_distribution<std::int64_t> far(utc(2041, 1, 1, 0, 0), utc(2250, 12, 31, 23, 59));
    int compared = 0;
    for (const char *name : zones) {
        const auto z = TimeZone::resolve(name);
        REQUIRE_MESSAGE(z.has_value(), name);
        setenv("TZ", name, 1);
        tzset();
        for (int i = 0; i < 500; ++i) {
            const std::int64_t t = i < 200 ? instant(random) : i < 300 ? past(random) : far(random);
            const std::time_t tt = static_cast<std::time_t>(t);
            std::tm tm{};
            REQUIRE(localtime_r(&tt, &tm) != nullptr);
            const std::string zone_name = name;
            CAPTURE(zone_name);
            CAPTURE(t);
            // Whole minutes, rounded down (local mean time in the past had seconds).
            const long gmtoff_minutes = tm.tm_gmtoff / 60 - (tm.tm_gmtoff % 60 < 0 ? 1 : 0);
            CHECK(z.value().utc_offset_minutes_at_utc(t) == gmtoff_minutes);
            const auto local = z.value().to_local(t);
            CHECK(local.day == d(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday));
            CHECK(local.minute_of_day == tm.tm_hour * 60 + tm.tm_min);
            // Back again: the same minute, or an earlier instant showing the same wall time (the
            // first occurrence of a repeated time).
            const std::int64_t back = z.value().to_utc(local.day, local.minute_of_day);
            CHECK(back <= t);
            const auto again = z.value().to_local(back);
            CHECK(again.day == local.day);
            CHECK(again.minute_of_day == local.minute_of_day);
            ++compared;
        }
        // And every quarter hour of 2027, so that every change is passed.
        for (std::int64_t t = utc(2027, 1, 1, 0, 0); t < utc(2028, 1, 1, 0, 0); t += 900) {
            const std::time_t tt = static_cast<std::time_t>(t);
            std::tm tm{};
            REQUIRE(localtime_r(&tt, &tm) != nullptr);
            if (z.value().utc_offset_minutes_at_utc(t) * 60 != tm.tm_gmtoff) {
                CAPTURE(name);
                CAPTURE(t);
                CHECK(z.value().utc_offset_minutes_at_utc(t) * 60 == tm.tm_gmtoff);
            }
        }
    }
    if (old_tz) setenv("TZ", old_tz->c_str(), 1);
    else unsetenv("TZ");
    tzset();
    CHECK(compared == 500 * static_cast<int>(std::size(zones)));
}
