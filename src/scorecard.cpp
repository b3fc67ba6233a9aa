// Scorecards (SPEC "Score request -> scorecard" and its "Rules"). Reading first, then the
// numbers in the order a reader checks them: skills, readiness and growth, metrics, composite,
// progress against the plan.
#include <careerpath/scorecard.hpp>

#include "io/readers.hpp"
#include "io/json_writer.hpp"

#include "io/json_reader.hpp"
#include "io/request_reader.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <numeric>
#include <sstream>

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

const char *to_string(SkillScore::Flag flag) noexcept {
    switch (flag) {
    case SkillScore::Flag::none: return "none";
    case SkillScore::Flag::blind_spot: return "blind_spot";
    case SkillScore::Flag::hidden_strength: return "hidden_strength";
    }
    return "unknown";
}

const char *to_string(Progress::Status status) noexcept {
    switch (status) {
    case Progress::Status::achieved: return "achieved";
    case Progress::Status::on_track: return "on_track";
    case Progress::Status::at_risk: return "at_risk";
    case Progress::Status::off_track: return "off_track";
    }
    return "unknown";
}

Progress::Status progress_status(double earned, double planned, bool achieved) noexcept {
    if (achieved) return Progress::Status::achieved;
    if (planned <= 0) return Progress::Status::on_track;
    const double ratio = earned / planned;
    if (ratio >= 0.9) return Progress::Status::on_track;
    if (ratio >= 0.75) return Progress::Status::at_risk;
    return Progress::Status::off_track;
}

namespace {

Ok read_bool(const Node &n, std::string_view what, std::optional<bool> &out) {
    if (!n || n->is_null()) return success();
    if (!n->is_boolean()) return schema_error(n.pointer(), std::string(what) + " must be true or false, not " + detail::type_name(*n));
    out = n->boolean();
    return success();
}

// "skill@level", as plans name units; `at` is where the document names it.
Ok resolve_unit(const Curriculum &c, const std::string &name, const Node &at, UnitRef &out) {
    if (name.empty()) return schema_error(at.pointer(), "unit must not be empty");
    const auto sign = name.rfind('@');
    const auto skill = sign == std::string::npos ? std::nullopt : c.find_skill(name.substr(0, sign));
    const auto level = sign == std::string::npos ? std::nullopt : c.levels().find(name.substr(sign + 1));
    if (!skill || !level || *level == 0)
        return make_error(Status::reference, "unit \"" + name + "\" is not skill@level of this curriculum", at.pointer());
    out = UnitRef{*skill, *level};
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
        BOOST_OUTCOME_TRYV(resolve_unit(c, unit.unit, path.element(i).member("unit"), w.unit));
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
        if (!m) return make_error(Status::reference, "unknown metric \"" + std::string(it.key()) + "\": no metric has this id", answers.pointer());
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

double mean(const std::vector<double> &values) {
    return values.empty() ? 0 : std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

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
            if (!m) return make_error(Status::reference, "unknown metric \"" + id + "\": no metric has this id", metrics.element(i).pointer());
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

namespace {

MetricScore score_metric(const Curriculum &c, const ScoreRequest &r, const Scorecard &card, std::size_t m) {
    const Metric &metric = c.metrics()[m];
    MetricScore out;
    out.metric = m;
    out.target = metric.target;
    const Outcomes &o = r.outcomes;
    const bool promoted_by_as_of = o.promoted_on && *o.promoted_on <= r.as_of;
    const double program_days = static_cast<double>(r.target_date.days_since(r.start) + 1);
    switch (metric.kind) {
    case Metric::Kind::role_readiness: {
        const double target = metric.target.value_or(1.0);
        out.target = target;
        out.value = card.readiness;
        out.attainment = target > 0 ? clamp01(card.readiness / target) : 1.0;
        out.note = "readiness for the target role";
        break;
    }
    case Metric::Kind::skill_growth: {
        const double target = metric.target.value_or(1.0);
        out.target = target;
        out.value = card.skill_growth;
        if (card.skill_growth) out.attainment = target > 0 ? clamp01(*card.skill_growth / target) : (*card.skill_growth > 0 ? 1.0 : 0.0);
        out.note = card.skill_growth ? "growth of the mean estimate over the role's skills since the baseline"
                                     : "no growth can be measured: the baseline mean is 0";
        break;
    }
    case Metric::Kind::timeline: {
        out.target = 0;  // days ahead of the target date; 0 is on time
        if (promoted_by_as_of) {
            const int ahead = r.target_date.days_since(*o.promoted_on);
            out.value = ahead;
            out.attainment = ahead >= 0 ? 1.0 : clamp01(1.0 + ahead / program_days);
            // Whole months ahead: the largest m with promoted_on plus m months on or before the
            // target date (counted, not walked: plus_months saturates at the end of the range).
            const Date p = *o.promoted_on;
            int months = std::max(0, (r.target_date.year() - p.year()) * 12 + r.target_date.month() - p.month());
            while (months > 0 && p.plus_months(months) > r.target_date) --months;
            out.note = "promoted " + o.promoted_on->iso() + ", " + std::to_string(std::abs(ahead)) + " days " +
                       (ahead >= 0 ? "before" : "after") + " the target date " + r.target_date.iso() +
                       (ahead >= 0 && months > 0 ? " (" + std::to_string(months) + (months == 1 ? " whole month" : " whole months") + " ahead)" : "");
            out.n = 1;
        } else if (r.as_of > r.target_date) {
            const int late = r.as_of.days_since(r.target_date);
            out.value = -late;
            out.attainment = clamp01(1.0 - late / program_days);
            out.note = "not promoted by " + r.as_of.iso() + ", " + std::to_string(late) + " days past the target date";
            out.n = 1;
        } else {
            out.note = "pending: not promoted yet, and the target date " + r.target_date.iso() + " is still ahead";
        }
        break;
    }
    case Metric::Kind::survey: {
        const auto found = o.survey.find(metric.id);
        const double low = metric.scale ? metric.scale->first : 0.0;
        if (!metric.target && metric.scale) out.target = metric.scale->second;
        if (found == o.survey.end() || found->second.empty()) {
            out.note = "no answers yet";
            break;
        }
        const double m_ = mean(found->second);
        out.value = m_;
        out.n = found->second.size();
        if (out.target) out.attainment = *out.target > low ? clamp01((m_ - low) / (*out.target - low)) : (m_ >= *out.target ? 1.0 : 0.0);
        out.note = "mean of " + std::to_string(out.n) + " answers";
        break;
    }
    case Metric::Kind::retained:
        out.target = 1;
        if (o.retained) {
            out.value = *o.retained ? 1.0 : 0.0;
            out.attainment = out.value;
            out.n = 1;
            out.note = *o.retained ? "retained" : "left";
        } else {
            out.note = "not reported yet";
        }
        break;
    case Metric::Kind::promoted: {
        out.target = 1;
        std::optional<bool> promoted = o.promoted;
        if (!promoted && promoted_by_as_of) promoted = true;
        if (!promoted && r.as_of > r.target_date) promoted = false;
        if (promoted) {
            out.value = *promoted ? 1.0 : 0.0;
            out.attainment = out.value;
            out.n = 1;
            out.note = *promoted ? "promoted" : "not promoted";
        } else {
            out.note = "pending: the target date " + r.target_date.iso() + " is still ahead";
        }
        break;
    }
    }
    return out;
}

// A blind spot where the learner rates a skill at least one level above the others, a hidden
// strength at least one level below.
SkillScore::Flag self_flag(const std::optional<SkillEstimate> &e) {
    if (!e || !e->self || !e->others) return SkillScore::Flag::none;
    const double gap = *e->self - *e->others;
    if (gap >= 1) return SkillScore::Flag::blind_spot;
    if (gap <= -1) return SkillScore::Flag::hidden_strength;
    return SkillScore::Flag::none;
}

}  // namespace

Scorecard make_scorecard(const Curriculum &c, const ScoreRequest &r) {
    Scorecard card;
    const Role &role = c.roles()[r.target_role];
    const auto latest = skill_estimates(c, r.assessments, false);
    const auto baseline = skill_estimates(c, r.assessments, true);

    std::vector<std::optional<std::size_t>> requirement(c.skills().size());
    for (std::size_t k = 0; k < role.requirements.size(); ++k) requirement[role.requirements[k].skill] = k;
    std::vector<std::size_t> listed;
    for (std::size_t s = 0; s < c.skills().size(); ++s)
        if (latest[s] || requirement[s]) listed.push_back(s);
    std::sort(listed.begin(), listed.end(), [&](std::size_t a, std::size_t b) { return c.skill_rank()[a] < c.skill_rank()[b]; });

    for (std::size_t s : listed) {
        SkillScore score;
        score.skill = s;
        score.latest = latest[s];
        score.baseline = baseline[s];
        const double current = static_cast<double>(r.current[s]);
        score.estimate = latest[s] ? *latest[s]->estimate : current;
        score.baseline_estimate = baseline[s] ? *baseline[s]->estimate : current;
        score.achieved = latest[s] ? latest[s]->achieved : r.current[s];
        if (requirement[s]) {
            score.target = role.requirements[*requirement[s]].level;
            score.weight = role.requirements[*requirement[s]].weight;
        }
        score.flag = self_flag(latest[s]);
        score.baseline_flag = self_flag(baseline[s]);
        card.skills.push_back(std::move(score));
    }

    // Readiness, growth and the gap closed, over the role's requirements.
    double ready = 0, needed = 0, closed = 0, open = 0, base_sum = 0, cur_sum = 0;
    std::size_t required = 0;
    for (const SkillScore &s : card.skills) {
        if (!s.target) continue;
        const double target = static_cast<double>(*s.target);
        ready += s.weight * std::min(s.estimate, target);
        needed += s.weight * target;
        closed += std::min(s.estimate, target) - std::min(s.baseline_estimate, target);
        open += target - std::min(s.baseline_estimate, target);
        base_sum += s.baseline_estimate;
        cur_sum += s.estimate;
        ++required;
    }
    card.readiness = needed > 0 ? ready / needed : 1.0;
    if (required) {
        card.baseline_mean = base_sum / static_cast<double>(required);
        card.current_mean = cur_sum / static_cast<double>(required);
    }
    if (card.baseline_mean > 0) card.skill_growth = (card.current_mean - card.baseline_mean) / card.baseline_mean;
    if (open > 0) card.gap_closed = closed / open;

    double weighted = 0, weights = 0;
    for (std::size_t m : r.metrics) {
        MetricScore score = score_metric(c, r, card, m);
        const double w = c.metrics()[m].weight;
        if (score.attainment && w > 0) weighted += w * *score.attainment, weights += w;
        card.metrics.push_back(std::move(score));
    }
    if (weights > 0) card.composite = weighted / weights;

    if (r.plan) {
        std::vector<Level> achieved = r.current;
        for (const SkillScore &s : card.skills) achieved[s.skill] = s.achieved;
        Progress p;
        bool all = true;
        for (const PlannedWork &w : *r.plan) {
            const bool done = achieved[w.unit.skill] >= w.unit.level;
            if (done) p.earned_hours += w.hours;
            else all = false;
            if (w.finish <= r.as_of) p.planned_hours += w.hours;
        }
        if (p.planned_hours > 0) p.ratio = p.earned_hours / p.planned_hours;
        p.status = progress_status(p.earned_hours, p.planned_hours, all);
        card.progress = p;
    }
    return card;
}

Result<ScoreRequest> read_score_request(const Curriculum &c, std::string_view request_json, const Limits &limits) {
    auto document = io::Document::parse(request_json, limits);
    if (!document) return document.error();
    return io::read_score_request(c, Node(document.value().root()), limits);
}

Result<ScoredRequest> score_from_json(const Curriculum &c, std::string_view text, const Limits &limits) {
    auto document = io::Document::parse(text, limits);
    if (!document) return document.error();
    auto request = io::read_score_request(c, Node(document.value().root()), limits);
    if (!request) return request.error();
    Scorecard card = make_scorecard(c, request.value());
    return ScoredRequest{std::move(request).value(), std::move(card)};
}

namespace {

using detail::JsonWriter;

void write_number(JsonWriter &w, JsonWriter::Key key, const std::optional<double> &v) {
    w.key(key);
    if (v) w.value(detail::rounded(*v));
    else w.null();
}

void write_estimate(JsonWriter &w, const Curriculum &c, const SkillEstimate &e) {
    w.begin_object();
    w.key("confidence");
    w.begin_object();
    w.member("n", e.n);
    write_number(w, "spread", e.spread);
    w.end_object();
    w.member("date", e.date);
    write_number(w, "estimate", e.estimate);
    w.key("groups");
    w.begin_array();
    for (const GroupScore &g : e.groups) {
        w.begin_object();
        w.member("group", g.group);
        if (g.group == "others") {
            w.key("pooled");
            w.array(g.pooled);
        }
        w.member("raters", g.raters);
        w.key("score");
        if (g.shown) w.value(detail::rounded(g.score));
        else w.null();
        w.member("shown", g.shown);
        write_number(w, "weight", g.weight);
        w.end_object();
    }
    w.end_array();
    w.member("level", c.levels().name(e.achieved));
    write_number(w, "others", e.others);
    write_number(w, "self", e.self);
    w.member("self_only", e.self_only);
    w.end_object();
}

void write_skill_ids(JsonWriter &w, JsonWriter::Key key, const Curriculum &c, const Scorecard &card,
                     SkillScore::Flag SkillScore::*which, SkillScore::Flag flag) {
    w.key(key);
    w.begin_array();
    for (const SkillScore &s : card.skills)
        if (s.*which == flag) w.value(c.skills()[s.skill].id);
    w.end_array();
}

}  // namespace

std::string scorecard_to_json_text(const Curriculum &c, const ScoreRequest &r, const Scorecard &card) {
    std::string text;
    JsonWriter w(text);
    using Flag = SkillScore::Flag;
    w.begin_object();
    w.member("as_of", r.as_of);
    w.member("assessments", r.assessments.size());
    write_skill_ids(w, "baseline_blind_spots", c, card, &SkillScore::baseline_flag, Flag::blind_spot);
    write_skill_ids(w, "baseline_hidden_strengths", c, card, &SkillScore::baseline_flag, Flag::hidden_strength);
    write_skill_ids(w, "blind_spots", c, card, &SkillScore::flag, Flag::blind_spot);
    write_number(w, "composite", card.composite);
    w.key("growth");
    w.begin_object();
    write_number(w, "baseline_mean", card.baseline_mean);
    write_number(w, "current_mean", card.current_mean);
    write_number(w, "gap_closed", card.gap_closed);
    write_number(w, "skill_growth", card.skill_growth);
    w.end_object();
    write_skill_ids(w, "hidden_strengths", c, card, &SkillScore::flag, Flag::hidden_strength);
    w.member("learner", r.learner);
    w.key("metrics");
    w.begin_array();
    for (const MetricScore &m : card.metrics) {
        const Metric &def = c.metrics()[m.metric];
        w.begin_object();
        write_number(w, "attainment", m.attainment);
        w.member("id", def.id);
        w.member("kind", to_string(def.kind));
        w.member("n", m.n);
        w.member("note", m.note);
        write_number(w, "target", m.target);
        write_number(w, "value", m.value);
        write_number(w, "weight", def.weight);
        w.end_object();
    }
    w.end_array();
    w.key("program");
    if (r.program) w.value(c.programs()[*r.program].id);
    else w.null();
    w.key("progress");
    if (card.progress) {
        const Progress &p = *card.progress;
        w.begin_object();
        write_number(w, "earned_hours", p.earned_hours);
        write_number(w, "planned_hours", p.planned_hours);
        write_number(w, "ratio", p.ratio);
        w.member("status", to_string(p.status));
        w.end_object();
    } else {
        w.null();
    }
    write_number(w, "readiness", card.readiness);
    w.key("skills");
    w.begin_array();
    for (const SkillScore &s : card.skills) {
        w.begin_object();
        write_number(w, "baseline", s.baseline_estimate);
        w.key("baseline_assessment");
        if (s.baseline) write_estimate(w, c, *s.baseline);
        else w.null();
        w.key("baseline_flag");
        if (s.baseline_flag == Flag::none) w.null();
        else w.value(to_string(s.baseline_flag));
        write_number(w, "estimate", s.estimate);
        w.key("flag");
        if (s.flag == Flag::none) w.null();
        else w.value(to_string(s.flag));
        w.key("latest");
        if (s.latest) write_estimate(w, c, *s.latest);
        else w.null();
        w.member("level", c.levels().name(s.achieved));
        w.member("skill", c.skills()[s.skill].id);
        w.member("source", s.latest ? "assessment" : "current");
        w.key("target");
        if (s.target) w.value(c.levels().name(*s.target));
        else w.null();
        write_number(w, "weight", s.weight);
        w.end_object();
    }
    w.end_array();
    w.member("start", r.start);
    w.member("target_date", r.target_date);
    w.member("target_role", c.roles()[r.target_role].id);
    w.end_object();
    return text;
}



std::string scorecard_to_text(const Curriculum &c, const ScoreRequest &r, const Scorecard &card) {
    std::ostringstream out;
    auto fixed = [](double v, int digits = 2) {
        std::ostringstream s;
        s << std::fixed << std::setprecision(digits) << v;
        return s.str();
    };
    auto percent = [&](double v) { return fixed(100 * v, 0) + "%"; };
    out << "Scorecard for " << r.name << ": " << c.roles()[r.target_role].title;
    if (r.program) out << " (" << c.programs()[*r.program].title << ")";
    out << "\n" << r.assessments.size() << " assessments, as of " << r.as_of.iso() << "; start " << r.start.iso()
        << ", target date " << r.target_date.iso() << "\n\n";

    out << "Skills                       baseline  estimate  level          target         raters\n";
    for (const SkillScore &s : card.skills) {
        out << "  " << std::left << std::setw(27) << c.skills()[s.skill].id << std::right << std::setw(8)
            << fixed(s.baseline_estimate) << std::setw(10) << fixed(s.estimate) << "  " << std::left << std::setw(15)
            << c.levels().name(s.achieved) << std::setw(15) << (s.target ? c.levels().name(*s.target) : std::string("-"));
        if (!s.latest) {
            out << "(current level, not assessed)";
        } else {
            std::string raters;
            for (const GroupScore &g : s.latest->groups)
                raters += (raters.empty() ? "" : ", ") + g.group + " " + (g.shown ? fixed(g.score, 1) : std::string("hidden")) +
                          " (n=" + std::to_string(g.raters) + ")";
            out << raters << "; n=" << s.latest->n << " spread " << fixed(s.latest->spread);
        }
        out << std::right;
        if (s.flag != SkillScore::Flag::none) out << "  [" << to_string(s.flag) << "]";
        if (s.baseline_flag != SkillScore::Flag::none) out << "  [baseline " << to_string(s.baseline_flag) << "]";
        out << "\n";
    }
    out << "\nReadiness for " << c.roles()[r.target_role].title << ": " << fixed(card.readiness, 3) << "\n"
        << "Skill growth: " << (card.skill_growth ? percent(*card.skill_growth) : std::string("n/a (baseline 0)"))
        << " (mean " << fixed(card.baseline_mean) << " -> " << fixed(card.current_mean) << "); gap closed "
        << (card.gap_closed ? percent(*card.gap_closed) : std::string("n/a")) << "\n";

    if (!card.metrics.empty()) out << "\nMetrics                      value     target    attainment  weight\n";
    for (const MetricScore &m : card.metrics) {
        const Metric &def = c.metrics()[m.metric];
        out << "  " << std::left << std::setw(27) << def.id << std::right << std::setw(8)
            << (m.value ? fixed(*m.value, def.kind == Metric::Kind::timeline ? 0 : 3) : std::string("-")) << std::setw(10)
            << (m.target ? fixed(*m.target, def.kind == Metric::Kind::timeline ? 0 : 3) : std::string("-"))
            << std::setw(12) << (m.attainment ? fixed(*m.attainment, 3) : std::string("pending")) << std::setw(8)
            << fixed(def.weight, 1) << "  " << m.note << "\n";
    }
    out << "\nComposite: " << (card.composite ? fixed(*card.composite, 3) : std::string("n/a")) << "\n";
    if (card.progress) {
        const Progress &p = *card.progress;
        out << "Progress against the plan: earned " << fixed(p.earned_hours, 1) << " h of planned " << fixed(p.planned_hours, 1)
            << " h";
        if (p.ratio) out << " (EV/PV " << fixed(*p.ratio, 3) << ")";
        out << ": " << to_string(p.status) << "\n";
    }
    return out.str();
}

CAREERPATH_NAMESPACE_END
