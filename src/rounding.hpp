// careerpath — how real numbers are rounded for output. The plan, scorecard and match documents
// write their hours and ratios rounded so (docs/io.md, "Writing"), and the planner's messages
// quote hours the same way, so that a message and the document agree; a header of its own, so
// that the planner needs nothing from src/io/.
#pragma once

#include <careerpath/version.hpp>

#include <cmath>
#include <sstream>
#include <string>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

/// A real number for output, rounded to a millionth so that 0.30000000000000004 prints as 0.3,
/// and never as -0.
inline double rounded(double value) {
    const double r = std::round(value * 1e6) / 1e6;
    return r == 0 ? 0.0 : r;
}

/// Hours for a sentence, rounded as above: "114" or "1.6", never "114.000000".
inline std::string format_hours(double hours) {
    std::ostringstream out;
    out << rounded(hours);
    return out.str();
}

}  // namespace detail

CAREERPATH_NAMESPACE_END
