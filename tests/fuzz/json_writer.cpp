// Fuzz target for the JSON writer (src/io/json_writer.hpp), through which every result document
// is written: the input is read as a program of writer calls, values of every kind at any depth
// (strings of any bytes, NUL, control characters, quotes, backslashes and bytes that are not UTF-8
// included; doubles of any bit pattern, NaN, infinities, -0.0 and subnormals included; the ends of
// long long and unsigned long long). The same values are built alongside as the nlohmann tree a
// reader must get back, by rules of this file's own, not the writer's:
//   - a string reads back with each byte that is not part of a well-formed UTF-8 sequence
//     (Unicode's table 3-7) as U+FFFD, and the rest as it was;
//   - a double reads back as a real with the same bits (-0.0 and 0.0 apart), NaN and infinities
//     as null; an integer as the same integer;
//   - an object's keys are generated, then sorted and made unique as they read back; a key out
//     of order, or one that reads back as a key already written, is tried now and then, and must
//     throw std::logic_error and write nothing.
// The writer's text is then parsed with nlohmann and must be that tree exactly (no equality
// between 2 and 2.0); written again from the parsed tree it must give the same bytes; and
// indent_json's text, whole or in pieces, must parse to the same tree. Anything else abort()s, so
// that the fuzzer records the input. Built two ways (tests/fuzz/CMakeLists.txt): with libFuzzer,
// and with replay_main.cpp so that CTest replays the corpus in every build.
#include "io/json_writer.hpp"

#include <careerpath/json.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using Json = nlohmann::json;
using careerpath::detail::JsonWriter;

[[noreturn]] void fail(const char *what, const std::string &text = {}) {
    std::fprintf(stderr, "json_writer fuzz target: %s\n%s\n", what, text.substr(0, 2000).c_str());
    std::abort();
}

// The input, read front to back; past its end every byte is 0, which ends every loop.
class Input {
public:
    Input(const std::uint8_t *data, std::size_t size) : p_(data), end_(data + size) {}
    std::uint8_t byte() { return p_ == end_ ? 0 : *p_++; }
    std::uint64_t word() {
        std::uint64_t w = 0;
        for (int i = 0; i < 8; ++i) w = (w << 8) | byte();
        return w;
    }
    std::string bytes(std::size_t n) {
        n = std::min(n, static_cast<std::size_t>(end_ - p_));
        std::string s(reinterpret_cast<const char *>(p_), n);
        p_ += n;
        return s;
    }

private:
    const std::uint8_t *p_;
    const std::uint8_t *end_;
};

// `s` as a reader gets it back: each byte that does not start a well-formed UTF-8 sequence
// becomes U+FFFD. Decoded by code point (length from the lead byte, continuation bytes, then no
// overlong form, no surrogate, nothing past U+10FFFF), not by the writer's byte ranges.
std::string as_read(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char lead = static_cast<unsigned char>(s[i]);
        const std::size_t n = lead < 0x80 ? 1 : lead >= 0xF8 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        bool ok = n != 0 && i + n <= s.size();
        std::uint32_t cp = n == 1 ? lead : n == 2 ? lead & 0x1F : n == 3 ? lead & 0x0F : lead & 0x07;
        for (std::size_t k = 1; ok && k < n; ++k) {
            const unsigned char c = static_cast<unsigned char>(s[i + k]);
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3F);
        }
        const std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
        ok = ok && cp >= least[n] && (cp < 0xD800 || cp > 0xDFFF) && cp <= 0x10FFFF;
        if (ok) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            out.append("\xEF\xBF\xBD");
            ++i;
        }
    }
    return out;
}

double from_bits(std::uint64_t bits) {
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
}

std::uint64_t to_bits(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits;
}

// Values a random bit pattern seldom gives, picked by a byte; the 8 bytes after it make a random
// one of its kind. (Read in order here: a call's arguments are evaluated in no fixed order.)
double special_double(Input &in) {
    const std::uint8_t pick = in.byte();
    const std::uint64_t word = in.word();
    using limits = std::numeric_limits<double>;
    const double values[] = {
        limits::quiet_NaN(), -limits::quiet_NaN(), limits::infinity(), -limits::infinity(), 0.0, -0.0,
        limits::denorm_min(), -limits::denorm_min(), limits::min(), limits::max(), limits::lowest(),
        limits::epsilon(), 1e15, 1e15 - 1, 1e-4, 1e-5, 0.1, 0.3, 2.0, 1e21, 1e-7, 123456789012345678.0,
        9007199254740993.0, 5936.721497,
        // A whole number of random size, a rounded result, a subnormal with random bits.
        std::ldexp(static_cast<double>(word >> 11), static_cast<int>(word % 64)),
        careerpath::detail::rounded(static_cast<double>(word % 100000000000ULL) / 65536.0),
        from_bits(word & 0x000FFFFFFFFFFFFFULL),
    };
    return values[pick % (sizeof values / sizeof values[0])];
}

long long special_integer(Input &in) {
    const std::uint8_t pick = in.byte();
    const std::uint64_t word = in.word();
    using limits = std::numeric_limits<long long>;
    const long long values[] = {0, -1, 1, limits::min(), limits::max(), limits::min() + 1, limits::max() - 1,
                                static_cast<long long>(word)};
    return values[pick % (sizeof values / sizeof values[0])];
}

unsigned long long special_unsigned(Input &in) {
    const std::uint8_t pick = in.byte();
    const std::uint64_t word = in.word();
    using limits = std::numeric_limits<unsigned long long>;
    const unsigned long long values[] = {0, 1, limits::max(), limits::max() - 1,
                                         static_cast<unsigned long long>(std::numeric_limits<long long>::max()) + 1,
                                         word};
    return values[pick % (sizeof values / sizeof values[0])];
}

Json expected_number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

constexpr int kMaxDepth = 24;
constexpr int kMaxValues = 4000;

// Writes one value chosen by the input and returns the tree a reader must get back.
class Program {
public:
    Program(Input &in, JsonWriter &w, const std::string &text) : in_(in), w_(w), text_(text) {}

    Json value(int depth) {
        if (++values_ > kMaxValues) {
            w_.null();
            return nullptr;
        }
        const std::uint8_t op = in_.byte();
        switch (op % 12) {
        case 0: w_.null(); return nullptr;
        case 1: w_.boolean(op & 0x10); return bool(op & 0x10);
        case 2: {
            const long long v = special_integer(in_);
            w_.integer(v);
            return v;
        }
        case 3: {
            const unsigned long long v = special_unsigned(in_);
            w_.unsigned_integer(v);
            return v;
        }
        case 4: {  // any bit pattern
            const double v = from_bits(in_.word());
            w_.number(v);
            return expected_number(v);
        }
        case 5: {
            const double v = special_double(in_);
            w_.number(v);
            return expected_number(v);
        }
        case 6: {
            const std::string s = in_.bytes(in_.byte() % 64);
            w_.string(s);
            return as_read(s);
        }
        case 7: return through_value();
        case 8: return strings();
        case 9:
        case 10:
            if (depth < kMaxDepth) return op % 12 == 9 ? array(depth) : object(depth);
            w_.null();
            return nullptr;
        default: {  // a string of the bytes that need care, repeated
            const char pieces[][4] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xff", "\xc3", "\xed\xa0\x80", "/"};
            std::string s;
            for (int k = op >> 4; k >= 0; --k) s += pieces[in_.byte() % 10];
            w_.string(s);
            return as_read(s);
        }
        }
    }

private:
    // value()'s overloads: optionals, C strings, nullptr, std::nullopt, small integer types.
    Json through_value() {
        const std::uint8_t pick = in_.byte();
        switch (pick % 8) {
        case 0: {
            const std::optional<double> v;
            w_.value(v);
            return nullptr;
        }
        case 1: {
            const std::optional<double> v = special_double(in_);
            w_.value(v);
            return expected_number(*v);
        }
        case 2: {
            const std::optional<std::string> v = in_.bytes(in_.byte() % 16);
            w_.value(v);
            return as_read(*v);
        }
        case 3: w_.value(nullptr); return nullptr;
        case 4: w_.value(std::nullopt); return nullptr;
        case 5: {
            const int v = static_cast<int>(in_.word());
            w_.value(v);
            return v;
        }
        case 6: {
            const unsigned char v = in_.byte();
            w_.value(v);
            return v;
        }
        default: {
            const std::string s = in_.bytes(in_.byte() % 16);
            w_.value(s.c_str());  // up to the first NUL, as a C string is
            return as_read(s.c_str());
        }
        }
    }

    // array() of a vector of strings.
    Json strings() {
        std::vector<std::string> items(in_.byte() % 6);
        Json expected = Json::array();
        for (std::string &s : items) {
            s = in_.bytes(in_.byte() % 12);
            expected.push_back(as_read(s));
        }
        w_.array(items);
        return expected;
    }

    Json array(int depth) {
        w_.begin_array();
        Json expected = Json::array();
        for (int n = in_.byte() % 9; n > 0; --n) expected.push_back(value(depth + 1));
        w_.end_array();
        return expected;
    }

    Json object(int depth) {
        // Keys generated, then in the order a reader sees them, each once.
        std::vector<std::pair<std::string, std::string>> keys;  // as read, as given
        for (int n = in_.byte() % 9; n > 0; --n) {
            std::string k = in_.bytes(in_.byte() % 10);
            keys.emplace_back(as_read(k), std::move(k));
        }
        std::sort(keys.begin(), keys.end());
        // A key that reads back as an earlier one (they differ only in bytes that are not UTF-8)
        // is not written but tried, after its twin: it must be refused.
        std::vector<std::pair<std::string, std::string>> twins;
        std::size_t kept = 0;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (kept > 0 && keys[i].first == keys[kept - 1].first) twins.push_back(std::move(keys[i]));
            else if (kept++ != i) keys[kept - 1] = std::move(keys[i]);
        }
        keys.resize(kept);

        w_.begin_object();
        Json expected = Json::object();
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::uint8_t how = in_.byte();
            if (i > 0 && how % 8 == 0) refused(keys[i - 1 - (how >> 3) % i].second);
            if (how % 8 == 1) {  // member() with a scalar
                const long long v = special_integer(in_);
                w_.id_member(keys[i].second, v);
                expected[keys[i].first] = v;
            } else {
                w_.id_key(keys[i].second);
                expected[keys[i].first] = value(depth + 1);
            }
            for (const auto &twin : twins)
                if (twin.first == keys[i].first) refused(twin.second);
        }
        if (!keys.empty() && in_.byte() % 4 == 0) refused(keys.back().second);
        w_.end_object();
        return expected;
    }

    // A key at or before the last one: refused with std::logic_error, and nothing written.
    void refused(const std::string &key) {
        const std::string before = text_;
        try {
            w_.id_key(key);
        } catch (const std::logic_error &) {
            if (text_ != before) fail("a refused key changed the text", text_);
            return;
        }
        fail("a key out of order was accepted", text_);
    }

    Input &in_;
    JsonWriter &w_;
    const std::string &text_;
    int values_ = 0;
};

bool has_nonzero_real(const Json &j) {
    if (j.is_number_float()) return j.get<double>() != 0;
    if (j.is_structured())
        for (const Json &child : j)
            if (has_nonzero_real(child)) return true;
    return false;
}

// Equal with the kinds kept apart: a real equals only a real with the same bits; an integer equals
// an integer of the same value, whether the parser made it signed or unsigned.
bool same(const Json &a, const Json &b) {
    if (a.is_number_float() || b.is_number_float())
        return a.is_number_float() && b.is_number_float() && to_bits(a.get<double>()) == to_bits(b.get<double>());
    if (a.is_number() || b.is_number()) {
        if (!a.is_number() || !b.is_number()) return false;
        const bool a_negative = a.is_number_integer() && !a.is_number_unsigned() && a.get<long long>() < 0;
        const bool b_negative = b.is_number_integer() && !b.is_number_unsigned() && b.get<long long>() < 0;
        if (a_negative != b_negative) return false;
        return a_negative ? a.get<long long>() == b.get<long long>()
                          : a.get<unsigned long long>() == b.get<unsigned long long>();
    }
    if (a.type() != b.type()) return false;
    if (a.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same(a[i], b[i])) return false;
        return true;
    }
    if (a.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib)
            if (ia.key() != ib.key() || !same(ia.value(), ib.value())) return false;
        return true;
    }
    return a == b;
}

// A parsed tree written again with the writer (objects' keys come sorted from nlohmann's map).
void rewrite(JsonWriter &w, const Json &j) {
    switch (j.type()) {
    case Json::value_t::object:
        w.begin_object();
        for (auto it = j.begin(); it != j.end(); ++it) {
            w.id_key(it.key());
            rewrite(w, it.value());
        }
        w.end_object();
        break;
    case Json::value_t::array:
        w.begin_array();
        for (const Json &child : j) rewrite(w, child);
        w.end_array();
        break;
    case Json::value_t::string: w.string(j.get_ref<const std::string &>()); break;
    case Json::value_t::boolean: w.boolean(j.get<bool>()); break;
    case Json::value_t::number_integer: w.integer(j.get<long long>()); break;
    case Json::value_t::number_unsigned: w.unsigned_integer(j.get<unsigned long long>()); break;
    case Json::value_t::number_float: w.number(j.get<double>()); break;
    default: w.null();
    }
}

Json parsed(const std::string &text, const char *what) {
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded()) fail(what, text);
    return j;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    Input in(data, size);
    std::string text;
    JsonWriter w(text);
    Program program(in, w, text);
    const Json expected = program.value(0);

    const Json back = parsed(text, "the writer's text is not JSON");
    if (!same(back, expected)) fail("the writer's text reads back as another value", text);
    // Byte for byte nlohmann's dump(), but for reals where nlohmann's digits are not the fewest.
    if (!has_nonzero_real(back) && back.dump() != text) fail("the text is not nlohmann's dump() of the same value", text);

    std::string again;
    JsonWriter rewriter(again);
    rewrite(rewriter, back);
    if (again != text) fail("the value read back, written again, gave other bytes", text + "\n" + again);

    const std::string indented = careerpath::indent_json(text);
    if (!same(parsed(indented, "indent_json's text is not JSON"), expected))
        fail("indent_json's text reads back as another value", indented);
    if (!has_nonzero_real(back) && indented != back.dump(2)) fail("indent_json is not nlohmann's dump(2)", indented);
    std::string pieces;
    careerpath::indent_json(text, 2, [&](std::string_view piece) {
        pieces.append(piece);
        return true;
    });
    if (pieces != indented) fail("indent_json in pieces is not indent_json whole", pieces);
    return 0;
}
