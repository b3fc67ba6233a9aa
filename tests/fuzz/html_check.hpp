// A small, strict reader of the HTML reports (README.md "Reports"), for the fuzz target
// export_html and the unit test of the reports: it accepts only what the report writer may write
// and says where anything else is. Elements and attributes come from fixed lists, every element
// is closed in order (void and self-closed SVG shapes apart), attribute values are double-quoted,
// and neither text nor a value holds a raw '<' or '>', a control character, or an '&' that does
// not start one of the five references the writer uses. Its skeleton, the sequence of tags with
// their attribute names, is what must not change when the data does: data is only ever text.
#pragma once

#include <algorithm>
#include <cctype>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace html_check {

struct Outcome {
    std::string error;                  ///< empty: the page is well formed
    std::vector<std::string> skeleton;  ///< "<tag attr attr>" and "</tag>", in order
    explicit operator bool() const { return error.empty(); }
};

inline constexpr std::array<std::string_view, 37> elements = {
    "html", "head", "meta", "title", "style", "body", "main", "footer", "section", "h1", "h2",
    "h3", "p", "div", "span", "strong", "dl", "dt", "dd", "table", "caption", "thead", "tbody",
    "tr", "th", "td", "ul", "li", "figure", "figcaption", "svg", "g", "rect", "line", "path",
    "text", "desc"};
inline constexpr std::array<std::string_view, 22> attributes = {
    "lang", "charset", "name", "content", "class", "id", "scope", "aria-labelledby", "role", "xmlns",
    "viewBox", "x", "y", "x1", "y1", "x2", "y2", "width", "height", "rx", "d", "text-anchor"};
// Elements written without an end tag, and the SVG shapes written self-closed ("<rect .../>").
inline constexpr std::array<std::string_view, 1> void_elements = {"meta"};
inline constexpr std::array<std::string_view, 3> self_closed = {"rect", "line", "path"};

template <std::size_t N>
bool in(const std::array<std::string_view, N> &list, std::string_view name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

// Text or an attribute value: no '<', '>', control character but line ends and tabs, and every
// '&' one of the references html::escape writes.
inline std::string check_text(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '<' || c == '>') return "a raw '" + std::string(1, text[i]) + "' in text";
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return "a control character in text";
        if (c == '&') {
            bool known = false;
            for (std::string_view ref : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"})
                known = known || text.substr(i, ref.size()) == ref;
            if (!known) return "an '&' that starts no known reference";
        }
    }
    return {};
}

inline Outcome check(std::string_view page) {
    Outcome out;
    auto fail = [&](std::size_t at, const std::string &what) {
        out.error = what + " at byte " + std::to_string(at);
        return out;
    };
    constexpr std::string_view doctype = "<!DOCTYPE html>\n";
    if (page.substr(0, doctype.size()) != doctype) return fail(0, "no <!DOCTYPE html> first");
    std::vector<std::string> open;
    std::size_t i = doctype.size();
    while (i < page.size()) {
        if (page[i] != '<') {
            const std::size_t end = std::min(page.find('<', i), page.size());
            if (std::string e = check_text(page.substr(i, end - i)); !e.empty()) return fail(i, e);
            i = end;
            continue;
        }
        const bool closing = page.substr(i, 2) == "</";
        std::size_t j = i + (closing ? 2 : 1);
        const std::size_t name_start = j;
        while (j < page.size() && (std::isalnum(static_cast<unsigned char>(page[j])))) ++j;
        const std::string name(page.substr(name_start, j - name_start));
        if (!in(elements, name)) return fail(i, "the element <" + name + "> is not allowed");
        if (closing) {
            if (j >= page.size() || page[j] != '>') return fail(j, "a malformed end tag");
            if (open.empty() || open.back() != name) return fail(i, "</" + name + "> closes nothing open");
            open.pop_back();
            out.skeleton.push_back("</" + name + ">");
            i = j + 1;
            continue;
        }
        std::string tag = "<" + name;
        bool self_closing = false;
        for (;;) {
            while (j < page.size() && page[j] == ' ') ++j;
            if (j >= page.size()) return fail(j, "a tag that never ends");
            if (page[j] == '>') break;
            if (page.substr(j, 2) == "/>") {
                self_closing = true;
                ++j;
                break;
            }
            const std::size_t a = j;
            while (j < page.size() && (std::isalnum(static_cast<unsigned char>(page[j])) || page[j] == '-')) ++j;
            const std::string attribute(page.substr(a, j - a));
            if (!in(attributes, attribute)) return fail(a, "the attribute \"" + attribute + "\" is not allowed");
            if (page.substr(j, 2) != "=\"") return fail(j, "an attribute value that is not double-quoted");
            const std::size_t v = j + 2, end = page.find('"', v);
            if (end == std::string_view::npos) return fail(v, "an attribute value that never ends");
            if (std::string e = check_text(page.substr(v, end - v)); !e.empty()) return fail(v, e);
            tag += " " + attribute;
            j = end + 1;
        }
        out.skeleton.push_back(tag + ">");
        i = j + 1;
        if (self_closing) {
            if (!in(self_closed, name)) return fail(i, "<" + name + "/> may not close itself");
            out.skeleton.push_back("</" + name + ">");
        } else if (name == "style") {
            const std::size_t end = page.find("</style>", i);
            if (end == std::string_view::npos) return fail(i, "a <style> that never ends");
            i = end;
            open.push_back(name);
        } else if (!in(void_elements, name)) {
            open.push_back(name);
        }
    }
    if (!open.empty()) return fail(page.size(), "<" + open.back() + "> is never closed");
    return out;
}

}  // namespace html_check
