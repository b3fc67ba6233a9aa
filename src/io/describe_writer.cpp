// A curriculum described as JSON (what careerpath_curriculum_describe returns): its levels, its
// counts and the ids of what it holds.
#include <careerpath/describe.hpp>

#include "json_writer.hpp"

CAREERPATH_NAMESPACE_BEGIN

namespace {

template <class Range>
void write_ids(detail::JsonWriter &w, detail::JsonWriter::Key key, const Range &range) {
    w.key(key);
    w.begin_array();
    for (const auto &item : range) w.value(item.id);
    w.end_array();
}

}  // namespace

std::string describe_json_text(const Curriculum &c) {
    std::string text;
    detail::JsonWriter w(text);
    w.begin_object();
    w.key("areas");
    w.array(c.areas());
    w.key("counts");
    w.begin_object();
    w.member("areas", c.areas().size());
    w.member("edges", c.graph().edge_count());
    w.member("metrics", c.metrics().size());
    w.member("prerequisites", c.prerequisites().size());
    w.member("programs", c.programs().size());
    w.member("roles", c.roles().size());
    w.member("session_types", c.session_types().size());
    w.member("skills", c.skills().size());
    w.member("units", c.graph().unit_count());
    w.end_object();
    w.member("id", c.id());
    w.key("levels");
    w.array(c.levels().names());
    write_ids(w, "metrics", c.metrics());
    write_ids(w, "programs", c.programs());
    w.key("roles");
    w.begin_array();
    for (const auto &role : c.roles()) {
        w.begin_object();
        w.key("extends");
        if (role.extends) w.value(c.roles()[*role.extends].id);
        else w.null();
        w.member("id", role.id);
        w.key("requires");
        w.begin_object();  // requirements are sorted by skill id
        for (const auto &req : role.requirements) w.id_member(c.skills()[req.skill].id, c.levels().name(req.level));
        w.end_object();
        w.member("title", role.title);
        w.end_object();
    }
    w.end_array();
    w.member("schema_version", schema_version);
    write_ids(w, "session_types", c.session_types());
    write_ids(w, "skills", c.skills());
    w.member("title", c.title());
    w.end_object();
    return text;
}

CAREERPATH_NAMESPACE_END
