// careerpath/export.hpp: the curriculum graph as DOT and as a Mermaid flowchart, checked to the
// byte on a small hand-written curriculum; the plan as a Mermaid Gantt chart, for Alex's plan
// and a hand-written plan document; and documents that are not plans.
#include <careerpath/export.hpp>
#include <careerpath/plan.hpp>

#include <doctest/doctest.h>

#include "support.hpp"

#include <fstream>
#include <sstream>
#include <string>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

std::string read_example(const std::string &name) {
    std::ifstream in(std::string(CAREERPATH_EXAMPLES_DIR) + "/" + name, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::size_t count(const std::string &text, const std::string &what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// Four skills in document order b, a, c, d: b and d in area "core", a in "soft", c in none; b's
// title has quotes and a backslash. Units: b@basic 0, b@deep 1, a@basic 2, a@deep 3, c@basic 4,
// c@deep 5, d@basic 6, d@deep 7.
constexpr std::string_view small = R"({
  "id": "small", "title": "Small \"graph\"",
  "levels": ["none", "basic", "deep"],
  "skills": [
    {"id": "b", "title": "Say \"hi\" \\ now", "area": "core", "hours": 1},
    {"id": "a", "title": "Alpha", "area": "soft", "hours": 1},
    {"id": "c", "title": "Gamma", "hours": 1},
    {"id": "d", "title": "Delta", "area": "core", "hours": 1}
  ],
  "prerequisites": [
    {"skill": "a", "requires": "b", "requires_level": "deep"},
    {"skill": "c", "level": "deep", "requires": "a"}
  ]
})";

}  // namespace

TEST_CASE("export_dot: nodes, clusters per area, chain and prerequisite edges, escaping") {
    const Curriculum c = load_ok(small);
    const std::string expected =
        "digraph \"small\" {\n"
        "  label=\"Small \\\"graph\\\"\";\n"
        "  labelloc=t;\n"
        "  rankdir=LR;\n"
        "  node [shape=box];\n"
        "  subgraph \"cluster_core\" {\n"
        "    label=\"core\";\n"
        "    \"b@basic\" [label=\"Say \\\"hi\\\" \\\\ now\\nbasic\"];\n"
        "    \"b@deep\" [label=\"Say \\\"hi\\\" \\\\ now\\ndeep\"];\n"
        "    \"d@basic\" [label=\"Delta\\nbasic\"];\n"
        "    \"d@deep\" [label=\"Delta\\ndeep\"];\n"
        "  }\n"
        "  subgraph \"cluster_soft\" {\n"
        "    label=\"soft\";\n"
        "    \"a@basic\" [label=\"Alpha\\nbasic\"];\n"
        "    \"a@deep\" [label=\"Alpha\\ndeep\"];\n"
        "  }\n"
        "  \"c@basic\" [label=\"Gamma\\nbasic\"];\n"
        "  \"c@deep\" [label=\"Gamma\\ndeep\"];\n"
        "  \"b@basic\" -> \"b@deep\";\n"
        "  \"b@deep\" -> \"a@basic\";\n"
        "  \"a@basic\" -> \"a@deep\";\n"
        "  \"a@basic\" -> \"c@deep\";\n"
        "  \"c@basic\" -> \"c@deep\";\n"
        "  \"d@basic\" -> \"d@deep\";\n"
        "}\n";
    CHECK(export_dot(c) == expected);
    CHECK(export_dot(c) == export_dot(load_ok(small)));  // deterministic
}

TEST_CASE("export_mermaid_graph: generated ids, quoted labels, subgraphs, the same edges") {
    const Curriculum c = load_ok(small);
    const std::string expected =
        "flowchart LR\n"
        "  subgraph area0 [\"core\"]\n"
        "    u0[\"Say #quot;hi#quot; \\ now<br/>basic\"]\n"
        "    u1[\"Say #quot;hi#quot; \\ now<br/>deep\"]\n"
        "    u6[\"Delta<br/>basic\"]\n"
        "    u7[\"Delta<br/>deep\"]\n"
        "  end\n"
        "  subgraph area1 [\"soft\"]\n"
        "    u2[\"Alpha<br/>basic\"]\n"
        "    u3[\"Alpha<br/>deep\"]\n"
        "  end\n"
        "  u4[\"Gamma<br/>basic\"]\n"
        "  u5[\"Gamma<br/>deep\"]\n"
        "  u0 --> u1\n"
        "  u1 --> u2\n"
        "  u2 --> u3\n"
        "  u2 --> u5\n"
        "  u4 --> u5\n"
        "  u6 --> u7\n";
    CHECK(export_mermaid_graph(c) == expected);
    CHECK(export_mermaid_graph(c) == export_mermaid_graph(load_ok(small)));
}

TEST_CASE("export_dot and export_mermaid_graph on the example: one node per unit, one edge per graph edge") {
    const Curriculum c = load_ok(read_example("engineering-growth.json"));
    const std::string dot = export_dot(c);
    CHECK(count(dot, " -> ") == c.graph().edge_count());
    CHECK(count(dot, " [label=") == c.graph().unit_count());
    CHECK(count(dot, "subgraph \"cluster_") == c.areas().size());
    const std::string mermaid = export_mermaid_graph(c);
    CHECK(count(mermaid, " --> ") == c.graph().edge_count());
    CHECK(count(mermaid, "<br/>") == c.graph().unit_count());
    CHECK(count(mermaid, "\n  end\n") == c.areas().size());
}

TEST_CASE("export_mermaid_gantt: Alex's plan") {
    const Curriculum c = load_ok(read_example("engineering-growth.json"));
    auto planned = plan_from_json(c, read_example("alex.request.json"));
    REQUIRE(planned);
    const Json document = plan_to_json(c, planned.value().request, planned.value().plan);
    auto gantt = export_mermaid_gantt(document);
    REQUIRE(gantt);
    const std::string &text = gantt.value();
    CHECK(text.rfind("gantt\n    title Learning plan for alex (staff_engineer)\n    dateFormat YYYY-MM-DD\n", 0) == 0);
    // Every path unit appears exactly once, as a task running to the end of its finish day.
    for (const auto &unit : document["path"]) {
        const std::string name = unit["unit"].get<std::string>();
        CHECK_MESSAGE(count(text, "    " + name + " :t") == 1, name);
    }
    CHECK(count(text, " :t") == document["path"].size());
    CHECK(text.find("    architectural_patterns@advanced :t0, 2027-01-04, 2027-01-28\n") != std::string::npos);
    // A section per phase, in order, each with its milestone; the role's milestone at the end.
    const auto p1 = text.find("    section System design fundamentals\n");
    const auto p2 = text.find("    section Cross-team collaboration\n");
    const auto p3 = text.find("    section Technical influence\n");
    const auto p4 = text.find("    section Milestones\n");
    CHECK(p1 < p2);
    CHECK(p2 < p3);
    CHECK(p3 < p4);
    CHECK(p4 != std::string::npos);
    CHECK(text.find("section Other") == std::string::npos);
    CHECK(count(text, ":milestone, m") == document["milestones"].size());
    CHECK(text.find("    System design fundamentals complete :milestone, m0, 2027-03-03, 0d\n") > p1);
    CHECK(text.find("    Ready for Staff Engineer :milestone, m3, 2027-07-03, 0d\n") > p4);
    auto again = export_mermaid_gantt(document);
    REQUIRE(again);
    CHECK(again.value() == text);
}

TEST_CASE("export_mermaid_gantt: a hand-written plan, units without a phase, labels sanitized") {
    const Json plan = Json::parse(R"({
      "learner": "sam",
      "path": [
        {"unit": "x@one", "start": "2027-01-04", "finish": "2027-01-04", "phase": "p1"},
        {"unit": "y@one", "start": "2027-01-05", "finish": "2027-01-31", "phase": null},
        {"unit": "z@one", "start": "2027-02-01", "finish": "2027-02-28", "phase": "p1"}
      ],
      "phases": [{"id": "p1", "title": "Phase: one #1"}, {"id": "p2", "title": "Empty"}],
      "milestones": [{"id": "p1", "title": "Phase one done", "due": "2027-03-01"},
                     {"id": "role", "title": "Ready: really", "due": "2027-12-31"}]
    })");
    auto gantt = export_mermaid_gantt(plan);
    REQUIRE(gantt);
    CHECK(gantt.value() ==
          "gantt\n"
          "    title Learning plan for sam\n"
          "    dateFormat YYYY-MM-DD\n"
          "    section Phase  one  1\n"
          "    x@one :t0, 2027-01-04, 2027-01-05\n"
          "    z@one :t2, 2027-02-01, 2027-03-01\n"
          "    Phase one done :milestone, m0, 2027-03-01, 0d\n"
          "    section Other\n"
          "    y@one :t1, 2027-01-05, 2027-02-01\n"
          "    section Milestones\n"
          "    Ready  really :milestone, m1, 2027-12-31, 0d\n");
}

TEST_CASE("export_mermaid_gantt: a document that is not a plan is a schema error with its pointer") {
    struct Case {
        const char *document;
        const char *pointer;
    };
    const Case cases[] = {
        {R"([])", ""},
        {R"({"id": "engineering-growth", "skills": []})", "/path"},
        {R"({"path": {}})", "/path"},
        {R"({"path": [1]})", "/path/0"},
        {R"({"path": [{"start": "2027-01-04", "finish": "2027-01-04"}]})", "/path/0/unit"},
        {R"({"path": [{"unit": "a@b", "start": "2027-01-04"}]})", "/path/0/finish"},
        {R"({"path": [{"unit": "a@b", "start": "2027-02-30", "finish": "2027-03-01"}]})", "/path/0/start"},
        {R"({"path": [{"unit": "a@b", "start": "2027-03-04", "finish": "2027-03-01"}]})", "/path/0/finish"},
        {R"({"path": [{"unit": "a@b", "start": "2027-03-01", "finish": "2027-03-01", "phase": 3}]})", "/path/0/phase"},
        {R"({"path": [], "phases": [{"title": "no id"}]})", "/phases/0/id"},
        {R"({"path": [], "milestones": [{"title": "no due"}]})", "/milestones/0/due"},
    };
    for (const auto &k : cases) {
        auto r = export_mermaid_gantt(Json::parse(k.document));
        REQUIRE_MESSAGE(!r, k.document);
        CHECK_MESSAGE(r.error().status == Status::schema, k.document);
        CHECK_MESSAGE(r.error().pointer == k.pointer, k.document);
    }
    auto empty = export_mermaid_gantt(Json::parse(R"({"path": []})"));
    REQUIRE(empty);
    CHECK(empty.value() == "gantt\n    title Learning plan\n    dateFormat YYYY-MM-DD\n");
}
