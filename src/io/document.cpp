// The Document parser: one pass over the text, no recursion, no allocation per value.
#include "document.hpp"

#include <careerpath/json.hpp>

#include "../utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <utility>

CAREERPATH_NAMESPACE_BEGIN

namespace io {

namespace {

constexpr std::uint32_t no_entry = std::numeric_limits<std::uint32_t>::max();

// A floating-point token as nlohmann reads it (strtod, correctly rounded): std::from_chars gives
// the same double, but reports a value too small for a double as out of range, where strtod
// (and nlohmann) read the nearest subnormal or zero. nullopt where the value overflows.
std::optional<double> read_double(std::string_view token) {
    double value = 0;
    const auto r = std::from_chars(token.data(), token.data() + token.size(), value);
    if (r.ec == std::errc{}) return value;
    const std::string copy(token);  // strtod needs the terminating NUL
    errno = 0;
    value = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(value)) return std::nullopt;
    return value;
}

// Bytes that end a run of plain string characters: the quote, the backslash, control
// characters, and every byte of a multi-byte UTF-8 sequence (checked on its own).
constexpr std::array<bool, 256> string_stops = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
    for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = true;
    t['"'] = true;
    t['\\'] = true;
    return t;
}();

bool is_space(char c) noexcept { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// An upper bound on the entries a text can make: every value is the document's root, the first
// of its container (after '[' or '{') or follows a ','; every key is followed by ':'. One cheap
// pass lets the entry array be allocated once, at its final size or a little more, instead of
// growing by doubling (which would hold the old and the new array at once).
struct Bounds {
    std::size_t entries = 1;
    std::size_t slots = 0;  // members (one ':' each) and elements (after '[' or ',')
};
Bounds bounds(std::string_view text) noexcept {
    Bounds b;
    std::size_t commas = 0, colons = 0, arrays = 0, objects = 0;
    for (char c : text) {
        commas += c == ',';
        colons += c == ':';
        arrays += c == '[';
        objects += c == '{';
    }
    b.entries += commas + colons + arrays + objects;
    b.slots = commas + colons + arrays;
    return b;
}

}  // namespace

// Parses well-formed text within the limits; says no (false) at the first thing it does not
// accept, without saying why: the caller asks nlohmann's parser for the error.
class Parser {
public:
    Parser(Document &d, const Limits &limits) : d_(d), text_(d.text()), limits_(limits) {}

    bool run() {
        if (text_.size() > Document::max_bytes) return false;
        const Bounds bound = bounds(text_);
        d_.entries_.reserve(bound.entries);
        d_.slots_.reserve(bound.slots);
        std::size_t p = 0;
        // nlohmann skips a UTF-8 byte order mark at the start.
        if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") p = 3;
        if (!value(p)) return false;
        skip_space(p);
        return p == text_.size();
    }

private:
    using Entry = Document::Entry;
    using Kind = Value::Kind;

    struct Open {
        std::uint32_t entry;        // the container's entry
        std::size_t first_pending;  // its members' or elements' place in pending_
        bool object;
    };

    void skip_space(std::size_t &p) const noexcept {
        while (p < text_.size() && is_space(text_[p])) ++p;
    }

    std::uint32_t add(Kind kind, std::size_t offset, std::size_t length, bool escaped = false) {
        d_.entries_.emplace_back(static_cast<std::uint32_t>(offset), length, kind, escaped);
        return static_cast<std::uint32_t>(d_.entries_.size() - 1);
    }

    // One value and everything inside it, iteratively: `open_` holds the containers being read.
    bool value(std::size_t &p) {
        std::vector<Open> open;
        for (;;) {
            skip_space(p);
            if (p >= text_.size()) return false;
            const char c = text_[p];
            // A new value: an element of an open array, or the root.
            if (!open.empty() && !open.back().object) pending_.push_back(static_cast<std::uint32_t>(d_.entries_.size()));
            if (c == '{' || c == '[') {
                if (open.size() + 1 > limits_.max_depth) return false;
                const bool object = c == '{';
                open.push_back(Open{add(object ? Kind::object : Kind::array, 0, 0), pending_.size(), object});
                ++p;
                skip_space(p);
                if (p < text_.size() && text_[p] == (object ? '}' : ']')) {
                    ++p;
                    close(open);
                } else if (object) {
                    if (!key(p)) return false;
                    continue;
                } else {
                    continue;
                }
            } else if (!scalar(p)) {
                return false;
            }
            // After a value: a comma and the next member or element, or the end of containers.
            for (;;) {
                if (open.empty()) return true;
                skip_space(p);
                if (p >= text_.size()) return false;
                const char after = text_[p];
                const bool object = open.back().object;
                if (after == ',') {
                    ++p;
                    if (object && !key(p)) return false;
                    break;
                }
                if (after != (object ? '}' : ']')) return false;
                ++p;
                close(open);
            }
        }
    }

    // A member's key and its colon; the key's entry goes to pending_.
    bool key(std::size_t &p) {
        skip_space(p);
        if (p >= text_.size() || text_[p] != '"') return false;
        pending_.push_back(static_cast<std::uint32_t>(d_.entries_.size()));
        if (!string(p)) return false;
        skip_space(p);
        if (p >= text_.size() || text_[p] != ':') return false;
        ++p;
        return true;
    }

    void close(std::vector<Open> &open) {
        const Open o = open.back();
        open.pop_back();
        auto first = pending_.begin() + static_cast<std::ptrdiff_t>(o.first_pending);
        auto last = pending_.end();
        if (o.object && last - first > 1) {
            // Key order, each key once with the value written last: what nlohmann's std::map
            // holds. A stable sort keeps duplicates in document order, so the last is kept.
            // Documents that a program wrote (nlohmann's dump(), careerpath's own writers) have
            // their keys in order already, and then, being strictly ascending, have none twice.
            const auto by_key = [&](std::uint32_t a, std::uint32_t b) { return d_.string_at(a) < d_.string_at(b); };
            if (std::adjacent_find(first, last, [&](std::uint32_t a, std::uint32_t b) { return !by_key(a, b); }) != last) {
                std::stable_sort(first, last, by_key);
                auto out = first;
                for (auto it = first; it != last; ++it) {
                    if (it + 1 != last && d_.string_at(*it) == d_.string_at(*(it + 1))) continue;
                    *out++ = *it;
                }
                last = out;
            }
        }
        Entry &e = d_.entries_[o.entry];
        e.offset = static_cast<std::uint32_t>(d_.slots_.size());
        e.set_length(static_cast<std::size_t>(last - first));
        d_.slots_.insert(d_.slots_.end(), first, last);
        pending_.resize(o.first_pending);
    }

    bool scalar(std::size_t &p) {
        const char c = text_[p];
        if (c == '"') return string(p);
        if (c == '-' || is_digit(c)) return number(p);
        const auto literal = [&](std::string_view word, Kind kind, std::uint32_t length) {
            if (text_.substr(p, word.size()) != word) return false;
            add(kind, p, length);
            p += word.size();
            return true;
        };
        if (c == 't') return literal("true", Kind::boolean, 1);
        if (c == 'f') return literal("false", Kind::boolean, 0);
        if (c == 'n') return literal("null", Kind::null, 0);
        return false;
    }

    bool number(std::size_t &p) {
        const std::size_t start = p;
        const bool negative = text_[p] == '-';
        if (negative) ++p;
        if (p >= text_.size() || !is_digit(text_[p])) return false;
        if (text_[p] == '0') ++p;
        else
            while (p < text_.size() && is_digit(text_[p])) ++p;
        bool whole = true;
        if (p < text_.size() && text_[p] == '.') {
            whole = false;
            ++p;
            if (p >= text_.size() || !is_digit(text_[p])) return false;
            while (p < text_.size() && is_digit(text_[p])) ++p;
        }
        if (p < text_.size() && (text_[p] == 'e' || text_[p] == 'E')) {
            whole = false;
            ++p;
            if (p < text_.size() && (text_[p] == '+' || text_[p] == '-')) ++p;
            if (p >= text_.size() || !is_digit(text_[p])) return false;
            while (p < text_.size() && is_digit(text_[p])) ++p;
        }
        const std::string_view token = text_.substr(start, p - start);
        // nlohmann: a whole number is signed when negative, unsigned otherwise, and a double
        // where it does not fit 64 bits; a double beyond the range is an error.
        if (whole) {
            if (negative) {
                std::int64_t v = 0;
                if (std::from_chars(token.data(), token.data() + token.size(), v).ec == std::errc{}) {
                    add(Kind::integer, start, token.size());
                    return true;
                }
            } else {
                std::uint64_t v = 0;
                if (std::from_chars(token.data(), token.data() + token.size(), v).ec == std::errc{}) {
                    add(Kind::unsigned_integer, start, token.size());
                    return true;
                }
            }
        }
        if (!read_double(token)) return false;
        add(Kind::floating, start, token.size());
        return true;
    }

    bool string(std::size_t &p) {
        const std::size_t start = ++p;  // after the quote
        const std::size_t n = text_.size();
        for (;;) {
            while (p < n && !string_stops[static_cast<unsigned char>(text_[p])]) ++p;
            if (p >= n) return false;
            const unsigned char c = static_cast<unsigned char>(text_[p]);
            if (c == '"') break;
            if (c == '\\') return escaped_string(start, p);
            if (c < 0x20) return false;
            const std::size_t length = detail::utf8_length(text_.substr(p));
            if (length == 0) return false;
            p += length;
        }
        if (p - start > limits_.max_string_bytes) return false;
        add(Kind::string, start, p - start);
        ++p;
        return true;
    }

    // The rest of a string from its first backslash at `p`, decoded into the document's own
    // bytes.
    bool escaped_string(std::size_t start, std::size_t &p) {
        std::string &out = d_.decoded_;
        const std::size_t offset = out.size();
        out.append(text_.substr(start, p - start));
        const std::size_t n = text_.size();
        for (;;) {
            const std::size_t run = p;
            while (p < n && !string_stops[static_cast<unsigned char>(text_[p])]) ++p;
            out.append(text_.substr(run, p - run));
            if (p >= n) return false;
            const unsigned char c = static_cast<unsigned char>(text_[p]);
            if (c == '"') break;
            if (c < 0x20) return false;
            if (c >= 0x80) {
                const std::size_t length = detail::utf8_length(text_.substr(p));
                if (length == 0) return false;
                out.append(text_.substr(p, length));
                p += length;
                continue;
            }
            // A backslash.
            if (++p >= n) return false;
            switch (text_[p++]) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(p, cp)) return false;
                if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate first
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    std::uint32_t low = 0;
                    if (p + 2 > n || text_[p] != '\\' || text_[p + 1] != 'u') return false;
                    p += 2;
                    if (!hex4(p, low) || low < 0xDC00 || low > 0xDFFF) return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                detail::append_utf8(out, cp);
                break;
            }
            default: return false;
            }
        }
        const std::size_t length = out.size() - offset;
        if (length > limits_.max_string_bytes || out.size() > Document::max_bytes) return false;
        add(Kind::string, offset, length, /*escaped=*/true);
        ++p;
        return true;
    }

    bool hex4(std::size_t &p, std::uint32_t &out) const {
        if (p + 4 > text_.size()) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex_value(text_[p + static_cast<std::size_t>(i)]);
            if (h < 0) return false;
            out = out * 16 + static_cast<std::uint32_t>(h);
        }
        p += 4;
        return true;
    }

    Document &d_;
    std::string_view text_;
    const Limits &limits_;
    // The members (their keys' entries) and elements of the containers still open.
    std::vector<std::uint32_t> pending_;
};

std::optional<Document> Document::parse_fast(std::string_view text, const Limits &limits) {
    if (text.size() > limits.max_document_bytes) return std::nullopt;
    Document d;
    d.text_ = text;
    if (!Parser(d, limits).run()) return std::nullopt;
    return d;
}

Result<Document> Document::parse(std::string_view text, const Limits &limits) {
    if (auto fast = parse_fast(text, limits)) return std::move(*fast);
    // Not accepted: nlohmann's parser says why, as parse_json always has.
    auto checked = parse_document(text, limits);
    if (!checked) return checked.error();
    if (text.size() > max_bytes)
        return make_error(Status::limit, "the document is " + std::to_string(text.size()) +
                                             " bytes, over the " + std::to_string(max_bytes) +
                                             " bytes (256 MiB) that careerpath reads whatever max_document_bytes allows");
    // Both parsers accept the same texts (the fuzz target json_document holds them to it), so
    // this is not reached; if it were, the value nlohmann read is kept, written out again.
    Document d;
    d.owned_text_ = checked.value().root().dump();
    d.owns_text_ = true;
    if (Parser(d, limits).run()) return d;
    return make_error(Status::internal, "the JSON parsers disagree about this document");
}

// --- Values ---------------------------------------------------------------------------------

Value::Kind Value::kind() const noexcept { return document_->entries_[index_].kind(); }

bool Value::boolean() const noexcept { return document_->entries_[index_].length() != 0; }

double Value::number() const noexcept {
    const std::string_view token = document_->token(index_);
    switch (kind()) {
    case Kind::integer: return static_cast<double>(integer());
    case Kind::unsigned_integer: return static_cast<double>(unsigned_integer());
    case Kind::floating: return read_double(token).value_or(0.0);
    default: return 0.0;
    }
}

std::int64_t Value::integer() const noexcept {
    const std::string_view token = document_->token(index_);
    if (kind() == Kind::unsigned_integer) return static_cast<std::int64_t>(unsigned_integer());
    if (kind() == Kind::floating) return static_cast<std::int64_t>(number());
    std::int64_t v = 0;
    std::from_chars(token.data(), token.data() + token.size(), v);
    return v;
}

std::uint64_t Value::unsigned_integer() const noexcept {
    const std::string_view token = document_->token(index_);
    if (kind() == Kind::integer) return static_cast<std::uint64_t>(integer());
    if (kind() == Kind::floating) return static_cast<std::uint64_t>(number());
    std::uint64_t v = 0;
    std::from_chars(token.data(), token.data() + token.size(), v);
    return v;
}

std::string_view Value::number_text() const noexcept { return document_->token(index_); }

std::string_view Value::string() const noexcept { return document_->string_at(index_); }

std::size_t Value::size() const noexcept {
    switch (kind()) {
    case Kind::null: return 0;
    case Kind::array:
    case Kind::object: return document_->entries_[index_].length();
    default: return 1;
    }
}

Value Value::operator[](std::size_t i) const noexcept {
    const auto &e = document_->entries_[index_];
    return Value(document_, document_->slots_[e.offset + i]);
}

Value Value::find(std::string_view key) const noexcept {
    if (kind() != Kind::object) return {};
    const auto &e = document_->entries_[index_];
    const std::uint32_t *first = document_->slots_.data() + e.offset;
    const std::uint32_t *last = first + e.length();
    const auto it = std::lower_bound(first, last, key, [&](std::uint32_t slot, std::string_view k) {
        return document_->string_at(slot) < k;
    });
    if (it == last || document_->string_at(*it) != key) return {};
    return Value(document_, *it + 1);
}

Value::Members Value::members() const noexcept {
    if (kind() != Kind::object) return Members(document_, nullptr, nullptr);
    const auto &e = document_->entries_[index_];
    const std::uint32_t *first = document_->slots_.data() + e.offset;
    return Members(document_, first, first + e.length());
}

std::string_view Value::Member::key() const noexcept { return document_->string_at(key_index_); }

const char *Value::type_name() const noexcept {
    switch (kind()) {
    case Kind::null: return "null";
    case Kind::boolean: return "a boolean";
    case Kind::string: return "a string";
    case Kind::array: return "an array";
    case Kind::object: return "an object";
    default: return "a number";
    }
}

namespace {

// The value as nlohmann's tree, for dump(): messages quote values as nlohmann spells them.
Json to_tree(const Value &v) {
    switch (v.kind()) {
    case Value::Kind::null: return nullptr;
    case Value::Kind::boolean: return v.boolean();
    case Value::Kind::integer: return v.integer();
    case Value::Kind::unsigned_integer: return v.unsigned_integer();
    case Value::Kind::floating: return v.number();
    case Value::Kind::string: return std::string(v.string());
    case Value::Kind::array: {
        Json out = Json::array();
        for (std::size_t i = 0; i < v.size(); ++i) out.push_back(to_tree(v[i]));
        return out;
    }
    case Value::Kind::object: {
        Json out = Json::object();
        for (const auto member : v.members()) out[std::string(member.key())] = to_tree(member.value());
        return out;
    }
    }
    return nullptr;
}

}  // namespace

std::string Value::dump() const {
    JsonDocument tree;  // released without allocating, as every tree of the library
    tree.root() = to_tree(*this);
    return tree.root().dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string Value::pointer() const { return document_->pointer_of(index_); }

// Walks down from the root to the entry: in an array, the element whose entry is the last at or
// before it (elements are in document order); in an object, the member whose value is. Only
// error messages ask, so a walk costs nothing on the way to a good answer.
std::string Document::pointer_of(std::uint32_t index) const {
    std::string out;
    std::uint32_t at = 0;
    while (at != index) {
        const Entry &e = entries_[at];
        const std::uint32_t *first = slots_.data() + e.offset;
        const std::uint32_t *last = first + e.length();
        if (e.kind() == Value::Kind::array) {
            const std::uint32_t *it = std::upper_bound(first, last, index);
            if (it == first) break;
            --it;
            out = pointer_append(out, static_cast<std::size_t>(it - first));
            at = *it;
        } else if (e.kind() == Value::Kind::object) {
            std::uint32_t best = no_entry;
            for (const std::uint32_t *it = first; it != last; ++it)
                if (*it < index && (best == no_entry || *it > best)) best = *it;
            if (best == no_entry) break;
            out = pointer_append(out, string_at(best));
            at = best + 1;
        } else {
            break;
        }
    }
    return out;
}

}  // namespace io

CAREERPATH_NAMESPACE_END
