// src/io/json_writer.hpp: the writer's text is what nlohmann's compact dump() gives for the same
// values (so that every output kept its bytes; numbers in the fewest digits, where nlohmann's
// gave more), keys out of order are refused, and text that is not UTF-8 never stops the writer.
#include "io/json_writer.hpp"

#include <careerpath/json.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>

using namespace careerpath;
using careerpath::detail::JsonWriter;

namespace {

template <class T>
std::string written(const T &value) {
    std::string text;
    JsonWriter w(text);
    w.value(value);
    return text;
}

// The significant digits of a number's text: no sign, point, exponent, or leading and trailing
// zeros ("100.0", "1e+02" and "0.0001" all give "1").
std::string significant_digits(const std::string &text) {
    std::string digits;
    for (char c : text.substr(0, text.find('e')))
        if (c >= '0' && c <= '9') digits.push_back(c);
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
    digits.erase(digits.find_last_not_of('0') + 1);
    return digits;
}

std::uint64_t bits(double v) {
    std::uint64_t b;
    std::memcpy(&b, &v, sizeof b);
    return b;
}

// std::to_chars's own spelling of a finite double in nlohmann's layout, the long way round: the
// writer's must be the same, the shortcut it takes for millionths included.
std::string to_chars_spelling(double v) {
    char buffer[64];
    char *end;
    if (v == 0) return std::signbit(v) ? "-0.0" : "0.0";
    if (std::fabs(v) >= 1e-4 && std::fabs(v) < 1e15) {
        end = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed).ptr;
        if (std::string_view(buffer, static_cast<std::size_t>(end - buffer)).find('.') == std::string_view::npos) {
            std::memcpy(end, ".0", 2);
            end += 2;
        }
    } else {
        end = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::scientific).ptr;
    }
    return std::string(buffer, end);
}

// A finite double's text as the writer's contract has it: a real (never an integer, so 2.0 stays
// 2.0) that nlohmann and strtod read back as the very same double, -0.0 included; digits no more
// than nlohmann's own formatter gives or than printf's nearest rounding needs; and with the same
// digits as nlohmann, nlohmann's very text (its layout: where the point goes, when an exponent).
void check_number(double v) {
    CAPTURE(v);
    const std::string text = written(v);
    CAPTURE(text);
    REQUIRE(text == to_chars_spelling(v));
    const Json back = Json::parse(text);
    REQUIRE(back.is_number_float());
    REQUIRE(bits(back.get<double>()) == bits(v));
    REQUIRE(bits(std::strtod(text.c_str(), nullptr)) == bits(v));
    const std::string theirs = Json(v).dump();
    const std::string digits = significant_digits(text);
    REQUIRE(digits.size() <= significant_digits(theirs).size());
    if (digits == significant_digits(theirs)) REQUIRE(text == theirs);
    int fewest = 1;  // the fewest significant digits printf's nearest rounding reads back from
    for (char buffer[64];; ++fewest) {
        std::snprintf(buffer, sizeof buffer, "%.*e", fewest - 1, v);
        if (bits(std::strtod(buffer, nullptr)) == bits(v)) break;
    }
    REQUIRE(digits.size() <= static_cast<std::size_t>(std::max(fewest, 1)));
}

}  // namespace

TEST_CASE("numbers: the shortest text that reads back as the same double, laid out as nlohmann does") {
    // Hand-picked: the text itself, and the round trip.
    const std::pair<double, std::string> spelled[] = {
        {0.1, "0.1"},
        {0.1 + 0.2, "0.30000000000000004"},
        {detail::rounded(0.1 + 0.2), "0.3"},
        {1e21, "1e+21"},
        {1e-7, "1e-07"},
        {5e-324, "5e-324"},
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {-1.7976931348623157e308, "-1.7976931348623157e+308"},
        {2.2250738585072014e-308, "2.2250738585072014e-308"},
        {2.0, "2.0"},
        {-0.0, "-0.0"},
        {0.0, "0.0"},
        {123456789012345678.0, "1.2345678901234568e+17"},
        {1e15, "1e+15"},
        {999999999999999.0, "999999999999999.0"},
        {123456789012345.6, "123456789012345.6"},
        {1000000.0, "1000000.0"},
        {0.0001, "0.0001"},
        {0.00012345, "0.00012345"},
        {0.00001, "1e-05"},
        {2.5e-5, "2.5e-05"},
        {-1e300, "-1e+300"},
        {1e100, "1e+100"},
        {123456.789, "123456.789"},
        // nlohmann's Grisu2 gave more digits than needed here; std::to_chars gives the fewest.
        {5936.721497, "5936.721497"},
        {170.644323, "170.644323"},
    };
    for (const auto &entry : spelled) {  // not a structured binding: clang 14 cannot capture one
        const double v = entry.first;
        CAPTURE(v);
        CHECK(written(v) == entry.second);
        check_number(v);
    }
    CHECK(Json(5936.721497).dump() == "5936.7214970000005");  // the longer text it replaces
    // Every other value: random bit patterns, and hours rounded to a millionth as results are.
    std::mt19937_64 random(20261204);
    for (int i = 0; i < 20000; ++i) {
        const std::uint64_t b = random();
        double v;
        std::memcpy(&v, &b, sizeof v);
        if (std::isfinite(v)) check_number(v);
        check_number(detail::rounded(std::ldexp(static_cast<double>(random() % 100000000), -static_cast<int>(random() % 20))));
        // Millionths of every size up to 1e9 and past it, where the writer's shortcut ends.
        const double n = static_cast<double>(random() % 10000000000000000ULL);
        check_number(n / 1e6);
        check_number(-n / 1e6);
        check_number(detail::rounded(n / 1e6 + 0.25e-6));
        check_number(static_cast<double>(random() % 1000) / 1e6);
    }
    for (double v : {999999999.999999, 1e9, 1e9 - 1e-6, 1e9 + 1e-6, 0.0001, 0.000999999, 0.00009999, 1e15 / 1e6, 0.1 + 0.2})
        check_number(v);
    CHECK(written(std::nan("")) == "null");
    CHECK(written(-std::nan("")) == "null");
    CHECK(written(std::numeric_limits<double>::infinity()) == "null");
    CHECK(written(-std::numeric_limits<double>::infinity()) == "null");
}

TEST_CASE("integers, booleans, null and optionals print as nlohmann prints them") {
    for (long long v : {0LL, -1LL, 42LL, std::numeric_limits<long long>::min(), std::numeric_limits<long long>::max()})
        CHECK(written(v) == Json(v).dump());
    CHECK(written(std::numeric_limits<unsigned long long>::max()) == Json(std::numeric_limits<unsigned long long>::max()).dump());
    CHECK(written(true) == "true");
    CHECK(written(nullptr) == "null");
    CHECK(written(std::optional<int>{}) == "null");
    CHECK(written(std::optional<int>{7}) == "7");
}

TEST_CASE("strings are escaped as nlohmann escapes them") {
    std::string all_bytes_below_0x80;
    for (int c = 0; c < 0x80; ++c) all_bytes_below_0x80.push_back(static_cast<char>(c));
    for (const std::string &s : {std::string(), std::string("plain"), all_bytes_below_0x80, std::string("quote \" and \\ back"),
                                 std::string("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8e\x93 \xef\xbf\xbf"), std::string("\x7f")}) {
        CAPTURE(s);
        CHECK(written(s) == Json(s).dump());
    }
    std::mt19937 random(7);
    const char pieces[][5] = {"a", "\"", "\\", "\n", "\x01", "\x1f", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x8e\x93", " "};
    for (int i = 0; i < 2000; ++i) {
        std::string s;
        for (int k = 0; k < 12; ++k) s += pieces[random() % 10];
        REQUIRE(written(s) == Json(s).dump());
    }
}

TEST_CASE("bytes that are not UTF-8 become U+FFFD, one for each byte, and the rest is kept") {
    CHECK(written(std::string("a\xff" "b")) == "\"a\xef\xbf\xbd" "b\"");
    CHECK(written(std::string("\xc3")) == "\"\xef\xbf\xbd\"");                // truncated
    CHECK(written(std::string("\xc0\xaf")) == "\"\xef\xbf\xbd\xef\xbf\xbd\"");  // overlong
    CHECK(written(std::string("\xed\xa0\x80")) == "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");  // a surrogate
    CHECK(written(std::string("\xf4\x90\x80\x80")).size() == 2 + 4 * 3);  // past U+10FFFF
    // Whatever it is given, the writer's text is JSON that reads back.
    std::mt19937 random(11);
    for (int i = 0; i < 2000; ++i) {
        std::string s;
        for (int k = 0; k < 16; ++k) s.push_back(static_cast<char>(random() % 256));
        REQUIRE(parse_json(written(s)).has_value());
    }
}

TEST_CASE("objects and arrays: commas, nesting, and keys in order") {
    std::string text;
    JsonWriter w(text);
    w.begin_object();
    w.member("a", 1);
    w.key("b");
    w.begin_array();
    w.value("x");
    w.begin_object();
    w.end_object();
    w.begin_array();
    w.end_array();
    w.value(2.5);
    w.end_array();
    w.key("c");
    w.array(std::vector<std::string>{"p", "q"});
    w.end_object();
    CHECK(text == R"({"a":1,"b":["x",{},[],2.5],"c":["p","q"]})");
    CHECK(text == Json::parse(text).dump());

    std::string other;
    JsonWriter bad(other);
    bad.begin_object();
    bad.member("b", 1);
    CHECK_THROWS_AS(bad.key("a"), std::logic_error);  // out of order
    CHECK_THROWS_AS(bad.key("b"), std::logic_error);  // a duplicate
    CHECK_THROWS_AS(bad.end_array(), std::logic_error);
    std::string loose;
    JsonWriter outside(loose);
    CHECK_THROWS_AS(outside.key("a"), std::logic_error);
}

TEST_CASE("key order: each object against its own last key, as a reader sees the keys") {
    // An inner object's keys are its own: after it closes, the outer object goes on from "b".
    std::string text;
    JsonWriter w(text);
    w.begin_object();
    w.key("b");
    w.begin_object();
    w.member("x", 1);
    w.member("y", 2);
    w.end_object();
    CHECK_THROWS_AS(w.key("a"), std::logic_error);
    CHECK_THROWS_AS(w.key("b"), std::logic_error);
    w.key("c");
    w.begin_array();
    w.begin_object();
    w.member("a", 3);  // an object in an array starts afresh
    w.end_object();
    w.end_array();
    w.member("d", 4);
    w.end_object();
    CHECK(text == R"({"b":{"x":1,"y":2},"c":[{"a":3}],"d":4})");

    // A refused key writes nothing: the text is what it was.
    std::string refused;
    JsonWriter r(refused);
    r.begin_object();
    r.member("m", 1);
    const std::string before = refused;
    CHECK_THROWS_AS(r.id_key("a\nb"), std::logic_error);
    CHECK(refused == before);

    // Bytes that are not UTF-8 read back as U+FFFD: two keys that differ only there would read
    // back as one key twice, and the order is the order of what is read back.
    std::string bad;
    JsonWriter b(bad);
    b.begin_object();
    b.id_member("\xff", 1);
    CHECK_THROWS_AS(b.id_key("\xfe"), std::logic_error);
    CHECK_THROWS_AS(b.id_key("\xef\xbf\xbd"), std::logic_error);
    b.id_member("\xf0\x9f\x8e\x93", 2);  // F0 after EF BF BD, though before FF
    b.end_object();
    const Json back = Json::parse(bad);
    CHECK(back.size() == 2);
    CHECK(back.dump() == bad);
}

TEST_CASE("keys the program spells and keys from data share one order") {
    // A literal key is compared with the last key whether that came from data or not, and the
    // other way round; a key from data is escaped, a literal is written as it is.
    std::string text;
    JsonWriter w(text);
    w.begin_object();
    w.member("b", 1);
    CHECK_THROWS_AS(w.id_key("b"), std::logic_error);
    CHECK_THROWS_AS(w.id_key("a\"z"), std::logic_error);
    w.id_member("c\"q", 2);
    CHECK_THROWS_AS(w.key("c"), std::logic_error);  // "c" < "c\"q"
    w.key("d");
    w.begin_object();
    w.id_member("z", 3);  // an inner object's keys are its own
    w.end_object();
    CHECK_THROWS_AS(w.id_key("d"), std::logic_error);
    w.id_member("e", 4);
    w.member("f", 5);
    w.end_object();
    CHECK(text == R"({"b":1,"c\"q":2,"d":{"z":3},"e":4,"f":5})");
    CHECK(Json::parse(text).dump() == text);

    // A key of 64 characters and more takes the long way.
    std::string long_key;
    JsonWriter l(long_key);
    l.begin_object();
    l.member("a_key_of_more_than_sixty_four_characters_which_no_result_uses_today_at_all", true);
    l.member("b", false);
    l.end_object();
    CHECK(long_key == R"({"a_key_of_more_than_sixty_four_characters_which_no_result_uses_today_at_all":true,"b":false})");
}

TEST_CASE("joined strings and dates are written as the string they stand for") {
    std::string text;
    JsonWriter w(text);
    w.begin_array();
    w.joined("skill", '@', "expert");
    w.joined("a\"b\xff", '@', "\n");
    w.date(*Date::from_ymd(2027, 1, 4));
    w.value(*Date::from_ymd(987 + 1413, 12, 31));
    w.value(std::optional<Date>{});
    w.end_array();
    std::string expected;
    JsonWriter e(expected);
    e.begin_array();
    e.value("skill@expert");
    e.value("a\"b\xff@\n");
    e.value("2027-01-04");
    e.value("2400-12-31");
    e.null();
    e.end_array();
    CHECK(text == expected);
    CHECK(text == "[\"skill@expert\",\"a\\\"b\xef\xbf\xbd@\\n\",\"2027-01-04\",\"2400-12-31\",null]");
}

TEST_CASE("escaping eight bytes at a time finds every byte that needs it, wherever it falls") {
    // Each special byte at each position of strings of 1 to 24 bytes: the word-at-a-time scan
    // must agree with the byte-by-byte rule (nlohmann's dump) at every offset and alignment.
    const std::string specials[] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xff", "\xe2\x82\xac", " "};
    for (std::size_t size = 1; size <= 24; ++size)
        for (std::size_t at = 0; at < size; ++at)
            for (const std::string &special : specials) {
                std::string s(size, 'a');
                s.replace(at, 1, special);
                CAPTURE(s);
                std::string text;
                JsonWriter(text).string(s);
                CHECK(text == Json(s).dump(-1, ' ', false, Json::error_handler_t::replace));
            }
}

TEST_CASE("indent_json lays compact text out as nlohmann's dump(2) does, without a tree") {
    const char *documents[] = {
        "{}", "[]", "1", "\"s\"", "null",
        R"({"a":[],"b":{},"c":[1,2.5,"x"],"d":{"e":{"f":[{"g":null}]}}})",
        R"(["quote \" and brace { [ , : in a string","back\\slash\\",{"k:":"v,"}])",
        R"({"\u0001":"\u001f","é":"€"})",
    };
    for (const char *text : documents) {
        CAPTURE(text);
        CHECK(indent_json(text) == Json::parse(text).dump(2));
        CHECK(indent_json(text, 4) == Json::parse(text).dump(4));
    }
    // In pieces: a long document comes in several, which put together are the whole; a writer
    // that fails stops it.
    std::string big = "[";
    for (int i = 0; i < 20000; ++i) big += std::string(i ? "," : "") + R"({"k":"v\"w","n":[1,{}]})";
    big += "]";
    std::string joined;
    int pieces = 0;
    CHECK(indent_json(big, 2, [&](std::string_view p) {
        joined.append(p);
        ++pieces;
        return true;
    }));
    CHECK(pieces > 1);
    CHECK(joined == Json::parse(big).dump(2));
    int calls = 0;
    CHECK_FALSE(indent_json(big, 2, [&](std::string_view) { return ++calls < 2; }));
    CHECK(calls == 2);
    // Random documents from the writer itself.
    std::mt19937 random(3);
    for (int n = 0; n < 300; ++n) {
        std::string text;
        JsonWriter w(text);
        std::function<void(int)> value = [&](int depth) {
            switch (depth > 3 ? random() % 3 : random() % 5) {
            case 0: w.value(static_cast<int>(random() % 100)); break;
            case 1: w.value(std::string(random() % 3, "a\"{,:\\"[random() % 6])); break;
            case 2: w.null(); break;
            case 3:
                w.begin_array();
                for (unsigned i = random() % 4; i > 0; --i) value(depth + 1);
                w.end_array();
                break;
            default:
                w.begin_object();
                for (unsigned i = 0, count = random() % 4; i < count; ++i) {
                    w.id_key(std::string(1, static_cast<char>('a' + i)));
                    value(depth + 1);
                }
                w.end_object();
            }
        };
        value(0);
        CAPTURE(text);
        REQUIRE(indent_json(text) == Json::parse(text).dump(2));
    }
}
