#!/usr/bin/env bash
# Sets up (see setup.sh), then runs examples/demo.py: a Python function with a
# data-dependent while loop and if/else on tensors, eager and compiled.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${DY2ST_BUILD_DIR:-$ROOT/build}"
bash "$ROOT/scripts/setup.sh"

echo
PYTHONPATH="$ROOT/python-frontend${PYTHONPATH:+:$PYTHONPATH}" DY2ST_BUILD_DIR="$BUILD" \
  /usr/bin/python3 "$ROOT/examples/demo.py"
