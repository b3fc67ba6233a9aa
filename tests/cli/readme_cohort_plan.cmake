# The README shows `careerpath cohort-plan --mentor mike` on the example group cohort, cut after a
# few weeks: this fails when those lines are no longer the start of what the program prints.
#   cmake -DCLI=path/to/careerpath -DREADME=README.md -DEXAMPLES=examples/data -P readme_cohort_plan.cmake
# To refresh the README, paste in the output's first lines (up to the week README.md shows) of:
#   careerpath cohort-plan examples/data/engineering-growth.json examples/data/group-cohort-plan.json --mentor mike

execute_process(COMMAND ${CLI} cohort-plan ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/group-cohort-plan.json
                        --mentor mike
                RESULT_VARIABLE rc OUTPUT_VARIABLE output ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "careerpath cohort-plan failed (${rc}):\n${err}")
endif()

file(READ ${README} readme)
set(opening "$ build/careerpath cohort-plan examples/data/engineering-growth.json examples/data/group-cohort-plan.json --mentor mike\n")
string(FIND "${readme}" "${opening}" start)
if(start EQUAL -1)
  message(FATAL_ERROR "${README} does not show the command: ${opening}")
endif()
string(LENGTH "${opening}" length)
math(EXPR start "${start} + ${length}")
string(SUBSTRING "${readme}" ${start} -1 rest)
string(FIND "${rest}" "  ...\n```" end)
if(end EQUAL -1)
  message(FATAL_ERROR "${README}: the cohort plan output is not cut with a line \"  ...\" before its closing fence")
endif()
string(SUBSTRING "${rest}" 0 ${end} shown)
string(LENGTH "${shown}" shown_length)
string(SUBSTRING "${output}" 0 ${shown_length} now)
if(NOT "${shown}" STREQUAL "${now}")
  message(FATAL_ERROR "The README's cohort plan output differs from `careerpath cohort-plan --mentor mike` on the example.\n"
                      "--- README:\n${shown}--- now:\n${now}")
endif()
message("README cohort plan output matches the program's output")
