// Fuzz target for the library's JSON parser (src/io/document.hpp), which every reader uses: the
// fast parser must accept exactly the texts that nlohmann's strict parser accepts under the same
// limits, read every value as nlohmann reads it (type, value, key order, the last of duplicate
// keys), and name every value by the JSON Pointer a walk from the root gives. Any difference
// abort()s, so that the fuzzer records the input. Run under two sets of limits: the defaults and
// tight ones (depth 4, strings of 8 bytes), so that the limit paths are exercised as well.
#include <careerpath/json.hpp>

#include "io/document.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

namespace cp = careerpath;

[[noreturn]] void fail(const char *what, const std::string &detail) {
    std::fprintf(stderr, "json_document fuzz target: %s: %s\n", what, detail.c_str());
    std::abort();
}

// Every value of `v` has the pointer `at`, and dump() spells it as nlohmann spells the same value.
void check_pointers(const cp::io::Value &v, const std::string &at) {
    if (v.pointer() != at) fail("pointer", v.pointer() + " where the walk says " + at);
    if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i) check_pointers(v[i], cp::pointer_append(at, i));
    } else if (v.is_object()) {
        for (const auto member : v.members()) {
            check_pointers(member.value(), cp::pointer_append(at, member.key()));
            if (!v.find(member.key())) fail("find", std::string(member.key()));
        }
    }
}

void check(std::string_view text, const cp::Limits &limits) {
    const auto fast = cp::io::Document::parse_fast(text, limits);
    auto slow = cp::parse_document(text, limits);
    if (static_cast<bool>(fast) != static_cast<bool>(slow))
        fail(fast ? "the fast parser accepts what nlohmann rejects" : "the fast parser rejects what nlohmann accepts",
             slow ? std::string("nlohmann read it") : slow.error().message);
    if (!fast) {
        // parse() must then give nlohmann's error exactly.
        auto full = cp::io::Document::parse(text, limits);
        if (full) fail("parse() accepts what parse_fast rejects", "");
        const cp::Error &a = full.error();
        const cp::Error &b = slow.error();
        if (a.status != b.status || a.message != b.message || a.pointer != b.pointer)
            fail("the error differs from parse_json's", a.message + " | " + b.message);
        return;
    }
    const std::string ours = fast->root().dump();
    const std::string theirs = slow.value().root().dump(-1, ' ', false, cp::Json::error_handler_t::replace);
    if (ours != theirs) fail("values differ", ours + " | " + theirs);
    check_pointers(fast->root(), "");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    check(text, cp::Limits{});
    cp::Limits tight;
    tight.max_depth = 4;
    tight.max_string_bytes = 8;
    check(text, tight);
    return 0;
}
