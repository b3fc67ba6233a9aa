#include "plan_document.hpp"

#include "json_writer.hpp"

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

std::string json_quoted(std::string_view text) {
    std::string out;
    JsonWriter(out).string(text);
    return out;
}

std::string uid_part(std::string_view id) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : id) {
        const auto byte = static_cast<unsigned char>(ch);
        const bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                           ch == '_' || ch == '-';
        if (plain) {
            out += ch;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
    return out;
}

std::optional<std::string> EventUids::add(std::string uid) {
    if (!seen_.insert(uid).second) return std::nullopt;
    return uid;
}

std::optional<std::string> EventUids::add_session(std::string_view type, std::int64_t occurrence) {
    return add(uid_part(type) + "." + std::to_string(occurrence));
}

std::optional<std::string> EventUids::add_milestone(std::string_view id) { return add("milestone-" + uid_part(id)); }

Error EventUids::second_session(std::string_view type, std::int64_t occurrence, std::string occurrence_pointer) {
    return not_a_plan("a second session " + json_quoted(type) + " #" + std::to_string(occurrence),
                      std::move(occurrence_pointer));
}

Error EventUids::second_milestone(std::string_view id, std::string id_pointer) {
    return not_a_plan("a second milestone " + json_quoted(id), std::move(id_pointer));
}

}  // namespace detail

CAREERPATH_NAMESPACE_END
