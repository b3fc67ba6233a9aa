// Reading money from documents (README "Money"): amounts from the JSON number's own text, so that
// 0.29 is 29 cents exactly and not the double nearest to it; currencies against ISO 4217; and a
// program's price. Shared by the curriculum reader (prices) and the cohort request reader
// (economics).
#pragma once

#include <careerpath/money.hpp>

#include "json_reader.hpp"

#include <cstdint>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

/// An amount of money: a JSON number, not negative, a whole number of cents (at most two
/// decimals, by value: 1.500 is 150 cents, 2.5e3 is 250000), at most max_amount_cents
/// (Status::limit above it). More decimals are an error, never rounded.
Ok read_amount(const Node &n, std::string_view what, std::int64_t &cents);

/// An active ISO 4217 alphabetic code.
Ok read_currency(const Node &n, std::string &out);

/// A price: {"amount": 2500, "currency": "USD", "per": "month"}, `per` required and "month".
Ok read_price(const Node &n, Money &out);

/// A share in [0, 1] with at most `places` decimals (1 to 9), as a whole number of
/// 10^-places: 0.85 with 6 places is 850000.
Ok read_share(const Node &n, std::string_view what, int places, std::int64_t &scaled);

}  // namespace detail

CAREERPATH_NAMESPACE_END
