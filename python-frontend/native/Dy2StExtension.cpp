// Python extension `_dy2st_native`: compile pydy text and call the result on
// numpy arrays without copying them; results come back as numpy arrays that
// own the buffers the compiled code allocated.
#include "Dy2St/Dialect/Pydy/Library.h"
#include "Dy2St/Dialect/Pydy/PydyDialect.h"
#include "Dy2St/Dialect/TensorArray/TensorArrayDialect.h"
#include "Dy2St/Registration.h"
#include "Dy2St/Runtime/JitFunction.h"
#include "Dy2St/Runtime/Print.h"

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

namespace {

struct CompileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

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

std::optional<DType> dtypeOfArray(const py::array &a) {
  py::dtype d = a.dtype();
  if (d.is(py::dtype::of<bool>())) return DType::Bool;
  if (d.is(py::dtype::of<int32_t>())) return DType::Int32;
  if (d.is(py::dtype::of<int64_t>())) return DType::Int64;
  if (d.is(py::dtype::of<float>())) return DType::Float32;
  if (d.is(py::dtype::of<double>())) return DType::Float64;
  return std::nullopt;
}

py::dtype numpyDtype(DType d) {
  switch (d) {
  case DType::Bool: return py::dtype::of<bool>();
  case DType::Int32: return py::dtype::of<int32_t>();
  case DType::Int64: return py::dtype::of<int64_t>();
  case DType::Float32: return py::dtype::of<float>();
  case DType::Float64: return py::dtype::of<double>();
  }
  return py::dtype::of<double>();
}

RuntimeValue toRuntime(py::handle arg, size_t index) {
  RuntimeValue v;
  if (py::isinstance<py::bool_>(arg)) {
    v.kind = RuntimeValue::Kind::Bool;
    v.boolValue = arg.cast<bool>();
  } else if (py::isinstance<py::int_>(arg)) {
    v.kind = RuntimeValue::Kind::Int;
    v.intValue = arg.cast<int64_t>();
  } else if (py::isinstance<py::float_>(arg)) {
    v.kind = RuntimeValue::Kind::Float;
    v.floatValue = arg.cast<double>();
  } else if (py::isinstance<py::array>(arg)) {
    auto a = py::reinterpret_borrow<py::array>(arg);
    if (!(a.flags() & py::array::c_style))
      throw py::value_error("argument " + std::to_string(index) + " is not C-contiguous");
    auto dtype = dtypeOfArray(a);
    if (!dtype)
      throw py::type_error("argument " + std::to_string(index) + " has dtype " +
                           py::str(a.dtype()).cast<std::string>() +
                           "; dy2st supports bool, int32, int64, float32 and float64");
    v.kind = RuntimeValue::Kind::Tensor;
    v.dtype = *dtype;
    v.shape.assign(a.shape(), a.shape() + a.ndim());
    v.data = const_cast<void *>(a.data());
  } else {
    throw py::type_error("argument " + std::to_string(index) +
                         " must be a numpy array or a Python number");
  }
  return v;
}

py::object toPython(RuntimeValue &v) {
  switch (v.kind) {
  case RuntimeValue::Kind::Int: return py::int_(v.intValue);
  case RuntimeValue::Kind::Float: return py::float_(v.floatValue);
  case RuntimeValue::Kind::Bool: return py::bool_(v.boolValue);
  case RuntimeValue::Kind::Tensor: break;
  }
  // numpy owns the buffer from here: the capsule frees it with the array.
  py::capsule owner(v.allocation, [](void *p) { std::free(p); });
  v.allocation = nullptr;
  return py::array(numpyDtype(v.dtype), v.shape, {}, v.data, owner);
}

/// The shape of a Python result: None for a leaf, "none" for None, "array"
/// for a list returned stacked, "optional" for a flag and a value (None where
/// the flag is false), a tuple, list or dict of shapes.
/// The structure of a result of `type` (see jit._rebuild); `texts` gives
/// the values of its string leaves in order.
py::object structureOf(mlir::Type type, std::vector<std::string>::const_iterator &texts) {
  if (!type)
    return py::str("none");
  if (mlir::isa<mlir::pydy::StrType>(type))
    return py::str("text:" + *texts++);
  if (mlir::isa<mlir::pydy::OptionalType>(type))
    return py::str("optional");
  if (mlir::isa<mlir::tensor_array::ArrayType>(type))
    return py::str("array");
  if (auto dict = mlir::dyn_cast<mlir::pydy::DictType>(type)) {
    py::dict entries;
    for (auto [key, value] : llvm::zip(dict.getKeys(), dict.getValueTypes()))
      entries[py::str(key.getValue().str())] = structureOf(value, texts);
    return std::move(entries);
  }
  if (auto elements = mlir::pydy::sequenceElementTypes(type)) {
    py::list items;
    for (mlir::Type t : *elements)
      items.append(structureOf(t, texts));
    if (mlir::isa<mlir::pydy::ListType>(type))
      return std::move(items);
    return py::tuple(items);
  }
  if (type.getDialect().getNamespace() == "pydy")
    return py::str("none");
  return py::none();
}

class CompiledFunction {
public:
  explicit CompiledFunction(std::unique_ptr<JitFunction> fn) : fn(std::move(fn)) {}

  py::list call(const py::sequence &args) const {
    std::vector<RuntimeValue> values;
    for (size_t i = 0; i < args.size(); ++i)
      values.push_back(toRuntime(args[i], i));
    llvm::Expected<std::vector<RuntimeValue>> results = [&] {
      py::gil_scoped_release release;
      return fn->call(values);
    }();
    if (!results) {
      // "IndexError: ..." (from the runtime's checks or a `raise`) names the
      // builtin exception class to raise; anything else is a ValueError.
      std::string message = llvm::toString(results.takeError());
      auto [kind, text] = llvm::StringRef(message).split(": ");
      py::object cls = py::module_::import("builtins").attr("__dict__").attr("get")(kind.str());
      if (text.empty() || !PyType_Check(cls.ptr()) ||
          !PyType_IsSubtype(reinterpret_cast<PyTypeObject *>(cls.ptr()),
                            reinterpret_cast<PyTypeObject *>(PyExc_BaseException))) {
        cls = py::reinterpret_borrow<py::object>(PyExc_ValueError);
        text = message;
      }
      PyErr_SetString(cls.ptr(), text.str().c_str());
      throw py::error_already_set();
    }
    py::list out;
    for (RuntimeValue &r : *results)
      out.append(toPython(r));
    return out;
  }

  std::string stage(const std::string &name) const {
    auto it = fn->stages().find(name);
    if (it == fn->stages().end())
      throw py::key_error("no IR stage '" + name + "'");
    return it->second;
  }

  py::list stageNames() const {
    py::list names;
    for (const char *n : {"pydy", "specialized", "core", "llvm"})
      if (fn->stages().count(n))
        names.append(n);
    return names;
  }

  py::object structure() const {
    auto texts = fn->resultTexts().cbegin();
    return structureOf(fn->specializedResult(), texts);
  }

private:
  std::unique_ptr<JitFunction> fn;
};

CompiledFunction compile(const std::string &source, const std::string &entry,
                         const std::string &signature, const std::string &backend) {
  if (backend != "cpu" && backend != "gpu")
    throw py::value_error("backend must be 'cpu' or 'gpu', not '" + backend + "'");
  mlir::MLIRContext &ctx = context();
  std::string diagnostics;
  std::unique_ptr<JitFunction> fn;
  {
    // Python runs on while LLVM compiles (a progress report, other threads);
    // compiles take turns, as their diagnostics go to the shared context.
    py::gil_scoped_release release;
    static std::mutex compileMutex;
    std::lock_guard<std::mutex> lock(compileMutex);
    mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
      llvm::raw_string_ostream os(diagnostics);
      os << d.getLocation() << ": " << d << "\n";
      return mlir::success();
    });
    mlir::OwningOpRef<mlir::ModuleOp> module =
        mlir::parseSourceString<mlir::ModuleOp>(source, &ctx, "<dy2st importer>");
    if (!module)
      throw CompileError("dy2st: the importer produced IR that does not parse "
                         "(a bug in dy2st):\n" + diagnostics);
    auto compiled =
        JitFunction::compile(*module, CompileRequest{entry, signature, backend == "gpu"});
    if (!compiled)
      throw CompileError(llvm::toString(compiled.takeError()));
    fn = std::move(*compiled);
  }
  return CompiledFunction(std::move(fn));
}

} // namespace

PYBIND11_MODULE(_dy2st_native, m) {
  m.doc() = "dy2st native compiler: pydy text in, native code out";
  py::register_exception<CompileError>(m, "CompileError", PyExc_Exception);
  m.def(
      "set_printer",
      [](py::object callback) {
        // Kept for the life of the process: compiled code may print any time.
        auto *held = new py::object(std::move(callback));
        setPrinter([held](std::vector<PrintItem> &items, const PrintRequest &request) {
          static const char *targets[] = {"print", "log", "text"};
          py::gil_scoped_acquire gil;
          try {
            py::list values, formats;
            for (PrintItem &item : items) {
              values.append(item.text ? py::str(*item.text) : toPython(item.value));
              formats.append(py::str(item.format));
            }
            py::object text = (*held)(values, formats, targets[static_cast<int>(request.target)],
                                      request.sep, request.end, request.logger, request.level);
            return text.is_none() ? std::string() : text.cast<std::string>();
          } catch (py::error_already_set &e) {
            // A format the value rejects: the call raises it, as eagerly.
            reportRuntimeError(std::string(py::str(e.type().attr("__name__"))) + ": " +
                               std::string(py::str(e.value())));
            return std::string();
          }
        });
      },
      "Routes print(), logging and raise messages of compiled code to `callback(items, formats, target, sep, end, logger, level)`, which returns the text for target 'text'.");
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
  m.def("compile", &compile, py::arg("source"), py::arg("entry"), py::arg("signature"),
        py::arg("backend") = "cpu",
        "Compile pydy text, specialized to `signature`, to native code for the CPU or "
        "for the CPU and an NVIDIA GPU.");
  py::class_<CompiledFunction>(m, "CompiledFunction")
      .def("__call__", &CompiledFunction::call, py::arg("args"))
      .def("stage", &CompiledFunction::stage, py::arg("name"))
      .def_property_readonly("stages", &CompiledFunction::stageNames)
      .def_property_readonly("result_structure", &CompiledFunction::structure);
}
