// careerpath — reading JSON text: parsing within limits, and finding places in the text.
#pragma once

#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/version.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

using Json = nlohmann::json;

/// A parsed document that releases its tree without allocating. nlohmann's own destructor
/// allocates a stack to take a tree apart, which fails exactly when memory has run out and, in a
/// destructor, terminates the process; the library keeps every tree it parses in one of these.
class JsonDocument {
public:
    JsonDocument() = default;
    JsonDocument(JsonDocument &&other) noexcept : root_(std::move(other.root_)) {}
    JsonDocument &operator=(JsonDocument &&other) noexcept {
        release();
        root_ = std::move(other.root_);
        return *this;
    }
    JsonDocument(const JsonDocument &) = delete;
    JsonDocument &operator=(const JsonDocument &) = delete;
    ~JsonDocument() { release(); }

    const Json &root() const noexcept { return root_; }
    Json &root() noexcept { return root_; }

private:
    void release() noexcept;
    Json root_;
};

/// parse_json into a JsonDocument: what every reader of the library uses.
Result<JsonDocument> parse_document(std::string_view text, const Limits &limits = {});

/// Parses one JSON document. Enforces limits.max_document_bytes, limits.max_depth and
/// limits.max_string_bytes while parsing (Status::limit), so no over-deep tree is ever built.
/// Malformed JSON is Status::parse with the byte offset, line and column of the fault. A number
/// beyond the range of a double (1e999) is Status::schema, with the JSON Pointer of that number.
Result<Json> parse_json(std::string_view text, const Limits &limits = {});

/// The line and column (from 1) of a byte offset (from 0) in `text`.
TextPosition position_of(std::string_view text, std::size_t offset) noexcept;

/// Where the value named by an RFC 6901 pointer starts in `text`. Where the pointer names a
/// member that is absent, the result is the start of the nearest enclosing value that exists,
/// with `exact` false. Text that is not well-formed JSON is read as far as it goes.
struct Located {
    TextPosition position;
    bool exact = false;
};
Located locate_pointer(std::string_view text, std::string_view pointer);

/// Compact JSON text as careerpath writes it (no space outside strings), laid out with `indent`
/// spaces per level: the bytes nlohmann's dump(indent) gives for the same document, without
/// building its tree, so that a large output costs its text and no more.
std::string indent_json(std::string_view compact, int indent = 2);
/// The same text handed to `write` in pieces of about 64 KiB as it is made, so that a large
/// document is never held twice; stops, returning false, when `write` returns false.
bool indent_json(std::string_view compact, int indent, const std::function<bool(std::string_view)> &write);

/// A real number for output, rounded to a millionth so that 0.30000000000000004 prints as 0.3,
/// and never as -0.
Json json_number(double value);

/// Appends one reference token to a JSON Pointer, escaping '~' and '/' as RFC 6901 says.
std::string pointer_append(std::string_view pointer, std::string_view token);
std::string pointer_append(std::string_view pointer, std::size_t index);

CAREERPATH_NAMESPACE_END
