// JsonWriter: JSON text with nlohmann's compact spelling, written without a tree.
#include "json_writer.hpp"

#include <careerpath/json.hpp>
#include "../utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

namespace {

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
    // Whole numbers (hours, weights) first: no division to check them.
    if (const auto whole = static_cast<std::uint64_t>(v); static_cast<double>(whole) == v) {
        out = std::to_chars(out, out + 10, whole).ptr;
        std::memcpy(out, ".0", 2);
        return out + 2;
    }
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
    put(bracket);
    levels_.push_back(Level{bracket == '{', true, keys_.size()});
}

void JsonWriter::close(char bracket) {
    if (levels_.empty() || levels_.back().object != (bracket == '}'))
        throw std::logic_error("JsonWriter: closing what is not open");
    keys_.resize(levels_.back().key_start);
    levels_.pop_back();
    put(bracket);
    value_done();
}

JsonWriter::Level &JsonWriter::object_level() {
    if (levels_.empty() || !levels_.back().object) throw std::logic_error("JsonWriter: a key outside an object");
    return levels_.back();
}

void JsonWriter::out_of_order(std::string_view key, std::string_view last) {
    throw std::logic_error("JsonWriter: key \"" + std::string(key) + "\" after \"" + std::string(last) +
                           "\" (members must be written in key order)");
}

void JsonWriter::key_slow(Key key) {
    Level &level = object_level();
    const std::string_view text = key.text();
    if (!level.empty && !after(text, level.last(keys_))) out_of_order(text, level.last(keys_));
    if (!level.empty) put(',');
    put('"');
    put(text);
    put("\":");
    level.empty = false;
    keys_.resize(level.key_start);
    level.literal = text.data();
    level.literal_size = text.size();
}

void JsonWriter::id_key(std::string_view key) {
    Level &level = object_level();
    // The order is checked, before anything is written, on the key as it reads back, which is
    // `key` itself unless a byte was not UTF-8: two keys that differ only there read back the same.
    std::string replaced;
    append_as_read(replaced, key);
    const std::string_view as_read = replaced == key ? key : std::string_view(replaced);
    if (!level.empty && !after(as_read, level.last(keys_))) out_of_order(as_read, level.last(keys_));
    if (!level.empty) put(',');
    put('"');
    escaped(key);
    put("\":");
    level.empty = false;
    level.literal = nullptr;
    keys_.resize(level.key_start);
    keys_.append(as_read);
}

void JsonWriter::bare_number(double v) {
    // Whole hours and weights, the most common numbers in results, inline.
    if (!std::signbit(v) && v < 1e9 && sizeof buffer_ - used_ >= 16) {
        const auto whole = static_cast<std::uint32_t>(v);
        if (static_cast<double>(whole) == v) {
            char *p = buffer_ + used_;
            char *end = std::to_chars(p, p + 10, whole).ptr;
            end[0] = '.';
            end[1] = '0';
            used_ += static_cast<std::size_t>(end + 2 - p);
            return;
        }
    }
    number_slow(v);
}

void JsonWriter::bare_string(std::string_view first, char separator, std::string_view second) {
    if (plain_string(first, separator, second)) return;
    put('"');
    escaped(first);
    if (separator) {
        put(separator);
        escaped(second);
    }
    put('"');
}

void JsonWriter::bare_date(Date d) {
    DateText &cached = dates_[static_cast<std::uint32_t>(d.day_number()) % dates_.size()];
    if (cached.day_number != d.day_number() || d.day_number() == 0)  // entries start at day 0
        cached = DateText{d.day_number(), d.iso_chars()};
    char *p = room(12);
    p[0] = '"';
    std::memcpy(p + 1, cached.iso.data(), cached.iso.size());
    p[11] = '"';
    used_ += 12;
}

void JsonWriter::number_slow(double v) {
    if (!std::isfinite(v)) return put("null");
    char *p = room(32);
    used_ += static_cast<std::size_t>(spell(p, v) - p);
}

bool JsonWriter::escaped(std::string_view v) {
    bool utf8 = true;
    std::size_t run = 0;  // the start of the bytes not yet copied, copied in one piece
    for (std::size_t i = 0; i < v.size();) {
        // Eight plain bytes at a time: most of what results hold (ids, names) needs no escape.
        // The last few bytes are tested as the last eight, which overlap bytes already passed.
        if (i + 8 <= v.size()) {
            const std::size_t plain = plain_prefix(v.data() + i);
            i += plain;
            if (plain == 8) continue;
        } else if (v.size() >= 8) {
            const std::size_t from = v.size() - 8;
            const std::size_t plain = plain_prefix(v.data() + from);
            if (from + plain == v.size()) break;
            i = std::max(i, from + plain);
        }
        const char kind = json_escape[static_cast<unsigned char>(v[i])];
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
        put(v.substr(run, i - run));
        if (kind == '8') {
            put(replacement);
            utf8 = false;
        } else if (kind == 'u') {
            static constexpr char hex[] = "0123456789abcdef";
            const unsigned char c = static_cast<unsigned char>(v[i]);
            const char text[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            put(std::string_view(text, sizeof text));
        } else {
            const char text[] = {'\\', kind};
            put(std::string_view(text, sizeof text));
        }
        run = ++i;
    }
    put(v.substr(run));
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
