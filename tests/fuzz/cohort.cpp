// Fuzz target for careerpath_cohort: any bytes as a cohort request ({"min_group_size": 5,
// "people": [score request, ...]}), against the example curriculum
// (examples/data/engineering-growth.json, compiled in as CAREERPATH_FUZZ_CURRICULUM), through
// the C ABI exactly as an embedding application calls it.
//
// Beyond "does not crash, leak or hang" (the sanitizers' part), every input must keep the ABI's
// contract, and anything else abort()s so that the fuzzer records the input:
//   - success: a JSON object comes back and the last error is cleared;
//   - failure: the output is left NULL, the status is one a cohort report may return, the message
//     is not empty and the pointer is "" or an RFC 6901 pointer (anywhere in the document: a
//     number too large for a double fails at its place even under a key nobody reads).
#include "careerpath.h"
#include "example_curriculum.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const char *request = reinterpret_cast<const char *>(data);
    char *report = reinterpret_cast<char *>(&report);  // a non-NULL sentinel: failure must reset it
    const careerpath_status status = careerpath_cohort(fuzz::example_curriculum(), request, size, &report);
    fuzz::check_document_call("cohort", status, report, false);
    careerpath_free(report);
    return 0;
}
