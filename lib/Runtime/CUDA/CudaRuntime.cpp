// The `mgpu*` functions that `gpu-to-llvm` and the GPU module translation
// call from host code, on the CUDA driver API. Debian ships no
// libmlir_cuda_runtime, so dy2st builds its own when the toolkit is found.
//
// Compiled code cannot handle errors: the first failing driver call is
// recorded (later calls are skipped) and reported by dy2stCudaTakeError()
// after the call, which the JIT turns into a Python exception.
#include <cuda.h>

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>

namespace {

std::mutex errorMutex;
std::string firstError;

bool failed() {
  std::lock_guard<std::mutex> lock(errorMutex);
  return !firstError.empty();
}

/// Records a failing result; true when `result` is a failure.
bool check(CUresult result, const char *call) {
  if (result == CUDA_SUCCESS)
    return false;
  const char *name = nullptr, *text = nullptr;
  cuGetErrorName(result, &name);
  cuGetErrorString(result, &text);
  std::lock_guard<std::mutex> lock(errorMutex);
  if (firstError.empty())
    firstError = std::string(call) + " failed: " + (name ? name : "unknown error") +
                 (text ? std::string(" (") + text + ")" : std::string());
  return true;
}

/// The primary context of device 0, made current on the calling thread.
bool enterContext() {
  static CUcontext context = [] {
    CUcontext ctx = nullptr;
    CUdevice device;
    if (check(cuInit(0), "cuInit") || check(cuDeviceGet(&device, 0), "cuDeviceGet") ||
        check(cuDevicePrimaryCtxRetain(&ctx, device), "cuDevicePrimaryCtxRetain"))
      return static_cast<CUcontext>(nullptr);
    return ctx;
  }();
  return context && !check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
}

/// Whether a driver call may run now: no earlier failure, a current context.
bool ready() { return !failed() && enterContext(); }

} // namespace

extern "C" {

/// Empty when a CUDA device is usable, else why not.
const char *dy2stCudaUnavailable() {
  static std::string reason;
  int count = 0;
  CUresult result = cuInit(0);
  if (result == CUDA_SUCCESS)
    result = cuDeviceGetCount(&count);
  if (result != CUDA_SUCCESS) {
    const char *name = nullptr;
    cuGetErrorName(result, &name);
    reason = std::string("the CUDA driver did not initialize (") + (name ? name : "?") + ")";
  } else if (count == 0) {
    reason = "the CUDA driver sees no GPU";
  } else {
    reason.clear();
  }
  return reason.c_str();
}

/// The target of device 0, e.g. "sm_86".
const char *dy2stCudaChip() {
  static std::string chip;
  CUdevice device;
  int major = 0, minor = 0;
  if (cuDeviceGet(&device, 0) == CUDA_SUCCESS &&
      cuDeviceGetAttribute(&major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device) ==
          CUDA_SUCCESS &&
      cuDeviceGetAttribute(&minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device) ==
          CUDA_SUCCESS)
    chip = "sm_" + std::to_string(major) + std::to_string(minor);
  else
    chip = "sm_80";
  return chip.c_str();
}

/// The first driver error since the last call (empty if none), and resets it.
const char *dy2stCudaTakeError() {
  static thread_local std::string taken;
  std::lock_guard<std::mutex> lock(errorMutex);
  taken.swap(firstError);
  firstError.clear();
  return taken.c_str();
}

CUmodule mgpuModuleLoad(void *data, size_t /*size*/) {
  CUmodule module = nullptr;
  if (ready())
    check(cuModuleLoadData(&module, data), "cuModuleLoadData");
  return module;
}

CUmodule mgpuModuleLoadJIT(void *data, int optLevel) {
  CUmodule module = nullptr;
  if (!ready())
    return module;
  char log[4096] = {0};
  CUjit_option options[] = {CU_JIT_OPTIMIZATION_LEVEL, CU_JIT_ERROR_LOG_BUFFER,
                            CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES};
  void *values[] = {reinterpret_cast<void *>(static_cast<intptr_t>(optLevel)), log,
                    reinterpret_cast<void *>(sizeof(log))};
  if (check(cuModuleLoadDataEx(&module, data, 3, options, values), "cuModuleLoadDataEx (PTX)") &&
      log[0])
    std::fprintf(stderr, "dy2st: PTX JIT log: %s\n", log);
  return module;
}

void mgpuModuleUnload(CUmodule module) {
  if (module && enterContext())
    check(cuModuleUnload(module), "cuModuleUnload");
}

CUfunction mgpuModuleGetFunction(CUmodule module, const char *name) {
  CUfunction function = nullptr;
  if (module && ready())
    check(cuModuleGetFunction(&function, module, name), "cuModuleGetFunction");
  return function;
}

void mgpuLaunchKernel(CUfunction function, intptr_t gridX, intptr_t gridY, intptr_t gridZ,
                      intptr_t blockX, intptr_t blockY, intptr_t blockZ, int32_t smem,
                      CUstream stream, void **params, void **extra, size_t /*paramsCount*/) {
  if (function && ready())
    check(cuLaunchKernel(function, gridX, gridY, gridZ, blockX, blockY, blockZ, smem, stream,
                         params, extra),
          "cuLaunchKernel");
}

CUstream mgpuStreamCreate() {
  CUstream stream = nullptr;
  if (ready())
    check(cuStreamCreate(&stream, CU_STREAM_NON_BLOCKING), "cuStreamCreate");
  return stream;
}

void mgpuStreamDestroy(CUstream stream) {
  if (stream && enterContext())
    check(cuStreamDestroy(stream), "cuStreamDestroy");
}

void mgpuStreamSynchronize(CUstream stream) {
  if (ready())
    check(cuStreamSynchronize(stream), "cuStreamSynchronize");
}

void mgpuStreamWaitEvent(CUstream stream, CUevent event) {
  if (ready())
    check(cuStreamWaitEvent(stream, event, 0), "cuStreamWaitEvent");
}

CUevent mgpuEventCreate() {
  CUevent event = nullptr;
  if (ready())
    check(cuEventCreate(&event, CU_EVENT_DISABLE_TIMING), "cuEventCreate");
  return event;
}

void mgpuEventDestroy(CUevent event) {
  if (event && enterContext())
    check(cuEventDestroy(event), "cuEventDestroy");
}

void mgpuEventSynchronize(CUevent event) {
  if (ready())
    check(cuEventSynchronize(event), "cuEventSynchronize");
}

void mgpuEventRecord(CUevent event, CUstream stream) {
  if (ready())
    check(cuEventRecord(event, stream), "cuEventRecord");
}

void *mgpuMemAlloc(uint64_t sizeBytes, CUstream /*stream*/, bool isHostShared) {
  CUdeviceptr pointer = 0;
  // A zero-byte request still gets a distinct pointer to free later.
  size_t size = sizeBytes ? sizeBytes : 1;
  if (ready()) {
    if (isHostShared)
      check(cuMemAllocManaged(&pointer, size, CU_MEM_ATTACH_GLOBAL), "cuMemAllocManaged");
    else
      check(cuMemAlloc(&pointer, size), "cuMemAlloc");
  }
  return reinterpret_cast<void *>(pointer);
}

void mgpuMemFree(void *pointer, CUstream /*stream*/) {
  // Kernels on other streams may still use the buffer.
  if (pointer && enterContext() && !check(cuCtxSynchronize(), "cuCtxSynchronize"))
    check(cuMemFree(reinterpret_cast<CUdeviceptr>(pointer)), "cuMemFree");
}

void mgpuMemcpy(void *dst, void *src, size_t sizeBytes, CUstream stream) {
  if (ready())
    check(cuMemcpyAsync(reinterpret_cast<CUdeviceptr>(dst), reinterpret_cast<CUdeviceptr>(src),
                        sizeBytes, stream),
          "cuMemcpyAsync");
}

void mgpuMemset32(void *dst, unsigned int value, size_t count, CUstream stream) {
  if (ready())
    check(cuMemsetD32Async(reinterpret_cast<CUdeviceptr>(dst), value, count, stream),
          "cuMemsetD32Async");
}

void mgpuMemset16(void *dst, unsigned short value, size_t count, CUstream stream) {
  if (ready())
    check(cuMemsetD16Async(reinterpret_cast<CUdeviceptr>(dst), value, count, stream),
          "cuMemsetD16Async");
}

void mgpuSetDefaultDevice(int32_t /*device*/) {}

} // extern "C"
