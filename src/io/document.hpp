// careerpath I/O — a parsed JSON document that every reader of the library walks.
//
// Why not nlohmann's tree: building one costs an allocation per value and a std::map per object,
// and freeing it costs as much again; for a 10,000-skill curriculum the tree was five times the
// model it became (docs/benchmarks.md). A Document is three flat arrays over the caller's text:
// one 12-byte entry per value and per key, one index per member or element, and the decoded bytes
// of the few strings that hold escapes. Strings without escapes and numbers stay in the text and
// are read from there when asked for.
//
// What a Document accepts and what each value reads as is exactly what nlohmann's strict parser
// gives (numbers classified as signed, unsigned or floating the same way, an object's members in
// key order with the last of duplicate keys winning), so readers see the values they always saw.
// Text that fails to parse, or passes a limit, is handed to the nlohmann-based parser, whose
// error (status, message, pointer and position) is the one reported: errors read as before, and
// only well-formed documents take the fast path.
#pragma once

#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace io {

class Document;

/// One JSON value of a Document: a small handle, copied by value, valid while its Document is.
/// A default-made Value is no value (an absent member); asking an absent value for anything but
/// `bool` is a programming error.
class Value {
public:
    enum class Kind : std::uint8_t { null, boolean, integer, unsigned_integer, floating, string, array, object };

    Value() = default;
    explicit operator bool() const noexcept { return document_ != nullptr; }

    Kind kind() const noexcept;
    bool is_null() const noexcept { return kind() == Kind::null; }
    bool is_boolean() const noexcept { return kind() == Kind::boolean; }
    bool is_string() const noexcept { return kind() == Kind::string; }
    bool is_array() const noexcept { return kind() == Kind::array; }
    bool is_object() const noexcept { return kind() == Kind::object; }
    bool is_number() const noexcept {
        const Kind k = kind();
        return k == Kind::integer || k == Kind::unsigned_integer || k == Kind::floating;
    }
    /// A number written without fraction or exponent that fits 64 bits, as nlohmann counts them.
    bool is_number_integer() const noexcept { return kind() == Kind::integer || kind() == Kind::unsigned_integer; }
    /// Such a number that is not negative.
    bool is_number_unsigned() const noexcept { return kind() == Kind::unsigned_integer; }

    bool boolean() const noexcept;
    /// Any number as a double (a whole number converted).
    double number() const noexcept;
    /// A whole number; a negative one read as unsigned wraps, as nlohmann's get<> does.
    std::int64_t integer() const noexcept;
    std::uint64_t unsigned_integer() const noexcept;
    /// A number's text as the document spells it ("2500.50", "25e2"): its exact decimal value,
    /// for the readers of money, which must not go through the nearest double (README "Money").
    std::string_view number_text() const noexcept;
    /// A string's bytes, escapes decoded.
    std::string_view string() const noexcept;

    /// Members of an object, elements of an array; 0 for null and 1 for other values (as
    /// nlohmann's size()).
    std::size_t size() const noexcept;
    bool empty() const noexcept { return size() == 0; }
    /// The i-th element of an array (i < size()).
    Value operator[](std::size_t i) const noexcept;
    /// An object's member, or no value where the object has none of that name (or is no object).
    Value find(std::string_view key) const noexcept;

    /// An object's members in ascending key order, each key once.
    class Member;
    class Members;
    Members members() const noexcept;

    /// The value as compact JSON text, spelled as nlohmann spells it (for messages).
    std::string dump() const;
    /// Its RFC 6901 JSON Pointer from the document's root.
    std::string pointer() const;

    const char *type_name() const noexcept;

private:
    friend class Document;
    Value(const Document *document, std::uint32_t index) noexcept : document_(document), index_(index) {}
    const Document *document_ = nullptr;
    std::uint32_t index_ = 0;
};

class Value::Member {
public:
    std::string_view key() const noexcept;
    Value value() const noexcept { return Value(document_, key_index_ + 1); }

private:
    friend class Value::Members;
    Member(const Document *document, std::uint32_t key_index) noexcept : document_(document), key_index_(key_index) {}
    const Document *document_;
    std::uint32_t key_index_;
};

class Value::Members {
public:
    class iterator {
    public:
        Member operator*() const noexcept { return Member(document_, *slot_); }
        iterator &operator++() noexcept {
            ++slot_;
            return *this;
        }
        bool operator!=(const iterator &other) const noexcept { return slot_ != other.slot_; }
        bool operator==(const iterator &other) const noexcept { return slot_ == other.slot_; }

    private:
        friend class Members;
        iterator(const Document *document, const std::uint32_t *slot) noexcept : document_(document), slot_(slot) {}
        const Document *document_;
        const std::uint32_t *slot_;
    };
    iterator begin() const noexcept { return iterator(document_, first_); }
    iterator end() const noexcept { return iterator(document_, last_); }
    std::size_t size() const noexcept { return static_cast<std::size_t>(last_ - first_); }

private:
    friend class Value;
    Members(const Document *document, const std::uint32_t *first, const std::uint32_t *last) noexcept
        : document_(document), first_(first), last_(last) {}
    const Document *document_;
    const std::uint32_t *first_;
    const std::uint32_t *last_;
};

/// A parsed document. It reads the caller's text in place: the text must outlive the Document
/// (every reader of the library parses, reads and drops its Document within one call).
class Document {
public:
    /// Parses `text` under `limits` (document size, depth, string length), with the errors of
    /// parse_json: Status::parse with position for malformed text, Status::limit with pointer and
    /// position, Status::schema for a number beyond a double's range.
    static Result<Document> parse(std::string_view text, const Limits &limits = {});
    /// The fast parser alone, without asking nlohmann why it said no: nullopt for any text that
    /// parse() would answer with an error. For the tests and the fuzz target that hold the two
    /// parsers to the same answers.
    static std::optional<Document> parse_fast(std::string_view text, const Limits &limits = {});

    Document(Document &&) noexcept = default;
    Document &operator=(Document &&) noexcept = default;
    Document(const Document &) = delete;
    Document &operator=(const Document &) = delete;

    Value root() const noexcept { return Value(this, 0); }
    std::string_view text() const noexcept { return owns_text_ ? std::string_view(owned_text_) : text_; }

private:
    friend class Value;
    friend class Value::Member;
    friend class Parser;

    // One value or key. Strings: the bytes at `offset` (in the text, or in `decoded_` when
    // `escaped`), `length` long. Numbers: the token at `offset` in the text. Containers: their
    // `length` members or elements at `offset` in `slots_`. Booleans: `length` is the value.
    // Eight bytes: the kind and the escaped flag share a word with the length, which therefore
    // stays under 2^28 (max_bytes below).
    class Entry {
    public:
        Entry(std::uint32_t offset, std::size_t length, Value::Kind kind, bool escaped) noexcept
            : offset(offset),
              bits_(static_cast<std::uint32_t>(length) << 4 | (escaped ? 8u : 0u) | static_cast<std::uint32_t>(kind)) {}
        std::uint32_t offset;
        std::uint32_t length() const noexcept { return bits_ >> 4; }
        void set_length(std::size_t length) noexcept {
            bits_ = static_cast<std::uint32_t>(length) << 4 | (bits_ & 15u);
        }
        Value::Kind kind() const noexcept { return static_cast<Value::Kind>(bits_ & 7u); }
        bool escaped() const noexcept { return (bits_ & 8u) != 0; }

    private:
        std::uint32_t bits_;
    };
    static_assert(sizeof(Entry) == 8, "an entry per value keeps a document small");

public:
    /// The largest text a Document reads (whatever limits.max_document_bytes allows): every
    /// offset and length of an entry must fit its bits.
    static constexpr std::size_t max_bytes = (std::size_t{1} << 28) - 1;

private:

    Document() = default;
    std::string_view string_at(std::uint32_t index) const noexcept {
        const Entry &e = entries_[index];
        return std::string_view((e.escaped() ? std::string_view(decoded_) : text()).data() + e.offset, e.length());
    }
    std::string_view token(std::uint32_t index) const noexcept {
        const Entry &e = entries_[index];
        return text().substr(e.offset, e.length());
    }
    std::string pointer_of(std::uint32_t index) const;

    std::string_view text_;
    // Only where the text had to be rewritten (see document.cpp); a flag rather than a view into
    // it, since a short string's bytes move with the Document.
    std::string owned_text_;
    bool owns_text_ = false;
    std::vector<Entry> entries_;
    // Arrays: the entry of each element, in order. Objects: the entry of each member's key (its
    // value follows it), sorted by key, duplicates dropped but the last.
    std::vector<std::uint32_t> slots_;
    std::string decoded_;
};

}  // namespace io

CAREERPATH_NAMESPACE_END
