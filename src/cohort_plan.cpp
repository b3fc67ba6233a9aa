// Cohort planning (docs/cohort-planning.md): every learner's plan up to its sessions on worker
// threads (plan_draft.hpp, as make_plan makes it), then each mentor's learners' sessions placed
// together (joint_sessions.hpp), mentors in parallel since no two share a learner, then each plan
// finished with its sessions. The glue: read (io/cohort_plan_request_reader.cpp), plan, write
// (io/cohort_plan_writer.cpp).
#include <careerpath/cohort_plan.hpp>

#include "joint_sessions.hpp"
#include "parallel.hpp"
#include "plan_draft.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

CAREERPATH_NAMESPACE_BEGIN

namespace {

// A learner's error as the cohort's: its pointer under /learners/K.
Error under_learner(Error error, std::size_t k) {
    error.pointer = "/learners/" + std::to_string(k) + error.pointer;
    error.position.reset();
    return error;
}

// The learners whose sessions are placed together: a mentor's, or one learner without a mentor.
struct Group {
    std::optional<std::size_t> mentor;
    std::vector<std::size_t> learners;  // in the request's order
};

std::vector<Group> groups_of(const CohortPlanRequest &request, const std::vector<std::optional<detail::PlanDraft>> &drafts) {
    std::vector<Group> groups(request.mentors.size());
    for (std::size_t m = 0; m < groups.size(); ++m) groups[m].mentor = m;
    for (std::size_t l = 0; l < request.learners.size(); ++l) {
        if (!drafts[l]->sessions_until) continue;  // no sessions to place
        if (const auto m = request.mentor_of[l]) groups[*m].learners.push_back(l);
        else groups.push_back(Group{std::nullopt, {l}});
    }
    std::erase_if(groups, [](const Group &g) { return g.learners.empty(); });
    return groups;
}

// Each mentor's learners, the sessions they hold (by start, then learner) and the ones dropped.
std::vector<CohortPlan::MentorCalendar> calendars(const CohortPlanRequest &request, const std::vector<Plan> &plans) {
    std::vector<CohortPlan::MentorCalendar> out(request.mentors.size());
    for (std::size_t l = 0; l < request.learners.size(); ++l) {
        if (!request.mentor_of[l]) continue;
        CohortPlan::MentorCalendar &calendar = out[*request.mentor_of[l]];
        calendar.learners.push_back(l);
        const std::vector<Session> &sessions = plans[l].sessions;
        for (std::size_t s = 0; s < sessions.size(); ++s) {
            if (sessions[s].status != Session::Status::dropped) calendar.sessions.push_back({l, s});
            else if (!sessions[s].history) ++calendar.dropped;
        }
    }
    for (CohortPlan::MentorCalendar &calendar : out)
        std::sort(calendar.sessions.begin(), calendar.sessions.end(), [&](const auto &a, const auto &b) {
            return std::tie(plans[a.learner].sessions[a.session].start_utc, a.learner, a.session) <
                   std::tie(plans[b.learner].sessions[b.session].start_utc, b.learner, b.session);
        });
    return out;
}

}  // namespace

Result<CohortPlan> make_cohort_plan(const Curriculum &c, const CohortPlanRequest &request,
                                    const CohortPlanOptions &options, const Limits &limits) {
    const std::size_t n = request.learners.size();

    // The learning paths, each exactly as a single plan makes it.
    std::vector<std::optional<Result<detail::PlanDraft>>> made(n);
    detail::parallel_for(n, options.threads, [&](std::size_t l) { made[l] = detail::draft_plan(c, request.learners[l], limits); });
    // A plan fails in its draft or in its sessions' limit: the cohort fails with the first
    // learner's error in the request's order, whichever step it came from, as each learner's
    // own make_plan would. So the sessions are prepared for the learners before the first
    // failed draft, and only those.
    std::vector<std::optional<detail::PlanDraft>> drafts(n);
    std::size_t first_failed = n;
    for (std::size_t l = 0; l < n && first_failed == n; ++l) {
        if (!*made[l]) first_failed = l;
        else drafts[l] = std::move(*made[l]).value();
    }

    // Each learner's occurrences, with a single plan's limit, and the cohort's on them all.
    std::vector<std::optional<Result<detail::LearnerSessions>>> prepared(n);
    detail::parallel_for(first_failed, options.threads, [&](std::size_t l) {
        if (drafts[l]->sessions_until)
            prepared[l] = detail::prepare_sessions(c, request.learners[l], drafts[l]->calendar, *drafts[l]->sessions_until, limits);
    });
    std::size_t occurrences = 0;
    for (std::size_t l = 0; l < first_failed; ++l) {
        if (!prepared[l]) continue;
        if (!*prepared[l]) return under_learner(prepared[l]->error(), l);
        occurrences += prepared[l]->value().occurrences();
    }
    if (first_failed < n) return under_learner(made[first_failed]->error(), first_failed);
    made.clear();
    if (occurrences > limits.max_cohort_sessions)
        return make_error(Status::limit,
                          "the learners' programs give " + std::to_string(occurrences) +
                              " session occurrences together, more than " + std::to_string(limits.max_cohort_sessions) +
                              " (max_cohort_sessions)",
                          "/learners");

    // The sessions of each mentor's learners together; mentors share no learner, so in parallel.
    std::vector<std::vector<Session>> sessions(n);
    const std::vector<Group> groups = groups_of(request, drafts);
    detail::parallel_for(groups.size(), options.threads, [&](std::size_t g) {
        const Group &group = groups[g];
        std::vector<detail::LearnerSessions> learners;
        learners.reserve(group.learners.size());
        for (std::size_t l : group.learners) learners.push_back(std::move(*prepared[l]).value());
        detail::SharedMentor mentor;
        if (group.mentor) {
            mentor.mentor = &request.mentors[*group.mentor].mentor;
            mentor.max_hours_per_week = request.mentors[*group.mentor].max_hours_per_week;
        }
        std::vector<std::vector<Session>> placed = detail::place_jointly(c, mentor, learners);
        for (std::size_t i = 0; i < group.learners.size(); ++i) sessions[group.learners[i]] = std::move(placed[i]);
    });
    prepared.clear();

    CohortPlan out;
    out.plans.resize(n);
    detail::parallel_for(n, options.threads, [&](std::size_t l) {
        out.plans[l] = detail::finish_plan(c, request.learners[l], std::move(*drafts[l]), std::move(sessions[l]));
    });
    out.mentors = calendars(request, out.plans);
    return out;
}

Result<PlannedCohort> cohort_plan_from_json(const Curriculum &c, std::string_view request_json,
                                            const CohortPlanOptions &options, const Limits &limits) {
    auto request = read_cohort_plan_request(c, request_json, limits);
    if (!request) return request.error();
    auto plan = make_cohort_plan(c, request.value(), options, limits);
    if (!plan) return plan.error();
    return PlannedCohort{std::move(request).value(), std::move(plan).value()};
}

Result<std::string> cohort_plan_json_text(const Curriculum &c, std::string_view request_json, const Limits &limits) {
    auto planned = cohort_plan_from_json(c, request_json, {}, limits);
    if (!planned) return planned.error();
    return cohort_plan_to_json_text(c, planned.value().request, planned.value().plan);
}

CAREERPATH_NAMESPACE_END
