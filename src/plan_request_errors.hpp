// careerpath — the plan request's faults that are found both where the request is read
// (src/io/request_reader.hpp) and where the plan is made (make_plan.cpp): one wording, so that a
// request gets the same message whichever finds it first; a header outside src/io/ so that the
// planner includes nothing of the I/O layer (docs/io.md).
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/error.hpp>

#include <string>
#include <utility>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

/// A program whose months, counted from `start`, end after 9999-12-31: Status::limit at the
/// start, which is what to change (the program's length is the curriculum's).
inline Error program_past_calendar_end(const Program &program, Date start, std::string pointer) {
    // The latest start is the 1st of the month `months` before 10000-01-01.
    const int latest = 10000 * 12 - program.months;
    const auto latest_start = Date::from_ymd(latest / 12, latest % 12 + 1, 1);
    return make_error(Status::limit,
                      "program \"" + program.id + "\" runs " + std::to_string(program.months) +
                          " months: from the start " + start.iso() +
                          " it would run past 9999-12-31, the end of the calendar careerpath supports" +
                          (latest_start ? "; start it on " + latest_start->iso() + " or earlier" : std::string()),
                      std::move(pointer));
}

}  // namespace detail
CAREERPATH_NAMESPACE_END
