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

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const char *request = reinterpret_cast<const char *>(data);
    char *plan = reinterpret_cast<char *>(&plan);  // a non-NULL sentinel: failure must reset it
    const careerpath_status status = careerpath_plan(fuzz::example_curriculum(), request, size, &plan);
    fuzz::check_document_call("plan", status, plan, true);
    careerpath_free(plan);
    return 0;
}
