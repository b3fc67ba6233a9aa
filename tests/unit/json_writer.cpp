// src/io/json_writer.hpp: the writer's text is what nlohmann's compact dump() gives for the same
// values (so that every output kept its bytes), keys out of order are refused, and text that is
// not UTF-8 never stops the writer.
#include "io/json_writer.hpp"

#include <careerpath/json.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

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

}  // namespace

TEST_CASE("numbers print as nlohmann prints them") {
    const double fixed[] = {0.0, -0.0, 1.0, 6.0, 0.5, 0.1, 0.3, 1.2, 1e-7, 123456.789, 1e21, 1e22, -1e300, 5e-324,
                            std::numeric_limits<double>::max(), std::numeric_limits<double>::min(), 2.5e-5, 100.0};
    for (double v : fixed) {
        CAPTURE(v);
        CHECK(written(v) == Json(v).dump());
    }
    std::mt19937_64 random(20261204);
    for (int i = 0; i < 20000; ++i) {
        std::uint64_t bits = random();
        double v;
        std::memcpy(&v, &bits, sizeof v);
        if (!std::isfinite(v)) continue;
        CAPTURE(v);
        REQUIRE(written(v) == Json(v).dump());
        const double r = detail::rounded(std::ldexp(static_cast<double>(random() % 100000000), -static_cast<int>(random() % 20)));
        REQUIRE(written(r) == Json(r).dump());
    }
    CHECK(written(std::nan("")) == "null");
    CHECK(written(std::numeric_limits<double>::infinity()) == "null");
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
                    w.key(std::string(1, static_cast<char>('a' + i)));
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
