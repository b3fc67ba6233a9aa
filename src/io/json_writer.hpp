// Writing JSON text straight from the model, with no document tree in between.
//
// Why not build an nlohmann tree and dump it: a tree costs an allocation per value, and freeing
// one allocates too (nlohmann flattens a tree onto a heap stack in its destructor), so a tree that
// is dropped because memory ran out terminates the process. A writer holds nothing but the text
// and one entry per open object or array, so out of memory unwinds cleanly (docs/limits.md).
// It gathers the text in a buffer of its own and appends it to the caller's string a few
// kilobytes at a time, and whenever a top-level value is complete: the caller's string holds
// each document once its last bracket is written (not before), and small writes cost a copy
// into the buffer, not a call into std::string.
//
// The bytes are the ones nlohmann's compact dump() gives for the same values: members appear in
// the order written, and every writer in careerpath writes them sorted by key (as nlohmann's
// std::map kept them), which key() checks, so that outputs stay byte for byte what they were.
// Numbers differ only where nlohmann's own formatter (Grisu2) gave more digits than needed: the
// writer gives the fewest that read back as the same double (std::to_chars), in nlohmann's
// layout, so 5936.721497 is no longer 5936.7214970000005 (README, "Numbers in JSON output").
#pragma once

#include <careerpath/date.hpp>
#include <careerpath/version.hpp>

#include "../rounding.hpp"  // rounded(): what every writer writes its reals through

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

// What JsonWriter::string() does with each byte: 0 copies it; 'u' writes \u00XX; '8' starts what
// must be a UTF-8 sequence; any other is the letter of its two-character escape (\" \\ \b \f \n
// \r \t).
constexpr std::array<char, 256> json_escape_table() {
    std::array<char, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[c] = 'u';
    for (int c = 0x80; c < 0x100; ++c) table[c] = '8';
    table['"'] = '"';
    table['\\'] = '\\';
    table['\b'] = 'b';
    table['\f'] = 'f';
    table['\n'] = 'n';
    table['\r'] = 'r';
    table['\t'] = 't';
    return table;
}
inline constexpr std::array<char, 256> json_escape = json_escape_table();

class JsonWriter {
public:
    /// A key that the program spells: a string literal, checked when it is compiled to be
    /// printable ASCII that needs no escaping, so that it is written as it is and compared
    /// without a copy. Keys that come from data (ids) go through id_key().
    class Key {
    public:
        template <std::size_t N>
        consteval Key(const char (&text)[N]) : text_(text, N - 1) {
            for (char c : text_)
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\')
                    throw "a JsonWriter::Key must be printable ASCII without quotes or backslashes";
        }
        constexpr std::string_view text() const { return text_; }

    private:
        std::string_view text_;
    };

    /// Appends to `out`.
    explicit JsonWriter(std::string &out) : out_(out) {}
    JsonWriter(const JsonWriter &) = delete;
    JsonWriter &operator=(const JsonWriter &) = delete;

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    /// The next member's key. Keys of one object must come in ascending byte order, as a reader
    /// sees them (each byte that is not UTF-8 read as U+FFFD, see string()), so that no key comes
    /// twice; a std::logic_error otherwise, with nothing written: a writer that breaks the order
    /// is a bug.
    void key(Key key) {
        // The common case inline: an object's next key, after a key the program spelt, with
        // room in the buffer; everything else (and every error) in key_slow().
        const std::string_view text = key.text();
        if (levels_.empty() || !levels_.back().object || (!levels_.back().empty && !levels_.back().literal) ||
            text.size() + 4 > sizeof buffer_ - used_) [[unlikely]]
            return key_slow(key);
        Level &level = levels_.back();
        if (!level.empty && !after(text, std::string_view(level.literal, level.literal_size))) [[unlikely]]
            return key_slow(key);
        char *p = buffer_ + used_;
        char *const start = p;
        if (!level.empty) *p++ = ',';
        *p++ = '"';
        copy(p, text.data(), text.size());
        p += text.size();
        *p++ = '"';
        *p++ = ':';
        used_ += static_cast<std::size_t>(p - start);
        level.empty = false;
        level.literal = text.data();
        level.literal_size = text.size();
    }
    /// The same for a key taken from data (a skill's or a metric's id): escaped as a string is.
    void id_key(std::string_view key);

    void null() { scalar([&] { put("null"); }); }
    void boolean(bool v) { scalar([&] { bare_boolean(v); }); }
    void integer(long long v) { scalar([&] { bare_integer(v); }); }
    void unsigned_integer(unsigned long long v) { scalar([&] { bare_unsigned(v); }); }
    /// A double in the shortest text that reads back as the same value, laid out as nlohmann
    /// lays numbers out: plain decimals from 1e-4 to below 1e15, with ".0" on whole numbers so
    /// that they read back as reals (2.0, 1000000.0), and an exponent beyond (1e-05, 1e+15);
    /// "-0.0" for negative zero (rounded() makes results' zeros positive); "null" for
    /// infinities and NaN.
    void number(double v) { scalar([&] { bare_number(v); }); }
    /// A string, escaped as JSON requires (\", \\, \b \f \n \r \t, other control characters
    /// as \u00XX); each byte that does not belong to a UTF-8 sequence becomes U+FFFD.
    void string(std::string_view v) { scalar([&] { bare_string(v, 0, {}); }); }
    /// The string `first`, `separator`, `second` (a unit's name, skill@level), without joining
    /// them first. `separator` is printable ASCII other than a quote or a backslash.
    void joined(std::string_view first, char separator, std::string_view second) {
        scalar([&] { bare_string(first, separator, second); });
    }
    /// A date as its "YYYY-MM-DD" string.
    void date(Date d) { scalar([&] { bare_date(d); }); }

    /// Any value: strings, numbers, booleans, dates, nullptr, and std::optional of them (null
    /// when empty).
    template <class T>
    void value(const T &v) {
        scalar([&] { bare_value(v); });
    }

    /// A member: its key, then its value. A member's value needs no separator before it and
    /// never ends a document, so it is written bare.
    template <class T>
    void member(Key k, const T &v) {
        key(k);
        bare_value(v);
    }
    template <class T>
    void id_member(std::string_view k, const T &v) {
        id_key(k);
        bare_value(v);
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
        // Where this object's last key is: a Key's own text (`literal`), or, when that is null,
        // keys_ from key_start to the start of the next open object's, or to the end.
        std::size_t key_start = 0;
        const char *literal = nullptr;
        std::size_t literal_size = 0;

        std::string_view last(const std::string &keys) const {
            return literal ? std::string_view(literal, literal_size) : std::string_view(keys).substr(key_start);
        }
    };

    void key_slow(Key key);
    void number_slow(double v);

    // A value outside a member: the separator an array needs before it, and the document to the
    // caller's string when it stands alone.
    template <class Write>
    void scalar(const Write &write) {
        separate();
        write();
        value_done();
    }

    // The values' text alone.
    template <class T>
    void bare_value(const T &v) {
        if constexpr (std::is_same_v<T, bool>) bare_boolean(v);
        else if constexpr (std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, std::nullopt_t>) put("null");
        else if constexpr (std::is_same_v<T, Date>) bare_date(v);
        else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) bare_integer(v);
        else if constexpr (std::is_integral_v<T>) bare_unsigned(v);
        else if constexpr (std::is_floating_point_v<T>) bare_number(v);
        else if constexpr (is_optional<T>::value) {
            if (v) bare_value(*v);
            else put("null");
        } else bare_string(std::string_view(v), 0, {});
    }
    void bare_boolean(bool v) { put(v ? std::string_view("true") : std::string_view("false")); }
    void bare_integer(long long v) {
        char *p = room(24);
        used_ += static_cast<std::size_t>(std::to_chars(p, p + 24, v).ptr - p);
    }
    void bare_unsigned(unsigned long long v) {
        char *p = room(24);
        used_ += static_cast<std::size_t>(std::to_chars(p, p + 24, v).ptr - p);
    }
    void bare_number(double v);
    // "first", or "first<separator>second" when there is a separator (not 0).
    void bare_string(std::string_view first, char separator, std::string_view second);
    void bare_date(Date d);


    // How many of the 8 bytes at p, from the first, need no escape (json_escape[b] == 0): a byte below
    // 0x20, a quote, a backslash or a byte from 0x80 up ends the run. Word-at-a-time tests: for
    // each, the lowest flagged byte is exact (a borrow only runs toward higher bytes), which is
    // the only one used.
    static std::size_t plain_prefix(const char *p) {
        if constexpr (std::endian::native != std::endian::little) {
            std::size_t n = 0;
            while (n < 8 && json_escape[static_cast<unsigned char>(p[n])] == 0) ++n;
            return n;
        }
        constexpr std::uint64_t ones = 0x0101010101010101u;
        constexpr std::uint64_t high = 0x8080808080808080u;
        std::uint64_t x;
        std::memcpy(&x, p, 8);
        auto zero_byte = [&](std::uint64_t w) { return (w - ones) & ~w & high; };
        const std::uint64_t flagged = (x & high) | ((x - ones * 0x20) & ~x & high) | zero_byte(x ^ (ones * '"')) |
                                      zero_byte(x ^ (ones * '\\'));
        return flagged ? static_cast<std::size_t>(std::countr_zero(flagged)) / 8 : 8;
    }
    // Whether none of v's bytes needs an escape (v at most 64 bytes; false for longer ones).
    static bool plain(std::string_view v) {
        if (v.size() < 8) {
            for (char c : v)
                if (json_escape[static_cast<unsigned char>(c)]) return false;
            return true;
        }
        if (v.size() > 64) return false;
        for (std::size_t i = 0; i + 8 < v.size(); i += 8)
            if (plain_prefix(v.data() + i) != 8) return false;
        return plain_prefix(v.data() + v.size() - 8) == 8;  // the last word overlaps the one before
    }
    // "first" (or "first<separator>second" when there is a separator, not 0) in one copy, when
    // neither needs an escape and there is room; false with nothing written otherwise.
    bool plain_string(std::string_view first, char separator, std::string_view second) {
        const std::size_t size = first.size() + second.size() + (separator ? 3 : 2);
        if (size > sizeof buffer_ - used_ || !plain(first) || !plain(second)) return false;
        char *p = buffer_ + used_;
        *p++ = '"';
        copy(p, first.data(), first.size());
        p += first.size();
        if (separator) {
            *p++ = separator;
            copy(p, second.data(), second.size());
            p += second.size();
        }
        *p = '"';
        used_ += size;
        return true;
    }
    // Whether `key` comes after `last` in byte order, compared here rather than by a call to
    // memcmp, since the keys of one object nearly always differ in their first bytes.
    static bool after(std::string_view key, std::string_view last) {
        const std::size_t n = key.size() < last.size() ? key.size() : last.size();
        for (std::size_t i = 0; i < n; ++i)
            if (key[i] != last[i]) return static_cast<unsigned char>(key[i]) > static_cast<unsigned char>(last[i]);
        return key.size() > last.size();
    }
    void open(char bracket);
    void close(char bracket);
    // The level a key goes into; a std::logic_error outside an object.
    Level &object_level();
    [[noreturn]] void out_of_order(std::string_view key, std::string_view last);
    // Writes v's escaped bytes, without quotes; false when a byte was not UTF-8.
    bool escaped(std::string_view v);
    // Before a value: the comma after the previous element of an array (a member's comma comes
    // with its key).
    void separate() {
        if (!levels_.empty() && !levels_.back().object) {
            if (!levels_.back().empty) put(',');
            levels_.back().empty = false;
        }
    }
    // After a value: a complete document goes to the caller's string.
    void value_done() {
        if (levels_.empty()) spill();
    }

    // The buffer: put() copies into it; room(n) gives n free bytes (n at most its size) to
    // write into and add to used_; spill() moves it to out_.
    void put(char c) {
        if (used_ == sizeof buffer_) spill();
        buffer_[used_++] = c;
    }
    void put(std::string_view s) {
        if (s.size() > sizeof buffer_ - used_) {
            spill();
            if (s.size() > sizeof buffer_) {
                out_.append(s);
                return;
            }
        }
        copy(buffer_ + used_, s.data(), s.size());
        used_ += s.size();
    }
    // memcpy for the few bytes of a key, an id or a number: fixed-size copies that overlap,
    // which the compiler makes into a move or two, instead of a call per piece.
    static void copy(char *to, const char *from, std::size_t n) {
        if (n >= 16) {
            if (n > 32) {
                std::memcpy(to, from, n);
                return;
            }
            std::memcpy(to, from, 16);
            std::memcpy(to + n - 16, from + n - 16, 16);
        } else if (n >= 8) {
            std::memcpy(to, from, 8);
            std::memcpy(to + n - 8, from + n - 8, 8);
        } else if (n >= 4) {
            std::memcpy(to, from, 4);
            std::memcpy(to + n - 4, from + n - 4, 4);
        } else if (n > 0) {
            to[0] = from[0];
            to[n / 2] = from[n / 2];
            to[n - 1] = from[n - 1];
        }
    }
    char *room(std::size_t n) {
        if (n > sizeof buffer_ - used_) spill();
        return buffer_ + used_;
    }
    void spill() {
        out_.append(buffer_, used_);
        used_ = 0;
    }

    std::string &out_;
    char buffer_[8192];
    std::size_t used_ = 0;
    // The dates written lately, by the low bits of their day number: a plan names the same few
    // dates (phase ends, a unit's finish that is the next one's start) thousands of times, and
    // splitting a day number into a date costs more than copying its ten characters.
    struct DateText {
        std::int32_t day_number;
        std::array<char, 10> iso;
    };
    std::array<DateText, 256> dates_{};
    std::vector<Level> levels_;
    // The last id_key() of every open object whose last key came from data, as read back, one
    // after the other: id_key() compares with its object's own, in one buffer that stops
    // allocating once it has held the deepest keys. A copy rather than a view of the caller's
    // key, which id_key() may not outlive.
    std::string keys_;
};

}  // namespace detail

CAREERPATH_NAMESPACE_END
