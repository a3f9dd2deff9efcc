// Python extension `_dy2st_native`: compile pydy text and call the result on
// numpy arrays without copying them (Values.h), through a dispatcher for
// repeated calls (Dispatcher.h).
#include "CompiledFunction.h"
#include "Dispatcher.h"
#include "Values.h"

#include "Dy2St/Compiler/Compiler.h"
#include "Dy2St/Compiler/ProgramCache.h"
#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Registration.h"
#include "Dy2St/Runtime/Blas.h"
#include "Dy2St/Support/Nesting.h"
#include "Dy2St/Runtime/Print.h"
#include "Dy2St/Runtime/Random.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdlib>
#include <mutex>

namespace py = pybind11;
using namespace dy2st;
using namespace dy2st::native;

namespace {

/// A failed compile: its text, and its diagnostics as records where the
/// compiler gave them (Python's CompileError carries them as `diagnostics`,
/// a list of (kind, message, file, line, column)).
struct CompileError : std::runtime_error {
  explicit CompileError(const std::string &text, std::vector<CompileDiagnostic> records = {})
      : std::runtime_error(text), records(std::move(records)) {}
  std::vector<CompileDiagnostic> records;
};

/// `error` as a CompileError, its diagnostics kept as records.
CompileError compileErrorOf(llvm::Error error) {
  std::vector<CompileDiagnostic> records;
  std::string text = llvm::toString(llvm::handleErrors(
      std::move(error), [&](std::unique_ptr<DiagnosticError> diagnostics) {
        records = diagnostics->diagnostics;
        return llvm::Error(std::move(diagnostics));
      }));
  return CompileError(text, std::move(records));
}

mlir::MLIRContext &context() {
  static mlir::MLIRContext *ctx = [] {
    mlir::DialectRegistry registry;
    registerEverything(registry);
    auto *c = new mlir::MLIRContext(registry);
    c->loadAllAvailableDialects();
    // Errors name the user's line; a dump of the op in generic form helps no one.
    c->printOpOnDiagnostic(false);
    return c;
  }();
  return *ctx;
}

/// The on-disk cache of compiled programs (none: off); set from Python.
std::unique_ptr<ProgramCache> diskCache;
std::mutex compileMutex;

/// One signature entry from the front end's tuple: ("tensor", dtype, dims
/// with None for any size), ("number", dtype), ("bool" | "int" | "float" |
/// "str", value) or ("none",).
SignatureEntry castSignatureEntry(const py::tuple &item) {
  using Kind = SignatureEntry::Kind;
  auto kind = item.empty() ? std::string() : item[0].cast<std::string>();
  auto dtypeAt = [&](size_t i) {
    std::optional<DType> dtype = dtypeFromName(item[i].cast<std::string>());
    if (!dtype)
      throw py::value_error("signature: unknown dtype " + py::repr(item[i]).cast<std::string>());
    return *dtype;
  };
  SignatureEntry entry;
  if (kind == "tensor" && item.size() == 3) {
    entry.kind = Kind::Tensor;
    entry.dtype = dtypeAt(1);
    for (py::handle dim : item[2].cast<py::sequence>())
      entry.shape.push_back(dim.is_none() ? mlir::ShapedType::kDynamic : dim.cast<int64_t>());
  } else if (kind == "number" && item.size() == 2) {
    entry.kind = Kind::Number;
    entry.dtype = dtypeAt(1);
  } else if (kind == "bool" && item.size() == 2) {
    entry.kind = Kind::Bool;
    entry.boolValue = item[1].cast<bool>();
  } else if (kind == "int" && item.size() == 2) {
    entry.kind = Kind::Int;
    entry.intValue = item[1].cast<int64_t>();
  } else if (kind == "float" && item.size() == 2) {
    entry.kind = Kind::Float;
    entry.floatValue = item[1].cast<double>();
  } else if (kind == "str" && item.size() == 2) {
    entry.kind = Kind::String;
    entry.text = item[1].cast<std::string>();
  } else if (kind == "none" && item.size() == 1) {
    entry.kind = Kind::None;
  } else {
    throw py::value_error("signature: bad entry " + py::repr(item).cast<std::string>());
  }
  return entry;
}

/// A malformed entry is a ValueError, as a bad value is.
SignatureEntry signatureEntry(const py::tuple &item) {
  try {
    return castSignatureEntry(item);
  } catch (const py::cast_error &) {
    throw py::value_error("signature: bad entry " + py::repr(item).cast<std::string>());
  }
}

/// Compiles pydy text: the importer's (`sourceName` empty) or a saved
/// model's, whose text is untrusted and whose errors name its file.
CompiledFunction compile(const std::string &source, const std::string &entry,
                         const std::vector<py::tuple> &signatureItems, const std::string &backend,
                         const std::string &sourceName) {
  if (backend != "cpu" && backend != "gpu")
    throw py::value_error("backend must be 'cpu' or 'gpu', not '" + backend + "'");
  std::vector<SignatureEntry> signature;
  for (const py::tuple &item : signatureItems)
    signature.push_back(signatureEntry(item));
  mlir::MLIRContext &ctx = context();
  std::string diagnostics;
  std::unique_ptr<JitFunction> fn;
  {
    // Python runs on while LLVM compiles (a progress report, other threads);
    // compiles take turns, as their diagnostics go to the shared context.
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(compileMutex);
    // A program calling back into Python (not_to_static) names callables
    // of this process: it is not for others.
    CompileRequest request{entry, signature, backend == "gpu"};
    bool cacheable = diskCache && source.find("pydy.py_callback") == std::string::npos;
    std::string key = cacheable ? ProgramCache::key(source, request) : "";
    if (std::optional<CompiledProgram> cached = cacheable ? diskCache->find(key) : std::nullopt) {
      auto loaded = JitFunction::load(std::move(*cached));
      if (loaded)
        return CompiledFunction(std::move(*loaded), /*fromDiskCache=*/true);
      llvm::consumeError(loaded.takeError());
    }
    mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
      llvm::raw_string_ostream os(diagnostics);
      os << d.getLocation() << ": " << d << "\n";
      return mlir::success();
    });
    // A loaded model's text is untrusted: MLIR's parser recurses per level.
    bool imported = sourceName.empty();
    if (llvm::Error nesting =
            dy2st::checkReadable(source, imported ? llvm::StringRef("the program") : sourceName))
      throw CompileError(llvm::toString(std::move(nesting)));
    mlir::OwningOpRef<mlir::ModuleOp> module = mlir::parseSourceString<mlir::ModuleOp>(
        source, &ctx, imported ? "<dy2st importer>" : sourceName);
    if (!module)
      throw CompileError(imported ? "dy2st: the importer produced IR that does not parse "
                                    "(a bug in dy2st):\n" + diagnostics
                                  : "dy2st: the program of " + sourceName +
                                        " is not valid (the file was damaged or edited):\n" +
                                        diagnostics);
    auto program = compileProgram(*module, request);
    if (!program)
      throw compileErrorOf(program.takeError());
    if (cacheable)
      diskCache->store(key, *program);
    auto loaded = JitFunction::load(std::move(*program));
    if (!loaded)
      throw CompileError(llvm::toString(loaded.takeError()));
    fn = std::move(*loaded);
  }
  return CompiledFunction(std::move(fn), /*fromDiskCache=*/false);
}

} // namespace

/// An exception compiled code caught (`except E as e`) as a Python object of
/// its class, which Python's print and format write: a user's class is made
/// again by name on its builtin base (its repr and format errors name it).
/// A KeyError's recorded message is its argument's repr already (see
/// keyErrorText).
static py::object exceptionObject(const dy2st::RecordedException &e) {
  py::module_ builtins = py::module_::import("builtins");
  py::object base = builtins.attr("__dict__").attr("get")(e.base, builtins.attr("Exception"));
  py::object cls =
      e.cls == e.base ? base : builtins.attr("type")(e.cls, py::make_tuple(base), py::dict());
  if (e.message.empty())
    return cls();
  if (PyObject_IsSubclass(base.ptr(), PyExc_KeyError) != 1)
    return cls(e.message);
  return cls(keyErrorText(e.message));
}

PYBIND11_MODULE(_dy2st_native, m) {
  m.doc() = "dy2st native compiler: pydy text in, native code out";
  // Kept for the life of the process, like the module.
  static auto &compileError = *new py::exception<CompileError>(m, "CompileError", PyExc_Exception);
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown)
        std::rethrow_exception(thrown);
    } catch (const CompileError &e) {
      py::list records;
      for (const CompileDiagnostic &d : e.records)
        records.append(py::make_tuple(d.kind, d.message, d.file.empty() ? py::object(py::none())
                                                                          : py::str(d.file),
                                      d.line, d.column));
      py::object error = py::reinterpret_borrow<py::object>(compileError)(py::str(e.what()));
      error.attr("diagnostics") = records;
      PyErr_SetObject(compileError.ptr(), error.ptr());
    }
  });
  m.def(
      "set_printer",
      [](py::object callback) {
        // Kept for the life of the process: compiled code may print any time.
        auto *held = new py::object(std::move(callback));
        setPrinter([held](std::vector<PrintItem> &items, const PrintRequest &request) {
          static const char *targets[] = {"print", "log", "text", "call"};
          py::gil_scoped_acquire gil;
          try {
            py::list values, formats;
            for (PrintItem &item : items) {
              py::object value = item.none        ? py::object(py::none())
                                 : item.exception ? exceptionObject(*item.exception)
                                 : item.text      ? py::object(py::str(*item.text))
                                                  : toPython(item.value);
              if (item.listOf == PrintItem::ListOf::Numbers)
                value = value.attr("tolist")();
              else if (item.listOf == PrintItem::ListOf::Tensors) {
                // The rows as arrays (0-d ones too), which the printer makes tensors.
                py::object asarray = py::module_::import("numpy").attr("asarray");
                py::list rows;
                for (py::handle row : value)
                  rows.append(asarray(row));
                value = rows;
              }
              if (item.dictKeys) {
                py::object keys = toPython(*item.dictKeys).attr("tolist")();
                value = py::module_::import("builtins").attr("dict")(
                    py::module_::import("builtins").attr("zip")(keys, value));
              }
              values.append(value);
              formats.append(py::str(item.format));
            }
            py::object text = (*held)(values, formats, targets[static_cast<int>(request.target)],
                                      request.sep, request.end, request.name, request.level,
                                      request.record);
            return text.is_none() ? std::string() : text.cast<std::string>();
          } catch (py::error_already_set &e) {
            // A format the value rejects: the call raises it, as eagerly.
            reportRuntimeError(std::string(py::str(e.type().attr("__name__"))) + ": " +
                               std::string(py::str(e.value())));
            return std::string();
          }
        });
      },
      "Routes print(), logging, raise messages and not_to_static calls of compiled code to `callback(items, formats, target, sep, end, name, level, record)`, which returns the text for target 'text'.");
  m.def(
      "library_functions",
      [] {
        // The op table as the compiler read it: name -> [(parameter, kind, default)].
        static const char *kinds[] = {"Tensor", "Value", "Static", "Tensors", "Ints", "Data"};
        py::dict table;
        for (const mlir::pydy::LibFunction &fn : mlir::pydy::allLibFunctions()) {
          py::list params;
          for (const mlir::pydy::LibParam &p : fn.params)
            params.append(py::make_tuple(p.name, kinds[static_cast<int>(p.kind)],
                                         p.defaultText ? py::object(py::str(*p.defaultText))
                                                       : py::object(py::none())));
          table[py::str(fn.name.str())] = params;
        }
        return table;
      },
      "The op table as the compiler reads it (a test compares it with dy2st.optable).");
  m.def("set_threads", &setBlasThreads, py::arg("threads"),
        "The threads compiled code uses (and eager numpy's OpenBLAS).");
  m.def("threads", &blasThreads, "The threads compiled code uses.");
  m.def("blas_own_threads", &blasOwnThreads,
        "The threads OpenBLAS itself runs a product on now (one while compiled products run).");
  m.def("seed_random", &dy2st::seedRandomBits, py::arg("seed"),
        "Restarts the random bits of compiled code (dy2st.seed).");
  m.def("blas_core", &blasCore, "The kernel family OpenBLAS chose for this CPU.");
  m.def("compile", &compile, py::arg("source"), py::arg("entry"), py::arg("signature"),
        py::arg("backend") = "cpu", py::arg("source_name") = "",
        "Compile pydy text, specialized to `signature` (a list of entries, see "
        "signatureEntry), to native code for the CPU or "
        "for the CPU and an NVIDIA GPU; `source_name` names a saved model's file.");
  m.def(
      "set_disk_cache",
      [](const std::string &directory, uint64_t maxBytes) {
        std::lock_guard<std::mutex> lock(compileMutex);
        diskCache = directory.empty() ? nullptr
                                      : std::make_unique<ProgramCache>(directory, maxBytes);
      },
      py::arg("directory"), py::arg("max_bytes"),
      "Keeps compiled programs in `directory` (\"\": nowhere), at most `max_bytes` of them.");
  py::class_<NamedTupleStructure>(m, "NamedTupleStructure")
      .def_readonly("class_key", &NamedTupleStructure::classKey)
      .def_readonly("fields", &NamedTupleStructure::fields)
      .def_readonly("items", &NamedTupleStructure::items);
  py::class_<TextChoiceStructure>(m, "TextChoiceStructure")
      .def_readonly("texts", &TextChoiceStructure::texts);
  py::class_<CompiledFunction>(m, "CompiledFunction")
      .def("__call__", py::overload_cast<const py::sequence &>(&CompiledFunction::call, py::const_),
           py::arg("args"))
      .def("stage", &CompiledFunction::stage, py::arg("name"))
      .def_property_readonly("stages", &CompiledFunction::stageNames)
      .def_property_readonly("result_structure", &CompiledFunction::structure)
      .def_property_readonly("from_disk_cache", &CompiledFunction::fromDiskCache)
      .def_property_readonly("object_count", &CompiledFunction::objectCount);
  py::class_<Dispatcher>(m, "Dispatcher")
      .def(py::init<size_t, py::tuple, py::object, py::object, py::object>(),
           py::arg("parameters"), py::arg("defaults"), py::arg("tensor_type"),
           py::arg("rebuild"), py::arg("miss"))
      .def("__call__", &Dispatcher::call, py::arg("args"), py::arg("extra"))
      .def("remember", &Dispatcher::remember, py::arg("values"), py::arg("compiled"))
      .def("__len__", &Dispatcher::size);
}
