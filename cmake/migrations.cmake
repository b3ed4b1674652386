# Migrations as files: src/store/migrations/NNNN_name.{sqlite,postgres}.sql,
# listed in migrations.txt, compiled into `library` through a header generated
# in the build directory (store/migrations.gen.hpp, by embed_migrations.cmake).
# It regenerates when migrations.txt or any .sql file changes; a new .sql file
# re-runs CMake (CONFIGURE_DEPENDS). `tests` learns where the source files are,
# to check that the binary holds exactly them.
function(bulwark_embed_migrations library tests)
  set(dir "${PROJECT_SOURCE_DIR}/src/store/migrations")
  set(out "${PROJECT_BINARY_DIR}/generated/store/migrations.gen.hpp")
  set(script "${PROJECT_SOURCE_DIR}/cmake/embed_migrations.cmake")
  file(GLOB sql_files CONFIGURE_DEPENDS "${dir}/*.sql")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND "${CMAKE_COMMAND}" "-DDIR=${dir}" "-DOUT=${out}" -P "${script}"
    DEPENDS "${dir}/migrations.txt" ${sql_files} "${script}"
    COMMENT "Embedding src/store/migrations"
    VERBATIM)
  target_sources(${library} PRIVATE "${out}")
  target_include_directories(${library} PUBLIC "${PROJECT_BINARY_DIR}/generated")
  target_compile_definitions(${tests} PRIVATE "BULWARK_MIGRATIONS_DIR=\"${dir}\"")
endfunction()
