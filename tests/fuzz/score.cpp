// Fuzz target for careerpath_score: any bytes as a score request, against the example curriculum
// (examples/data/engineering-growth.json, compiled in as CAREERPATH_FUZZ_CURRICULUM), through
// the C ABI exactly as an embedding application calls it.
//
// Beyond "does not crash, leak or hang" (the sanitizers' part), every input must keep the ABI's
// contract, and anything else abort()s so that the fuzzer records the input:
//   - success: a JSON object comes back, the last error is cleared, and scoring the same bytes
//     again gives the same bytes;
//   - failure: the output is left NULL, the status is one a scorecard may return, the message is
//     not empty and the pointer is "" or an RFC 6901 pointer.
#include "careerpath.h"
#include "example_curriculum.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {

[[noreturn]] void fail(const char *what, int status) { fuzz::fail("score", what, status); }

const careerpath_curriculum *curriculum() { return fuzz::example_curriculum(); }

bool score_may_return(careerpath_status status) {
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const char *request = reinterpret_cast<const char *>(data);
    char *card = reinterpret_cast<char *>(&card);  // a non-NULL sentinel: failure must reset it
    const careerpath_status status = careerpath_score(curriculum(), request, size, &card);
    if (status == CAREERPATH_OK) {
        if (!card) fail("score succeeded but returned NULL", status);
        const std::size_t length = std::strlen(card);
        if (length < 2 || card[0] != '{' || card[length - 1] != '}') fail("the scorecard is not a JSON object", status);
        if (careerpath_last_error()[0] != '\0') fail("score succeeded but did not clear the last error", status);
        char *again = nullptr;
        const careerpath_status second = careerpath_score(curriculum(), request, size, &again);
        if (second != CAREERPATH_OK || !again || std::strcmp(card, again) != 0)
            fail("scoring the same request twice gave different results", second);
        careerpath_free(again);
        careerpath_free(card);
        return 0;
    }
    if (card) fail("score failed but did not leave the output NULL", status);
    if (!score_may_return(status)) fail("score returned a status it should never return", status);
    if (careerpath_last_error()[0] == '\0') fail("score failed with an empty message", status);
    const char *pointer = careerpath_last_error_pointer();
    if (pointer[0] != '\0' && pointer[0] != '/') fail("the error pointer is not a JSON Pointer", status);
    return 0;
}
