// Reading a cohort request (careerpath/cohort.hpp, cohort_from_json): declared apart from
// readers.hpp, with no JSON type in it, so that the cohort report's glue (cohort.cpp) can read
// through it without the I/O layer's internals (docs/io.md).
#pragma once

#include <careerpath/cohort.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/scorecard.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

namespace io {

/// What a cohort request says besides its people.
struct CohortSettings {
    std::size_t min_group_size = 5;
    std::optional<CohortEconomics> economics;
};

/// Reads {"min_group_size": 5, "economics": {...}, "people": [score request, ...]}. `start` is
/// given the settings and how many people there are before the first is read; `person` is
/// handed each person's score request, with its place in "people", as soon as it is read, in
/// order, so that no more than one is held at a time (docs/limits.md, "Cohort request"). A bad
/// person is that person's error, its pointer under /people/K; an error `person` returns is the
/// request's as it is. Either way the people after it are not read.
Result<CohortSettings> read_cohort_request(const Curriculum &curriculum, std::string_view request_json, const Limits &limits,
                                           const std::function<void(const CohortSettings &settings, std::size_t count)> &start,
                                           const std::function<Result<void>(ScoreRequest &&request, std::size_t index)> &person);

}  // namespace io

CAREERPATH_NAMESPACE_END
