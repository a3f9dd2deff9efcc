#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"

using namespace mlir;
using namespace mlir::pydy;

namespace {
constexpr LibParam kX[] = {{"x", true, false}};
constexpr LibParam kXY[] = {{"x", true, false}, {"y", true, false}};
constexpr LibParam kCast[] = {{"x", true, false}, {"dtype", true, true}};
constexpr LibParam kMatmul[] = {{"x", true, false},
                                {"y", true, false},
                                {"transpose_x", false, true},
                                {"transpose_y", false, true}};
constexpr LibParam kReduce[] = {
    {"x", true, false}, {"axis", false, true}, {"keepdim", false, true}};
constexpr LibParam kFill[] = {{"shape", true, true}, {"dtype", false, true}};
constexpr LibParam kFull[] = {
    {"shape", true, true}, {"fill_value", true, false}, {"dtype", false, true}};
// `data` is a literal (folded into `static_args`) or a runtime value.
constexpr LibParam kToTensor[] = {{"data", false, false},
                                  {"dtype", false, true},
                                  {"place", false, true},
                                  {"stop_gradient", false, true}};
constexpr LibParam kFillLike[] = {{"x", true, false}, {"dtype", false, true}};
constexpr LibParam kFullLike[] = {
    {"x", true, false}, {"fill_value", true, false}, {"dtype", false, true}};
// `shape` is a list (folded into `static_args`) or a runtime shape tensor.
constexpr LibParam kReshape[] = {{"x", true, false}, {"shape", false, false}};
constexpr LibParam kJoin[] = {{"x", true, false, true}, {"axis", false, true}};
constexpr LibParam kWhere[] = {
    {"condition", true, false}, {"x", true, false}, {"y", true, false}};

constexpr LibFunction kFunctions[] = {
    // Elementwise math.
    {"exp", kX}, {"log", kX}, {"sqrt", kX}, {"tanh", kX}, {"abs", kX},
    {"sigmoid", kX}, {"relu", kX}, {"floor", kX}, {"ceil", kX},
    {"sin", kX}, {"cos", kX},
    // Elementwise binary functions, the same as the Python operators.
    {"add", kXY}, {"subtract", kXY}, {"multiply", kXY}, {"divide", kXY},
    {"maximum", kXY}, {"minimum", kXY}, {"pow", kXY},
    {"equal", kXY}, {"not_equal", kXY}, {"less_than", kXY},
    {"less_equal", kXY}, {"greater_than", kXY}, {"greater_equal", kXY},
    {"logical_and", kXY}, {"logical_or", kXY}, {"logical_not", kX},
    {"where", kWhere},
    {"cast", kCast},
    {"matmul", kMatmul},
    {"sum", kReduce}, {"mean", kReduce}, {"max", kReduce}, {"min", kReduce},
    {"zeros", kFill}, {"ones", kFill}, {"full", kFull},
    {"zeros_like", kFillLike}, {"ones_like", kFillLike}, {"full_like", kFullLike},
    {"to_tensor", kToTensor},
    {"stack", kJoin}, {"concat", kJoin}, {"reshape", kReshape},
};
} // namespace

llvm::ArrayRef<LibFunction> mlir::pydy::allLibFunctions() { return kFunctions; }

const LibFunction *mlir::pydy::lookupLibFunction(llvm::StringRef name) {
  for (const LibFunction &fn : kFunctions)
    if (fn.name == name)
      return &fn;
  return nullptr;
}

LogicalResult mlir::pydy::bindLibArguments(LibCallOp op,
                                           llvm::SmallVectorImpl<Value> &bound) {
  const LibFunction *fn = lookupLibFunction(op.getCallee());
  if (!fn)
    return op.emitOpError("unknown dy2st library function '")
           << op.getCallee() << "'";
  bound.assign(fn->params.size(), Value());
  // Once specialized, static parameters live in `static_args` and the
  // operands are the runtime parameters, in order.
  bool specialized = static_cast<bool>(op.getStaticArgsAttr());
  llvm::SmallVector<size_t> slots;
  for (size_t i = 0; i < fn->params.size(); ++i)
    if (!specialized || !fn->params[i].isStatic)
      slots.push_back(i);
  auto operands = op.getArgs();
  size_t numKw = op.getKwnames().size();
  if (numKw > operands.size())
    return op.emitOpError("has more keyword names than operands");
  size_t numPositional = operands.size() - numKw;
  bool variadic = specialized && !slots.empty() && fn->params[slots.back()].variadic;
  if (numPositional > slots.size() && !variadic)
    return op.emitError() << fn->name << "() takes at most " << slots.size()
                          << " arguments (" << operands.size() << " given)";
  for (size_t i = 0; i < std::min(numPositional, slots.size()); ++i)
    bound[slots[i]] = operands[i];
  size_t k = numPositional;
  for (StringRef kw : op.getKwnames().getAsValueRange<StringAttr>()) {
    auto it = llvm::find_if(slots, [&](size_t i) { return fn->params[i].name == kw; });
    if (it == slots.end())
      return op.emitError() << fn->name << "() got an unexpected keyword argument '"
                            << kw << "'";
    if (bound[*it])
      return op.emitError() << fn->name << "() got multiple values for argument '"
                            << kw << "'";
    bound[*it] = operands[k++];
  }
  for (size_t i : slots)
    if (fn->params[i].required && !bound[i])
      return op.emitError() << fn->name << "() missing required argument '"
                            << fn->params[i].name << "'";
  return success();
}
