#include "Dy2St/Conversion/RuntimeCalls.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;

void dy2st::declareRuntimeFunction(ModuleOp module, StringRef name, TypeRange args,
                                   TypeRange results) {
  if (module.lookupSymbol(name))
    return;
  OpBuilder b = OpBuilder::atBlockBegin(module.getBody());
  auto fn = func::FuncOp::create(b, module.getLoc(), name, b.getFunctionType(args, results));
  fn.setPrivate();
  // Tensors and buffers are passed as memref descriptors, through the C
  // interface (`_mlir_ciface_<name>`).
  if (!args.empty() && isa<UnrankedTensorType, BaseMemRefType>(args.front()))
    fn->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(), b.getUnitAttr());
  if (!args.empty() && isa<UnrankedTensorType>(args.front()))
    fn.setArgAttr(0, "bufferization.access", b.getStringAttr("read"));
}

std::string dy2st::sourceLinePrefix(Location loc) {
  if (auto file = loc->findInstanceOf<FileLineColLoc>())
    return (file.getFilename().getValue() + ":" + Twine(file.getLine()) + ": ").str();
  return "";
}

Value dy2st::stringPointer(OpBuilder &b, ModuleOp module, Location loc, StringRef text) {
  std::string bytes = text.str() + '\0';
  LLVM::GlobalOp global;
  unsigned count = 0;
  for (auto g : module.getOps<LLVM::GlobalOp>()) {
    ++count;
    if (auto value = dyn_cast_or_null<StringAttr>(g.getValueOrNull()); value && value == bytes)
      global = g;
  }
  if (!global) {
    OpBuilder mb = OpBuilder::atBlockBegin(module.getBody());
    auto type = LLVM::LLVMArrayType::get(mb.getI8Type(), bytes.size());
    global = LLVM::GlobalOp::create(mb, loc, type, /*isConstant=*/true, LLVM::Linkage::Internal,
                                    "dy2st_str_" + std::to_string(count),
                                    mb.getStringAttr(bytes));
  }
  return LLVM::AddressOfOp::create(b, loc, global);
}

void dy2st::raiseAtRunTime(OpBuilder &b, Operation *op, StringRef kind, StringRef message,
                           bool appendItems) {
  Location loc = op->getLoc();
  ModuleOp module = op->getParentOfType<ModuleOp>();
  SmallVector<Value> args{stringPointer(b, module, loc, kind),
                          stringPointer(b, module, loc, sourceLinePrefix(loc) + message.str())};
  StringRef callee = appendItems ? dy2st::kRaiseItems : dy2st::kRaise;
  declareRuntimeFunction(module, callee, ValueRange(args).getTypes());
  func::CallOp::create(b, loc, callee, TypeRange{}, args);
}

/// An `scf.if` that runs only where `ok` does not hold; `b` inserts into it
/// until `guard` ends.
static void enterFailureBranch(OpBuilder &b, Location loc, Value ok) {
  Value one = arith::ConstantOp::create(b, loc, b.getBoolAttr(true));
  Value failed = arith::XOrIOp::create(b, loc, ok, one);
  auto ifOp = scf::IfOp::create(b, loc, TypeRange{}, failed, /*withElseRegion=*/false);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
}

void dy2st::checkAtRunTime(OpBuilder &b, Operation *op, Value ok, StringRef kind,
                           StringRef message) {
  OpBuilder::InsertionGuard guard(b);
  enterFailureBranch(b, op->getLoc(), ok);
  raiseAtRunTime(b, op, kind, message);
}

void dy2st::checkAtRunTime(OpBuilder &b, Operation *op, Value ok, StringRef kind,
                           ArrayRef<MessagePiece> pieces) {
  Location loc = op->getLoc();
  ModuleOp module = op->getParentOfType<ModuleOp>();
  OpBuilder::InsertionGuard guard(b);
  enterFailureBranch(b, loc, ok);
  for (const MessagePiece &piece : pieces) {
    auto *text = std::get_if<std::string>(&piece);
    Value arg = text ? stringPointer(b, module, loc, *text) : std::get<Value>(piece);
    StringRef callee = text ? dy2st::kPrintStr : dy2st::kPrintI64;
    declareRuntimeFunction(module, callee, arg.getType());
    func::CallOp::create(b, loc, callee, TypeRange{}, arg);
  }
  raiseAtRunTime(b, op, kind, "", /*appendItems=*/true);
}

Value dy2st::raisedAtRunTime(OpBuilder &b, ModuleOp module, Location loc) {
  declareRuntimeFunction(module, dy2st::kRaised, {}, b.getI1Type());
  return func::CallOp::create(b, loc, dy2st::kRaised, b.getI1Type(), ValueRange{}).getResult(0);
}

Value dy2st::caughtAtRunTime(OpBuilder &b, Operation *op, ArrayAttr kinds) {
  std::string list;
  for (Attribute kind : kinds)
    list += (list.empty() ? "" : ",") + cast<StringAttr>(kind).getValue().str();
  ModuleOp module = op->getParentOfType<ModuleOp>();
  Value text = stringPointer(b, module, op->getLoc(), list);
  declareRuntimeFunction(module, dy2st::kCatch, text.getType(), b.getI1Type());
  return func::CallOp::create(b, op->getLoc(), dy2st::kCatch, b.getI1Type(), text).getResult(0);
}

ValueRange dy2st::callRuntime(OpBuilder &b, Operation *op, StringRef callee, ValueRange args) {
  declareRuntimeFunction(op->getParentOfType<ModuleOp>(), callee, args.getTypes(),
                         op->getResultTypes());
  return func::CallOp::create(b, op->getLoc(), callee, op->getResultTypes(), args).getResults();
}
