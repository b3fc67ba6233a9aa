// Shared by the fuzz targets of careerpath_import (import_case, import_onet): the contract every
// import keeps, whatever the bytes, checked so that a broken one abort()s and the fuzzer keeps
// the input.
#pragma once

#include "careerpath.h"
#include "example_curriculum.hpp"

#include <cstddef>
#include <cstring>

namespace fuzz {

// success: a JSON object that careerpath_curriculum_load accepts (an import always writes a
// curriculum the library loads), the last error cleared, and the same bytes the second time;
// failure: the output left NULL, one of the statuses an import of `format` may return, a
// message, and "" or a pointer starting with '/'.
inline void check_import(const char *target, const char *format, const char *input, std::size_t size,
                         bool may_parse_or_cycle) {
    char *out = reinterpret_cast<char *>(&out);  // a non-NULL sentinel: failure must reset it
    const careerpath_status status = careerpath_import(format, input, size, &out);
    if (status != CAREERPATH_OK) {
        if (out) fail(target, "the import failed but did not leave the output NULL", status);
        const bool expected = status == CAREERPATH_ERR_SCHEMA || status == CAREERPATH_ERR_LIMIT ||
                              status == CAREERPATH_ERR_MEMORY ||
                              (may_parse_or_cycle && (status == CAREERPATH_ERR_PARSE || status == CAREERPATH_ERR_CYCLE));
        if (!expected) fail(target, "the import returned a status it should never return", status);
        if (careerpath_last_error()[0] == '\0') fail(target, "the import failed with an empty message", status);
        const char *pointer = careerpath_last_error_pointer();
        if (pointer[0] != '\0' && pointer[0] != '/') fail(target, "the error pointer does not start with '/'", status);
        return;
    }
    if (!out) fail(target, "the import succeeded but returned NULL", status);
    const std::size_t length = std::strlen(out);
    if (length < 2 || out[0] != '{' || out[length - 1] != '}') fail(target, "the result is not a JSON object", status);
    if (careerpath_last_error()[0] != '\0') fail(target, "the import succeeded but did not clear the last error", status);
    careerpath_curriculum *curriculum = nullptr;
    const careerpath_status loaded = careerpath_curriculum_load(&curriculum, out, length);
    if (loaded != CAREERPATH_OK && loaded != CAREERPATH_ERR_MEMORY)
        fail(target, "the imported curriculum does not load", loaded);
    careerpath_curriculum_free(curriculum);
    char *again = nullptr;
    const careerpath_status second = careerpath_import(format, input, size, &again);
    if (second == CAREERPATH_OK && (!again || std::strcmp(out, again) != 0))
        fail(target, "importing the same bytes twice gave different results", second);
    careerpath_free(again);
    careerpath_free(out);
}

}  // namespace fuzz
