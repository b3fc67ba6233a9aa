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
// Numbers differ only where nlohmann's own formatter (Grisu2) gave more digits than needed: the
// writer gives the fewest that read back as the same double (std::to_chars), in nlohmann's
// layout, so 5936.721497 is no longer 5936.7214970000005 (README, "Numbers in JSON output").
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

    /// The next member's key. Keys of one object must come in ascending byte order, as a reader
    /// sees them (each byte that is not UTF-8 read as U+FFFD, see string()), so that no key comes
    /// twice; a std::logic_error otherwise, with nothing written: a writer that breaks the order
    /// is a bug.
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
    /// A double in the shortest text that reads back as the same value, laid out as nlohmann
    /// lays numbers out: plain decimals from 1e-4 to below 1e15, with ".0" on whole numbers so
    /// that they read back as reals (2.0, 1000000.0), and an exponent beyond (1e-05, 1e+15);
    /// "-0.0" for negative zero (rounded() makes results' zeros positive); "null" for
    /// infinities and NaN.
    void number(double v);
    /// A string, escaped as JSON requires (\", \\, \b \f \n \r \t, other control characters
    /// as \u00XX); each byte that does not belong to a UTF-8 sequence becomes U+FFFD.
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
        // Where this object's last key starts in keys_ (it runs to the start of the next open
        // object's, or to the end).
        std::size_t key_start = 0;
    };

    void open(char bracket);
    void close(char bracket);
    // Writes v's escaped bytes, without quotes; false when a byte was not UTF-8.
    bool escaped(std::string_view v);
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
    // The last key of every open object, as read back, one after the other: key() compares with
    // its object's own, in one buffer that stops allocating once it has held the deepest keys.
    // A copy rather than a view of the caller's key, which key() may not outlive.
    std::string keys_;
};

}  // namespace detail

CAREERPATH_NAMESPACE_END
