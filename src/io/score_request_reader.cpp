// Reading a score request (docs/scoring.md, "The score request"): the learner, the program and its
// dates, the metrics, the assessments, the plan to measure progress against and the outcomes,
// each fault reported with its JSON Pointer. The scorecard itself is made in scorecard.cpp.
#include <careerpath/scorecard.hpp>

#include "readers.hpp"
#include "json_reader.hpp"
#include "request_reader.hpp"

CAREERPATH_NAMESPACE_BEGIN

using detail::Node;
using detail::Ok;
using detail::read_array;
using detail::read_date;
using detail::read_id;
using detail::read_number;
using detail::read_optional_string;
using detail::schema_error;
using detail::success;

namespace {

Ok read_bool(const Node &n, std::string_view what, std::optional<bool> &out) {
    if (!n || n->is_null()) return success();
    if (!n->is_boolean()) return schema_error(n.pointer(), std::string(what) + " must be true or false, not " + detail::type_name(*n));
    out = n->boolean();
    return success();
}

// A plan document (what careerpath_plan returns), read by the plan reader for its path, each
// unit resolved in the curriculum.
Ok read_plan(const Curriculum &c, const Node &n, std::vector<PlannedWork> &out) {
    BOOST_OUTCOME_TRY(plan, io::read_plan_outline(n, io::PlanUse::progress));
    const Node path = n.member("path");
    for (std::size_t i = 0; i < plan.path.size(); ++i) {
        const PlanOutline::Unit &unit = plan.path[i];
        PlannedWork w;
        BOOST_OUTCOME_TRYV(detail::resolve_unit(c, unit.unit, path.element(i).member("unit"), w.unit));
        w.hours = unit.hours;
        w.finish = unit.finish;
        out.push_back(w);
    }
    return success();
}

Ok read_outcomes(const Curriculum &c, const Node &n, Outcomes &out) {
    if (!n) return success();
    BOOST_OUTCOME_TRYV(n.expect_object("\"outcomes\""));
    if (const Node on = n.member("promoted_on"); on && !on->is_null()) {
        Date day;
        BOOST_OUTCOME_TRYV(read_date(on, "promoted_on", day));
        out.promoted_on = day;
    }
    BOOST_OUTCOME_TRYV(read_bool(n.member("promoted"), "promoted", out.promoted));
    if (out.promoted_on && out.promoted == false)
        return schema_error(n.member("promoted").pointer(),
                            "\"promoted\" is false, but \"promoted_on\" gives the day of a promotion");
    BOOST_OUTCOME_TRYV(read_bool(n.member("retained"), "retained", out.retained));
    const Node survey = n.member("survey");
    if (!survey) return success();
    BOOST_OUTCOME_TRYV(survey.expect_object("\"survey\""));
    for (const auto it : survey->members()) {
        const Node answers(it.value());
        const auto m = c.find_metric(it.key());
        if (!m) return make_error(Status::reference, detail::unknown_metric(c, it.key()), answers.pointer());
        const Metric &metric = c.metrics()[*m];
        if (metric.kind != Metric::Kind::survey)
            return schema_error(answers.pointer(), "metric \"" + metric.id + "\" is not a survey");
        BOOST_OUTCOME_TRYV(answers.expect_array("survey answers"));
        std::vector<double> &values = out.survey[std::string(it.key())];
        for (std::size_t i = 0; i < answers->size(); ++i) {
            const Node a = answers.element(i);
            double v = 0;
            BOOST_OUTCOME_TRYV(read_number(a, "a survey answer", -1e300, v));
            if (metric.scale && (v < metric.scale->first || v > metric.scale->second))
                return schema_error(a.pointer(), "answer " + detail::format_number(v) + " is off the scale of \"" +
                                                   metric.id + "\" (" + detail::format_number(metric.scale->first) +
                                                   " to " + detail::format_number(metric.scale->second) + ")");
            values.push_back(v);
        }
    }
    return success();
}

}  // namespace

Result<ScoreRequest> io::read_score_request(const Curriculum &c, const Node &root, const Limits &limits) {
    BOOST_OUTCOME_TRYV(root.expect_object("a score request"));
    ScoreRequest r;
    const Node learner = root.member("learner");
    if (!learner) return detail::missing(learner, "learner");
    BOOST_OUTCOME_TRYV(learner.expect_object("the learner"));
    BOOST_OUTCOME_TRYV(read_id(learner.member("id"), "learner id", r.learner));
    r.name = r.learner;
    BOOST_OUTCOME_TRYV(read_optional_string(learner.member("name"), "name", r.name));
    BOOST_OUTCOME_TRYV(read_optional_string(learner.member("team"), "team", r.team));
    BOOST_OUTCOME_TRYV(read_optional_string(learner.member("organization"), "organization", r.organization));
    BOOST_OUTCOME_TRYV(detail::read_current_levels(c, learner.member("current"), r.current));

    detail::ProgramAndDates dates;
    BOOST_OUTCOME_TRYV(detail::read_program_and_dates(c, root, dates));
    r.program = dates.program;
    r.target_role = dates.target_role;
    r.start = dates.start;
    r.target_date = dates.target_date;
    if (r.program) r.metrics = c.programs()[*r.program].metrics;
    Node metrics;
    BOOST_OUTCOME_TRYV(read_array(root, "metrics", metrics));
    if (metrics) {
        r.metrics.clear();
        for (std::size_t i = 0; i < metrics->size(); ++i) {
            std::string id;
            BOOST_OUTCOME_TRYV(read_id(metrics.element(i), "metric", id));
            const auto m = c.find_metric(id);
            if (!m) return make_error(Status::reference, detail::unknown_metric(c, id), metrics.element(i).pointer());
            r.metrics.push_back(*m);
        }
    }

    std::optional<Date> as_of;
    if (const Node n = root.member("as_of")) {
        Date day;
        BOOST_OUTCOME_TRYV(read_date(n, "as_of", day));
        as_of = day;
    }
    if (const Node assessments = root.member("assessments")) {
        auto read = io::read_assessments(c, assessments, as_of, limits);
        if (!read) return read.error();
        r.assessments = std::move(read).value();
    }
    r.as_of = as_of ? *as_of : (r.assessments.empty() ? r.start : r.assessments.back().date);
    if (const Node plan = root.member("plan"); plan && !plan->is_null()) {
        std::vector<PlannedWork> work;
        BOOST_OUTCOME_TRYV(read_plan(c, plan, work));
        r.plan = std::move(work);
    }
    BOOST_OUTCOME_TRYV(read_outcomes(c, root.member("outcomes"), r.outcomes));
    return r;
}

Result<ScoreRequest> read_score_request(const Curriculum &c, std::string_view request_json, const Limits &limits) {
    auto document = io::Document::parse(request_json, limits);
    if (!document) return document.error();
    return io::read_score_request(c, Node(document.value().root()), limits);
}

CAREERPATH_NAMESPACE_END
