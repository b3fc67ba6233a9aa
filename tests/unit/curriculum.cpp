// careerpath/curriculum.hpp: loading the curriculum, and every rule the loader enforces
// (docs/curriculum.md; the limits of include/careerpath/limits.hpp).
#include <careerpath/json.hpp>
#include <careerpath/curriculum.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

using namespace careerpath;

namespace {

std::string read_text(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string example_text() { return read_text(std::string(CAREERPATH_EXAMPLES_DIR) + "/engineering-growth.json"); }

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

std::string name(Status s) { return status_name(s); }

Curriculum load_ok(std::string_view text, const Limits &limits = {}) {
    INFO("document: ", std::string(text.substr(0, 400)));
    auto r = Curriculum::load(text, limits);
    if (!r) FAIL("load failed: ", name(r.error().status), " at \"", r.error().pointer, "\": ", r.error().message);
    return std::move(r).value();
}

// Loads a document that must be rejected, and returns the Error.
Error load_error(std::string_view text, const Limits &limits = {}) {
    INFO("document: ", std::string(text.substr(0, 400)));
    auto r = Curriculum::load(text, limits);
    REQUIRE_MESSAGE(!r.has_value(), "the document was accepted");
    return r.error();
}

// The document must be rejected with exactly `status` at exactly `pointer`, and the message
// must mention each of `mentions`.
void check_rejected(std::string_view text, Status status, std::string_view pointer,
                    std::initializer_list<std::string_view> mentions = {}, const Limits &limits = {}) {
    const Error e = load_error(text, limits);
    INFO("document: ", std::string(text.substr(0, 400)));
    INFO("message: ", e.message);
    CHECK(name(e.status) == name(status));
    CHECK(e.pointer == pointer);
    CHECK_FALSE(e.message.empty());
    for (std::string_view m : mentions) CHECK_MESSAGE(contains(e.message, m), "the message does not mention " << m);
}

// A curriculum with levels none < beginner < intermediate < advanced, the skills given (and
// whatever follows them in `skills_and_rest`) as the rest of the top-level object.
std::string with_skills(std::string_view skills_and_rest) {
    return R"({"id": "t", "levels": ["none", "beginner", "intermediate", "advanced"], "skills": )" +
           std::string(skills_and_rest) + "}";
}

// Skills a, b, c of one hour per step, and `rest` (starting with a comma) added to the
// top-level object.
std::string with(std::string_view rest) {
    return with_skills(R"([{"id": "a", "hours": 1}, {"id": "b", "hours": 1}, {"id": "c", "hours": 1}])" +
                       std::string(rest));
}

// As `with`, plus a role "lead", a session type "coaching", a metric "growth" and the one program
// given.
std::string with_program(std::string_view program) {
    return with(R"(, "roles": [{"id": "lead", "requires": {"a": 2}}],)"
                R"( "session_types": [{"id": "coaching", "minutes": 60, "every": {"weeks": 1}}],)"
                R"( "metrics": [{"id": "growth", "kind": "skill_growth"}],)"
                R"( "programs": [)" +
                std::string(program) + "]");
}

struct Expected {
    std::string_view skill;
    std::string_view level;
    double weight;
};

void check_requirements(const Curriculum &c, std::string_view role, std::initializer_list<Expected> expected) {
    CAPTURE(role);
    const auto r = c.find_role(role);
    REQUIRE(r.has_value());
    const auto &reqs = c.roles()[*r].requirements;
    REQUIRE(reqs.size() == expected.size());
    std::size_t i = 0;
    for (const Expected &e : expected) {
        CAPTURE(i);
        CHECK(c.skills()[reqs[i].skill].id == e.skill);
        CHECK(c.levels().name(reqs[i].level) == e.level);
        CHECK(reqs[i].weight == e.weight);
        ++i;
    }
}

// The units of a prerequisite-cycle message, in the order printed.
std::vector<std::string> cycle_units(const std::string &message) {
    const std::string head = "prerequisites form a cycle: ";
    const std::string tail = " (each unit requires the next)";
    REQUIRE(message.rfind(head, 0) == 0);
    REQUIRE(message.size() > head.size() + tail.size());
    REQUIRE(message.compare(message.size() - tail.size(), tail.size(), tail) == 0);
    const std::string body = message.substr(head.size(), message.size() - head.size() - tail.size());
    std::vector<std::string> units;
    std::size_t start = 0;
    for (;;) {
        const auto arrow = body.find(" -> ", start);
        units.push_back(body.substr(start, arrow - start));
        if (arrow == std::string::npos) break;
        start = arrow + 4;
    }
    return units;
}

// Checks that each unit of the cycle requires the next: by the level chain (s@L requires s@L-1)
// or by one of the document's prerequisites, given as {unit, required} names.
void check_each_requires_next(const std::vector<std::string> &cycle,
                              const std::vector<std::string> &levels,
                              const std::set<std::pair<std::string, std::string>> &prerequisites) {
    REQUIRE(cycle.size() >= 2);
    CHECK(cycle.front() == cycle.back());
    auto split = [&](const std::string &unit) {
        const auto at = unit.find('@');
        REQUIRE(at != std::string::npos);
        std::size_t level = 0;
        while (level < levels.size() && levels[level] != unit.substr(at + 1)) ++level;
        REQUIRE(level < levels.size());
        return std::make_pair(unit.substr(0, at), level);
    };
    for (std::size_t i = 0; i + 1 < cycle.size(); ++i) {
        const auto [skill, level] = split(cycle[i]);
        const auto [next_skill, next_level] = split(cycle[i + 1]);
        const bool chain = skill == next_skill && next_level + 1 == level;
        const bool prerequisite = prerequisites.count({cycle[i], cycle[i + 1]}) != 0;
        CHECK_MESSAGE((chain || prerequisite), cycle[i] << " does not require " << cycle[i + 1]);
    }
    // Every unit appears once, apart from the closing repetition.
    CHECK(std::set<std::string>(cycle.begin(), cycle.end() - 1).size() == cycle.size() - 1);
}

}  // namespace

// --- Loading ---------------------------------------------------------------------------------

TEST_CASE("the example curriculum loads with every part") {
    const Curriculum c = load_ok(example_text());
    CHECK(c.id() == "engineering-growth");
    CHECK(c.title() == "Engineering growth framework");
    CHECK(c.levels().names() == std::vector<std::string>{"none", "beginner", "intermediate", "advanced", "expert"});
    CHECK(c.skills().size() == 29);
    CHECK(c.prerequisites().size() == 38);
    CHECK(c.roles().size() == 3);
    CHECK(c.programs().size() == 3);
    CHECK(c.session_types().size() == 4);
    CHECK(c.metrics().size() == 7);
    CHECK(c.raters().size() == 5);
    CHECK(std::vector<std::string>(c.areas().begin(), c.areas().end()) ==
          std::vector<std::string>{"system_design", "influence", "delivery", "people_management", "leadership",
                                   "scaling"});

    SUBCASE("the graph: 4 units a skill, chains plus 38 distinct prerequisite edges, acyclic") {
        CHECK(c.graph().skill_count() == 29);
        CHECK(c.graph().top_level() == 4);
        CHECK(c.graph().unit_count() == 29 * 4);
        CHECK(c.graph().edge_count() == 29 * 3 + 38);
        CHECK(c.graph().is_acyclic());
        CHECK(c.graph().topological_order().size() == 29 * 4);
    }
    SUBCASE("skills: document order, hours by level, activities") {
        CHECK(c.skills()[0].id == "architectural_patterns");
        CHECK(c.skills()[28].id == "organizational_impact");
        CHECK(c.find_skill("team_dynamics") == std::optional<std::size_t>(13));
        CHECK_FALSE(c.find_skill("nope").has_value());
        const Skill &ap = c.skills()[0];
        CHECK(ap.title == "Architectural patterns");
        CHECK(ap.area == "system_design");
        CHECK(ap.step_hours == std::vector<double>{0, 12, 12, 20, 40});
        REQUIRE(ap.activities.size() == 3);
        CHECK(ap.activities[0].title == "Design pattern workshop");
        CHECK(ap.activities[0].kind == "workshop");
        CHECK(ap.activities[0].level == std::optional<Level>(2));
        CHECK(ap.activities[2].level == std::optional<Level>(3));
        CHECK(c.unit_hours({0, 3}) == 20);
        CHECK(c.unit_hours({0, 1}) == 12);
        CHECK(c.unit_name({0, 3}) == "architectural_patterns@advanced");
    }
    SUBCASE("prerequisites: levels default to beginner") {
        const Prerequisite &first = c.prerequisites()[0];  // scalability_planning requires architectural_patterns
        CHECK(first.entry == 0);
        CHECK(first.unit == UnitRef{1, 1});
        CHECK(first.required == UnitRef{0, 1});
        const Prerequisite &third = c.prerequisites()[2];  // technology_evaluation@intermediate
        CHECK(third.entry == 2);
        CHECK(third.unit == UnitRef{2, 2});
        CHECK(third.required == UnitRef{0, 1});
        const Prerequisite &second = c.prerequisites()[1];
        CHECK(second.unit == UnitRef{1, 2});
        CHECK(second.required == UnitRef{0, 2});
    }
    SUBCASE("staff_engineer: senior_engineer's requirements raised and added to, sorted by skill id") {
        const Role &staff = c.roles()[*c.find_role("staff_engineer")];
        CHECK(staff.extends == c.find_role("senior_engineer"));
        check_requirements(c, "staff_engineer",
                           {{"architectural_patterns", "advanced", 2},
                            {"change_management", "intermediate", 1},
                            {"consensus_building", "advanced", 2},
                            {"cross_team_collaboration", "advanced", 2},
                            {"performance_optimization", "intermediate", 1},
                            {"project_planning", "intermediate", 1},
                            {"quality_assurance", "intermediate", 1},
                            {"risk_management", "beginner", 1},
                            {"scalability_planning", "advanced", 1},
                            {"technical_communication", "advanced", 1},
                            {"technical_decision_making", "advanced", 2},
                            {"technology_evaluation", "intermediate", 1}});
        CHECK(c.roles()[*c.find_role("engineering_manager")].requirements.size() == 10 + 15);
        CHECK_FALSE(c.roles()[*c.find_role("senior_engineer")].extends.has_value());
    }
    SUBCASE("session types") {
        const auto &t = c.session_types();
        CHECK(t[0].id == "coaching");
        CHECK(t[0].recurrence == SessionType::Recurrence::weekly);
        CHECK(t[0].every == 1);
        CHECK(t[0].minutes == 60);
        CHECK(t[1].every == 2);
        CHECK(t[1].minutes == 90);
        CHECK(t[2].recurrence == SessionType::Recurrence::monthly);
        CHECK(t[3].recurrence == SessionType::Recurrence::as_needed);
        CHECK(t[3].weeks_before_target == 4);
        CHECK(t[3].count == 2);
    }
    SUBCASE("programs: target role, months, phases with focus resolved, format") {
        const Program &tl = c.programs()[*c.find_program("technical_leadership")];
        CHECK(tl.target_role == *c.find_role("staff_engineer"));
        CHECK(tl.months == 6);
        CHECK(tl.format == Program::Format::individual);
        REQUIRE(tl.phases.size() == 3);
        CHECK(tl.phases[0].first_month == 1);
        CHECK(tl.phases[0].last_month == 2);
        // "technical_decision_making", "change_management" and the area "delivery".
        CHECK(tl.phases[2].focus == std::vector<std::string>{"technical_decision_making", "change_management", "delivery"});
        CHECK(tl.phases[2].focus_skills == std::vector<std::size_t>{3, 7, 8, 9, 10, 11});
        CHECK(tl.session_types == std::vector<std::size_t>{0, 1, 2, 3});
        CHECK(tl.metrics.size() == 6);
        const Program &group = c.programs()[*c.find_program("group_leadership")];
        CHECK(group.format == Program::Format::group);
        CHECK(group.group_min == 4);
        CHECK(group.group_max == 6);
    }
    SUBCASE("metrics and raters") {
        const Metric &satisfaction = c.metrics()[*c.find_metric("satisfaction")];
        CHECK(satisfaction.kind == Metric::Kind::survey);
        CHECK(satisfaction.target == std::optional<double>(4.5));
        CHECK(satisfaction.scale == std::optional<std::pair<double, double>>(std::make_pair(1.0, 5.0)));
        CHECK_FALSE(c.metrics()[*c.find_metric("promotion_timeline")].target.has_value());
        CHECK(c.metrics()[*c.find_metric("role_readiness")].weight == 2);
        const RaterGroup &peer = c.raters()[*c.find_rater("peer")];
        CHECK(peer.min_count == 3);
        CHECK(peer.weight == 1);
        CHECK(c.raters()[*c.find_rater("self")].weight == 0);
        CHECK_FALSE(c.find_rater("boss").has_value());
    }
}

TEST_CASE("load and from_json agree, and copies share one model") {
    const std::string text = example_text();
    const Curriculum a = load_ok(text);
    auto b = Curriculum::from_json(Json::parse(text));
    REQUIRE(b.has_value());
    CHECK(b.value().skills().size() == a.skills().size());
    CHECK(b.value().graph().edge_count() == a.graph().edge_count());
    const Curriculum copy = a;
    CHECK(copy.skills().data() == a.skills().data());
}

TEST_CASE("a bare competency framework is a curriculum") {
    const Curriculum c = load_ok(R"({"id": "bare", "levels": ["no", "yes"]})");
    CHECK(c.title() == "bare");
    CHECK(c.skills().empty());
    CHECK(c.roles().empty());
    CHECK(c.programs().empty());
    CHECK(c.graph().unit_count() == 0);
    CHECK(c.graph().is_acyclic());
}

TEST_CASE("effective requirements through extends: higher level wins, child's weight wins, sorted by id") {
    // "lead" extends "senior" extends "base", each defined before what it extends.
    const Curriculum c = load_ok(with_skills(R"([{"id": "d", "hours": 1}, {"id": "c", "hours": 1},
                                                        {"id": "b", "hours": 1}, {"id": "a", "hours": 1}],
        "roles": [
          {"id": "lead", "extends": "senior", "requires": {"b": "beginner", "d": 3, "c": "advanced"},
           "weights": {"a": 5, "c": 4}},
          {"id": "senior", "extends": "base", "requires": {"a": "advanced", "b": "intermediate"},
           "weights": {"b": 3}},
          {"id": "base", "title": "Base", "requires": {"c": 1, "a": 1}, "weights": {"a": 2}}
        ])"));
    check_requirements(c, "base", {{"a", "beginner", 2}, {"c", "beginner", 1}});
    // a raised to advanced keeps base's weight 2; b added with its own weight.
    check_requirements(c, "senior", {{"a", "advanced", 2}, {"b", "intermediate", 3}, {"c", "beginner", 1}});
    // b's lower level loses to senior's intermediate; c raised; d added; lead's weights win, also
    // for a, which only the roles it extends require.
    check_requirements(c, "lead",
                       {{"a", "advanced", 5}, {"b", "intermediate", 3}, {"c", "advanced", 4}, {"d", "advanced", 1}});
    CHECK(c.roles()[0].extends == std::optional<std::size_t>(1));
    CHECK(c.roles()[1].extends == std::optional<std::size_t>(2));
    CHECK(c.roles()[2].title == "Base");
    CHECK(c.roles()[0].title == "lead");
}

TEST_CASE("levels by name or by index; defaults of prerequisite levels; hours_by_level") {
    const Curriculum c = load_ok(R"({"id": "t", "levels": ["none", "beginner", "intermediate", "advanced"],
        "skills": [
          {"id": "a", "hours": 5, "hours_by_level": {"advanced": 9},
           "activities": [{"title": "read", "level": 2}, {"title": "do", "level": "advanced"}, {"title": "any"}]},
          {"id": "b", "hours_by_level": {"beginner": 1, "intermediate": 2, "advanced": 3}},
          {"id": "c", "hours": 0, "hours_by_level": {"beginner": 4}}],
        "prerequisites": [
          {"skill": "b", "level": 2, "requires": "a", "requires_level": "advanced"},
          {"skill": "c", "requires": "a"},
          {"skill": "c", "level": "advanced", "requires": "b", "requires_level": 1}],
        "roles": [{"id": "r", "requires": {"a": 3, "b": "beginner", "c": "intermediate"}}]})");
    CHECK(c.skills()[0].step_hours == std::vector<double>{0, 5, 5, 9});
    CHECK(c.skills()[1].step_hours == std::vector<double>{0, 1, 2, 3});
    CHECK(c.skills()[2].step_hours == std::vector<double>{0, 4, 0, 0});
    CHECK(c.skills()[0].activities[0].level == std::optional<Level>(2));
    CHECK(c.skills()[0].activities[1].level == std::optional<Level>(3));
    CHECK_FALSE(c.skills()[0].activities[2].level.has_value());
    CHECK(c.skills()[0].area.empty());
    CHECK(c.areas().empty());

    REQUIRE(c.prerequisites().size() == 3);
    CHECK(c.prerequisites()[0].unit == UnitRef{1, 2});
    CHECK(c.prerequisites()[0].required == UnitRef{0, 3});
    CHECK(c.prerequisites()[1].unit == UnitRef{2, 1});      // "level" defaults to beginner
    CHECK(c.prerequisites()[1].required == UnitRef{0, 1});  // so does "requires_level"
    CHECK(c.prerequisites()[2].unit == UnitRef{2, 3});
    CHECK(c.prerequisites()[2].required == UnitRef{1, 1});
    CHECK(c.prerequisites()[2].entry == 2);

    check_requirements(c, "r", {{"a", "advanced", 1}, {"b", "beginner", 1}, {"c", "intermediate", 1}});

    // The first level above index 0 is the default, whatever it is called.
    const Curriculum d = load_ok(R"({"id": "t", "levels": ["zero", "one", "two"],
        "skills": [{"id": "x", "hours": 1}, {"id": "y", "hours": 1}],
        "prerequisites": [{"skill": "y", "requires": "x"}]})");
    CHECK(d.prerequisites()[0].unit == UnitRef{1, 1});
    CHECK(d.prerequisites()[0].required == UnitRef{0, 1});
    CHECK(d.unit_name(d.prerequisites()[0].unit) == "y@one");

    // hours_by_level keys may be indices, written as digits since object keys are strings.
    const Curriculum e = load_ok(R"({"id": "t", "levels": ["none", "beginner", "intermediate"],
        "skills": [{"id": "x", "hours": 1, "hours_by_level": {"2": 7}}]})");
    CHECK(e.skills()[0].step_hours == std::vector<double>{0, 1, 7});
    check_rejected(R"({"id": "t", "levels": ["none", "beginner"], "skills": [{"id": "x", "hours": 1, "hours_by_level": {"5": 7}}]})",
                   Status::schema, "/skills/0/hours_by_level/5", {"off the level scale"});
    check_rejected(R"({"id": "t", "levels": ["none", "beginner"], "skills": [{"id": "x", "hours": 1, "hours_by_level": {"0": 7}}]})",
                   Status::schema, "/skills/0/hours_by_level/0", {"none"});
}

TEST_CASE("unknown fields are ignored everywhere") {
    const std::string text = R"({"id": "t", "x-top": {"deep": [1, {"levels": 7}]}, "version": 99,
        "levels": ["none", "beginner", "advanced"],
        "skills": [{"id": "a", "hours": 2, "x": null, "prerequisites": "nonsense",
                    "activities": [{"title": "t", "url": "https://example.org", "duration": {"h": 1}}]},
                   {"id": "b", "hours": 2, "tags": ["x"]}],
        "prerequisites": [{"skill": "b", "requires": "a", "why": "because", "strength": 0.5}],
        "roles": [{"id": "r", "requires": {"a": 1}, "ladder": "ic", "extends_later": "nothing"}],
        "session_types": [{"id": "s", "minutes": 30, "every": {"weeks": 1, "days": 3}, "color": "red"},
                          {"id": "n", "minutes": 45, "as_needed": {"weeks_before_target": 2, "count": 1, "why": 1}}],
        "metrics": [{"id": "m", "kind": "survey", "owner": "hr"}],
        "raters": {"self": {"weight": 0, "anonymous": true}},
        "programs": [{"id": "p", "target_role": "r", "months": 2, "discount": 1000,
                      "phases": [{"id": "ph", "months": [1, 2], "focus": ["a"], "deliverable": "x"}],
                      "sessions": ["s"], "metrics": ["m"]}]})";
    const Curriculum c = load_ok(text);
    CHECK(c.skills().size() == 2);
    CHECK(c.skills()[0].activities.size() == 1);
    CHECK(c.prerequisites().size() == 1);
    CHECK(c.roles().size() == 1);
    CHECK(c.session_types().size() == 2);
    CHECK(c.session_types()[0].recurrence == SessionType::Recurrence::weekly);
    CHECK(c.metrics().size() == 1);
    CHECK(c.raters().size() == 1);
    REQUIRE(c.programs().size() == 1);
    CHECK(c.programs()[0].phases.size() == 1);
    CHECK_FALSE(c.programs()[0].price.has_value());  // "price" is a known field (README "Money"), "discount" is not
}

// --- Rejections ------------------------------------------------------------------------------

TEST_CASE("rejected: the document and its id") {
    SUBCASE("an array") { check_rejected("[]", Status::schema, "", {"object", "array"}); }
    SUBCASE("a string") { check_rejected(R"("curriculum")", Status::schema, "", {"object", "string"}); }
    SUBCASE("malformed") {
        const Error e = load_error(R"({"id": "t",})");
        CHECK(name(e.status) == name(Status::parse));
        REQUIRE(e.position.has_value());
        CHECK(e.position->offset == 11);
    }
    SUBCASE("missing id") { check_rejected(R"({"levels": ["none", "x"]})", Status::schema, "/id", {"missing", "id"}); }
    SUBCASE("empty id") { check_rejected(R"({"id": "", "levels": ["none", "x"]})", Status::schema, "/id", {"empty"}); }
    SUBCASE("id not a string") {
        check_rejected(R"({"id": 7, "levels": ["none", "x"]})", Status::schema, "/id", {"string", "number"});
    }
    SUBCASE("title not a string") {
        check_rejected(R"({"id": "t", "title": ["x"], "levels": ["none", "x"]})", Status::schema, "/title", {"title"});
    }
}

TEST_CASE("rejected: the level scale") {
    SUBCASE("missing") { check_rejected(R"({"id": "t"})", Status::schema, "/levels", {"missing", "levels"}); }
    SUBCASE("not an array") {
        check_rejected(R"({"id": "t", "levels": {"none": 0}})", Status::schema, "/levels", {"levels", "array"});
    }
    SUBCASE("one level only") {
        check_rejected(R"({"id": "t", "levels": ["none"]})", Status::schema, "/levels", {"two levels"});
    }
    SUBCASE("no level") { check_rejected(R"({"id": "t", "levels": []})", Status::schema, "/levels", {"two levels"}); }
    SUBCASE("a duplicate level") {
        check_rejected(R"({"id": "t", "levels": ["none", "beginner", "expert", "beginner"]})", Status::schema,
                       "/levels/3", {"duplicate", "\"beginner\"", "/levels/1"});
    }
    SUBCASE("a level that is not a string") {
        check_rejected(R"({"id": "t", "levels": ["none", 1]})", Status::schema, "/levels/1", {"level name"});
    }
    SUBCASE("an empty level name") {
        check_rejected(R"({"id": "t", "levels": ["none", ""]})", Status::schema, "/levels/1", {"empty"});
    }
}

TEST_CASE("rejected: skills and their hours") {
    SUBCASE("skills not an array") {
        check_rejected(R"({"id": "t", "levels": ["n", "y"], "skills": {"a": 1}})", Status::schema, "/skills",
                       {"skills", "array"});
    }
    SUBCASE("a skill that is not an object") {
        check_rejected(R"({"id": "t", "levels": ["n", "y"], "skills": ["a"]})", Status::schema, "/skills/0",
                       {"skill", "object"});
    }
    SUBCASE("a skill without id") {
        check_rejected(R"({"id": "t", "levels": ["n", "y"], "skills": [{"hours": 1}]})", Status::schema,
                       "/skills/0/id", {"missing", "skill id"});
    }
    SUBCASE("a duplicate skill id: the pointer names the duplicate's id") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1}, {"id": "b", "hours": 1}, {"id": "a", "hours": 2}])"),
                       Status::schema, "/skills/2/id", {"duplicate skill", "\"a\"", "/skills/0"});
    }
    SUBCASE("area not a string") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1, "area": 3}])"), Status::schema, "/skills/0/area",
                       {"area"});
    }
    SUBCASE("negative hours") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1}, {"id": "b", "hours": -1}])"), Status::schema,
                       "/skills/1/hours", {"hours", "-1"});
    }
    SUBCASE("hours written as 1e999 (not finite)") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1}, {"id": "b", "hours": 1e999}])"),
                       Status::schema, "/skills/1/hours", {"1e999", "finite"});
    }
    SUBCASE("hours of the wrong type") {
        for (const char *hours : {R"("12")", "true", "null", "[12]", "{}"}) {
            CAPTURE(hours);
            check_rejected(with_skills(R"([{"id": "a", "hours": 1}, {"id": "b", "hours": )" + std::string(hours) +
                                "}]"),
                           Status::schema, "/skills/1/hours", {"hours", "number"});
        }
    }
    SUBCASE("negative hours for one level") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1, "hours_by_level": {"intermediate": -0.5}}])"),
                       Status::schema, "/skills/0/hours_by_level/intermediate", {"hours", "-0.5"});
    }
    SUBCASE("1e999 hours for one level") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1, "hours_by_level": {"advanced": 1e999}}])"),
                       Status::schema, "/skills/0/hours_by_level/advanced", {"1e999"});
    }
    SUBCASE("hours_by_level not an object") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1, "hours_by_level": [1, 2, 3]}])"), Status::schema,
                       "/skills/0/hours_by_level", {"hours_by_level", "object"});
    }
    SUBCASE("hours_by_level names an unknown level") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1, "hours_by_level": {"master": 3}}])"),
                       Status::reference, "/skills/0/hours_by_level/master", {"\"master\"", "level scale"});
    }
    SUBCASE("hours_by_level for level 0") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1, "hours_by_level": {"none": 3}}])"),
                       Status::schema, "/skills/0/hours_by_level/none", {"\"none\""});
    }
    SUBCASE("no effort for a level") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1},
                                           {"id": "b", "hours_by_level": {"beginner": 1, "advanced": 2}}])"),
                       Status::schema, "/skills/1/hours", {"\"b\"", "\"intermediate\"", "effort"});
    }
    SUBCASE("no effort at all") {
        check_rejected(with_skills(R"([{"id": "a"}])"), Status::schema, "/skills/0/hours", {"\"a\"", "\"beginner\""});
    }
}

TEST_CASE("rejected: activities") {
    SUBCASE("not an array") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1, "activities": {}}])"), Status::schema,
                       "/skills/0/activities", {"activities", "array"});
    }
    SUBCASE("without a title") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1, "activities": [{"title": "x"}, {"kind": "y"}]}])"),
                       Status::schema, "/skills/0/activities/1/title", {"activity title"});
    }
    SUBCASE("an unknown level") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1, "activities": [{"title": "x", "level": "guru"}]}])"),
                       Status::reference, "/skills/0/activities/0/level", {"\"guru\""});
    }
    SUBCASE("a level index off the scale") {
        check_rejected(with_skills(R"([{"id": "a", "hours": 1, "activities": [{"title": "x", "level": 4}]}])"),
                       Status::schema, "/skills/0/activities/0/level", {"4", "off the level scale"});
    }
}

TEST_CASE("rejected: prerequisites") {
    SUBCASE("not an array") {
        check_rejected(with(R"(, "prerequisites": {"a": "b"})"), Status::schema, "/prerequisites", {"array"});
    }
    SUBCASE("an entry that is not an object") {
        check_rejected(with(R"(, "prerequisites": [["a", "b"]])"), Status::schema, "/prerequisites/0", {"object"});
    }
    SUBCASE("an unknown required skill") {
        check_rejected(with(R"(, "prerequisites": [{"skill": "a", "requires": "zzz"}])"), Status::reference,
                       "/prerequisites/0/requires", {"unknown skill", "\"zzz\""});
    }
    SUBCASE("an unknown skill") {
        check_rejected(with(R"(, "prerequisites": [{"skill": "b", "requires": "a"}, {"skill": "zzz", "requires": "a"}])"),
                       Status::reference, "/prerequisites/1/skill", {"unknown skill", "\"zzz\""});
    }
    SUBCASE("no required skill") {
        check_rejected(with(R"(, "prerequisites": [{"skill": "b", "level": "advanced"}])"), Status::schema,
                       "/prerequisites/0/requires", {"missing"});
    }
    SUBCASE("an unknown level name is a reference error") {
        check_rejected(with(R"(, "prerequisites": [{"skill": "b", "level": "master", "requires": "a"}])"),
                       Status::reference, "/prerequisites/0/level", {"\"master\"", "level scale"});
        check_rejected(with(R"(, "prerequisites": [{"skill": "b", "requires": "a", "requires_level": "Beginner"}])"),
                       Status::reference, "/prerequisites/0/requires_level", {"\"Beginner\""});
    }
    SUBCASE("an index off the scale is a schema error") {
        check_rejected(with(R"(, "prerequisites": [{"skill": "b", "level": 4, "requires": "a"}])"), Status::schema,
                       "/prerequisites/0/level", {"4", "off the level scale", "0 to 3"});
        check_rejected(with(R"(, "prerequisites": [{"skill": "b", "requires": "a", "requires_level": -1}])"),
                       Status::schema, "/prerequisites/0/requires_level", {"-1", "off the level scale"});
        check_rejected(with(R"(, "prerequisites": [{"skill": "b", "requires": "a", "requires_level": 99999999999999999999}])"),
                       Status::schema, "/prerequisites/0/requires_level", {"level"});
    }
    SUBCASE("a level that is neither a name nor a whole number") {
        check_rejected(with(R"(, "prerequisites": [{"skill": "b", "level": 1.5, "requires": "a"}])"), Status::schema,
                       "/prerequisites/0/level", {"1.5"});
        check_rejected(with(R"(, "prerequisites": [{"skill": "b", "level": true, "requires": "a"}])"), Status::schema,
                       "/prerequisites/0/level", {"boolean"});
    }
    SUBCASE("level \"none\" or 0 where a learned level is needed") {
        check_rejected(with(R"(, "prerequisites": [{"skill": "b", "level": "none", "requires": "a"}])"), Status::schema,
                       "/prerequisites/0/level", {"\"none\""});
        check_rejected(with(R"(, "prerequisites": [{"skill": "b", "requires": "a", "requires_level": 0}])"),
                       Status::schema, "/prerequisites/0/requires_level", {"\"none\""});
    }
}

TEST_CASE("rejected: roles") {
    SUBCASE("a duplicate role id") {
        check_rejected(with(R"(, "roles": [{"id": "lead"}, {"id": "lead", "requires": {"a": 1}}])"), Status::schema,
                       "/roles/1/id", {"duplicate role", "\"lead\"", "/roles/0"});
    }
    SUBCASE("extends an unknown role") {
        check_rejected(with(R"(, "roles": [{"id": "lead", "extends": "ghost"}])"), Status::reference,
                       "/roles/0/extends", {"unknown role", "\"ghost\""});
    }
    SUBCASE("requires an unknown skill") {
        check_rejected(with(R"(, "roles": [{"id": "lead", "requires": {"a": 1, "zzz": 2}}])"), Status::reference,
                       "/roles/0/requires/zzz", {"\"zzz\""});
    }
    SUBCASE("requires an unknown level") {
        check_rejected(with(R"(, "roles": [{"id": "lead", "requires": {"a": "master"}}])"), Status::reference,
                       "/roles/0/requires/a", {"\"master\""});
    }
    SUBCASE("requires level none, or 0, or an index off the scale") {
        check_rejected(with(R"(, "roles": [{"id": "lead", "requires": {"a": "none"}}])"), Status::schema,
                       "/roles/0/requires/a", {"\"none\""});
        check_rejected(with(R"(, "roles": [{"id": "lead", "requires": {"b": 0}}])"), Status::schema,
                       "/roles/0/requires/b", {"\"none\""});
        check_rejected(with(R"(, "roles": [{"id": "lead", "requires": {"c": 9}}])"), Status::schema,
                       "/roles/0/requires/c", {"9", "off the level scale"});
    }
    SUBCASE("requires not an object") {
        check_rejected(with(R"(, "roles": [{"id": "lead", "requires": ["a"]}])"), Status::schema, "/roles/0/requires",
                       {"requires", "object"});
    }
    SUBCASE("weights an unknown skill") {
        check_rejected(with(R"(, "roles": [{"id": "lead", "requires": {"a": 1}, "weights": {"zzz": 2}}])"),
                       Status::reference, "/roles/0/weights/zzz", {"\"zzz\""});
    }
    SUBCASE("weights a skill the role does not require") {
        check_rejected(with(R"(, "roles": [{"id": "base", "requires": {"a": 1}},
                                           {"id": "lead", "extends": "base", "requires": {"b": 1}, "weights": {"a": 2, "c": 3}}])"),
                       Status::schema, "/roles/1/weights/c", {"\"lead\"", "\"c\"", "does not require"});
    }
    SUBCASE("a negative weight") {
        check_rejected(with(R"(, "roles": [{"id": "lead", "requires": {"a": 1}, "weights": {"a": -2}}])"),
                       Status::schema, "/roles/0/weights/a", {"weight"});
    }
    SUBCASE("an extends cycle of three roles lists them in order") {
        check_rejected(with(R"(, "roles": [{"id": "x", "extends": "y"}, {"id": "y", "extends": "z"},
                                           {"id": "z", "extends": "x"}])"),
                       Status::cycle, "/roles/0/extends", {"x -> y -> z -> x"});
    }
    SUBCASE("an extends cycle reached from outside it") {
        check_rejected(with(R"(, "roles": [{"id": "w", "extends": "x"}, {"id": "x", "extends": "y"},
                                           {"id": "y", "extends": "x"}])"),
                       Status::cycle, "/roles/1/extends", {"x -> y -> x"});
    }
    SUBCASE("an extends cycle starts at its smallest role id, whatever the document order") {
        check_rejected(with(R"(, "roles": [{"id": "z", "extends": "x"}, {"id": "x", "extends": "y"},
                                           {"id": "y", "extends": "z"}])"),
                       Status::cycle, "/roles/1/extends", {"x -> y -> z -> x"});
    }
    SUBCASE("a role that extends itself") {
        check_rejected(with(R"(, "roles": [{"id": "solo", "extends": "solo"}])"), Status::cycle, "/roles/0/extends",
                       {"solo -> solo"});
    }
}

TEST_CASE("rejected: session types") {
    SUBCASE("a duplicate id") {
        check_rejected(with(R"(, "session_types": [{"id": "s", "minutes": 60, "every": {"weeks": 1}},
                                                   {"id": "s", "minutes": 60, "every": {"months": 1}}])"),
                       Status::schema, "/session_types/1/id", {"duplicate session type", "\"s\"", "/session_types/0"});
    }
    SUBCASE("both every and as_needed") {
        check_rejected(with(R"(, "session_types": [{"id": "s", "minutes": 60, "every": {"weeks": 1},
                                                   "as_needed": {"weeks_before_target": 4, "count": 2}}])"),
                       Status::schema, "/session_types/0", {"\"s\"", "every", "as_needed"});
    }
    SUBCASE("neither every nor as_needed") {
        check_rejected(with(R"(, "session_types": [{"id": "ok", "minutes": 60, "every": {"weeks": 2}},
                                                   {"id": "s", "minutes": 30}])"),
                       Status::schema, "/session_types/1", {"\"s\"", "every", "as_needed"});
    }
    SUBCASE("every with both weeks and months") {
        check_rejected(with(R"(, "session_types": [{"id": "s", "minutes": 60, "every": {"weeks": 1, "months": 1}}])"),
                       Status::schema, "/session_types/0/every", {"weeks", "months"});
    }
    SUBCASE("minutes missing or out of range") {
        check_rejected(with(R"(, "session_types": [{"id": "s", "every": {"weeks": 1}}])"), Status::schema,
                       "/session_types/0/minutes", {"minutes"});
        check_rejected(with(R"(, "session_types": [{"id": "s", "minutes": 0, "every": {"weeks": 1}}])"), Status::schema,
                       "/session_types/0/minutes", {"minutes"});
    }
    SUBCASE("as_needed without count") {
        check_rejected(with(R"(, "session_types": [{"id": "s", "minutes": 60, "as_needed": {"weeks_before_target": 4}}])"),
                       Status::schema, "/session_types/0/as_needed/count", {"count"});
    }
}

TEST_CASE("rejected: metrics") {
    SUBCASE("a duplicate id") {
        check_rejected(with(R"(, "metrics": [{"id": "m", "kind": "survey"}, {"id": "m", "kind": "retained"}])"),
                       Status::schema, "/metrics/1/id", {"duplicate metric", "\"m\"", "/metrics/0"});
    }
    SUBCASE("an unknown kind") {
        check_rejected(with(R"(, "metrics": [{"id": "m", "kind": "popularity"}])"), Status::schema, "/metrics/0/kind",
                       {"unknown metric kind", "\"popularity\""});
    }
    SUBCASE("no kind") {
        check_rejected(with(R"(, "metrics": [{"id": "m"}])"), Status::schema, "/metrics/0/kind", {"missing"});
    }
    SUBCASE("a scale the wrong way round") {
        check_rejected(with(R"(, "metrics": [{"id": "m", "kind": "survey", "scale": [5, 1]}])"), Status::schema,
                       "/metrics/0/scale", {"scale"});
    }
}

TEST_CASE("rejected: programs") {
    SUBCASE("the base document for these cases loads") {
        load_ok(with_program(R"({"id": "p", "target_role": "lead", "months": 3, "sessions": ["coaching"],
                                  "metrics": ["growth"], "phases": [{"id": "one", "months": [1, 3], "focus": ["a"]}]})"));
    }
    SUBCASE("a duplicate program id") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3},
                                        {"id": "p", "target_role": "lead", "months": 2})"),
                       Status::schema, "/programs/1/id", {"duplicate program", "\"p\"", "/programs/0"});
    }
    SUBCASE("an unknown target role") {
        check_rejected(with_program(R"({"id": "p", "target_role": "ghost", "months": 3})"), Status::reference,
                       "/programs/0/target_role", {"unknown role", "\"ghost\""});
    }
    SUBCASE("no target role") {
        check_rejected(with_program(R"({"id": "p", "months": 3})"), Status::schema, "/programs/0/target_role",
                       {"missing"});
    }
    SUBCASE("months not a whole number from 1") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 0})"), Status::schema,
                       "/programs/0/months", {"months"});
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 2.5})"), Status::schema,
                       "/programs/0/months", {"months"});
    }
    SUBCASE("phase months outside the program") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3,
                                        "phases": [{"id": "one", "months": [1, 1]}, {"id": "two", "months": [2, 4]}]})"),
                       Status::schema, "/programs/0/phases/1/months", {"\"two\"", "\"p\"", "2 to 4", "1 to 3"});
    }
    SUBCASE("phase months the wrong way round") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3,
                                        "phases": [{"id": "one", "months": [3, 2]}]})"),
                       Status::schema, "/programs/0/phases/0/months", {"\"one\"", "starts in month 3", "month 2"});
    }
    SUBCASE("phase month 0") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3,
                                        "phases": [{"id": "one", "months": [0, 2]}]})"),
                       Status::schema, "/programs/0/phases/0/months/0", {"first month"});
    }
    SUBCASE("a duplicate phase id") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3,
                                        "phases": [{"id": "one", "months": [1, 1]}, {"id": "one", "months": [2, 3]}]})"),
                       Status::schema, "/programs/0/phases/1/id", {"duplicate phase", "\"one\"", "/programs/0/phases/0"});
    }
    SUBCASE("an unknown focus") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3,
                                        "phases": [{"id": "one", "months": [1, 3], "focus": ["a", "nowhere"]}]})"),
                       Status::reference, "/programs/0/phases/0/focus/1", {"unknown focus", "\"nowhere\""});
    }
    SUBCASE("an unknown session type") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3, "sessions": ["coaching", "yoga"]})"),
                       Status::reference, "/programs/0/sessions/1", {"unknown session type", "\"yoga\""});
    }
    SUBCASE("a session type or a metric listed twice") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3, "sessions": ["coaching", "coaching"]})"),
                       Status::schema, "/programs/0/sessions/1", {"\"coaching\"", "listed twice"});
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3, "metrics": ["growth", "growth"]})"),
                       Status::schema, "/programs/0/metrics/1", {"\"growth\"", "listed twice"});
    }
    SUBCASE("an unknown metric") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3, "metrics": ["happiness"]})"),
                       Status::reference, "/programs/0/metrics/0", {"unknown metric", "\"happiness\""});
    }
    SUBCASE("a group program without group_size") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3, "format": "group"})"),
                       Status::schema, "/programs/0/group_size", {"group_size", "group"});
    }
    SUBCASE("group_size the wrong way round") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3, "format": "group",
                                        "group_size": [6, 4]})"),
                       Status::schema, "/programs/0/group_size/1", {"most members"});
    }
    SUBCASE("an unknown format") {
        check_rejected(with_program(R"({"id": "p", "target_role": "lead", "months": 3, "format": "solo"})"),
                       Status::schema, "/programs/0/format", {"\"solo\""});
    }
}

TEST_CASE("rejected: prerequisite cycles name one cycle, in requires order") {
    const std::vector<std::string> levels{"none", "beginner", "intermediate", "advanced"};
    SUBCASE("three skills; the cycle starts at the smallest skill id, not document order") {
        const std::string text = R"({"id": "t", "levels": ["none", "beginner", "intermediate", "advanced"],
            "skills": [{"id": "c", "hours": 1}, {"id": "x", "hours": 1}, {"id": "b", "hours": 1}, {"id": "a", "hours": 1}],
            "prerequisites": [
              {"skill": "x", "requires": "a"},
              {"skill": "c", "requires": "a"},
              {"skill": "b", "requires": "c"},
              {"skill": "a", "requires": "b"}]})";
        const Error e = load_error(text);
        CHECK(name(e.status) == name(Status::cycle));
        CHECK(e.message ==
              "prerequisites form a cycle: a@beginner -> b@beginner -> c@beginner -> a@beginner "
              "(each unit requires the next)");
        // The entry of the cycle's first edge, a@beginner requires b@beginner.
        CHECK(e.pointer == "/prerequisites/3");
        check_each_requires_next(cycle_units(e.message), levels,
                                 {{"x@beginner", "a@beginner"},
                                  {"c@beginner", "a@beginner"},
                                  {"b@beginner", "c@beginner"},
                                  {"a@beginner", "b@beginner"}});
    }
    SUBCASE("a cycle through the level chain") {
        // a@intermediate requires b@beginner, which requires a@advanced, which (by the chain)
        // requires a@intermediate.
        const Error e = load_error(with(R"(, "prerequisites": [
              {"skill": "c", "level": 2, "requires": "b"},
              {"skill": "a", "level": "intermediate", "requires": "b"},
              {"skill": "b", "requires": "a", "requires_level": "advanced"}])"));
        CHECK(name(e.status) == name(Status::cycle));
        CHECK(e.message ==
              "prerequisites form a cycle: a@intermediate -> b@beginner -> a@advanced -> a@intermediate "
              "(each unit requires the next)");
        CHECK(e.pointer == "/prerequisites/1");
        check_each_requires_next(cycle_units(e.message), levels,
                                 {{"c@intermediate", "b@beginner"},
                                  {"a@intermediate", "b@beginner"},
                                  {"b@beginner", "a@advanced"}});
    }
    SUBCASE("a skill's first level requires a higher level of itself") {
        const Error e = load_error(with(R"(, "prerequisites": [
              {"skill": "b", "requires": "a"},
              {"skill": "a", "level": "beginner", "requires": "a", "requires_level": "intermediate"}])"));
        CHECK(name(e.status) == name(Status::cycle));
        CHECK(e.message ==
              "prerequisites form a cycle: a@beginner -> a@intermediate -> a@beginner (each unit requires the next)");
        CHECK(e.pointer == "/prerequisites/1");
        check_each_requires_next(cycle_units(e.message), levels,
                                 {{"b@beginner", "a@beginner"}, {"a@beginner", "a@intermediate"}});
    }
    SUBCASE("a unit that requires itself") {
        const Error e = load_error(with(R"(, "prerequisites": [{"skill": "c", "level": 2, "requires": "c", "requires_level": 2}])"));
        CHECK(name(e.status) == name(Status::cycle));
        CHECK(e.message == "prerequisites form a cycle: c@intermediate -> c@intermediate (each unit requires the next)");
        CHECK(e.pointer == "/prerequisites/0");
    }
    SUBCASE("a cycle deep inside the example curriculum") {
        // The example is acyclic; make management_fundamentals require performance_feedback,
        // which needs one_on_one_skills, which needs management_fundamentals.
        Json doc = Json::parse(example_text());
        doc["prerequisites"].push_back({{"skill", "management_fundamentals"},
                                        {"requires", "performance_feedback"}});
        const Error e = load_error(doc.dump());
        CHECK(name(e.status) == name(Status::cycle));
        CHECK(e.message ==
              "prerequisites form a cycle: management_fundamentals@beginner -> performance_feedback@beginner -> "
              "one_on_one_skills@beginner -> management_fundamentals@beginner (each unit requires the next)");
        CHECK(e.pointer == "/prerequisites/38");
    }
}

// --- Limits ------------------------------------------------------------------------------------

namespace {

// A curriculum whose every count is set: levels (level 0 included), skills, activities of the
// first skill, prerequisites, roles, programs, phases of each program, session types, metrics
// and program months.
struct Counts {
    int levels = 3, skills = 2, activities = 1, prerequisites = 1, roles = 1, programs = 1, phases = 1,
        session_types = 1, metrics = 1, months = 3;
};

std::string document(const Counts &n) {
    Json doc = {{"id", "limits"}};
    Json levels = Json::array();
    for (int i = 0; i < n.levels; ++i) levels.push_back("l" + std::to_string(i));
    doc["levels"] = levels;
    Json skills = Json::array();
    for (int i = 0; i < n.skills; ++i) skills.push_back({{"id", "s" + std::to_string(i)}, {"hours", 1}});
    if (n.skills > 0) {
        skills[0]["activities"] = Json::array();
        for (int i = 0; i < n.activities; ++i) skills[0]["activities"].push_back({{"title", "act" + std::to_string(i)}});
    }
    doc["skills"] = skills;
    doc["prerequisites"] = Json::array();
    for (int i = 0; i < n.prerequisites; ++i) doc["prerequisites"].push_back({{"skill", "s1"}, {"requires", "s0"}});
    doc["roles"] = Json::array();
    for (int i = 0; i < n.roles; ++i) doc["roles"].push_back({{"id", "r" + std::to_string(i)}, {"requires", {{"s0", 1}}}});
    doc["session_types"] = Json::array();
    for (int i = 0; i < n.session_types; ++i)
        doc["session_types"].push_back({{"id", "t" + std::to_string(i)}, {"minutes", 30}, {"every", {{"weeks", 1}}}});
    doc["metrics"] = Json::array();
    for (int i = 0; i < n.metrics; ++i) doc["metrics"].push_back({{"id", "m" + std::to_string(i)}, {"kind", "survey"}});
    doc["programs"] = Json::array();
    for (int i = 0; i < n.programs; ++i) {
        Json phases = Json::array();
        for (int k = 0; k < n.phases; ++k) phases.push_back({{"id", "ph" + std::to_string(k)}, {"months", {1, 1}}});
        doc["programs"].push_back(
            {{"id", "p" + std::to_string(i)}, {"target_role", "r0"}, {"months", n.months}, {"phases", phases}});
    }
    return doc.dump();
}

// At the limit the document loads; one over, it is Status::limit at `pointer`, naming the limit.
void check_count_limit(Counts at, Counts over, const Limits &limits, std::string_view pointer,
                       std::string_view limit_name) {
    CAPTURE(limit_name);
    load_ok(document(at), limits);
    check_rejected(document(over), Status::limit, pointer, {limit_name}, limits);
    // The default limits accept both.
    load_ok(document(over));
}

}  // namespace

TEST_CASE("limits on counts: at the limit accepted, one over rejected with Status::limit") {
    Limits limits;
    Counts at, over;
    SUBCASE("max_levels") {
        limits.max_levels = 4;
        at.levels = 4;
        over.levels = 5;
        check_count_limit(at, over, limits, "/levels", "max_levels");
    }
    SUBCASE("max_skills") {
        limits.max_skills = 3;
        at.skills = 3;
        over.skills = 4;
        check_count_limit(at, over, limits, "/skills", "max_skills");
    }
    SUBCASE("max_units: skills x learned levels") {
        limits.max_units = 6;
        at.levels = over.levels = 4;  // three learned levels
        at.skills = 2;                // 6 units
        over.skills = 3;              // 9 units
        check_count_limit(at, over, limits, "/skills", "max_units");
    }
    SUBCASE("max_prerequisites") {
        limits.max_prerequisites = 2;
        at.prerequisites = 2;
        over.prerequisites = 3;
        check_count_limit(at, over, limits, "/prerequisites", "max_prerequisites");
    }
    SUBCASE("max_roles") {
        limits.max_roles = 2;
        at.roles = 2;
        over.roles = 3;
        check_count_limit(at, over, limits, "/roles", "max_roles");
    }
    SUBCASE("max_programs") {
        limits.max_programs = 2;
        at.programs = 2;
        over.programs = 3;
        check_count_limit(at, over, limits, "/programs", "max_programs");
    }
    SUBCASE("max_phases, per program") {
        limits.max_phases = 2;
        at.phases = 2;
        over.phases = 3;
        check_count_limit(at, over, limits, "/programs/0/phases", "max_phases");
    }
    SUBCASE("max_session_types") {
        limits.max_session_types = 2;
        at.session_types = 2;
        over.session_types = 3;
        check_count_limit(at, over, limits, "/session_types", "max_session_types");
    }
    SUBCASE("max_metrics") {
        limits.max_metrics = 2;
        at.metrics = 2;
        over.metrics = 3;
        check_count_limit(at, over, limits, "/metrics", "max_metrics");
    }
    SUBCASE("max_activities, per skill") {
        limits.max_activities = 2;
        at.activities = 2;
        over.activities = 3;
        check_count_limit(at, over, limits, "/skills/0/activities", "max_activities");
    }
    SUBCASE("max_program_months") {
        limits.max_program_months = 6;
        at.months = 6;
        over.months = 7;
        check_count_limit(at, over, limits, "/programs/0/months", "max_program_months");
    }
    SUBCASE("max_program_months, default 120") {
        at.months = 120;
        load_ok(document(at));
        over.months = 121;
        check_rejected(document(over), Status::limit, "/programs/0/months", {"max_program_months", "121"});
    }
}

namespace {

// Skills s0..s{skills-1} of one level and the roles given.
std::string with_roles(int skills, const Json &roles) {
    Json doc = {{"id", "roles"}, {"levels", {"none", "yes"}}};
    doc["skills"] = Json::array();
    for (int i = 0; i < skills; ++i) doc["skills"].push_back({{"id", "s" + std::to_string(i)}, {"hours", 1}});
    doc["roles"] = roles;
    return doc.dump();
}

// n roles, r{k} extending r{k-1} and adding skill s{k}: role k has k + 1 effective
// requirements, so the roles keep n (n + 1) / 2 in all.
std::string chain(int n) {
    Json roles = Json::array();
    for (int k = 0; k < n; ++k) {
        Json role = {{"id", "r" + std::to_string(k)}, {"requires", {{"s" + std::to_string(k), 1}}}};
        if (k > 0) role["extends"] = "r" + std::to_string(k - 1);
        roles.push_back(std::move(role));
    }
    return with_roles(n, roles);
}

// A base role requiring every one of `skills` skills, and `children` roles that extend it and
// add nothing: each keeps `skills` requirements.
std::string star(int skills, int children) {
    Json base = {{"id", "base"}, {"requires", Json::object()}};
    for (int i = 0; i < skills; ++i) base["requires"]["s" + std::to_string(i)] = 1;
    Json roles = Json::array({base});
    for (int k = 0; k < children; ++k) roles.push_back({{"id", "c" + std::to_string(k)}, {"extends", "base"}});
    return with_roles(skills, roles);
}

std::size_t total_requirements(const Curriculum &c) {
    std::size_t total = 0;
    for (const Role &r : c.roles()) total += r.requirements.size();
    return total;
}

}  // namespace

TEST_CASE("max_role_requirements: the effective requirements summed over the roles") {
    Limits limits;
    SUBCASE("a chain: at the limit it loads, the role that crosses it is named") {
        limits.max_role_requirements = 15;
        CHECK(total_requirements(load_ok(chain(5), limits)) == 15);  // 1 + 2 + 3 + 4 + 5
        // The sixth role would bring 6 more: 21.
        check_rejected(chain(6), Status::limit, "/roles/5", {"\"r5\"", "21", "15", "max_role_requirements"}, limits);
        check_rejected(chain(40), Status::limit, "/roles/5", {"\"r5\"", "21", "max_role_requirements"}, limits);
    }
    SUBCASE("a star: each role extending the base keeps the base's requirements") {
        limits.max_role_requirements = 12;
        CHECK(total_requirements(load_ok(star(4, 2), limits)) == 12);
        check_rejected(star(4, 3), Status::limit, "/roles/3", {"\"c2\"", "16", "12", "max_role_requirements"}, limits);
    }
    SUBCASE("roles are counted parents first, so the pointer may precede the roles counted before it") {
        // top extends mid extends root, written in that order: root (1), mid (2), top (3).
        const std::string text = with_roles(3, Json::parse(R"([
            {"id": "top", "extends": "mid", "requires": {"s2": 1}},
            {"id": "mid", "extends": "root", "requires": {"s1": 1}},
            {"id": "root", "requires": {"s0": 1}}])"));
        limits.max_role_requirements = 6;
        load_ok(text, limits);
        limits.max_role_requirements = 5;
        check_rejected(text, Status::limit, "/roles/0", {"\"top\"", "6", "max_role_requirements"}, limits);
    }
    SUBCASE("a skill a role both inherits and requires counts once") {
        const std::string text = with_roles(2, Json::parse(R"([
            {"id": "base", "requires": {"s0": 1, "s1": 1}},
            {"id": "lead", "extends": "base", "requires": {"s0": 1, "s1": 1}, "weights": {"s1": 2}}])"));
        limits.max_role_requirements = 4;
        CHECK(total_requirements(load_ok(text, limits)) == 4);
        limits.max_role_requirements = 3;
        check_rejected(text, Status::limit, "/roles/1", {"\"lead\"", "4", "max_role_requirements"}, limits);
    }
    SUBCASE("the default, 1,000,000: a chain of 1,413 roles keeps 998,991 and loads; 1,414 roles do not") {
        CHECK(Limits{}.max_role_requirements == 1'000'000);
        CHECK(total_requirements(load_ok(chain(1413))) == 998'991);
        check_rejected(chain(1414), Status::limit, "/roles/1413", {"\"r1413\"", "1000405", "1000000", "max_role_requirements"});
    }
    SUBCASE("the default: a 10,000-skill role and 99 roles extending it make 1,000,000 and load; 100 do not") {
        CHECK(total_requirements(load_ok(star(10'000, 99))) == 1'000'000);
        check_rejected(star(10'000, 100), Status::limit, "/roles/100", {"\"c99\"", "1010000", "max_role_requirements"});
    }
    SUBCASE("from_json applies it too") {
        limits.max_role_requirements = 15;
        const auto r = Curriculum::from_json(Json::parse(chain(6)), limits);
        REQUIRE_FALSE(r.has_value());
        CHECK(name(r.error().status) == name(Status::limit));
        CHECK(r.error().pointer == "/roles/5");
    }
}

namespace {

// `skills` skills s0, s1, ... in the area "big", a role, and one program whose phases have the
// focus lists given.
std::string with_focus(int skills, const std::vector<Json> &focus) {
    Json doc = {{"id", "focus"}, {"levels", {"none", "yes"}}};
    doc["skills"] = Json::array();
    for (int i = 0; i < skills; ++i)
        doc["skills"].push_back({{"id", "s" + std::to_string(i)}, {"area", "big"}, {"hours", 1}});
    doc["roles"] = Json::array({{{"id", "r"}, {"requires", {{"s0", 1}}}}});
    Json phases = Json::array();
    for (std::size_t k = 0; k < focus.size(); ++k)
        phases.push_back({{"id", "ph" + std::to_string(k)}, {"months", {1, 1}}, {"focus", focus[k]}});
    doc["programs"] = Json::array({{{"id", "p"}, {"target_role", "r"}, {"months", 1}, {"phases", phases}}});
    return doc.dump();
}

std::size_t total_focus(const Curriculum &c) {
    std::size_t total = 0;
    for (const Program &p : c.programs())
        for (const Phase &ph : p.phases) total += ph.focus_skills.size();
    return total;
}

}  // namespace

TEST_CASE("max_focus_skills: the skills phase focus resolves to, summed over the phases") {
    Limits limits;
    limits.max_focus_skills = 5;
    SUBCASE("an area counts its skills; a skill or area named again in a phase counts once") {
        const Curriculum c = load_ok(with_focus(4, {Json{"big", "s1", "big"}, Json{"s0", "s0"}}), limits);
        CHECK(total_focus(c) == 5);
        CHECK(c.programs()[0].phases[0].focus_skills == std::vector<std::size_t>{0, 1, 2, 3});
        CHECK(c.programs()[0].phases[0].focus == std::vector<std::string>{"big", "s1", "big"});
    }
    SUBCASE("the entry that crosses the limit is named, before its skills are added") {
        // 4, then 5, then s1 makes 6 and "big" would add s0, s2 and s3: 9.
        limits.max_focus_skills = 6;
        check_rejected(with_focus(4, {Json{"big"}, Json{"s0"}, Json{"s1", "big"}}), Status::limit,
                       "/programs/0/phases/2/focus/1", {"\"big\"", "\"ph2\"", "9", "6", "max_focus_skills"}, limits);
    }
    SUBCASE("the default, 1,000,000: 100 phases on a 10,000-skill area load, 101 do not") {
        CHECK(Limits{}.max_focus_skills == 1'000'000);
        CHECK(total_focus(load_ok(with_focus(10'000, std::vector<Json>(100, Json{"big"})))) == 1'000'000);
        check_rejected(with_focus(10'000, std::vector<Json>(101, Json{"big"})), Status::limit,
                       "/programs/0/phases/100/focus/0", {"1010000", "max_focus_skills"});
    }
}

TEST_CASE("count limits apply to from_json too") {
    Limits limits;
    limits.max_skills = 1;
    const auto r = Curriculum::from_json(Json::parse(document(Counts{})), limits);
    REQUIRE_FALSE(r.has_value());
    CHECK(name(r.error().status) == name(Status::limit));
    CHECK(r.error().pointer == "/skills");
}

TEST_CASE("limits on the text: document bytes, depth, string bytes") {
    const std::string base = R"({"id": "t", "levels": ["none", "yes"], "extension": )";
    SUBCASE("max_document_bytes") {
        const std::string text = document(Counts{});
        Limits limits;
        limits.max_document_bytes = text.size();
        load_ok(text, limits);
        limits.max_document_bytes = text.size() - 1;
        check_rejected(text, Status::limit, "", {"max_document_bytes"}, limits);
    }
    SUBCASE("max_depth, small") {
        Limits limits;
        limits.max_depth = 3;  // the root object, "extension" and one array inside it
        load_ok(base + "[[1]]}", limits);
        // The pointer names the container that opens one level too deep; the message its place.
        check_rejected(base + "[[[1]]]}", Status::limit, "/extension/0/0", {"max_depth", "column 55"}, limits);
        check_rejected(base + R"([[{"a": 1}]]})", Status::limit, "/extension/0/0", {"max_depth"}, limits);
    }
    SUBCASE("max_depth, default 64, through Curriculum::load") {
        // The root object is depth 1, so 63 arrays make 64 and 64 arrays make 65.
        load_ok(base + std::string(63, '[') + std::string(63, ']') + "}");
        std::string pointer = "/extension";
        for (int i = 0; i < 63; ++i) pointer += "/0";
        check_rejected(base + std::string(64, '[') + std::string(64, ']') + "}", Status::limit, pointer, {"max_depth", "64"});
    }
    SUBCASE("100,000 levels deep: Status::limit, no crash") {
        std::string pointer = "/extension", root_pointer;
        for (int i = 0; i < 63; ++i) pointer += "/0";
        for (int i = 0; i < 64; ++i) root_pointer += "/0";
        check_rejected(base + std::string(100'000, '[') + std::string(100'000, ']') + "}", Status::limit, pointer,
                       {"max_depth"});
        check_rejected(std::string(100'000, '['), Status::limit, root_pointer, {"max_depth", "column 65"});
    }
    SUBCASE("max_string_bytes: values and keys") {
        Limits limits;
        limits.max_string_bytes = 12;
        const std::string value12 = R"({"id": "t", "levels": ["none", "yes"], "title": "twelve bytes"})";
        load_ok(value12, limits);
        check_rejected(R"({"id": "t", "levels": ["none", "yes"], "title": "thirteen byte"})", Status::limit, "/title",
                       {"max_string_bytes", "column 49"}, limits);
        load_ok(R"({"id": "t", "levels": ["none", "yes"], "twelve_bytes": 1})", limits);
        // A key too long: the object that holds it, here the whole document.
        check_rejected(R"({"id": "t", "levels": ["none", "yes"], "thirteen_byte": 1})", Status::limit, "",
                       {"max_string_bytes", "column 1"}, limits);
    }
}
