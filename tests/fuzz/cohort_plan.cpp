// Fuzz target for careerpath_plan_cohort: any bytes as a cohort plan request ({"mentors": [...],
// "learners": [...]}, docs/cohort-planning.md), against the example curriculum
// (examples/data/engineering-growth.json, compiled in as CAREERPATH_FUZZ_CURRICULUM), through the
// C ABI exactly as an embedding application calls it.
//
// Beyond "does not crash, leak or hang" (the sanitizers' part), every input must keep the ABI's
// contract, and anything else abort()s so that the fuzzer records the input:
//   - success: a JSON object comes back, the last error is cleared, and planning the same bytes
//     again gives the same bytes (the learning paths are planned on several threads, and the
//     result must not depend on which thread planned what);
//   - failure: the output is left NULL, the status is one a cohort plan may return (a learner's
//     plan may be infeasible), the message is not empty and the pointer is "" or an RFC 6901
//     pointer.
#include "careerpath.h"
#include "example_curriculum.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const char *request = reinterpret_cast<const char *>(data);
    char *result = reinterpret_cast<char *>(&result);  // a non-NULL sentinel: failure must reset it
    const careerpath_status status = careerpath_plan_cohort(fuzz::example_curriculum(), request, size, &result);
    fuzz::check_document_call("plan_cohort", status, result, true);
    if (status == CAREERPATH_OK) {  // the same bytes give the same plans and calendars
        char *again = nullptr;
        const careerpath_status second = careerpath_plan_cohort(fuzz::example_curriculum(), request, size, &again);
        if (second != CAREERPATH_OK || !again || std::strcmp(result, again) != 0)
            fuzz::fail("plan_cohort", "planning the same cohort twice gave different results", second);
        careerpath_free(again);
    }
    careerpath_free(result);
    return 0;
}
