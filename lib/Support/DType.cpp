#include "Dy2St/Support/DType.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

using namespace dy2st;

namespace {
struct DTypeEntry {
  DType dtype;
  const char *name;
  size_t size;
  mlir::Type (*element)(mlir::Builder &);
};

const DTypeEntry kDTypes[] = {
    {DType::Bool, "bool", 1, [](mlir::Builder &b) -> mlir::Type { return b.getI1Type(); }},
    {DType::Int32, "int32", 4, [](mlir::Builder &b) -> mlir::Type { return b.getI32Type(); }},
    {DType::Int64, "int64", 8, [](mlir::Builder &b) -> mlir::Type { return b.getI64Type(); }},
    {DType::Float32, "float32", 4, [](mlir::Builder &b) -> mlir::Type { return b.getF32Type(); }},
    {DType::Float64, "float64", 8, [](mlir::Builder &b) -> mlir::Type { return b.getF64Type(); }},
    {DType::Complex64, "complex64", 8,
     [](mlir::Builder &b) -> mlir::Type { return mlir::ComplexType::get(b.getF32Type()); }},
    {DType::Complex128, "complex128", 16,
     [](mlir::Builder &b) -> mlir::Type { return mlir::ComplexType::get(b.getF64Type()); }},
};

const DTypeEntry &entry(DType dtype) { return kDTypes[static_cast<int>(dtype)]; }
} // namespace

size_t dy2st::dtypeSize(DType dtype) { return entry(dtype).size; }

const char *dy2st::dtypeName(DType dtype) { return entry(dtype).name; }

std::optional<DType> dy2st::dtypeFromName(llvm::StringRef name) {
  for (const DTypeEntry &e : kDTypes)
    if (name == e.name)
      return e.dtype;
  return std::nullopt;
}

std::optional<DType> dy2st::dtypeFromSpelling(llvm::StringRef name) {
  // NumPy's other names of the same dtypes, which Paddle takes too (dtypes.py's
  // _NUMPY_SPELLINGS for eager code).
  static const std::pair<const char *, DType> kSpellings[] = {{"float", DType::Float64},
                                                              {"double", DType::Float64},
                                                              {"int", DType::Int64},
                                                              {"long", DType::Int64}};
  for (const auto &[spelling, dtype] : kSpellings)
    if (name == spelling)
      return dtype;
  return dtypeFromName(name);
}

std::optional<DType> dy2st::dtypeOfElement(mlir::Type element) {
  if (!element)
    return std::nullopt;
  mlir::Builder b(element.getContext());
  for (const DTypeEntry &e : kDTypes)
    if (e.element(b) == element)
      return e.dtype;
  return std::nullopt;
}

mlir::Type dy2st::elementOfDtype(mlir::MLIRContext *ctx, DType dtype) {
  mlir::Builder b(ctx);
  return entry(dtype).element(b);
}
