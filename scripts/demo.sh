#!/usr/bin/env bash
# Sets up (see setup.sh), then converts and runs examples/grow.mlir: a function
# with a data-dependent while loop and if/else on tensors, shown at each stage.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${DY2ST_BUILD_DIR:-$ROOT/build}"
bash "$ROOT/scripts/setup.sh"

EXAMPLE="$ROOT/examples/grow.mlir"
OPT="$BUILD/bin/dy2st-opt"
RUN="$BUILD/bin/dy2st-run"
SIGNATURE="tensor<4xf32>"

echo
echo "== 1. pydy after variable promotion and specialization to ($SIGNATURE)"
"$OPT" "$EXAMPLE" --pydy-promote-variables --pydy-specialize="signature=$SIGNATURE"
echo
echo "== 2. core dialects (scf.while / scf.if on the extracted condition, linalg on tensors)"
"$OPT" "$EXAMPLE" --dy2st-pydy-to-core="signature=$SIGNATURE"
echo
echo "== 3. JIT-compiled and run on x = [1, 2, 3, 4]"
"$RUN" "$EXAMPLE" --arg "dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>"
echo
echo "== 4. and on x = [0.5, 0.25, 30, 1]"
"$RUN" "$EXAMPLE" --arg "dense<[0.5, 0.25, 30.0, 1.0]> : tensor<4xf32>"
