// careerpath — exports for people and diagram tools: the curriculum graph as Graphviz DOT or a
// Mermaid flowchart, a plan as a Mermaid Gantt chart, and a plan's sessions and milestones as an
// iCalendar file (README.md, "Exports"; careerpath_export in capi/careerpath.h).
#pragma once

#include <careerpath/curriculum.hpp>
#include <careerpath/date.hpp>
#include <careerpath/error.hpp>
#include <careerpath/limits.hpp>
#include <careerpath/plan.hpp>
#include <careerpath/plan_outline.hpp>
#include <careerpath/plan_request.hpp>
#include <careerpath/version.hpp>

#include <optional>
#include <string>
#include <string_view>

CAREERPATH_NAMESPACE_BEGIN

/// The curriculum graph as Graphviz DOT: one node per unit, named "skill@level" and labelled
/// with the skill's title and the level's name; an edge from each unit to every unit that
/// directly requires it (prerequisites and the level chain, in learning direction); the skills
/// of each area inside `subgraph "cluster_<area>"` (labelled with the area id), skills without
/// an area outside any cluster. Document order throughout, so the same curriculum always gives
/// the same text. No control character is written raw (README.md "Exports"): in IDs each is
/// written \uXXXX, in labels a line break is \n and any other a space.
std::string export_dot(const Curriculum &curriculum);

/// The same graph as a Mermaid `flowchart LR`: a `subgraph` per area, nodes with generated ids
/// (`u` and the unit index) and quoted labels (`"` written as `#quot;`, `%` as `#37;` and so on;
/// a line break as `<br/>`, any other control character as a space), the same edges.
std::string export_mermaid_graph(const Curriculum &curriculum);

// --- A plan -------------------------------------------------------------------------------------
//
// Each plan export takes the plan's outline (plan_outline.hpp): made from the model, or read
// from a plan document (what plan_to_json_text and careerpath_plan produce) by the `_from_json`
// functions, which parse the text under `limits` and read it with the library's plan reader. A
// document that is not a plan is Status::schema, "not a plan document: ...", with the JSON
// Pointer of the offending place. An outline made by hand that holds what the format cannot
// write (a unit finishing before it starts; a session of 0 or more than 1440 minutes, or
// outside 1400-9999 in UTC; two events with one UID) is the same error, its pointer naming the
// outline's field as the document would.

/// The plan as a Mermaid `gantt` chart: a section per phase holding its units (one task per path
/// unit, from its start to its finish day included, by length where it finishes on 9999-12-31,
/// whose next day has no four-digit year) and its milestone, units without a phase in a final
/// section "Other", and the remaining milestones in a final section "Milestones". Names are one
/// line each, with control characters and Mermaid's syntax characters made harmless (README.md
/// "Exports"). Late work is marked `crit`: a unit past its due date ("(late N days)" after its
/// name) and a missed milestone ("(missed, reached DATE)"). Given the curriculum, units are
/// named by their skills' titles ("Architectural patterns (advanced)"), else by "skill@level".
Result<std::string> export_mermaid_gantt(const PlanOutline &plan);
Result<std::string> export_mermaid_gantt(const Curriculum &curriculum, const PlanOutline &plan);
Result<std::string> export_mermaid_gantt(const Curriculum &curriculum, const PlanRequest &request, const Plan &plan);
Result<std::string> export_mermaid_gantt_from_json(std::string_view plan_document, const Limits &limits = {});
Result<std::string> export_mermaid_gantt_from_json(const Curriculum &curriculum, std::string_view plan_document,
                                                   const Limits &limits = {});

/// The plan as an iCalendar (RFC 5545) VCALENDAR with METHOD:PUBLISH, for calendar programs to
/// import or subscribe to:
///   - one VEVENT per session that is placed or moved, in the plan's order (a dropped session
///     has no time and is left out): SUMMARY the session's title (" with <mentor name>" added
///     when the plan has a mentor), DTSTART and DTEND from `start_utc` and `minutes`,
///     DESCRIPTION the agenda (units, the titles of the milestones it reviews, metrics),
///     CATEGORIES the type;
///   - then one all-day VEVENT per milestone (DTSTART;VALUE=DATE the due day, DTEND the day
///     after, or DURATION:P1D on 9999-12-31, whose next day has no four-digit year;
///     TRANSP:TRANSPARENT so it never shows as busy), DESCRIPTION when and whether it was
///     delivered and met.
/// Times are written in UTC ("...Z"), not as local times with TZID and a VTIMEZONE: the plan
/// already fixed every instant, UTC needs no time-zone rules in the file (which we would have to
/// generate from zoneinfo and which clients read unevenly), and every client shows UTC events in
/// the viewer's own zone. The learner's local start is repeated in DESCRIPTION.
/// UIDs are stable across runs and unique within and across plans: learner, program (empty when
/// none), plan start and either session type and occurrence or "milestone-" and milestone id,
/// joined by '.', then "@careerpath" (alex.technical_leadership.20270104.coaching.3@careerpath);
/// bytes other than letters, digits, '_' and '-' in the ids are written %XX, so the parts cannot
/// run into each other. In TEXT values a line break is "\n" and any other control character a
/// space. DTSTAMP is `as_of` in UTC when the plan has one, else the plan start at 00:00 UTC,
/// never the clock: the same plan always gives the same bytes. Lines end in CRLF and are folded
/// at 75 octets (RFC 5545 3.1). A document this export cannot write (a bad date-time, minutes
/// outside 1-1440, a repeated UID) is Status::schema with the JSON Pointer of the offending
/// place.
Result<std::string> export_ical(const PlanOutline &plan);
Result<std::string> export_ical(const Curriculum &curriculum, const PlanRequest &request, const Plan &plan);
Result<std::string> export_ical_from_json(std::string_view plan_document, const Limits &limits = {});

// --- Reports people read ------------------------------------------------------------------------

/// What an HTML report may be told besides its document.
struct HtmlOptions {
    /// The day the plan's Gantt chart marks "today". Without it: the plan's as_of (its date),
    /// else its replan_from (the plan's start unless re-planned). Never the clock, so that the
    /// same document always gives the same page.
    std::optional<Date> today;
};

/// A plan, a scorecard or a cohort report document as one self-contained HTML page (README.md
/// "Reports"): inline CSS and SVG, no script, nothing loaded from elsewhere. The document is told
/// apart by its shape: a plan has "path" and "summary", a scorecard "skills" and "readiness", a
/// cohort report "individuals". Titles of skills, roles, programs and the skills' activities come
/// from `curriculum`. Every id, title and message is written as text (& < > " ' escaped, control
/// characters as spaces), never as markup. A document of none of the three shapes, or with a
/// member of the wrong type, is Status::schema with the JSON Pointer of the place ("" for the
/// whole document).
Result<std::string> export_html_from_json(const Curriculum &curriculum, std::string_view document,
                                          const HtmlOptions &options = {}, const Limits &limits = {});

/// A plan, a scorecard or a cohort report document as the text report the command line prints
/// (README.md "The text report"): told apart by shape (a plan has "path" and "summary", a scorecard
/// "skills" and "readiness", a cohort report "individuals"); skills, roles and programs named by
/// their titles in `curriculum`, units' activities listed, the summary in words, tables as wide
/// as what they hold. A document of none of the three shapes is Status::schema at "" (the whole
/// document); a member of the wrong type, Status::schema at its JSON Pointer. plan_to_text,
/// scorecard_to_text and cohort_to_text give this text of the documents they write.
Result<std::string> export_text_from_json(const Curriculum &curriculum, std::string_view document,
                                          const Limits &limits = {});

CAREERPATH_NAMESPACE_END
