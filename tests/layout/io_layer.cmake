# Fails unless src/io/ is the only code of the library that knows JSON (docs/io.md): no file of
# src/ outside src/io/ includes a header of src/io/ or one that brings in nlohmann's JSON
# (nlohmann/..., careerpath/json.hpp, or careerpath/careerpath.hpp, which includes it), and no
# public header in include/careerpath/ but json.hpp and careerpath.hpp does.
#
# The exceptions are listed below, each file with the one io/ header it may include (as the
# file writes it); an exception that is no longer used fails too, so the list stays exact. The
# command-line program (src/cli/) is built on the public API like any other caller (README.md
# "Command line") and may use its JSON trees; it still includes nothing from src/io/.
#
# Before the source tree, the check runs on a small tree that breaks each rule, so that it
# cannot pass by finding nothing.
#
#   cmake -DSOURCE=<the source tree> -DWORK=<a scratch directory> -P io_layer.cmake

set(allowed
  # Glue (read, compute, write) whose reader or writer has no public declaration. The other
  # features' glue (plan.cpp, scorecard.cpp, match.cpp) reads and writes through the public
  # text readers and writers, and includes nothing from src/io/.
  "batch.cpp:io/batch_writer.hpp"            # plan_line: the error line of a request that failed
  "cohort.cpp:io/cohort_request_reader.hpp"  # cohort_from_json: each person scored as read
  "import.cpp:io/import_document.hpp"        # import_framework: a reader, then the writer
  # The plan exports run the plan reader's checks on their outline (docs/io.md).
  "export_gantt.cpp:io/plan_document.hpp"
  "export_ical.cpp:io/plan_document.hpp")

if(NOT SOURCE OR NOT WORK)
  message(FATAL_ERROR "usage: cmake -DSOURCE=<source tree> -DWORK=<scratch directory> -P io_layer.cmake")
endif()

# The headers a file includes, as written between <> or "" ("?" for an include whose target
# cannot be read, a macro). Only the include lines are read: CMake would split any other line
# at its semicolons.
function(includes_of path out)
  file(STRINGS "${path}" lines REGEX "^[ \t]*#[ \t]*include")
  set(found)
  foreach(line IN LISTS lines)
    if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"]")
      list(APPEND found "${CMAKE_MATCH_1}")
    else()
      list(APPEND found "?")
    endif()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# What brings nlohmann's JSON into a file.
function(is_json header out)
  if(header MATCHES "(^|/)nlohmann/" OR header MATCHES "^careerpath/(json|careerpath)\\.hpp$")
    set(${out} ON PARENT_SCOPE)
  else()
    set(${out} OFF PARENT_SCOPE)
  endif()
endfunction()

# The faults of the tree at `root` under the exceptions `exceptions`, one sentence each (with no
# semicolon: they are a list), and how many files were read.
function(io_layer_faults root exceptions faults_out count_out)
  set(faults)
  set(used)
  set(count 0)
  set(patterns)
  foreach(extension IN ITEMS c cc cpp cxx h hh hpp hxx inc ipp)
    list(APPEND patterns "${root}/src/*.${extension}")
  endforeach()
  file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${root}/src" ${patterns})
  list(SORT files)
  foreach(file IN LISTS files)
    if(file MATCHES "^io/")
      continue()
    endif()
    math(EXPR count "${count} + 1")
    includes_of("${root}/src/${file}" headers)
    foreach(header IN LISTS headers)
      if(header STREQUAL "?")
        list(APPEND faults "src/${file} includes what this test cannot read: write the header's name")
        continue()
      endif()
      is_json("${header}" json)
      if(header MATCHES "(^|/)io/")
        list(FIND exceptions "${file}:${header}" at)
        if(at EQUAL -1)
          list(APPEND faults "src/${file} includes ${header}: only src/io/ and the files listed in this test may include src/io/ headers (docs/io.md)")
        else()
          list(APPEND used "${file}:${header}")
        endif()
      elseif(json AND NOT file MATCHES "^cli/")
        list(APPEND faults "src/${file} includes ${header}, which brings in nlohmann's JSON: only src/io/ may (docs/io.md)")
      endif()
    endforeach()
  endforeach()
  foreach(exception IN LISTS exceptions)
    list(FIND used "${exception}" at)
    if(at EQUAL -1)
      string(REPLACE ":" " no longer includes " sentence "${exception}")
      list(APPEND faults "src/${sentence}: remove it from the exceptions of this test")
    endif()
  endforeach()
  file(GLOB public LIST_DIRECTORIES false RELATIVE "${root}/include/careerpath" "${root}/include/careerpath/*.hpp")
  list(SORT public)
  foreach(file IN LISTS public)
    if(file STREQUAL "json.hpp" OR file STREQUAL "careerpath.hpp")
      continue()
    endif()
    math(EXPR count "${count} + 1")
    includes_of("${root}/include/careerpath/${file}" headers)
    foreach(header IN LISTS headers)
      is_json("${header}" json)
      if(json)
        list(APPEND faults "include/careerpath/${file} includes ${header}: a model header names no JSON type, only the tree API of careerpath/json.hpp does (docs/io.md)")
      endif()
    endforeach()
  endforeach()
  set(${faults_out} "${faults}" PARENT_SCOPE)
  set(${count_out} ${count} PARENT_SCOPE)
endfunction()

# --- The check checked: a tree that breaks each rule once, and the faults it must give. ---------
set(tree "${WORK}/tree")
file(REMOVE_RECURSE "${tree}")
file(WRITE "${tree}/src/io/json_writer.hpp" "#include <nlohmann/json.hpp>\n")
file(WRITE "${tree}/src/io/glue_reader.hpp" "#include \"json_writer.hpp\"\n")
file(WRITE "${tree}/src/algorithm.cpp" "// #include \"io/json_writer.hpp\" in a comment is no include\n#include <careerpath/plan.hpp>\n\n#include \"io/json_writer.hpp\"\n")
file(WRITE "${tree}/src/relative.hpp" "#pragma once\n  #  include \"../src/io/json_writer.hpp\"\n")
file(WRITE "${tree}/src/tree.cpp" "#include <careerpath/json.hpp>\n")
file(WRITE "${tree}/src/umbrella.cpp" "#include <careerpath/careerpath.hpp>\n")
file(WRITE "${tree}/src/direct.cpp" "#include <nlohmann/json_fwd.hpp>\n")
file(WRITE "${tree}/src/macro.cpp" "#include HEADER\n")
file(WRITE "${tree}/src/glue.cpp" "#include \"io/glue_reader.hpp\"\n#include \"io/json_writer.hpp\"\n")
file(WRITE "${tree}/src/clean.cpp" "#include <careerpath/plan.hpp>\n#include \"rounding.hpp\"\n#include <iostream>\n")
file(WRITE "${tree}/src/cli/main.cpp" "#include <careerpath/careerpath.hpp>\n")
file(WRITE "${tree}/src/cli/reader.cpp" "#include \"../io/glue_reader.hpp\"\n")
file(WRITE "${tree}/include/careerpath/json.hpp" "#include <nlohmann/json.hpp>\n")
file(WRITE "${tree}/include/careerpath/careerpath.hpp" "#include <careerpath/json.hpp>\n")
file(WRITE "${tree}/include/careerpath/model.hpp" "#include <careerpath/date.hpp>\n#include <careerpath/json.hpp>\n")
set(expected
  "src/algorithm.cpp includes io/json_writer.hpp"
  "src/cli/reader.cpp includes ../io/glue_reader.hpp"
  "src/direct.cpp includes nlohmann/json_fwd.hpp"
  "src/glue.cpp includes io/json_writer.hpp"
  "src/macro.cpp includes what this test cannot read"
  "src/relative.hpp includes ../src/io/json_writer.hpp"
  "src/tree.cpp includes careerpath/json.hpp"
  "src/umbrella.cpp includes careerpath/careerpath.hpp"
  "src/gone.cpp no longer includes io/glue_reader.hpp"
  "include/careerpath/model.hpp includes careerpath/json.hpp")
io_layer_faults("${tree}" "glue.cpp:io/glue_reader.hpp;gone.cpp:io/glue_reader.hpp" faults count)
list(LENGTH faults found)
list(LENGTH expected wanted)
foreach(fault IN LISTS expected)
  string(FIND "${faults}" "${fault}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the check misses a fault in its test tree: ${fault}\n(it found: ${faults})")
  endif()
endforeach()
if(NOT found EQUAL wanted)
  message(FATAL_ERROR "the check finds ${found} faults in its test tree, not ${wanted}: ${faults}")
endif()

# --- The source tree. ----------------------------------------------------------------------------
io_layer_faults("${SOURCE}" "${allowed}" faults count)
if(count LESS 30)
  message(FATAL_ERROR "read only ${count} files under ${SOURCE}/src and ${SOURCE}/include: is SOURCE the source tree?")
endif()
if(faults)
  list(JOIN faults "\n  " text)
  message(FATAL_ERROR "the I/O layer leaks (docs/io.md):\n  ${text}")
endif()
list(LENGTH allowed exceptions)
message(STATUS "${count} files read: nothing outside src/io/ includes an io/ header or nlohmann's JSON, apart from the ${exceptions} listed exceptions")
