#!/usr/bin/env bash
# Runs the GPU tests on a machine with an NVIDIA GPU, its driver and the CUDA
# toolkit (nvcc/ptxas, cuda.h): the GPU pipeline's lit tests and the Python
# tests with backend="gpu", which here must run rather than skip.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${DY2ST_BUILD_DIR:-$ROOT/build}"
bash "$ROOT/scripts/setup.sh"
if [ ! -f "$BUILD/lib/libdy2st_cuda_runtime.so" ]; then
  echo "test-gpu: dy2st was configured without the CUDA toolkit (cuda.h, libcuda);" \
       "install it (e.g. at /usr/local/cuda), remove $BUILD and run again" >&2
  exit 1
fi
/usr/lib/llvm-22/bin/lit -sv "$BUILD/test/Pipelines/GPU" "$BUILD/test/Tools"
PYTHONPATH="$ROOT/python-frontend" DY2ST_BUILD_DIR="$BUILD" DY2ST_REQUIRE_GPU=1 \
  /usr/bin/python3 -m pytest -q -rs -p no:cacheprovider "$ROOT/python-frontend/tests/test_gpu.py"
