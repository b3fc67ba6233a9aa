// Reading a plan, scorecard or cohort report document back for a report, as the text and HTML
// reports do (README.md "The text report", "Reports"). A report reads dozens of members and the
// first fault ends it, so a fault is thrown from where it is found and caught once, where the
// report is made, which returns its Error: the status, "not a plan document: ..." and the
// JSON Pointer of the member.
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/error.hpp>

#include "json_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

struct ReportFault {
    Error error;
};

/// A member of a report's document. `kind` names the document for the messages ("plan
/// document"); `text`, if given, is applied to every string read (the text report makes control
/// characters spaces with it).
class ReportField {
public:
    using Text = std::string (*)(std::string_view);

    ReportField(Node node, const char *kind, Text text = nullptr) : node_(std::move(node)), kind_(kind), text_(text) {}

    [[noreturn]] void fail(const std::string &message) const {
        throw ReportFault{make_error(Status::schema, std::string("not a ") + kind_ + ": " + message, node_.pointer())};
    }

    /// A member of an absent object is absent too, so what reads it says "missing" at its place.
    ReportField operator[](std::string_view key) const {
        if (node_ && !node_->is_object()) fail("must be an object, not " + std::string(node_->type_name()));
        return ReportField(node_.member(key), kind_, text_);
    }
    bool given() const { return node_ && !node_->is_null(); }

    /// An array's size; absent or null counts as empty.
    std::size_t size() const {
        if (!given()) return 0;
        if (!node_->is_array()) fail("must be an array, not " + std::string(node_->type_name()));
        return node_->size();
    }
    ReportField at(std::size_t i) const { return ReportField(node_.element(i), kind_, text_); }

    std::string str() const {
        if (!given()) fail("missing");
        if (!node_->is_string()) fail("must be a string, not " + std::string(node_->type_name()));
        return text_ ? text_(node_->string()) : std::string(node_->string());
    }
    std::string str_or(std::string fallback) const { return given() ? str() : std::move(fallback); }
    std::vector<std::string> strings() const {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < size(); ++i) out.push_back(at(i).str());
        return out;
    }

    double number() const {
        if (!given()) fail("missing");
        if (!node_->is_number()) fail("must be a number, not " + std::string(node_->type_name()));
        return node_->number();
    }
    std::optional<double> number_or_null() const {
        if (!given()) return std::nullopt;
        return number();
    }
    /// A whole number within ±2^53, where a double still holds every one (money in cents).
    std::int64_t integer() const { return whole(-(1ll << 53), 1ll << 53, "within 2^53"); }
    /// A whole number of things (people, units, minutes), from 0 to 2^40, so that a size made of
    /// it stays small.
    std::int64_t count() const { return whole(0, 1ll << 40, "from 0 to 2^40"); }

    bool boolean() const {
        if (!given()) fail("missing");
        if (!node_->is_boolean()) fail("must be true or false, not " + std::string(node_->type_name()));
        return node_->boolean();
    }
    bool flag() const { return given() && boolean(); }  // absent: false

    /// A date, "YYYY-MM-DD".
    Date date() const {
        const std::string text = str();
        const auto d = Date::parse(text);
        if (!d) fail("\"" + text + "\" is not a date");
        return *d;
    }
    /// The day of a date or of a date-time ("2027-01-04T09:00+01:00").
    Date day() const {
        const std::string text = str();
        const auto d = Date::parse(text.substr(0, std::min<std::size_t>(text.size(), 10)));
        if (!d || (text.size() != 10 && (text.size() < 16 || text[10] != 'T'))) fail("\"" + text + "\" is not a date");
        return *d;
    }
    std::optional<Date> day_or_null() const {
        if (!given()) return std::nullopt;
        return day();
    }

private:
    std::int64_t whole(std::int64_t least, std::int64_t most, const char *range) const {
        if (!given()) fail("missing");
        if (!node_->is_number_integer()) fail("must be a whole number");
        // Past the range either way is past it: an unsigned value is clamped before it is cast.
        const std::int64_t v = node_->is_number_unsigned()
                                   ? static_cast<std::int64_t>(std::min<std::uint64_t>(node_->unsigned_integer(), 1ull << 62))
                                   : node_->integer();
        if (v < least || v > most) fail(std::string("must be a whole number ") + range);
        return v;
    }

    Node node_;
    const char *kind_;
    Text text_;
};

/// Which report a document asks for, told by its shape: a plan has "path" and "summary", a
/// scorecard "skills" and "readiness", a cohort report "individuals".
enum class ReportShape { plan, scorecard, cohort, unknown };

inline ReportShape report_shape(const io::Value &root) {
    if (!root.is_object()) return ReportShape::unknown;
    if (root.find("path") && root.find("summary")) return ReportShape::plan;
    if (root.find("skills") && root.find("readiness")) return ReportShape::scorecard;
    if (root.find("individuals")) return ReportShape::cohort;
    return ReportShape::unknown;
}

/// The error for a document of no report's shape.
inline Error not_a_report(const io::Value &root) {
    if (!root.is_object())
        return make_error(Status::schema,
                          std::string("not a plan, a scorecard or a cohort report: the document must be an object, not ") +
                              root.type_name(),
                          "");
    return make_error(Status::schema,
                      "not a plan, a scorecard or a cohort report: a plan has \"path\" and \"summary\", a scorecard "
                      "\"skills\" and \"readiness\", a cohort report \"individuals\"",
                      "");
}

}  // namespace detail

CAREERPATH_NAMESPACE_END
