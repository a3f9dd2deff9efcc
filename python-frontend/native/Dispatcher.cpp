#include "Dispatcher.h"

#include "CompiledFunction.h"
#include "Values.h"

#include "llvm/ADT/SmallVector.h"

#include <pybind11/numpy.h>

namespace py = pybind11;

namespace dy2st::native {
namespace {

/// Compiled specializations kept per function before the oldest keys go
/// (declared shapes with None dims meet one key per size).
constexpr size_t kMaxKeys = 64;

template <typename T> void appendBytes(std::string &key, T value) {
  key.append(reinterpret_cast<const char *>(&value), sizeof(value));
}

} // namespace

Dispatcher::Dispatcher(size_t parameters, py::tuple defaults, py::object tensorType,
                       py::object rebuild, py::object miss)
    : parameters(parameters), defaults(std::move(defaults)), tensorType(std::move(tensorType)),
      rebuild(std::move(rebuild)), miss(std::move(miss)), valueName("_value") {}

bool Dispatcher::appendKey(std::string &key, py::handle value, py::object &native) const {
  PyObject *p = value.ptr();
  // Numbers, None and strings are compiled for their value (see jit.py).
  if (PyBool_Check(p)) {
    key += p == Py_True ? 'T' : 'F';
    native = py::reinterpret_borrow<py::object>(value);
    return true;
  }
  if (PyLong_Check(p)) {
    int overflow = 0;
    long long n = PyLong_AsLongLongAndOverflow(p, &overflow);
    if (overflow || (n == -1 && PyErr_Occurred())) {
      PyErr_Clear();
      return false;
    }
    key += 'i';
    appendBytes(key, n);
    native = py::reinterpret_borrow<py::object>(value);
    return true;
  }
  if (PyFloat_Check(p)) {
    key += 'f';
    appendBytes(key, PyFloat_AS_DOUBLE(p));
    native = py::reinterpret_borrow<py::object>(value);
    return true;
  }
  if (p == Py_None || PyUnicode_Check(p)) {
    Py_ssize_t size = 0;
    const char *text = p == Py_None ? "" : PyUnicode_AsUTF8AndSize(p, &size);
    if (!text) {
      PyErr_Clear();
      return false;
    }
    key += p == Py_None ? 'n' : 's';
    appendBytes(key, static_cast<int64_t>(size));
    key.append(text, size);
    native = py::bool_(false); // the placeholder of a value compiled in
    return true;
  }
  py::object array = py::reinterpret_borrow<py::object>(value);
  if (PyObject_TypeCheck(p, reinterpret_cast<PyTypeObject *>(tensorType.ptr())))
    array = value.attr(valueName);
  if (!py::isinstance<py::array>(array))
    return false;
  auto a = py::reinterpret_borrow<py::array>(array);
  auto dtype = dtypeOfArray(a);
  if (!dtype || !(a.flags() & py::array::c_style))
    return false;
  key += 't';
  key += static_cast<char>(*dtype);
  key += static_cast<char>(a.ndim());
  for (py::ssize_t d = 0; d < a.ndim(); ++d)
    appendBytes(key, static_cast<int64_t>(a.shape(d)));
  native = std::move(array);
  return true;
}

py::object Dispatcher::call(const py::tuple &args, const py::sequence &extra) {
  size_t given = args.size();
  if (given > parameters || given + defaults.size() < parameters)
    return miss;
  size_t count = parameters + extra.size();
  llvm::SmallVector<py::object, 8> natives(count);
  std::string key;
  key.reserve(16 * count);
  size_t firstDefault = parameters - defaults.size();
  for (size_t i = 0; i < count; ++i) {
    py::object value = i < given        ? py::object(args[i])
                       : i < parameters ? py::object(defaults[i - firstDefault])
                                        : py::object(extra[i - parameters]);
    if (!appendKey(key, value, natives[i]))
      return miss;
  }
  auto found = cache.find(key);
  if (found == cache.end())
    return miss;
  py::object owner = found->second;
  auto &compiled = owner.cast<const CompiledFunction &>();
  llvm::SmallVector<RuntimeValue, 8> values;
  for (size_t i = 0; i < count; ++i)
    values.push_back(toRuntime(natives[i], i));
  py::list leaves = compiled.call(values);
  py::object structure = compiled.structure();
  if (!structure.is_none())
    return rebuild(structure, leaves.attr("__iter__")());
  py::object leaf = leaves[0];
  if (!py::isinstance<py::array>(leaf))
    return leaf;
  // Tensor(leaf) without its __init__'s checks: the dtype is one dy2st made.
  auto *type = reinterpret_cast<PyTypeObject *>(tensorType.ptr());
  py::object tensor = py::reinterpret_steal<py::object>(type->tp_alloc(type, 0));
  if (!tensor || PyObject_SetAttr(tensor.ptr(), valueName.ptr(), leaf.ptr()) != 0)
    throw py::error_already_set();
  return tensor;
}

void Dispatcher::remember(const py::sequence &values, py::object compiled) {
  std::string key;
  for (size_t i = 0; i < values.size(); ++i) {
    py::object native;
    if (!appendKey(key, values[i], native))
      return;
  }
  if (cache.size() >= kMaxKeys)
    cache.clear();
  cache[key] = std::move(compiled);
}

} // namespace dy2st::native
