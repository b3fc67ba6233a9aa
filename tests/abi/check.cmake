# abi.baseline: holds the freshly built library to the ABI of the shipped release, the baseline
# committed next to this file (README.md, "Guarantees"). abidiff (abigail-tools) compares what
# capi/careerpath.h declares: the exported functions, their symbol versions, and every type
# reachable from them; types private to the library do not count.
#
# abidiff's exit status is a bit field: 1 an error, 2 a usage error, 4 an ABI change, 8 an
# incompatible one (a removed function or symbol version, a changed SONAME, ...). This test fails
# on 8, and on 4 too unless every change is an added function. Bit 4 alone still covers changes
# that break callers, such as a size_t parameter turned unsigned, so no change to a shipped
# function or type passes. Added functions pass, as the promise allows; the baseline is then
# regenerated deliberately (scripts/abi-baseline.sh) when the release that adds them ships.
#
# -DLIBRARY=<built libcareerpath.so> -DBASELINE=<the committed XML> -DHEADERS=<capi/>
foreach(var LIBRARY BASELINE HEADERS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "abi check: -D${var}=... is required")
  endif()
endforeach()

find_program(ABIDIFF abidiff)
if(NOT ABIDIFF)
  message(FATAL_ERROR "abidiff not found: install abigail-tools (scripts/install-deps.sh test); "
                      "this test does not pass without comparing the ABI")
endif()

# Without DWARF abidiff compares symbol names only, and a changed signature would pass.
find_program(READELF readelf REQUIRED)
execute_process(COMMAND ${READELF} -S -W ${LIBRARY} OUTPUT_VARIABLE sections RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT sections MATCHES "\\.debug_info")
  message(FATAL_ERROR "${LIBRARY} has no debug information (.debug_info), so its ABI cannot be "
                      "compared: build it with the default preset (RelWithDebInfo)")
endif()

set(abidiff_options --headers-dir2 ${HEADERS} --drop-private-types --exported-interfaces-only)
execute_process(COMMAND ${ABIDIFF} ${abidiff_options} ${BASELINE} ${LIBRARY}
                OUTPUT_VARIABLE report ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status MATCHES "^[0-9]+$")
  message(FATAL_ERROR "abidiff did not run: ${status}")
endif()
string(JOIN " " command_line abidiff ${abidiff_options} ${BASELINE} ${LIBRARY})

if(status EQUAL 0)
  message(STATUS "no ABI change against ${BASELINE}")
  return()
endif()
math(EXPR error_bits "${status} & 3")
math(EXPR incompatible "${status} & 8")
if(NOT error_bits EQUAL 0)
  message(FATAL_ERROR "abidiff failed (exit status ${status}):\n${errors}${report}")
endif()
if(NOT incompatible EQUAL 0)
  message(FATAL_ERROR "incompatible ABI change against the shipped release (abidiff exit status ${status}): "
                      "a shipped function or type changed or went away.\n${command_line}\n${report}")
endif()

# Bit 4 alone: pass only if nothing is left once added functions are left out of the report.
execute_process(COMMAND ${ABIDIFF} ${abidiff_options} --no-added-syms ${BASELINE} ${LIBRARY}
                OUTPUT_VARIABLE changes ERROR_VARIABLE errors RESULT_VARIABLE without_additions)
if(NOT without_additions EQUAL 0)
  message(FATAL_ERROR "ABI change against the shipped release (abidiff exit status ${status}; "
                      "${without_additions} with added functions left out): a shipped function or "
                      "type changed.\n${command_line}\n${report}")
endif()
message(STATUS "only added functions against ${BASELINE} (abidiff exit status ${status}); they keep "
               "the ABI promise. Regenerate the baseline with scripts/abi-baseline.sh when the "
               "release that adds them ships.\n${report}")
