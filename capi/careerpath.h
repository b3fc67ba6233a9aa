/*
 * careerpath — the C ABI.
 *
 * Coarse-grained, document in and document out: every input and output is a JSON document (or a
 * text export), so a new feature is a new JSON key and never a new signature. Once a function
 * below ships, its signature never changes; new behaviour gets a new function. Every function
 * carries the symbol version of the release that first shipped it (capi/careerpath.map), and the
 * abi.baseline test holds each build to the ABI of the shipped release (README.md, "Guarantees").
 *
 * Conventions
 *   - Every function that can fail returns a careerpath_status. The message and the JSON Pointer
 *     of the last failure on the calling thread are kept for careerpath_last_error() and
 *     careerpath_last_error_pointer(); a successful call clears them.
 *   - Out-parameters come first, and on failure are left NULL.
 *   - Buffers returned through `char **` are NUL-terminated UTF-8, belong to the caller and are
 *     released with careerpath_free(), never with free(). Handles are released with their own
 *     _free function. Both accept NULL. Any other pointer the library hands out (the strings of
 *     careerpath_last_error(), careerpath_status_name(), ..., a batch's line) stays the
 *     library's: it is never freed by the caller, and lives as long as its function says.
 *   - Lifetimes: a curriculum must outlive every call that uses it, on any thread, a running
 *     careerpath_plan_batch() included; free it only once all of them have returned. Input
 *     buffers are read during the call only and never kept, so they must stay valid and unchanged
 *     until the call returns, and may be reused or freed after it.
 *   - Documents in are `len` bytes, need not be NUL-terminated, and are exactly that long: a NUL
 *     byte ends nothing (after the document it is CAREERPATH_ERR_PARSE at that byte). A NULL
 *     document is CAREERPATH_ERR_ARGUMENT, whatever `len` says.
 *   - Messages are printable UTF-8: control characters and bytes that are not UTF-8 in the input
 *     that a message quotes are written as \u00NN and \xNN.
 *   - Out of memory is CAREERPATH_ERR_MEMORY from every function, never an abort: nothing
 *     leaks, out-parameters stay NULL and the handles passed in work as before.
 *   - Every function is safe to call from many threads at once; a curriculum handle is read-only
 *     after it is loaded and may be shared between threads.
 *
 * Licensed under the Apache License, Version 2.0.
 */
#ifndef CAREERPATH_H
#define CAREERPATH_H

#include <stddef.h>

#if defined(_WIN32)
#  if defined(CAREERPATH_BUILDING)
#    define CAREERPATH_API __declspec(dllexport)
#  else
#    define CAREERPATH_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define CAREERPATH_API __attribute__((visibility("default")))
#else
#  define CAREERPATH_API
#endif

#define CAREERPATH_VERSION_MAJOR 0
#define CAREERPATH_VERSION_MINOR 2
#define CAREERPATH_VERSION_PATCH 0
#define CAREERPATH_VERSION \
    (CAREERPATH_VERSION_MAJOR * 10000 + CAREERPATH_VERSION_MINOR * 100 + CAREERPATH_VERSION_PATCH)

/* The "schema_version" member of every JSON document this library writes, "MAJOR.MINOR": MINOR
   grows when a document gains something, MAJOR when one loses or changes something a reader could
   rely on. Independent of the library's version (README.md, "Schemas", "Document versions"). */
#define CAREERPATH_SCHEMA_VERSION "1.0"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum careerpath_status {
    CAREERPATH_OK = 0,
    CAREERPATH_ERR_ARGUMENT = 1,   /* NULL or otherwise unusable argument */
    CAREERPATH_ERR_PARSE = 2,      /* not well-formed JSON */
    CAREERPATH_ERR_SCHEMA = 3,     /* well-formed, but wrong shape, type or value */
    CAREERPATH_ERR_REFERENCE = 4,  /* names something that does not exist */
    CAREERPATH_ERR_CYCLE = 5,      /* prerequisites or role extensions form a cycle */
    CAREERPATH_ERR_INFEASIBLE = 6, /* no plan can exist, e.g. zero learning capacity */
    CAREERPATH_ERR_LIMIT = 7,      /* input beyond a documented limit */
    CAREERPATH_ERR_MEMORY = 8,
    CAREERPATH_ERR_CANCELLED = 9,
    CAREERPATH_ERR_INTERNAL = 10
} careerpath_status;

/* A loaded, validated curriculum. Immutable: share it across threads. */
typedef struct careerpath_curriculum careerpath_curriculum;

/* MAJOR*10000 + MINOR*100 + PATCH of the library actually loaded (compare CAREERPATH_VERSION). */
CAREERPATH_API unsigned careerpath_version(void);
/* "MAJOR.MINOR.PATCH". Static storage; never NULL. */
CAREERPATH_API const char *careerpath_version_string(void);
/* "CAREERPATH_OK", "CAREERPATH_ERR_SCHEMA", ...; "CAREERPATH_UNKNOWN_STATUS" for any other value.
   Stateless, static storage; never NULL. */
CAREERPATH_API const char *careerpath_status_name(careerpath_status status);
/* Message of this thread's last failure, "" if the last call succeeded. Valid until this thread's
   next careerpath_ call. Never NULL. */
CAREERPATH_API const char *careerpath_last_error(void);
/* RFC 6901 JSON Pointer into the failing input ("/skills/3/hours"), "" if none (for example for
   malformed JSON, whose message gives the byte offset, line and column instead). Never NULL. */
CAREERPATH_API const char *careerpath_last_error_pointer(void);

/* Parses and validates a curriculum document of `len` bytes (need not be NUL-terminated). */
CAREERPATH_API careerpath_status careerpath_curriculum_load(careerpath_curriculum **out,
                                                            const char *json, size_t len);
/* Releases a curriculum. NULL: no-op. Only once no call that uses it is still running, on any
   thread: freeing it while a call still uses it (for example from the sink of a
   careerpath_plan_batch on it) is undefined behaviour, typically a crash. */
CAREERPATH_API void careerpath_curriculum_free(careerpath_curriculum *curriculum);
/* A JSON summary: id, title, the level scale, counts of skills, units, edges, prerequisites,
   roles, programs, session types, metrics and areas, and the ids of each. */
CAREERPATH_API careerpath_status careerpath_curriculum_describe(const careerpath_curriculum *curriculum,
                                                                char **out_json);

/* Plans one request (README.md, "A plan"; docs/reference.md, "Plan request", "Plan"): `request` is
   a JSON document of `len` bytes; on success *out_json is the plan as a JSON document. A request
   the curriculum cannot satisfy names the offending field: unknown program, role or skill
   (ERR_REFERENCE), a level off the scale or an impossible date (ERR_SCHEMA), no learning capacity
   (ERR_INFEASIBLE), a plan past the horizon limit (ERR_LIMIT). */
CAREERPATH_API careerpath_status careerpath_plan(const careerpath_curriculum *curriculum, const char *request,
                                                 size_t len, char **out_json);

/* Receives one line of a batch's output (`len` bytes, NUL-terminated, without a line break) on
   the thread that called the batch function; `user` is the caller's pointer. Returning nonzero
   stops the batch.
   `line` is the library's and valid only until the sink returns: copy what you keep, and never
   pass it to careerpath_free(). The sink runs while worker threads are still planning other
   lines with the batch's curriculum and reading its requests buffer, so it must not free that
   curriculum (careerpath_curriculum_free) nor free or change that buffer. It may call the other
   careerpath_ functions, with this curriculum or another; those calls set this thread's
   careerpath_last_error() as usual, and the batch sets it again when it returns. It must return
   normally (no longjmp out of it): the batch stops and joins its workers before it returns. */
typedef int (*careerpath_sink_fn)(const char *line, size_t len, void *user);

/* Plans every line of a JSON Lines buffer (`len` bytes; lines end with LF, a trailing CR is
   ignored; the empty text after a final LF is not a line) on `threads` worker threads (0: one
   per core) and hands each result to `sink` on the calling thread, in input order, one call per
   input line (at most 256 threads are started): the plan exactly as careerpath_plan returns it,
   or, for a bad line,
   {"error": {"line": n, "status": "CAREERPATH_ERR_...", "message": ..., "pointer": ...}} while
   the other lines go on. At most 8 lines per thread are in flight, so memory stays bounded
   however many lines there are. A nonzero return from `sink` stops the batch: the workers finish
   the lines they hold and the call returns ERR_CANCELLED. NULL curriculum or sink, or NULL
   requests with len > 0, is ERR_ARGUMENT.
   The curriculum and `requests_jsonl` must stay valid and unchanged until the call returns: the
   workers use both while the sink runs (see careerpath_sink_fn for what the sink may do). */
CAREERPATH_API careerpath_status careerpath_plan_batch(const careerpath_curriculum *curriculum,
                                                       const char *requests_jsonl, size_t len, unsigned threads,
                                                       careerpath_sink_fn sink, void *user);

/* Scores one learner (docs/scoring.md, "The score request"): `request` is a JSON
   document of `len` bytes; on success *out_json is the scorecard as a JSON document (skills with
   their estimates, readiness, growth, gap closed, metrics, the composite and, given a plan, the
   progress against it). A request the curriculum cannot satisfy names the offending field: an
   unknown program, role, metric, skill, level name or rater group (ERR_REFERENCE), a level index
   off the scale, an assessment dated after `as_of` or a survey answer off its scale (ERR_SCHEMA). */
CAREERPATH_API careerpath_status careerpath_score(const careerpath_curriculum *c, const char *request, size_t len,
                                                  char **out_json);

/* A cohort report (docs/scoring.md, "The cohort report"): `request` is {"min_group_size": 5,
   "people": [score request, ...]} of `len` bytes; on success *out_json is the ROI table for all
   individuals, per team and per organization, each figure with its n and suppressed under the
   minimum group size. With "economics": {"currency", "replacement_cost", "baseline_retention"} each
   row adds the investment, cost per promotion, turnover cost avoided and ROI, amounts in exact
   cents (README "Money"). A bad person fails the whole report with that person's error, its pointer
   under /people/K. */
CAREERPATH_API careerpath_status careerpath_cohort(const careerpath_curriculum *c, const char *request, size_t len,
                                                   char **out_json);

/* Mentor matching (docs/matching.md): `request` is {"program", "mode":
   "score" | "participation", "mentors": [...], "mentees": [...], ...} of `len` bytes; on success
   *out_json holds the assignment that is optimal under the mentors' capacities and the
   exclusions, each assigned pair's score explained, every pair's score (or exclusion) listed per
   mentee, the unmatched mentees with their reasons and, for a group program, the groups formed.
   A bad request names the offending field: an unknown program, role, skill, level name or
   excluded person (ERR_REFERENCE), a duplicate id or a value of the wrong shape (ERR_SCHEMA),
   more mentors, mentees or pairs than the limits allow (ERR_LIMIT). */
CAREERPATH_API careerpath_status careerpath_match(const careerpath_curriculum *c, const char *request, size_t len,
                                                  char **out_json);

/* A text export. `format` chooses what is drawn:
     "dot"           the curriculum graph as Graphviz DOT (units, prerequisite and level-chain
                     edges in learning direction, a cluster per area);
     "mermaid-graph" the same graph as a Mermaid flowchart;
     "mermaid-gantt" a plan as a Mermaid Gantt chart: `input` is the plan JSON document of `len`
                     bytes (what careerpath_plan returns; NULL is ERR_ARGUMENT); a document that
                     is not a plan is ERR_SCHEMA with its pointer; units and late work (crit)
                     named by their titles;
     "ical"          a plan's placed and moved sessions and its milestones (all-day) as an
                     iCalendar (RFC 5545) VCALENDAR: CRLF line ends, times in UTC, stable UIDs,
                     DTSTAMP from the plan's `as_of` (else its start), so the same plan always
                     gives the same bytes; `input` as for "mermaid-gantt";
     "text"          the report the command line prints, of a plan, a scorecard or a cohort
                     report document (told apart by shape; one of none of the three shapes is
                     ERR_SCHEMA with the pointer ""), with the curriculum's titles.
     "html"          a plan, a scorecard or a cohort report document (told apart by its shape)
                     as one self-contained HTML page: inline CSS and SVG, no script, nothing
                     loaded from elsewhere; ids, titles and messages written as text. A document
                     of none of the three shapes is ERR_SCHEMA with its pointer. "html;today=
                     YYYY-MM-DD" sets the day the plan's chart marks as today (default: the plan's
                     as_of, else its replan_from), never the clock.
   "dot" and "mermaid-graph" take no input (`input` NULL, or ignored). Any other format is
   ERR_ARGUMENT, with a message listing the supported formats. On success *out_text is the
   NUL-terminated text. */
CAREERPATH_API careerpath_status careerpath_export(const careerpath_curriculum *c, const char *format,
                                                   const char *input, size_t len, char **out_text);

/* Plans a cohort: learners who share mentors planned together, one calendar per mentor (README
   "Cohort planning", docs/cohort-planning.md). `request` is {"mentors": [...], "learners": [...]}
   of `len` bytes: each mentor as a plan request's mentor object (id, time_zone, available, busy)
   with an optional "max_hours_per_week"; each learner a plan request whose "mentor" is a mentor's
   id. On success *out_json is {"mentors": [...], "plans": [...], "summary": {...}}: every
   learner's plan in input order, each exactly what careerpath_plan gives for the learner's
   request with their mentor in it except for the sessions (and the warnings about them), which
   are placed jointly so that no mentor and no learner is in two sessions at once and no mentor
   exceeds their weekly hours; and each mentor's calendar, the sessions naming the learner. The
   learning paths are planned on one thread per core. A bad request names the offending field:
   a learner naming an unknown mentor (ERR_REFERENCE), a mentor without availability, negative
   weekly hours, a mentor or learner id given twice (ERR_SCHEMA), more mentors, learners or
   session occurrences than the limits allow (ERR_LIMIT), and any error of a learner's plan under
   /learners/K. Since 0.2 (symbol version CAREERPATH_0.2). */
CAREERPATH_API careerpath_status careerpath_plan_cohort(const careerpath_curriculum *c, const char *request, size_t len,
                                                        char **out_json);

/* Imports a published competency framework as a curriculum (docs/importing.md): `format` is
   "case" (a 1EdTech CASE 1.0/1.1 package, JSON) or "onet" (O*NET's Skills table in its
   tab-delimited text layout, optionally followed by its Occupation Data table), with options
   after ';' as NAME=VALUE: "hours" (hours per level step, 0 to 10000, default 10) for both,
   "importance" (the least Importance a role requires, 1 to 5, default 3.0) for onet:
   "case;hours=8", "onet;hours=10;importance=3.0". `input` is `len` bytes. On success *out_json
   is a curriculum document that careerpath_curriculum_load accepts, plus "import" (format,
   options used, source), "import_notes" (everything the curriculum does not carry, each with a
   code, a message and where the input has it) and "areas" (the area hierarchy with titles).
   An unknown format or option is ERR_ARGUMENT; input that does not match its format ERR_SCHEMA
   with its place: a JSON Pointer into a CASE package, "/LINE/COLUMN NAME" in O*NET text (LINE
   from 1, the header line being 1); malformed JSON ERR_PARSE; a `precedes` or `isChildOf` cycle
   ERR_CYCLE naming its items; an input or result past a limit (docs/limits.md) ERR_LIMIT.
   Since 0.2 (symbol version CAREERPATH_0.2). */
CAREERPATH_API careerpath_status careerpath_import(const char *format, const char *input, size_t len,
                                                   char **out_json);

/* Releases any buffer returned above. NULL: no-op. */
CAREERPATH_API void careerpath_free(void *buffer);

#ifdef __cplusplus
}
#endif

#endif /* CAREERPATH_H */
