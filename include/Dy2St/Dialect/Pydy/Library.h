#ifndef DY2ST_DIALECT_PYDY_LIBRARY_H
#define DY2ST_DIALECT_PYDY_LIBRARY_H

// The dy2st primitives (LibraryOps.def): their parameters, the binding of a
// `pydy.lib_call`'s operands to them, and their type rules. The table is the
// single list of what compiled code implements; the verifier, the
// specialization and the lowering all read it.

#include "mlir/IR/Builders.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/StringMap.h"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace mlir::pydy {
class LibCallOp;
enum class BinaryKind : uint32_t;
enum class CompareKind : uint32_t;

enum class LibOp : unsigned {
#define DY2ST_PRIMITIVE(NAME, SIGNATURE, RULE, LOWERING) NAME,
#include "Dy2St/Dialect/Pydy/LibraryOps.def"
#undef DY2ST_PRIMITIVE
};

/// How a parameter is passed (the kinds of LibraryOps.def).
enum class ParamKind { Tensor, Value, Static, Tensors, Ints, Data };

struct LibParam {
  std::string name;
  ParamKind kind;
  /// The default as written in the table ("None", "0", "'int64'"); none when
  /// the parameter is required.
  std::optional<std::string> defaultText;
  bool required() const { return !defaultText; }
  bool isStatic() const { return kind == ParamKind::Static; }
};

struct LibFunction {
  llvm::StringRef name;
  LibOp op;
  std::vector<LibParam> params;
  const LibParam *param(llvm::StringRef name) const;
};

const LibFunction *lookupLibFunction(llvm::StringRef name);
llvm::ArrayRef<LibFunction> allLibFunctions();

/// A parameter's default as a literal attribute (None is a UnitAttr).
Attribute libDefault(MLIRContext *ctx, const LibParam &param);

/// Binds the operands of an unspecialized `op` (positional, then by keyword)
/// to the parameters of its function; unbound parameters are null. Fails with
/// a diagnostic on unknown keywords, duplicates or missing required arguments.
LogicalResult bindLibArguments(LibCallOp op, llvm::SmallVectorImpl<Value> &bound);

/// A dynamic entry of an `Ints` argument in `static_args` (its value is the
/// next runtime operand of that parameter).
inline constexpr int64_t kDynamicInt = std::numeric_limits<int64_t>::min();

/// A convolution's `paddings` entry (both of a dimension) for 'SAME' padding
/// of a size known only at run time: the lowering computes it there, as
/// Paddle does from the size, stride and kernel.
inline constexpr int64_t kSamePaddingAtRunTime = -1;

/// A literal bool, int or float as a double; none for another attribute.
std::optional<double> literalNumber(Attribute value);

/// What `to_tensor` of a literal was given: its static `data` and its `dtype`
/// (null where none is given).
struct LiteralTensor {
  Attribute data;
  Attribute dtype;
};

/// `v` as `to_tensor` of a literal (a call with no runtime operand); none
/// for another value.
std::optional<LiteralTensor> literalTensor(Value v);

/// The one number a tensor holds when it is `to_tensor` of a literal (a
/// number, or lists nesting one): with no dtype, or an integer dtype and an
/// integer literal, whose value the dtype keeps. `paddle.shape(x)[2]` of a
/// static shape is one.
std::optional<double> literalTensorNumber(Value v);

/// What a type rule sees of a call being specialized: its runtime operands by
/// parameter and its static arguments (with the table's defaults; None is
/// absent). A rule may normalize static arguments (an axis made non-negative)
/// for the lowering.
struct LibTyping {
  Operation *op;
  const LibFunction &fn;
  llvm::StringMap<llvm::SmallVector<Value>> operands;
  NamedAttrList statics;

  MLIRContext *getContext();
  /// An error at the call, starting with "<name>(): ".
  InFlightDiagnostic error();
  bool has(llvm::StringRef param);
  Type typeOf(llvm::StringRef param);
  FailureOr<RankedTensorType> tensor(llvm::StringRef param);
  /// A static dtype name as an element type; `fallback` when absent.
  FailureOr<Type> dtype(llvm::StringRef param, Type fallback);
  /// The dtype of float tensors made without one: f32, or what the module's
  /// `pydy.default_float` names (paddle.set_default_dtype, the importer).
  Type defaultFloat();
  FailureOr<bool> flag(llvm::StringRef param);
  /// A static int; `fallback` when absent.
  FailureOr<int64_t> integer(llvm::StringRef param, int64_t fallback);
  /// A static int or list of ints (None: an empty optional).
  FailureOr<std::optional<llvm::SmallVector<int64_t>>> integers(llvm::StringRef param);
  /// The same, for a parameter that must be given.
  FailureOr<llvm::SmallVector<int64_t>> requiredIntegers(llvm::StringRef param);
  /// An axis in [-rank, rank), made non-negative and stored back.
  FailureOr<int64_t> axis(llvm::StringRef param, int64_t rank, int64_t fallback);
  /// An `Ints` argument: its entries (kDynamicInt where known only at run
  /// time), or, for a 1-d integer tensor, as many kDynamicInt as it has
  /// elements.
  FailureOr<llvm::SmallVector<int64_t>> ints(llvm::StringRef param);
};

/// The Python operator an arithmetic or comparison primitive computes
/// (`add` is `+`), if it is one.
std::optional<BinaryKind> arithmeticKind(LibOp op);
std::optional<CompareKind> comparisonKind(LibOp op);

/// An einsum equation read for operands of `ranks`: each operand's letters
/// and the output's, each '...' written out as letters no operand names
/// (aligned at the end, as NumPy's); `broadcast`: those letters, whose
/// dimensions of size 1 broadcast.
struct EinsumLetters {
  llvm::SmallVector<std::string> operands;
  std::string output;
  std::string broadcast;
};
FailureOr<EinsumLetters> parseEinsum(llvm::StringRef equation, llvm::ArrayRef<int64_t> ranks);

/// The result type of a call of a primitive, by the table's type rule.
FailureOr<Type> inferLibCallType(LibTyping &typing);

} // namespace mlir::pydy

#endif
