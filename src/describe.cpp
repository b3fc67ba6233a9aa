#include <careerpath/describe.hpp>

CAREERPATH_NAMESPACE_BEGIN

namespace {

template <class Range>
Json ids_of(const Range &range) {
    Json ids = Json::array();
    for (const auto &item : range) ids.push_back(item.id);
    return ids;
}

}  // namespace

Json describe(const Curriculum &c) {
    Json out = Json::object();
    out["id"] = c.id();
    out["title"] = c.title();
    out["levels"] = c.levels().names();
    out["counts"] = {{"skills", c.skills().size()},
                     {"units", c.graph().unit_count()},
                     {"edges", c.graph().edge_count()},
                     {"prerequisites", c.prerequisites().size()},
                     {"roles", c.roles().size()},
                     {"programs", c.programs().size()},
                     {"session_types", c.session_types().size()},
                     {"metrics", c.metrics().size()},
                     {"areas", c.areas().size()}};
    out["skills"] = ids_of(c.skills());
    out["areas"] = Json(std::vector<std::string>(c.areas().begin(), c.areas().end()));
    Json roles = Json::array();
    for (const auto &role : c.roles()) {
        Json requires_ = Json::object();
        for (const auto &req : role.requirements) requires_[c.skills()[req.skill].id] = c.levels().name(req.level);
        roles.push_back({{"id", role.id},
                         {"title", role.title},
                         {"extends", role.extends ? Json(c.roles()[*role.extends].id) : Json(nullptr)},
                         {"requires", std::move(requires_)}});
    }
    out["roles"] = std::move(roles);
    out["programs"] = ids_of(c.programs());
    out["session_types"] = ids_of(c.session_types());
    out["metrics"] = ids_of(c.metrics());
    return out;
}

CAREERPATH_NAMESPACE_END
