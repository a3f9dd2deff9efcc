// The LLVM half of the compiler: LLVM IR from the LLVM dialect, the entry
// points the runtime calls, optimization for this machine, an object file.
#include "Dy2St/Compiler/Compiler.h"

#include "Dy2St/Support/NativeTarget.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Threading.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Transforms/IPO/MergeFunctions.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

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

/// LLVM vectorizes for 256-bit registers on CPUs with AVX-512 unless told
/// otherwise (clang's default, for fear of the lower clock of 512-bit code
/// on older Xeons). The outlined nests are dy2st's heavy math: with 512 an
/// LSTM's gates ran 20 % faster and the elementwise chain of bench/run.py
/// 1.8x (57 -> 31 ms) on an AVX-512 Xeon.
static void preferWideVectors(llvm::Module &module, const llvm::SubtargetFeatures &features) {
  if (!llvm::is_contained(features.getFeatures(), "+avx512f"))
    return;
  for (llvm::Function &f : module)
    if (!f.isDeclaration())
      f.addFnAttr("prefer-vector-width", "512");
}

/// `module` optimized for this machine and emitted as an object file.
static llvm::Expected<std::string> compile(llvm::Module &module,
                                           llvm::orc::JITTargetMachineBuilder builder) {
  auto machine = builder.createTargetMachine();
  if (!machine)
    return machine.takeError();
  auto optimize = mlir::makeOptimizingTransformer(/*optLevel=*/3, /*sizeLevel=*/0, machine->get());
  if (llvm::Error error = optimize(&module))
    return std::move(error);
  llvm::SmallString<0> object;
  llvm::raw_svector_ostream os(object);
  llvm::legacy::PassManager codegen;
  if ((*machine)->addPassesToEmitFile(codegen, os, nullptr, llvm::CodeGenFileType::ObjectFile))
    return llvm::createStringError("dy2st: LLVM cannot emit an object file for this machine");
  codegen.run(module);
  return std::string(object.str());
}

/// What compiling `f` costs, roughly, in instructions: its own, and as many
/// as 500 more for every function. Measured on the Transformer's beam
/// search: its entry, 52 000 instructions, compiles in 2.6 s; its 800
/// outlined loop nests, as many instructions in all, in 21 s (each is
/// vectorized and unrolled to many times its size).
static size_t compileCost(const llvm::Function &f) {
  constexpr size_t kPerFunction = 500;
  return f.getInstructionCount() + kPerFunction;
}

/// Whether `value` is copied into every part that uses it rather than
/// placed in one: constants, and the functions a program keeps to itself
/// (the BLAS call wrappers, a parallel nest's body, MathToFuncs' helpers),
/// which their callers inline or specialize only where they see them.
static bool copiedIntoParts(const llvm::GlobalValue &value) {
  if (auto *f = llvm::dyn_cast<llvm::Function>(&value))
    return !f->isDeclaration() && (f->hasLocalLinkage() || f->hasLinkOnceLinkage());
  auto *variable = llvm::dyn_cast<llvm::GlobalVariable>(&value);
  return variable && variable->isConstant() && variable->hasLocalLinkage();
}

/// `module` split into `parts` modules (as bitcode) that link together. The
/// program's own functions are spread by their compile cost (with that of
/// the local functions they use), costliest first, each to the cheapest
/// part: LLVM's SplitModule spreads by name, and a part may get most of the
/// loops. What copiedIntoParts says goes into every part as a local copy;
/// other local variables become hidden external ones, in the first part.
static std::vector<llvm::SmallString<0>> splitByCompileCost(llvm::Module &module,
                                                             unsigned parts) {
  for (llvm::GlobalValue &value : module.global_values()) {
    if (value.isDeclaration() || !value.isDiscardableIfUnused())
      continue;
    if (copiedIntoParts(value)) {
      value.setLinkage(llvm::GlobalValue::InternalLinkage);
      continue;
    }
    if (!value.hasName())
      value.setName("dy2st.part");
    value.setLinkage(llvm::GlobalValue::ExternalLinkage);
    value.setVisibility(llvm::GlobalValue::HiddenVisibility);
  }
  llvm::DenseMap<const llvm::Function *, size_t> cost;
  for (llvm::Function &f : module)
    if (!f.isDeclaration() && !copiedIntoParts(f))
      cost[&f] += compileCost(f);
  for (llvm::Function &local : module) {
    if (local.isDeclaration() || !copiedIntoParts(local))
      continue;
    llvm::SmallPtrSet<const llvm::Function *, 4> users;
    for (const llvm::User *user : local.users())
      if (auto *inst = llvm::dyn_cast<llvm::Instruction>(user))
        users.insert(inst->getFunction());
    for (const llvm::Function *user : users)
      if (cost.count(user))
        cost[user] += compileCost(local);
  }
  std::vector<std::pair<size_t, const llvm::Function *>> functions;
  for (auto [f, c] : cost)
    functions.emplace_back(c, f);
  llvm::stable_sort(functions, [](const auto &a, const auto &b) {
    return a.first != b.first ? a.first > b.first : a.second->getName() < b.second->getName();
  });
  std::vector<size_t> load(parts, 0);
  llvm::DenseMap<const llvm::GlobalValue *, unsigned> partOf;
  for (auto [c, f] : functions) {
    unsigned cheapest = std::min_element(load.begin(), load.end()) - load.begin();
    partOf[f] = cheapest;
    load[cheapest] += c;
  }
  std::vector<llvm::SmallString<0>> bitcodes(parts);
  for (unsigned i = 0; i < parts; ++i) {
    llvm::ValueToValueMapTy map;
    std::unique_ptr<llvm::Module> part =
        llvm::CloneModule(module, map, [&](const llvm::GlobalValue *value) {
          if (copiedIntoParts(*value))
            return true;
          auto found = partOf.find(value);
          return (found == partOf.end() ? 0u : found->second) == i;
        });
    llvm::raw_svector_ostream os(bitcodes[i]);
    llvm::WriteBitcodeToFile(*part, os);
  }
  return bitcodes;
}

/// `module` as object files compiled on up to `threads` threads. LLVM's
/// optimization and code generation are most of a large program's compile
/// time, and its functions (the outlined loop nests, never inlined) are
/// optimized one by one: each part, in a context of its own, is compiled on
/// its own thread. A small module stays one object.
static llvm::Expected<std::vector<std::string>>
compileInParts(llvm::Module &module, const llvm::orc::JITTargetMachineBuilder &builder,
               unsigned threads) {
  // More parts than threads, taken by the threads as they finish: the cost
  // of a part is only estimated.
  constexpr size_t kCostPerPart = 5000, kPartsPerThread = 4;
  size_t cost = 0;
  for (const llvm::Function &f : module)
    if (!f.isDeclaration())
      cost += compileCost(f);
  unsigned parts = std::min<size_t>(threads * kPartsPerThread, 1 + cost / kCostPerPart);
  if (parts <= 1) {
    auto object = compile(module, builder);
    if (!object)
      return object.takeError();
    return std::vector<std::string>{std::move(*object)};
  }
  std::vector<llvm::SmallString<0>> bitcodes = splitByCompileCost(module, parts);
  std::vector<std::optional<llvm::Expected<std::string>>> objects(bitcodes.size());
  std::atomic<size_t> next{0};
  auto compileParts = [&] {
    for (size_t i = next++; i < bitcodes.size(); i = next++) {
      llvm::LLVMContext ctx;
      auto part = llvm::parseBitcodeFile(
          llvm::MemoryBufferRef(bitcodes[i].str(), "dy2st-part"), ctx);
      objects[i].emplace(part ? compile(**part, builder)
                              : llvm::Expected<std::string>(part.takeError()));
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < std::min<size_t>(threads, parts); ++t)
    workers.emplace_back(compileParts);
  for (std::thread &worker : workers)
    worker.join();
  std::vector<std::string> made;
  llvm::Error errors = llvm::Error::success();
  for (auto &object : objects) {
    if (*object)
      made.push_back(std::move(**object));
    else
      errors = llvm::joinErrors(std::move(errors), object->takeError());
  }
  if (errors)
    return std::move(errors);
  return made;
}

llvm::Expected<std::vector<std::string>> emitObjectFiles(mlir::ModuleOp module,
                                                         llvm::StringRef entry) {
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
  preferWideVectors(*llvmModule, machineBuilder->getFeatures());
  // A model repeats its blocks, and their loop nests are outlined alike:
  // 490 outlined functions of a 3-block ViT are 85 different ones. Each is
  // vectorized and unrolled once, not once per copy (LLVM's own pass).
  llvm::MergeFunctionsPass::runOnModule(*llvmModule);
  // The cores this process may run on (its affinity mask), one thread each.
  unsigned cores = llvm::heavyweight_hardware_concurrency().compute_thread_count();
  return compileInParts(*llvmModule, *machineBuilder, std::max(1u, cores));
}

} // namespace dy2st
