// careerpath/export.hpp: the curriculum graph as DOT and as a Mermaid flowchart, checked to the
// byte on a small hand-written curriculum; the plan as a Mermaid Gantt chart, for Alex's plan
// and a hand-written plan document; the plan as iCalendar (wire format, escaping, UIDs, DTSTAMP,
// all-day milestones); and documents that are not plans. Ids and titles holding NUL and other
// control characters (tests/unit/control_characters.json and plan documents): every format's
// text whole, with no raw control character, and Mermaid's syntax characters made harmless. The
// plan exports from the model give the bytes of the same exports of the plan's document, and an
// outline made by hand cannot make them write what the format does not allow.
#include <careerpath/export.hpp>
#include <careerpath/json.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/plan_outline.hpp>

#include <doctest/doctest.h>

#include "date_time.hpp"
#include "support.hpp"

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace careerpath;

namespace {

using careerpath_test::load_ok;

std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string read_example(const std::string &name) {
    return read_file(std::string(CAREERPATH_EXAMPLES_DIR) + "/" + name);
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
    CHECK(text.rfind("gantt\n    title Learning plan for Alex (staff_engineer)\n    dateFormat YYYY-MM-DD\n", 0) == 0);
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

TEST_CASE("export_mermaid_gantt: the title names the learner by name where the plan gives one") {
    const auto title = [](const std::string &members) {
        auto gantt = export_mermaid_gantt(Json::parse(R"({"learner": "sam", )" + members + R"("path": []})"));
        REQUIRE(gantt);
        return gantt.value().substr(0, gantt.value().find("\n    dateFormat"));
    };
    CHECK(title("") == "gantt\n    title Learning plan for sam");
    CHECK(title(R"("learner_name": null, )") == "gantt\n    title Learning plan for sam");
    CHECK(title(R"("learner_name": "Sam Lee", )") == "gantt\n    title Learning plan for Sam Lee");
    // A name is a label like any other: nothing in it starts a Mermaid keyword or a new line.
    CHECK(title(R"("learner_name": "Sam: #1\ntitle x", )") == "gantt\n    title Learning plan for Sam   1 title x");
    auto bad = export_mermaid_gantt(Json::parse(R"({"learner": "sam", "learner_name": 7, "path": []})"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().status == Status::schema);
    CHECK(bad.error().pointer == "/learner_name");
}

TEST_CASE("export_mermaid_gantt: a re-plan marks the units under way, what moved or is new, and its first day") {
    const Json plan = Json::parse(R"({
      "learner": "sam", "start": "2027-01-04", "replan_from": "2027-02-01",
      "path": [
        {"unit": "x@one", "start": "2027-02-01", "finish": "2027-02-10", "hours_done": 2.5},
        {"unit": "y@one", "start": "2027-02-11", "finish": "2027-02-20"},
        {"unit": "z@one", "start": "2027-02-21", "finish": "2027-02-28"},
        {"unit": "w@one", "start": "2027-03-01", "finish": "2027-03-02", "hours_done": 0}
      ],
      "changes": {"added": ["z@one", "gone@one"],
                  "moved": [{"unit": "x@one", "start_days": 3, "finish_days": 21},
                            {"unit": "y@one", "start_days": -1, "finish_days": 0},
                            {"unit": "w@one", "start_days": 0, "finish_days": -1}]}
    })");
    auto gantt = export_mermaid_gantt(plan);
    REQUIRE(gantt);
    CHECK(gantt.value() ==
          "gantt\n"
          "    title Learning plan for sam\n"
          "    dateFormat YYYY-MM-DD\n"
          "    section Other\n"
          "    x@one (finishes 21 days later) :active, t0, 2027-02-01, 2027-02-11\n"
          "    y@one (starts 1 day earlier) :t1, 2027-02-11, 2027-02-21\n"
          "    z@one (new) :t2, 2027-02-21, 2027-03-01\n"
          "    w@one (finishes 1 day earlier) :t3, 2027-03-01, 2027-03-03\n"
          "    section Milestones\n"
          "    Re-planned 2027-02-01 :milestone, r0, 2027-02-01, 0d\n");
    // A first plan (replan_from is its start) has no such milestone.
    Json first = plan;
    first["replan_from"] = "2027-01-04";
    first.erase("changes");
    REQUIRE(export_mermaid_gantt(first));
    CHECK(export_mermaid_gantt(first).value().find("Re-planned") == std::string::npos);
    // Alex's re-plan: the unit half done is under way, and moved.
    const Curriculum c = load_ok(read_example("engineering-growth.json"));
    Json replan = Json::parse(read_example("alex.replan.request.json"));
    auto first_plan = plan_from_json(c, read_example("alex.request.json"));
    REQUIRE(first_plan);
    replan["previous"] = plan_to_json(c, first_plan.value().request, first_plan.value().plan);
    auto planned = plan_from_json(c, replan.dump());
    REQUIRE(planned);
    const std::string text = export_mermaid_gantt(c, planned.value().request, planned.value().plan).value();
    CHECK(text.find("    Scalability planning (advanced) (late 21 days) (finishes 34 days later) :crit, active, t0, "
                    "2027-03-01, 2027-03-25\n") != std::string::npos);
    CHECK(text.find("    Re-planned 2027-03-01 :milestone, r0, 2027-03-01, 0d\n") != std::string::npos);
}

TEST_CASE("export_mermaid_gantt: late units and missed milestones are crit; the curriculum's titles name units") {
    const Curriculum c = load_ok(read_example("engineering-growth.json"));
    auto planned = plan_from_json(c, read_example("alex.replan.request.json"));
    REQUIRE(planned);
    const auto &[request, plan] = planned.value();
    const std::string text = export_mermaid_gantt(c, request, plan).value();
    CHECK(text.rfind("gantt\n    title Learning plan for Alex (Staff Engineer)\n", 0) == 0);
    // Every late unit of the plan is crit, with its days late; every unit on time is not.
    std::size_t late = 0;
    for (std::size_t i = 0; i < plan.path.size(); ++i) {
        const PlannedUnit &u = plan.path[i];
        const std::string unit = c.unit_name(c.graph().unit(u.unit));
        const std::string title = c.skills()[c.graph().unit(u.unit).skill].title + " (" + unit.substr(unit.find('@') + 1) + ")";
        const std::string tag = " :" + std::string(u.late_days > 0 ? "crit, " : "") +
                                (u.hours_done > 0 ? "active, " : "") + "t" + std::to_string(i) + ", ";
        const std::string name = u.late_days > 0 ? title + " (late " + std::to_string(u.late_days) + " days)" : title;
        CHECK_MESSAGE(count(text, "    " + name + tag) == 1, unit);
        late += u.late_days > 0;
    }
    CHECK(late == 3);
    CHECK(count(text, ":crit, ") == late + 2);  // and the two milestones below
    // The two phases delivered after their milestones' days: crit, saying when they were reached.
    CHECK(text.find("    System design fundamentals complete (missed, reached 2027-03-24) :crit, milestone, m0, 2027-03-03, "
                    "0d\n") != std::string::npos);
    CHECK(text.find("    Cross-team collaboration complete (missed, reached 2027-05-21) :crit, milestone, m1, 2027-05-03, "
                    "0d\n") != std::string::npos);
    CHECK(text.find("    Technical influence complete :milestone, m2, 2027-07-03, 0d\n") != std::string::npos);
    // The document read back, with the curriculum, draws the same chart.
    const std::string document = plan_to_json_text(c, request, plan);
    CHECK(export_mermaid_gantt_from_json(c, document).value() == text);
    // A title holding Mermaid's ':' '#' ';' stays one task name.
    Json edited = Json::parse(read_example("engineering-growth.json"));
    for (auto &skill : edited["skills"])
        if (skill["id"] == "scalability_planning") skill["title"] = "Scale: plan #1; now";
    const Curriculum renamed = load_ok(edited.dump());
    CHECK(export_mermaid_gantt_from_json(renamed, document).value().find(
              "    Scale  plan  1  now (advanced) (late 21 days) :crit, active, t0, 2027-03-01, 2027-03-25\n") !=
          std::string::npos);
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
        {R"({"path": [{"unit": "a@b", "start": "2027-03-01", "finish": "2027-03-01", "hours_done": -1}]})",
         "/path/0/hours_done"},
        {R"({"path": [], "start": "2027-01-04", "replan_from": "2027-02-30"})", "/replan_from"},
        {R"({"path": [], "replan_from": "2027-02-01"})", "/start"},
        {R"({"path": [], "changes": []})", "/changes"},
        {R"({"path": [], "changes": {"added": [1]}})", "/changes/added/0"},
        {R"({"path": [], "changes": {"moved": [{"unit": "a@b", "start_days": 1}]}})", "/changes/moved/0/finish_days"},
        {R"({"path": [], "changes": {"moved": [{"unit": "a@b", "start_days": 0.5, "finish_days": 1}]}})",
         "/changes/moved/0/start_days"},
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

// --- export_ical -------------------------------------------------------------------------------

namespace {

// A small plan: one placed session whose title and agenda need escaping (and whose description
// is long enough to fold), one moved, one dropped, a career-planning session naming a milestone
// and a metric, and two milestones (one not delivered).
const char *const ical_plan = R"({
  "learner": "sam", "program": "lead", "start": "2027-01-04", "time_zone": "Europe/Berlin",
  "mentor": {"id": "mo", "name": "Mo", "time_zone": "Europe/Berlin"},
  "as_of": null,
  "sessions": [
    {"type": "coaching", "title": "Plan; review, \\ and\nmore", "occurrence": 1, "status": "placed",
     "start": "2027-01-05T10:00:00+01:00", "start_utc": "2027-01-05T09:00:00Z", "minutes": 45,
     "agenda": ["a@one, with; odd \\ chars", "a very long unit name that goes on and on well past the fold@deep"]},
    {"type": "coaching", "title": "Coaching", "occurrence": 2, "status": "moved",
     "start": "2027-01-13T16:30:00+01:00", "start_utc": "2027-01-13T15:30:00Z", "minutes": 60, "agenda": [],
     "why": [{"day": "2027-01-12", "time": "10:00", "closed_by": "holiday", "detail": "a holiday"}]},
    {"type": "coaching", "title": "Coaching", "occurrence": 3, "status": "dropped",
     "start": null, "start_utc": null, "minutes": 60, "agenda": []},
    {"type": "career_planning", "title": "Career", "occurrence": 1, "status": "placed",
     "start": "2027-01-20T10:00:00+01:00", "start_utc": "2027-01-20T09:00:00Z", "minutes": 30,
     "agenda": [], "milestones": ["p1"], "metrics": ["growth"]}
  ],
  "milestones": [
    {"id": "p1", "title": "Phase one, done", "due": "2027-03-01", "delivered": "2027-02-20", "met": true},
    {"id": "role", "title": "Ready", "due": "2027-12-31", "delivered": null, "met": false}
  ]
})";

std::string ical_ok(const Json &plan) {
    auto text = export_ical(plan);
    REQUIRE_MESSAGE(text, (text ? "" : text.error().message));
    return text.value();
}

// The content lines with folds undone (RFC 5545 3.1), for checking values whole.
std::vector<std::string> unfolded_lines(const std::string &text) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto end = text.find("\r\n", at);
        REQUIRE(end != std::string::npos);
        const std::string line = text.substr(at, end - at);
        if (!line.empty() && line[0] == ' ') {
            REQUIRE(!lines.empty());
            lines.back() += line.substr(1);
        } else {
            lines.push_back(line);
        }
        at = end + 2;
    }
    return lines;
}

std::vector<std::string> values_of(const std::string &text, const std::string &name) {
    std::vector<std::string> values;
    for (const auto &line : unfolded_lines(text))
        if (line.rfind(name + ":", 0) == 0) values.push_back(line.substr(name.size() + 1));
    return values;
}

}  // namespace

TEST_CASE("export_ical: CRLF line ends only, no line over 75 octets, the calendar's properties") {
    const std::string text = ical_ok(Json::parse(ical_plan));
    REQUIRE(text.size() > 4);
    CHECK(text.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//careerpath//careerpath " +
                         std::string(version_string) + "//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n",
                     0) == 0);
    CHECK(text.substr(text.size() - 15) == "END:VCALENDAR\r\n");
    std::size_t folded = 0;
    for (std::size_t at = 0; at < text.size();) {
        const auto end = text.find("\r\n", at);
        REQUIRE(end != std::string::npos);
        const std::string line = text.substr(at, end - at);
        CHECK_MESSAGE(line.size() <= 75, line);
        CHECK_MESSAGE(line.find('\r') == std::string::npos, line);
        CHECK_MESSAGE(line.find('\n') == std::string::npos, line);
        if (!line.empty() && line[0] == ' ') ++folded;
        at = end + 2;
    }
    CHECK(folded > 0);  // the long agenda did fold
    CHECK(values_of(text, "X-WR-CALNAME") == std::vector<std::string>{"Learning plan for sam (lead)"});
    CHECK(export_ical(Json::parse(ical_plan)).value() == text);  // same input, same bytes
}

TEST_CASE("export_ical: the calendar names the learner by name where the plan gives one") {
    Json named = Json::parse(ical_plan);
    named["learner_name"] = "Sam Lee, Jr.";
    CHECK(values_of(ical_ok(named), "X-WR-CALNAME") == std::vector<std::string>{"Learning plan for Sam Lee\\, Jr. (lead)"});
    named["learner_name"] = nullptr;
    CHECK(values_of(ical_ok(named), "X-WR-CALNAME") == std::vector<std::string>{"Learning plan for sam (lead)"});
    named["learner_name"] = 7;
    auto bad = export_ical(named);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().status == Status::schema);
    CHECK(bad.error().pointer == "/learner_name");
}

TEST_CASE("export_ical: sessions in UTC, titles and agendas escaped, dropped sessions skipped") {
    const std::string text = ical_ok(Json::parse(ical_plan));
    CHECK(count(text, "BEGIN:VEVENT\r\n") == 5);  // 3 placed or moved sessions, 2 milestones
    CHECK(count(text, "END:VEVENT\r\n") == 5);
    CHECK(text.find("coaching.3@") == std::string::npos);
    CHECK(values_of(text, "DTSTART") ==
          std::vector<std::string>{"20270105T090000Z", "20270113T153000Z", "20270120T090000Z"});
    CHECK(values_of(text, "DTEND") ==
          std::vector<std::string>{"20270105T094500Z", "20270113T163000Z", "20270120T093000Z"});
    const auto summaries = values_of(text, "SUMMARY");
    REQUIRE(summaries.size() == 5);
    CHECK(summaries[0] == "Plan\\; review\\, \\\\ and\\nmore with Mo");
    CHECK(summaries[1] == "Coaching with Mo");
    CHECK(summaries[3] == "Phase one\\, done");  // milestones have no mentor
    const auto descriptions = values_of(text, "DESCRIPTION");
    REQUIRE(descriptions.size() == 5);
    CHECK(descriptions[0] ==
          "Starts 2027-01-05T10:00:00+01:00 (Europe/Berlin)\\nAgenda:\\n- a@one\\, with\\; odd \\\\ chars\\n"
          "- a very long unit name that goes on and on well past the fold@deep");
    CHECK(descriptions[1] == "Starts 2027-01-13T16:30:00+01:00 (Europe/Berlin)\\nMoved: a holiday (1 earlier slot closed)");
    // Career planning: the milestone by its title, then the metrics.
    CHECK(descriptions[2] ==
          "Starts 2027-01-20T10:00:00+01:00 (Europe/Berlin)\\nMilestones:\\n- Phase one\\, done\\nMetrics:\\n- growth");
    CHECK(values_of(text, "CATEGORIES") ==
          std::vector<std::string>{"coaching", "coaching", "career_planning", "milestone", "milestone"});
    // No mentor: the title alone.
    Json alone = Json::parse(ical_plan);
    alone["mentor"] = nullptr;
    CHECK(values_of(ical_ok(alone), "SUMMARY")[1] == "Coaching");
}

TEST_CASE("export_ical: milestones are all-day, transparent events") {
    const std::string text = ical_ok(Json::parse(ical_plan));
    CHECK(values_of(text, "DTSTART;VALUE=DATE") == std::vector<std::string>{"20270301", "20271231"});
    CHECK(values_of(text, "DTEND;VALUE=DATE") == std::vector<std::string>{"20270302", "20280101"});
    CHECK(count(text, "TRANSP:TRANSPARENT\r\n") == 2);
    CHECK(count(text, "TRANSP:OPAQUE\r\n") == 3);
    const auto descriptions = values_of(text, "DESCRIPTION");
    CHECK(descriptions[3] == "Due 2027-03-01\\nDelivered 2027-02-20\\nMet: yes");
    CHECK(descriptions[4] == "Due 2027-12-31\\nDelivered after the plan's horizon\\nMet: no");
}

TEST_CASE("export_ical: a milestone on 9999-12-31 lasts one day by DURATION, the day after having no year to write") {
    Json plan = Json::parse(ical_plan);
    plan["milestones"][1]["due"] = "9999-12-31";
    const std::string text = ical_ok(plan);
    CHECK(values_of(text, "DTSTART;VALUE=DATE") == std::vector<std::string>{"20270301", "99991231"});
    CHECK(values_of(text, "DTEND;VALUE=DATE") == std::vector<std::string>{"20270302"});
    CHECK(values_of(text, "DURATION") == std::vector<std::string>{"P1D"});
}

TEST_CASE("export_ical: DTSTAMP is as_of in UTC, else the plan start at midnight UTC") {
    Json plan = Json::parse(ical_plan);
    auto stamps = values_of(ical_ok(plan), "DTSTAMP");
    CHECK(stamps.size() == 5);
    for (const auto &s : stamps) CHECK(s == "20270104T000000Z");
    plan.erase("as_of");
    CHECK(values_of(ical_ok(plan), "DTSTAMP").front() == "20270104T000000Z");
    plan["as_of"] = "2027-01-03T21:00:00-05:00";  // the next day in UTC
    stamps = values_of(ical_ok(plan), "DTSTAMP");
    for (const auto &s : stamps) CHECK(s == "20270104T020000Z");
}

TEST_CASE("export_ical: UIDs are unique, stable, and tell plans apart") {
    const Json plan = Json::parse(ical_plan);
    const auto uids = values_of(ical_ok(plan), "UID");
    CHECK(uids == std::vector<std::string>{"sam.lead.20270104.coaching.1@careerpath",
                                           "sam.lead.20270104.coaching.2@careerpath",
                                           "sam.lead.20270104.career_planning.1@careerpath",
                                           "sam.lead.20270104.milestone-p1@careerpath",
                                           "sam.lead.20270104.milestone-role@careerpath"});
    CHECK(values_of(ical_ok(plan), "UID") == uids);
    // Another plan start, another learner or no program: other UIDs. Ids with '.' or '@' cannot
    // make two plans' UIDs meet.
    Json later = plan;
    later["start"] = "2027-02-01";
    CHECK(values_of(ical_ok(later), "UID")[0] == "sam.lead.20270201.coaching.1@careerpath");
    Json none = plan;
    none["program"] = nullptr;
    CHECK(values_of(ical_ok(none), "UID")[0] == "sam..20270104.coaching.1@careerpath");
    Json dotted = plan;
    dotted["learner"] = "sam.lead";
    dotted["program"] = "x@y";
    CHECK(values_of(ical_ok(dotted), "UID")[0] == "sam%2Elead.x%40y.20270104.coaching.1@careerpath");
    // The same session twice would give one UID to two events: refused.
    Json twice = plan;
    twice["sessions"][1]["occurrence"] = 1;
    auto r = export_ical(twice);
    REQUIRE(!r);
    CHECK(r.error().status == Status::schema);
    CHECK(r.error().pointer == "/sessions/1/occurrence");
}

TEST_CASE("export_ical: Alex's plan") {
    const Curriculum c = load_ok(read_example("engineering-growth.json"));
    auto planned = plan_from_json(c, read_example("alex.request.json"));
    REQUIRE(planned);
    const Json document = plan_to_json(c, planned.value().request, planned.value().plan);
    const std::string text = ical_ok(document);
    std::size_t timed = 0;
    for (const auto &s : document["sessions"])
        if (s["status"] != "dropped") ++timed;
    CHECK(timed > 0);
    CHECK(count(text, "BEGIN:VEVENT\r\n") == timed + document["milestones"].size());
    CHECK(values_of(text, "UID").front() == "alex.technical_leadership.20270104.coaching.1@careerpath");
    CHECK(values_of(text, "SUMMARY").front() == "1:1 Coaching with Mike");
    CHECK(ical_ok(document) == text);
}

TEST_CASE("export_ical: a document it cannot write is a schema error with its pointer") {
    struct Case {
        const char *document;
        const char *pointer;
    };
    // Each case is the good plan with one change (a JSON merge patch, RFC 7396).
    const Case cases[] = {
        {R"({"learner": null})", "/learner"},
        {R"({"learner": 7})", "/learner"},
        {R"({"program": []})", "/program"},
        {R"({"start": "2027-02-30"})", "/start"},
        {R"({"time_zone": 1})", "/time_zone"},
        {R"({"mentor": "mo"})", "/mentor"},
        {R"({"mentor": {"name": 3}})", "/mentor/name"},
        {R"({"as_of": "2027-01-03"})", "/as_of"},
        {R"({"as_of": "2027-01-03T09:00:00"})", "/as_of"},
        {R"({"as_of": 5})", "/as_of"},
        {R"({"as_of": "1400-01-01T00:30:00+01:00"})", "/as_of"},
        {R"({"sessions": null})", "/sessions"},
        {R"({"sessions": {}})", "/sessions"},
        {R"({"sessions": [3]})", "/sessions/0"},
        {R"({"sessions": [{"type": "x"}]})", "/sessions/0/status"},
        {R"({"sessions": [{"status": "maybe"}]})", "/sessions/0/status"},
        {R"({"sessions": [{"status": "placed", "occurrence": 1}]})", "/sessions/0/type"},
        {R"({"sessions": [{"status": "placed", "type": "x"}]})", "/sessions/0/occurrence"},
        {R"({"sessions": [{"status": "placed", "type": "x", "occurrence": 0}]})", "/sessions/0/occurrence"},
        {R"({"sessions": [{"status": "placed", "type": "x", "occurrence": 1.5}]})", "/sessions/0/occurrence"},
        {R"({"sessions": [{"status": "placed", "type": "x", "occurrence": 18446744073709551615}]})",
         "/sessions/0/occurrence"},
        {R"({"sessions": [{"status": "placed", "type": "x", "occurrence": 1, "start_utc": null}]})",
         "/sessions/0/start_utc"},
        {R"({"sessions": [{"status": "placed", "type": "x", "occurrence": 1, "start_utc": "tomorrow"}]})",
         "/sessions/0/start_utc"},
        {R"({"sessions": [{"status": "placed", "type": "x", "occurrence": 1, "start_utc": "2027-01-05T09:00:00Z"}]})",
         "/sessions/0/minutes"},
        {R"({"sessions": [{"status": "placed", "type": "x", "occurrence": 1, "start_utc": "2027-01-05T09:00:00Z",
             "minutes": 1441}]})",
         "/sessions/0/minutes"},
        {R"({"sessions": [{"status": "placed", "type": "x", "occurrence": 1, "start_utc": "9999-12-31T23:30:00Z",
             "minutes": 60}]})",
         "/sessions/0/minutes"},
        {R"({"sessions": [{"status": "placed", "type": "x", "occurrence": 1, "start_utc": "2027-01-05T09:00:00Z",
             "minutes": 60, "agenda": [1]}]})",
         "/sessions/0/agenda/0"},
        {R"({"sessions": [{"status": "placed", "type": "x", "occurrence": 1, "start_utc": "2027-01-05T09:00:00Z",
             "minutes": 60, "metrics": "growth"}]})",
         "/sessions/0/metrics"},
        {R"({"milestones": {}})", "/milestones"},
        {R"({"milestones": [{"title": "no id", "due": "2027-01-05"}]})", "/milestones/0/id"},
        {R"({"milestones": [{"id": "m"}]})", "/milestones/0/due"},
        {R"({"milestones": [{"id": "m", "due": "2027-01-05", "delivered": "soon"}]})", "/milestones/0/delivered"},
        {R"({"milestones": [{"id": "m", "due": "2027-01-05", "met": "yes"}]})", "/milestones/0/met"},
        {R"({"milestones": [{"id": "m", "due": "2027-01-05"}, {"id": "m", "due": "2027-01-06"}]})",
         "/milestones/1/id"},
    };
    for (const auto &k : cases) {
        Json plan = Json::parse(ical_plan);
        plan.merge_patch(Json::parse(k.document));
        auto r = export_ical(plan);
        REQUIRE_MESSAGE(!r, k.document);
        CHECK_MESSAGE(r.error().status == Status::schema, k.document);
        CHECK_MESSAGE(r.error().pointer == k.pointer, k.document);
        CHECK_MESSAGE(!r.error().message.empty(), k.document);
    }
    for (const char *document : {"[]", "null", "\"plan\"", "{}"}) {
        auto r = export_ical(Json::parse(document));
        REQUIRE_MESSAGE(!r, document);
        CHECK(r.error().status == Status::schema);
    }
    CHECK(export_ical(Json::parse("[]")).error().pointer == "");
    CHECK(export_ical(Json::parse("{}")).error().pointer == "/learner");
    // Control characters other than line breaks cannot reach a content line.
    Json plan = Json::parse(ical_plan);
    plan["sessions"][0]["title"] = std::string("bell\x07 and nul", 9) + std::string(1, '\0') + "!";
    const std::string text = ical_ok(plan);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text.find('\0') == std::string::npos);
}

// --- Control characters in ids and titles ------------------------------------------------------

namespace {

// tests/unit/control_characters.json: ids, titles, level names, areas, a role, a program, a phase
// and a session type holding NUL, other C0 controls, DEL, a C1 control, CR, LF, tab, U+2028 and
// U+2029, plus Mermaid's syntax characters; two skill ids differ only in a NUL and a U+0001, a
// third holds a real backslash-u-0000.
std::string control_curriculum_text() {
    return read_file(std::string(CAREERPATH_UNIT_DIR) + "/control_characters.json");
}

// The offsets of the control characters in `text` that a format may not hold: every byte below
// 0x20 but LF (or, with `crlf`, but a CR LF pair), DEL, a C1 control (C2 80-C2 9F) and U+2028,
// U+2029. A NUL is among them: the C ABI would cut the text there.
std::vector<std::size_t> raw_controls(const std::string &text, bool crlf) {
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0u;
        if (crlf && b == '\r' && next == '\n') {
            ++i;
            continue;
        }
        if (!crlf && b == '\n') continue;
        const bool c1 = b == 0xC2 && next >= 0x80 && next <= 0x9F;
        const bool separator = b == 0xE2 && next == 0x80 && i + 2 < text.size() &&
                               (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
                                static_cast<unsigned char>(text[i + 2]) == 0xA9);
        if (b < 0x20 || b == 0x7F || c1 || separator) at.push_back(i);
    }
    return at;
}

// What a C caller of careerpath_export sees: the text up to its first NUL.
std::size_t c_length(const std::string &text) { return std::strlen(text.c_str()); }

// Text a C caller gets whole (no NUL ends it early) with no raw control character but the
// format's line ends (LF, or with `crlf` CR LF).
void check_whole(const std::string &text, bool crlf) {
    CHECK(c_length(text) == text.size());
    CHECK(raw_controls(text, crlf).empty());
}

const Curriculum &control_curriculum() {
    static const Curriculum c = load_ok(control_curriculum_text());
    return c;
}

// Alex-like request against the control curriculum: a learner id with a NUL, its program, a
// weekly session slot, no mentor.
PlannedRequest control_plan() {
    const Json request = {{"learner", {{"id", std::string("le\0arner\x01", 9)},
                                       {"hours_per_week", 6},
                                       {"session_slots", {{{"weekday", "tue"}, {"time", "10:00"}}}}}},
                          {"program", std::string("pro\0gram", 8)},
                          {"start", "2027-01-04"}};
    auto planned = plan_from_json(control_curriculum(), request.dump());
    REQUIRE_MESSAGE(planned, (planned ? "" : planned.error().message));
    return std::move(planned).value();
}

}  // namespace

TEST_CASE("control characters: the loader keeps them, so the exports see them") {
    const Curriculum &c = control_curriculum();
    CHECK(c.id() == std::string("ctl\0curriculum\x01", 15));
    REQUIRE(c.skills().size() == 4);
    CHECK(c.skills()[0].id == std::string("s\0kill", 6));
    CHECK(c.skills()[1].id == std::string("s\x01kill", 6));
    CHECK(c.levels().name(1) == std::string("ba\0sic", 6));
}

TEST_CASE("export_dot: control characters escaped in IDs, written as spaces or line breaks in labels, nothing cut") {
    const Curriculum &c = control_curriculum();
    const std::string dot = export_dot(c);
    check_whole(dot, false);
    CHECK(dot.substr(dot.size() - 2) == "}\n");
    // IDs: every control character as \uXXXX, each code point on its own; the real backslash
    // doubled, so the three s...kill skills stay three node sets.
    CHECK(dot.rfind("digraph \"ctl\\u0000curriculum\\u0001\" {\n", 0) == 0);
    CHECK(dot.find("  \"s\\u0000kill@ba\\u0000sic\" -> \"s\\u0000kill@deep\\u000Alevel\";\n") != std::string::npos);
    CHECK(dot.find("  \"s\\u0000kill@ba\\u0000sic\" -> \"s\\u0001kill@ba\\u0000sic\";\n") != std::string::npos);
    CHECK(dot.find("  \"s\\\\u0000kill@ba\\u0000sic\" [label=\"Literal backslash-u\\nba sic\"];\n") != std::string::npos);
    CHECK(dot.find("  subgraph \"cluster_ar\\u0000ea\\u001B\" {\n    label=\"ar ea \";\n") != std::string::npos);
    // Labels: CRLF, LF, a lone CR, U+2028 and U+2029 are line breaks; tab, NUL, BEL, ESC, DEL and
    // the C1 NEL spaces; quotes and backslashes escaped; everything after them kept.
    CHECK(dot.find("  label=\"Control characters tab\\nCRLF\\nCR\\nLS NEL DEL end-of-title\";\n") != std::string::npos);
    CHECK(dot.find("[label=\"Skill one \\\"quoted\\\" \\\\N \\\\ back bell after-nul\\ndeep\\nlevel\"];\n") !=
          std::string::npos);
    CHECK(dot.find("[label=\"Skill two\\npara <b>#1</b> 50% & `code` %%{init: {}}%%\\nba sic\"];\n") !=
          std::string::npos);
    // One node per unit, none merged: four skills of two levels.
    CHECK(count(dot, " [label=") == 8);
    CHECK(count(dot, " -> ") == c.graph().edge_count());
}

TEST_CASE("export_mermaid_graph: control characters as spaces or <br/>, syntax characters as entity codes") {
    const Curriculum &c = control_curriculum();
    const std::string mermaid = export_mermaid_graph(c);
    check_whole(mermaid, false);
    CHECK(mermaid.find("  subgraph area0 [\"ar ea \"]\n") != std::string::npos);
    CHECK(mermaid.find("[\"Skill one #quot;quoted#quot; \\N \\ back bell after-nul<br/>deep<br/>level\"]\n") !=
          std::string::npos);
    CHECK(mermaid.find("[\"Skill two<br/>para #lt;b#gt;#35;1#lt;/b#gt; 50#37; #amp; #96;code#96; "
                       "#37;#37;{init: {}}#37;#37;<br/>ba sic\"]\n") != std::string::npos);
    CHECK(mermaid.find("%%") == std::string::npos);  // no comment and no %%{directive}%% can start
    CHECK(count(mermaid, " --> ") == c.graph().edge_count());
    // Every node line is one line: the labels' own line breaks are <br/>.
    CHECK(count(mermaid, "\n") == 1 + 2 * c.areas().size() + 8 + c.graph().edge_count());
}

TEST_CASE("export_mermaid_gantt: a plan with control characters keeps every task, each on its own line") {
    const PlannedRequest planned = control_plan();
    const Json document = plan_to_json(control_curriculum(), planned.request, planned.plan);
    auto gantt = export_mermaid_gantt(document);
    REQUIRE(gantt);
    const std::string &text = gantt.value();
    check_whole(text, false);
    CHECK(text.rfind("gantt\n    title Learning plan for le arner  (ro le)\n    dateFormat YYYY-MM-DD\n", 0) == 0);
    // The phase title's ':' '#' ';' are spaces in the section name; its milestone starts with
    // "title", a keyword, so an invisible U+200B comes first.
    CHECK(text.find("    section title  Phase one  1  done\n") != std::string::npos);
    CHECK(text.find("    \u200Btitle  Phase one  1  done complete :milestone, m0, ") != std::string::npos);
    // "Section 5%@ba<NUL>sic" starts with a keyword too.
    CHECK(text.find("    \u200BSection 5%@ba sic :t") != std::string::npos);
    CHECK(text.find("    s kill@deep level :t") != std::string::npos);
    CHECK(text.find("    s\\u0000kill@ba sic :t") != std::string::npos);
    CHECK(text.find("    Ready for Role title :milestone, m1, ") != std::string::npos);
    CHECK(count(text, " :t") == document["path"].size());
    // Every line after the header is a section or a task "name :data", one ':' after the name.
    std::istringstream lines(text);
    std::string line;
    std::size_t tasks = 0;
    for (int n = 0; std::getline(lines, line); ++n) {
        if (n < 3 || line.rfind("    section ", 0) == 0) continue;
        INFO(line);
        CHECK(count(line, ":") == 1);
        ++tasks;
    }
    CHECK(tasks == document["path"].size() + document["milestones"].size());
}

TEST_CASE("export_mermaid_gantt: names Mermaid would read as syntax are made plain task names") {
    const Json plan = Json::parse(R"({
      "learner": "sam\u0000after", "target_role": "r\u2028ole",
      "path": [
        {"unit": "Title IX@one", "start": "2027-01-04", "finish": "2027-01-04"},
        {"unit": "section 2@one", "start": "2027-01-04", "finish": "2027-01-04"},
        {"unit": "%only@one", "start": "2027-01-04", "finish": "2027-01-04"},
        {"unit": "5% more@one", "start": "2027-01-04", "finish": "2027-01-04"},
        {"unit": "a %%{init: {'theme': 'dark'}}%% b", "start": "2027-01-04", "finish": "2027-01-04"},
        {"unit": "2027-01-04 kickoff", "start": "2027-01-04", "finish": "2027-01-04"},
        {"unit": "\u00a0\u3000click here", "start": "2027-01-04", "finish": "2027-01-04"},
        {"unit": "x\u0000:y#z;w\u0085v\u2029u\r\nt\tend", "start": "2027-01-04", "finish": "2027-01-04"},
        {"unit": "\u0000\u0001 \u0002", "start": "2027-01-04", "finish": "2027-01-04"},
        {"unit": "plain", "start": "2027-01-04", "finish": "2027-01-04"}
      ]
    })");
    auto gantt = export_mermaid_gantt(plan);
    REQUIRE(gantt);
    CHECK(gantt.value() ==
          "gantt\n"
          "    title Learning plan for sam after (r ole)\n"
          "    dateFormat YYYY-MM-DD\n"
          "    section Other\n"
          "    \u200BTitle IX@one :t0, 2027-01-04, 2027-01-05\n"
          "    \u200Bsection 2@one :t1, 2027-01-04, 2027-01-05\n"
          "    \u200B\u200B%only@one :t2, 2027-01-04, 2027-01-05\n"
          "    \u200B5% more@one :t3, 2027-01-04, 2027-01-05\n"
          "    a % %{init  {'theme'  'dark'}}% % b :t4, 2027-01-04, 2027-01-05\n"
          "    \u200B2027-01-04 kickoff :t5, 2027-01-04, 2027-01-05\n"
          "    \u200Bclick here :t6, 2027-01-04, 2027-01-05\n"
          "    x  y z w v u t end :t7, 2027-01-04, 2027-01-05\n"
          "    unnamed :t8, 2027-01-04, 2027-01-05\n"
          "    plain :t9, 2027-01-04, 2027-01-05\n");
}

TEST_CASE("export_ical: control characters in ids and titles, from a plan and by hand: spaces, \\n or %XX") {
    const PlannedRequest planned = control_plan();
    const Json document = plan_to_json(control_curriculum(), planned.request, planned.plan);
    const std::string text = ical_ok(document);
    check_whole(text, true);
    CHECK(text.substr(text.size() - 15) == "END:VCALENDAR\r\n");
    CHECK(values_of(text, "X-WR-CALNAME") == std::vector<std::string>{"Learning plan for le arner  (pro gram)"});
    const auto uids = values_of(text, "UID");
    REQUIRE(!uids.empty());
    CHECK(uids.front() == "le%00arner%01.pro%00gram.20270104.co%00aching.1@careerpath");
    CHECK(uids.back() == "le%00arner%01.pro%00gram.20270104.milestone-ro%00le@careerpath");
    CHECK(values_of(text, "SUMMARY").front() == "Coa ching\\; with\\, specials tab");
    CHECK(values_of(text, "CATEGORIES").front() == "co aching");

    // By hand: every kind of line break is one "\n", every other control character a space.
    Json plan = Json::parse(ical_plan);
    plan["sessions"][0]["title"] = Json::parse(R"("a\u0000b\tc\r\nd\re\u2028f\u2029g\u0085h\u007fi\u001bj")");
    plan["milestones"][0]["id"] = Json::parse(R"("p\u0000\u0001")");
    const std::string by_hand = ical_ok(plan);
    check_whole(by_hand, true);
    CHECK(values_of(by_hand, "SUMMARY").front() == "a b c\\nd\\ne\\nf\\ng h i j with Mo");
    CHECK(values_of(by_hand, "UID")[3] == "sam.lead.20270104.milestone-p%00%01@careerpath");
}

TEST_CASE("export errors quote the document's strings as JSON, so a NUL cannot cut the message") {
    Json plan = Json::parse(ical_plan);
    plan["sessions"][0]["status"] = std::string("odd\0status", 10);
    auto r = export_ical(plan);
    REQUIRE(!r);
    CHECK(r.error().message == "not a plan document: \"status\" \"odd\\u0000status\" is not placed, moved or dropped");
    CHECK(c_length(r.error().message) == r.error().message.size());
}

// --- Plan exports from the model and from a document -------------------------------------------

namespace {

PlannedRequest plan_ok(const Curriculum &c, const Json &request) {
    auto planned = plan_from_json(c, request.dump());
    REQUIRE_MESSAGE(planned, (planned ? "" : planned.error().message));
    return std::move(planned).value();
}

// Alex's request planned from 9999-06-01 at 3.76 hours a week: the path finishes on 9999-12-31,
// the last day of the calendar.
Json calendar_end_request() {
    Json request = Json::parse(read_example("alex.request.json"));
    request["start"] = "9999-06-01";
    request["target_date"] = "9999-12-31";
    request["learner"]["hours_per_week"] = 3.76;
    request["learner"].erase("time_off");
    return request;
}

}  // namespace

TEST_CASE("plan exports: from the model, the bytes of the plan document's export") {
    const Curriculum example = load_ok(read_example("engineering-growth.json"));
    Json with_as_of = Json::parse(read_example("alex.request.json"));
    with_as_of["as_of"] = "2027-01-03T21:00:00-05:00";
    Json without_mentor = Json::parse(read_example("alex.request.json"));
    without_mentor.erase("mentor");
    // Parts the document leaves out, the model's exports leave out too.
    Json lean = Json::parse(read_example("alex.request.json"));
    lean["omit"] = {"sessions.agenda", "sessions.why", "path.requires", "phases.units", "gaps", "ready", "warnings"};
    struct Case {
        const char *name;
        const Curriculum &curriculum;
        PlannedRequest planned;
    };
    // A re-plan against the first plan: what changed is drawn from the model and from the document alike.
    Json replan = Json::parse(read_example("alex.replan.request.json"));
    replan["previous"] = plan_to_json(example, plan_ok(example, Json::parse(read_example("alex.request.json"))).request,
                                      plan_ok(example, Json::parse(read_example("alex.request.json"))).plan);
    const Case cases[] = {
        {"alex", example, plan_ok(example, Json::parse(read_example("alex.request.json")))},
        {"alex re-planned", example, plan_ok(example, replan)},
        {"maria", example, plan_ok(example, Json::parse(read_example("maria.request.json")))},
        {"alex with as_of", example, plan_ok(example, with_as_of)},
        {"alex without a mentor", example, plan_ok(example, without_mentor)},
        {"alex, leaving parts out", example, plan_ok(example, lean)},
        {"alex to the calendar's end", example, plan_ok(example, calendar_end_request())},
        {"control characters", control_curriculum(), control_plan()},
    };
    for (const Case &k : cases) {
        INFO(k.name);
        const auto &[request, plan] = k.planned;
        const std::string document = plan_to_json_text(k.curriculum, request, plan);
        auto gantt = export_mermaid_gantt(k.curriculum, request, plan);
        auto gantt_read = export_mermaid_gantt_from_json(k.curriculum, document);
        REQUIRE(gantt);
        REQUIRE(gantt_read);
        CHECK(gantt.value() == gantt_read.value());
        // Without the curriculum, units by their ids, from the model's outline and the document alike.
        CHECK(export_mermaid_gantt(Json::parse(document)).value() ==
              export_mermaid_gantt(outline_plan(k.curriculum, request, plan)).value());
        auto ical = export_ical(k.curriculum, request, plan);
        auto ical_read = export_ical_from_json(document);
        REQUIRE(ical);
        REQUIRE(ical_read);
        CHECK(ical.value() == ical_read.value());
        CHECK(export_ical(Json::parse(document)).value() == ical.value());
    }
}

TEST_CASE("plan exports from the model of a plan without sessions: the milestones alone") {
    // Its document has no "sessions", which the iCalendar reader cannot take for none.
    const Curriculum c = load_ok(read_example("engineering-growth.json"));
    Json request = Json::parse(read_example("alex.request.json"));
    request["omit"] = {"sessions"};
    const PlannedRequest planned = plan_ok(c, request);
    REQUIRE(planned.plan.sessions.empty());
    const std::string document = plan_to_json_text(c, planned.request, planned.plan);
    auto ical = export_ical(c, planned.request, planned.plan);
    REQUIRE(ical);
    CHECK(count(ical.value(), "BEGIN:VEVENT\r\n") == planned.plan.milestones.size());
    CHECK(count(ical.value(), "CATEGORIES:milestone\r\n") == planned.plan.milestones.size());
    auto read = export_ical_from_json(document);
    REQUIRE(!read);
    CHECK(read.error().pointer == "/sessions");
    CHECK(export_mermaid_gantt(c, planned.request, planned.plan).value() ==
          export_mermaid_gantt_from_json(c, document).value());
}

TEST_CASE("outline_plan: ids and names for the model's indexes, the sessions that have a time") {
    const Curriculum c = load_ok(read_example("engineering-growth.json"));
    const PlannedRequest planned = plan_ok(c, Json::parse(read_example("alex.request.json")));
    const PlanOutline outline = outline_plan(c, planned.request, planned.plan);
    CHECK(outline.learner == "alex");
    CHECK(outline.program == "technical_leadership");
    CHECK(outline.target_role == "staff_engineer");
    CHECK(outline.start.iso() == "2027-01-04");
    CHECK(outline.time_zone == "America/New_York");
    CHECK_FALSE(outline.as_of.has_value());
    CHECK(outline.mentor == "Mike");
    REQUIRE(outline.path.size() == planned.plan.path.size());
    CHECK(outline.path[0].unit == "architectural_patterns@advanced");
    CHECK(outline.path[0].phase == "system_design_fundamentals");
    CHECK(outline.path[0].hours == doctest::Approx(planned.plan.path[0].hours));
    CHECK(outline.phases.size() == planned.plan.phases.size());
    CHECK(outline.milestones.back().title == "Ready for Staff Engineer");
    std::size_t held = 0, moved = 0;
    for (const Session &s : planned.plan.sessions) held += s.status != Session::Status::dropped;
    REQUIRE(held < planned.plan.sessions.size());  // the plan drops one: the outline leaves it out
    REQUIRE(outline.sessions.size() == held);
    for (const PlanOutline::Session &s : outline.sessions) {
        CHECK(s.status != Session::Status::dropped);
        CHECK(s.moved_because.has_value() == (s.status == Session::Status::moved));
        moved += s.status == Session::Status::moved;
    }
    CHECK(moved > 0);
    CHECK(outline.sessions[0].type == "coaching");
    CHECK(outline.sessions[0].occurrence == 1);
}

TEST_CASE("export_mermaid_gantt: a task finishing on 9999-12-31 is written with its length") {
    // Mermaid's end date is the day after the finish, which has no four-digit year.
    auto gantt = export_mermaid_gantt_from_json(R"({"path": [
        {"unit": "a@one", "start": "9999-12-01", "finish": "9999-12-31"},
        {"unit": "b@one", "start": "9999-12-31", "finish": "9999-12-31"},
        {"unit": "c@one", "start": "9999-12-29", "finish": "9999-12-30"}]})");
    REQUIRE_MESSAGE(gantt, (gantt ? "" : gantt.error().message));
    CHECK(gantt.value() ==
          "gantt\n    title Learning plan\n    dateFormat YYYY-MM-DD\n    section Other\n"
          "    a@one :t0, 9999-12-01, 31d\n    b@one :t1, 9999-12-31, 1d\n    c@one :t2, 9999-12-29, 9999-12-31\n");
    // A plan that finishes then: its last unit.
    const Curriculum c = load_ok(read_example("engineering-growth.json"));
    const PlannedRequest planned = plan_ok(c, calendar_end_request());
    REQUIRE(planned.plan.summary.finish.iso() == "9999-12-31");
    auto from_plan = export_mermaid_gantt(c, planned.request, planned.plan);
    REQUIRE(from_plan);
    CHECK(from_plan.value().find(", 16d\n") != std::string::npos);
}

TEST_CASE("plan exports of an outline made by hand: what the format cannot write is refused, with its field") {
    PlanOutline plan;
    plan.learner = "sam";
    plan.start = *Date::from_ymd(2027, 1, 4);
    PlanOutline::Session session;
    session.type = "coaching";
    session.occurrence = 1;
    session.title = "Coaching";
    session.start_utc = unix_seconds(*Date::from_ymd(2027, 1, 5), 9 * 3600);
    session.minutes = 60;
    plan.sessions = {session};
    plan.milestones = {{"m", "Milestone", *Date::from_ymd(2027, 3, 1), std::nullopt, std::nullopt}};
    REQUIRE(export_ical(plan));

    auto refused = [](const Result<std::string> &r, const std::string &pointer) {
        REQUIRE(!r);
        CHECK(r.error().status == Status::schema);
        CHECK(r.error().pointer == pointer);
        CHECK(r.error().message.rfind("not a plan document: ", 0) == 0);
    };
    PlanOutline bad = plan;
    bad.sessions[0].minutes = 0;
    refused(export_ical(bad), "/sessions/0/minutes");
    bad.sessions[0].minutes = 1'000'000'000;  // would overflow the end's seconds unchecked
    refused(export_ical(bad), "/sessions/0/minutes");
    bad = plan;
    bad.sessions[0].start_utc = unix_seconds(*Date::from_ymd(1400, 1, 1)) - 1;
    refused(export_ical(bad), "/sessions/0/start_utc");
    bad.sessions[0].start_utc = unix_seconds(*Date::from_ymd(9999, 12, 31), 23 * 3600 + 30 * 60);
    refused(export_ical(bad), "/sessions/0/minutes");  // ends past the calendar
    bad = plan;
    bad.as_of = unix_seconds(*Date::from_ymd(9999, 12, 31), 24 * 3600);
    refused(export_ical(bad), "/as_of");
    bad = plan;
    bad.sessions.push_back(session);
    refused(export_ical(bad), "/sessions/1/occurrence");
    bad = plan;
    bad.milestones.push_back(bad.milestones[0]);
    refused(export_ical(bad), "/milestones/1/id");
    // A dropped session has no time: skipped, whatever else it holds.
    bad = plan;
    bad.sessions.push_back(session);
    bad.sessions[1].status = Session::Status::dropped;
    bad.sessions[1].minutes = 0;
    auto skipped = export_ical(bad);
    REQUIRE(skipped);
    CHECK(skipped.value() == export_ical(plan).value());

    PlanOutline chart;
    chart.path = {{"a@one", *Date::from_ymd(2027, 1, 5), *Date::from_ymd(2027, 1, 4), "", 0}};
    refused(export_mermaid_gantt(chart), "/path/0/finish");
}
