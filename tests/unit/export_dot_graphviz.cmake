# Graphviz accepts the DOT export: `careerpath graph` piped through `dot -Tsvg`.
#   cmake -DCLI=careerpath -DDOT=dot -DCURRICULUM=file.json -DWORK=dir -P export_dot_graphviz.cmake
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${CLI} graph --format dot ${CURRICULUM}
                OUTPUT_FILE ${WORK}/curriculum.dot RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "careerpath graph failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${DOT} -Tsvg ${WORK}/curriculum.dot
                OUTPUT_VARIABLE svg RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT svg MATCHES "<svg")
  message(FATAL_ERROR "dot -Tsvg rejected the DOT export (${rc}): ${err}")
endif()
message("dot -Tsvg accepted the DOT export")
