// The call path of a converted function for arguments seen before: the key of
// the positional arguments (tensors' dtype and shape, numbers' values) picks
// the compiled specialization without entering Python; anything else (a first
// call, keywords, containers, numpy scalars) is a miss, left to jit.py.
#ifndef DY2ST_NATIVE_DISPATCHER_H
#define DY2ST_NATIVE_DISPATCHER_H

#include "Dy2St/Runtime/JitFunction.h"

#include <pybind11/pybind11.h>

#include <string>
#include <unordered_map>

namespace dy2st::native {

class CompiledFunction;

class Dispatcher {
public:
  /// `parameters` positional parameters, the last of which take `defaults`;
  /// `tensorType` is dy2st.Tensor; `rebuild(structure, leaves)` makes a
  /// structured result; `miss` is what a call returns when it cannot serve.
  Dispatcher(size_t parameters, pybind11::tuple defaults, pybind11::object tensorType,
             pybind11::object rebuild, pybind11::object miss);

  /// The result of the function on `args` followed by `extra` (captured
  /// tensors), or `miss`.
  pybind11::object call(const pybind11::tuple &args, const pybind11::sequence &extra);
  /// Serves the key of `values` (the full argument list) with `compiled`.
  void remember(const pybind11::sequence &values, pybind11::object compiled);
  size_t size() const { return cache.size(); }

private:
  /// Appends the key of one value and, given `runtime`, makes it the
  /// argument; false where the value is not served.
  bool appendKey(std::string &key, pybind11::handle value, RuntimeValue *runtime) const;

  /// A compiled specialization: the Python object that owns it, and it.
  struct Entry {
    pybind11::object owner;
    const CompiledFunction *fn;
  };

  size_t parameters;
  pybind11::tuple defaults;
  pybind11::object tensorType, rebuild, miss;
  pybind11::str valueName;
  std::unordered_map<std::string, Entry> cache;
};

} // namespace dy2st::native

#endif
