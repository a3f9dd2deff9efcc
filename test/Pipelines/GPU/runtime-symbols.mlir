// Every mgpu* function that GPU host code calls (through gpu-to-llvm and the
// translation of gpu.launch_func) is defined by dy2st's CUDA runtime library.
// REQUIRES: cuda-runtime
// RUN: dy2st-opt %S/while.mlir --dy2st-to-nvvm="format=isa" | mlir-translate --mlir-to-llvmir | grep -o "declare [^@]*@mgpu[A-Za-z0-9]*" | sed "s/.*@//" | sort -u > %t.used
// RUN: dy2st-opt %S/while.mlir --dy2st-to-nvvm="format=bin" | mlir-translate --mlir-to-llvmir | grep -o "declare [^@]*@mgpu[A-Za-z0-9]*" | sed "s/.*@//" | sort -u >> %t.used
// RUN: FileCheck %s < %t.used
// RUN: nm -D --defined-only %dy2st_cuda_runtime | awk '{print $3}' | sort -u > %t.defined
// RUN: sort -u %t.used | comm -23 - %t.defined > %t.missing
// RUN: not test -s %t.missing

// CHECK-DAG: mgpuLaunchKernel
// CHECK-DAG: mgpuMemAlloc
// CHECK-DAG: mgpuModuleLoadJIT
// CHECK-DAG: mgpuModuleLoad
