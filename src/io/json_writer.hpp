// Writing JSON text straight from the model, with no document tree in between.
//
// Why not build an nlohmann tree and dump it: a tree costs an allocation per value, and freeing
// one allocates too (nlohmann flattens a tree onto a heap stack in its destructor), so a tree that
// is dropped because memory ran out terminates the process. A writer holds nothing but the text
// and one entry per open object or array, so out of memory unwinds cleanly (docs/limits.md).
//
// The bytes are the ones nlohmann's compact dump() gives for the same values: members appear in
// the order written, and every writer in careerpath writes them sorted by key (as nlohmann's
// std::map kept them), which key() checks, so that outputs stay byte for byte what they were.
#pragma once

#include <careerpath/version.hpp>

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

/// A real number for output, rounded to a millionth so that 0.30000000000000004 prints as 0.3,
/// and never as -0.
inline double rounded(double value) {
    const double r = std::round(value * 1e6) / 1e6;
    return r == 0 ? 0.0 : r;
}

class JsonWriter {
public:
    /// Appends to `out`.
    explicit JsonWriter(std::string &out) : out_(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    /// The next member's key. Keys of one object must come in ascending byte order (a
    /// std::logic_error otherwise: a writer that breaks the order is a bug).
    void key(std::string_view key);

    void null() {
        separate();
        out_.append("null");
    }
    void boolean(bool v) {
        separate();
        out_.append(v ? "true" : "false");
    }
    void integer(long long v);
    void unsigned_integer(unsigned long long v);
    /// A double as nlohmann prints it: the shortest text that reads back as the same value, with
    /// ".0" on whole numbers; "null" for infinities and NaN.
    void number(double v);
    /// A string, escaped as JSON requires; a byte sequence that is not UTF-8 becomes U+FFFD.
    void string(std::string_view v);

    /// Any value: strings, numbers, booleans, nullptr, and std::optional of them (null when empty).
    template <class T>
    void value(const T &v) {
        if constexpr (std::is_same_v<T, bool>) boolean(v);
        else if constexpr (std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, std::nullopt_t>) null();
        else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) integer(v);
        else if constexpr (std::is_integral_v<T>) unsigned_integer(v);
        else if constexpr (std::is_floating_point_v<T>) number(v);
        else if constexpr (is_optional<T>::value) {
            if (v) value(*v);
            else null();
        } else string(std::string_view(v));
    }

    template <class T>
    void member(std::string_view k, const T &v) {
        key(k);
        value(v);
    }

    /// An array of strings (or of anything value() takes) from a range.
    template <class Range>
    void array(const Range &range) {
        begin_array();
        for (const auto &item : range) value(item);
        end_array();
    }

private:
    template <class T>
    struct is_optional : std::false_type {};
    template <class T>
    struct is_optional<std::optional<T>> : std::true_type {};

    struct Level {
        bool object = false;
        bool empty = true;
        std::string last_key;
    };

    void open(char bracket);
    void close(char bracket);
    // Before a value: the comma after the previous element of an array (a member's comma comes
    // with its key).
    void separate() {
        if (!levels_.empty() && !levels_.back().object) {
            if (!levels_.back().empty) out_.push_back(',');
            levels_.back().empty = false;
        }
    }

    std::string &out_;
    std::vector<Level> levels_;
};

}  // namespace detail

CAREERPATH_NAMESPACE_END
