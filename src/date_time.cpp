// ISO 8601 date-times with offsets, read and written by hand: the format is small and fixed, and
// a hand-written reader rejects everything else exactly (no locale, no lenient parsing).
#include "date_time.hpp"

#include <cstdlib>

CAREERPATH_NAMESPACE_BEGIN

namespace {

const std::int32_t unix_epoch_day = Date().day_number();  // Date() is 1970-01-01

// `count` decimal digits at `pos`, or -1.
int digits(std::string_view text, std::size_t pos, std::size_t count) noexcept {
    if (pos + count > text.size()) return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

void append_two(std::string &out, int value) {
    out += static_cast<char>('0' + value / 10 % 10);
    out += static_cast<char>('0' + value % 10);
}

std::string date_and_time(Date day, int second_of_day) {
    std::string out = day.iso();
    out += 'T';
    append_two(out, second_of_day / 3600);
    out += ':';
    append_two(out, second_of_day / 60 % 60);
    out += ':';
    append_two(out, second_of_day % 60);
    return out;
}

}  // namespace

std::int64_t unix_seconds(Date day, std::int64_t second_of_day) noexcept {
    return (std::int64_t{day.day_number()} - unix_epoch_day) * seconds_per_day + second_of_day;
}

DayAndSecond split_unix_seconds(std::int64_t utc_seconds) noexcept {
    const std::int64_t days = floor_div(utc_seconds, seconds_per_day);
    return {Date::from_day_number(static_cast<std::int32_t>(unix_epoch_day + days)),
            static_cast<int>(utc_seconds - days * seconds_per_day)};
}

std::optional<OffsetDateTime> parse_offset_date_time(std::string_view text) noexcept {
    // YYYY-MM-DDTHH:MM, then optionally :SS, then the offset.
    if (text.size() < 17) return std::nullopt;
    const auto day = Date::parse(text.substr(0, 10));
    if (!day || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
    const int hour = digits(text, 11, 2), minute = digits(text, 14, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
    std::size_t pos = 16;
    int second = 0;
    if (text[pos] == ':') {
        second = digits(text, pos + 1, 2);
        if (second < 0 || second > 59) return std::nullopt;
        pos += 3;
    }
    OffsetDateTime out{*day, hour * 3600 + minute * 60 + second, 0};
    const std::string_view zone = text.substr(pos);
    if (zone == "Z") return out;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
    const int oh = digits(zone, 1, 2), om = digits(zone, 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return std::nullopt;
    out.offset_minutes = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
    return out;
}

std::string format_offset_date_time(Date day, int second_of_day, int offset_minutes) {
    std::string out = date_and_time(day, second_of_day);
    out += offset_minutes < 0 ? '-' : '+';
    const int magnitude = std::abs(offset_minutes);
    append_two(out, magnitude / 60);
    out += ':';
    append_two(out, magnitude % 60);
    return out;
}

std::string format_clock(int minute_of_day) {
    std::string out;
    append_two(out, minute_of_day / 60);
    out += ':';
    append_two(out, minute_of_day % 60);
    return out;
}

std::string format_utc_date_time(std::int64_t utc_seconds) {
    const DayAndSecond t = split_unix_seconds(utc_seconds);
    return date_and_time(t.day, t.second_of_day) + 'Z';
}

CAREERPATH_NAMESPACE_END
