// The document of an import (docs/importing.md, "The output"): the model both importers build,
// written with the JSON writer in the key order every writer of the library keeps, and the ids
// the importers make from the names in their input.
#include "import_document.hpp"

#include "json_writer.hpp"

#include <careerpath/version.hpp>

#include "../utf8.hpp"

#include <algorithm>
#include <string>

CAREERPATH_NAMESPACE_BEGIN

namespace detail {

namespace {

// A note's message at most max_message bytes (cut at a character, with "..."): it quotes ids and
// names of the input, each up to max_string_bytes, and the document must stay one that the
// curriculum reader takes whole (docs/limits.md).
constexpr std::size_t max_message = 1024;

std::string shown(const std::string &message) {
    if (message.size() <= max_message) return message;
    std::size_t cut = 0;
    while (cut < max_message) {
        const std::size_t n = utf8_length(std::string_view(message).substr(cut));
        if (n == 0 || cut + n > max_message) break;
        cut += n;
    }
    return message.substr(0, cut) + "...";
}

bool space_or_control(unsigned char c) { return c <= 0x20 || c == 0x7f; }

}  // namespace

std::string clean_id(std::string_view raw) {
    std::size_t first = 0, last = raw.size();
    while (first < last && space_or_control(static_cast<unsigned char>(raw[first]))) ++first;
    while (last > first && space_or_control(static_cast<unsigned char>(raw[last - 1]))) --last;
    std::string out;
    out.reserve(last - first);
    bool in_run = false;
    for (std::size_t i = first; i < last; ++i) {
        const auto c = static_cast<unsigned char>(raw[i]);
        if (space_or_control(c)) {
            if (!in_run) out.push_back('_');
            in_run = true;
        } else {
            out.push_back(static_cast<char>(c));
            in_run = false;
        }
    }
    return out;
}

std::string snake_id(std::string_view name) {
    std::string out;
    bool pending = false;
    for (char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!keep) {
            pending = !out.empty();
            continue;
        }
        if (pending) out.push_back('_');
        pending = false;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
    }
    return out;
}

void write_import_document(ImportedFramework &f, double hours, bool hours_default, const ImportOptions &options,
                           std::string &text) {
    JsonWriter w(text);
    w.begin_object();
    w.key("areas");
    w.begin_array();
    for (const auto &area : f.areas) {
        w.begin_object();
        w.member("id", area.id);
        w.key("parent");
        if (area.parent.empty()) w.null();
        else w.string(area.parent);
        w.member("source_id", area.source_id);
        w.member("title", area.title);
        w.end_object();
    }
    w.end_array();
    w.member("id", f.id);
    w.key("import");
    w.begin_object();
    w.member("format", f.format);
    w.member("hours", hours);
    w.member("hours_default", hours_default);
    if (f.format == "onet") {
        w.member("importance", options.importance.value_or(ImportOptions::default_importance));
        w.member("importance_default", !options.importance.has_value());
    }
    w.member("source", f.source);
    w.end_object();
    w.key("import_notes");
    w.begin_array();
    for (const auto &note : f.notes) {
        w.begin_object();
        w.member("code", note.code);
        w.member("message", shown(note.message));
        w.member("pointer", note.pointer);
        w.end_object();
    }
    w.end_array();
    w.key("levels");
    w.array(f.levels);
    w.key("prerequisites");
    w.begin_array();
    for (const auto &p : f.prerequisites) {
        w.begin_object();
        w.member("requires", f.skills[p.required].id);
        w.member("skill", f.skills[p.skill].id);
        w.end_object();
    }
    w.end_array();
    w.key("roles");
    w.begin_array();
    for (auto &role : f.roles) {
        // Keys of "requires" and "weights" in byte order, as the writer takes them.
        std::sort(role.requirements.begin(), role.requirements.end(),
                  [&](const auto &a, const auto &b) { return f.skills[a.skill].id < f.skills[b.skill].id; });
        w.begin_object();
        if (!role.description.empty()) w.member("description", role.description);
        w.member("id", role.id);
        w.key("requires");
        w.begin_object();
        for (const auto &r : role.requirements) w.id_member(f.skills[r.skill].id, f.levels[r.level]);
        w.end_object();
        w.member("source_id", role.source_id);
        w.member("title", role.title);
        if (f.weighted_roles) {
            w.key("weights");
            w.begin_object();
            for (const auto &r : role.requirements) w.id_member(f.skills[r.skill].id, r.weight);
            w.end_object();
        }
        w.end_object();
    }
    w.end_array();
    w.member("schema_version", schema_version);
    w.key("skills");
    w.begin_array();
    for (const auto &skill : f.skills) {
        w.begin_object();
        w.member("area", skill.area);
        w.member("hours", hours);
        w.member("id", skill.id);
        w.member("source_id", skill.source_id);
        w.member("title", skill.title);
        w.end_object();
    }
    w.end_array();
    w.member("title", f.title);
    w.end_object();
}

}  // namespace detail

CAREERPATH_NAMESPACE_END
