// Fuzz target for the HTML reports (export_html_from_json, careerpath_export "html"): the input
// is cut at each 0xFF byte into up to eight strings, which become the titles, activities, level
// and metric words, the learner's and mentor's names, and the team and organization of a small
// curriculum, plan request, score request and cohort request (bytes that are not UTF-8 read as
// U+FFFD). The plan, the scorecard and the cohort report are made and rendered to HTML, and each
// page is read back by the strict checker of html_check.hpp: well formed, only allowed elements
// and attributes, and the same skeleton of tags and attribute names as the page made from the
// same documents with every string "x". Whatever the strings hold (<script>, quotes, &, NUL,
// non-ASCII), they come out as text and never add an element or an attribute.
#include <careerpath/cohort.hpp>
#include <careerpath/export.hpp>
#include <careerpath/json.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/scorecard.hpp>

#include "html_check.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using careerpath::Json;

[[noreturn]] void fail(const std::string &what) {
    std::fprintf(stderr, "export_html fuzz target: %s\n", what.c_str());
    std::abort();
}

std::string dump(const Json &j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The documents, with the strings s[0..7] in the places people read.
struct Documents {
    std::string curriculum, plan_request, score_request, cohort_request;
};

Documents documents(const std::vector<std::string> &s) {
    Json c = {
        {"id", "fuzz"},
        {"title", s[0]},
        {"levels", {"none", "basic", "good"}},
        {"skills",
         {{{"id", "a"}, {"title", s[1]}, {"area", "x"}, {"hours", 6},
           {"activities", {{{"title", s[2]}, {"kind", s[3]}, {"level", "basic"}}, {{"title", s[3]}, {"kind", s[2]}}}}},
          {{"id", "b"}, {"title", s[2]}, {"area", "x"}, {"hours", 9}}}},
        {"prerequisites", {{{"skill", "b"}, {"level", "basic"}, {"requires", "a"}, {"requires_level", "good"}}}},
        {"roles", {{{"id", "r"}, {"title", s[4]}, {"requires", {{"a", "good"}, {"b", "good"}}}}}},
        {"session_types",
         {{{"id", "coaching"}, {"title", s[5]}, {"minutes", 60}, {"every", {{"weeks", 1}}}},
          {{"id", "review"}, {"title", s[0]}, {"minutes", 90}, {"every", {{"months", 1}}}}}},
        {"programs",
         {{{"id", "p"}, {"title", s[6]}, {"target_role", "r"}, {"months", 2},
           {"phases", {{{"id", "one"}, {"title", s[7]}, {"months", {1, 1}}, {"focus", {"a", "b"}}}}},
           {"sessions", {"coaching", "review"}}, {"metrics", {"readiness"}}}}},
        {"metrics", {{{"id", "readiness"}, {"kind", "role_readiness"}, {"target", 1.0}, {"weight", 1}}}},
        {"raters", {{"self", {{"weight", 0}}}, {"manager", {{"weight", 1}}}}}};
    Json learner = {{"id", "l"}, {"name", s[5]}, {"hours_per_week", 2}, {"team", s[6]}, {"organization", s[7]},
                    {"session_slots", {{{"weekday", "tue"}, {"time", "10:00"}}}}};
    Json plan = {{"learner", learner}, {"program", "p"}, {"start", "2027-01-04"}, {"target_date", "2027-02-01"},
                 {"mentor", {{"id", "m"}, {"name", s[4]}}}};
    Json ratings = Json::array();
    for (const char *skill : {"a", "b"})
        for (const char *rater : {"self", "manager"})
            ratings.push_back({{"skill", skill}, {"rater", rater}, {"rater_id", rater}, {"level", "basic"}});
    Json score = {{"learner", learner}, {"program", "p"}, {"start", "2027-01-04"}, {"as_of", "2027-02-01"},
                  {"assessments", {{{"date", "2027-01-20"}, {"ratings", ratings}}}}};
    Json cohort = {{"min_group_size", 1}, {"people", {score, score}}};
    return {dump(c), dump(plan), dump(score), dump(cohort)};
}

// The three pages of `s`, or nothing where a document could not be made (which these strings
// never cause: they are only titles and names).
std::vector<std::string> pages(const std::vector<std::string> &s) {
    const Documents d = documents(s);
    auto c = careerpath::Curriculum::load(d.curriculum);
    if (!c) fail("the curriculum did not load: " + c.error().message);
    const careerpath::Curriculum &curriculum = c.value();
    std::vector<std::string> out;
    auto planned = careerpath::plan_from_json(curriculum, d.plan_request);
    if (!planned) fail("the plan failed: " + planned.error().message);
    const std::string plan = careerpath::plan_to_json_text(curriculum, planned.value().request, planned.value().plan);
    auto scored = careerpath::score_from_json(curriculum, d.score_request);
    if (!scored) fail("the score failed: " + scored.error().message);
    const std::string card = careerpath::scorecard_to_json_text(curriculum, scored.value().request, scored.value().card);
    auto cohort = careerpath::cohort_from_json(curriculum, d.cohort_request);
    if (!cohort) fail("the cohort failed: " + cohort.error().message);
    const std::string report = careerpath::cohort_to_json_text(cohort.value());
    for (const std::string *document : {&plan, &card, &report}) {
        auto page = careerpath::export_html_from_json(curriculum, *document);
        if (!page) fail("the page failed: " + page.error().message);
        out.push_back(std::move(page).value());
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    std::vector<std::string> strings(8);
    std::size_t k = 0;
    for (std::size_t i = 0; i < size && k < strings.size(); ++i) {
        if (data[i] == 0xFF) ++k;
        else strings[k] += static_cast<char>(data[i]);
    }
    // An empty title or name is valid but would leave a part out; a string is never empty here,
    // so that the reference pages have every part too.
    for (std::string &s : strings)
        if (s.empty()) s = "x";
    static const std::vector<std::string> reference = pages(std::vector<std::string>(8, "x"));
    const std::vector<std::string> fuzzed = pages(strings);
    for (std::size_t p = 0; p < fuzzed.size(); ++p) {
        const html_check::Outcome got = html_check::check(fuzzed[p]);
        if (!got) fail("page " + std::to_string(p) + " is not well formed: " + got.error);
        const html_check::Outcome want = html_check::check(reference[p]);
        if (!want) fail("reference page " + std::to_string(p) + " is not well formed: " + want.error);
        if (got.skeleton != want.skeleton) fail("page " + std::to_string(p) + ": the data changed the markup");
    }
    return 0;
}
