# The README shows the money side of `careerpath cohort` on the example cohort, whole, from its
# "Economics in" line to the end: this fails when that is no longer what the program prints.
#   cmake -DCLI=path/to/careerpath -DREADME=README.md -DEXAMPLES=examples/data -P readme_cohort.cmake
# To refresh the README, paste in the output of the following from its "Economics in" line on:
#   careerpath cohort examples/data/engineering-growth.json examples/data/cohort.json

execute_process(COMMAND ${CLI} cohort ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/cohort.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE output ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "careerpath cohort failed (${rc}):\n${err}")
endif()

set(opening "Economics in ")
string(FIND "${output}" "${opening}" start)
if(start EQUAL -1)
  message(FATAL_ERROR "careerpath cohort printed no economics for the example cohort:\n${output}")
endif()
string(SUBSTRING "${output}" ${start} -1 now)

file(READ ${README} readme)
string(FIND "${readme}" "```\n${opening}" shown_start)
if(shown_start EQUAL -1)
  message(FATAL_ERROR "${README} does not show the cohort's economics (a fenced block starting \"${opening}\")")
endif()
math(EXPR shown_start "${shown_start} + 4")
string(SUBSTRING "${readme}" ${shown_start} -1 rest)
string(FIND "${rest}" "```" end)
string(SUBSTRING "${rest}" 0 ${end} shown)
if(NOT "${shown}" STREQUAL "${now}")
  message(FATAL_ERROR "The README's cohort economics differ from `careerpath cohort` on the example.\n"
                      "--- README:\n${shown}--- now:\n${now}")
endif()
message("README cohort economics match the program's output")
