#include "Dy2St/Compiler/Signature.h"

#include "Dy2St/Runtime/JitFunction.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace dy2st {

SignatureEntry SignatureEntry::of(const RuntimeValue &value) {
  SignatureEntry entry;
  switch (value.kind) {
  case RuntimeValue::Kind::Tensor:
    entry.kind = Kind::Tensor;
    entry.dtype = value.dtype;
    entry.shape.assign(value.shape.begin(), value.shape.end());
    break;
  case RuntimeValue::Kind::Int:
    entry.kind = Kind::Int;
    entry.intValue = value.intValue;
    break;
  case RuntimeValue::Kind::Float:
    entry.kind = Kind::Float;
    entry.floatValue = value.floatValue;
    break;
  case RuntimeValue::Kind::Bool:
    entry.kind = Kind::Bool;
    entry.boolValue = value.boolValue;
    break;
  }
  return entry;
}

SignatureEntry SignatureEntry::runtimeNumber(const RuntimeValue &value) {
  SignatureEntry entry;
  entry.kind = Kind::Number;
  entry.dtype = value.kind == RuntimeValue::Kind::Bool  ? DType::Bool
                : value.kind == RuntimeValue::Kind::Int ? DType::Int64
                                                        : DType::Float64;
  return entry;
}

ArrayAttr signatureAttr(llvm::ArrayRef<SignatureEntry> entries, MLIRContext *ctx) {
  Builder b(ctx);
  SmallVector<Attribute> attrs;
  for (const SignatureEntry &e : entries) {
    using Kind = SignatureEntry::Kind;
    switch (e.kind) {
    case Kind::Tensor:
      attrs.push_back(TypeAttr::get(RankedTensorType::get(e.shape, elementOfDtype(ctx, e.dtype))));
      break;
    case Kind::Number: attrs.push_back(TypeAttr::get(elementOfDtype(ctx, e.dtype))); break;
    case Kind::Bool: attrs.push_back(b.getBoolAttr(e.boolValue)); break;
    case Kind::Int: attrs.push_back(b.getI64IntegerAttr(e.intValue)); break;
    case Kind::Float: attrs.push_back(b.getF64FloatAttr(e.floatValue)); break;
    case Kind::None: attrs.push_back(b.getUnitAttr()); break;
    case Kind::String: attrs.push_back(b.getStringAttr(e.text)); break;
    }
  }
  return b.getArrayAttr(attrs);
}

std::string signatureKey(llvm::ArrayRef<SignatureEntry> entries) {
  std::string key;
  llvm::raw_string_ostream os(key);
  for (const SignatureEntry &e : entries) {
    os << static_cast<int>(e.kind) << ':' << dtypeName(e.dtype) << ':';
    llvm::interleave(e.shape, os, "x");
    // Floats by their bits: -0.0 is not 0.0.
    os << ':' << e.boolValue << ':' << e.intValue << ':'
       << llvm::bit_cast<uint64_t>(e.floatValue) << ':' << e.text.size() << ':' << e.text
       << ';';
  }
  return key;
}

} // namespace dy2st
