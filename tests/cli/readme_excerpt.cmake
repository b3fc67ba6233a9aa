# The README shows the start of a command's output, cut with a line "  ..." before the closing
# fence: this fails when those lines are no longer the start of what the program prints.
#   cmake -DCLI=path/to/careerpath -DREADME=README.md -DEXAMPLES=examples/data
#         "-DARGS=match;engineering-growth.json;match.json" -P readme_excerpt.cmake
# ARGS: the command and its arguments, the files named as in examples/data. The README shows
# them as `$ build/careerpath ARGS` with each file as examples/data/FILE. To refresh the README,
# paste in the first lines of that command's output, up to where README.md cuts it.

set(command)
set(shown_command "build/careerpath")
foreach(arg IN LISTS ARGS)
  if(EXISTS ${EXAMPLES}/${arg})
    list(APPEND command ${EXAMPLES}/${arg})
    string(APPEND shown_command " examples/data/${arg}")
  else()
    list(APPEND command ${arg})
    string(APPEND shown_command " ${arg}")
  endif()
endforeach()
execute_process(COMMAND ${CLI} ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE output ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${shown_command} failed (${rc}):\n${err}")
endif()

file(READ ${README} readme)
set(opening "$ ${shown_command}\n")
string(FIND "${readme}" "${opening}" start)
if(start EQUAL -1)
  message(FATAL_ERROR "${README} does not show the command: ${opening}")
endif()
string(LENGTH "${opening}" length)
math(EXPR start "${start} + ${length}")
string(SUBSTRING "${readme}" ${start} -1 rest)
string(FIND "${rest}" "  ...\n```" end)
if(end EQUAL -1)
  message(FATAL_ERROR "${README}: the output of ${shown_command} is not cut with a line \"  ...\" before its closing fence")
endif()
string(SUBSTRING "${rest}" 0 ${end} shown)
string(LENGTH "${shown}" shown_length)
string(SUBSTRING "${output}" 0 ${shown_length} now)
if(NOT "${shown}" STREQUAL "${now}")
  message(FATAL_ERROR "The README's output of `${shown_command}` differs from what it prints now.\n"
                      "--- README:\n${shown}--- now:\n${now}")
endif()
message("README output of `${shown_command}` matches the program's output")
