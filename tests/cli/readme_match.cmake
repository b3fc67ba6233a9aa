# The README shows `careerpath match` on the example request, cut after the first candidates:
# this fails when those lines are no longer the start of what the program prints.
#   cmake -DCLI=path/to/careerpath -DREADME=README.md -DEXAMPLES=examples/data -P readme_match.cmake
# To refresh the README, paste in the output's first lines (up to the fourth candidate line) of:
#   careerpath match examples/data/engineering-growth.json examples/data/match.json

execute_process(COMMAND ${CLI} match ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/match.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE output ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "careerpath match failed (${rc}):\n${err}")
endif()

file(READ ${README} readme)
set(opening "$ build/careerpath match examples/data/engineering-growth.json examples/data/match.json\n")
string(FIND "${readme}" "${opening}" start)
if(start EQUAL -1)
  message(FATAL_ERROR "${README} does not show the command: ${opening}")
endif()
string(LENGTH "${opening}" length)
math(EXPR start "${start} + ${length}")
string(SUBSTRING "${readme}" ${start} -1 rest)
string(FIND "${rest}" "  ...\n```" end)
if(end EQUAL -1)
  message(FATAL_ERROR "${README}: the match output is not cut with a line \"  ...\" before its closing fence")
endif()
string(SUBSTRING "${rest}" 0 ${end} shown)
string(LENGTH "${shown}" shown_length)
string(SUBSTRING "${output}" 0 ${shown_length} now)
if(NOT "${shown}" STREQUAL "${now}")
  message(FATAL_ERROR "The README's match output differs from `careerpath match` on the example.\n"
                      "--- README:\n${shown}--- now:\n${now}")
endif()
message("README match output matches the program's output")
