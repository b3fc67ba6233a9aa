# Installs the build into a scratch prefix, then builds and runs the consumer project against it
# through find_package, and compiles the C consumer again through pkg-config.
file(REMOVE_RECURSE ${WORK})
set(prefix ${WORK}/prefix)

function(step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}\n${err}")
  endif()
  message("${out}")
endfunction()

step(${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix})

# The JSON Schemas are installed as the repository has them (README.md, "Schemas").
file(GLOB schemas RELATIVE ${SOURCE}/docs/schemas ${SOURCE}/docs/schemas/*.schema.json)
if(NOT schemas)
  message(FATAL_ERROR "no schema in ${SOURCE}/docs/schemas")
endif()
foreach(schema IN LISTS schemas)
  step(${CMAKE_COMMAND} -E compare_files ${SOURCE}/docs/schemas/${schema} ${prefix}/share/careerpath/schemas/${schema})
endforeach()
step(${CMAKE_COMMAND} -S ${SOURCE}/tests/consumer -B ${WORK}/build -G ${GENERATOR}
     -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_RPATH=${prefix}/lib)
step(${CMAKE_COMMAND} --build ${WORK}/build)
step(${WORK}/build/consumer_cpp)
step(${WORK}/build/consumer_c)

# pkg-config, for builds that are not CMake.
find_program(PKG_CONFIG pkg-config REQUIRED)
find_program(CC NAMES cc gcc REQUIRED)
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs careerpath OUTPUT_VARIABLE flags
                RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config does not know careerpath")
endif()
execute_process(COMMAND ${PKG_CONFIG} --variable=schemadir careerpath OUTPUT_VARIABLE schemadir
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT EXISTS "${schemadir}/plan.schema.json")
  message(FATAL_ERROR "pkg-config's schemadir \"${schemadir}\" holds no plan.schema.json")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
step(${CC} ${SOURCE}/tests/consumer/consumer.c ${flags} -Wl,-rpath,${prefix}/lib -o ${WORK}/consumer_pkgconfig)
step(${WORK}/consumer_pkgconfig)

# add_subdirectory, for projects that vendor the source.
step(${CMAKE_COMMAND} -S ${SOURCE}/tests/consumer/subdirectory -B ${WORK}/subdirectory -G ${GENERATOR}
     -DCAREERPATH_SOURCE=${SOURCE})
step(${CMAKE_COMMAND} --build ${WORK}/subdirectory)
step(${WORK}/subdirectory/consumer_cpp)
step(${WORK}/subdirectory/consumer_c)
