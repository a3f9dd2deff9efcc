#ifndef DY2ST_SUPPORT_PYTHONFORMAT_H
#define DY2ST_SUPPORT_PYTHONFORMAT_H

// Python's `format(value, spec)`, `str` and `repr` of numbers and text, for
// what compiled code formats: folded at compile time (pydy.format of
// constants) and written at run time where no Python interpreter formats
// it (dy2st-run's printer).

#include "Dy2St/Support/FormatSpec.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>

namespace dy2st {

/// A value as Python formats it: an int, a float, a bool (True/False without
/// a spec, its int with one) or text.
struct PythonValue {
  enum class Kind { Int, Float, Bool, Text };
  Kind kind = Kind::Int;
  int64_t intValue = 0;
  double floatValue = 0;
  std::string text;

  static PythonValue ofInt(int64_t v) { return {Kind::Int, v, 0, {}}; }
  static PythonValue ofFloat(double v) { return {Kind::Float, 0, v, {}}; }
  static PythonValue ofBool(bool v) { return {Kind::Bool, v, 0, {}}; }
  static PythonValue ofText(std::string v) { return {Kind::Text, 0, 0, std::move(v)}; }
};

/// The text an f-string field `{value!conversion:spec}` writes, or an error
/// "Kind: message" where Python would raise.
llvm::Expected<std::string> formatPython(const PythonValue &value, const FormatSpec &spec);
/// A float as Python's repr writes it (the shortest text that reads back).
std::string reprFloat(double v);
/// `float(text)` as Python reads it ("inf", "-nan", " 1_000.5 "), or nothing
/// where Python raises ValueError.
std::optional<double> parsePythonFloat(llvm::StringRef text);
/// `int(text)` in base 10 as Python reads it (" -12 ", "1_000"), or nothing
/// where Python raises ValueError or the value needs more than 64 bits.
std::optional<int64_t> parsePythonInt(llvm::StringRef text);

} // namespace dy2st

#endif
