// RUN: dy2st-opt %s --pydy-specialize -split-input-file -verify-diagnostics

// Diagnostics of pydy-specialize about lists, TensorArrays, dicts and nested
// structures, on the promoted IR of the Python each case names (the entry's
// signature is its `pydy.signature` attribute, as the compiler driver gives it).

// [x, 1].insert(n, x) with n a tensor: a runtime position needs a TensorArray,
// which a tensor and a number cannot be.
pydy.func @list_insert_runtime(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant "int64"
  %result, %updated = pydy.call_method %0, "astype"(%1) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %one = pydy.constant 1 : i64
  %2 = pydy.list %x, %one : (!pydy.object, i64) -> !pydy.object
  // expected-error @+1 {{inserting at an index known only at run time into a list[float32 tensor of shape [3], int] needs its items to be tensors of one dtype and rank, or numbers of one kind (a TensorArray)}}
  %result_0, %updated_1 = pydy.call_method %2, "insert"(%result, %x) : !pydy.object, (!pydy.object, !pydy.object) -> (!pydy.object, !pydy.object)
  %3 = pydy.constant 0 : i64
  %4 = pydy.subscript %updated_1[%3] : (!pydy.object, i64) -> !pydy.object
  pydy.return %4 : !pydy.object
}

// -----

// [x, x].pop(5): Python's IndexError, at compile time.
pydy.func @list_pop_range(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.list %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.constant 5 : i64
  // expected-error @+1 {{list index 5 out of range for a list of 2}}
  %result, %updated = pydy.call_method %0, "pop"(%1) : !pydy.object, (i64) -> (!pydy.object, !pydy.object)
  pydy.return %result : !pydy.object
}

// -----

// items.sort(reverse=True): list methods take no keywords in compiled code.
pydy.func @list_kwargs(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.list %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.constant true
  // expected-error @+1 {{list.sort() takes no keyword arguments}}
  %result, %updated = pydy.call_method %0, "sort"(%1) {kwnames = ["reverse"]} : !pydy.object, (i1) -> (!pydy.object, !pydy.object)
  %2 = pydy.constant 0 : i64
  %3 = pydy.subscript %0[%2] : (!pydy.object, i64) -> !pydy.object
  pydy.return %3 : !pydy.object
}

// -----

// [x, 1][n] with n a tensor: a runtime index needs one dtype and rank.
pydy.func @runtime_index_mixed(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant "int64"
  %result, %updated = pydy.call_method %0, "astype"(%1) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %2 = pydy.constant 1 : i64
  %3 = pydy.list %x, %2 : (!pydy.object, i64) -> !pydy.object
  // expected-error @+1 {{a runtime index into a list[float32 tensor of shape [3], int] needs its items to be tensors of one dtype and rank, or numbers of one kind (a TensorArray)}}
  %4 = pydy.subscript %3[%result] : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %4 : !pydy.object
}

// -----

// A list grown in a runtime loop (a TensorArray) given an item of another rank.
pydy.func @array_widen(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant "int64"
  %result, %updated = pydy.call_method %0, "astype"(%1) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %2 = pydy.list  : () -> !pydy.object
  %3 = pydy.constant 0 : i64
  %4 = pydy.constant 1 : i64
  %5 = pydy.for_range %3, %result, %4 : i64, !pydy.object, i64 iter_args(%2 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %result_2, %updated_3 = pydy.call_method %arg1, "append"(%x) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.yield %updated_3 : !pydy.object
  } {names = ["items"]}
  %6 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{a list compiled to a TensorArray holds tensors of one dtype and rank, or numbers of one kind: a float32 tensor of shape [] does not go with items of type float32 tensor of shape [3]}}
  %result_0, %updated_1 = pydy.call_method %5, "append"(%6) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
  %7 = pydy.constant 0 : i64
  %8 = pydy.subscript %updated_1[%7] : (!pydy.object, i64) -> !pydy.object
  pydy.return %8 : !pydy.object
}

// -----

// items.pop(index=0) on a TensorArray.
pydy.func @array_kwargs(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant "int64"
  %result, %updated = pydy.call_method %0, "astype"(%1) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %2 = pydy.list  : () -> !pydy.object
  %3 = pydy.constant 0 : i64
  %4 = pydy.constant 1 : i64
  %5 = pydy.for_range %3, %result, %4 : i64, !pydy.object, i64 iter_args(%2 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %result_2, %updated_3 = pydy.call_method %arg1, "append"(%x) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.yield %updated_3 : !pydy.object
  } {names = ["items"]}
  %6 = pydy.constant 0 : i64
  // expected-error @+1 {{list.pop() takes no keyword arguments}}
  %result_0, %updated_1 = pydy.call_method %5, "pop"(%6) {kwnames = ["index"]} : !pydy.object, (i64) -> (!pydy.object, !pydy.object)
  %7 = pydy.constant 0 : i64
  %8 = pydy.subscript %updated_1[%7] : (!pydy.object, i64) -> !pydy.object
  pydy.return %8 : !pydy.object
}

// -----

// items.reverse() on a TensorArray.
pydy.func @array_method(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant "int64"
  %result, %updated = pydy.call_method %0, "astype"(%1) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %2 = pydy.list  : () -> !pydy.object
  %3 = pydy.constant 0 : i64
  %4 = pydy.constant 1 : i64
  %5 = pydy.for_range %3, %result, %4 : i64, !pydy.object, i64 iter_args(%2 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %result_2, %updated_3 = pydy.call_method %arg1, "append"(%x) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.yield %updated_3 : !pydy.object
  } {names = ["items"]}
  // expected-error @+1 {{list.count() of a list whose length is known only at run time (a TensorArray) is not supported by dy2st yet}}
  %result_0, %updated_1 = pydy.call_method %5, "count"(%x) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
  %6 = pydy.constant 0 : i64
  %7 = pydy.subscript %5[%6] : (!pydy.object, i64) -> !pydy.object
  pydy.return %7 : !pydy.object
}

// -----

// [s] + items where items is a TensorArray of rank-1 items and s is 0-d.
pydy.func @array_on_right(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant "int64"
  %result, %updated = pydy.call_method %0, "astype"(%1) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %2 = pydy.list  : () -> !pydy.object
  %3 = pydy.constant 0 : i64
  %4 = pydy.constant 1 : i64
  %5 = pydy.for_range %3, %result, %4 : i64, !pydy.object, i64 iter_args(%2 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %result_0, %updated_1 = pydy.call_method %arg1, "append"(%x) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.yield %updated_1 : !pydy.object
  } {names = ["items"]}
  %6 = pydy.list %0 : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{'+' of a list[float32 tensor of shape []] and a list of float32 tensor of shape [3] (a TensorArray): a list whose length is known only at run time (a TensorArray) holds tensors of one dtype and rank}}
  %7 = pydy.binary add %6, %5 : (!pydy.object, !pydy.object) -> !pydy.object
  %8 = pydy.constant 0 : i64
  %9 = pydy.subscript %7[%8] : (!pydy.object, i64) -> !pydy.object
  pydy.return %9 : !pydy.object
}

// -----

// [x] * n with n = int(tensor): the count must be known.
pydy.func @repeat_runtime_int(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.unary to_int %0 : (!pydy.object) -> !pydy.object
  %2 = pydy.list %x : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{a list or tuple repeated ('*') needs a count known at compile time}}
  %3 = pydy.binary mul %2, %1 : (!pydy.object, !pydy.object) -> !pydy.object
  %4 = pydy.constant 0 : i64
  %5 = pydy.subscript %3[%4] : (!pydy.object, i64) -> !pydy.object
  pydy.return %5 : !pydy.object
}

// -----

// paddle.stack(items, axis=0.5) of a TensorArray.
pydy.func @stack_array_axis(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant "int64"
  %result, %updated = pydy.call_method %0, "astype"(%1) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %2 = pydy.list  : () -> !pydy.object
  %3 = pydy.constant 0 : i64
  %4 = pydy.constant 1 : i64
  %5 = pydy.for_range %3, %result, %4 : i64, !pydy.object, i64 iter_args(%2 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %result_0, %updated_1 = pydy.call_method %arg1, "append"(%x) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.yield %updated_1 : !pydy.object
  } {names = ["items"]}
  %6 = pydy.constant 5.000000e-01 : f64
  // expected-error @+1 {{stack(): axis must be an int known at compile time}}
  %7 = pydy.lib_call "stack"(%5, %6) {kwnames = ["axis"]} : (!pydy.object, f64) -> !pydy.object
  pydy.return %7 : !pydy.object
}

// -----

// d.get('a', default=x).
pydy.func @dict_kwargs(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.constant "a"
  %1 = pydy.dict keys(%0 : !pydy.str) values(%x : !pydy.object) -> !pydy.object
  %2 = pydy.constant "a"
  // expected-error @+1 {{dict.get() takes no keyword arguments in compiled code}}
  %result, %updated = pydy.call_method %1, "get"(%2, %x) {kwnames = ["default"]} : !pydy.object, (!pydy.str, !pydy.object) -> (!pydy.object, !pydy.object)
  pydy.return %result : !pydy.object
}

// -----

// paddle.utils.pack_sequence_as([x, x], [x]): leaf counts differ.
pydy.func @pack_count(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.list %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.list %x : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{pack_sequence_as: the structure has 2 leaves, the flat sequence 1}}
  %result, %updated = pydy.call_method %0, "__pack__"(%1) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
  pydy.return %result : !pydy.object
}

// -----

// pack_sequence_as with a TensorArray as the flat sequence.
pydy.func @pack_runtime(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant "int64"
  %result, %updated = pydy.call_method %0, "astype"(%1) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %2 = pydy.list  : () -> !pydy.object
  %3 = pydy.constant 0 : i64
  %4 = pydy.constant 1 : i64
  %5 = pydy.for_range %3, %result, %4 : i64, !pydy.object, i64 iter_args(%2 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %result_2, %updated_3 = pydy.call_method %arg1, "append"(%x) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.yield %updated_3 : !pydy.object
  } {names = ["items"]}
  %6 = pydy.list %x : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{pack_sequence_as() takes a structure and a list of its leaves known at compile time}}
  %result_0, %updated_1 = pydy.call_method %6, "__pack__"(%5) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
  pydy.return %result_0 : !pydy.object
}

// -----

// items = items + [paddle.sum(x)] in a runtime loop: items of two ranks.
pydy.func @loop_list_rank(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant "int64"
  %result, %updated = pydy.call_method %0, "astype"(%1) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %2 = pydy.list %x : (!pydy.object) -> !pydy.object
  %3 = pydy.constant 0 : i64
  %4 = pydy.constant 1 : i64
  // expected-error @+1 {{variable 'items', a list, changes length in a loop that runs a number of times known only at run time; it is compiled to a TensorArray, which needs its items to be tensors of one dtype and rank, or numbers of one kind: list[float32 tensor of shape [3]] and list[float32 tensor of shape [3], float32 tensor of shape []]}}
  %5 = pydy.for_range %3, %result, %4 : i64, !pydy.object, i64 iter_args(%2 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %8 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
    %9 = pydy.list %8 : (!pydy.object) -> !pydy.object
    %10 = pydy.binary add %arg1, %9 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %10 : !pydy.object
  } {names = ["items"]}
  %6 = pydy.constant 0 : i64
  %7 = pydy.subscript %5[%6] : (!pydy.object, i64) -> !pydy.object
  pydy.return %7 : !pydy.object
}

// -----

// paddle.utils.flatten of a value whose type nothing gives (an undefined
// variable the importer's checks did not guard).
pydy.func @structure_of_undefined(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.undef "y" : !pydy.object
  // expected-error @+1 {{dy2st cannot tell the structure of this value}}
  %result, %updated = pydy.call_method %0, "__flatten__"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  pydy.return %result : !pydy.object
}

// -----

// t = (x, x); t[0] = x: Python's TypeError, at compile time.
pydy.func @tuple_item_assigned(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object attributes {pydy.signature = [tensor<3xf32>]} {
  %0 = pydy.tuple %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %c0 = pydy.constant 0 : i64
  // expected-error @+1 {{TypeError: 'tuple' object does not support item assignment}}
  %1 = pydy.setitem %0[%c0] = %x : (!pydy.object, i64, !pydy.object) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

// vals = [0]; for i in range(n): vals.append(0.5): an int and floats in a
// list whose length is known only at run time (read back, an int would be a
// float).
pydy.func @numbers_of_two_kinds(%n: !pydy.object {pydy.name = "n"}) -> !pydy.object attributes {pydy.signature = [i64]} {
  %0 = pydy.constant 0 : i64
  %1 = pydy.list %0 : (i64) -> !pydy.object
  %2 = pydy.constant 1 : i64
  // expected-error @+1 {{variable 'vals', a list, changes length in a loop that runs a number of times known only at run time; it is compiled to a TensorArray, which needs its items to be tensors of one dtype and rank, or numbers of one kind: list[int] and list[int, float]}}
  %3 = pydy.for_range %0, %n, %2 : i64, !pydy.object, i64 iter_args(%1 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %4 = pydy.constant 5.000000e-01 : f64
    %result, %updated = pydy.call_method %arg1, "append"(%4) : !pydy.object, (f64) -> (!pydy.object, !pydy.object)
    pydy.yield %updated : !pydy.object
  } {names = ["vals"]}
  pydy.return %3 : !pydy.object
}

// -----

// `s.add(v)` that the importer did not write back (its receiver may have been
// a tensor): on a set, the change would be lost.
pydy.func @dropped_set_update(%v: !pydy.object {pydy.name = "v"}) -> !pydy.object attributes {pydy.signature = [i64]} {
  %0 = pydy.tuple  : () -> !pydy.object
  %s, %unused = pydy.call_method %0, "__set__"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  // expected-error @+1 {{set.add() of a set this function did not make (a parameter, or an item of a container): compiled code follows a set's changes where the function binds its variable to set() or a set display only}}
  %result, %updated = pydy.call_method %s, "add"(%v) {dropped_update} : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
  pydy.return %s : !pydy.object
}

// -----

// A loop over a set: Python's order is its hash table's.
pydy.func @set_iterated(%v: !pydy.object {pydy.name = "v"}) -> !pydy.object attributes {pydy.signature = [i64]} {
  %0 = pydy.tuple %v : (!pydy.object) -> !pydy.object
  %s, %unused = pydy.call_method %0, "__set__"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  // expected-error @+1 {{iterating the items of a set depends on the order of Python's hash table, which compiled code does not follow (sorted(s) does not)}}
  pydy.for_in %s : !pydy.object {
  ^bb0(%item: !pydy.object):
  }
  pydy.return %s : !pydy.object
}
