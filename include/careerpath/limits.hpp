// careerpath — documented limits on inputs. Each is enforced with Status::limit and a message
// that names the limit; the C ABI uses the defaults below.
#pragma once

#include <careerpath/version.hpp>

#include <cstddef>

CAREERPATH_NAMESPACE_BEGIN

struct Limits {
    std::size_t max_document_bytes = 64u << 20;  ///< size of one input document
    std::size_t max_depth = 64;                  ///< nesting of arrays and objects
    std::size_t max_string_bytes = 64u << 10;    ///< one string value or key
    std::size_t max_levels = 32;                 ///< entries of the level scale, "none" included
    std::size_t max_skills = 100'000;
    std::size_t max_units = 1'000'000;           ///< skills x (levels - 1)
    std::size_t max_prerequisites = 1'000'000;
    std::size_t max_roles = 10'000;
    /// Effective requirements summed over all roles: each role keeps those it inherits through
    /// `extends`, so a chain of n roles keeps about n^2 / 2.
    std::size_t max_role_requirements = 1'000'000;
    std::size_t max_programs = 10'000;
    std::size_t max_phases = 120;                ///< per program
    /// Skills the phases' focus resolves to, summed over every phase of every program (an
    /// area counts each of its skills).
    std::size_t max_focus_skills = 1'000'000;
    std::size_t max_session_types = 1'000;
    std::size_t max_metrics = 1'000;
    std::size_t max_activities = 1'000;          ///< per skill
    std::size_t max_program_months = 120;
    std::size_t max_plan_years = 50;             ///< a plan's horizon: it must finish within this many years of its start
    std::size_t max_session_slots = 1'000;       ///< a learner's weekly session slots; a mentor's weekly availability windows
    std::size_t max_busy = 100'000;              ///< a mentor's busy intervals
    std::size_t max_sessions = 100'000;          ///< session occurrences in one plan
    std::size_t max_assessments = 10'000;        ///< assessments in one request
    std::size_t max_ratings = 100'000;           ///< ratings in one assessment
    std::size_t max_people = 1'000'000;          ///< people in one cohort report
    std::size_t max_mentors = 100'000;           ///< mentors in one match request
    std::size_t max_mentees = 1'000'000;         ///< mentees in one match request
    std::size_t max_match_pairs = 50'000'000;    ///< mentors x mentees in one match request
    std::size_t max_cohort_mentors = 10'000;     ///< mentors in one cohort plan request
    std::size_t max_cohort_learners = 10'000;    ///< learners in one cohort plan request
    /// Session occurrences of all the learners of one cohort plan together: every learner's
    /// plan is held until the mentors' sessions are placed (docs/limits.md).
    std::size_t max_cohort_sessions = 2'000'000;
};

CAREERPATH_NAMESPACE_END
