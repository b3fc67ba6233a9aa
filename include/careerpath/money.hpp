// careerpath — money: exact amounts in cents with their ISO 4217 currency (README "Money").
// Amounts are whole numbers of hundredths of the currency's unit, read from the JSON text exactly
// and summed, multiplied and divided as integers; no amount ever passes through a binary float.
#pragma once

#include <careerpath/version.hpp>

#include <cstdint>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

/// An amount of money: `cents` hundredths of the unit of `currency`, an ISO 4217 alphabetic code.
/// Hundredths whatever the currency's own minor unit (JPY has none, BHD three): an amount is
/// written with at most two decimals (README "Money").
struct Money {
    std::int64_t cents = 0;
    std::string currency;

    friend bool operator==(const Money &, const Money &) = default;
};

/// The largest amount a document may give (a price, a replacement cost): 10^13 cents,
/// 100,000,000,000.00. A price times the months of any plan (at most the 8,600 years up to
/// 9999-12-31) stays within 64 bits.
inline constexpr std::int64_t max_amount_cents = 10'000'000'000'000;

/// Whether `code` is an active ISO 4217 alphabetic code ("USD", "EUR", ...): three upper-case
/// letters from the table in src/money.cpp.
bool is_currency_code(std::string_view code) noexcept;

/// The amount as a decimal with two places and no grouping: "15000.00", "-3.05", as documents
/// write it beside the cents.
std::string format_amount(std::int64_t cents);

/// The amount for people: the currency code, a space, thousands grouped by commas, two places:
/// "USD 15,000.00", "USD -3.05".
std::string format_money(std::int64_t cents, std::string_view currency);
inline std::string format_money(const Money &money) { return format_money(money.cents, money.currency); }

CAREERPATH_NAMESPACE_END
