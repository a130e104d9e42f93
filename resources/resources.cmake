# Included from ui/CMakeLists.txt: the icons and the translations of contactdesk_ui.

# Icons: scalable SVGs, drawn at the screen's pixel density in the palette's text colour
# (ui/app/icons.cpp). The static library's resource object would be dropped by the linker as
# unreferenced, so ui/app/icons.cpp registers it with Q_INIT_RESOURCE.
qt_add_resources(contactdesk_icon_sources ${PROJECT_SOURCE_DIR}/resources/contactdesk.qrc)
target_sources(contactdesk_ui PRIVATE ${contactdesk_icon_sources})

# Translations. Every build that changed a source runs lupdate over the code that holds user
# text (ui, core and the desktop app), which refreshes resources/translations/*.ts in the source
# tree; lrelease turns them into .qm files embedded under :/i18n, which app/desktop/main.cpp
# loads for the system locale. Without line numbers the .ts files change only when a string
# does.
set(contactdesk_languages de en)
file(GLOB_RECURSE contactdesk_tr_sources CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
    ${PROJECT_SOURCE_DIR}/core/*.cpp ${PROJECT_SOURCE_DIR}/core/*.h
    ${PROJECT_SOURCE_DIR}/app/desktop/*.cpp)
set(contactdesk_ts_files)
set(contactdesk_qm_files)
foreach(language IN LISTS contactdesk_languages)
    set(ts ${PROJECT_SOURCE_DIR}/resources/translations/contactdesk_${language}.ts)
    set(qm ${CMAKE_CURRENT_BINARY_DIR}/i18n/contactdesk_${language}.qm)
    list(APPEND contactdesk_ts_files ${ts})
    list(APPEND contactdesk_qm_files ${qm})
endforeach()
# lupdate's parser reports every nested namespace it cannot place (see ui/app/translations.h);
# that goes to lupdate.log beside the stamp rather than into every build's output.
set(contactdesk_lupdate_stamp ${CMAKE_CURRENT_BINARY_DIR}/contactdesk_lupdate.stamp)
set(contactdesk_lupdate_log ${CMAKE_CURRENT_BINARY_DIR}/lupdate.log)
add_custom_command(OUTPUT ${contactdesk_lupdate_stamp}
    COMMAND sh -c "\"$0\" \"$@\" >\"${contactdesk_lupdate_log}\" 2>&1"
            $<TARGET_FILE:Qt6::lupdate> -silent -locations none -extensions cpp,h
            ${PROJECT_SOURCE_DIR}/ui ${PROJECT_SOURCE_DIR}/core ${PROJECT_SOURCE_DIR}/app/desktop
            -ts ${contactdesk_ts_files}
    COMMAND ${CMAKE_COMMAND} -E touch ${contactdesk_lupdate_stamp}
    DEPENDS ${contactdesk_tr_sources} Qt6::lupdate
    COMMENT "Updating the translation sources (lupdate)"
    VERBATIM)
foreach(language IN LISTS contactdesk_languages)
    set(ts ${PROJECT_SOURCE_DIR}/resources/translations/contactdesk_${language}.ts)
    set(qm ${CMAKE_CURRENT_BINARY_DIR}/i18n/contactdesk_${language}.qm)
    add_custom_command(OUTPUT ${qm}
        COMMAND $<TARGET_FILE:Qt6::lrelease> -silent ${ts} -qm ${qm}
        DEPENDS ${contactdesk_lupdate_stamp} ${ts} Qt6::lrelease
        COMMENT "Compiling the ${language} translation (lrelease)"
        VERBATIM)
endforeach()
add_custom_target(contactdesk_translations DEPENDS ${contactdesk_qm_files})
qt_add_resources(contactdesk_ui contactdesk_translations_qrc
    PREFIX /i18n
    BASE ${CMAKE_CURRENT_BINARY_DIR}/i18n
    FILES ${contactdesk_qm_files})
add_dependencies(contactdesk_ui contactdesk_translations)
