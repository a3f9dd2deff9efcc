#ifndef DY2ST_RUNTIME_PRINT_H
#define DY2ST_RUNTIME_PRINT_H

// `print` from compiled code: the lowering calls `dy2st_print_*` once per
// item and `dy2st_print_end` at the end of each print; the items of one print
// go to the installed printer (dy2st-run writes them to stdout, the Python
// extension calls Python's print, so that the text is the eager one).

#include "Dy2St/Runtime/JitFunction.h"

#include "llvm/ADT/StringRef.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dy2st {

/// An exception compiled code recorded, "Kind: file:line: message", or
/// "Base/Name: file:line: message" for a user's class Name based on the
/// builtin Base.
struct RecordedException {
  std::string base, cls, sourceLine, message;
  static RecordedException of(llvm::StringRef record);
  /// The record Python raises: the builtin base, its message led by the
  /// user's class name.
  std::string pythonRecord() const;
};

/// One printed item: a tensor (a copy the printer may keep), a number, text
/// or None, and what follows it in an f-string (`!r`, `:.3f`; empty for
/// `str()`); `listOf`: a tensor that is the Python list of its rows along
/// axis 0, numbers or tensors; with `dictKeys` too (a 1-d int64 tensor),
/// the Python dict of those keys and these rows.
struct PrintItem {
  enum class ListOf { Nothing, Numbers, Tensors };
  RuntimeValue value;
  std::optional<std::string> text;
  std::string format;
  bool none = false;
  ListOf listOf = ListOf::Nothing;
  std::optional<RuntimeValue> dictKeys;
  /// An exception object (`except E as e`), printed as Python prints it.
  std::optional<RecordedException> exception;
};

/// Where the items of one print go: to stdout (`print`), to a logger, back
/// as text (the message of a `raise`), joined by `sep`; or, as values, to a
/// Python callable (`pydy.py_callback`).
struct PrintRequest {
  enum class Target { Stdout, Log, Text, Callback };
  Target target = Target::Stdout;
  std::string sep, end;
  /// For Target::Log: the logger's name ("" is the root) and the level; for
  /// Target::Callback: the key of the Python callable the items are for.
  std::string name;
  int64_t level = 0;
  /// For Target::Log: the record's fields known when compiling (JSON).
  std::string record;
};

/// Writes the items as the request says and returns their text for
/// Target::Text. A failure (a format spec the value rejects) is reported
/// with `reportRuntimeError`.
using Printer = std::function<std::string(std::vector<PrintItem> &items,
                                          const PrintRequest &request)>;

/// Records "Kind: message" as the exception of the current call, unless one
/// was recorded before.
void reportRuntimeError(std::string error);

/// The error raised by compiled code on this thread during the last call
/// ("IndexError: file:line: message"), if any; reading it clears it.
std::optional<std::string> takeRuntimeError();

/// What compiled calls on this thread have under way (their recursion depth
/// and the items of a print being assembled): a call abandoned midway
/// (Memory.h's callGuarded) restores the state it started from.
struct CallState {
  int depth;
  size_t pendingItems;
};
CallState saveCallState();
void restoreCallState(const CallState &state);

/// Installs the printer for every compiled function of the process.
void setPrinter(Printer printer);
/// Defines the `dy2st_print_*` (and raise, call depth) entries for compiled code.
void definePrintSymbols(SymbolDefiner define);

/// A tensor as `Tensor(shape=[2], dtype=float32, value=[1, 2])`, a number
/// or a bool as Python prints it.
std::string formatValue(const RuntimeValue &value);
/// A tensor's elements as nested lists: `[[1, 2], [3, 4]]`.
std::string formatElements(const RuntimeValue &tensor);
/// A tensor as the Python list of its rows along axis 0: numbers (`[0.5,
/// 1.0]`, `[True]`; the tensor is 1-d) or tensors.
std::string formatRows(const RuntimeValue &tensor, bool tensors);
/// The text of the Python dict of `keys` (a 1-d int64 tensor) and the rows
/// of `values`, numbers or tensors.
std::string formatDict(const RuntimeValue &keys, const RuntimeValue &values, bool tensors);
/// An item as an f-string writes it with the item's format (Format.cpp), or
/// "Kind: message" where Python's format would raise.
llvm::Expected<std::string> formatItem(const PrintItem &item);

} // namespace dy2st

#endif
