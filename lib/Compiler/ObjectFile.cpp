// The LLVM half of the compiler: LLVM IR from the LLVM dialect, the entry
// points the runtime calls, optimization for this machine, an object file.
#include "Dy2St/Compiler/Compiler.h"

#include "Dy2St/Support/NativeTarget.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/Target/TargetMachine.h"

#include <algorithm>

namespace dy2st {

/// `void <kPackedEntryPrefix><entry>(void **args)`: loads each argument of
/// `entry` from the pointer args[i] and stores its result through the last
/// pointer, so that the runtime calls every entry the same way (MLIR's
/// ExecutionEngine makes the same wrapper for each function).
static void definePackedEntry(llvm::Module &module, llvm::Function &entry) {
  llvm::LLVMContext &ctx = module.getContext();
  llvm::IRBuilder<> b(ctx);
  auto *type = llvm::FunctionType::get(b.getVoidTy(), b.getPtrTy(), /*isVarArg=*/false);
  auto *packed = llvm::Function::Create(type, llvm::GlobalValue::ExternalLinkage,
                                        kPackedEntryPrefix + entry.getName(), module);
  b.SetInsertPoint(llvm::BasicBlock::Create(ctx, "", packed));
  llvm::Value *pointers = packed->getArg(0);
  auto pointerAt = [&](size_t i) {
    return b.CreateLoad(b.getPtrTy(), b.CreateConstGEP1_64(b.getPtrTy(), pointers, i));
  };
  llvm::SmallVector<llvm::Value *> args;
  for (llvm::Argument &arg : entry.args())
    args.push_back(b.CreateLoad(arg.getType(), pointerAt(arg.getArgNo())));
  llvm::Value *result = b.CreateCall(&entry, args);
  if (!result->getType()->isVoidTy())
    b.CreateStore(result, pointerAt(entry.arg_size()));
  b.CreateRetVoid();
}

/// Replaces `llvm.global_ctors`/`llvm.global_dtors` (GPU code loads its
/// kernels in one) by the functions kProgramInit and kProgramFini that call
/// them in LLVM's order: the runtime links object files, whose init sections
/// nothing would run.
static void defineInitAndFini(llvm::Module &module) {
  llvm::LLVMContext &ctx = module.getContext();
  for (auto [list, name, ascending] : {std::tuple{"llvm.global_ctors", kProgramInit, true},
                                       std::tuple{"llvm.global_dtors", kProgramFini, false}}) {
    std::vector<std::pair<uint64_t, llvm::Constant *>> calls;
    if (llvm::GlobalVariable *global = module.getGlobalVariable(list)) {
      if (auto *entries = llvm::dyn_cast_or_null<llvm::ConstantArray>(global->getInitializer()))
        for (llvm::Value *operand : entries->operands()) {
          auto *entry = llvm::cast<llvm::ConstantStruct>(operand);
          auto *priority = llvm::cast<llvm::ConstantInt>(entry->getOperand(0));
          calls.emplace_back(priority->getZExtValue(), entry->getOperand(1));
        }
      global->eraseFromParent();
    }
    std::stable_sort(calls.begin(), calls.end(), [&](const auto &a, const auto &b) {
      return ascending ? a.first < b.first : a.first > b.first;
    });
    llvm::IRBuilder<> b(ctx);
    auto *type = llvm::FunctionType::get(b.getVoidTy(), /*isVarArg=*/false);
    auto *fn = llvm::Function::Create(type, llvm::GlobalValue::ExternalLinkage, name, module);
    b.SetInsertPoint(llvm::BasicBlock::Create(ctx, "", fn));
    for (auto &[priority, callee] : calls)
      b.CreateCall(type, callee);
    b.CreateRetVoid();
  }
}

/// The wrappers that call an entry with many arguments (a model's
/// parameters: MobileNetV2's entry takes 1 635 scalars) — the C interface
/// and the packed entry — each make one call whose instruction selection is
/// quadratic in its arguments (5 s of LLVM's 7 s for that model). They do
/// nothing else worth optimizing: they are compiled unoptimized (fast
/// instruction selection), and the entry stays out of them.
static void markHugeCallWrappers(llvm::Module &module, llvm::StringRef entry) {
  constexpr size_t kManyArguments = 256;
  llvm::Function *body = module.getFunction(entry.drop_front(strlen("_mlir_ciface_")));
  if (!body || body->arg_size() < kManyArguments)
    return;
  body->addFnAttr(llvm::Attribute::NoInline);
  for (llvm::Function &f : module)
    if (!f.isDeclaration() &&
        (f.getName().starts_with("_mlir_") || f.getName().starts_with(kPackedEntryPrefix))) {
      f.removeFnAttr(llvm::Attribute::AlwaysInline);
      f.addFnAttr(llvm::Attribute::NoInline);
      f.addFnAttr(llvm::Attribute::OptimizeNone);
    }
}

llvm::Expected<std::string> emitObjectFile(mlir::ModuleOp module, llvm::StringRef entry) {
  initializeNativeTarget();
  llvm::LLVMContext ctx;
  std::unique_ptr<llvm::Module> llvmModule = mlir::translateModuleToLLVMIR(module, ctx);
  if (!llvmModule)
    return llvm::createStringError("dy2st: could not translate the program to LLVM IR");
  llvm::Function *entryFn = llvmModule->getFunction(entry);
  if (!entryFn)
    return llvm::createStringError("dy2st: the program has no function '" + entry.str() + "'");

  // The host's CPU and features, so that LLVM vectorizes for this machine.
  auto machineBuilder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!machineBuilder)
    return machineBuilder.takeError();
  machineBuilder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  auto machine = machineBuilder->createTargetMachine();
  if (!machine)
    return machine.takeError();
  llvmModule->setDataLayout((*machine)->createDataLayout());
  llvmModule->setTargetTriple((*machine)->getTargetTriple());
  definePackedEntry(*llvmModule, *entryFn);
  defineInitAndFini(*llvmModule);
  markHugeCallWrappers(*llvmModule, entry);
  auto optimize = mlir::makeOptimizingTransformer(/*optLevel=*/3, /*sizeLevel=*/0, machine->get());
  if (llvm::Error error = optimize(llvmModule.get()))
    return std::move(error);

  llvm::SmallString<0> object;
  llvm::raw_svector_ostream os(object);
  llvm::legacy::PassManager codegen;
  if ((*machine)->addPassesToEmitFile(codegen, os, nullptr, llvm::CodeGenFileType::ObjectFile))
    return llvm::createStringError("dy2st: LLVM cannot emit an object file for this machine");
  codegen.run(*llvmModule);
  return std::string(object.str());
}

} // namespace dy2st
