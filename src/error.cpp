#include <careerpath/error.hpp>

#include "utf8.hpp"

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

std::string printable(std::string text) {
    auto clean = [](unsigned char c, std::size_t utf8) { return utf8 > 1 || (utf8 == 1 && c >= 0x20 && c != 0x7F); };
    std::size_t i = 0;
    while (i < text.size()) {  // most messages need nothing: keep them as they are
        const std::size_t n = utf8_length(std::string_view(text).substr(i));
        if (!clean(static_cast<unsigned char>(text[i]), n)) break;
        i += n;
    }
    if (i == text.size()) return text;
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = text.substr(0, i);
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const std::size_t n = utf8_length(std::string_view(text).substr(i));
        if (clean(c, n)) {
            out.append(text, i, n);
            i += n;
            continue;
        }
        out += n == 1 ? "\\u00" : "\\x";
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 0xF]);
        ++i;
    }
    return out;
}

}  // namespace detail

const char *status_name(Status status) noexcept {
    switch (status) {
    case Status::ok: return "CAREERPATH_OK";
    case Status::argument: return "CAREERPATH_ERR_ARGUMENT";
    case Status::parse: return "CAREERPATH_ERR_PARSE";
    case Status::schema: return "CAREERPATH_ERR_SCHEMA";
    case Status::reference: return "CAREERPATH_ERR_REFERENCE";
    case Status::cycle: return "CAREERPATH_ERR_CYCLE";
    case Status::infeasible: return "CAREERPATH_ERR_INFEASIBLE";
    case Status::limit: return "CAREERPATH_ERR_LIMIT";
    case Status::memory: return "CAREERPATH_ERR_MEMORY";
    case Status::cancelled: return "CAREERPATH_ERR_CANCELLED";
    case Status::internal: return "CAREERPATH_ERR_INTERNAL";
    }
    return "CAREERPATH_UNKNOWN_STATUS";
}

CAREERPATH_NAMESPACE_END
