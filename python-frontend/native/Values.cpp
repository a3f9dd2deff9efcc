#include "Values.h"

#include <complex>

#include "Dy2St/Runtime/Memory.h"
#include "Dy2St/Support/RuntimeABI.h"

#include <cstdlib>

namespace py = pybind11;

namespace dy2st::native {

std::optional<DType> dtypeOfArray(py::handle array) {
  // numpy's type numbers (stable across numpy 1 and 2), native byte order only.
  enum {
    Bool = 0,
    Int = 5,
    Long = 7,
    LongLong = 9,
    Float = 11,
    Double = 12,
    ComplexFloat = 14,
    ComplexDouble = 15
  };
  auto *descr = py::detail::array_descriptor_proxy(py::detail::array_proxy(array.ptr())->descr);
  if (descr->byteorder == '>')
    return std::nullopt;
  switch (descr->type_num) {
  case Bool: return DType::Bool;
  case Int: return DType::Int32;
  case Long:
  case LongLong: return DType::Int64;
  case Float: return DType::Float32;
  case Double: return DType::Float64;
  case ComplexFloat:
    return DType::Complex64;
  case ComplexDouble:
    return DType::Complex128;
  default: return std::nullopt;
  }
}

RuntimeValue toRuntime(py::handle arg, size_t index) {
  RuntimeValue v;
  if (PyBool_Check(arg.ptr())) {
    v.kind = RuntimeValue::Kind::Bool;
    v.boolValue = arg.ptr() == Py_True;
  } else if (PyLong_Check(arg.ptr())) {
    v.kind = RuntimeValue::Kind::Int;
    v.intValue = arg.cast<int64_t>();
  } else if (PyFloat_Check(arg.ptr())) {
    v.kind = RuntimeValue::Kind::Float;
    v.floatValue = PyFloat_AS_DOUBLE(arg.ptr());
  } else if (py::isinstance<py::array>(arg)) {
    auto a = py::reinterpret_borrow<py::array>(arg);
    if (!(a.flags() & py::array::c_style))
      throw py::value_error("argument " + std::to_string(index) + " is not C-contiguous");
    auto dtype = dtypeOfArray(a);
    if (!dtype)
      throw py::type_error("argument " + std::to_string(index) + " has dtype " +
                           py::str(a.dtype()).cast<std::string>() +
                           "; dy2st supports bool, int32, int64, float32, float64, complex64 "
                           "and complex128");
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

static py::dtype numpyDtype(DType d) {
  switch (d) {
  case DType::Bool: return py::dtype::of<bool>();
  case DType::Int32: return py::dtype::of<int32_t>();
  case DType::Int64: return py::dtype::of<int64_t>();
  case DType::Float32: return py::dtype::of<float>();
  case DType::Float64: return py::dtype::of<double>();
  case DType::Complex64:
    return py::dtype::of<std::complex<float>>();
  case DType::Complex128:
    return py::dtype::of<std::complex<double>>();
  }
  return py::dtype::of<double>();
}

py::object toPython(RuntimeValue &v) {
  switch (v.kind) {
  case RuntimeValue::Kind::Int: return py::int_(v.intValue);
  case RuntimeValue::Kind::Float: return py::float_(v.floatValue);
  case RuntimeValue::Kind::Bool: return py::bool_(v.boolValue);
  case RuntimeValue::Kind::Tensor: break;
  }
  // numpy owns the buffer from here: the capsule frees it with the array.
  py::capsule owner(v.allocation, [](void *p) { dy2st::releaseBuffer(p); });
  v.allocation = nullptr;
  // Row-major strides from dy2st's own element size: pybind11 (2.10) reads
  // the itemsize at numpy 1's offset, which numpy 2 moved (every stride 0).
  std::vector<py::ssize_t> strides(v.shape.size());
  py::ssize_t stride = static_cast<py::ssize_t>(dtypeSize(v.dtype));
  for (size_t d = v.shape.size(); d-- > 0;) {
    strides[d] = stride;
    stride *= v.shape[d];
  }
  return py::array(numpyDtype(v.dtype), std::vector<py::ssize_t>(v.shape.begin(), v.shape.end()),
                   strides, v.data, owner);
}

void raiseRuntimeFailure(const std::string &message) {
  auto [kind, text] = llvm::StringRef(message).split(": ");
  // A bare `raise` with no exception held in compiled code re-raises the
  // one the Python caller is handling, as it would have eagerly.
  if (kind == "RuntimeError" && text.ends_with(dy2st::kNoActiveException)) {
    PyObject *handled = PyErr_GetHandledException();
    if (handled && handled != Py_None) {
      PyObject *type = reinterpret_cast<PyObject *>(Py_TYPE(handled));
      Py_INCREF(type);
      // Takes the references to the exception and its traceback.
      PyErr_Restore(type, handled, PyException_GetTraceback(handled));
      throw py::error_already_set();
    }
    Py_XDECREF(handled);
  }
  py::object cls = py::module_::import("builtins").attr("__dict__").attr("get")(kind.str());
  if (text.empty() || !PyType_Check(cls.ptr()) ||
      !PyType_IsSubtype(reinterpret_cast<PyTypeObject *>(cls.ptr()),
                        reinterpret_cast<PyTypeObject *>(PyExc_BaseException))) {
    cls = py::reinterpret_borrow<py::object>(PyExc_ValueError);
    text = message;
  }
  if (PyObject_IsSubclass(cls.ptr(), PyExc_KeyError) == 1) {
    PyErr_SetObject(cls.ptr(), keyErrorText(text.str()).ptr());
    throw py::error_already_set();
  }
  PyErr_SetString(cls.ptr(), text.str().c_str());
  throw py::error_already_set();
}

py::object keyErrorText(const std::string &text) {
  // Kept for the life of the process: a type made once.
  static py::object *reprIsText = [] {
    py::module_ builtins = py::module_::import("builtins");
    return new py::object(builtins.attr("type")(
        "str", py::make_tuple(builtins.attr("str")),
        py::dict(py::arg("__repr__") = builtins.attr("str").attr("__str__"))));
  }();
  return (*reprIsText)(text);
}

} // namespace dy2st::native
