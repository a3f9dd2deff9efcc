#ifndef DY2ST_RUNTIME_PRINT_H
#define DY2ST_RUNTIME_PRINT_H

// `print` from compiled code: the lowering calls `dy2st_print_*` once per
// item and `dy2st_print_end` at the end of each print; the items of one print
// go to the installed printer (dy2st-run writes them to stdout, the Python
// extension calls Python's print, so that the text is the eager one).

#include "Dy2St/Runtime/JitFunction.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mlir {
class ExecutionEngine;
} // namespace mlir

namespace dy2st {

/// One printed item: a tensor (a copy the printer may keep), a number, or text.
struct PrintItem {
  RuntimeValue value;
  std::optional<std::string> text;
};

using Printer = std::function<void(std::vector<PrintItem> &items, const std::string &sep,
                                   const std::string &end)>;

/// The error raised by compiled code on this thread during the last call
/// ("IndexError: file:line: message"), if any; reading it clears it.
std::optional<std::string> takeRuntimeError();

/// Installs the printer for every compiled function of the process.
void setPrinter(Printer printer);
/// Makes the `dy2st_print_*` functions known to `engine`'s compiled code.
void registerPrintSymbols(mlir::ExecutionEngine &engine);

/// A tensor as `Tensor(shape=[2], dtype=float32, value=[1, 2])`, a number
/// or a bool as Python prints it.
std::string formatValue(const RuntimeValue &value);
/// A tensor's elements as nested lists: `[[1, 2], [3, 4]]`.
std::string formatElements(const RuntimeValue &tensor);

} // namespace dy2st

#endif
