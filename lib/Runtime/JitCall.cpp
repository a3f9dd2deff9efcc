// Calling a compiled entry through the C interface: memref descriptors for
// tensors, one slot per scalar, and the results' struct.
#include "Dy2St/Runtime/JitFunction.h"

#include "Dy2St/Runtime/Memory.h"
#include "Dy2St/Runtime/Print.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdlib>
#include <cstring>

namespace dy2st {
namespace {

/// Words of the ranked memref descriptor of the C interface (allocated and
/// aligned pointers, offset, sizes, strides).
size_t descriptorWords(size_t rank) { return 3 + 2 * rank; }

void fillDescriptor(int64_t *words, void *data, llvm::ArrayRef<int64_t> shape) {
  size_t rank = shape.size();
  std::memcpy(&words[0], &data, sizeof(void *));
  std::memcpy(&words[1], &data, sizeof(void *));
  words[2] = 0;
  int64_t stride = 1;
  for (size_t i = rank; i-- > 0;) {
    words[3 + i] = shape[i];
    words[3 + rank + i] = stride;
    stride *= shape[i];
  }
}

size_t alignTo(size_t offset, size_t align) { return (offset + align - 1) / align * align; }

/// Size and alignment of one result in the C interface's result struct.
std::pair<size_t, size_t> resultLayout(const ValueSlot &slot) {
  if (slot.kind == ValueKind::Tensor)
    return {descriptorWords(slot.shape.size()) * sizeof(int64_t), alignof(int64_t)};
  if (slot.kind == ValueKind::Bool)
    return {1, 1};
  return {8, 8};
}

/// A result tensor from its descriptor: owned by the caller, copied where the
/// buffer is an argument's, an earlier result's or a constant global.
RuntimeValue tensorResult(const int64_t *words, DType dtype, size_t rank,
                          llvm::ArrayRef<RuntimeValue> args, llvm::ArrayRef<void *> owned) {
  void *allocated, *aligned;
  std::memcpy(&allocated, &words[0], sizeof(void *));
  std::memcpy(&aligned, &words[1], sizeof(void *));
  RuntimeValue v;
  v.kind = RuntimeValue::Kind::Tensor;
  v.dtype = dtype;
  v.shape.assign(words + 3, words + 3 + rank);
  size_t elementSize = dtypeSize(v.dtype);
  char *data = static_cast<char *>(aligned) + words[2] * elementSize;
  bool isArgument = llvm::any_of(args, [&](const RuntimeValue &a) {
    return a.kind == RuntimeValue::Kind::Tensor && a.data == allocated;
  });
  bool isGlobal = reinterpret_cast<uintptr_t>(allocated) == 0xdeadbeef;
  if (isArgument || isGlobal || llvm::is_contained(owned, allocated)) {
    size_t bytes = v.numElements() * elementSize;
    void *copy = std::malloc(std::max<size_t>(bytes, 1));
    std::memcpy(copy, data, bytes);
    v.data = v.allocation = copy;
  } else {
    v.data = data;
    v.allocation = allocated;
  }
  return v;
}

} // namespace

void JitFunction::prepareCalls() {
  const std::vector<ValueSlot> &results = loaded.results;
  resultInStruct = !results.empty() && !(results.size() == 1 && results[0].kind != ValueKind::Tensor);
  size_t offset = 0, maxAlign = 1;
  for (const ValueSlot &slot : results) {
    auto [size, align] = resultLayout(slot);
    offset = alignTo(offset, align);
    resultOffsets.push_back(offset);
    offset += size;
    maxAlign = std::max(maxAlign, align);
  }
  resultBytes = alignTo(std::max<size_t>(offset, 8), maxAlign) + 8;
}

llvm::Expected<std::vector<RuntimeValue>>
JitFunction::call(llvm::ArrayRef<RuntimeValue> args) const {
  const std::vector<ValueSlot> &inputSlots = loaded.inputs;
  const std::string &name = loaded.name;
  if (args.size() != inputSlots.size())
    return llvm::createStringError("dy2st: " + name + "() takes " +
                                   std::to_string(inputSlots.size()) + " arguments, " +
                                   std::to_string(args.size()) + " given");
  auto argumentError = [&](size_t i, const std::string &problem) {
    return llvm::createStringError("dy2st: argument " + std::to_string(i) + " of " + name +
                                   "() " + problem);
  };

  // Storage for every argument, sized before any pointer into it is taken.
  size_t words = 0;
  for (const RuntimeValue &arg : args)
    if (arg.kind == RuntimeValue::Kind::Tensor)
      words += descriptorWords(arg.shape.size());
  llvm::SmallVector<int64_t, 64> descriptors(words);
  llvm::SmallVector<void *, 16> descriptorPointers(args.size());
  llvm::SmallVector<int64_t, 16> scalars(args.size());
  llvm::SmallVector<int64_t, 32> resultStorage(resultBytes / sizeof(int64_t) + 1);
  void *resultPointer = resultStorage.data();
  llvm::SmallVector<void *, 16> packed;
  if (resultInStruct)
    packed.push_back(&resultPointer);

  int64_t *nextDescriptor = descriptors.data();
  for (auto [i, arg, slot] : llvm::enumerate(args, inputSlots)) {
    if (slot.kind == RuntimeValue::Kind::Tensor) {
      if (arg.kind != RuntimeValue::Kind::Tensor)
        return argumentError(i, "must be a tensor");
      if (arg.dtype != slot.dtype)
        return argumentError(i, std::string("has dtype ") + dtypeName(arg.dtype) +
                                    " but the function was compiled for " + slot.description);
      bool shapeOk = arg.shape.size() == slot.shape.size();
      for (size_t d = 0; shapeOk && d < arg.shape.size(); ++d)
        shapeOk = slot.shape[d] == kDynamicDim || slot.shape[d] == arg.shape[d];
      if (!shapeOk)
        return argumentError(i, "does not have the shape the function was compiled for: " +
                                    slot.description);
      fillDescriptor(nextDescriptor, arg.data, arg.shape);
      descriptorPointers[i] = nextDescriptor;
      nextDescriptor += descriptorWords(arg.shape.size());
      packed.push_back(&descriptorPointers[i]);
      continue;
    }
    int64_t &storage = scalars[i];
    if (slot.kind == RuntimeValue::Kind::Bool) {
      bool v = arg.kind == RuntimeValue::Kind::Bool ? arg.boolValue : arg.intValue != 0;
      std::memcpy(&storage, &v, sizeof(v));
    } else if (slot.kind == RuntimeValue::Kind::Int) {
      if (arg.kind != RuntimeValue::Kind::Int && arg.kind != RuntimeValue::Kind::Bool)
        return argumentError(i, "must be an int");
      storage = arg.kind == RuntimeValue::Kind::Int ? arg.intValue : arg.boolValue;
    } else {
      double v = arg.kind == RuntimeValue::Kind::Float ? arg.floatValue
                 : arg.kind == RuntimeValue::Kind::Int ? static_cast<double>(arg.intValue)
                                                       : static_cast<double>(arg.boolValue);
      std::memcpy(&storage, &v, sizeof(v));
    }
    packed.push_back(&storage);
  }
  const std::vector<ValueSlot> &resultSlots = loaded.results;
  if (!resultSlots.empty() && !resultInStruct)
    packed.push_back(resultPointer);

  takeRuntimeError();
  bool completed = callGuarded(packedEntry, packed.data());
  std::optional<std::string> failure = takeRuntimeError();
  if (!completed)
    return llvm::createStringError(failure.value_or("MemoryError"));
  if (takeCudaError)
    if (std::string cudaError = takeCudaError(); !cudaError.empty())
      failure = "RuntimeError: CUDA: " + cudaError;

  std::vector<RuntimeValue> values;
  values.reserve(resultSlots.size());
  llvm::SmallVector<void *, 8> owned;
  for (auto [slot, offset] : llvm::zip(resultSlots, resultOffsets)) {
    const char *storage = reinterpret_cast<const char *>(resultStorage.data()) + offset;
    RuntimeValue v;
    v.kind = slot.kind;
    switch (slot.kind) {
    case RuntimeValue::Kind::Tensor:
      v = tensorResult(reinterpret_cast<const int64_t *>(storage), slot.dtype, slot.shape.size(),
                       args, owned);
      owned.push_back(v.allocation);
      break;
    case RuntimeValue::Kind::Bool: v.boolValue = *reinterpret_cast<const bool *>(storage); break;
    case RuntimeValue::Kind::Int: std::memcpy(&v.intValue, storage, 8); break;
    case RuntimeValue::Kind::Float: std::memcpy(&v.floatValue, storage, 8); break;
    }
    values.push_back(std::move(v));
  }
  if (failure) {
    for (RuntimeValue &v : values)
      std::free(v.allocation);
    return llvm::createStringError(*failure);
  }
  return values;
}

} // namespace dy2st
