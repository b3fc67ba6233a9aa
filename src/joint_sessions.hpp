// careerpath — sessions placed jointly for learners who share a mentor (README "Cohort planning",
// docs/cohort-planning.md). place_sessions (sessions.hpp) is this placement with one learner,
// so that a learner alone with a mentor gets exactly the sessions of a single plan.
#pragma once

#include <careerpath/calendar.hpp>
#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/sessions.hpp>
#include <careerpath/version.hpp>

#include <memory>
#include <optional>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN
namespace detail {

/// The mentor a group of learners shares.
struct SharedMentor {
    const Mentor *mentor = nullptr;  ///< none: only each learner's own side closes slots
    /// Session hours a week at most, a week being Monday 00:00 to Monday 00:00 in the mentor's
    /// zone and a session counting in the week it starts; none: no limit.
    std::optional<double> max_hours_per_week;
};

/// One learner's occurrences, windows made and the limit checked, ready to be placed. It refers
/// to the request and the calendar it was prepared from, which must outlive it.
class LearnerSessions {
public:
    struct State;
    explicit LearnerSessions(std::unique_ptr<State> state) noexcept;
    LearnerSessions(LearnerSessions &&) noexcept;
    LearnerSessions &operator=(LearnerSessions &&) noexcept;
    ~LearnerSessions();
    /// The occurrences to place (history ones aside).
    std::size_t occurrences() const noexcept;

private:
    friend std::vector<std::vector<Session>> place_jointly(const Curriculum &, const SharedMentor &,
                                                           std::vector<LearnerSessions> &);
    std::unique_ptr<State> state_;
};

/// The occurrences of the request's program from the plan start to `horizon_end` (see
/// place_sessions); more than Limits::max_sessions is Status::limit at "/program".
Result<LearnerSessions> prepare_sessions(const Curriculum &curriculum, const PlanRequest &request,
                                         const Calendar &calendar, Date horizon_end, const Limits &limits = {});

/// Places the occurrences of learners who share `mentor` so that the mentor is never in two
/// sessions at once nor over the weekly hours, and no learner in two at once
/// (docs/cohort-planning.md, "The rule"). Each learner's slots are walked in time order, the
/// learners' walks merged by instant. At a slot a learner's candidate is chosen by the rule of
/// place_sessions among the occurrences that fit, the mentor's bookings with other learners and
/// the weekly hours included. Where several learners have a candidate at one instant, the one
/// whose candidate has the fewest chances left goes first: the earliest last slot of its window
/// that the static constraints leave open, then the earliest window end, the shorter interval,
/// the learner with more occurrences dropped so far, the smaller learner id, the earlier
/// learner; for a mentor with weekly hours, the learner with more occurrences dropped so far
/// before all of these. Returns each learner's sessions, in the order given, as place_sessions
/// lists them.
std::vector<std::vector<Session>> place_jointly(const Curriculum &curriculum, const SharedMentor &mentor,
                                                std::vector<LearnerSessions> &learners);

}  // namespace detail
CAREERPATH_NAMESPACE_END
