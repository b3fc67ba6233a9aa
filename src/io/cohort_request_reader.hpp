// Reading a cohort request (careerpath/cohort.hpp, cohort_from_json): declared apart from
// readers.hpp, with no JSON type in it, so that the cohort report's glue (cohort.cpp) can read
// through it without the I/O layer's internals (docs/io.md).
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/scorecard.hpp>

#include <cstddef>
#include <functional>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

namespace io {

/// Reads {"min_group_size": 5, "people": [score request, ...]} and returns min_group_size.
/// `people` is told how many people there are before the first is read; `person` is handed each
/// person's score request as soon as it is read, in order, so that no more than one is held at a
/// time (docs/limits.md, "Cohort request"). A bad person is that person's error, its pointer
/// under /people/K, and the people after it are not read.
Result<std::size_t> read_cohort_request(const Curriculum &curriculum, std::string_view request_json, const Limits &limits,
                                        const std::function<void(std::size_t count)> &people,
                                        const std::function<void(ScoreRequest &&request)> &person);

}  // namespace io

CAREERPATH_NAMESPACE_END
