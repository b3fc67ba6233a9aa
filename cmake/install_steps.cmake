# Steps of `cmake --install` that run at install time (cmake/install.cmake calls them through
# install(CODE)), when the prefix and DESTDIR are known. Paths relative to the prefix are taken
# under CMAKE_INSTALL_PREFIX, as install() does.

function(careerpath_installed_path path out)
  if(NOT IS_ABSOLUTE "${path}")
    set(path "${CMAKE_INSTALL_PREFIX}/${path}")
  endif()
  set(${out} "${path}" PARENT_SCOPE)
endfunction()

# The Python package finds the installed library beside itself (careerpath/_native.py, step 2):
# a relative symbolic link, so that the tree may be moved or installed with DESTDIR.
function(careerpath_link_python_library package library)
  careerpath_installed_path("${package}" package)
  careerpath_installed_path("${library}" library)
  file(RELATIVE_PATH target "${package}" "${library}")
  get_filename_component(name "${library}" NAME)
  set(link "$ENV{DESTDIR}${package}/${name}")
  message(STATUS "Installing: ${link} -> ${target}")
  file(REMOVE "${link}")
  file(CREATE_LINK "${target}" "${link}" SYMBOLIC)
endfunction()

# What is installed is deployable: the binaries without their debug info (README, "Installing
# with CMake, and deployable builds"); the symbol table stays, so that a backtrace still names
# functions.
function(careerpath_strip_debug objcopy)
  foreach(file IN LISTS ARGN)
    careerpath_installed_path("${file}" file)
    set(file "$ENV{DESTDIR}${file}")
    message(STATUS "Stripping debug info: ${file}")
    execute_process(COMMAND "${objcopy}" --strip-debug "${file}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "objcopy --strip-debug ${file} failed")
    endif()
  endforeach()
endfunction()

# The component `debug`: the debug info of each built binary, by build ID under
# <prefix>/lib/debug/.build-id/, where gdb looks for it (debug-file-directory, /usr/lib/debug
# for the prefix /usr). The stripped binary and its debug file share the build ID.
function(careerpath_install_debug_info objcopy readelf)
  careerpath_installed_path("lib/debug/.build-id" root)
  foreach(file IN LISTS ARGN)
    execute_process(COMMAND "${readelf}" --notes "${file}" OUTPUT_VARIABLE notes RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0 OR NOT notes MATCHES "Build ID: ([0-9a-f][0-9a-f])([0-9a-f]+)")
      message(FATAL_ERROR "${file} has no build ID (link with -Wl,--build-id)")
    endif()
    set(debug "$ENV{DESTDIR}${root}/${CMAKE_MATCH_1}/${CMAKE_MATCH_2}.debug")
    get_filename_component(directory "${debug}" DIRECTORY)
    file(MAKE_DIRECTORY "${directory}")
    message(STATUS "Installing: ${debug} (debug info of ${file})")
    execute_process(COMMAND "${objcopy}" --only-keep-debug "${file}" "${debug}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "objcopy --only-keep-debug ${file} failed")
    endif()
  endforeach()
endfunction()
