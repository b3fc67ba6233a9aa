// careerpath/batch.hpp: run_batch and plan_batch. Each answer comes back in input order and
// equals the single-plan output byte for byte; bad lines are answered with their error and the
// rest go on; 1 and N threads give the same bytes; the window bounds the work ahead of the sink;
// a sink that says stop stops the batch with Status::cancelled; line splitting (LF, CRLF, a
// final LF, an empty line, no final LF).
#include <careerpath/json.hpp>
#include <careerpath/batch.hpp>
#include <careerpath/plan.hpp>

#include "support.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace careerpath;

namespace {

std::string read_example(const char *name) {
    std::ifstream in(std::string(CAREERPATH_EXAMPLES_DIR) + "/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const Curriculum &example() {
    static const Curriculum c = careerpath_test::load_ok(read_example("engineering-growth.json"));
    return c;
}

// Requests: Alex and Maria on one line each, with variations, and bad lines among them.
std::vector<std::string> requests() {
    const Json alex = Json::parse(read_example("alex.request.json"));
    const Json maria = Json::parse(read_example("maria.request.json"));
    std::vector<std::string> lines;
    for (int i = 0; i < 24; ++i) {
        Json r = i % 2 ? maria : alex;
        r["learner"]["id"] = "p" + std::to_string(i);
        r["learner"]["hours_per_week"] = 3 + i % 5;
        lines.push_back(r.dump());
        if (i % 7 == 3) {  // an unknown program
            Json bad = alex;
            bad["program"] = "astronaut";
            lines.push_back(bad.dump());
        }
        if (i % 9 == 4) lines.push_back("{not json");
    }
    return lines;
}

std::string join(const std::vector<std::string> &lines, const char *end = "\n") {
    std::string text;
    for (const std::string &l : lines) text += l + end;
    return text;
}

// What careerpath_plan gives for one line, or the error line.
std::string single(const std::string &request, std::size_t line_number) {
    auto planned = plan_from_json(example(), request);
    if (planned) return plan_to_json_text(example(), planned.value().request, planned.value().plan);
    return Json{{"error",
                 {{"line", line_number},
                  {"status", status_name(planned.error().status)},
                  {"message", planned.error().message},
                  {"pointer", planned.error().pointer}}},
                {"schema_version", schema_version}}
        .dump();
}

std::vector<std::string> batch(const std::string &text, unsigned threads, std::size_t window = 0) {
    std::vector<std::string> out;
    BatchOptions options;
    options.threads = threads;
    options.window = window;
    auto done = plan_batch(example(), text, options, [&](std::string_view answer) {
        out.emplace_back(answer);
        return true;
    });
    REQUIRE(done.has_value());
    return out;
}

}  // namespace

TEST_CASE("plan_batch: line by line, in order, the same bytes as one plan at a time") {
    const std::vector<std::string> lines = requests();
    const std::vector<std::string> answers = batch(join(lines), 3);
    REQUIRE(answers.size() == lines.size());
    std::size_t errors = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CAPTURE(i);
        CHECK(answers[i] == single(lines[i], i + 1));
        errors += answers[i].rfind("{\"error\"", 0) == 0;
    }
    CHECK(errors == 6);  // unknown programs after i = 3, 10, 17 and bad JSON after i = 4, 13, 22
    const Json first_error = Json::parse(answers[4]);  // line 5: the unknown program after i = 3
    CHECK(first_error["error"]["line"] == 5);
    CHECK(first_error["error"]["status"] == "CAREERPATH_ERR_REFERENCE");
    CHECK(first_error["error"]["pointer"] == "/program");
}

TEST_CASE("plan_batch: 1 and N threads, any window, give identical bytes") {
    const std::string text = join(requests());
    const std::vector<std::string> one = batch(text, 1);
    CHECK(batch(text, 2) == one);
    CHECK(batch(text, 4, 1) == one);
    CHECK(batch(text, 3, 2) == one);
    CHECK(batch(text, 8, 100) == one);
}

TEST_CASE("run_batch: the work never runs more than the window ahead of the sink") {
    std::string text;
    for (int i = 0; i < 500; ++i) text += std::to_string(i) + "\n";
    for (std::size_t window : {1u, 3u, 16u}) {
        std::atomic<std::size_t> delivered{0}, furthest_ahead{0};
        BatchOptions options;
        options.threads = 4;
        options.window = window;
        auto done = run_batch(
            text, options,
            [&](std::string_view line, std::size_t n) {
                // Line n (from 1) is claimed only while it is within `window` of the next line to
                // deliver; the sink may still be busy with the line before that one, which this
                // counter has not seen yet: so at most window + 1 ahead of it.
                const std::size_t ahead = n - delivered.load();
                std::size_t seen = furthest_ahead.load();
                while (ahead > seen && !furthest_ahead.compare_exchange_weak(seen, ahead)) {
                }
                return std::string(line);
            },
            [&](std::string_view answer) {
                CHECK(answer == std::to_string(delivered.load()));
                ++delivered;
                return true;
            });
        REQUIRE(done.has_value());
        CHECK(delivered == 500);
        CAPTURE(window);
        CHECK(furthest_ahead.load() <= window + 1);
    }
}

TEST_CASE("run_batch: a sink that says stop cancels the batch") {
    std::string text;
    for (int i = 0; i < 1000; ++i) text += "line\n";
    std::atomic<std::size_t> worked{0};
    std::size_t calls = 0;
    BatchOptions options;
    options.threads = 2;
    options.window = 4;
    auto done = run_batch(
        text, options,
        [&](std::string_view line, std::size_t) {
            ++worked;
            return std::string(line);
        },
        [&](std::string_view) { return ++calls < 3; });
    REQUIRE_FALSE(done.has_value());
    CHECK(done.error().status == Status::cancelled);
    CHECK(calls == 3);
    CHECK(worked.load() <= 3 + 4);  // nothing claimed beyond the window after the stop
}

TEST_CASE("run_batch: how lines are split") {
    auto lines_of = [](std::string_view text) {
        std::vector<std::string> out;
        BatchOptions options;
        options.threads = 2;
        auto done = run_batch(
            text, options, [](std::string_view line, std::size_t n) { return std::to_string(n) + ":" + std::string(line); },
            [&](std::string_view answer) {
                out.emplace_back(answer);
                return true;
            });
        REQUIRE(done.has_value());
        return out;
    };
    CHECK(lines_of("").empty());
    CHECK(lines_of("a") == std::vector<std::string>{"1:a"});                      // no final LF
    CHECK(lines_of("a\n") == std::vector<std::string>{"1:a"});                    // a final LF ends the last line
    CHECK(lines_of("a\r\nb\r\n") == std::vector<std::string>{"1:a", "2:b"});      // CRLF
    CHECK(lines_of("a\n\nb") == std::vector<std::string>{"1:a", "2:", "3:b"});    // an empty line is a line
    CHECK(lines_of("\n") == std::vector<std::string>{"1:"});
}

TEST_CASE("plan_line: an empty line is a parse error of its own") {
    const Json answer = Json::parse(plan_line(example(), "  ", 7));
    CHECK(answer["error"]["line"] == 7);
    CHECK(answer["error"]["status"] == "CAREERPATH_ERR_PARSE");
}

TEST_CASE("run_batch: an exception from the sink or the work stops the batch and comes back") {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "x\n";
    BatchOptions options;
    options.threads = 2;
    options.window = 4;
    auto echo = [](std::string_view line, std::size_t) { return std::string(line); };
    std::size_t calls = 0;
    // (void): the result is never made, and clang warns of a [[nodiscard]] one dropped.
    CHECK_THROWS_AS((void)run_batch(text, options, echo,
                              [&](std::string_view) -> bool {
                                  if (++calls == 5) throw std::runtime_error("sink failed");
                                  return true;
                              }),
                    std::runtime_error);
    CHECK(calls == 5);
    CHECK_THROWS_AS((void)run_batch(
                        text, options,
                        [](std::string_view line, std::size_t n) -> std::string {
                            if (n == 50) throw std::length_error("work failed");
                            return std::string(line);
                        },
                        [](std::string_view) { return true; }),
                    std::length_error);
}

TEST_CASE("one answer per input: a batch line fails with the status, message and pointer of the single call") {
    using namespace std::string_literals;
    std::string deep;
    for (int i = 0; i < 70; ++i) deep += "[";
    const std::vector<std::string> hostile = {
        "{\"learner\": {\"id\": \"\xff\xfe\"}}",                            // invalid UTF-8
        "{\"learner\": \"\0\"}"s,                                              // a raw NUL in a string
        R"({"program": "technical_leadership"})"s + '\0' + "garbage",         // bytes after a NUL
        deep,                                                                  // over max_depth
        "{\"learner\": {\"id\": \"" + std::string(70'000, 'x') + "\"}}",      // over max_string_bytes
        R"({"learner": {"id": "a\u0000b", "hours_per_week": 1e999}})",        // a number past a double
        R"({"learner": {"id": "a\u0000b"}, "program": "nope\u0001"})",        // control characters in ids
        R"([1, 2])",
        R"({"learner": {"id": "x", "hours_per_week": "six"}})",
    };
    for (const std::string &line : hostile) {
        CAPTURE(line.substr(0, 80));
        REQUIRE(line.find('\n') == std::string::npos);
        const auto single = plan_json_text(example(), line);
        REQUIRE_FALSE(single.has_value());
        std::vector<std::string> answers;
        REQUIRE(plan_batch(example(), line, BatchOptions{}, [&](std::string_view a) {
                    answers.emplace_back(a);
                    return true;
                }).has_value());
        REQUIRE(answers.size() == 1);
        const Json error = Json::parse(answers[0]).at("error");
        CHECK(error.at("status") == status_name(single.error().status));
        CHECK(error.at("message") == single.error().message);
        CHECK(error.at("pointer") == single.error().pointer);
        CHECK(single.error().message.find('\0') == std::string::npos);
    }
}
