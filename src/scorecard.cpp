// Scorecards (docs/scoring.md, "The score request" and "Rules"): the numbers in the order a
// reader checks them: skills, readiness and growth, metrics, composite, progress against the
// plan. The request is read in io/score_request_reader.cpp, the scorecard written in
// io/scorecard_writer.cpp.
#include <careerpath/scorecard.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

CAREERPATH_NAMESPACE_BEGIN

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

double mean(const std::vector<double> &values) {
    return values.empty() ? 0 : std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

}  // namespace

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

Result<ScoredRequest> score_from_json(const Curriculum &c, std::string_view text, const Limits &limits) {
    auto request = read_score_request(c, text, limits);
    if (!request) return request.error();
    Scorecard card = make_scorecard(c, request.value());
    return ScoredRequest{std::move(request).value(), std::move(card)};
}

CAREERPATH_NAMESPACE_END
