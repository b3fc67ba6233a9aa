# Installs the build into a scratch prefix, then builds and runs the consumer project against it
# through find_package, and compiles the C consumer again through pkg-config; checks that the
# installed binaries carry no debug info (the component debug holds it, by build ID) and that the
# installed Python package plans Alex with the installed library and no CAREERPATH_LIBRARY.
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

# Deployable: no debug info installed; `--component debug` writes it apart, by build ID.
find_program(READELF readelf REQUIRED)
file(GLOB installed_library ${prefix}/lib/libcareerpath.so.*.*.*)
foreach(binary IN ITEMS ${installed_library} ${prefix}/bin/careerpath ${prefix}/lib/libcareerpath-cpp.a)
  execute_process(COMMAND ${READELF} -S -W ${binary} OUTPUT_VARIABLE sections RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR sections MATCHES "\\.debug_info")
    message(FATAL_ERROR "${binary} is installed with debug info (or readelf failed)")
  endif()
endforeach()
step(${CMAKE_COMMAND} --install ${BUILD} --prefix ${prefix} --component debug)
execute_process(COMMAND ${READELF} --notes ${installed_library} OUTPUT_VARIABLE notes)
string(REGEX MATCH "Build ID: ([0-9a-f][0-9a-f])([0-9a-f]+)" _ "${notes}")
set(debug_file ${prefix}/lib/debug/.build-id/${CMAKE_MATCH_1}/${CMAKE_MATCH_2}.debug)
execute_process(COMMAND ${READELF} -S -W ${debug_file} OUTPUT_VARIABLE sections RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT sections MATCHES "\\.debug_info")
  message(FATAL_ERROR "no debug info for ${installed_library} at ${debug_file}")
endif()

# The Python package, installed beside a link to the installed library, which it finds there.
step(${CMAKE_COMMAND} -E env --unset=CAREERPATH_LIBRARY PYTHONPATH=${prefix}/lib/python3/dist-packages
     PYTHONDONTWRITEBYTECODE=1 ${PYTHON} -c
     "import careerpath, json, os, sys; from careerpath import _native
c = careerpath.Curriculum.load(sys.argv[1]); plan = c.plan(json.load(open(sys.argv[2])))
assert os.path.realpath(_native.library().path) == os.path.realpath(sys.argv[3]), _native.library().path
assert careerpath.__version__ == careerpath.version()
print('installed binding:', careerpath.__version__, plan['summary']['finish'])"
     ${EXAMPLES}/engineering-growth.json ${EXAMPLES}/alex.request.json ${installed_library})
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
