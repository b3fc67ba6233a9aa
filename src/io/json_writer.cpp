// JsonWriter: JSON text with nlohmann's compact spelling, written without a tree.
#include "json_writer.hpp"

#include <careerpath/json.hpp>
#include "../utf8.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

namespace {

// What string() does with each byte: 0 copies it; 'u' writes \u00XX; '8' starts what must be a
// UTF-8 sequence; any other is the letter of its two-character escape (\" \\ \b \f \n \r \t).
constexpr std::array<char, 256> escape_table() {
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
constexpr std::array<char, 256> escape = escape_table();

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD, for a byte that is not UTF-8

// `s` with each byte that is not UTF-8 replaced as string() replaces it, appended to `out`: the
// key a reader sees.
void append_as_read(std::string &out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = utf8_length(s.substr(i));
        if (n) out.append(s.substr(i, n));
        else out.append(replacement);
        i += n ? n : 1;
    }
}

// The fast way for what results are made of, numbers rounded to a millionth (rounded()): when
// n / 10^6 reads back as v for a whole n below 10^15, that decimal, trailing zeros dropped, is
// what std::to_chars gives, since it has at most 15 significant digits and no two such decimals
// read back as the same double (DBL_DIG is 15), so no shorter one does. Plain integer arithmetic
// instead of a shortest-digits search; nullptr where v is not such a number (or not in 1e-4 to 1e9).
char *spell_millionths(char *out, double v) {
    if (v >= 1e9) return nullptr;
    const auto n = static_cast<std::uint64_t>(v * 1e6 + 0.5);
    if (static_cast<double>(n) / 1e6 != v) return nullptr;
    out = std::to_chars(out, out + 10, n / 1000000).ptr;
    *out++ = '.';
    std::uint64_t fraction = n % 1000000;
    if (fraction == 0) {
        *out++ = '0';
        return out;
    }
    int digits = 6;
    for (; fraction % 10 == 0; fraction /= 10) --digits;
    for (int i = digits - 1; i >= 0; --i, fraction /= 10) out[i] = static_cast<char>('0' + fraction % 10);
    return out + digits;
}

// A finite double in the fewest digits that read back as it (std::to_chars: C++17's shortest
// round trip, the nearest of them), laid out as nlohmann::detail::dtoa_impl::format_buffer lays
// out its own digits, so that a number's spelling, and its reading back as a real rather than an
// integer, stay what nlohmann's dump() made them: plain from 1e-4 to below 1e15 (kMinExp,
// kMaxExp), ".0" on whole numbers, and d.ddde±XX beyond, which is std::to_chars's scientific form.
// Returns the end of the text; `out` has room for 32 characters.
char *spell(char *out, double v) {
    if (std::signbit(v)) {
        *out++ = '-';
        v = -v;
    }
    if (v == 0) {
        std::memcpy(out, "0.0", 3);
        return out + 3;
    }
    if (v < 1e-4 || v >= 1e15) return std::to_chars(out, out + 31, v, std::chars_format::scientific).ptr;
    if (char *end = spell_millionths(out, v)) return end;
    char *end = std::to_chars(out, out + 29, v, std::chars_format::fixed).ptr;
    if (!std::memchr(out, '.', static_cast<std::size_t>(end - out))) {
        std::memcpy(end, ".0", 2);
        end += 2;
    }
    return end;
}

}  // namespace

void JsonWriter::open(char bracket) {
    separate();
    out_.push_back(bracket);
    levels_.push_back(Level{bracket == '{', true, keys_.size()});
}

void JsonWriter::close(char bracket) {
    if (levels_.empty() || levels_.back().object != (bracket == '}'))
        throw std::logic_error("JsonWriter: closing what is not open");
    keys_.resize(levels_.back().key_start);
    levels_.pop_back();
    out_.push_back(bracket);
}

void JsonWriter::key(std::string_view key) {
    if (levels_.empty() || !levels_.back().object) throw std::logic_error("JsonWriter: a key outside an object");
    Level &level = levels_.back();
    const std::size_t written = out_.size();
    if (!level.empty) out_.push_back(',');
    out_.push_back('"');
    const bool utf8 = escaped(key);
    out_.append("\":", 2);
    // The order is checked on the key as it reads back, which is `key` itself unless a byte was
    // not UTF-8: two keys that differ only there read back the same.
    std::string replaced;
    if (!utf8) append_as_read(replaced, key);
    const std::string_view as_read = utf8 ? key : std::string_view(replaced);
    const std::string_view last = std::string_view(keys_).substr(level.key_start);
    if (!level.empty && as_read <= last) {
        out_.resize(written);
        throw std::logic_error("JsonWriter: key \"" + std::string(as_read) + "\" after \"" + std::string(last) +
                               "\" (members must be written in key order)");
    }
    level.empty = false;
    keys_.resize(level.key_start);
    keys_.append(as_read);
}

void JsonWriter::integer(long long v) {
    separate();
    std::array<char, 24> buffer;
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v).ptr;
    out_.append(buffer.data(), end);
}

void JsonWriter::unsigned_integer(unsigned long long v) {
    separate();
    std::array<char, 24> buffer;
    const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v).ptr;
    out_.append(buffer.data(), end);
}

void JsonWriter::number(double v) {
    if (!std::isfinite(v)) return null();
    separate();
    std::array<char, 32> buffer;
    out_.append(buffer.data(), spell(buffer.data(), v));
}

void JsonWriter::string(std::string_view v) {
    separate();
    out_.push_back('"');
    escaped(v);
    out_.push_back('"');
}

bool JsonWriter::escaped(std::string_view v) {
    bool utf8 = true;
    std::size_t run = 0;  // the start of the bytes not yet copied, copied in one piece
    for (std::size_t i = 0; i < v.size();) {
        const char kind = escape[static_cast<unsigned char>(v[i])];
        if (kind == 0) {
            ++i;
            continue;
        }
        if (kind == '8') {
            const std::size_t n = utf8_length(v.substr(i));
            if (n) {
                i += n;
                continue;
            }
        }
        out_.append(v.data() + run, i - run);
        if (kind == '8') {
            out_.append(replacement);
            utf8 = false;
        } else if (kind == 'u') {
            static constexpr char hex[] = "0123456789abcdef";
            const unsigned char c = static_cast<unsigned char>(v[i]);
            const char text[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out_.append(text, sizeof text);
        } else {
            const char text[] = {'\\', kind};
            out_.append(text, sizeof text);
        }
        run = ++i;
    }
    out_.append(v.data() + run, v.size() - run);
    return utf8;
}

}  // namespace detail

std::string indent_json(std::string_view compact, int indent) {
    std::string out;
    out.reserve(compact.size() + compact.size() / 2);
    indent_json(compact, indent, [&](std::string_view piece) {
        out.append(piece);
        return true;
    });
    return out;
}

bool indent_json(std::string_view compact, int indent, const std::function<bool(std::string_view)> &write) {
    constexpr std::size_t piece = 64 << 10;
    std::string out;
    out.reserve(piece + 1024);
    std::size_t depth = 0;
    auto new_line = [&] {
        out.push_back('\n');
        out.append(depth * static_cast<std::size_t>(indent), ' ');
    };
    for (std::size_t i = 0; i < compact.size(); ++i) {
        const char c = compact[i];
        switch (c) {
        case '"': {  // a string, copied as it is, escapes included
            const std::size_t start = i++;
            while (i < compact.size() && compact[i] != '"') i += compact[i] == '\\' ? 2 : 1;
            out.append(compact.substr(start, i - start + 1));
            break;
        }
        case '{':
        case '[':
            out.push_back(c);
            if (i + 1 < compact.size() && compact[i + 1] == (c == '{' ? '}' : ']')) {
                out.push_back(compact[++i]);  // empty: {} and [] stay on their line
                break;
            }
            ++depth;
            new_line();
            break;
        case '}':
        case ']':
            --depth;
            new_line();
            out.push_back(c);
            break;
        case ',':
            out.push_back(c);
            new_line();
            break;
        case ':': out.append(": "); break;
        default: out.push_back(c);
        }
        if (out.size() >= piece) {
            if (!write(out)) return false;
            out.clear();
        }
    }
    return out.empty() || write(out);
}

CAREERPATH_NAMESPACE_END
