# lit configuration of the dy2st test suite.
import os

import lit.formats
from lit.llvm import llvm_config

config.name = "dy2st"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test", ".py"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.dy2st_obj_root, "test")

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.add_tool_substitutions(
    ["dy2st-opt", "dy2st-run"], [config.dy2st_tools_dir]
)
config.substitutions.append(("%python", config.python_executable))
# Tests that assemble kernels with ptxas need the CUDA toolkit; the runtime
# library of GPU code is built when cuda.h and libcuda were found; running
# kernels needs an NVIDIA driver that sees a GPU.
if config.dy2st_cuda_toolkit:
    config.available_features.add("ptxas")
if config.dy2st_cuda_runtime == "ON":
    config.available_features.add("cuda-runtime")
    config.substitutions.append(
        ("%dy2st_cuda_runtime", os.path.join(config.dy2st_obj_root, "lib", "libdy2st_cuda_runtime.so")))


def _gpu_present():
    import ctypes
    try:
        cuda = ctypes.CDLL("libcuda.so.1")
    except OSError:
        return False
    count = ctypes.c_int(0)
    return cuda.cuInit(0) == 0 and cuda.cuDeviceGetCount(ctypes.byref(count)) == 0 and count.value > 0


if _gpu_present():
    config.available_features.add("gpu")
# Python tests import the package from the source tree and the extension
# from this build.
config.environment["PYTHONPATH"] = os.path.join(config.dy2st_src_root, "python-frontend")
config.environment["DY2ST_BUILD_DIR"] = config.dy2st_obj_root
