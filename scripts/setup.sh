#!/usr/bin/env bash
# Idempotent set-up used by both README commands: installs the Debian packages
# dy2st needs (when missing), configures and builds. Prints progress as it goes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${DY2ST_BUILD_DIR:-$ROOT/build}"
PACKAGES=(llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools cmake ninja-build g++
          python3-numpy python3-pytest python3-dev python3-venv pybind11-dev ccache
          libopenblas-dev mypy)  # mypy: the test of the type hints

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== dy2st setup: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "dy2st setup: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$BUILD/build.ninja" ]; then
  echo "== dy2st setup: configuring in $BUILD"
  # DY2ST_CMAKE_ARGS: more configure options (scripts/test-sanitized.sh's).
  # shellcheck disable=SC2086
  cmake -G Ninja -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_CXX_COMPILER_LAUNCHER=ccache ${DY2ST_CMAKE_ARGS:-}
fi
echo "== dy2st setup: building (ninja prints [done/total] as it goes)"
cmake --build "$BUILD"
