// Money (careerpath/money.hpp): the ISO 4217 table and how amounts are written.
#include <careerpath/money.hpp>

#include <algorithm>
#include <array>
#include <cstdint>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// ISO 4217 "List one: currency and funds codes", the active alphabetic codes, sorted so that a
// code is found by binary search. Taken from the list as Debian's iso-codes 4.15.0 ships it
// (/usr/share/iso-codes/json/iso_4217.json), with the amendments since: HRK withdrawn (Croatia
// adopted the euro on 2023-01-01), ZWG added (2024) and XCG added (2025). Codes still listed
// while their successors are phased in (ANG, CUC, SLL, ZWL) stay: a price written in them still
// names money. Fund and metal codes (BOV, XAU, ...) are on list one, so they are here too.
constexpr std::array<std::string_view, 182> iso_4217 = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF",
    "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP", "CVE", "CZK", "DJF",
    "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD",
    "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD",
    "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK",
    "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK",
    "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK",
    "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT",
    "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS",
    "VED", "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG",
    "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG", "ZWL"};

constexpr bool well_formed(const std::array<std::string_view, 182> &codes) {
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (codes[i].size() != 3) return false;
        for (char ch : codes[i])
            if (ch < 'A' || ch > 'Z') return false;
        if (i > 0 && !(codes[i - 1] < codes[i])) return false;
    }
    return true;
}
static_assert(well_formed(iso_4217), "the ISO 4217 table holds three upper-case letters per code, strictly ascending");

// The digits of |cents| / 100 and of |cents| % 100, the sign apart: INT64_MIN has no positive
// counterpart in 64 bits, so the magnitude is taken unsigned.
struct Parts {
    bool negative;
    std::uint64_t whole;
    unsigned fraction;
};
Parts parts_of(std::int64_t cents) {
    const bool negative = cents < 0;
    const std::uint64_t magnitude = negative ? ~static_cast<std::uint64_t>(cents) + 1 : static_cast<std::uint64_t>(cents);
    return {negative, magnitude / 100, static_cast<unsigned>(magnitude % 100)};
}

std::string two_places(unsigned fraction) {
    return {static_cast<char>('0' + fraction / 10), static_cast<char>('0' + fraction % 10)};
}

}  // namespace

bool is_currency_code(std::string_view code) noexcept {
    return std::binary_search(iso_4217.begin(), iso_4217.end(), code);
}

std::string format_amount(std::int64_t cents) {
    const Parts p = parts_of(cents);
    return (p.negative ? "-" : "") + std::to_string(p.whole) + "." + two_places(p.fraction);
}

std::string format_money(std::int64_t cents, std::string_view currency) {
    const Parts p = parts_of(cents);
    const std::string digits = std::to_string(p.whole);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return std::string(currency) + " " + (p.negative ? "-" : "") + grouped + "." + two_places(p.fraction);
}

CAREERPATH_NAMESPACE_END
