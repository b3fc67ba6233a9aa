# The command line on good and bad files: exit status, and what it prints where.
#   cmake -DCLI=path/to/careerpath -DDATA=tests/cli -DEXAMPLES=examples/data [-DWORK=scratch/dir] -P cli_test.cmake
# (WORK, when given, holds files the checks write, such as the raw bytes of an iCalendar export.)

set(failures 0)

# run(<name> <expected exit> <regex on stdout> <regex on stderr> args...)
function(run name expected_rc stdout_re stderr_re)
  execute_process(COMMAND ${CLI} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(ok TRUE)
  if(NOT rc STREQUAL "${expected_rc}")
    set(ok FALSE)
    message("[${name}] exit status ${rc}, expected ${expected_rc}")
  endif()
  if(NOT stdout_re STREQUAL "" AND NOT out MATCHES "${stdout_re}")
    set(ok FALSE)
    message("[${name}] stdout does not match: ${stdout_re}\n--- stdout:\n${out}")
  endif()
  if(NOT stderr_re STREQUAL "" AND NOT err MATCHES "${stderr_re}")
    set(ok FALSE)
    message("[${name}] stderr does not match: ${stderr_re}\n--- stderr:\n${err}")
  endif()
  if(ok)
    message("[${name}] ok")
  else()
    math(EXPR n "${failures} + 1")
    set(failures ${n} PARENT_SCOPE)
  endif()
endfunction()

run(validate-example 0 "valid curriculum \"engineering-growth\": [0-9]+ skills" ""
    validate ${EXAMPLES}/engineering-growth.json)
run(describe-example-text 0 "Programs:.*technical_leadership.*management_transition" ""
    describe ${EXAMPLES}/engineering-growth.json)
run(describe-example-json 0 "\"counts\": {" "" describe --format json ${EXAMPLES}/engineering-growth.json)

# The 3-skill cycle, printed in order (each unit requires the next), with the place in the file.
run(cycle 1 ""
    "cycle3.json:[0-9]+:[0-9]+: error: prerequisites form a cycle: architecture@intermediate -> influence@beginner -> communication@intermediate -> architecture@intermediate.*CAREERPATH_ERR_CYCLE.*at: /prerequisites/0"
    validate ${DATA}/cycle3.json)
# An unknown prerequisite names its pointer, and the line and column of the value.
run(unknown-prerequisite 1 ""
    "unknown_prerequisite.json:10:43: error: unknown skill \"comunication\".*CAREERPATH_ERR_REFERENCE.*at: /prerequisites/1/requires"
    validate ${DATA}/unknown_prerequisite.json)
# Malformed JSON: file, line and column of the fault, and its byte offset.
run(malformed 1 "" "malformed.json:5:28: error: malformed JSON at byte 95 \\(line 5, column 28\\).*CAREERPATH_ERR_PARSE"
    validate ${DATA}/malformed.json)
run(missing-file 1 "" "no-such-file.json: error: cannot read the file" validate ${DATA}/no-such-file.json)

# Bad usage exits 2.
run(no-command 2 "" "no command given")
run(unknown-command 2 "" "unknown command \"frobnicate\"" frobnicate x.json)
run(no-file 2 "" "validate needs a curriculum FILE" validate)
run(plan-needs-two 2 "" "plan needs a CURRICULUM and a REQUEST file" plan ${EXAMPLES}/engineering-growth.json)

# Plans: the text report and the JSON document.
run(plan-alex-text 0 "Plan for Alex: Staff Engineer.*Gaps.*Path.*Phases.*Milestones.*Summary.*target 2027-07-03 met" ""
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json)
run(plan-maria-json 0 "\"summary\": {.*\"target_met\": true" ""
    plan --format json ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/maria.request.json)
run(plan-bad-date 1 "" "bad_date.request.json:[0-9]+:[0-9]+: error: start \"2027-02-30\" is not a date.*CAREERPATH_ERR_SCHEMA.*at: /start"
    plan ${EXAMPLES}/engineering-growth.json ${DATA}/bad_date.request.json)
# Exports: the unit graph as DOT (the default) or Mermaid, and a plan as a Mermaid Gantt chart.
run(graph-dot 0 "^digraph \"engineering-growth\" {.*subgraph \"cluster_.*\" -> \"" ""
    graph ${EXAMPLES}/engineering-growth.json)
run(graph-dot-explicit 0 "^digraph" "" graph --format dot ${EXAMPLES}/engineering-growth.json)
run(graph-mermaid 0 "^flowchart LR\n.*subgraph .* --> " "" graph --format mermaid ${EXAMPLES}/engineering-growth.json)
run(graph-bad-format 2 "" "unknown format \"json\" for graph" graph --format json ${EXAMPLES}/engineering-growth.json)
run(plan-alex-mermaid 0 "^gantt\n.*dateFormat YYYY-MM-DD.*section System design fundamentals.*:milestone, " ""
    plan --format mermaid ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json)
# A plan as iCalendar: one event per placed or moved session and milestone. execute_process turns
# CRLF into LF in OUTPUT_VARIABLE, so the line ends are checked on the raw bytes of a file.
run(plan-alex-ical 0 "^BEGIN:VCALENDAR\nVERSION:2.0\n.*BEGIN:VEVENT\nUID:alex\\.technical_leadership\\.20270104\\.coaching\\.1@careerpath\n.*DTSTART;VALUE=DATE:.*END:VCALENDAR\n$" ""
    plan --format ical ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json)
if(DEFINED WORK)
  file(MAKE_DIRECTORY ${WORK})
  execute_process(COMMAND ${CLI} plan --format ical ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json
                  RESULT_VARIABLE rc OUTPUT_FILE ${WORK}/alex.ics)
  file(READ ${WORK}/alex.ics ics HEX)
  string(REGEX REPLACE "0d0a" "" without_crlf "${ics}")
  # "BEGIN:VCALENDAR" CRLF at the start, and no LF (0a) left once the CRLFs are gone.
  if(NOT rc EQUAL 0 OR NOT ics MATCHES "^424547494e3a5643414c454e4441520d0a" OR without_crlf MATCHES "^(..)*0a")
    message("[plan-alex-ical-crlf] not CRLF line ends (exit status ${rc})")
    math(EXPR failures "${failures} + 1")
  else()
    message("[plan-alex-ical-crlf] ok")
  endif()
endif()
# Scorecards: the text report and the JSON document; a bad request names its place and pointer.
run(score-text 0 "Scorecard for Alex: Staff Engineer \\(Technical Leadership Development\\).*architectural_patterns .*\\[blind_spot\\].*Readiness for Staff Engineer: 0\\.232.*Composite: 0\\.744.*achieved" ""
    score ${EXAMPLES}/engineering-growth.json ${DATA}/score.request.json)
run(score-json 0 "^{\n  \"as_of\": \"2027-06-04\",.*\"blind_spots\": \\[\n    \"architectural_patterns\"\n  \\],.*\"readiness\": 0\\.231707" ""
    score --format json ${EXAMPLES}/engineering-growth.json ${DATA}/score.request.json)
run(score-unknown-skill 1 ""
    "unknown_skill\\.score\\.json:8:17: error: unknown skill \"juggling\".*CAREERPATH_ERR_REFERENCE.*at: /assessments/0/ratings/1/skill"
    score ${EXAMPLES}/engineering-growth.json ${DATA}/unknown_skill.score.json)
run(score-malformed 1 "" "malformed\\.json:5:28: error: malformed JSON.*CAREERPATH_ERR_PARSE"
    score ${EXAMPLES}/engineering-growth.json ${DATA}/malformed.json)
run(score-missing-request 1 "" "no-such-file\\.json: error: cannot read the file"
    score ${EXAMPLES}/engineering-growth.json ${DATA}/no-such-file.json)
run(score-needs-two 2 "" "score needs a CURRICULUM and a REQUEST file" score ${EXAMPLES}/engineering-growth.json)
run(score-bad-format 2 "" "unknown format \"ical\" for score"
    score --format ical ${EXAMPLES}/engineering-growth.json ${DATA}/score.request.json)
# Cohort reports: the ROI table, with a row of fewer than min_group_size people suppressed.
run(cohort-text 0 "ROI by individual, team and organization.*Individuals \\(all\\) +3 +33% \\(n=3\\) +50% \\(n=2\\).*fastgrow / mobile +1 +-- \\(n=1\\)" ""
    cohort ${EXAMPLES}/engineering-growth.json ${DATA}/cohort.request.json)
run(cohort-json 0 "^{\n  \"individuals\": {.*\"people\": 3,.*\"retention_rate\": {\n      \"n\": 2,\n      \"suppressed\": false,\n      \"value\": 0\\.5\n    }.*\"min_group_size\": 2" ""
    cohort --format json ${EXAMPLES}/engineering-growth.json ${DATA}/cohort.request.json)
run(cohort-late-assessment 1 ""
    "late_assessment\\.cohort\\.json:8:17: error: the assessment is dated 2027-03-02, after the as-of date 2027-03-01.*CAREERPATH_ERR_SCHEMA.*at: /people/1/assessments/0/date"
    cohort ${EXAMPLES}/engineering-growth.json ${DATA}/late_assessment.cohort.json)
run(cohort-needs-two 2 "" "cohort needs a CURRICULUM and a REQUEST file" cohort ${EXAMPLES}/engineering-growth.json)
run(cohort-too-many 2 "" "too many arguments"
    cohort ${EXAMPLES}/engineering-growth.json ${DATA}/cohort.request.json ${DATA}/cohort.request.json)
run(cohort-bad-format 2 "" "unknown format \"mermaid\" for cohort"
    cohort --format mermaid ${EXAMPLES}/engineering-growth.json ${DATA}/cohort.request.json)
run(plan-bad-format 2 "" "unknown format \"ics\" for plan" plan --format ics ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json)
run(bad-format 2 "" "unknown format" describe --format yaml ${EXAMPLES}/engineering-growth.json)
run(unknown-option 2 "" "unknown option" validate --frobnicate ${EXAMPLES}/engineering-growth.json)
run(help 0 "usage: careerpath.*  score CURRICULUM REQUEST.*  cohort CURRICULUM REQUEST" "" --help)
run(version 0 "careerpath [0-9]+\\.[0-9]+\\.[0-9]+" "" --version)

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} command-line checks failed")
endif()
