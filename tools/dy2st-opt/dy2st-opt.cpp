// mlir-opt with the dy2st dialects, passes and pipelines registered. Input
// nested deeper than MLIR's recursive parser can take is an error, not a
// stack overflow. --help is dy2st's own passes and the options a test uses;
// MLIR's and LLVM's 1200 lines are behind --help-list.
#include "Dy2St/Registration.h"
#include "Dy2St/Support/Nesting.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

// dy2st's passes and pipelines go by these prefixes (upstream's by others).
static bool isDy2StPass(llvm::StringRef arg) {
  return arg.starts_with("pydy-") || arg.starts_with("dy2st-") ||
         arg.starts_with("convert-pydy-") || arg.starts_with("convert-tensor-array-");
}

static void printShortHelp(mlir::DialectRegistry &registry) {
  // Registering the options makes every pass an option name to list.
  mlir::MlirOptMainConfig::registerCLOptions(registry);
  std::vector<llvm::StringRef> passes;
  for (const auto &option : llvm::cl::getRegisteredOptions())
    if (isDy2StPass(option.first))
      passes.push_back(option.first);
  llvm::sort(passes);
  llvm::raw_ostream &os = llvm::outs();
  os << "OVERVIEW: dy2st optimizer driver: mlir-opt with the pydy and tensor_array dialects,\n"
        "dy2st's passes and pipelines, and MLIR's upstream dialects and passes\n\n"
        "USAGE: dy2st-opt [options] <input file, default: stdin>\n\n"
        "dy2st's passes and pipelines (run in the order given):\n";
  for (llvm::StringRef name : passes) {
    const mlir::PassRegistryEntry *entry = mlir::PassInfo::lookup(name);
    if (!entry)
      entry = mlir::PassPipelineInfo::lookup(name);
    os << "  --" << name;
    if (entry)
      os.indent(name.size() < 34 ? 34 - name.size() : 1) << entry->getPassDescription();
    os << "\n";
  }
  os << "\nOptions a test uses most:\n"
        "  -o <file>                           write the output there (default: stdout)\n"
        "  --pass-pipeline=<text>              passes as text: builtin.module(pydy-specialize)\n"
        "  --split-input-file                  each '// -----' chunk a module of its own\n"
        "  --verify-diagnostics                check expected-error comments\n"
        "  --mlir-print-ir-after-all           the IR after each pass, to stderr\n"
        "  --mlir-print-debuginfo              keep locations in the output\n\n"
        "Every option, MLIR's and LLVM's passes included: dy2st-opt --help-list\n";
}

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  dy2st::registerEverything(registry);
  for (int i = 1; i < argc; ++i)
    if (llvm::StringRef(argv[i]) == "--help" || llvm::StringRef(argv[i]) == "-help" ||
        llvm::StringRef(argv[i]) == "-h") {
      printShortHelp(registry);
      return 0;
    }
  auto [inputFilename, outputFilename] =
      mlir::registerAndParseCLIOptions(argc, argv, "dy2st optimizer driver\n", registry);
  mlir::MlirOptMainConfig config = mlir::MlirOptMainConfig::createFromCLOptions();

  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> input = mlir::openInputFile(inputFilename, &error);
  if (!input) {
    llvm::errs() << "dy2st-opt: " << error << "\n";
    return 1;
  }
  if (llvm::Error nesting = dy2st::checkReadable(input->getBuffer(), inputFilename)) {
    llvm::errs() << "dy2st-opt: " << llvm::toString(std::move(nesting)) << "\n";
    return 1;
  }
  std::unique_ptr<llvm::ToolOutputFile> output = mlir::openOutputFile(outputFilename, &error);
  if (!output) {
    llvm::errs() << "dy2st-opt: " << error << "\n";
    return 1;
  }
  if (mlir::failed(mlir::MlirOptMain(output->os(), std::move(input), registry, config)))
    return 1;
  output->keep();
  return 0;
}
