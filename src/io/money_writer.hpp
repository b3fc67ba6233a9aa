// Writing money (README "Money"): every amount a document gives is a pair of members, "amount",
// the decimal as a string with two places ("15000.00", exact, so that no reader turns it into a
// binary float on the way), and "cents", the same amount as a whole number.
#pragma once

#include <careerpath/money.hpp>

#include "json_writer.hpp"

#include <cstdint>
#include <optional>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

/// "amount" and "cents", both null where there is no amount. They are the first two members of
/// every object that holds an amount, in the writer's key order.
inline void write_amount(JsonWriter &w, std::optional<std::int64_t> cents) {
    w.key("amount");
    if (cents) w.value(format_amount(*cents));
    else w.null();
    w.member("cents", cents);
}

}  // namespace detail

CAREERPATH_NAMESPACE_END
