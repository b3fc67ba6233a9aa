// A scorecard written out as JSON (what careerpath_score returns); its text report is
// text_report.cpp. The scorecard is made in scorecard.cpp.
#include <careerpath/scorecard.hpp>

#include "json_writer.hpp"

#include <optional>

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
    w.member("learner_name", r.name);
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

CAREERPATH_NAMESPACE_END
