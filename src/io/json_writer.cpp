// JsonWriter: JSON text with nlohmann's compact spelling, written without a tree.
#include "json_writer.hpp"

#include <careerpath/json.hpp>
#include "../utf8.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

void JsonWriter::open(char bracket) {
    separate();
    out_.push_back(bracket);
    levels_.push_back(Level{bracket == '{', true, {}});
}

void JsonWriter::close(char bracket) {
    if (levels_.empty() || levels_.back().object != (bracket == '}'))
        throw std::logic_error("JsonWriter: closing what is not open");
    levels_.pop_back();
    out_.push_back(bracket);
}

void JsonWriter::key(std::string_view key) {
    if (levels_.empty() || !levels_.back().object) throw std::logic_error("JsonWriter: a key outside an object");
    Level &level = levels_.back();
    if (!level.empty) {
        if (key <= std::string_view(level.last_key))
            throw std::logic_error("JsonWriter: key \"" + std::string(key) + "\" after \"" + level.last_key +
                                   "\" (members must be written in key order)");
        out_.push_back(',');
    }
    level.empty = false;
    level.last_key.assign(key);
    string(key);
    out_.push_back(':');
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
    // nlohmann's own shortest-round-trip formatter, so that numbers print as they always have.
    std::array<char, 64> buffer;
    const char *end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), v);
    out_.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}


void JsonWriter::string(std::string_view v) {
    separate();
    out_.push_back('"');
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < v.size();) {
        const unsigned char c = static_cast<unsigned char>(v[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const std::size_t n = utf8_length(v.substr(i));
            if (n) {
                i += n;
                continue;
            }
        }
        out_.append(v.data() + run, i - run);
        switch (c) {
        case '"': out_.append("\\\""); break;
        case '\\': out_.append("\\\\"); break;
        case '\b': out_.append("\\b"); break;
        case '\f': out_.append("\\f"); break;
        case '\n': out_.append("\\n"); break;
        case '\r': out_.append("\\r"); break;
        case '\t': out_.append("\\t"); break;
        default:
            if (c < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                out_.append(escaped, sizeof escaped);
            } else {
                out_.append("\xEF\xBF\xBD");  // U+FFFD for a byte that is not UTF-8
            }
        }
        run = ++i;
    }
    out_.append(v.data() + run, v.size() - run);
    out_.push_back('"');
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
