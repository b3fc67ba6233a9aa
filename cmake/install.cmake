# Install rules: headers, both libraries, the command-line program, the JSON Schemas of every
# document in and out (README.md, "Schemas"), an exported CMake package (find_package(careerpath),
# which names the schemas' directory careerpath_SCHEMA_DIR), a pkg-config file for the C ABI (its
# variable schemadir) and the Python binding; the binaries without their debug info, which the
# component `debug` holds.
include(CMakePackageConfigHelpers)

install(DIRECTORY include/careerpath DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set(CAREERPATH_SCHEMA_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/careerpath/schemas)
install(DIRECTORY docs/schemas/ DESTINATION ${CAREERPATH_SCHEMA_INSTALL_DIR} FILES_MATCHING PATTERN "*.schema.json")
install(TARGETS careerpath careerpath_c EXPORT careerpathTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  PUBLIC_HEADER DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET careerpath_cli)
  install(TARGETS careerpath_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(EXPORT careerpathTargets NAMESPACE careerpath::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/careerpath)

configure_package_config_file(cmake/careerpathConfig.cmake.in
  ${PROJECT_BINARY_DIR}/careerpathConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/careerpath
  PATH_VARS CAREERPATH_SCHEMA_INSTALL_DIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/careerpathConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/careerpathConfig.cmake ${PROJECT_BINARY_DIR}/careerpathConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/careerpath)

configure_file(cmake/careerpath.pc.in ${PROJECT_BINARY_DIR}/careerpath.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/careerpath.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The Python binding, beside a link to the installed library, which it finds there. Debian's
# interpreter reads <prefix>/lib/python3/dist-packages for the prefix /usr; for another prefix,
# set CAREERPATH_INSTALL_PYTHONDIR to a directory on its sys.path, or add this one to PYTHONPATH
# (README, "Installing with CMake, and deployable builds").
set(CAREERPATH_INSTALL_PYTHONDIR "lib/python3/dist-packages" CACHE STRING
    "Where cmake --install puts the Python package careerpath (relative: under the prefix)")
install(DIRECTORY bindings/python/careerpath DESTINATION ${CAREERPATH_INSTALL_PYTHONDIR}
  PATTERN __pycache__ EXCLUDE
  PATTERN "*.pyc" EXCLUDE
  PATTERN "libcareerpath.so*" EXCLUDE)
set(careerpath_install_steps "include(\"${PROJECT_SOURCE_DIR}/cmake/install_steps.cmake\")")
install(CODE "${careerpath_install_steps}
careerpath_link_python_library(\"${CAREERPATH_INSTALL_PYTHONDIR}/careerpath\"
  \"${CMAKE_INSTALL_LIBDIR}/$<TARGET_SONAME_FILE_NAME:careerpath_c>\")")

# A deployable install: the binaries without debug info, which `cmake --install BUILD --component
# debug` writes apart (README, "Installing with CMake, and deployable builds"). OFF installs
# them as built.
option(CAREERPATH_INSTALL_STRIP "Install the binaries without their debug info" ON)
if(CAREERPATH_INSTALL_STRIP)
  set(careerpath_installed_binaries
    "${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:careerpath_c>"
    "${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:careerpath>")
  set(careerpath_built_binaries "$<TARGET_FILE:careerpath_c>")
  if(TARGET careerpath_cli)
    list(APPEND careerpath_installed_binaries "${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:careerpath_cli>")
    list(APPEND careerpath_built_binaries "$<TARGET_FILE:careerpath_cli>")
  endif()
  install(CODE "${careerpath_install_steps}
careerpath_strip_debug(\"${CMAKE_OBJCOPY}\" \"${careerpath_installed_binaries}\")")
  install(CODE "${careerpath_install_steps}
careerpath_install_debug_info(\"${CMAKE_OBJCOPY}\" \"${CMAKE_READELF}\" \"${careerpath_built_binaries}\")"
    COMPONENT debug EXCLUDE_FROM_ALL)
endif()
