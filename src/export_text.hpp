// The text of ids and titles in the exports' formats (README.md "Exports", "Control
// characters"): what counts as a line break or a control character, and text for display with
// each written as the format asks.
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/version.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

// Ids and titles come from the curriculum and the plan document, and a JSON string may hold any
// character, NUL included. No export writes a control character raw: a NUL would end the C ABI's
// string there (the rest of the document lost while the status says OK), and the others break
// lines or are not allowed by the format. Each format's rule is in README.md "Exports".

enum class CharKind { plain, line_break, control };

struct Char {
    CharKind kind = CharKind::plain;
    std::size_t length = 1;        // in bytes
    std::uint32_t code_point = 0;  // for line breaks and controls
};

// The character at text[at]: a line break (LF, CR, U+2028, U+2029), another control character
// (U+0000-U+001F, U+007F, the C1 controls U+0080-U+009F), or a plain byte.
inline Char char_at(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
    const unsigned b = byte(at);
    if (b == '\n' || b == '\r') return {CharKind::line_break, 1, b};
    if (b < 0x20 || b == 0x7F) return {CharKind::control, 1, b};
    if (b == 0xC2 && byte(at + 1) >= 0x80 && byte(at + 1) <= 0x9F) return {CharKind::control, 2, byte(at + 1)};
    if (b == 0xE2 && byte(at + 1) == 0x80 && (byte(at + 2) == 0xA8 || byte(at + 2) == 0xA9))
        return {CharKind::line_break, 3, 0x2000u + byte(at + 2)};
    return {};
}

// Text for display: each line break (CRLF counting as one) written as `line_break`, every other
// control character as a space, and each remaining byte handed to `append`, which escapes what
// the format needs.
template <class Append>
std::string display_text(std::string_view text, std::string_view line_break, Append append) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const Char c = char_at(text, i);
        if (c.kind == CharKind::line_break && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;  // the LF writes the break
            continue;
        }
        if (c.kind == CharKind::line_break) out += line_break;
        else if (c.kind == CharKind::control) out += ' ';
        else append(out, text[i]);
        i += c.length;
    }
    return out;
}

// A unit named for people, "skill@level" as "Skill title (level)", by the curriculum; a name
// it does not know is shown as it is.
inline std::string unit_title(const Curriculum &c, const std::string &name) {
    const auto sign = name.rfind('@');
    if (sign == std::string::npos) return name;
    const auto skill = c.find_skill(std::string_view(name).substr(0, sign));
    if (!skill) return name;
    return c.skills()[*skill].title + " (" + name.substr(sign + 1) + ")";
}

}  // namespace detail

CAREERPATH_NAMESPACE_END
