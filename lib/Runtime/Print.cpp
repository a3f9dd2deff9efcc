#include "Dy2St/Runtime/Print.h"
#include "Dy2St/Support/PythonFormat.h"
#include "Dy2St/Support/RuntimeABI.h"

#include "mlir/ExecutionEngine/CRunnerUtils.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace dy2st {
namespace {

std::mutex printerMutex;

std::string levelName(int64_t level) {
  switch (level) {
  case 10: return "DEBUG";
  case 20: return "INFO";
  case 30: return "WARNING";
  case 40: return "ERROR";
  case 50: return "CRITICAL";
  default: return "Level " + std::to_string(level);
  }
}

/// Python's own line for a warnings.warn() of compiled code (its record
/// names the category, file and line: see the importer's warning_call),
/// or nothing for a logging call's record.
std::optional<std::string> warningLine(const std::string &record, const std::string &text) {
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(record);
  if (!parsed) {
    llvm::consumeError(parsed.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *fields = parsed->getAsObject();
  const llvm::json::Object *warning = fields ? fields->getObject("warning") : nullptr;
  const llvm::json::Array *category = warning ? warning->getArray("category") : nullptr;
  if (!category || category->size() != 2)
    return std::nullopt;
  std::string line;
  llvm::raw_string_ostream os(line);
  os << warning->getString("file").value_or("") << ":" << warning->getInteger("line").value_or(0)
     << ": " << (*category)[1].getAsString().value_or("UserWarning") << ": " << text;
  return line;
}

Printer &installedPrinter() {
  static Printer printer = [](std::vector<PrintItem> &items, const PrintRequest &request) {
    std::string text;
    for (size_t i = 0; i < items.size(); ++i) {
      llvm::Expected<std::string> item = formatItem(items[i]);
      if (!item) {
        reportRuntimeError(llvm::toString(item.takeError()));
        return std::string();
      }
      text += (i ? request.sep : "") + *item;
    }
    switch (request.target) {
    case PrintRequest::Target::Callback:
      reportRuntimeError("RuntimeError: a not_to_static function is called here, and only "
                         "the Python process that converted the program can call it");
      break;
    case PrintRequest::Target::Stdout:
      llvm::outs() << text << request.end;
      llvm::outs().flush();
      break;
    case PrintRequest::Target::Log:
      // Python's default formats on stderr: file:line: Category: message for
      // a warning (every time: no Python filters here), else LEVEL:logger:message.
      if (std::optional<std::string> line = warningLine(request.record, text)) {
        llvm::errs() << *line << "\n";
        break;
      }
      llvm::errs() << levelName(request.level) << ":"
                   << (request.name.empty() ? "root" : request.name) << ":" << text << "\n";
      break;
    case PrintRequest::Target::Text:
      return text;
    }
    return std::string();
  };
  return printer;
}

/// The items of the print being assembled on this thread.
thread_local std::vector<PrintItem> pending;
/// The first error compiled code raised during the current call.
thread_local std::optional<std::string> raised;
/// Exceptions set aside while `finally` blocks run (and those clauses that
/// re-raise handled), the innermost last.
thread_local std::vector<std::string> held;
/// The exception the last `except` clause that matched handled.
thread_local std::string lastCaught;

/// A complex number as Python writes one: (1+2j), (1-2j).
template <typename Part>
static void formatComplex(llvm::raw_ostream &os, const Part *parts, const char *spec) {
  os << "(" << llvm::format(spec, parts[0]) << (std::signbit(parts[1]) ? "" : "+")
     << llvm::format(spec, parts[1]) << "j)";
}

void formatElement(llvm::raw_ostream &os, const RuntimeValue &v, int64_t i) {
  const char *p = static_cast<const char *>(v.data) + i * dtypeSize(v.dtype);
  switch (v.dtype) {
  case DType::Bool: os << (*reinterpret_cast<const bool *>(p) ? "True" : "False"); break;
  case DType::Int32: os << *reinterpret_cast<const int32_t *>(p); break;
  case DType::Int64: os << *reinterpret_cast<const int64_t *>(p); break;
  case DType::Float32: os << llvm::format("%g", *reinterpret_cast<const float *>(p)); break;
  case DType::Float64: os << llvm::format("%.10g", *reinterpret_cast<const double *>(p)); break;
  case DType::Complex64:
    formatComplex(os, reinterpret_cast<const float *>(p), "%g");
    break;
  case DType::Complex128:
    formatComplex(os, reinterpret_cast<const double *>(p), "%.10g");
    break;
  }
}

void formatTensor(llvm::raw_ostream &os, const RuntimeValue &v, size_t dim, int64_t &index) {
  if (dim == v.shape.size()) {
    formatElement(os, v, index++);
    return;
  }
  os << "[";
  for (int64_t i = 0; i < v.shape[dim]; ++i) {
    if (i)
      os << ", ";
    formatTensor(os, v, dim + 1, index);
  }
  os << "]";
}

/// A contiguous copy of the tensor an unranked descriptor describes.
template <typename T>
void pushTensor(UnrankedMemRefType<T> *memref, DType dtype) {
  DynamicMemRefType<T> view(*memref);
  PrintItem item;
  RuntimeValue &v = item.value;
  v.kind = RuntimeValue::Kind::Tensor;
  v.dtype = dtype;
  v.shape.assign(view.sizes, view.sizes + view.rank);
  int64_t n = v.numElements();
  v.allocation = std::malloc(std::max<int64_t>(n, 1) * sizeof(T));
  v.data = v.allocation;
  T *out = static_cast<T *>(v.data);
  std::vector<int64_t> index(view.rank, 0);
  for (int64_t k = 0; k < n; ++k) {
    int64_t offset = view.offset;
    for (int64_t d = 0; d < view.rank; ++d)
      offset += index[d] * view.strides[d];
    out[k] = view.data[offset];
    for (int64_t d = view.rank - 1; d >= 0; --d) {
      if (++index[d] < view.sizes[d])
        break;
      index[d] = 0;
    }
  }
  pending.push_back(std::move(item));
}

void pushScalar(RuntimeValue v) { pending.push_back(PrintItem{std::move(v), std::nullopt}); }

} // namespace

std::string formatElements(const RuntimeValue &v) {
  std::string s;
  llvm::raw_string_ostream os(s);
  int64_t index = 0;
  formatTensor(os, v, 0, index);
  return s;
}

/// Row `i` of `v` as an item of the Python list of its rows.
static std::string formatRow(const RuntimeValue &v, int64_t i, bool tensors) {
  if (tensors) {
    RuntimeValue row = v;
    row.allocation = nullptr;
    row.shape.erase(row.shape.begin());
    row.data = static_cast<char *>(v.data) + i * row.numElements() * dtypeSize(v.dtype);
    return formatValue(row);
  }
  const char *p = static_cast<const char *>(v.data) + i * dtypeSize(v.dtype);
  switch (v.dtype) {
  case DType::Bool: return *reinterpret_cast<const bool *>(p) ? "True" : "False";
  case DType::Int32: return std::to_string(*reinterpret_cast<const int32_t *>(p));
  case DType::Int64: return std::to_string(*reinterpret_cast<const int64_t *>(p));
  case DType::Float32: return reprFloat(*reinterpret_cast<const float *>(p));
  case DType::Float64: return reprFloat(*reinterpret_cast<const double *>(p));
  case DType::Complex64:
  case DType::Complex128:
    break;
  }
  llvm_unreachable("unknown dtype");
}

std::string formatRows(const RuntimeValue &v, bool tensors) {
  std::string s = "[";
  int64_t rows = v.shape.empty() ? 0 : v.shape[0];
  for (int64_t i = 0; i < rows; ++i)
    s += (i ? ", " : "") + formatRow(v, i, tensors);
  return s + "]";
}

std::string formatDict(const RuntimeValue &keys, const RuntimeValue &values, bool tensors) {
  std::string s = "{";
  int64_t rows = keys.shape.empty() ? 0 : keys.shape[0];
  for (int64_t i = 0; i < rows; ++i)
    s += (i ? ", " : "") + formatRow(keys, i, false) + ": " + formatRow(values, i, tensors);
  return s + "}";
}

std::string formatValue(const RuntimeValue &v) {
  std::string s;
  llvm::raw_string_ostream os(s);
  switch (v.kind) {
  case RuntimeValue::Kind::Int: os << v.intValue; break;
  case RuntimeValue::Kind::Float: os << reprFloat(v.floatValue); break;
  case RuntimeValue::Kind::Bool: os << (v.boolValue ? "True" : "False"); break;
  case RuntimeValue::Kind::Tensor: {
    os << "Tensor(shape=[";
    for (size_t d = 0; d < v.shape.size(); ++d)
      os << (d ? ", " : "") << v.shape[d];
    os << "], dtype=" << dtypeName(v.dtype) << ", value=" << formatElements(v) << ")";
    break;
  }
  }
  return s;
}

/// The "file:line: " compiled code puts before a message (the raise's
/// source line), or "" where it has none.
static llvm::StringRef sourceLineOf(llvm::StringRef message) {
  for (size_t colon = message.find(':'); colon != llvm::StringRef::npos;
       colon = message.find(':', colon + 1)) {
    llvm::StringRef rest = message.drop_front(colon + 1);
    llvm::StringRef digits = rest.take_while(llvm::isDigit);
    if (!digits.empty() && rest.drop_front(digits.size()).starts_with(": "))
      return message.take_front(colon + 1 + digits.size() + 2);
  }
  return "";
}

RecordedException RecordedException::of(llvm::StringRef record) {
  auto [kind, rest] = record.split(": ");
  auto [base, user] = kind.split('/');
  llvm::StringRef line = sourceLineOf(rest);
  return {base.str(), user.empty() ? base.str() : user.str(), line.str(),
          rest.drop_front(line.size()).str()};
}

std::string RecordedException::pythonRecord() const {
  std::string text = base + ": " + sourceLine;
  if (cls != base)
    text += cls + ": ";
  return text + message;
}

std::optional<std::string> takeRuntimeError() {
  std::optional<std::string> error;
  error.swap(raised);
  // A user's class leaves as its builtin base, its message led by its name.
  if (error)
    error = RecordedException::of(*error).pythonRecord();
  // A `finally` block that raised left its held exception behind.
  held.clear();
  return error;
}

void reportRuntimeError(std::string error) {
  if (!raised)
    raised = std::move(error);
}

void setPrinter(Printer printer) {
  std::lock_guard<std::mutex> lock(printerMutex);
  installedPrinter() = std::move(printer);
}

} // namespace dy2st

using namespace dy2st;

extern "C" {
static void dy2st_print_i64(int64_t v) {
  RuntimeValue r;
  r.kind = RuntimeValue::Kind::Int;
  r.intValue = v;
  pushScalar(r);
}
static void dy2st_print_f64(double v) {
  RuntimeValue r;
  r.kind = RuntimeValue::Kind::Float;
  r.floatValue = v;
  pushScalar(r);
}
static void dy2st_print_bool(int64_t v) {
  RuntimeValue r;
  r.kind = RuntimeValue::Kind::Bool;
  r.boolValue = v != 0;
  pushScalar(r);
}
static void dy2st_print_str(const char *text) {
  pending.push_back(PrintItem{RuntimeValue(), std::string(text)});
}
static void dy2st_print_none() {
  PrintItem item;
  item.none = true;
  pending.push_back(std::move(item));
}
static void dy2st_print_format(const char *format) {
  if (!pending.empty())
    pending.back().format = format;
}
static void dy2st_print_as_list(int64_t tensors) {
  if (!pending.empty())
    pending.back().listOf = tensors ? PrintItem::ListOf::Tensors : PrintItem::ListOf::Numbers;
}
static void dy2st_print_as_dict(int64_t tensors) {
  if (pending.size() < 2)
    return;
  PrintItem keys = std::move(pending[pending.size() - 2]);
  pending.erase(pending.end() - 2);
  pending.back().dictKeys = std::move(keys.value);
  pending.back().listOf = tensors ? PrintItem::ListOf::Tensors : PrintItem::ListOf::Numbers;
}
/// Hands the pending items to the printer (and frees their copies). Once
/// the call has raised, nothing more is printed, logged or called back:
/// compiled code runs on to its end with safe values, where Python's
/// execution stopped at the raise.
static std::string flushPending(const PrintRequest &request) {
  std::vector<PrintItem> items;
  items.swap(pending);
  std::string text;
  if (!raised) {
    std::lock_guard<std::mutex> lock(printerMutex);
    text = installedPrinter()(items, request);
  }
  for (PrintItem &item : items) {
    std::free(item.value.allocation);
    if (item.dictKeys)
      std::free(item.dictKeys->allocation);
  }
  return text;
}
static void dy2st_print_end(const char *sep, const char *end) {
  PrintRequest request;
  request.sep = sep;
  request.end = end;
  flushPending(request);
}
static void dy2st_log_end(const char *sep, const char *logger, int64_t level,
                          const char *record) {
  PrintRequest request;
  request.target = PrintRequest::Target::Log;
  request.sep = sep;
  request.name = logger;
  request.level = level;
  request.record = record;
  flushPending(request);
}
static void dy2st_py_callback(const char *key) {
  PrintRequest request;
  request.target = PrintRequest::Target::Callback;
  request.name = key;
  flushPending(request);
}
// Compiled code checks what only run time can tell (an index in range, a
// divisor not zero) and reports the first failure here; the call completes
// with a safe value and the caller raises.
static void dy2st_raise(const char *kind, const char *message) {
  reportRuntimeError(std::string(kind) + ": " + message);
}
/// A raise whose message ends with the pending items' text.
static void dy2st_raise_items(const char *kind, const char *message) {
  PrintRequest request;
  request.target = PrintRequest::Target::Text;
  std::string text = flushPending(request);
  reportRuntimeError(std::string(kind) + ": " + message + text);
}
static bool dy2st_raised() { return raised.has_value(); }
static int64_t dy2st_hold_raised() {
  int64_t depth = held.size();
  if (raised) {
    held.push_back(std::move(*raised));
    raised.reset();
  }
  return depth;
}
static int64_t dy2st_hold_caught() {
  int64_t depth = held.size();
  held.push_back(lastCaught);
  return depth;
}
static void dy2st_drop_held(int64_t depth) {
  if (depth >= 0 && static_cast<size_t>(depth) < held.size())
    held.resize(depth);
}
static void dy2st_raise_held(int64_t depth) {
  if (depth < 0 || static_cast<size_t>(depth) >= held.size())
    return;
  std::string exception = std::move(held[depth]);
  dy2st_drop_held(depth);
  reportRuntimeError(std::move(exception));
}
static int64_t dy2st_held_depth() { return static_cast<int64_t>(held.size()); }
static void dy2st_reraise() {
  if (!held.empty())
    reportRuntimeError(held.back());
}
/// Whether the recorded exception is of `wanted`: "Kind" (a builtin class,
/// also a user's class based on it), or "Kind/Name" (a user's class Name).
static bool caughtBy(llvm::StringRef recorded, llvm::StringRef wanted) {
  RecordedException exception = RecordedException::of(recorded);
  auto [base, user] = wanted.split('/');
  return exception.base == base && (user.empty() || exception.cls == user);
}
/// `except E as e`: `e` printed (its str, or its repr with `!r`), from the
/// exception held at `depth`.
static void dy2st_print_exception(int64_t depth) {
  PrintItem item;
  if (depth >= 0 && static_cast<size_t>(depth) < held.size())
    item.exception = RecordedException::of(held[depth]);
  pending.push_back(std::move(item));
}
static bool dy2st_catch(const char *kinds) {
  if (!raised)
    return false;
  llvm::SmallVector<llvm::StringRef> wanted;
  llvm::StringRef(kinds).split(wanted, ',');
  if (llvm::none_of(wanted, [](llvm::StringRef w) { return caughtBy(*raised, w); }))
    return false;
  lastCaught = std::move(*raised);
  raised.reset();
  return true;
}
/// Recursive calls of compiled code, as deep as Python's default limit:
/// deeper, the call raises RecursionError rather than overflow the stack.
constexpr int kMaxCallDepth = 1000;
thread_local int callDepth = 0;
static bool dy2st_enter_call() {
  if (callDepth >= kMaxCallDepth)
    return false;
  ++callDepth;
  return true;
}
static void dy2st_leave_call() { --callDepth; }
/// Whether `bytes` can be allocated now (a tensor whose size is only known
/// at run time is checked before it is made).
static bool dy2st_can_allocate(double bytes) {
  if (!(bytes < 0x1p62))
    return false;
  void *p = std::malloc(std::max<size_t>(static_cast<size_t>(bytes), 1));
  std::free(p);
  return p != nullptr;
}
static void print_f32(UnrankedMemRefType<float> *m) { pushTensor(m, DType::Float32); }
static void print_f64(UnrankedMemRefType<double> *m) { pushTensor(m, DType::Float64); }
static void print_i32(UnrankedMemRefType<int32_t> *m) { pushTensor(m, DType::Int32); }
static void print_i64(UnrankedMemRefType<int64_t> *m) { pushTensor(m, DType::Int64); }
static void print_i1(UnrankedMemRefType<bool> *m) { pushTensor(m, DType::Bool); }
}

dy2st::CallState dy2st::saveCallState() { return {callDepth, pending.size()}; }

void dy2st::restoreCallState(const CallState &state) {
  callDepth = state.depth;
  for (size_t i = state.pendingItems; i < pending.size(); ++i)
    std::free(pending[i].value.allocation);
  pending.resize(std::min(pending.size(), state.pendingItems));
}

void dy2st::definePrintSymbols(SymbolDefiner add) {
  add(kPrintI64, reinterpret_cast<void *>(&dy2st_print_i64));
  add(kPrintF64, reinterpret_cast<void *>(&dy2st_print_f64));
  add(kPrintBool, reinterpret_cast<void *>(&dy2st_print_bool));
  add(kPrintStr, reinterpret_cast<void *>(&dy2st_print_str));
  add(kPrintNone, reinterpret_cast<void *>(&dy2st_print_none));
  add(kPyCallback, reinterpret_cast<void *>(&dy2st_py_callback));
  add(kPrintFormat, reinterpret_cast<void *>(&dy2st_print_format));
  add(kPrintAsList, reinterpret_cast<void *>(&dy2st_print_as_list));
  add(kPrintAsDict, reinterpret_cast<void *>(&dy2st_print_as_dict));
  add(kPrintEnd, reinterpret_cast<void *>(&dy2st_print_end));
  add(kLogEnd, reinterpret_cast<void *>(&dy2st_log_end));
  add(kRaise, reinterpret_cast<void *>(&dy2st_raise));
  add(kRaiseItems, reinterpret_cast<void *>(&dy2st_raise_items));
  add(kRaised, reinterpret_cast<void *>(&dy2st_raised));
  add(kCatch, reinterpret_cast<void *>(&dy2st_catch));
  add(kHoldRaised, reinterpret_cast<void *>(&dy2st_hold_raised));
  add(kHoldCaught, reinterpret_cast<void *>(&dy2st_hold_caught));
  add(kRaiseHeld, reinterpret_cast<void *>(&dy2st_raise_held));
  add(kDropHeld, reinterpret_cast<void *>(&dy2st_drop_held));
  add(kHeldDepth, reinterpret_cast<void *>(&dy2st_held_depth));
  add(kReraise, reinterpret_cast<void *>(&dy2st_reraise));
  add(kPrintException, reinterpret_cast<void *>(&dy2st_print_exception));
  add(kEnterCall, reinterpret_cast<void *>(&dy2st_enter_call));
  add(kLeaveCall, reinterpret_cast<void *>(&dy2st_leave_call));
  add(kCanAllocate, reinterpret_cast<void *>(&dy2st_can_allocate));
  add(("_mlir_ciface_" + kPrintTensorPrefix + "f32").str(), reinterpret_cast<void *>(&print_f32));
  add(("_mlir_ciface_" + kPrintTensorPrefix + "f64").str(), reinterpret_cast<void *>(&print_f64));
  add(("_mlir_ciface_" + kPrintTensorPrefix + "i32").str(), reinterpret_cast<void *>(&print_i32));
  add(("_mlir_ciface_" + kPrintTensorPrefix + "i64").str(), reinterpret_cast<void *>(&print_i64));
  add(("_mlir_ciface_" + kPrintTensorPrefix + "i1").str(), reinterpret_cast<void *>(&print_i1));
}
