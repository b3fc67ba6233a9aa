# Fails unless the shared library exports exactly the C ABI: every dynamic symbol it defines
# starts with careerpath_, every function of capi/careerpath.h listed below is there, and nothing
# else is (a new function goes into the header, this list and _native.FUNCTIONS together).
set(expected
  careerpath_version
  careerpath_version_string
  careerpath_status_name
  careerpath_last_error
  careerpath_last_error_pointer
  careerpath_curriculum_load
  careerpath_curriculum_free
  careerpath_curriculum_describe
  careerpath_plan
  careerpath_plan_batch
  careerpath_score
  careerpath_cohort
  careerpath_match
  careerpath_export
  careerpath_free)

find_program(NM nm REQUIRED)
execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIBRARY}")
endif()
string(REPLACE "\n" ";" lines "${out}")
set(exported)
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  string(REGEX REPLACE "^[0-9a-fA-F]* *[A-Za-z] " "" symbol "${line}")
  if(NOT symbol MATCHES "^careerpath_")
    message(FATAL_ERROR "exported symbol that is not careerpath_: ${symbol}")
  endif()
  list(APPEND exported "${symbol}")
endforeach()
list(LENGTH exported count)
if(count EQUAL 0)
  message(FATAL_ERROR "no exported symbols found in ${LIBRARY}")
endif()
# (list(FIND), not IN_LIST: a -P script runs without the policies that enable IN_LIST.)
foreach(symbol IN LISTS expected)
  list(FIND exported "${symbol}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${LIBRARY} does not export ${symbol}")
  endif()
endforeach()
foreach(symbol IN LISTS exported)
  list(FIND expected "${symbol}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${LIBRARY} exports ${symbol}, which is not in the expected list of this test")
  endif()
endforeach()
message(STATUS "${count} exported symbols, all careerpath_, as expected")
