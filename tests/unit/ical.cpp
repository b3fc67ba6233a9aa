// src/ical.hpp: TEXT escaping on a table; folding of ASCII lines at exactly 75 octets with
// 1 space + 74 on continuations; folding of 2-, 3- and 4-byte UTF-8 text never splits a sequence;
// a property test over random mixed ASCII/UTF-8 values (every physical line valid UTF-8, at most
// 75 octets, CRLF-ended, and unfolding gives the logical line back); DATE and DATE-TIME values on
// known instants, including instants before 1970 and minutes that carry into other days.
#include "ical.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace careerpath;

namespace {

Date d(const char *iso) {
    const auto date = Date::parse(iso);
    REQUIRE_MESSAGE(date.has_value(), iso);
    return *date;
}

// Splits folded output into physical lines, each required to end with CRLF (which is removed).
std::vector<std::string> physical_lines(const std::string &out) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < out.size()) {
        const std::size_t end = out.find("\r\n", pos);
        REQUIRE_MESSAGE(end != std::string::npos, "a physical line does not end with CRLF");
        lines.push_back(out.substr(pos, end - pos));
        pos = end + 2;
    }
    return lines;
}

// RFC 5545 3.1 unfolding: remove every CRLF that is followed by a single space, then the final CRLF.
std::string unfold(const std::string &out) {
    std::string text;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        text += out[i];
    }
    REQUIRE(text.size() >= 2);
    CHECK(text.compare(text.size() - 2, 2, "\r\n") == 0);
    text.resize(text.size() - 2);
    return text;
}

// Strict UTF-8 check written by hand: lead byte, the right number of continuation bytes, no
// overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n;
        std::uint32_t cp;
        if (b < 0x80) { ++i; continue; }
        if ((b & 0xE0) == 0xC0) { n = 1; cp = b & 0x1F; }
        else if ((b & 0xF0) == 0xE0) { n = 2; cp = b & 0x0F; }
        else if ((b & 0xF8) == 0xF0) { n = 3; cp = b & 0x07; }
        else return false;
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return false;
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        static const std::uint32_t min_for_length[] = {0, 0x80, 0x800, 0x10000};
        if (cp < min_for_length[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

// Checks everything folding promises about one content line.
void check_folded(std::string_view name, std::string_view value) {
    std::string out = "PREFIX\r\n";  // appending must leave what was there alone
    ical_append_line(out, name, value);
    REQUIRE(out.compare(0, 8, "PREFIX\r\n") == 0);
    out.erase(0, 8);

    const std::string logical = std::string(name) + ":" + std::string(value);
    const auto lines = physical_lines(out);
    REQUIRE(!lines.empty());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].size() <= 75);
        CHECK(valid_utf8(lines[i]));
        if (i > 0) {
            REQUIRE(!lines[i].empty());
            CHECK(lines[i][0] == ' ');
            CHECK(lines[i].size() >= 2);  // a continuation carries content
        }
    }
    CHECK(unfold(out) == logical);
}

}  // namespace

TEST_CASE("ical_escape_text escapes backslash, semicolon, comma and line breaks") {
    struct Row {
        const char *in, *out;
    };
    const Row rows[] = {
        {"", ""},
        {"plain text", "plain text"},
        {"a,b", "a\\,b"},
        {"a;b", "a\\;b"},
        {"a\\b", "a\\\\b"},
        {"line1\nline2", "line1\\nline2"},
        {"line1\r\nline2", "line1\\nline2"},
        {"\n\n", "\\n\\n"},
        {"\\n", "\\\\n"},  // a literal backslash-n stays distinguishable from a newline
        {"a lone\rCR", "a loneCR"},
        {"Mentor: Ana; topics: C++, Rust\\Go\n", "Mentor: Ana\\; topics: C++\\, Rust\\\\Go\\n"},
        {"colon: and \"quotes\" stay", "colon: and \"quotes\" stay"},
        {"Zoë, 日本; 🎉", "Zoë\\, 日本\\; 🎉"},
    };
    for (const auto &row : rows) {
        CAPTURE(row.in);
        CHECK(ical_escape_text(row.in) == row.out);
    }
}

TEST_CASE("ical_append_line: short lines are not folded") {
    std::string out;
    ical_append_line(out, "SUMMARY", "Weekly 1:1");
    CHECK(out == "SUMMARY:Weekly 1:1\r\n");
    ical_append_line(out, "DTSTART;TZID=Europe/Berlin", "20270104T090000");
    CHECK(out == "SUMMARY:Weekly 1:1\r\nDTSTART;TZID=Europe/Berlin:20270104T090000\r\n");

    std::string empty;
    ical_append_line(empty, "DESCRIPTION", "");
    CHECK(empty == "DESCRIPTION:\r\n");

    // Exactly 75 octets fits on one line; 76 needs a fold.
    std::string exact;
    ical_append_line(exact, "X", std::string(73, 'a'));
    CHECK(exact == "X:" + std::string(73, 'a') + "\r\n");
    std::string over;
    ical_append_line(over, "X", std::string(74, 'a'));
    CHECK(over == "X:" + std::string(73, 'a') + "\r\n a\r\n");
}

TEST_CASE("ical_append_line folds ASCII at exactly 75 octets, continuations 1 space + 74") {
    std::string value;
    for (int i = 0; i < 200; ++i) value += static_cast<char>('a' + i % 26);
    std::string out;
    ical_append_line(out, "DESCRIPTION", value);
    const auto lines = physical_lines(out);
    const std::size_t logical = std::string("DESCRIPTION:").size() + value.size();  // 212
    REQUIRE(lines.size() == 3);  // 75 + 74 + 63
    CHECK(lines[0].size() == 75);
    CHECK(lines[1].size() == 75);
    CHECK(lines[1][0] == ' ');
    CHECK(lines[1][1] != ' ');
    CHECK(lines[2][0] == ' ');
    CHECK(lines[2].size() == 1 + logical - 75 - 74);
    CHECK(unfold(out) == "DESCRIPTION:" + value);
    check_folded("DESCRIPTION", value);
}

TEST_CASE("ical_append_line never splits a UTF-8 sequence") {
    // 2-byte é, 3-byte 日 and €, 4-byte 🎉 and 𝄞, mixed so that the 75-octet limit falls inside
    // sequences of every length somewhere along the line.
    const std::string pieces[] = {"é", "日", "€", "🎉", "𝄞", "a"};
    std::string value;
    for (int i = 0; i < 120; ++i) value += pieces[(i * 7 + i / 3) % 6];
    check_folded("SUMMARY", value);

    // Each kind on its own, at every offset the name can shift the limit to.
    for (const std::string piece : {"é", "日", "🎉"}) {
        std::string repeated;
        for (int i = 0; i < 100; ++i) repeated += piece;
        for (std::size_t shift = 0; shift < 4; ++shift) {
            CAPTURE(shift);
            std::string out;
            const std::string name = "X" + std::string(shift, 'N');
            ical_append_line(out, name, repeated);
            const auto lines = physical_lines(out);
            CHECK(lines.size() > 1);
            for (const auto &line : lines) {
                CHECK(line.size() <= 75);
                if (&line == &lines.back()) break;
                CHECK(line.size() >= 75 - 3);  // backing off costs at most a sequence less one octet
            }
            check_folded(name, repeated);
        }
    }
}

TEST_CASE("ical_append_line: random mixed ASCII/UTF-8 values fold and unfold losslessly") {
    std::mt19937 rng(20270101);
    const std::string pieces[] = {"a", "Z", "0", " ", "\\,", "\\n", ":", "é", "ß", "ж", "日", "€", "한", "🎉", "𝄞", "😀"};
    std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
    std::uniform_int_distribution<std::size_t> length(0, 500);
    std::uniform_int_distribution<int> ascii_weight(0, 3);
    for (int round = 0; round < 2000; ++round) {
        const std::size_t target = length(rng);
        const bool mostly_ascii = ascii_weight(rng) == 0;
        std::string value;
        while (value.size() < target) {
            const std::size_t index = mostly_ascii && (rng() % 4 != 0) ? rng() % 7 : pick(rng);
            if (value.size() + pieces[index].size() > target) {
                value += 'x';
                continue;
            }
            value += pieces[index];
        }
        CAPTURE(round);
        CAPTURE(value);
        const std::string name = round % 3 == 0 ? "DESCRIPTION" : round % 3 == 1 ? "SUMMARY;LANGUAGE=de" : "X";
        check_folded(name, value);
    }
}

TEST_CASE("ical_date writes YYYYMMDD") {
    CHECK(ical_date(d("1997-07-14")) == "19970714");
    CHECK(ical_date(d("2027-01-04")) == "20270104");
    CHECK(ical_date(d("1400-01-01")) == "14000101");
    CHECK(ical_date(d("9999-12-31")) == "99991231");
    CHECK(ical_date(Date()) == "19700101");
}

TEST_CASE("ical_utc writes YYYYMMDDTHHMMSSZ for seconds since the Unix epoch") {
    CHECK(ical_utc(0) == "19700101T000000Z");
    CHECK(ical_utc(1798761600) == "20270101T000000Z");  // date -u -d @1798761600
    CHECK(ical_utc(885193200) == "19980119T070000Z");   // RFC 5545 3.3.5's example
    CHECK(ical_utc(86399) == "19700101T235959Z");
    CHECK(ical_utc(86400) == "19700102T000000Z");
    CHECK(ical_utc(951782400) == "20000229T000000Z");
    CHECK(ical_utc(1798761600 + 13 * 3600 + 5 * 60 + 9) == "20270101T130509Z");
    SUBCASE("before 1970") {
        CHECK(ical_utc(-1) == "19691231T235959Z");
        CHECK(ical_utc(-86400) == "19691231T000000Z");
        CHECK(ical_utc(-86401) == "19691230T235959Z");
        CHECK(ical_utc(-2208988800) == "19000101T000000Z");  // date -u -d @-2208988800
        CHECK(ical_utc(-2208988800 + 3661) == "19000101T010101Z");
    }
    SUBCASE("the ends of Date's range") {
        CHECK(ical_utc(253402300799) == "99991231T235959Z");
        CHECK(ical_utc(-17987443200) == "14000101T000000Z");
    }
}

TEST_CASE("ical_local writes YYYYMMDDTHHMMSS for a wall time") {
    CHECK(ical_local(d("2027-01-04"), 0) == "20270104T000000");
    CHECK(ical_local(d("2027-01-04"), 9 * 60 + 30) == "20270104T093000");
    CHECK(ical_local(d("2027-01-04"), 1439) == "20270104T235900");
    CHECK(ical_local(d("1998-01-18"), 23 * 60) == "19980118T230000");
    SUBCASE("minutes outside the day carry into the neighbouring days") {
        CHECK(ical_local(d("2027-01-04"), 1440) == "20270105T000000");
        CHECK(ical_local(d("2027-12-31"), 1440 + 61) == "20280101T010100");
        CHECK(ical_local(d("2027-01-04"), -1) == "20270103T235900");
        CHECK(ical_local(d("2027-03-01"), -1440 * 2 + 5) == "20270227T000500");
    }
}
