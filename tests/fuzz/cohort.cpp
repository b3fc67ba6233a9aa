// Fuzz target for careerpath_cohort: any bytes as a cohort request ({"min_group_size": 5,
// "people": [score request, ...]}), against the example curriculum
// (examples/data/engineering-growth.json, compiled in as CAREERPATH_FUZZ_CURRICULUM), through
// the C ABI exactly as an embedding application calls it.
//
// Beyond "does not crash, leak or hang" (the sanitizers' part), every input must keep the ABI's
// contract, and anything else abort()s so that the fuzzer records the input:
//   - success: a JSON object comes back and the last error is cleared;
//   - failure: the output is left NULL, the status is one a cohort report may return, the message
//     is not empty, and the pointer is "" or an RFC 6901 pointer to the request's own keys or
//     under /people (a bad person's error is that person's, under /people/K).
#include "careerpath.h"
#include "example_curriculum.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {

[[noreturn]] void fail(const char *what, int status) { fuzz::fail("cohort", what, status); }

const careerpath_curriculum *curriculum() { return fuzz::example_curriculum(); }

bool cohort_may_return(careerpath_status status) {
    switch (status) {
    case CAREERPATH_ERR_PARSE:
    case CAREERPATH_ERR_SCHEMA:
    case CAREERPATH_ERR_REFERENCE:
    case CAREERPATH_ERR_LIMIT:
    case CAREERPATH_ERR_MEMORY:
        return true;
    default:
        return false;
    }
}

bool starts_with(const char *text, const char *prefix) { return std::strncmp(text, prefix, std::strlen(prefix)) == 0; }

// "", the document itself's members, or anything under /people.
bool cohort_pointer(const char *pointer) {
    return pointer[0] == '\0' || std::strcmp(pointer, "/people") == 0 || starts_with(pointer, "/people/") ||
           std::strcmp(pointer, "/min_group_size") == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    char *report = reinterpret_cast<char *>(&report);  // a non-NULL sentinel: failure must reset it
    const careerpath_status status =
        careerpath_cohort(curriculum(), reinterpret_cast<const char *>(data), size, &report);
    if (status == CAREERPATH_OK) {
        if (!report) fail("cohort succeeded but returned NULL", status);
        const std::size_t length = std::strlen(report);
        if (length < 2 || report[0] != '{' || report[length - 1] != '}') fail("the report is not a JSON object", status);
        if (careerpath_last_error()[0] != '\0') fail("cohort succeeded but did not clear the last error", status);
        careerpath_free(report);
        return 0;
    }
    if (report) fail("cohort failed but did not leave the output NULL", status);
    if (!cohort_may_return(status)) fail("cohort returned a status it should never return", status);
    if (careerpath_last_error()[0] == '\0') fail("cohort failed with an empty message", status);
    if (!cohort_pointer(careerpath_last_error_pointer()))
        fail("the error pointer is not a JSON Pointer into the cohort request", status);
    return 0;
}
