// A scorecard written out: as JSON (what careerpath_score returns) and as a readable report.
// The scorecard is made in scorecard.cpp.
#include <careerpath/scorecard.hpp>

#include "json_writer.hpp"

#include <iomanip>
#include <optional>
#include <sstream>

CAREERPATH_NAMESPACE_BEGIN

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
    w.member("schema_version", schema_version);
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
