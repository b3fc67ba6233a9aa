// Shared by the fuzz targets that run against the example curriculum (plan, score, cohort,
// match, export_gantt, export_ical): reporting a broken contract, and the curriculum loaded once
// for the whole run.
#pragma once

#include "careerpath.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

namespace fuzz {

/// Reports a broken contract with the last error, and aborts so that the fuzzer keeps the input.
[[noreturn]] inline void fail(const char *target, const char *what, int status) {
    std::fprintf(stderr, "%s fuzz target: %s (status %d %s; last error \"%s\", pointer \"%s\")\n", target, what,
                 status, careerpath_status_name(static_cast<careerpath_status>(status)), careerpath_last_error(),
                 careerpath_last_error_pointer());
    std::abort();
}

/// The contract of a failed careerpath_export of a plan document: the output left NULL, a status
/// an export may return, and a message.
inline void check_export_failure(const char *target, careerpath_status status, const char *out) {
    if (out) fail(target, "export failed but did not leave the output NULL", status);
    if (status != CAREERPATH_ERR_PARSE && status != CAREERPATH_ERR_SCHEMA && status != CAREERPATH_ERR_LIMIT &&
        status != CAREERPATH_ERR_MEMORY)
        fail(target, "export returned a status it should never return", status);
    if (careerpath_last_error()[0] == '\0') fail(target, "export failed with an empty message", status);
}

/// The contract of a request-in, document-out call (careerpath_plan, _score, _cohort): on success
/// a JSON object and the last error cleared; on failure the output left NULL, a status the call
/// may return (`may_infeasible`: ERR_INFEASIBLE too), a message, and "" or a JSON Pointer.
inline void check_document_call(const char *target, careerpath_status status, const char *out, bool may_infeasible) {
    if (status == CAREERPATH_OK) {
        if (!out) fail(target, "the call succeeded but returned NULL", status);
        const std::size_t length = std::strlen(out);
        if (length < 2 || out[0] != '{' || out[length - 1] != '}') fail(target, "the result is not a JSON object", status);
        if (careerpath_last_error()[0] != '\0') fail(target, "the call succeeded but did not clear the last error", status);
        return;
    }
    if (out) fail(target, "the call failed but did not leave the output NULL", status);
    const bool expected = status == CAREERPATH_ERR_PARSE || status == CAREERPATH_ERR_SCHEMA ||
                          status == CAREERPATH_ERR_REFERENCE || status == CAREERPATH_ERR_LIMIT ||
                          status == CAREERPATH_ERR_MEMORY || (may_infeasible && status == CAREERPATH_ERR_INFEASIBLE);
    if (!expected) fail(target, "the call returned a status it should never return", status);
    if (careerpath_last_error()[0] == '\0') fail(target, "the call failed with an empty message", status);
    const char *pointer = careerpath_last_error_pointer();
    if (pointer[0] != '\0' && pointer[0] != '/') fail(target, "the error pointer is not a JSON Pointer", status);
}

/// examples/data/engineering-growth.json (CAREERPATH_FUZZ_CURRICULUM), loaded on first use and
/// kept for the whole run.
inline const careerpath_curriculum *example_curriculum() {
    static const careerpath_curriculum *const loaded = [] {
        std::ifstream in(CAREERPATH_FUZZ_CURRICULUM, std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        careerpath_curriculum *c = nullptr;
        if (careerpath_curriculum_load(&c, text.data(), text.size()) != CAREERPATH_OK)
            fail("example curriculum", "the example curriculum does not load", 0);
        return c;
    }();
    return loaded;
}

}  // namespace fuzz
