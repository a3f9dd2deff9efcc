#!/usr/bin/env bash
# Builds dy2st with AddressSanitizer and UndefinedBehaviorSanitizer (in
# build-sanitized/, or $DY2ST_SANITIZED_BUILD_DIR) and runs the lit suite and
# the Python tests under them; extra arguments go to pytest (e.g. a test file).
# Python is not instrumented, so the sanitizer runtimes are preloaded into it.
# Ends with "N passed, N failed" like scripts/test.sh.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${DY2ST_SANITIZED_BUILD_DIR:-$ROOT/build-sanitized}"
DY2ST_BUILD_DIR="$BUILD" DY2ST_CMAKE_ARGS="-DDY2ST_SANITIZE=address,undefined" \
  bash "$ROOT/scripts/setup.sh" || { echo "0 passed, 1 failed"; exit 1; }

# Leaks are not checked: the interpreter and LLVM's global state keep memory
# to the end by design. Manual poisoning is off: LLVM's inline allocators
# poison their slabs in instrumented code, and libMLIR (not instrumented)
# allocates from the same slabs without unpoisoning (false reports).
# A failed allocation returns null, as malloc does (compiled code turns it
# into MemoryError). Everything else stops the process with a report. Python, lit and FileCheck
# are not instrumented: the runtimes are preloaded into every process.
export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=1:allow_user_poisoning=0:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
LD_PRELOAD="$(g++ -print-file-name=libasan.so):$(g++ -print-file-name=libubsan.so)"
export LD_PRELOAD

passed=0
failed=0
echo "== lit (sanitized)"
lit_log="$(mktemp)"
/usr/lib/llvm-22/bin/lit -sv "$BUILD/test" 2>&1 | tee "$lit_log"
count() { sed -n "s/^ *$1 *: *\([0-9][0-9]*\).*/\1/p" "$lit_log" | head -n 1; }
passed=$((passed + $(count Passed | grep . || echo 0)))
failed=$((failed + $(count Failed | grep . || echo 0)))
grep -q "Total Discovered Tests" "$lit_log" || failed=$((failed + 1))
rm -f "$lit_log"

echo "== pytest (sanitized)"
# Real Paddle, the oracle, runs in its own interpreter without the runtimes
# (the main build's venv, where scripts/test.sh made one); numpy 2's test,
# whose interpreter would load the instrumented extension, skips.
py_log="$(mktemp)"
paddle_python="${DY2ST_PADDLE_PYTHON:-$ROOT/build/paddle-venv/bin/python}"
env -u DY2ST_NUMPY2_PYTHON DY2ST_PADDLE_PYTHON="$paddle_python" PYTHONPATH="$ROOT/python-frontend" \
  DY2ST_BUILD_DIR="$BUILD" /usr/bin/python3 -m pytest -q -p no:cacheprovider "${@:-$ROOT/python-frontend/tests}" 2>&1 |
  tee "$py_log"
summary="$(tail -n 1 "$py_log")"
for word in passed failed error errors; do
  n="$(echo "$summary" | grep -o "[0-9]* $word" | grep -o "[0-9]*" || true)"
  [ -n "$n" ] || continue
  if [ "$word" = passed ]; then passed=$((passed + n)); else failed=$((failed + n)); fi
done
echo "$summary" | grep -qE "passed|failed|error" || failed=$((failed + 1))
rm -f "$py_log"
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
