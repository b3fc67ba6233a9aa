# Fails unless the shared library exports exactly the C ABI, each function under its symbol
# version: every dynamic symbol it defines is a function of capi/careerpath.h listed below, with
# the default version (@@) of the node capi/careerpath.map puts it in, and the only other defined
# symbols are those version nodes themselves. The list names every function the header
# (-DHEADER) declares, so a function declared but left out of the map, and therefore not
# exported, fails here too. A new function goes into the header, the map (in the node of the
# release that ships it), this list and _native.FUNCTIONS together.
set(expected
  careerpath_version@@CAREERPATH_0.1
  careerpath_version_string@@CAREERPATH_0.1
  careerpath_status_name@@CAREERPATH_0.1
  careerpath_last_error@@CAREERPATH_0.1
  careerpath_last_error_pointer@@CAREERPATH_0.1
  careerpath_curriculum_load@@CAREERPATH_0.1
  careerpath_curriculum_free@@CAREERPATH_0.1
  careerpath_curriculum_describe@@CAREERPATH_0.1
  careerpath_plan@@CAREERPATH_0.1
  careerpath_plan_batch@@CAREERPATH_0.1
  careerpath_score@@CAREERPATH_0.1
  careerpath_cohort@@CAREERPATH_0.1
  careerpath_match@@CAREERPATH_0.1
  careerpath_export@@CAREERPATH_0.1
  careerpath_free@@CAREERPATH_0.1
  careerpath_import@@CAREERPATH_0.2
  careerpath_plan_cohort@@CAREERPATH_0.2)

# Every CAREERPATH_API function of the header is in the list, and only those.
file(READ ${HEADER} header)
string(REGEX MATCHALL "CAREERPATH_API[^;(]*[ *]careerpath_[a-z0-9_]+\\(" declarations "${header}")
set(declared)
foreach(declaration IN LISTS declarations)
  string(REGEX MATCH "careerpath_[a-z0-9_]+\\($" name "${declaration}")
  string(REGEX REPLACE "\\($" "" name "${name}")
  list(APPEND declared "${name}")
endforeach()
if(NOT declared)
  message(FATAL_ERROR "found no CAREERPATH_API function in ${HEADER}")
endif()
set(listed)
foreach(symbol IN LISTS expected)
  string(REGEX REPLACE "@@.*$" "" name "${symbol}")
  list(APPEND listed "${name}")
endforeach()
foreach(name IN LISTS declared)
  list(FIND listed "${name}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${HEADER} declares ${name}, which is not in the expected list of this test "
                        "(add it there and to capi/careerpath.map, in the node of its release)")
  endif()
endforeach()
foreach(name IN LISTS listed)
  list(FIND declared "${name}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "this test expects ${name}, which ${HEADER} does not declare")
  endif()
endforeach()

find_program(NM nm REQUIRED)
# --with-symbol-versions: nm prints name@@VERSION for a versioned symbol (binutils 2.40 does so
# by default; the flag keeps it explicit).
execute_process(COMMAND ${NM} -D --defined-only --with-symbol-versions ${LIBRARY}
                OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIBRARY}")
endif()
string(REPLACE "\n" ";" lines "${out}")
set(exported)
set(nodes)
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  string(REGEX MATCH "^[0-9a-fA-F]* *([A-Za-z]) (.*)$" parsed "${line}")
  set(kind "${CMAKE_MATCH_1}")
  set(symbol "${CMAKE_MATCH_2}")
  # A version node is defined as an absolute symbol of its own name.
  if(kind STREQUAL "A" AND symbol MATCHES "^CAREERPATH_[0-9.]+$")
    list(APPEND nodes "${symbol}")
    continue()
  endif()
  if(NOT symbol MATCHES "^careerpath_")
    message(FATAL_ERROR "exported symbol that is not careerpath_: ${symbol}")
  endif()
  if(NOT symbol MATCHES "^careerpath_[a-z0-9_]+@@CAREERPATH_[0-9.]+$")
    message(FATAL_ERROR "${symbol} is exported without a default symbol version (name@@CAREERPATH_x): "
                        "list it in a version node of capi/careerpath.map")
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
    message(FATAL_ERROR "${LIBRARY} does not export ${symbol} (what it exports: ${exported})")
  endif()
endforeach()
foreach(symbol IN LISTS exported)
  list(FIND expected "${symbol}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${LIBRARY} exports ${symbol}, which is not in the expected list of this test")
  endif()
  # Every version a function carries is a node the library defines.
  string(REGEX REPLACE "^.*@@" "" node "${symbol}")
  list(FIND nodes "${node}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${symbol}: the library defines no version node ${node}")
  endif()
endforeach()
# And every node the library defines holds at least one of the functions.
set(used_nodes)
foreach(symbol IN LISTS exported)
  string(REGEX REPLACE "^.*@@" "" node "${symbol}")
  list(APPEND used_nodes "${node}")
endforeach()
foreach(node IN LISTS nodes)
  list(FIND used_nodes "${node}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the library defines the version node ${node}, but no function carries it")
  endif()
endforeach()
list(LENGTH nodes node_count)
message(STATUS "${count} exported functions, all careerpath_, each with its symbol version (${node_count} version node(s): ${nodes}), as expected")
