// Typed reads of JSON members, each failure naming its JSON Pointer. Shared by every document
// reader (curriculum now; requests later) so that all of them word their errors alike.
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/json.hpp>

#include "document.hpp"
#include "../suggest.hpp"
#include <careerpath/levels.hpp>

#include <cmath>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

using Ok = Result<void>;

inline Ok success() { return boost::outcome_v2::success(); }

inline Error schema_error(const std::string &pointer, std::string message) {
    return make_error(Status::schema, std::move(message), pointer);
}

inline const char *type_name(const io::Value &v) { return v.type_name(); }

/// A JSON value and the place that names it. The JSON Pointer is worked out only when a message
/// asks for it, so reading a good document builds none.
class Node {
public:
    Node() = default;
    explicit Node(io::Value value) noexcept : value_(value) {}

    explicit operator bool() const noexcept { return static_cast<bool>(value_); }
    const io::Value &operator*() const noexcept { return value_; }
    const io::Value *operator->() const noexcept { return &value_; }

    /// The member `key` of an object (an empty Node where absent, which still names its place).
    Node member(std::string_view key) const {
        if (value_) {
            if (const io::Value found = value_.find(key)) return Node(found);
        }
        Node absent;
        if (value_) {
            absent.parent_ = value_;
            absent.place_.assign(key);
        } else {
            absent.place_ = pointer_append(pointer(), key);
        }
        return absent;
    }
    Node element(std::size_t i) const { return Node(value_[i]); }

    /// The RFC 6901 JSON Pointer of this value, or of the member that is absent.
    std::string pointer() const {
        if (value_) return value_.pointer();
        if (parent_) return pointer_append(parent_.pointer(), place_);
        return place_;
    }

    Ok expect_object(std::string_view what) const {
        if (value_.is_object()) return boost::outcome_v2::success();
        return schema_error(pointer(), std::string(what) + " must be an object, not " + type_name(value_));
    }
    Ok expect_array(std::string_view what) const {
        if (value_.is_array()) return boost::outcome_v2::success();
        return schema_error(pointer(), std::string(what) + " must be an array, not " + type_name(value_));
    }

private:
    io::Value value_;
    // Where absent: the object it is missing from and the member's name, or (missing from a
    // member that is itself missing) the whole pointer.
    io::Value parent_;
    std::string place_;
};

inline Error missing(const Node &n, std::string_view what) {
    return schema_error(n.pointer(), "missing " + std::string(what));
}

inline std::string format_number(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

/// A non-empty string.
inline Ok read_id(const Node &n, std::string_view what, std::string &out) {
    if (!n) return missing(n, what);
    if (!n->is_string())
        return schema_error(n.pointer(), std::string(what) + " must be a string, not " + type_name(*n));
    out.assign(n->string());
    if (out.empty()) return schema_error(n.pointer(), std::string(what) + " must not be empty");
    return boost::outcome_v2::success();
}

/// A string; absent leaves `out` as it is.
inline Ok read_optional_string(const Node &n, std::string_view what, std::string &out) {
    if (!n) return boost::outcome_v2::success();
    if (!n->is_string())
        return schema_error(n.pointer(), std::string(what) + " must be a string, not " + type_name(*n));
    out.assign(n->string());
    return boost::outcome_v2::success();
}

/// A finite number >= `minimum`.
inline Ok read_number(const Node &n, std::string_view what, double minimum, double &out) {
    if (!n) return missing(n, what);
    if (!n->is_number())
        return schema_error(n.pointer(), std::string(what) + " must be a number, not " + type_name(*n));
    const double v = n->number();
    if (!std::isfinite(v))
        return schema_error(n.pointer(), std::string(what) + " must be a finite number");
    if (v < minimum)
        return schema_error(n.pointer(), std::string(what) + " must be at least " + format_number(minimum) +
                                           ", not " + n->dump());
    out = v;
    return boost::outcome_v2::success();
}

/// A whole number in [minimum, maximum].
inline Ok read_int(const Node &n, std::string_view what, long long minimum, long long maximum, int &out) {
    if (!n) return missing(n, what);
    if (!n->is_number_integer())
        return schema_error(n.pointer(), std::string(what) + " must be a whole number, not " +
                                           (n->is_number() ? n->dump() : std::string(type_name(*n))));
    const bool negative = n->is_number_integer() && !n->is_number_unsigned() && n->integer() < 0;
    const long long v = negative ? n->integer()
                                 : static_cast<long long>(std::min<unsigned long long>(
                                       n->unsigned_integer(), 1ull << 62));
    if (v < minimum || v > maximum)
        return schema_error(n.pointer(), std::string(what) + " must be from " + std::to_string(minimum) +
                                           " to " + std::to_string(maximum) + ", not " + n->dump());
    out = static_cast<int>(v);
    return boost::outcome_v2::success();
}

/// A level by name or by index. `lowest` is the smallest level accepted (1 where "not yet"
/// makes no sense). Unknown names are Status::reference; indices off the scale Status::schema.
inline Ok read_level(const Node &n, const LevelScale &scale, std::string_view what, Level lowest, Level &out) {
    if (!n) return missing(n, what);
    if (n->is_string()) {
        const std::string_view name = n->string();
        auto level = scale.find(name);
        if (!level)
            return make_error(Status::reference, not_on_scale(what, name, scale), n.pointer());
        out = *level;
    } else if (n->is_number_integer()) {
        const bool negative = !n->is_number_unsigned() && n->integer() < 0;
        if (negative || n->unsigned_integer() > static_cast<unsigned long long>(scale.top()))
            return schema_error(n.pointer(), std::string(what) + " " + n->dump() +
                                               " is off the level scale (0 to " + std::to_string(scale.top()) + ")");
        out = static_cast<Level>(n->unsigned_integer());
    } else {
        return schema_error(n.pointer(), std::string(what) + " must be a level name or a whole-number index, not " +
                                           (n->is_number() ? n->dump() : std::string(type_name(*n))));
    }
    if (out < lowest)
        return schema_error(n.pointer(), std::string(what) + " must be above \"" + scale.name(0) +
                                           "\", the level of not having started");
    return boost::outcome_v2::success();
}

/// A date written "YYYY-MM-DD".
inline Ok read_date(const Node &n, std::string_view what, Date &out) {
    std::string text;
    BOOST_OUTCOME_TRYV(read_id(n, what, text));
    const auto date = Date::parse(text);
    if (!date)
        return schema_error(n.pointer(), std::string(what) + " \"" + text +
                                           "\" is not a date: write YYYY-MM-DD, a day that exists");
    out = *date;
    return success();
}

/// An array member, or an empty Node where absent.
inline Ok read_array(const Node &parent, std::string_view key, Node &out) {
    out = parent.member(key);
    if (!out) return success();
    return out.expect_array("\"" + std::string(key) + "\"");
}

// An array no longer than `limit` (named in the message).
inline Ok read_array(const Node &parent, std::string_view key, std::size_t limit, std::string_view limit_name, Node &out) {
    BOOST_OUTCOME_TRYV(read_array(parent, key, out));
    if (out && out->size() > limit)
        return make_error(Status::limit, "\"" + std::string(key) + "\" has " + std::to_string(out->size()) +
                                             " entries, more than " + std::to_string(limit) + " (" +
                                             std::string(limit_name) + ")",
                          out.pointer());
    return success();
}

}  // namespace detail

CAREERPATH_NAMESPACE_END
