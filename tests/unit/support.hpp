// Helpers shared by the unit tests.
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/json.hpp>

#include <doctest/doctest.h>

#include <string_view>
#include <utility>

namespace careerpath_test {

/// Loads a curriculum that must be valid; the test fails with the error's pointer and message.
inline careerpath::Curriculum load_ok(std::string_view text) {
    auto r = careerpath::Curriculum::load(text);
    if (!r) FAIL("load failed at \"", r.error().pointer, "\": ", r.error().message);
    return std::move(r).value();
}

}  // namespace careerpath_test
