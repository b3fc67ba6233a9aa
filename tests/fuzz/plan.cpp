// Fuzz target for careerpath_plan: any bytes as a plan request, against the example curriculum
// (examples/data/engineering-growth.json, compiled in as CAREERPATH_FUZZ_CURRICULUM), through
// the C ABI exactly as an embedding application calls it.
//
// Beyond "does not crash, leak or hang" (the sanitizers' part), every input must keep the ABI's
// contract, and anything else abort()s so that the fuzzer records the input:
//   - success: a JSON object comes back and the last error is cleared;
//   - failure: the output is left NULL, the status is one a plan may return, the message is not
//     empty and the pointer is "" or an RFC 6901 pointer.
#include "careerpath.h"
#include "example_curriculum.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {

[[noreturn]] void fail(const char *what, int status) { fuzz::fail("plan", what, status); }

const careerpath_curriculum *curriculum() { return fuzz::example_curriculum(); }

bool plan_may_return(careerpath_status status) {
    switch (status) {
    case CAREERPATH_ERR_PARSE:
    case CAREERPATH_ERR_SCHEMA:
    case CAREERPATH_ERR_REFERENCE:
    case CAREERPATH_ERR_INFEASIBLE:
    case CAREERPATH_ERR_LIMIT:
    case CAREERPATH_ERR_MEMORY:
        return true;
    default:
        return false;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    char *plan = reinterpret_cast<char *>(&plan);  // a non-NULL sentinel: failure must reset it
    const careerpath_status status = careerpath_plan(curriculum(), reinterpret_cast<const char *>(data), size, &plan);
    if (status == CAREERPATH_OK) {
        if (!plan) fail("plan succeeded but returned NULL", status);
        const std::size_t length = std::strlen(plan);
        if (length < 2 || plan[0] != '{' || plan[length - 1] != '}') fail("the plan is not a JSON object", status);
        if (careerpath_last_error()[0] != '\0') fail("plan succeeded but did not clear the last error", status);
        careerpath_free(plan);
        return 0;
    }
    if (plan) fail("plan failed but did not leave the output NULL", status);
    if (!plan_may_return(status)) fail("plan returned a status it should never return", status);
    if (careerpath_last_error()[0] == '\0') fail("plan failed with an empty message", status);
    const char *pointer = careerpath_last_error_pointer();
    if (pointer[0] != '\0' && pointer[0] != '/') fail("the error pointer is not a JSON Pointer", status);
    return 0;
}
