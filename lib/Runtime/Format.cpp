// An item of a print as an f-string writes it, where no Python interpreter
// formats it (dy2st-run): tensors by Paddle's rules, the rest by Python's
// (lib/Support/PythonFormat.cpp).
#include "Dy2St/Runtime/Print.h"
#include "Dy2St/Support/PythonFormat.h"

namespace dy2st {

/// An exception object as an f-string writes it: its str (the recorded
/// message), its repr with `!r` (`ValueError('bad')`; a KeyError's message
/// is its argument's repr already); a spec only after a conversion, as
/// `object.__format__` takes none.
static llvm::Expected<std::string> formatException(const RecordedException &e,
                                                   llvm::StringRef format) {
  std::optional<FormatSpec> spec = parseFormat(format);
  if (!spec)
    return llvm::createStringError("ValueError: invalid format '" + format.str() + "'");
  if (!spec->conversion && spec->hasSpec)
    return llvm::createStringError("TypeError: unsupported format string passed to " + e.cls +
                                   ".__format__");
  std::string text = e.message;
  if (spec->conversion == 'r' || spec->conversion == 'a') {
    FormatSpec repr;
    repr.conversion = 'r';
    llvm::Expected<std::string> quoted = formatPython(PythonValue::ofText(e.message), repr);
    if (!quoted)
      return quoted.takeError();
    bool keyError = e.base == "KeyError";
    text = e.cls + "(" + (e.message.empty() ? "" : keyError ? e.message : *quoted) + ")";
  }
  spec->conversion = 0;
  return formatPython(PythonValue::ofText(text), *spec);
}

llvm::Expected<std::string> formatItem(const PrintItem &item) {
  if (item.none)
    return std::string("None");
  if (item.exception)
    return formatException(*item.exception, item.format);
  if (item.listOf != PrintItem::ListOf::Nothing) {
    bool tensors = item.listOf == PrintItem::ListOf::Tensors;
    std::string text = item.dictKeys ? formatDict(*item.dictKeys, item.value, tensors)
                                     : formatRows(item.value, tensors);
    if (item.format.empty())
      return text;
    std::optional<FormatSpec> spec = parseFormat(item.format);
    if (!spec)
      return llvm::createStringError("ValueError: invalid format '" + item.format + "'");
    // A list (a dict) takes a spec only after a conversion to text (`!r:>20`).
    if (!spec->conversion && spec->hasSpec)
      return llvm::createStringError(std::string("TypeError: unsupported format string passed "
                                                 "to ") +
                                     (item.dictKeys ? "dict" : "list") + ".__format__");
    spec->conversion = 0;
    return formatPython(PythonValue::ofText(text), *spec);
  }
  if (item.format.empty())
    return item.text ? *item.text : formatValue(item.value);
  std::optional<FormatSpec> parsed = parseFormat(item.format);
  if (!parsed)
    return llvm::createStringError("ValueError: invalid format '" + item.format + "'");
  FormatSpec spec = *parsed;
  const RuntimeValue &v = item.value;
  if (item.text)
    return formatPython(PythonValue::ofText(*item.text), spec);
  switch (v.kind) {
  case RuntimeValue::Kind::Int: return formatPython(PythonValue::ofInt(v.intValue), spec);
  case RuntimeValue::Kind::Float: return formatPython(PythonValue::ofFloat(v.floatValue), spec);
  case RuntimeValue::Kind::Bool: return formatPython(PythonValue::ofBool(v.boolValue), spec);
  case RuntimeValue::Kind::Tensor: break;
  }
  // Paddle's Tensor.__format__: a 0-d tensor formats as its number; str and
  // repr (a conversion) of any tensor are its text, which takes no spec of
  // its own.
  if (spec.conversion || !v.shape.empty()) {
    if (!spec.conversion && spec.hasSpec)
      return llvm::createStringError("TypeError: unsupported format string passed to "
                                     "Tensor.__format__");
    spec.conversion = 0;
    return formatPython(PythonValue::ofText(formatValue(v)), spec);
  }
  const void *p = v.data;
  switch (v.dtype) {
  case DType::Bool: return formatPython(PythonValue::ofBool(*static_cast<const bool *>(p)), spec);
  case DType::Int32: return formatPython(PythonValue::ofInt(*static_cast<const int32_t *>(p)), spec);
  case DType::Int64: return formatPython(PythonValue::ofInt(*static_cast<const int64_t *>(p)), spec);
  case DType::Float32: return formatPython(PythonValue::ofFloat(*static_cast<const float *>(p)), spec);
  case DType::Float64: return formatPython(PythonValue::ofFloat(*static_cast<const double *>(p)), spec);
  case DType::Complex64:
  case DType::Complex128:
    break;
  }
  llvm_unreachable("unknown dtype");
}

} // namespace dy2st
