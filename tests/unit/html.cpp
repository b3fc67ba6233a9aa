// The HTML reports (careerpath/export.hpp export_html_from_json, README.md "Reports"): Alex's
// plan, his scorecard and the example cohort as pages with what each must show, the same bytes
// for the same document, "today" from the option or the document and never the clock, documents
// of no known shape refused with a pointer, and ids, titles and activities holding <script>,
// quotes, '&', control characters and non-ASCII written as text, never markup (checked with the
// strict reader of tests/fuzz/html_check.hpp, which the fuzz target export_html uses too).
#include <careerpath/cohort.hpp>
#include <careerpath/cohort_plan.hpp>
#include <careerpath/export.hpp>
#include <careerpath/json.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/scorecard.hpp>

#include <doctest/doctest.h>

#include "../fuzz/html_check.hpp"
#include "example_data.hpp"
#include "support.hpp"

#include <string>

using namespace careerpath;
using careerpath_test::example;
using careerpath_test::read_text;

namespace {

bool has(const std::string &text, std::string_view part) { return text.find(part) != std::string::npos; }

std::string plan_document(const Curriculum &c, const std::string &request) {
    auto planned = plan_from_json(c, request);
    REQUIRE_MESSAGE(planned, planned.error().message);
    return plan_to_json_text(c, planned.value().request, planned.value().plan);
}

std::string page_of(const Curriculum &c, const std::string &document, const HtmlOptions &options = {}) {
    auto page = export_html_from_json(c, document, options);
    REQUIRE_MESSAGE(page, page.error().message << " at " << page.error().pointer);
    const html_check::Outcome checked = html_check::check(page.value());
    CHECK_MESSAGE(checked, checked.error);
    return page.value();
}

}  // namespace

TEST_CASE("a cohort learner's dropped sessions: every kind of closed slot in words, none as its id") {
    // In the example group cohort, Bianca's Technical Reviews are dropped because the mentor's
    // other learners and his weekly hours took the slots (mentor_booked, mentor_hours).
    auto cohort = cohort_plan_json_text(example(), read_text("group-cohort-plan.json"));
    REQUIRE_MESSAGE(cohort, cohort.error().message);
    const Json plans = Json::parse(cohort.value())["plans"];
    bool seen = false;
    for (const Json &plan : plans) {
        if (plan["learner"] != "bianca") continue;
        seen = true;
        const std::string page = page_of(example(), plan.dump());
        CHECK(has(page, "every free slot of their windows was closed by the mentor&#39;s sessions with other "
                        "learners or the mentor&#39;s weekly session hours being used up."));
        for (const char *id : {"mentor booked", "mentor hours", "mentor_booked", "mentor_hours"}) {
            CAPTURE(id);
            CHECK_FALSE(has(page, id));
        }
    }
    CHECK(seen);
}

TEST_CASE("Alex's plan as a page: summary in words, the gap with titles, the chart, sessions, activities") {
    const std::string document = plan_document(example(), read_text("alex.request.json"));
    const std::string page = page_of(example(), document);
    CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(has(page, "<h1>Learning plan for Alex</h1>"));
    CHECK(has(page, "Staff Engineer"));
    CHECK(has(page, "Technical Leadership Development"));
    CHECK(has(page, "The plan finishes on <strong>"));
    CHECK(has(page, "before the target date"));
    CHECK(has(page, "<th scope=\"col\">Skill</th>"));
    CHECK(has(page, "Architectural patterns"));               // a skill's title, not its id
    CHECK_FALSE(has(page, ">architectural_patterns@"));       // no unit shown by id
    CHECK(has(page, "Architecture review simulations"));       // an activity of the curriculum
    CHECK(has(page, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""));
    CHECK(has(page, "<title id=\"gantt-title\">Timeline of Alex&#39;s plan</title>"));
    CHECK(has(page, "<desc id=\"gantt-desc\">"));
    CHECK(has(page, "class=\"today\""));
    CHECK(has(page, "Session calendar"));
    CHECK(has(page, "1:1 Coaching #1"));
    CHECK(has(page, "@page{size:A4"));
    CHECK(has(page, "thead{display:table-header-group}"));
    // Self-contained: nothing loaded from elsewhere, no script.
    CHECK_FALSE(has(page, "<script"));
    CHECK_FALSE(has(page, "http://www.w3.org/2000/svg\" href"));
    CHECK_FALSE(has(page, "src="));
    CHECK_FALSE(has(page, "url("));
    CHECK_FALSE(has(page, "@import"));
    // The same document gives the same bytes.
    CHECK(page_of(example(), document) == page);
}

TEST_CASE("late work is marked, in the chart, the tables, the summary and the warnings") {
    // Alex at 2 hours a week instead of 6: his phases overrun and the target date is missed.
    Json request = Json::parse(read_text("alex.request.json"));
    request["learner"]["hours_per_week"] = 2;
    const std::string page = page_of(example(), plan_document(example(), request.dump()));
    CHECK(has(page, "<div class=\"summary late\">"));
    CHECK(has(page, "<strong>the target date is missed</strong>"));
    CHECK(has(page, "units finish after the day they are due, the latest by "));
    CHECK(has(page, "class=\"bar-late\""));
    CHECK(has(page, "class=\"due\""));           // the tick on the day it was due
    CHECK(has(page, ">Late: "));
    CHECK(has(page, "class=\"ms-missed\""));
    CHECK(has(page, "<tr class=\"late\">"));
    CHECK(has(page, "days late</span>"));
    CHECK(has(page, "<h2 id=\"warnings\">What the plan could not honour</h2>"));
    CHECK(has(page, "phase needs more learning time than its window holds"));
    // Warnings come before the timeline, the timeline before the gap.
    CHECK(page.find("id=\"warnings\"") < page.find("id=\"timeline\""));
    CHECK(page.find("id=\"timeline\"") < page.find("id=\"gap\""));
}

TEST_CASE("today: the option, else the plan's as_of, else its replan_from; never the clock") {
    const std::string document = plan_document(example(), read_text("alex.request.json"));
    CHECK(has(page_of(example(), document), "today is 4 January 2027"));
    HtmlOptions options;
    options.today = Date::parse("2027-03-01");
    CHECK(has(page_of(example(), document, options), "today is 1 March 2027"));
    Json with_as_of = Json::parse(document);
    with_as_of["as_of"] = "2027-02-10T09:00:00+01:00";
    CHECK(has(page_of(example(), with_as_of.dump()), "today is 10 February 2027"));
}

TEST_CASE("Alex's scorecard and the example cohort as pages") {
    auto scored = score_from_json(example(), read_text("alex.score.json"));
    REQUIRE(scored);
    const std::string card = page_of(example(), scorecard_to_json_text(example(), scored.value().request, scored.value().card));
    CHECK(has(card, "<h1>Scorecard for Alex</h1>"));
    CHECK(has(card, "ready</strong> for Staff Engineer"));
    CHECK(has(card, "<h2 id=\"skills\">Skills against the target</h2>"));
    CHECK(has(card, "<h3>Rater breakdown</h3>"));
    CHECK(has(card, "<h2 id=\"metrics\">Success metrics</h2>"));
    CHECK(has(card, "Architectural patterns"));
    auto cohort = cohort_from_json(example(), read_text("cohort.json"));
    REQUIRE(cohort);
    const std::string report = page_of(example(), cohort_to_json_text(cohort.value()));
    CHECK(has(report, "<h1>Cohort report</h1>"));
    CHECK(has(report, "<th scope=\"row\">Everyone</th>"));
    CHECK(has(report, "<th scope=\"col\" class=\"num\">ROI</th>"));
    CHECK(has(report, "<th scope=\"col\" class=\"num\">Retained</th>"));
}

TEST_CASE("a document that is no plan, scorecard or cohort report: Status::schema with a pointer") {
    auto status_of = [](std::string_view text) { return export_html_from_json(example(), text); };
    auto array = status_of("[1, 2]");
    REQUIRE_FALSE(array);
    CHECK(array.error().status == Status::schema);
    CHECK(array.error().pointer == "");
    auto other = status_of("{\"units\": 3}");
    REQUIRE_FALSE(other);
    CHECK(other.error().status == Status::schema);
    CHECK(has(other.error().message, "not a plan, a scorecard or a cohort report"));
    CHECK(status_of("{\"path\": ").error().status == Status::parse);
    Json plan = Json::parse(plan_document(example(), read_text("alex.request.json")));
    plan["path"][1]["finish"] = 7;
    auto wrong = status_of(plan.dump());
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().status == Status::schema);
    CHECK(wrong.error().pointer == "/path/1/finish");
    CHECK(has(wrong.error().message, "not a plan document"));
    Json card = Json::parse("{\"skills\": [], \"readiness\": \"high\", \"learner\": \"a\", \"target_role\": \"r\", "
                            "\"as_of\": \"2027-01-01\"}");
    auto bad_card = status_of(card.dump());
    REQUIRE_FALSE(bad_card);
    CHECK(bad_card.error().pointer == "/readiness");
    CHECK(has(bad_card.error().message, "not a scorecard"));
}

TEST_CASE("ids, titles and activities with markup, quotes, '&', controls and non-ASCII come out as text") {
    const std::string script = "<script>alert(1)</script>";
    Json c = {
        {"id", "hostile"},
        {"title", "T"},
        {"levels", {"none", "one & \"two\""}},
        {"skills",
         {{{"id", script}, {"title", "Quotes \"double\" & 'single' <b>bold</b>"}, {"hours", 5},
           {"activities", {{{"title", "<img src=x onerror=alert(1)>"}, {"kind", "</td><script>"}}}}},
          {{"id", "caf\xC3\xA9 \xE2\x98\x83"}, {"title", "\xC3\x84rger \xE2\x98\x83 line\nbreak\x01"}, {"hours", 3}}}},
        {"roles", {{{"id", "r&d"}, {"title", "R&D <lead>"}, {"requires", {{script, "one & \"two\""}, {"caf\xC3\xA9 \xE2\x98\x83", 1}}}}}},
        {"session_types", {{{"id", "s"}, {"title", "</style><script>x</script>"}, {"minutes", 30}, {"every", {{"weeks", 1}}}}}},
        {"programs",
         {{{"id", "p\"q"}, {"title", "Program <i>"}, {"target_role", "r&d"}, {"months", 1},
           {"phases", {{{"id", "ph"}, {"title", "Phase ' \" & <"}, {"months", {1, 1}}, {"focus", {script}}}}},
           {"sessions", {"s"}}}}}};
    const Curriculum curriculum = careerpath_test::load_ok(c.dump());
    Json request = {{"learner", {{"id", "<b>lea\"rner</b> & co"}, {"hours_per_week", 1},
                                 {"session_slots", {{{"weekday", "tue"}, {"time", "10:00"}}}}}},
                    {"program", "p\"q"}, {"start", "2027-01-04"}, {"target_date", "2027-01-20"},
                    {"mentor", {{"id", "m"}, {"name", "Ann & <Bob>"}}}};
    const std::string page = page_of(curriculum, plan_document(curriculum, request.dump()));
    CHECK_FALSE(has(page, "<script"));
    CHECK_FALSE(has(page, "<img"));
    CHECK_FALSE(has(page, "<b>"));
    CHECK_FALSE(has(page, "<i>"));
    CHECK_FALSE(has(page, "</style><"));
    CHECK(has(page, "&lt;img src=x onerror=alert(1)&gt;"));
    CHECK(has(page, "Quotes &quot;double&quot; &amp; &#39;single&#39; &lt;b&gt;bold&lt;/b&gt;"));
    CHECK(has(page, "Learning plan for &lt;b&gt;lea&quot;rner&lt;/b&gt; &amp; co"));
    CHECK(has(page, "R&amp;D &lt;lead&gt;"));
    CHECK(has(page, "Ann &amp; &lt;Bob&gt;"));
    CHECK(has(page, "\xC3\x84rger \xE2\x98\x83 line break "));  // non-ASCII as it is; controls as spaces
    CHECK_FALSE(has(page, "\x01"));
    // The page has exactly the markup of the same documents with plain words.
    Json plain_c = c;
    plain_c["skills"][0]["title"] = "x";
    plain_c["skills"][0]["activities"][0]["title"] = "x";
    plain_c["skills"][0]["activities"][0]["kind"] = "x";
    plain_c["skills"][1]["title"] = "x";
    plain_c["roles"][0]["title"] = "x";
    plain_c["session_types"][0]["title"] = "x";
    plain_c["programs"][0]["title"] = "x";
    plain_c["programs"][0]["phases"][0]["title"] = "x";
    const Curriculum plain = careerpath_test::load_ok(plain_c.dump());
    Json plain_request = request;
    plain_request["mentor"]["name"] = "x";
    const std::string reference = page_of(plain, plan_document(plain, plain_request.dump()));
    CHECK(html_check::check(page).skeleton == html_check::check(reference).skeleton);
}

TEST_CASE("the strict reader refuses what the writer never writes") {
    const std::string head = "<!DOCTYPE html>\n<html lang=\"en\"><body>";
    CHECK(html_check::check(head + "</body></html>"));
    CHECK_FALSE(html_check::check(head + "<script>x</script></body></html>"));
    CHECK_FALSE(html_check::check(head + "<p onclick=\"x\">a</p></body></html>"));
    CHECK_FALSE(html_check::check(head + "<p>a & b</p></body></html>"));
    CHECK_FALSE(html_check::check(head + "<p>a > b</p></body></html>"));
    CHECK_FALSE(html_check::check(head + "<p class=x>a</p></body></html>"));
    CHECK_FALSE(html_check::check(head + "<p>a</body></html>"));
    CHECK_FALSE(html_check::check("<html></html>"));
}
