# The README shows Alex's plan as a Mermaid Gantt chart: this fails when that block is no longer
# what `careerpath plan --format mermaid` prints for Alex, so the README cannot drift from the code.
#   cmake -DCLI=path/to/careerpath -DREADME=README.md -DEXAMPLES=examples/data -P readme_gantt.cmake
# To refresh the README, paste in the output of:
#   careerpath plan examples/data/engineering-growth.json examples/data/alex.request.json --format mermaid

execute_process(COMMAND ${CLI} plan --format mermaid ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE expected ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "careerpath plan --format mermaid failed (${rc}):\n${err}")
endif()

file(READ ${README} readme)
# The fenced block that opens with "```mermaid" and whose first line is "gantt".
set(opening "```mermaid\ngantt\n")
string(FIND "${readme}" "${opening}" start)
if(start EQUAL -1)
  message(FATAL_ERROR "${README} has no ```mermaid block starting with \"gantt\"")
endif()
string(LENGTH "```mermaid\n" fence_length)
math(EXPR start "${start} + ${fence_length}")
string(SUBSTRING "${readme}" ${start} -1 rest)
string(FIND "${rest}" "\n```" end)
if(end EQUAL -1)
  message(FATAL_ERROR "${README}: the ```mermaid gantt block is not closed")
endif()
math(EXPR end "${end} + 1")  # keep the block's last newline, as the program prints one
string(SUBSTRING "${rest}" 0 ${end} shown)

if(NOT "${shown}" STREQUAL "${expected}")
  message(FATAL_ERROR "The README's Gantt chart differs from `careerpath plan --format mermaid` for Alex.\n"
                      "--- README:\n${shown}--- now:\n${expected}"
                      "Replace the README's ```mermaid block with the output above.")
endif()
message("README Gantt chart matches the program's output")
