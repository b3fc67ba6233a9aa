# Install rules: headers, both libraries, the command-line program, the JSON Schemas of every
# document in and out (README.md, "Schemas"), an exported CMake package (find_package(careerpath),
# which names the schemas' directory careerpath_SCHEMA_DIR) and a pkg-config file for the C ABI
# (its variable schemadir).
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
