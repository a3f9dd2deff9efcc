#!/usr/bin/env bash
# Sets up (see setup.sh) and runs every test: the lit suite, then the Python
# tests when there are any. Ends with one line "N passed, N failed" that counts
# everything that ran.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${DY2ST_BUILD_DIR:-$ROOT/build}"
bash "$ROOT/scripts/setup.sh" || { echo "0 passed, 1 failed"; exit 1; }

# Real Paddle (PyPI's CPU build) is the oracle of the semantics tests: it lives
# in a venv of its own and is never a dependency of dy2st. Without PyPI those
# tests skip, saying why. Its numpy stays below 2.4, which turned the
# conversion of a one-element array to a number into an error that Paddle
# 3.3's own paddle.summary makes.
venv="$BUILD/paddle-venv"
if ! "$venv/bin/python" -c "import paddle" > /dev/null 2>&1; then
  echo "== installing real Paddle (paddlepaddle from PyPI) into $venv, the tests' oracle"
  { /usr/bin/python3 -m venv --system-site-packages "$venv" &&
    timeout 900 "$venv/bin/pip" install -q --disable-pip-version-check paddlepaddle \
      "numpy<2.4"; } ||
    echo "== real Paddle could not be installed: the tests against it will skip"
fi

# numpy 2 (PyPI's, as users install it) for the test of the extension's
# arrays under it (test_numpy2.py); without PyPI that test skips.
numpy2="$BUILD/numpy2-venv"
if ! "$numpy2/bin/python" -c "import numpy, sys; sys.exit(int(numpy.__version__[0]) < 2)" \
    > /dev/null 2>&1; then
  echo "== installing numpy 2 (from PyPI) into $numpy2"
  { /usr/bin/python3 -m venv "$numpy2" &&
    timeout 600 "$numpy2/bin/pip" install -q --disable-pip-version-check "numpy>=2"; } ||
    echo "== numpy 2 could not be installed: its test will skip"
fi

passed=0
failed=0
skipped=0
count() { sed -n "s/^ *$1 *: *\([0-9][0-9]*\).*/\1/p" "$2" | head -n 1; }

echo "== lit"
lit_log="$(mktemp)"
/usr/lib/llvm-22/bin/lit -sv "$BUILD/test" 2>&1 | tee "$lit_log"
for kind in "Passed" "Expectedly Failed"; do
  passed=$((passed + $(count "$kind" "$lit_log" | grep . || echo 0)))
done
for kind in "Failed" "Unresolved" "Timed Out" "Unexpectedly Passed"; do
  failed=$((failed + $(count "$kind" "$lit_log" | grep . || echo 0)))
done
skipped=$((skipped + $(count "Unsupported" "$lit_log" | grep . || echo 0)))
grep -q "Total Discovered Tests" "$lit_log" || failed=$((failed + 1))
rm -f "$lit_log"

if compgen -G "$ROOT/python-frontend/tests/test_*.py" > /dev/null; then
  echo "== pytest"
  py_log="$(mktemp)"
  # Compiled programs are kept on disk for this run only: tests compile what
  # they test, and processes of the same run share what they compiled.
  disk_cache="$(mktemp -d)"
  DY2ST_DISK_CACHE="$disk_cache" \
  PYTHONPATH="$ROOT/python-frontend${PYTHONPATH:+:$PYTHONPATH}" DY2ST_BUILD_DIR="$BUILD" \
    DY2ST_PADDLE_PYTHON="$venv/bin/python" DY2ST_NUMPY2_PYTHON="$numpy2/bin/python" \
    /usr/bin/python3 -m pytest -q -p no:cacheprovider "$ROOT/python-frontend/tests" 2>&1 | tee "$py_log"
  rm -rf "$disk_cache"
  summary="$(tail -n 1 "$py_log")"
  for word in passed failed error errors skipped; do
    n="$(echo "$summary" | grep -o "[0-9]* $word" | grep -o "[0-9]*" || true)"
    [ -n "$n" ] || continue
    case "$word" in
      passed) passed=$((passed + n)) ;;
      skipped) skipped=$((skipped + n)) ;;
      *) failed=$((failed + n)) ;;
    esac
  done
  echo "$summary" | grep -qE "passed|failed|error" || failed=$((failed + 1))
  rm -f "$py_log"
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
