// Parsing within limits, and the pointer locator that lets messages name a line and column.
#include <careerpath/json.hpp>

#include "json_writer.hpp"
#include "../utf8.hpp"

#include <cmath>

#include <charconv>
#include <cstring>
#include <cstdint>
#include <string>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// The two limits parsing enforces as it reads, with `depth` the containers open counting the one
// being opened. LimitedDomParser stops there, and PathTracker, which names the place afterwards,
// must stop at the same value.
bool too_deep(std::size_t depth, const Limits &limits) { return depth > limits.max_depth; }
bool too_long(std::size_t bytes, const Limits &limits) { return bytes > limits.max_string_bytes; }

// Thrown from the SAX handler to stop parsing the moment a limit is passed: the depth limit has
// to act while parsing, since a tree nested deeply enough cannot be safely copied or printed.
struct LimitExceeded {
    std::string message;
};

// Builds the tree as nlohmann's own DOM parser does, checking depth and string sizes on the way.
// (nlohmann 3.11's callback parser would do the same checks, but it rescans the parent container
// each time an object closes, which makes large documents quadratic.)
class LimitedDomParser : public nlohmann::detail::json_sax_dom_parser<Json> {
public:
    using Base = nlohmann::detail::json_sax_dom_parser<Json>;
    LimitedDomParser(Json &root, const Limits &limits) : Base(root, /*allow_exceptions=*/true), limits_(limits) {}

    bool start_object(std::size_t elements) {
        enter();
        return Base::start_object(elements);
    }
    bool end_object() {
        --depth_;
        return Base::end_object();
    }
    bool start_array(std::size_t elements) {
        enter();
        return Base::start_array(elements);
    }
    bool end_array() {
        --depth_;
        return Base::end_array();
    }
    bool key(string_t &value) {
        check_string(value);
        return Base::key(value);
    }
    bool string(string_t &value) {
        check_string(value);
        return Base::string(value);
    }

private:
    void enter() {
        if (too_deep(++depth_, limits_))
            throw LimitExceeded{"the document nests arrays and objects more than " +
                                std::to_string(limits_.max_depth) + " deep (max_depth)"};
    }
    void check_string(const string_t &value) const {
        if (too_long(value.size(), limits_))
            throw LimitExceeded{"a string is " + std::to_string(value.size()) + " bytes, over the limit of " +
                                std::to_string(limits_.max_string_bytes) + " bytes (max_string_bytes)"};
    }

    const Limits &limits_;
    std::size_t depth_ = 0;
};

// Follows the path through a document without building it, so that an error found while
// parsing can be named by a JSON Pointer: after a failed parse, `pointer()` names the value
// the parser was reading. Given limits, it stops where LimitedDomParser would, before the
// container that nests too deep or the string that is too long, so that `pointer()` names it.
class PathTracker {
public:
    explicit PathTracker(const Limits *limits = nullptr) : limits_(limits) {}

    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    bool null() { return value(); }
    bool boolean(bool) { return value(); }
    bool number_integer(number_integer_t) { return value(); }
    bool number_unsigned(number_unsigned_t) { return value(); }
    bool number_float(number_float_t, const string_t &) { return value(); }
    bool string(string_t &s) { return fits(s) && value(); }
    bool binary(binary_t &) { return value(); }
    bool start_object(std::size_t) { return open(false); }
    bool start_array(std::size_t) { return open(true); }
    bool key(string_t &k) {
        if (!fits(k)) {  // the pointer names the object that holds the long key
            stopped_at_key_ = true;
            return false;
        }
        path_.back().key = k;
        return true;
    }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    template <class Exception>
    bool parse_error(std::size_t, const std::string &, const Exception &) {
        return false;
    }

    std::string pointer() const {
        std::string out;
        const std::size_t steps = path_.size() - (stopped_at_key_ ? 1 : 0);
        for (std::size_t i = 0; i < steps; ++i)
            out = path_[i].array ? pointer_append(out, path_[i].index) : pointer_append(out, path_[i].key);
        return out;
    }

private:
    struct Step {
        bool array = false;
        std::size_t index = 0;  // arrays: elements read so far
        std::string key;        // objects: the last key read
    };
    bool value() {
        if (!path_.empty() && path_.back().array) ++path_.back().index;
        return true;
    }
    bool open(bool array) {
        if (limits_ && too_deep(path_.size() + 1, *limits_)) return false;
        path_.push_back(Step{array, 0, {}});
        return true;
    }
    bool fits(const string_t &s) const { return !limits_ || !too_long(s.size(), *limits_); }
    bool close() {
        path_.pop_back();
        return value();
    }
    const Limits *limits_;
    bool stopped_at_key_ = false;
    std::vector<Step> path_;
};

// nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1, column 5: ";
// keep only what follows, since we report the position ourselves (with the offset from 0).
std::string parse_detail(const std::string &what) {
    const auto column = what.find("column ");
    if (column != std::string::npos) {
        const auto colon = what.find(": ", column);
        if (colon != std::string::npos) return what.substr(colon + 2);
    }
    const auto colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

// Malformed JSON at `offset`: the error's status, position and message.
Error malformed(std::string_view text, std::size_t offset, std::string_view what) {
    Error error;
    error.status = Status::parse;
    error.position = position_of(text, offset);
    error.message = "malformed JSON at byte " + std::to_string(offset) + " (line " + std::to_string(error.position->line) +
                    ", column " + std::to_string(error.position->column) + "): " + detail::printable(std::string(what));
    return error;
}

Error nul_error(std::string_view text, std::size_t offset) {
    return malformed(text, offset, "a NUL byte: JSON text holds none outside strings, so the document must end "
                                   "where its length says");
}

// The JSON Pointer of the value the parser was reading when it stopped. Only called on the
// error path, so that well-formed documents pay nothing for it.
std::string pointer_where_parsing_stops(std::string_view text, const Limits *limits = nullptr) {
    PathTracker tracker(limits);
    (void)Json::sax_parse(text.begin(), text.end(), &tracker, Json::input_format_t::json, /*strict=*/true,
                          /*ignore_comments=*/false);
    return tracker.pointer();
}

}  // namespace

TextPosition position_of(std::string_view text, std::size_t offset) noexcept {
    TextPosition p;
    p.offset = offset;
    const std::size_t end = offset < text.size() ? offset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

Result<JsonDocument> parse_document(std::string_view text, const Limits &limits) {
    if (text.size() > limits.max_document_bytes)
        return make_error(Status::limit, "the document is " + std::to_string(text.size()) +
                                             " bytes, over the limit of " +
                                             std::to_string(limits.max_document_bytes) +
                                             " bytes (max_document_bytes)");
    try {
        JsonDocument document;
        LimitedDomParser parser(document.root(), limits);
        // Errors throw (the parser is made with allow_exceptions); false would be a parser fault.
        if (!Json::sax_parse(text.begin(), text.end(), &parser, Json::input_format_t::json, /*strict=*/true,
                             /*ignore_comments=*/false))
            return make_error(Status::internal, "the JSON parser stopped without saying why");
        // nlohmann takes a NUL byte outside a string for the end of the input; the length given
        // is the document's, so whatever follows the document there is an error, not ignored.
        if (const void *nul = std::memchr(text.data(), '\0', text.size()))
            return nul_error(text, static_cast<std::size_t>(static_cast<const char *>(nul) - text.data()));
        return document;
    } catch (const LimitExceeded &e) {
        // Parsed again, without building, to name where: the pointer and its line and column.
        std::string pointer = pointer_where_parsing_stops(text, &limits);
        const TextPosition at = locate_pointer(text, pointer).position;
        Error error = make_error(Status::limit,
                                 e.message + " at line " + std::to_string(at.line) + ", column " +
                                     std::to_string(at.column),
                                 std::move(pointer));
        error.position = at;
        return error;
    } catch (const Json::out_of_range &e) {
        // Well-formed, but a number beyond the range of a double (1e999): no finite value to
        // keep, so the value is wrong, and the error names where it is.
        const std::string what = e.what();
        const auto open = what.find('\'');
        const auto close = what.rfind('\'');
        const std::string number = open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
        std::string pointer = pointer_where_parsing_stops(text);
        std::string message = "the number " + number + (pointer.empty() ? std::string() : " at " + pointer) +
                              " is too large: numbers must be finite";
        return make_error(Status::schema, std::move(message), std::move(pointer));
    } catch (const Json::parse_error &e) {
        // e.byte counts the characters read, the faulty one included.
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        const std::string what = parse_detail(e.what());
        // A NUL outside a string reads as the end of the input (inside one, nlohmann says that a
        // control character must be escaped, which is right as it is).
        if (offset < text.size() && text[offset] == '\0' && what.find("end of input") != std::string::npos)
            return nul_error(text, offset);
        return malformed(text, offset, what);
    }
}

Result<Json> parse_json(std::string_view text, const Limits &limits) {
    auto document = parse_document(text, limits);
    if (!document) return document.error();
    return std::move(document.value().root());
}

namespace {

// Empties every array and object from the leaves up, so that each container is destroyed empty:
// nlohmann's destroy() then has nothing to move onto its heap stack and allocates nothing. The
// recursion is as deep as the tree, which parsing bounds by max_depth.
void release_tree(Json &value) noexcept {
    if (value.is_array()) {
        auto &array = value.get_ref<Json::array_t &>();
        for (Json &item : array) release_tree(item);
        array.clear();
    } else if (value.is_object()) {
        auto &object = value.get_ref<Json::object_t &>();
        for (auto &member : object) release_tree(member.second);
        object.clear();
    }
}

}  // namespace

void JsonDocument::release() noexcept { release_tree(root_); }

std::string pointer_append(std::string_view pointer, std::string_view token) {
    std::string out(pointer);
    out.reserve(out.size() + token.size() + 1);
    out.push_back('/');
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out.push_back(c);
    }
    return out;
}

std::string pointer_append(std::string_view pointer, std::size_t index) {
    std::string out(pointer);
    out.push_back('/');
    out += std::to_string(index);
    return out;
}

namespace {

// A forgiving scanner over JSON text for locate_pointer: it walks to the value a pointer names
// without building a tree, and stops quietly where the text stops making sense.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    std::size_t pos() const { return pos_; }
    void skip_space() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }
    bool peek(char c) {
        skip_space();
        return pos_ < text_.size() && text_[pos_] == c;
    }
    bool eat(char c) {
        if (!peek(c)) return false;
        ++pos_;
        return true;
    }
    // Reads a string token and decodes its escapes to UTF-8.
    bool read_string(std::string &out) {
        if (!eat('"')) return false;
        out.clear();
        while (pos_ < text_.size()) {
            char c = text_[pos_++];
            if (c == '"') return true;
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (pos_ >= text_.size()) return false;
            char e = text_[pos_++];
            switch (e) {
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!read_hex4(cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00 && pos_ + 1 < text_.size() && text_[pos_] == '\\' &&
                    text_[pos_ + 1] == 'u') {
                    pos_ += 2;
                    std::uint32_t low = 0;
                    if (!read_hex4(low)) return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                detail::append_utf8(out, cp);
                break;
            }
            default: out.push_back(e); break;
            }
        }
        return false;
    }
    // Skips one value of any kind; false where the text ends or breaks first.
    bool skip_value() {
        skip_space();
        if (pos_ >= text_.size()) return false;
        const char c = text_[pos_];
        if (c == '"') {
            std::string ignored;
            return read_string(ignored);
        }
        if (c == '{' || c == '[') {
            // Depth counted, not recursed, so deep nesting cannot exhaust the stack.
            std::size_t depth = 0;
            while (pos_ < text_.size()) {
                const char d = text_[pos_];
                if (d == '"') {
                    std::string ignored;
                    if (!read_string(ignored)) return false;
                    continue;
                }
                ++pos_;
                if (d == '{' || d == '[') ++depth;
                else if ((d == '}' || d == ']') && --depth == 0) return true;
            }
            return false;
        }
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
               text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' && text_[pos_] != '\t')
            ++pos_;
        return pos_ > start;
    }

private:
    bool read_hex4(std::uint32_t &out) {
        if (pos_ + 4 > text_.size()) return false;
        auto r = std::from_chars(text_.data() + pos_, text_.data() + pos_ + 4, out, 16);
        if (r.ptr != text_.data() + pos_ + 4) return false;
        pos_ += 4;
        return true;
    }
    std::string_view text_;
    std::size_t pos_ = 0;
};

std::string unescape_token(std::string_view token) {
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
            out.push_back(token[i + 1] == '0' ? '~' : '/');
            ++i;
        } else {
            out.push_back(token[i]);
        }
    }
    return out;
}

}  // namespace

Located locate_pointer(std::string_view text, std::string_view pointer) {
    Scanner s(text);
    s.skip_space();
    std::size_t found = s.pos();
    std::string key;
    while (!pointer.empty()) {
        if (pointer.front() != '/') break;
        pointer.remove_prefix(1);
        const auto slash = pointer.find('/');
        const std::string token = unescape_token(pointer.substr(0, slash));
        pointer = slash == std::string_view::npos ? std::string_view{} : pointer.substr(slash);

        bool stepped = false;
        if (s.eat('{')) {
            while (!s.peek('}') && s.read_string(key)) {
                if (!s.eat(':')) return {position_of(text, found), false};
                if (key == token) {
                    s.skip_space();
                    found = s.pos();
                    stepped = true;
                    break;
                }
                if (!s.skip_value()) return {position_of(text, found), false};
                if (!s.eat(',')) break;
            }
        } else if (s.eat('[')) {
            std::size_t wanted = 0;
            auto r = std::from_chars(token.data(), token.data() + token.size(), wanted);
            if (r.ec != std::errc{} || r.ptr != token.data() + token.size())
                return {position_of(text, found), false};
            std::size_t index = 0;
            while (!s.peek(']')) {
                if (index == wanted) {
                    s.skip_space();
                    found = s.pos();
                    stepped = true;
                    break;
                }
                if (!s.skip_value() || !s.eat(',')) break;
                ++index;
            }
        }
        if (!stepped) return {position_of(text, found), false};
    }
    return {position_of(text, found), true};
}

Json json_number(double value) { return Json(detail::rounded(value)); }

CAREERPATH_NAMESPACE_END
