# Sourced by scripts/test --asan and scripts/fuzz: how the sanitizers report. Every finding stops
# the process with a non-zero exit and a stack. The only suppressions are library findings, each
# explained where it is made: tests/sanitizers/lsan.supp, and one ASan check off for one test in
# tests/gui/CMakeLists.txt (tst_loginbrowser, QtWebEngine's teardown).
# shellcheck shell=bash
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
