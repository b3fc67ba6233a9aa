# Graphviz accepts the DOT export: `careerpath graph` piped through `dot -Tsvg`. The DOT text holds
# no control character but LF, and the SVG shows each text of EXPECT (a list, optional): text
# that follows a control character in the curriculum, so none was cut away (without characters
# such as '-' that the SVG writes as entities).
#   cmake -DCLI=careerpath -DDOT=dot -DCURRICULUM=file.json -DWORK=dir [-DEXPECT=a;b] -P export_dot_graphviz.cmake
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${CLI} graph --format dot ${CURRICULUM}
                OUTPUT_FILE ${WORK}/curriculum.dot RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "careerpath graph failed (${rc}): ${err}")
endif()
# Byte by byte in hex (a CMake string cannot hold a NUL): a control byte at an even offset.
file(READ ${WORK}/curriculum.dot hex HEX)
string(REGEX MATCH "^(..)*(0[0-9b-f]|1[0-9a-f]|7f)" control "${hex}")
if(control)
  string(LENGTH "${control}" at)
  math(EXPR at "${at} / 2 - 1")
  message(FATAL_ERROR "the DOT export holds a control character at byte ${at}")
endif()
execute_process(COMMAND ${DOT} -Tsvg ${WORK}/curriculum.dot
                OUTPUT_VARIABLE svg RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT svg MATCHES "<svg")
  message(FATAL_ERROR "dot -Tsvg rejected the DOT export (${rc}): ${err}")
endif()
foreach(text IN LISTS EXPECT)
  string(FIND "${svg}" "${text}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "the SVG lacks \"${text}\": the DOT export lost it")
  endif()
endforeach()
message("dot -Tsvg accepted the DOT export")
