// The error line of a batch (careerpath/batch.hpp, plan_line): declared apart from the JSON
// writer, with no JSON type in it, so that the batch (batch.cpp) writes it without the I/O
// layer's internals (docs/io.md).
#pragma once

#include <careerpath/error.hpp>

#include <cstddef>
#include <string>

CAREERPATH_NAMESPACE_BEGIN

namespace io {

/// {"error": {"line": n, "message": ..., "pointer": ..., "status": "CAREERPATH_ERR_..."}}: the
/// line of careerpath_plan_batch's output for a request line that failed.
std::string error_line(std::size_t line_number, const Error &e);

}  // namespace io

CAREERPATH_NAMESPACE_END
