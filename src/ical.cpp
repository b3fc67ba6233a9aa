// iCalendar (RFC 5545) value formatting and line folding. Plain string work, no dependencies:
// the y/m/d split is Date's, everything else is arithmetic on seconds.
#include "ical.hpp"

#include "date_time.hpp"

CAREERPATH_NAMESPACE_BEGIN

namespace {

constexpr std::size_t max_line_octets = 75;  // RFC 5545 3.1, not counting the CRLF
bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Writes `value` as `width` zero-padded digits at the end of `text`.
void append_digits(std::string &text, long long value, int width) {
    std::string digits(static_cast<std::size_t>(width), '0');
    for (auto i = static_cast<std::size_t>(width); i > 0 && value > 0; --i, value /= 10)
        digits[i - 1] = static_cast<char>('0' + value % 10);
    text += digits;
}

std::string date_time(Date day, std::int64_t seconds_of_day) {
    std::string text = ical_date(day);
    text += 'T';
    append_digits(text, seconds_of_day / 3600, 2);
    append_digits(text, seconds_of_day / 60 % 60, 2);
    append_digits(text, seconds_of_day % 60, 2);
    return text;
}

}  // namespace

std::string ical_escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case ';': out += "\\;"; break;
        case ',': out += "\\,"; break;
        case '\n': out += "\\n"; break;
        case '\r': break;  // CRLF becomes "\n" through its LF; a lone CR has nowhere to go
        default: out += c;
        }
    }
    return out;
}

void ical_append_line(std::string &out, std::string_view name_and_params, std::string_view value) {
    std::string line;
    line.reserve(name_and_params.size() + 1 + value.size());
    line.append(name_and_params).append(1, ':').append(value);

    const std::string_view whole(line);
    std::size_t pos = 0;
    bool first = true;
    while (true) {
        // The first physical line has 75 octets to itself; continuations spend one on the space.
        const std::size_t room = first ? max_line_octets : max_line_octets - 1;
        std::size_t cut = pos + room;
        if (cut >= whole.size()) {
            cut = whole.size();
        } else {
            // Back off to the start of the UTF-8 sequence the limit falls inside. If the text is
            // not valid UTF-8 and the chunk is all continuation bytes, cut at the limit anyway so
            // that every line still makes progress.
            std::size_t back = cut;
            while (back > pos && is_utf8_continuation(whole[back])) --back;
            if (back > pos) cut = back;
        }
        if (!first) out += ' ';
        out.append(whole.substr(pos, cut - pos));
        out += "\r\n";
        pos = cut;
        first = false;
        if (pos >= whole.size()) break;
    }
}

std::string ical_date(Date day) {
    std::string text;
    text.reserve(8);
    append_digits(text, day.year(), 4);
    append_digits(text, day.month(), 2);
    append_digits(text, day.day(), 2);
    return text;
}

std::string ical_utc(std::int64_t utc_seconds) {
    const DayAndSecond t = split_unix_seconds(utc_seconds);
    return date_time(t.day, t.second_of_day) + 'Z';
}

std::string ical_local(Date day, int minute_of_day) {
    constexpr std::int64_t minutes_per_day = 1440;
    const std::int64_t days = floor_div(minute_of_day, minutes_per_day);
    const std::int64_t minute = minute_of_day - days * minutes_per_day;
    return date_time(day.plus_days(static_cast<std::int32_t>(days)), minute * 60);
}

CAREERPATH_NAMESPACE_END
