// careerpath — errors: a status, a message a person can act on, and where in the input it is.
#pragma once

#include <careerpath/version.hpp>

#include <boost/outcome/std_result.hpp>
#include <boost/outcome/try.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

/// The same numbers as careerpath_status in the C ABI (a test keeps them in step).
enum class Status : int {
    ok = 0,
    argument = 1,    ///< NULL or otherwise unusable argument
    parse = 2,       ///< not well-formed JSON
    schema = 3,      ///< well-formed, but wrong shape, type or value
    reference = 4,   ///< names something that does not exist
    cycle = 5,       ///< prerequisites or role extensions form a cycle
    infeasible = 6,  ///< no plan can exist
    limit = 7,       ///< input beyond a documented limit
    memory = 8,
    cancelled = 9,
    internal = 10,
};

/// "CAREERPATH_OK", "CAREERPATH_ERR_SCHEMA", ...; "CAREERPATH_UNKNOWN_STATUS" otherwise.
const char *status_name(Status status) noexcept;

/// A place in a text: byte offset from 0, line and column (in bytes) from 1.
struct TextPosition {
    std::size_t offset = 0;
    std::size_t line = 1;
    std::size_t column = 1;
    friend bool operator==(const TextPosition &, const TextPosition &) = default;
};

/// What went wrong. `pointer` is an RFC 6901 JSON Pointer into the input document ("" for the
/// whole document or where there is none); `position` is set for malformed JSON.
struct Error {
    Status status = Status::internal;
    std::string message;
    std::string pointer;
    std::optional<TextPosition> position;
};

/// The result of anything that can fail: a value or an Error. Accessing the value of a failed
/// result throws boost::outcome_v2::bad_result_access_with<Error>.
template <class T>
using Result = boost::outcome_v2::std_checked<T, Error>;

namespace detail {
/// `text` as a message carries it: UTF-8 with no control characters, so that a C caller gets it
/// whole (a NUL would cut it short) and every decoder reads it. A control character becomes
/// "\u00NN" and a byte that is not UTF-8 "\xNN"; other text is left as it is.
std::string printable(std::string text);
}  // namespace detail

/// Builds an Error; `pointer` is a JSON Pointer. Ids and text from the input that the message
/// quotes may hold anything: the message is made printable.
inline Error make_error(Status status, std::string message, std::string pointer = {}) {
    return Error{status, detail::printable(std::move(message)), std::move(pointer), std::nullopt};
}

CAREERPATH_NAMESPACE_END
