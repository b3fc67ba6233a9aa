// Typed reads of JSON members, each failure naming its JSON Pointer. Shared by every document
// reader (curriculum now; requests later) so that all of them word their errors alike.
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/json.hpp>
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

inline const char *type_name(const Json &v) {
    switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::string: return "a string";
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    case Json::value_t::binary: return "binary data";
    case Json::value_t::discarded: return "nothing";
    default: return "a number";
    }
}

/// A JSON value and the pointer that names it.
struct Node {
    const Json *value = nullptr;
    std::string pointer;

    explicit operator bool() const noexcept { return value != nullptr; }
    const Json &operator*() const noexcept { return *value; }
    const Json *operator->() const noexcept { return value; }

    /// The member `key` of an object (an empty Node where absent).
    Node member(std::string_view key) const {
        auto it = value->find(key);
        if (it == value->end()) return Node{nullptr, pointer_append(pointer, key)};
        return Node{&*it, pointer_append(pointer, key)};
    }
    Node element(std::size_t i) const { return Node{&(*value)[i], pointer_append(pointer, i)}; }

    Ok expect_object(std::string_view what) const {
        if (value->is_object()) return boost::outcome_v2::success();
        return schema_error(pointer, std::string(what) + " must be an object, not " + type_name(*value));
    }
    Ok expect_array(std::string_view what) const {
        if (value->is_array()) return boost::outcome_v2::success();
        return schema_error(pointer, std::string(what) + " must be an array, not " + type_name(*value));
    }
};

inline Error missing(const Node &n, std::string_view what) {
    return schema_error(n.pointer, "missing " + std::string(what));
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
        return schema_error(n.pointer, std::string(what) + " must be a string, not " + type_name(*n));
    out = n->get<std::string>();
    if (out.empty()) return schema_error(n.pointer, std::string(what) + " must not be empty");
    return boost::outcome_v2::success();
}

/// A string; absent leaves `out` as it is.
inline Ok read_optional_string(const Node &n, std::string_view what, std::string &out) {
    if (!n) return boost::outcome_v2::success();
    if (!n->is_string())
        return schema_error(n.pointer, std::string(what) + " must be a string, not " + type_name(*n));
    out = n->get<std::string>();
    return boost::outcome_v2::success();
}

/// A finite number >= `minimum`.
inline Ok read_number(const Node &n, std::string_view what, double minimum, double &out) {
    if (!n) return missing(n, what);
    if (!n->is_number())
        return schema_error(n.pointer, std::string(what) + " must be a number, not " + type_name(*n));
    const double v = n->get<double>();
    if (!std::isfinite(v))
        return schema_error(n.pointer, std::string(what) + " must be a finite number");
    if (v < minimum)
        return schema_error(n.pointer, std::string(what) + " must be at least " + format_number(minimum) +
                                           ", not " + n->dump());
    out = v;
    return boost::outcome_v2::success();
}

/// A whole number in [minimum, maximum].
inline Ok read_int(const Node &n, std::string_view what, long long minimum, long long maximum, int &out) {
    if (!n) return missing(n, what);
    if (!n->is_number_integer())
        return schema_error(n.pointer, std::string(what) + " must be a whole number, not " +
                                           (n->is_number() ? n->dump() : std::string(type_name(*n))));
    const bool negative = n->is_number_integer() && !n->is_number_unsigned() && n->get<long long>() < 0;
    const long long v = negative ? n->get<long long>()
                                 : static_cast<long long>(std::min<unsigned long long>(
                                       n->get<unsigned long long>(), 1ull << 62));
    if (v < minimum || v > maximum)
        return schema_error(n.pointer, std::string(what) + " must be from " + std::to_string(minimum) +
                                           " to " + std::to_string(maximum) + ", not " + n->dump());
    out = static_cast<int>(v);
    return boost::outcome_v2::success();
}

/// A level by name or by index. `lowest` is the smallest level accepted (1 where "not yet"
/// makes no sense). Unknown names are Status::reference; indices off the scale Status::schema.
inline Ok read_level(const Node &n, const LevelScale &scale, std::string_view what, Level lowest, Level &out) {
    if (!n) return missing(n, what);
    if (n->is_string()) {
        const auto &name = n->get_ref<const std::string &>();
        auto level = scale.find(name);
        if (!level)
            return make_error(Status::reference,
                              std::string(what) + " \"" + name + "\" is not on the level scale", n.pointer);
        out = *level;
    } else if (n->is_number_integer()) {
        const bool negative = !n->is_number_unsigned() && n->get<long long>() < 0;
        if (negative || n->get<unsigned long long>() > static_cast<unsigned long long>(scale.top()))
            return schema_error(n.pointer, std::string(what) + " " + n->dump() +
                                               " is off the level scale (0 to " + std::to_string(scale.top()) + ")");
        out = static_cast<Level>(n->get<unsigned long long>());
    } else {
        return schema_error(n.pointer, std::string(what) + " must be a level name or a whole-number index, not " +
                                           (n->is_number() ? n->dump() : std::string(type_name(*n))));
    }
    if (out < lowest)
        return schema_error(n.pointer, std::string(what) + " must be above \"" + scale.name(0) +
                                           "\", the level of not having started");
    return boost::outcome_v2::success();
}

/// A date written "YYYY-MM-DD".
inline Ok read_date(const Node &n, std::string_view what, Date &out) {
    std::string text;
    BOOST_OUTCOME_TRYV(read_id(n, what, text));
    const auto date = Date::parse(text);
    if (!date)
        return schema_error(n.pointer, std::string(what) + " \"" + text +
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
                          out.pointer);
    return success();
}

}  // namespace detail

CAREERPATH_NAMESPACE_END
