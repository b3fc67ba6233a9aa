// careerpath — scheduling jobs on one machine to minimize the maximum lateness, with release
// dates, precedence and preemption (1|prec;r_j;pmtn|Lmax), on the working-hour axis. The
// calendar and the curriculum stay outside: this is the algorithm alone.
#pragma once

#include <careerpath/version.hpp>

#include <cstddef>
#include <vector>

CAREERPATH_NAMESPACE_BEGIN

struct Job {
    double hours = 0;     ///< processing time, >= 0
    double release = 0;   ///< may not start before this hour
    double due = 0;       ///< should finish by this hour
    double weight = 1;    ///< ties between equal modified due dates: higher weight first
    std::size_t rank = 0; ///< last tie-break: lower rank first (the caller ranks jobs by id)
    std::vector<std::size_t> predecessors;  ///< jobs that must finish before this one starts
};

struct ScheduledJob {
    double start = 0;             ///< hour the job first runs; a 0-hour job starts and finishes when it is picked
    double finish = 0;            ///< hour it completes
    double modified_release = 0;  ///< release after propagation along the precedence
    double modified_due = 0;      ///< due after propagation: no later than any successor's due minus its hours
    double lateness = 0;          ///< finish - due (the job's own due, before propagation)
};

struct Schedule {
    std::vector<ScheduledJob> jobs;       ///< indexed like the input
    std::vector<std::size_t> order;       ///< job indices by start, then finish, then rank
    double max_lateness = 0;              ///< the objective; max over jobs of finish - due
    double finish = 0;                    ///< when the last job completes
    double lower_bound_finish = 0;        ///< no schedule finishes earlier (release + remaining work)
};

/// Propagates release dates forward and due dates backward along the precedence, then always
/// runs the released, ready job with the earliest modified due date (ties: higher weight, then
/// lower rank), preempting when a more urgent job is released. Optimal for
/// 1|prec;r_j;pmtn|Lmax, and never idle while work is ready, so `finish` meets
/// `lower_bound_finish`. A job becomes available when its modified release has come and all its
/// predecessors have finished; a 0-hour job completes the moment it is picked, which may be after
/// it became available if a more urgent job was running. Times within 1e-9 hours count as equal
/// on the hour axis. No jobs: an empty schedule with every number 0. The predecessors must form a
/// DAG of valid indices (the caller checks). O((n + e) log n) for n jobs and e precedence edges.
Schedule schedule_min_max_lateness(const std::vector<Job> &jobs);

CAREERPATH_NAMESPACE_END
