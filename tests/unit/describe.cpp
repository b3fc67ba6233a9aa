// careerpath/describe.hpp: the summary of a curriculum, checked field by field on a small
// hand-written curriculum, on the example, and on a bare framework.
#include <careerpath/json.hpp>
#include <careerpath/describe.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <fstream>
#include <sstream>
#include <string>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

std::string example_text() {
    std::ifstream in(std::string(CAREERPATH_EXAMPLES_DIR) + "/engineering-growth.json", std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Three skills in document order zeta, alpha, mid; three learned levels; four prerequisite
// entries of which two are the same edge; ids of every kind out of alphabetical order.
constexpr std::string_view small = R"({
  "id": "small", "title": "Small framework",
  "levels": ["none", "novice", "skilled", "expert"],
  "skills": [
    {"id": "zeta", "area": "core", "hours": 1},
    {"id": "alpha", "area": "soft", "hours": 2},
    {"id": "mid", "area": "core", "hours": 3}
  ],
  "prerequisites": [
    {"skill": "alpha", "requires": "zeta"},
    {"skill": "alpha", "level": 2, "requires": "zeta", "requires_level": "skilled"},
    {"skill": "alpha", "level": "novice", "requires": "zeta", "requires_level": 1},
    {"skill": "mid", "level": "expert", "requires": "alpha", "requires_level": "skilled"}
  ],
  "roles": [
    {"id": "senior", "title": "Senior", "requires": {"zeta": "skilled", "alpha": 1}},
    {"id": "lead", "extends": "senior", "requires": {"mid": "expert", "zeta": 3, "alpha": "novice"}},
    {"id": "apprentice"}
  ],
  "session_types": [
    {"id": "review", "minutes": 90, "every": {"weeks": 2}},
    {"id": "coaching", "minutes": 60, "every": {"weeks": 1}}
  ],
  "metrics": [
    {"id": "m2", "kind": "survey"},
    {"id": "m1", "kind": "role_readiness"}
  ],
  "programs": [
    {"id": "prog_b", "target_role": "lead", "months": 2},
    {"id": "prog_a", "target_role": "senior", "months": 1}
  ]
})";

}  // namespace

TEST_CASE("describe a small hand-written curriculum") {
    const Json d = describe(load_ok(small));
    INFO("describe: ", d.dump(2));

    CHECK(d["id"] == "small");
    CHECK(d["title"] == "Small framework");
    CHECK(d["levels"] == Json({"none", "novice", "skilled", "expert"}));

    SUBCASE("counts") {
        const Json &n = d["counts"];
        CHECK(n["skills"] == 3);
        CHECK(n["units"] == 3 * 3);            // skills x (levels - 1)
        CHECK(n["edges"] == 3 * 2 + 3);        // chain edges + distinct prerequisite edges
        CHECK(n["prerequisites"] == 4);        // entries, as written
        CHECK(n["roles"] == 3);
        CHECK(n["programs"] == 2);
        CHECK(n["session_types"] == 2);
        CHECK(n["metrics"] == 2);
        CHECK(n["areas"] == 2);
        CHECK(n.size() == 9);
    }
    SUBCASE("ids in document order") {
        CHECK(d["skills"] == Json({"zeta", "alpha", "mid"}));
        CHECK(d["areas"] == Json({"core", "soft"}));
        CHECK(d["programs"] == Json({"prog_b", "prog_a"}));
        CHECK(d["session_types"] == Json({"review", "coaching"}));
        CHECK(d["metrics"] == Json({"m2", "m1"}));
    }
    SUBCASE("roles: effective requirements by level name, and what each extends") {
        const Json &roles = d["roles"];
        REQUIRE(roles.size() == 3);
        CHECK(roles[0] == Json({{"id", "senior"},
                                {"title", "Senior"},
                                {"extends", nullptr},
                                {"requires", {{"alpha", "novice"}, {"zeta", "skilled"}}}}));
        CHECK(roles[1] == Json({{"id", "lead"},
                                {"title", "lead"},
                                {"extends", "senior"},
                                {"requires", {{"alpha", "novice"}, {"mid", "expert"}, {"zeta", "expert"}}}}));
        CHECK(roles[2]["id"] == "apprentice");
        CHECK(roles[2]["extends"].is_null());
        CHECK(roles[2]["requires"] == Json::object());
    }
    SUBCASE("nothing else") {
        CHECK(d.size() == 11);
        CHECK(d["schema_version"] == schema_version);
        for (const char *key : {"id", "title", "levels", "counts", "skills", "areas", "roles", "programs",
                                "session_types", "metrics", "schema_version"})
            CHECK(d.contains(key));
    }
}

TEST_CASE("describe is deterministic") {
    CHECK(describe(load_ok(small)).dump() == describe(load_ok(small)).dump());
    const std::string text = example_text();
    CHECK(describe(load_ok(text)).dump() == describe(load_ok(text)).dump());
}

TEST_CASE("describe the example curriculum") {
    const Json d = describe(load_ok(example_text()));
    const Json &n = d["counts"];
    CHECK(n["skills"] == 29);
    CHECK(n["units"] == 29 * 4);
    CHECK(n["edges"] == 29 * 3 + 38);
    CHECK(n["prerequisites"] == 38);
    CHECK(n["roles"] == 3);
    CHECK(n["programs"] == 3);
    CHECK(n["session_types"] == 4);
    CHECK(n["metrics"] == 7);
    CHECK(n["areas"] == 6);
    CHECK(d["skills"][0] == "architectural_patterns");
    CHECK(d["skills"][28] == "organizational_impact");
    CHECK(d["areas"] == Json({"system_design", "influence", "delivery", "people_management", "leadership", "scaling"}));
    CHECK(d["programs"] == Json({"technical_leadership", "management_transition", "group_leadership"}));
    CHECK(d["session_types"] == Json({"coaching", "technical_review", "career_planning", "practice_interview"}));
    REQUIRE(d["roles"].size() == 3);
    const Json &staff = d["roles"][1];
    CHECK(staff["id"] == "staff_engineer");
    CHECK(staff["extends"] == "senior_engineer");
    CHECK(staff["requires"].size() == 12);
    CHECK(staff["requires"]["architectural_patterns"] == "advanced");
    CHECK(staff["requires"]["risk_management"] == "beginner");
    CHECK(staff["requires"]["change_management"] == "intermediate");
}

TEST_CASE("describe a bare framework: zero counts and empty lists, not nulls") {
    const Json d = describe(load_ok(R"({"id": "bare", "levels": ["no", "yes"]})"));
    CHECK(d["title"] == "bare");
    for (const char *count : {"skills", "units", "edges", "prerequisites", "roles", "programs", "session_types",
                              "metrics", "areas"}) {
        CAPTURE(count);
        CHECK(d["counts"][count] == 0);
    }
    for (const char *list : {"skills", "areas", "roles", "programs", "session_types", "metrics"}) {
        CAPTURE(list);
        CHECK(d[list].is_array());
        CHECK(d[list].empty());
    }
}
