# The command line on good and bad files: exit status, and what it prints where.
#   cmake -DCLI=path/to/careerpath -DDATA=tests/cli -DEXAMPLES=examples/data [-DWORK=scratch/dir] -P cli_test.cmake
# (WORK, when given, holds files the checks write, such as the raw bytes of an iCalendar export.)

set(failures 0)

# run(<name> <expected exit> <regex on stdout> <regex on stderr> args...)
# Prints the outcome of one check and counts a failure (in the caller's `failures`).
macro(report name ok)
  if("${ok}" STREQUAL "TRUE")
    message("[${name}] ok")
  else()
    math(EXPR failures "${failures} + 1")
  endif()
endmacro()

function(run name expected_rc stdout_re stderr_re)
  execute_process(COMMAND ${CLI} ${ARGN} ${run_input} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
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
  report(${name} ${ok})
  set(failures ${failures} PARENT_SCOPE)
  set(run_stdout "${out}" PARENT_SCOPE)
endfunction()

# run_stdin(<name> <expected exit> <regex on stdout> <file on stdin> args...): run() with the
# file on standard input; run_stdout is what it printed.
function(run_stdin name expected_rc stdout_re input)
  set(run_input INPUT_FILE ${input})
  run(${name} ${expected_rc} "${stdout_re}" "" ${ARGN})
  set(failures ${failures} PARENT_SCOPE)
  set(run_stdout "${run_stdout}" PARENT_SCOPE)
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
run(missing-file 1 "" "no-such-file\\.json: error: cannot read: No such file or directory" validate ${DATA}/no-such-file.json)

# Bad usage exits 2.
run(no-command 2 "" "no command given")
run(unknown-command 2 "" "unknown command \"frobnicate\"" frobnicate x.json)
run(no-file 2 "" "validate needs a curriculum FILE" validate)
run(plan-needs-two 2 "" "plan needs a CURRICULUM and a REQUEST file" plan ${EXAMPLES}/engineering-growth.json)

# Plans: the text report and the JSON document. The report names skills by title, lists each
# unit's activities, and says the summary in words.
run(plan-alex-text 0 "Plan for Alex: Staff Engineer.*Gaps.*Path.*Phases.*Milestones.*Summary.*finishes on 2027-06-03, 30 days before the target date 2027-07-03.*the target date is met" ""
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json)
run(plan-alex-text-words 0 "\n  Architectural patterns \\(architectural_patterns\\)  +intermediate  +advanced  +20 h  +required, weight 2\n.*\n  2027-01-04 to 2027-01-27  Architectural patterns \\(advanced\\)  +20 h  due 2027-03-03  System design fundamentals\n      - Architecture review simulations \\(review\\)\n.*\n  8 units, 114 hours of learning; the longest chain of prerequisites takes 38 hours\n.*every unit on time, with 1\\.6 working hours to spare at the tightest" ""
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json)
# A re-plan past due dates: the late units and the missed milestones said so.
run(plan-alex-replan-late 0 "Scalability planning \\(advanced\\) +9 h  due 2027-03-03, LATE by 21 days.*due 2027-03-03  System design fundamentals complete  reached 2027-03-24, 21 days late  MISSED.*some units late: up to" ""
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.replan.request.json)
# A request on standard input, and --set changes to it: 8 hours a week instead of 6, a later
# target date.
run(plan-request-file 0 "^Plan for Alex" "" plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json)
# A request that leaves the phases' units out of its document: the report counts none, rather
# than "0 units"; with them, each phase's count.
run(plan-omit-phase-units 0 "\nPhases\n  System design fundamentals  2027-01-04 to 2027-03-03  38 h  done 2027-02-18, on time\n" ""
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json --set "omit=[\"phases.units\"]")
run(plan-phase-units 0 "\nPhases\n  System design fundamentals  2027-01-04 to 2027-03-03  2 units  38 h  done 2027-02-18, on time\n" ""
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json)
set(from_file "${run_stdout}")
run_stdin(plan-request-stdin 0 "^Plan for Alex" ${EXAMPLES}/alex.request.json plan ${EXAMPLES}/engineering-growth.json -)
if(NOT run_stdout STREQUAL from_file)
  message("[plan-request-stdin] the plan of a request on stdin differs from the file's")
  math(EXPR failures "${failures} + 1")
endif()
run(plan-set-hours 0 "^Plan for Alex: Staff Engineer \\(Technical Leadership Development\\)\n2027-01-04 to 2027-07-03, 8 hours a week\n.*the learner has 8\n" ""
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json --set learner.hours_per_week=8)
run(plan-set-pointer-and-date 0 "\"hours_per_week\": 8\\.0,.*\"target_date\": \"2027-12-31\"" ""
    plan --format json ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json
    --set /learner/hours_per_week=8 --set=target_date=2027-12-31)
run_stdin(plan-set-stdin 0 "^Plan for Alex: [^\n]*\n2027-01-04 to 2027-07-03, 8 hours a week\n" ${EXAMPLES}/alex.request.json
          plan ${EXAMPLES}/engineering-growth.json - --set learner.hours_per_week=8)
# The curriculum on standard input works as well.
run_stdin(plan-curriculum-stdin 0 "^Plan for Alex" ${EXAMPLES}/engineering-growth.json plan - ${EXAMPLES}/alex.request.json)
run(plan-set-bad-path 2 "" "careerpath: --set: bad path \"learner.hours_per_week.x\": /learner/hours_per_week is number, which has no member \"x\""
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json --set learner.hours_per_week.x=1)
run(plan-set-empty-segment 2 "" "--set: bad path \"learner..name\""
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json --set learner..name=Al)
run(plan-set-no-value 2 "" "--set needs PATH=VALUE, not \"learner.hours_per_week\""
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json --set learner.hours_per_week)
run(set-elsewhere 2 "" "--set is for plan, score, cohort, match and cohort-plan only"
    describe ${EXAMPLES}/engineering-growth.json --set a=1)
run(stdin-twice 2 "" "standard input \\(-\\) can be read for one file only" plan - -)
# Did you mean: the nearest id of an unknown skill, role or program; a level not on the scale
# lists the scale.
run(did-you-mean-skill 1 "" "error: unknown skill \"one_on_one_skill\": no skill has this id; did you mean \"one_on_one_skills\"\\?\n.*at: /learner/current/one_on_one_skill"
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json --set learner.current.one_on_one_skill=beginner)
run(did-you-mean-role 1 "" "error: unknown role \"Staff_Enginer\": no role has this id; did you mean \"staff_engineer\"\\?\n.*at: /target_role"
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json --set target_role=Staff_Enginer)
run(did-you-mean-program 1 "" "error: unknown program \"technical_leadershp\": no program has this id; did you mean \"technical_leadership\"\\?\n.*at: /program"
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json --set program=technical_leadershp)
run(did-you-mean-level 1 "" "error: level \"Beginner\" is not on the level scale \\(none, beginner, intermediate, advanced, expert\\); did you mean \"beginner\"\\?\n.*at: /learner/current/change_management"
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json --set learner.current.change_management=Beginner)
run(did-you-mean-none 1 "" "unknown skill \"juggling\": no skill has this id\n"
    score ${EXAMPLES}/engineering-growth.json ${DATA}/unknown_skill.score.json)
run(plan-maria-json 0 "\"summary\": {.*\"target_met\": true" ""
    plan --format json ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/maria.request.json)
# One warning per cause, one line each, as README.md "Warnings" quotes Maria's.
run(plan-maria-warnings 0 "\nWarnings\n  \\[session_dropped\\] 2 sessions are dropped \\(1:1 Coaching: 2 of 39\\) in windows from 2027-08-09 to 2027-08-22: no slot of their windows could hold them; each was in the learner's time off \\(time_off\\)\n\nSummary\n" ""
    plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/maria.request.json)
run(plan-maria-warnings-json 0 "\"count\": 2,.*\"sessions\": \\[\n +{\n +\"occurrence\": [0-9]+,\n +\"type\": \"coaching\"" ""
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
run(score-text 0 "Scorecard for Alex: Staff Engineer \\(Technical Leadership Development\\).*Architectural patterns .*\\[blind_spot\\].*Readiness for Staff Engineer: 0\\.232.*Composite: 0\\.744.*achieved" ""
    score ${EXAMPLES}/engineering-growth.json ${DATA}/score.request.json)
run(score-json 0 "^{\n  \"as_of\": \"2027-06-04\",.*\"blind_spots\": \\[\n    \"architectural_patterns\"\n  \\],.*\"readiness\": 0\\.231707" ""
    score --format json ${EXAMPLES}/engineering-growth.json ${DATA}/score.request.json)
run(score-unknown-skill 1 ""
    "unknown_skill\\.score\\.json:8:17: error: unknown skill \"juggling\".*CAREERPATH_ERR_REFERENCE.*at: /assessments/0/ratings/1/skill"
    score ${EXAMPLES}/engineering-growth.json ${DATA}/unknown_skill.score.json)
run(score-malformed 1 "" "malformed\\.json:5:28: error: malformed JSON.*CAREERPATH_ERR_PARSE"
    score ${EXAMPLES}/engineering-growth.json ${DATA}/malformed.json)
run(score-missing-request 1 "" "no-such-file\\.json: error: cannot read: No such file or directory"
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
run(match-text 0 "Matching for Technical Leadership Development \\(mode score\\): 11 of 12 mentees matched.*Unmatched\n  Kai \\(no_candidate\\).*Mentors\n  Mike +3 of 3.*Candidates" ""
    match ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/match.json)
run(match-json 0 "^{\n  \"assignments\": \\[.*\"summary\": {.*\"matched\": 11," ""
    match --format json ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/match.json)
run(match-groups 0 "Groups of 4 to 6 \\(dispersion ratio [0-9.]+.*group-1  mentor .*group-2  mentor " ""
    match ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/group-match.json)
run(match-unknown-exclude 1 ""
    "unknown_exclude\\.match\\.json:6:42: error: unknown mentor \"mikey\": no mentor has this id.*CAREERPATH_ERR_REFERENCE.*at: /mentees/1/exclude/1"
    match ${EXAMPLES}/engineering-growth.json ${DATA}/unknown_exclude.match.json)
run(match-needs-two 2 "" "match needs a CURRICULUM and a REQUEST file" match ${EXAMPLES}/engineering-growth.json)
# A cohort's plans: the report, the document, a mentor's calendar, and the bad requests of
# docs/cohort-planning.md, each with its status and pointer.
run(cohort-plan-text 0 "^Cohort plan: 14 learners, 3 mentors; 187 of 203 sessions placed, 16 dropped\n.*Mike \\(Europe/Berlin\\): 5 learners, at most 3 hours a week; 59 sessions placed.*  Week of 2027-01-04: 2 sessions, 3 h\n    tue 2027-01-05 10:00 \\+01:00  Technical Review #1 +90 min  Bianca\n.*  Dropped\n.*    jonas +Technical Review #1 +window 2027-01-04 .. 2027-01-17  mentor_booked \\(bianca, lena\\), mentor_hours\n" ""
    cohort-plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/group-cohort-plan.json)
run(cohort-plan-json 0 "^{\n  \"mentors\": \\[\n.*\"plans\": \\[\n.*\"summary\": {\n    \"dropped\": 16,\n    \"learners\": 14,\n    \"mentors\": 3,\n    \"placed\": 187\n  }\n}\n$" ""
    cohort-plan --format json ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/group-cohort-plan.json)
run(cohort-plan-json-mentor 0 "^{\n  \"dropped\": 0,\n  \"hours\": 90.0,\n  \"id\": \"sara\"," ""
    cohort-plan --format json --mentor sara ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/group-cohort-plan.json)
# (execute_process reads CRLF as LF; plan-alex-ical-crlf checks the line ends of the same writer.)
run(cohort-plan-ical 0 "^BEGIN:VCALENDAR\n.*X-WR-CALNAME:Mentoring sessions of Mike\n.*UID:bianca\\.group_leadership\\.20270104\\.technical_review\\.1@careerpath\n.*SUMMARY:Technical Review with Bianca\n.*END:VCALENDAR\n$" ""
    cohort-plan --format ical --mentor mike ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/group-cohort-plan.json)
run(cohort-plan-ical-all 0 "X-WR-CALNAME:Mentoring sessions of Mike\n.*END:VCALENDAR\nBEGIN:VCALENDAR\n.*X-WR-CALNAME:Mentoring sessions of Sara\n.*X-WR-CALNAME:Mentoring sessions of Priya\n" ""
    cohort-plan --format ical ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/group-cohort-plan.json)
run(cohort-plan-unknown-mentor-option 1 "" "group-cohort-plan.json: error: no mentor of the cohort has the id \"zed\" \\(--mentor\\)"
    cohort-plan --mentor zed ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/group-cohort-plan.json)
run(cohort-plan-mentor-elsewhere 2 "" "--mentor is for cohort-plan only" plan --mentor mike ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json)
run(cohort-plan-bad-format 2 "" "unknown format \"mermaid\" for cohort-plan"
    cohort-plan --format mermaid ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/group-cohort-plan.json)
run(cohort-plan-unknown-mentor 1 "" "error: unknown mentor \"zed\": no mentor of the cohort \\(2 in \"mentors\"\\) has this id.*CAREERPATH_ERR_REFERENCE.*at: /learners/1/mentor"
    cohort-plan ${EXAMPLES}/engineering-growth.json ${DATA}/../schema/library-only/cohort-plan-request.unknown-mentor.json)
run(cohort-plan-no-availability 1 "" "error: mentor \"sara\" has no weekly availability.*CAREERPATH_ERR_SCHEMA.*at: /mentors/1/available"
    cohort-plan ${EXAMPLES}/engineering-growth.json ${DATA}/../schema/bad/cohort-plan-request.no-availability.json)
run(cohort-plan-negative-hours 1 "" "error: max_hours_per_week must be at least 0, not -2.*CAREERPATH_ERR_SCHEMA.*at: /mentors/0/max_hours_per_week"
    cohort-plan ${EXAMPLES}/engineering-growth.json ${DATA}/../schema/bad/cohort-plan-request.negative-hours.json)
run(cohort-plan-duplicate-mentor 1 "" "error: duplicate mentor id \"mike\": /mentors/0 has it too.*CAREERPATH_ERR_SCHEMA.*at: /mentors/1/id"
    cohort-plan ${EXAMPLES}/engineering-growth.json ${DATA}/../schema/library-only/cohort-plan-request.duplicate-mentor-id.json)
run(help 0 "usage: careerpath.*  score CURRICULUM REQUEST.*  cohort CURRICULUM REQUEST.*  cohort-plan CURRICULUM REQUEST.*  match CURRICULUM REQUEST.*  batch CURRICULUM \\[REQUESTS\\.jsonl\\|-\\]" "" --help)
run(version 0 "careerpath [0-9]+\\.[0-9]+\\.[0-9]+" "" --version)


# Batch planning: one line out per line in, in order; errors name their line; a summary on stderr.
# run_batch(<name> <expected exit> <expected lines> <regex on the output> <regex on stderr>
#           [INPUT file] [OUTPUT file] ARGS args...): OUTPUT reads the JSON Lines from that file
# (written with -o) instead of stdout, and then stdout must be empty. stderr must hold no '\r':
# it is a pipe here, not a terminal, so there is no progress bar.
function(run_batch name expected_rc expected_lines out_re err_re)
  cmake_parse_arguments(B "" "INPUT;OUTPUT" "ARGS" ${ARGN})
  set(input_args)
  if(B_INPUT)
    set(input_args INPUT_FILE ${B_INPUT})
  endif()
  if(B_OUTPUT)
    file(REMOVE ${B_OUTPUT})
  endif()
  execute_process(COMMAND ${CLI} batch ${B_ARGS} ${input_args} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  set(ok TRUE)
  set(stdout_out "${out}")
  if(B_OUTPUT)
    if(NOT stdout_out STREQUAL "")
      set(ok FALSE)
      message("[${name}] stdout is not empty with -o")
    endif()
    if(EXISTS ${B_OUTPUT})
      file(READ ${B_OUTPUT} out)
    else()
      set(out "")
      set(ok FALSE)
      message("[${name}] ${B_OUTPUT} was not written")
    endif()
  endif()
  string(REGEX REPLACE "[^\n]" "" newlines "${out}")
  string(LENGTH "${newlines}" lines)
  if(NOT rc STREQUAL "${expected_rc}")
    set(ok FALSE)
    message("[${name}] exit status ${rc}, expected ${expected_rc}")
  endif()
  if(NOT lines EQUAL expected_lines)
    set(ok FALSE)
    message("[${name}] ${lines} lines out, expected ${expected_lines}")
  endif()
  if(NOT out_re STREQUAL "" AND NOT out MATCHES "${out_re}")
    set(ok FALSE)
    string(SUBSTRING "${out}" 0 2000 head)
    message("[${name}] the output does not match: ${out_re}\n--- output (head):\n${head}")
  endif()
  if(NOT err_re STREQUAL "" AND NOT err MATCHES "${err_re}")
    set(ok FALSE)
    message("[${name}] stderr does not match: ${err_re}\n--- stderr:\n${err}")
  endif()
  if(err MATCHES "\r")
    set(ok FALSE)
    message("[${name}] a carriage return on stderr, which is not a terminal (a progress bar?)")
  endif()
  report(${name} ${ok})
  set(failures ${failures} PARENT_SCOPE)
endfunction()

set(curriculum ${EXAMPLES}/engineering-growth.json)
set(plan_re "^{\"advice\":[^\n]*\"learner\":\"alex\"")
# Good and bad lines: exit 1, every line answered in order, the errors with their line numbers.
run_batch(batch-mixed 1 5
  "${plan_re}[^\n]*\n{\"error\":{\"line\":2,\"message\":\"malformed JSON[^\n]*\"status\":\"CAREERPATH_ERR_PARSE\"},\"schema_version\":\"[0-9]+[.][0-9]+\"}\n{\"advice\":[^\n]*\"learner\":\"maria\"[^\n]*\n{\"error\":{\"line\":4,\"message\":\"start \\\\\"2027-02-30\\\\\" is not a date[^\n]*\"pointer\":\"/start\",\"status\":\"CAREERPATH_ERR_SCHEMA\"},\"schema_version\":\"[0-9]+[.][0-9]+\"}\n{\"advice\":[^\n]*\"learner\":\"alex-2\"[^\n]*\n$"
  "^careerpath batch: 5 lines, 3 planned, 2 failed, [0-9]+\\.[0-9] s \\([0-9]+ lines/s\\)\n$"
  ARGS ${curriculum} ${DATA}/batch_mixed.jsonl)
# All good (the last line without a line break): exit 0, on one thread and on four.
run_batch(batch-good 0 3 "${plan_re}[^\n]*\n{\"advice\":[^\n]*\"learner\":\"maria\"[^\n]*\n{\"advice\":[^\n]*\"learner\":\"maria-2\"[^\n]*\n$"
  "^careerpath batch: 3 lines, 3 planned, 0 failed, " ARGS ${curriculum} ${DATA}/batch_good.jsonl --threads 1)
run_batch(batch-good-threads 0 3 "${plan_re}" "3 planned, 0 failed"
  ARGS --threads=4 ${curriculum} ${DATA}/batch_good.jsonl)
# From stdin: - or no file at all.
run_batch(batch-stdin-dash 1 5 "^{\"advice\".*\n{\"error\":{\"line\":2,.*\n{\"error\":{\"line\":4," "5 lines, 3 planned, 2 failed"
  INPUT ${DATA}/batch_mixed.jsonl ARGS ${curriculum} -)
run_batch(batch-stdin-implicit 0 3 "${plan_re}" "3 lines, 3 planned, 0 failed"
  INPUT ${DATA}/batch_good.jsonl ARGS ${curriculum})
run_batch(batch-empty-input 0 0 "" "^careerpath batch: 0 lines, 0 planned, 0 failed, " INPUT ${DATA}/batch_empty.jsonl
  ARGS ${curriculum} -)
# -o FILE: the JSON Lines go to the file, nothing to stdout; --no-progress is accepted.
if(DEFINED WORK)
  file(MAKE_DIRECTORY ${WORK})
  run_batch(batch-output-file 1 5 "${plan_re}.*\n{\"error\":{\"line\":4," "5 lines, 3 planned, 2 failed"
    OUTPUT ${WORK}/batch_mixed.out ARGS ${curriculum} ${DATA}/batch_mixed.jsonl -o ${WORK}/batch_mixed.out --no-progress)
endif()
# Bad input exits 1, as for the other commands; bad usage exits 2.
run(batch-missing-requests 1 "" "no-such-file\\.jsonl: error: cannot read: No such file or directory"
    batch ${curriculum} ${DATA}/no-such-file.jsonl)
run(batch-bad-curriculum 1 "" "cycle3\\.json:[0-9]+:[0-9]+: error: prerequisites form a cycle"
    batch ${DATA}/cycle3.json ${DATA}/batch_good.jsonl)
run(batch-unwritable-output 1 "" "careerpath: cannot write to [^\n]*no-such-dir/out\\.jsonl: No such file or directory"
    batch ${curriculum} ${DATA}/batch_good.jsonl -o ${DATA}/no-such-dir/out.jsonl)
run(batch-needs-curriculum 2 "" "batch needs a CURRICULUM and a REQUESTS file" batch)
run(batch-too-many 2 "" "too many arguments" batch ${curriculum} ${DATA}/batch_good.jsonl ${DATA}/batch_good.jsonl)
run(batch-bad-threads 2 "" "--threads needs a number from 0 to 1024, not \"many\""
    batch ${curriculum} ${DATA}/batch_good.jsonl --threads many)
run(batch-threads-no-value 2 "" "--threads needs a number" batch ${curriculum} ${DATA}/batch_good.jsonl --threads)
run(batch-format 2 "" "batch writes JSON Lines and takes no --format"
    batch --format json ${curriculum} ${DATA}/batch_good.jsonl)
run(batch-options-elsewhere 2 "" "--threads and --no-progress are for batch only"
    validate --no-progress ${curriculum})
run(output-elsewhere 2 "" "-o is for plan and batch only" describe ${curriculum} -o ${DATA}/no-such-dir/out.txt)
# With stderr on a terminal (util-linux script gives it a pseudo-terminal) and the output in a
# file, the progress bar is drawn in place with '\r' and ends at 100% before the summary.
find_program(SCRIPT_PROGRAM script)
if(DEFINED WORK AND SCRIPT_PROGRAM AND CMAKE_HOST_SYSTEM_NAME STREQUAL "Linux")
  execute_process(COMMAND ${SCRIPT_PROGRAM} --version OUTPUT_VARIABLE script_version ERROR_QUIET)
  if(script_version MATCHES "util-linux")
    file(REMOVE ${WORK}/batch_tty.out)
    execute_process(COMMAND ${SCRIPT_PROGRAM} -q -e -c
                            "'${CLI}' batch '${curriculum}' '${DATA}/batch_mixed.jsonl' -o '${WORK}/batch_tty.out'"
                            /dev/null
                    RESULT_VARIABLE rc OUTPUT_VARIABLE tty ERROR_VARIABLE tty_err INPUT_FILE ${DATA}/batch_empty.jsonl)
    if(rc EQUAL 1 AND tty MATCHES "\r\\[=+\\] +5/5 100%  [0-9]+/s  ETA 0s *\r?\ncareerpath batch: 5 lines, 3 planned, 2 failed")
      message("[batch-progress-tty] ok")
    else()
      message("[batch-progress-tty] no progress bar on a terminal (exit status ${rc})\n--- terminal:\n${tty}${tty_err}")
      math(EXPR failures "${failures} + 1")
    endif()
    # Requests from a pipe: how many is not known beforehand, so the count and the rate only.
    execute_process(COMMAND ${SCRIPT_PROGRAM} -q -e -c
                            "cat '${DATA}/batch_mixed.jsonl' | '${CLI}' batch '${curriculum}' - -o '${WORK}/batch_tty.out'"
                            /dev/null
                    RESULT_VARIABLE rc OUTPUT_VARIABLE tty ERROR_VARIABLE tty_err INPUT_FILE ${DATA}/batch_empty.jsonl)
    if(rc EQUAL 1 AND tty MATCHES "\r5 lines  [0-9]+/s *\r?\ncareerpath batch: 5 lines, 3 planned, 2 failed")
      message("[batch-progress-tty-pipe] ok")
    else()
      message("[batch-progress-tty-pipe] no line count on a terminal (exit status ${rc})\n--- terminal:\n${tty}${tty_err}")
      math(EXPR failures "${failures} + 1")
    endif()
  else()
    message("[batch-progress-tty] skipped: no util-linux script")
  endif()
else()
  message("[batch-progress-tty] skipped: no util-linux script")
endif()

# careerpath import (docs/importing.md): the curriculum on stdout or -o, the summary on stderr;
# an unknown format or option is bad usage (2), input that does not import bad input (1).
set(imports ${DATA}/../import)
run(import-case 0 "\"id\": \"FR.2\"" "case_fractions.json: imported \\(case\\): 7 skills, 2 areas, 6 prerequisites, 2 roles, [0-9]+ import notes\n  hours per level step: 10 \\(the default; --hours N\\)"
    import case ${imports}/case_fractions.json)
run(import-onet-file 0 "^$" "imported \\(onet\\): 4 skills, 6 areas, 0 prerequisites, 2 roles.*Importance 4 or more\n.*written to"
    import onet ${imports}/onet_excerpt.txt --importance 4 --hours 2.5 -o ${WORK}/import.onet.json)
run(import-cycle 1 "^$" "case_cycle.json:[0-9]+:[0-9]+: error: precedes associations form a cycle: \"A\" precedes \"B\" precedes \"C\" precedes \"A\".*CAREERPATH_ERR_CYCLE\n  at: /CFPackage/CFAssociations/0"
    import case ${imports}/case_cycle.json)
run(import-onet-bad 1 "^$" "case_fractions.json:1:1: error: line 1: the header has no .*CAREERPATH_ERR_SCHEMA\n  at: /1"
    import onet ${imports}/case_fractions.json)
run(import-unknown-format 2 "^$" "unknown import format \"xml\"" import xml ${imports}/case_fractions.json)
run(import-importance-for-case 2 "^$" "importance is for the onet format only" import case ${imports}/case_fractions.json --importance 3)
run(import-no-file 2 "^$" "import needs a FORMAT" import case)
run(import-hours-elsewhere 2 "^$" "--hours and --importance are for import only" validate ${EXAMPLES}/engineering-growth.json --hours 3)

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} command-line checks failed")
endif()
