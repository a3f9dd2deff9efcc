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

bool Dispatcher::appendKey(std::string &key, py::handle value, RuntimeValue *runtime) const {
  PyObject *p = value.ptr();
  RuntimeValue scratch;
  RuntimeValue &v = runtime ? *runtime : scratch;
  // Numbers, None and strings are compiled for their value (see jit.py).
  if (PyBool_Check(p)) {
    key += p == Py_True ? 'T' : 'F';
    v.kind = RuntimeValue::Kind::Bool;
    v.boolValue = p == Py_True;
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
    v.kind = RuntimeValue::Kind::Int;
    v.intValue = n;
    return true;
  }
  if (PyFloat_Check(p)) {
    key += 'f';
    appendBytes(key, PyFloat_AS_DOUBLE(p));
    v.kind = RuntimeValue::Kind::Float;
    v.floatValue = PyFloat_AS_DOUBLE(p);
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
    v.kind = RuntimeValue::Kind::Bool; // the placeholder of a value compiled in
    v.boolValue = false;
    return true;
  }
  // A tensor's array (the tensor, an argument, keeps it alive) or an array.
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
  v.kind = RuntimeValue::Kind::Tensor;
  v.dtype = *dtype;
  v.shape.assign(a.shape(), a.shape() + a.ndim());
  v.data = const_cast<void *>(a.data());
  return true;
}

py::object Dispatcher::call(const py::tuple &args, const py::sequence &extra) {
  size_t given = args.size();
  if (given > parameters || given + defaults.size() < parameters)
    return miss;
  size_t count = parameters + extra.size();
  llvm::SmallVector<RuntimeValue, 8> values(count);
  std::string key;
  key.reserve(16 * count);
  size_t firstDefault = parameters - defaults.size();
  for (size_t i = 0; i < count; ++i) {
    PyObject *value = i < given        ? PyTuple_GET_ITEM(args.ptr(), i)
                      : i < parameters ? PyTuple_GET_ITEM(defaults.ptr(), i - firstDefault)
                                       : py::object(extra[i - parameters]).ptr();
    if (!appendKey(key, value, &values[i]))
      return miss;
  }
  auto found = cache.find(key);
  if (found == cache.end())
    return miss;
  // The entry may go (another thread's remember) while this call runs.
  Entry entry = found->second;
  std::vector<RuntimeValue> results = entry.fn->run(values);
  py::object structure = entry.fn->structure();
  if (!structure.is_none() || results.size() != 1) {
    py::list leaves(results.size());
    for (auto [i, r] : llvm::enumerate(results))
      leaves[i] = toPython(r);
    return rebuild(structure, leaves.attr("__iter__")());
  }
  py::object leaf = toPython(results.front());
  if (results.front().kind != RuntimeValue::Kind::Tensor)
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
  for (size_t i = 0; i < values.size(); ++i)
    if (!appendKey(key, values[i], nullptr))
      return;
  if (cache.size() >= kMaxKeys)
    cache.clear();
  const CompiledFunction *fn = &compiled.cast<const CompiledFunction &>();
  cache[key] = Entry{std::move(compiled), fn};
}

} // namespace dy2st::native
