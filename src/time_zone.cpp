// Time zones: POSIX TZ rules (IEEE 1003.1 section 8.3, with the RFC 8536 section 3.3.1
// extensions), read from a string or from a TZif file (RFC 8536: its transitions, then the rule
// of its footer), and the local time <-> instant conversions with RFC 5545 section 3.3.5's reading of skipped and repeated
// local times.
//
// The rule is parsed and evaluated here rather than by boost::local_time::posix_time_zone: Boost
// 1.74's parser reads offsets with the sign opposite to POSIX, takes the daylight offset as a
// difference rather than as an offset from UTC, rejects angle-bracket names ("<+03>-3", the form
// most of tzdata's footers use) and transition times outside 0-24 hours ("M3.5.0/-1", used by
// America/Nuuk), and reports malformed input by throwing from deep inside; the inputs here are
// untrusted (the zoneinfo of whatever system runs us, and fuzzed bytes). The calendar arithmetic
// is plain integer arithmetic on days since 1970 (H. Hinnant's days_from_civil), valid over every
// year an int64 instant can name once clamped to Date's 1400-9999.
#include <careerpath/time_zone.hpp>

#include "date_time.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <unordered_map>
#include <iterator>
#include <optional>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// Instants are clamped to Date's range, 1400-01-01T00:00Z to 9999-12-31T23:59:59Z.
constexpr std::int64_t min_instant = -17987443200;
constexpr std::int64_t max_instant = 253402300799;

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int64_t year_of_days(std::int64_t z) noexcept {  // the civil year of a day since 1970
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

bool leap(std::int64_t y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }


// One end of the daylight-saving period: a day of the year and a local time of that day.
struct Transition {
    enum class Kind { julian_no_leap, zero_based, month_week_day } kind = Kind::month_week_day;
    int day = 0;               // Jn: 1-365; n: 0-365
    int month = 0, week = 0, weekday = 0;  // Mm.w.d: 1-12, 1-5 (5 = last), 0-6 (0 = Sunday)
    std::int64_t time = 7200;  // seconds after local midnight, -167h to 167h

    // Days since 1970 of the transition's day in year y.
    std::int64_t day_in(std::int64_t y) const noexcept {
        const std::int64_t jan1 = days_from_civil(y, 1, 1);
        switch (kind) {
        case Kind::julian_no_leap: return jan1 + day - 1 + (leap(y) && day >= 60 ? 1 : 0);
        case Kind::zero_based: return jan1 + day;
        case Kind::month_week_day: break;
        }
        const std::int64_t first = days_from_civil(y, static_cast<unsigned>(month), 1);
        // 1970-01-01 was a Thursday (4 with Sunday = 0).
        const int first_weekday = static_cast<int>(((first + 4) % 7 + 7) % 7);
        std::int64_t d = first + (weekday - first_weekday + 7) % 7 + 7 * (week - 1);
        static constexpr std::array<int, 12> month_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const int length = month_days[static_cast<std::size_t>(month - 1)] + (month == 2 && leap(y) ? 1 : 0);
        while (d >= first + length) d -= 7;  // week 5 means the last such weekday
        return d;
    }
};

// A small cursor over the TZ string; every read checks the end.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;
    bool done() const noexcept { return i >= s.size(); }
    char peek() const noexcept { return done() ? '\0' : s[i]; }
    bool eat(char c) noexcept {
        if (peek() != c || done()) return false;
        ++i;
        return true;
    }
};

bool is_alpha(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// A zone abbreviation: three or more letters, or <three or more of [A-Za-z0-9+-]>.
std::optional<std::string> read_name(Cursor &c) {
    std::string name;
    if (c.eat('<')) {
        while (!c.done() && c.peek() != '>') {
            const char ch = c.peek();
            if (!is_alpha(ch) && !is_digit(ch) && ch != '+' && ch != '-') return std::nullopt;
            name += ch;
            ++c.i;
        }
        if (!c.eat('>')) return std::nullopt;
    } else {
        while (is_alpha(c.peek())) name += c.s[c.i++];
    }
    if (name.size() < 3) return std::nullopt;
    return name;
}

std::optional<int> read_number(Cursor &c, int max) {
    if (!is_digit(c.peek())) return std::nullopt;
    int value = 0;
    while (is_digit(c.peek())) {
        value = value * 10 + (c.s[c.i++] - '0');
        if (value > max) return std::nullopt;
    }
    return value;
}

// [+-]hh[:mm[:ss]] in seconds, hours up to max_hours.
std::optional<std::int64_t> read_hms(Cursor &c, int max_hours) {
    int sign = 1;
    if (c.eat('-')) sign = -1;
    else c.eat('+');
    const auto h = read_number(c, max_hours);
    if (!h) return std::nullopt;
    std::int64_t seconds = std::int64_t{*h} * 3600;
    if (c.eat(':')) {
        const auto m = read_number(c, 59);
        if (!m) return std::nullopt;
        seconds += *m * 60;
        if (c.eat(':')) {
            const auto s = read_number(c, 59);
            if (!s) return std::nullopt;
            seconds += *s;
        }
    }
    return sign * seconds;
}

std::optional<Transition> read_transition(Cursor &c) {
    Transition t;
    if (c.eat('J')) {
        const auto n = read_number(c, 365);
        if (!n || *n < 1) return std::nullopt;
        t.kind = Transition::Kind::julian_no_leap;
        t.day = *n;
    } else if (c.eat('M')) {
        const auto m = read_number(c, 12);
        if (!m || *m < 1 || !c.eat('.')) return std::nullopt;
        const auto w = read_number(c, 5);
        if (!w || *w < 1 || !c.eat('.')) return std::nullopt;
        const auto d = read_number(c, 6);
        if (!d) return std::nullopt;
        t.kind = Transition::Kind::month_week_day;
        t.month = *m;
        t.week = *w;
        t.weekday = *d;
    } else {
        const auto n = read_number(c, 365);
        if (!n) return std::nullopt;
        t.kind = Transition::Kind::zero_based;
        t.day = *n;
    }
    if (c.eat('/')) {
        const auto time = read_hms(c, 167);
        if (!time) return std::nullopt;
        t.time = *time;
    }
    return t;
}

Error schema(std::string message) { return make_error(Status::schema, std::move(message)); }

}  // namespace

struct TimeZone::Rule {
    std::string name;
    std::string std_abbreviation, dst_abbreviation;
    std::int64_t std_offset = 0;  // seconds east of UTC
    std::int64_t dst_offset = 0;
    bool dst = false;
    Transition start, end;  // start in standard local time, end in daylight local time
    // A TZif file's transitions, in force before the last of them (after it, the rule above):
    // ascending instants and the offset from each on, and the offset before the first.
    std::vector<std::int64_t> times, offsets;
    std::int64_t initial_offset = 0;

    static std::optional<Rule> parse(std::string_view tz) {
        Rule r;
        Cursor c{tz};
        auto std_name = read_name(c);
        if (!std_name) return std::nullopt;
        r.std_abbreviation = std::move(*std_name);
        const auto std_offset = read_hms(c, 24);
        if (!std_offset) return std::nullopt;
        r.std_offset = -*std_offset;  // POSIX counts west of Greenwich as positive
        if (c.done()) return r;
        auto dst_name = read_name(c);
        if (!dst_name) return std::nullopt;
        r.dst = true;
        r.dst_abbreviation = std::move(*dst_name);
        r.dst_offset = r.std_offset + 3600;
        if (!c.done() && c.peek() != ',') {
            const auto dst_offset = read_hms(c, 24);
            if (!dst_offset) return std::nullopt;
            r.dst_offset = -*dst_offset;
        }
        if (c.eat(',')) {
            const auto start = read_transition(c);
            if (!start || !c.eat(',')) return std::nullopt;
            const auto end = read_transition(c);
            if (!end) return std::nullopt;
            r.start = *start;
            r.end = *end;
        } else {
            // No rule: the United States' since 2007, as glibc assumes.
            r.start.month = 3, r.start.week = 2, r.start.weekday = 0;
            r.end.month = 11, r.end.week = 1, r.end.weekday = 0;
        }
        if (!c.done()) return std::nullopt;
        if (r.dst_offset == r.std_offset) r.dst = false;  // a change to the same offset changes nothing
        return r;
    }

    // The rule's changes of year y: (instant, daylight from then on), the start of daylight time
    // then its end.
    std::array<std::pair<std::int64_t, bool>, 2> changes_in(std::int64_t y) const noexcept {
        return {{{start.day_in(y) * seconds_per_day + start.time - std_offset, true},
                 {end.day_in(y) * seconds_per_day + end.time - dst_offset, false}}};
    }

    // The rule's changes from 1900 to 2200, where a plan's instants fall, worked out once: a
    // binary search over them is several times cheaper than computing three years' changes on
    // every query (a 49-year session calendar asks for offsets a hundred thousand times).
    static constexpr std::int64_t first_cached_year = 1900, last_cached_year = 2200;
    std::vector<std::pair<std::int64_t, bool>> cached_changes;
    void cache_changes() {
        cached_changes.clear();
        if (!dst) return;
        for (std::int64_t y = first_cached_year; y <= last_cached_year; ++y)
            for (const auto &change : changes_in(y)) cached_changes.push_back(change);
        std::sort(cached_changes.begin(), cached_changes.end());
    }

    // The offset in force at an instant, in seconds.
    std::int64_t offset_at(std::int64_t t) const noexcept {
        t = std::clamp(t, min_instant, max_instant);
        if (!times.empty() && t < times.back()) {
            const auto after = std::upper_bound(times.begin(), times.end(), t);
            if (after == times.begin()) return initial_offset;
            return offsets[static_cast<std::size_t>(after - times.begin()) - 1];
        }
        if (!dst) return std_offset;
        if (!cached_changes.empty() && cached_changes.front().first <= t && t < cached_changes.back().first) {
            const auto after = std::upper_bound(cached_changes.begin(), cached_changes.end(), t,
                                                [](std::int64_t x, const auto &change) { return x < change.first; });
            return std::prev(after)->second ? dst_offset : std_offset;
        }
        const std::int64_t year = year_of_days(floor_div(t, seconds_per_day));
        // The transitions of the years around t; the last one at or before t decides. Transition
        // times up to 167 hours can move a year's change into the next year, hence three years.
        std::array<std::pair<std::int64_t, bool>, 6> changes{};
        std::size_t n = 0;
        for (std::int64_t y = year - 1; y <= year + 1; ++y)
            for (const auto &change : changes_in(y)) changes[n++] = change;
        std::sort(changes.begin(), changes.end());
        bool daylight = !changes.front().second;
        for (const auto &[when, after] : changes)
            if (when <= t) daylight = after;
        return daylight ? dst_offset : std_offset;
    }
};

Result<TimeZone> TimeZone::from_posix(std::string_view tz) {
    auto rule = Rule::parse(tz);
    if (!rule) return schema("\"" + std::string(tz.substr(0, 100)) + "\" is not a POSIX TZ string");
    rule->name = std::string(tz);
    rule->cache_changes();
    return TimeZone(std::make_shared<const Rule>(std::move(*rule)));
}

Result<TimeZone> TimeZone::from_tzif(std::string_view bytes, std::string name) {
    const std::string what = "time zone file \"" + name + "\"";
    // Header: "TZif", version, 15 reserved bytes, six big-endian 32-bit counts (RFC 8536 3.1).
    constexpr std::size_t header_size = 44;
    if (bytes.size() < header_size) return schema(what + " is too short to be a TZif file");
    if (bytes.substr(0, 4) != "TZif") return schema(what + " is not a TZif file (no \"TZif\" magic)");
    const char version = bytes[4];
    if (version == '\0') return schema(what + " is a version 1 TZif file, which has no POSIX rule");
    if (version < '2' || version > '9') return schema(what + " has an unknown TZif version");
    auto u32 = [&](std::size_t at) {
        std::uint64_t v = 0;
        for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(bytes[at + k]);
        return v;
    };
    struct Counts {
        std::uint64_t isut, isstd, leap, time, type, chars;
    };
    auto counts_at = [&](std::size_t at) {
        return Counts{u32(at + 20), u32(at + 24), u32(at + 28), u32(at + 32), u32(at + 36), u32(at + 40)};
    };
    // All counts are below 2^32, so these sums cannot overflow 64 bits.
    auto block_size = [](const Counts &c, std::uint64_t time_size) {
        return c.time * time_size + c.time + c.type * 6 + c.chars + c.leap * (time_size + 4) + c.isstd + c.isut;
    };
    const Counts v1 = counts_at(0);
    const std::uint64_t v1_end = header_size + block_size(v1, 4);
    if (v1_end + header_size > bytes.size()) return schema(what + " is truncated: its version 1 data runs past the end");
    const std::size_t v2_header = static_cast<std::size_t>(v1_end);
    if (bytes.substr(v2_header, 4) != "TZif") return schema(what + " has no second TZif header");
    const Counts v2 = counts_at(v2_header);
    if (v2.type == 0) return schema(what + " declares no local time types");
    const std::uint64_t data = v2_header + header_size;
    const std::uint64_t data_end = data + block_size(v2, 8);
    if (data_end > bytes.size()) return schema(what + " is truncated: its version 2 data runs past the end");

    // The footer: "\n" POSIX-TZ "\n".
    const std::size_t footer = static_cast<std::size_t>(data_end);
    if (footer >= bytes.size() || bytes[footer] != '\n') return schema(what + " has no POSIX footer");
    const std::size_t close = bytes.find('\n', footer + 1);
    if (close == std::string_view::npos) return schema(what + " has an unterminated POSIX footer");
    const std::string_view tz = bytes.substr(footer + 1, close - footer - 1);

    // The transitions and local time types (RFC 8536 3.2): 64-bit times, type indices, then
    // six-byte records of a 32-bit offset, a daylight flag and an abbreviation index.
    auto s64 = [&](std::size_t at) {
        std::uint64_t v = (u32(at) << 32) | u32(at + 4);
        return static_cast<std::int64_t>(v);
    };
    auto offset_of = [&](std::uint64_t type) -> std::optional<std::int64_t> {
        const auto raw = static_cast<std::uint32_t>(u32(static_cast<std::size_t>(data + v2.time * 9 + type * 6)));
        const auto offset = static_cast<std::int64_t>(static_cast<std::int32_t>(raw));
        if (offset < -89999 || offset > 93599) return std::nullopt;  // RFC 8536's range
        return offset;
    };
    std::vector<std::int64_t> times, offsets;
    times.reserve(static_cast<std::size_t>(v2.time));
    offsets.reserve(static_cast<std::size_t>(v2.time));
    for (std::uint64_t k = 0; k < v2.time; ++k) {
        const std::int64_t when = s64(static_cast<std::size_t>(data + k * 8));
        if (!times.empty() && when <= times.back()) return schema(what + " lists its transitions out of order");
        const auto type = static_cast<unsigned char>(bytes[static_cast<std::size_t>(data + v2.time * 8 + k)]);
        if (type >= v2.type) return schema(what + " names a local time type it does not define");
        const auto offset = offset_of(type);
        if (!offset) return schema(what + " has an implausible UTC offset");
        times.push_back(when);
        offsets.push_back(*offset);
    }
    const auto initial_offset = offset_of(0);
    if (!initial_offset) return schema(what + " has an implausible UTC offset");

    std::optional<Rule> rule;
    if (!tz.empty()) {
        rule = Rule::parse(tz);
        if (!rule) return schema(what + " has a POSIX footer \"" + std::string(tz.substr(0, 100)) + "\" that is not a POSIX TZ string");
    } else {
        // No rule: the zone stays at its last transition's type (or its only type).
        if (times.empty() && v2.type != 1)
            return schema(what + " has neither a POSIX rule nor a transition to take the offset from");
        rule.emplace();
        rule->std_abbreviation = "-00";
        rule->std_offset = times.empty() ? *initial_offset : offsets.back();
    }
    rule->name = std::move(name);
    rule->times = std::move(times);
    rule->offsets = std::move(offsets);
    rule->initial_offset = *initial_offset;
    rule->cache_changes();
    return TimeZone(std::make_shared<const Rule>(std::move(*rule)));
}

namespace {

// Zones already resolved, shared by every thread: a batch plans thousands of requests in a few
// zones, and reading and compiling a zone file costs more than planning a small path. Bounded,
// so that requests naming endless distinct POSIX strings cannot grow it without limit; the
// zoneinfo of a running process is taken to stay as it was.
template <class Read>
class ZoneCache {
public:
    explicit ZoneCache(Read read) : read(read) {}
    Result<TimeZone> resolve(std::string_view name, const std::string &zoneinfo_dir) {
        std::string key = zoneinfo_dir;
        key += '\0';
        key += name;
        {
            std::lock_guard lock(mutex_);
            if (auto it = zones_.find(key); it != zones_.end()) return it->second;
        }
        auto zone = read(name, zoneinfo_dir);
        if (zone) {
            std::lock_guard lock(mutex_);
            if (zones_.size() < max_zones) zones_.emplace(std::move(key), zone.value());
        }
        return zone;
    }

private:
    static constexpr std::size_t max_zones = 512;
    Read read;
    std::mutex mutex_;
    std::unordered_map<std::string, TimeZone> zones_;
};

}  // namespace

Result<TimeZone> TimeZone::resolve(std::string_view name, const std::string &zoneinfo_dir) {
    static ZoneCache cache(&TimeZone::read_zone);
    return cache.resolve(name, zoneinfo_dir);
}

Result<TimeZone> TimeZone::resolve(std::string_view name) { return resolve(name, system_zoneinfo_dir()); }

std::string TimeZone::system_zoneinfo_dir() {
    // glibc's own lookup (tzfile.c): TZDIR unless unset or empty. A container without tzdata can
    // then ship zone files anywhere (README, "Installing with CMake, and deployable builds").
    // secure_getenv, like the dynamic loader's scrubbing of TZDIR for set-user-ID programs, keeps
    // an untrusted environment from choosing the files such a program reads.
#if defined(__GLIBC__)
    const char *dir = ::secure_getenv("TZDIR");
#else
    const char *dir = std::getenv("TZDIR");
#endif
    return dir && *dir ? std::string(dir) : std::string("/usr/share/zoneinfo");
}

Result<TimeZone> TimeZone::read_zone(std::string_view name, const std::string &zoneinfo_dir) {
    auto unknown = [&] {
        return schema("unknown time zone \"" + std::string(name.substr(0, 100)) + "\": not an IANA name in " +
                      zoneinfo_dir + " nor a POSIX TZ string");
    };
    if (name.empty()) return unknown();
    const bool file_name_ok =
        name.size() <= 255 && name.front() != '/' && name.find("..") == std::string_view::npos &&
        std::all_of(name.begin(), name.end(), [](char c) {
            return is_alpha(c) || is_digit(c) || c == '_' || c == '+' || c == '-' || c == '/';
        });
    if (file_name_ok) {
        const std::string path = zoneinfo_dir + "/" + std::string(name);
        std::ifstream in(path, std::ios::binary);
        if (in) {
            std::string bytes;
            constexpr std::size_t max_file = 1 << 20;  // real ones are a few KB
            bytes.resize(max_file + 1);
            in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            bytes.resize(static_cast<std::size_t>(in.gcount()));
            if (bytes.size() <= max_file && bytes.size() >= 4 && bytes.compare(0, 4, "TZif") == 0)
                return from_tzif(bytes, std::string(name));
            // A directory ("America") or something else that is not a zone: fall through.
        }
    }
    if (name == "UTC" || name == "Etc/UTC") {  // also where there is no zoneinfo
        Rule utc;
        utc.name = std::string(name);
        utc.std_abbreviation = "UTC";
        return TimeZone(std::make_shared<const Rule>(std::move(utc)));
    }
    if (auto zone = from_posix(name)) return zone;
    return unknown();
}

std::shared_ptr<const TimeZone::Rule> TimeZone::utc_rule() noexcept {
    // Short strings and empty vectors: building it allocates nothing, so it cannot fail.
    static const Rule utc = [] {
        Rule r;
        r.name = "UTC";
        r.std_abbreviation = "UTC";
        return r;
    }();
    // An empty owner aliased to the static rule: shared without a control block to allocate.
    return std::shared_ptr<const Rule>(std::shared_ptr<const Rule>(), &utc);
}

TimeZone::TimeZone() noexcept : rule_(utc_rule()) {}

const std::string &TimeZone::name() const noexcept { return rule_->name; }
bool TimeZone::has_dst() const noexcept { return rule_->dst; }

int TimeZone::utc_offset_seconds_at_utc(std::int64_t utc_seconds) const noexcept {
    return static_cast<int>(rule_->offset_at(utc_seconds));
}

int TimeZone::utc_offset_minutes_at_utc(std::int64_t utc_seconds) const noexcept {
    return static_cast<int>(floor_div(rule_->offset_at(utc_seconds), 60));
}

std::int64_t TimeZone::to_utc(Date day, int minute_of_day) const noexcept {
    const std::int64_t local = unix_seconds(day, std::int64_t{minute_of_day} * 60);
    const Rule &r = *rule_;
    // The instant lies within 26 hours of `local` read as UTC, so its offset is one of those in
    // force in that window: at its start, the rule's two, and those the file's transitions in it
    // switch to. A reading is valid where the offset it assumes is the one in force then.
    constexpr std::int64_t window = 26 * 3600;
    const std::int64_t before = r.offset_at(local - window);
    std::int64_t best = 0;
    bool found = false;
    auto consider = [&](std::int64_t offset) {
        if (found && offset <= best) return;
        if (r.offset_at(local - offset) == offset) best = offset, found = true;
    };
    consider(before);
    consider(r.std_offset);
    if (r.dst) consider(r.dst_offset);
    if (!r.times.empty()) {
        auto k = std::lower_bound(r.times.begin(), r.times.end(), local - window);
        for (; k != r.times.end() && *k <= local + window; ++k)
            consider(r.offsets[static_cast<std::size_t>(k - r.times.begin())]);
    }
    // The first of several readings (an overlap) is the earliest: the one with the largest offset.
    if (found) return local - best;
    // None: a gap, where the offset grows. RFC 5545 reads the time with the offset before the
    // gap, the one in force 26 hours before (changes are further apart than that).
    return local - before;
}

TimeZone::LocalTime TimeZone::to_local(std::int64_t utc_seconds) const noexcept {
    utc_seconds = std::clamp(utc_seconds, min_instant, max_instant);
    const std::int64_t offset = rule_->offset_at(utc_seconds);
    // Keep the local time inside Date's range too.
    const std::int64_t local = std::clamp(utc_seconds + offset, min_instant, max_instant);
    const DayAndSecond wall = split_unix_seconds(local);
    LocalTime out;
    out.day = wall.day;
    out.minute_of_day = wall.second_of_day / 60;
    out.offset_minutes = static_cast<int>(floor_div(offset, 60));
    return out;
}

CAREERPATH_NAMESPACE_END
