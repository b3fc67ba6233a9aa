// Money read exactly from the JSON text (money_reader.hpp). The document keeps each number's
// text (io::Value::number_text), so an amount is the decimal written, scaled to cents by moving
// its exponent: no double is ever involved, and no amount is rounded.
#include "money_reader.hpp"

#include <algorithm>
#include <cctype>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

namespace {

// A JSON number's exact value times 10^places, where that is a whole number no larger than
// `max`. The document has checked the grammar (-?int(.frac)?([eE][+-]?digits)?).
struct Scaled {
    enum class Fit { exact, too_precise, too_large } fit = Fit::exact;
    bool negative = false;  // of a non-zero value
    std::uint64_t value = 0;
};

Scaled scale_decimal(std::string_view text, int places, std::uint64_t max) {
    Scaled out;
    std::size_t i = 0;
    const bool minus = i < text.size() && text[i] == '-';
    if (minus) ++i;
    std::string digits;  // significant digits, leading zeros dropped
    long long power = places;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i)
        if (!digits.empty() || text[i] != '0') digits += text[i];
    if (i < text.size() && text[i] == '.')
        for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
            if (!digits.empty() || text[i] != '0') digits += text[i];
            --power;
        }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        const bool negative_exponent = i < text.size() && text[i] == '-';
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
        // An exponent past a million decides the answer on its own (beyond any digit count the
        // document's size allows), so larger ones are held there rather than overflowing.
        long long exponent = 0;
        for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i)
            exponent = std::min(exponent * 10 + (text[i] - '0'), 1'000'000'000LL);
        power += negative_exponent ? -exponent : exponent;
    }
    while (!digits.empty() && digits.back() == '0') digits.pop_back(), ++power;
    if (digits.empty()) return out;  // zero, however written
    out.negative = minus;
    if (power < 0) {
        out.fit = Scaled::Fit::too_precise;
        return out;
    }
    // 19 digits or fewer are below 10^19, inside 64 bits.
    if (static_cast<long long>(digits.size()) + power > 19) {
        out.fit = Scaled::Fit::too_large;
        return out;
    }
    std::uint64_t v = 0;
    for (char d : digits) v = v * 10 + static_cast<std::uint64_t>(d - '0');
    for (long long k = 0; k < power; ++k) v *= 10;
    out.value = v;
    if (v > max) out.fit = Scaled::Fit::too_large;
    return out;
}

Ok expect_number(const Node &n, std::string_view what) {
    if (!n) return missing(n, what);
    if (!n->is_number())
        return schema_error(n.pointer(), std::string(what) + " must be a number, not " + type_name(*n));
    return success();
}

}  // namespace

Ok read_amount(const Node &n, std::string_view what, std::int64_t &cents) {
    BOOST_OUTCOME_TRYV(expect_number(n, what));
    const std::string_view text = n->number_text();
    const Scaled s = scale_decimal(text, 2, static_cast<std::uint64_t>(max_amount_cents));
    if (s.negative)
        return schema_error(n.pointer(), std::string(what) + " must not be negative, not " + std::string(text));
    if (s.fit == Scaled::Fit::too_precise)
        return schema_error(n.pointer(), std::string(what) + " " + std::string(text) +
                                           " has more than two decimals: money is counted in whole cents, and "
                                           "careerpath does not round it (write the amount to the cent)");
    if (s.fit == Scaled::Fit::too_large)
        return make_error(Status::limit,
                          std::string(what) + " " + std::string(text) + " is over " + format_amount(max_amount_cents) +
                              ", the largest amount careerpath takes (10^13 cents)",
                          n.pointer());
    cents = static_cast<std::int64_t>(s.value);
    return success();
}

Ok read_currency(const Node &n, std::string &out) {
    BOOST_OUTCOME_TRYV(read_id(n, "currency", out));
    if (is_currency_code(out)) return success();
    std::string upper = out;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    if (upper != out && is_currency_code(upper))
        return schema_error(n.pointer(), "currency \"" + out + "\" is written in capitals: \"" + upper + "\" (ISO 4217)");
    return schema_error(n.pointer(), "currency \"" + out +
                                       "\" is not an active ISO 4217 currency code (three capital letters, such as "
                                       "USD, EUR or GBP)");
}

Ok read_price(const Node &n, Money &out) {
    BOOST_OUTCOME_TRYV(n.expect_object("\"price\""));
    BOOST_OUTCOME_TRYV(read_amount(n.member("amount"), "price amount", out.cents));
    BOOST_OUTCOME_TRYV(read_currency(n.member("currency"), out.currency));
    const Node per = n.member("per");
    std::string period;
    BOOST_OUTCOME_TRYV(read_id(per, "\"per\" (\"month\": a price is per month)", period));
    if (period != "month")
        return schema_error(per.pointer(), "\"per\" must be \"month\", not \"" + period +
                                             "\": a price is per month (per person for a group program)");
    return success();
}

Ok read_share(const Node &n, std::string_view what, int places, std::int64_t &scaled) {
    BOOST_OUTCOME_TRYV(expect_number(n, what));
    std::uint64_t one = 1;
    for (int k = 0; k < places; ++k) one *= 10;
    const std::string_view text = n->number_text();
    const Scaled s = scale_decimal(text, places, one);
    if (s.negative || s.fit == Scaled::Fit::too_large)
        return schema_error(n.pointer(), std::string(what) + " must be from 0 to 1, not " + std::string(text));
    if (s.fit == Scaled::Fit::too_precise)
        return schema_error(n.pointer(), std::string(what) + " " + std::string(text) + " has more than " +
                                           std::to_string(places) + " decimals");
    scaled = static_cast<std::int64_t>(s.value);
    return success();
}

}  // namespace detail

CAREERPATH_NAMESPACE_END
