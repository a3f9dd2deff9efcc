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
# to the end by design. Everything else stops the process with a report.
export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

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
runtimes="$(g++ -print-file-name=libasan.so):$(g++ -print-file-name=libubsan.so)"
py_log="$(mktemp)"
LD_PRELOAD="$runtimes" PYTHONPATH="$ROOT/python-frontend" DY2ST_BUILD_DIR="$BUILD" \
  DY2ST_PADDLE_PYTHON="${DY2ST_PADDLE_PYTHON:-$ROOT/build/paddle-venv/bin/python}" \
  /usr/bin/python3 -m pytest -q -p no:cacheprovider "${@:-$ROOT/python-frontend/tests}" 2>&1 |
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
