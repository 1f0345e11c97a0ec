# hs_module(NAME [DEPENDS module...] [LIBS third-party...])
#
# Builds src/modules/NAME as the library hs_NAME. It links the libraries below the
# modules (core, text, store, mail, services, web) and only the modules it DEPENDS on; LIBS are the
# third-party libraries it uses itself. tools/check_boundaries.py reads the same DEPENDS
# list, so a file that includes a module not declared here fails `./dev test`.
function(hs_module name)
  cmake_parse_arguments(M "" "" "DEPENDS;LIBS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  add_library(hs_${name} STATIC ${sources})
  hs_warnings(hs_${name})
  set(deps)
  foreach(d IN LISTS M_DEPENDS)
    list(APPEND deps hs_${d})
  endforeach()
  # LIBS are public: a module's headers (and its unit tests) may use their types.
  target_link_libraries(hs_${name} PUBLIC ${deps} hs_web hs_services hs_store hs_mail hs_text hs_core ${M_LIBS})
  set_property(GLOBAL APPEND PROPERTY HS_MODULES hs_${name})
endfunction()

function(hs_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror -Wno-maybe-uninitialized)
endfunction()
