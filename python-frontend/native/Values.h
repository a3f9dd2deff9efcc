// Python values <-> the runtime's values: numpy arrays are passed to compiled
// code without a copy, and results come back as arrays that own the buffers
// compiled code allocated.
#ifndef DY2ST_NATIVE_VALUES_H
#define DY2ST_NATIVE_VALUES_H

#include "Dy2St/Runtime/JitFunction.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <optional>

namespace dy2st::native {

/// The dtype of a native-order, C-contiguous array dy2st supports.
std::optional<DType> dtypeOfArray(pybind11::handle array);

/// A Python number, bool or numpy array as an argument (index `index`).
RuntimeValue toRuntime(pybind11::handle arg, size_t index);

/// A result as a Python value; a tensor becomes an array owning its buffer.
pybind11::object toPython(RuntimeValue &v);

/// Raises the Python exception a runtime failure names ("IndexError: ...";
/// anything else is a ValueError); a bare `raise` that found no exception
/// held re-raises the one the Python caller is handling, if any.
[[noreturn]] void raiseRuntimeFailure(const std::string &message);
/// `text` as a str whose repr is itself: the argument of a KeyError made of
/// a record, whose message is its key's repr already (str() of a KeyError
/// is its argument's repr).
pybind11::object keyErrorText(const std::string &text);

} // namespace dy2st::native

#endif
