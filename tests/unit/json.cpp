// careerpath/json.hpp: parse_json within limits, position_of, locate_pointer, pointer_append.
#include <careerpath/json.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace careerpath;

namespace {

Error parse_error(std::string_view text, const Limits &limits = {}) {
    INFO("text: ", std::string(text.substr(0, 200)));
    auto r = parse_json(text, limits);
    REQUIRE_FALSE(r.has_value());
    return r.error();
}

Json parse_ok(std::string_view text, const Limits &limits = {}) {
    INFO("text: ", std::string(text.substr(0, 200)));
    auto r = parse_json(text, limits);
    if (!r) FAIL("parse_json failed: ", r.error().message);
    return r.value();
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

// `n` nested arrays around a 1: depth(n) has nesting depth n.
std::string nested_arrays(std::size_t n) { return std::string(n, '[') + "1" + std::string(n, ']'); }

// A malformed document gives Status::parse, the position of the fault, and a message that says it.
void check_malformed(std::string_view text, std::size_t offset, std::size_t line, std::size_t column) {
    const Error e = parse_error(text);
    INFO("message: ", e.message);
    CHECK(e.status == Status::parse);
    CHECK(e.pointer.empty());
    REQUIRE(e.position.has_value());
    CHECK(e.position->offset == offset);
    CHECK(e.position->line == line);
    CHECK(e.position->column == column);
    CHECK(contains(e.message, "byte " + std::to_string(offset)));
    CHECK(contains(e.message, "line " + std::to_string(line)));
    CHECK(contains(e.message, "column " + std::to_string(column)));
}

}  // namespace

TEST_CASE("parse_json reads well-formed documents") {
    const Json j = parse_ok(R"({"a": [1, 2.5, "x", true, null, {"b": {}}], "c": "\u00e9"})");
    CHECK(j["a"].size() == 6);
    CHECK(j["a"][1].get<double>() == 2.5);
    CHECK(j["c"].get<std::string>() == "\xC3\xA9");
    CHECK(parse_ok("  7 \n").get<int>() == 7);
}

TEST_CASE("malformed JSON: byte offset from 0, line and column from 1") {
    // Offsets counted by hand; the fault is the first byte that cannot continue the document.
    SUBCASE("an invalid literal: the newline where 'e' of true belongs") {
        // { \n _ _ " a " : _ t r u \n }
        // 0 1  2 3 4 5 6 7 8 9 10 11 12   line 2 starts at offset 2
        check_malformed("{\n  \"a\": tru\n}", 12, 2, 11);
    }
    SUBCASE("empty input") { check_malformed("", 0, 1, 1); }
    SUBCASE("only white space: the end of the input") { check_malformed("   ", 3, 1, 4); }
    SUBCASE("a trailing comma in an array") { check_malformed("[1,]", 3, 1, 4); }
    SUBCASE("a missing colon") { check_malformed("{\"a\" 1}", 5, 1, 6); }
    SUBCASE("a missing comma, on line 3") {
        // \n \n _ _ [ 1 _ 2 ]   line 3 starts at offset 2
        check_malformed("\n\n  [1 2]", 7, 3, 6);
    }
    SUBCASE("an unterminated string: the end of the input") { check_malformed("\"abc", 4, 1, 5); }
    SUBCASE("an unterminated array after a newline") { check_malformed("[1, 2\n", 6, 2, 1); }
    SUBCASE("a bad escape") { check_malformed(R"(["a\x"])", 4, 1, 5); }
    SUBCASE("a raw control character in a string") { check_malformed("[\"a\nb\"]", 3, 1, 4); }
    SUBCASE("text after the document") { check_malformed("{\"a\":1} x", 8, 1, 9); }
    SUBCASE("ill-formed UTF-8") { check_malformed("[1, 2, \"\xFF\"]", 8, 1, 9); }
    SUBCASE("columns count bytes: a two-byte character before the fault") {
        // [ " é(2 bytes) " , _ x
        // 0 1 2 3        4 5 6 7
        check_malformed("[\"\xC3\xA9\", x]", 7, 1, 8);
    }
    SUBCASE("CR LF line ends: the CR belongs to the line it ends") {
        // { \r \n " a " : ?
        // 0 1  2  3 4 5 6 7   line 2 starts at offset 3
        check_malformed("{\r\n\"a\":?}", 7, 2, 5);
    }
}

TEST_CASE("a number too large for a double is a schema error naming where it is") {
    SUBCASE("inside objects and arrays") {
        const Error e = parse_error(R"({"a": [1, {"b": 1e999}]})");
        CHECK(e.status == Status::schema);
        CHECK(e.pointer == "/a/1/b");
        CHECK(contains(e.message, "1e999"));
    }
    SUBCASE("after nested containers in an array") {
        const Error e = parse_error(R"([[1, [2]], {"x": [3]}, "s", -1e400])");
        CHECK(e.status == Status::schema);
        CHECK(e.pointer == "/3");
        CHECK(contains(e.message, "-1e400"));
    }
    SUBCASE("a key that needs escaping") {
        const Error e = parse_error(R"({"ok": 1, "a/b~c": {"d": 2e308}})");
        CHECK(e.status == Status::schema);
        CHECK(e.pointer == "/a~1b~0c/d");
    }
    SUBCASE("the whole document") {
        const Error e = parse_error("1e999");
        CHECK(e.status == Status::schema);
        CHECK(e.pointer == "");
    }
    SUBCASE("a large but finite number is fine") {
        CHECK(parse_ok("[1e308, 123456789012345678901234567890]").size() == 2);
    }
}

TEST_CASE("parse_json limits") {
    SUBCASE("max_document_bytes") {
        const std::string text = R"({"a": [1, 2]})";
        Limits limits;
        limits.max_document_bytes = text.size();
        CHECK(parse_ok(text, limits).is_object());
        limits.max_document_bytes = text.size() - 1;
        const Error e = parse_error(text, limits);
        CHECK(e.status == Status::limit);
        CHECK(contains(e.message, "max_document_bytes"));
        CHECK(contains(e.message, std::to_string(text.size())));
    }
    SUBCASE("max_depth, small") {
        Limits limits;
        limits.max_depth = 3;
        CHECK(parse_ok("[[[1]]]", limits).is_array());
        CHECK(parse_ok(R"({"a": {"b": [1, 2]}, "c": []})", limits).is_object());
        for (const char *over : {"[[[[1]]]]", R"({"a": {"b": [1, [[]]]}})", R"([{"a": {"b": {}}}])"}) {
            CAPTURE(over);
            const Error e = parse_error(over, limits);
            CHECK(e.status == Status::limit);
            CHECK(contains(e.message, "max_depth"));
        }
    }
    SUBCASE("max_depth, default 64") {
        CHECK(Limits{}.max_depth == 64);
        CHECK(parse_ok(nested_arrays(64)).is_array());
        const Error e = parse_error(nested_arrays(65));
        CHECK(e.status == Status::limit);
        CHECK(contains(e.message, "max_depth"));
    }
    SUBCASE("100,000 levels deep: a limit error, not a crash") {
        CHECK(parse_error(nested_arrays(100'000)).status == Status::limit);
        CHECK(parse_error(std::string(100'000, '[')).status == Status::limit);
        std::string objects;
        for (int i = 0; i < 100'000; ++i) objects += "{\"a\":";
        CHECK(parse_error(objects).status == Status::limit);
    }
    SUBCASE("max_string_bytes: values and keys, counted in decoded bytes") {
        Limits limits;
        limits.max_string_bytes = 3;
        CHECK(parse_ok(R"(["abc", {"xyz": "a"}])", limits).size() == 2);
        CHECK(parse_ok(R"(["\u00e9x"])", limits).size() == 1);  // 3 bytes once decoded
        for (const char *over : {R"(["abcd"])", R"({"wxyz": 1})", R"(["\u00e9\u00e9"])"}) {
            CAPTURE(over);
            const Error e = parse_error(over, limits);
            CHECK(e.status == Status::limit);
            CHECK(contains(e.message, "max_string_bytes"));
        }
    }
}

TEST_CASE("position_of") {
    const std::string_view text = "ab\ncd\n\nef";
    CHECK(position_of(text, 0) == TextPosition{0, 1, 1});
    CHECK(position_of(text, 1) == TextPosition{1, 1, 2});
    CHECK(position_of(text, 2) == TextPosition{2, 1, 3});  // the newline itself ends line 1
    CHECK(position_of(text, 3) == TextPosition{3, 2, 1});
    CHECK(position_of(text, 4) == TextPosition{4, 2, 2});
    CHECK(position_of(text, 6) == TextPosition{6, 3, 1});
    CHECK(position_of(text, 7) == TextPosition{7, 4, 1});
    CHECK(position_of(text, 9) == TextPosition{9, 4, 3});  // the end of the text
    CHECK(position_of("", 0) == TextPosition{0, 1, 1});
    CHECK(position_of("a\r\nb", 3) == TextPosition{3, 2, 1});
    CHECK(position_of("\xC3\xA9x", 2) == TextPosition{2, 1, 3});  // columns are bytes
}

TEST_CASE("locate_pointer on nested objects and arrays") {
    // { " a " : _ [ 1 0 , _  {  "  b  "  :  _  t
    // 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17
    const std::string_view text = R"({"a": [10, {"b": true}]})";
    auto at = [&](std::string_view pointer, std::size_t offset, bool exact) {
        CAPTURE(pointer);
        const Located l = locate_pointer(text, pointer);
        CHECK(l.exact == exact);
        CHECK(l.position == TextPosition{offset, 1, offset + 1});
    };
    at("", 0, true);
    at("/a", 6, true);
    at("/a/0", 7, true);
    at("/a/1", 11, true);
    at("/a/1/b", 17, true);
    SUBCASE("missing members give the nearest enclosing value that exists") {
        at("/zz", 0, false);
        at("/a/2", 6, false);
        at("/a/1/c", 11, false);
        at("/a/1/b/deeper", 17, false);
        at("/a/x", 6, false);  // not an index
        at("/a/0/q", 7, false);  // into a number
        at("/a/-", 6, false);
    }
}

TEST_CASE("locate_pointer across lines") {
    // {  \n _ _ "  k  "  :  _  {  \n _  _  _  _  "  v  "  :  _  1
    // 0  1  2 3 4  5  6  7  8  9  10 11 12 13 14 15 16 17 18 19 20
    const std::string_view text = "{\n  \"k\": {\n    \"v\": 1\n  }\n}";
    CHECK(locate_pointer(text, "/k").position == TextPosition{9, 2, 8});
    const Located v = locate_pointer(text, "/k/v");
    CHECK(v.exact);
    CHECK(v.position == TextPosition{20, 3, 10});
    const Located missing = locate_pointer(text, "/k/w");
    CHECK_FALSE(missing.exact);
    CHECK(missing.position == TextPosition{9, 2, 8});
    CHECK(locate_pointer("  \n [1]", "").position == TextPosition{4, 2, 2});
}

TEST_CASE("locate_pointer decodes keys: ~0 ~1 in the pointer, escapes in the text") {
    const std::string text =
        R"({"x": {"a/b": 106}, "a/b": 101, "m~n": 102, "caf\u00e9": 103, "q\"t": 104,)"
        R"( "\ud83d\ude00": 105, "sl\/ash": 107, "": 108})";
    auto offset_of = [&](std::string_view value) { return text.find(value); };
    auto check = [&](std::string_view pointer, std::string_view value) {
        CAPTURE(pointer);
        const Located l = locate_pointer(text, pointer);
        CHECK(l.exact);
        CHECK(l.position.offset == offset_of(value));
    };
    check("/a~1b", "101");
    check("/m~0n", "102");
    check("/caf\xC3\xA9", "103");
    check("/q\"t", "104");
    check("/\xF0\x9F\x98\x80", "105");
    check("/x/a~1b", "106");
    check("/sl~1ash", "107");
    check("/", "108");
    // Unescaped, "/a/b" names member "a" (absent), not "a/b".
    const Located l = locate_pointer(text, "/a/b");
    CHECK_FALSE(l.exact);
    CHECK(l.position.offset == 0);
}

TEST_CASE("locate_pointer is not fooled by look-alikes inside skipped values") {
    SUBCASE("the same key inside an earlier member and inside a string") {
        const std::string text = R"({"x": {"t": 1, "s": "\"t\": 9"}, "t": 2})";
        const Located l = locate_pointer(text, "/t");
        CHECK(l.exact);
        CHECK(l.position.offset == text.find("2}"));
    }
    SUBCASE("brackets inside strings") {
        const std::string text = R"([ "]", "[", {"k": "}"}, 7 ])";
        CHECK(locate_pointer(text, "/3").position.offset == text.find('7'));
        CHECK(locate_pointer(text, "/2/k").position.offset == text.find("\"}\""));
        CHECK(locate_pointer(text, "/1").position.offset == text.find("\"[\""));
    }
    SUBCASE("arrays of arrays") {
        const std::string text = "[[1, 2], [3, [4, 5]], []]";
        CHECK(locate_pointer(text, "/1/1/0").position.offset == text.find('4'));
        CHECK(locate_pointer(text, "/1/1/1").position.offset == text.find('5'));
        const Located empty = locate_pointer(text, "/2/0");
        CHECK_FALSE(empty.exact);
        CHECK(empty.position.offset == text.rfind("[]"));
    }
    SUBCASE("broken text is read as far as it goes") {
        const std::string text = R"({"a": {"b": [1, 2)";
        CHECK(locate_pointer(text, "/a/b/1").position.offset == text.find('2'));
        const Located l = locate_pointer(text, "/a/b/5");
        CHECK_FALSE(l.exact);
        CHECK(l.position.offset == text.find('['));
    }
}

TEST_CASE("pointer_append escapes as RFC 6901 says") {
    CHECK(pointer_append("", "skills") == "/skills");
    CHECK(pointer_append("/skills", std::size_t{12}) == "/skills/12");
    CHECK(pointer_append("/skills/12", "hours") == "/skills/12/hours");
    CHECK(pointer_append("", "a/b") == "/a~1b");
    CHECK(pointer_append("/x", "m~n") == "/x/m~0n");
    CHECK(pointer_append("", "~1") == "/~01");
    CHECK(pointer_append("", "/~") == "/~1~0");
    CHECK(pointer_append("", "") == "/");
    CHECK(pointer_append("/a", "\xC3\xA9") == "/a/\xC3\xA9");

    SUBCASE("round trip: an appended key is found again, also by nlohmann's own pointers") {
        for (const std::string key : {"a/b", "m~n", "~1/~0", "plain", ""}) {
            CAPTURE(key);
            Json doc = {{"pad", 1}, {"outer", {{key, 42}}}};
            const std::string text = doc.dump();
            const std::string pointer = pointer_append(pointer_append("", "outer"), key);
            CHECK(doc.at(Json::json_pointer(pointer)) == 42);
            const Located l = locate_pointer(text, pointer);
            CHECK(l.exact);
            CHECK(text.substr(l.position.offset, 2) == "42");
        }
    }
}

TEST_CASE("limit errors name where: the JSON Pointer and the line and column of the value") {
    SUBCASE("a string over max_string_bytes, on line 3") {
        Limits limits;
        limits.max_string_bytes = 5;
        const std::string text = "{\"units\": [\n  {\"id\": \"ab\"},\n  {\"id\": \"abcdef\"}]}";
        const Error e = parse_error(text, limits);
        CHECK(e.status == Status::limit);
        CHECK(e.pointer == "/units/1/id");
        REQUIRE(e.position.has_value());
        CHECK(e.position->line == 3);
        CHECK(e.position->column == 10);
        CHECK(e.position->offset == text.find("\"abcdef\""));
        CHECK(contains(e.message, "max_string_bytes"));
        CHECK(contains(e.message, "line 3, column 10"));
    }
    SUBCASE("a key over max_string_bytes: the object that holds it") {
        Limits limits;
        limits.max_string_bytes = 4;
        const Error e = parse_error(R"({"a": [{"ok": 1}, {"too_long": 1}]})", limits);
        CHECK(e.pointer == "/a/1");
        REQUIRE(e.position.has_value());
        CHECK(e.position->column == 19);
        CHECK(parse_error(R"({"too_long": 1})", limits).pointer == "");
    }
    SUBCASE("nesting over max_depth: the container that opens one level too deep") {
        Limits limits;
        limits.max_depth = 3;
        const Error e = parse_error("{\"a\": [1,\n {\"b\": [2]}]}", limits);
        CHECK(e.status == Status::limit);
        CHECK(e.pointer == "/a/1/b");
        REQUIRE(e.position.has_value());
        CHECK(e.position->line == 2);
        CHECK(e.position->column == 8);
        CHECK(contains(e.message, "max_depth"));
    }
    SUBCASE("too deep at the root") {
        Limits limits;
        limits.max_depth = 1;
        const Error e = parse_error("[[1]]", limits);
        CHECK(e.pointer == "/0");
        REQUIRE(e.position.has_value());
        CHECK(e.position->column == 2);
    }
}

TEST_CASE("a NUL ends nothing: the length given is the document's length") {
    using namespace std::string_literals;
    SUBCASE("bytes after a NUL that follows a whole document are an error, not ignored") {
        const std::string text = R"({"id": "x", "levels": ["n", "a"]})"s + '\0' + "garbage";
        const Error e = parse_error(text);
        CHECK(e.status == Status::parse);
        REQUIRE(e.position.has_value());
        CHECK(e.position->offset == text.find('\0'));
        CHECK(contains(e.message, "NUL"));
    }
    SUBCASE("a NUL alone after the document, after whitespace, or inside an array") {
        for (const std::string &text : {"[1]\0"s, "[1]  \0  "s, "[1,\0]"s, "\0"s, "{\"a\": 1\0}"s}) {
            CAPTURE(text);
            const Error e = parse_error(text);
            CHECK(e.status == Status::parse);
            REQUIRE(e.position.has_value());
            CHECK(e.position->offset == text.find('\0'));
            CHECK(contains(e.message, "a NUL byte"));
        }
    }
    SUBCASE("a raw NUL inside a string must be escaped; the escape is a character like any other") {
        const Error e = parse_error("[\"a\0b\"]"s);
        CHECK(e.status == Status::parse);
        CHECK(contains(e.message, "must be escaped"));
        CHECK(parse_ok(R"(["a\u0000b"])")[0].get<std::string>() == "a\0b"s);
    }
}

TEST_CASE("messages are printable: valid UTF-8, no control characters, whatever the input held") {
    using namespace std::string_literals;
    auto printable_utf8 = [](const std::string &m) {
        for (std::size_t i = 0; i < m.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(m[i]);
            if (c < 0x20 || c == 0x7F) return false;
        }
        return parse_json(Json(m).dump()).has_value();  // nlohmann's dump throws on bad UTF-8
    };
    SUBCASE("malformed JSON quoting an invalid UTF-8 byte") {
        const Error e = parse_error("[\"\xff\xfe\"]");
        CHECK(e.status == Status::parse);
        CHECK(printable_utf8(e.message));
        CHECK(contains(e.message, "\\xFF"));
    }
    SUBCASE("a message quoting an id with control characters") {
        const Error e = make_error(Status::reference, "unknown skill \"a\0b\n\x7f\"c\xc3\xa9\""s, "/x");
        CHECK(e.message == "unknown skill \"a\\u0000b\\u000A\\u007F\"c\xc3\xa9\"");
        CHECK(printable_utf8(e.message));
        CHECK(e.pointer == "/x");
    }
    SUBCASE("text that needs nothing is kept byte for byte") {
        const std::string m = "caf\xc3\xa9 \xf0\x9f\x8e\x93 at /a~1b";
        CHECK(make_error(Status::schema, m).message == m);
    }
}
