// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<3xf32>" -split-input-file -verify-diagnostics

// Diagnostics of pydy-specialize on promoted IR (as the importer, pydy-lower-exits,
// pydy-promote-variables and pydy-inline-calls leave it): each is Python's own error
// or names what compiled code cannot express, at the op that needs it.

pydy.func @list_index(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.constant 5 : i64
  // expected-error @+1 {{index 5 out of range for a list[float32 tensor of shape [3], float32 tensor of shape [3]]}}
  %2 = pydy.subscript %0[%1] : (!pydy.object, i64) -> !pydy.object
  pydy.return %2 : !pydy.object
}

// -----

pydy.func @pop_empty(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list  : () -> !pydy.object
  // expected-error @+1 {{pop from an empty list}}
  %result, %updated = pydy.call_method %0, "pop"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  pydy.return %result : !pydy.object
}

// -----

pydy.func @list_unsupported(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list %x : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{list.sort() is not supported by dy2st yet}}
  %result, %updated = pydy.call_method %0, "sort"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  %1 = pydy.constant 0 : i64
  %2 = pydy.subscript %0[%1] : (!pydy.object, i64) -> !pydy.object
  pydy.return %2 : !pydy.object
}

// -----

pydy.func @repeat_tensor(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant "int64"
  %result, %updated = pydy.call_method %0, "astype"(%1) : !pydy.object, (!pydy.str) -> (!pydy.object, !pydy.object)
  %2 = pydy.list %x : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{unsupported operand types for '*': list[float32 tensor of shape [3]] and int64 tensor of shape []}}
  %3 = pydy.binary mul %2, %result : (!pydy.object, !pydy.object) -> !pydy.object
  %4 = pydy.constant 0 : i64
  %5 = pydy.subscript %3[%4] : (!pydy.object, i64) -> !pydy.object
  pydy.return %5 : !pydy.object
}

// -----

pydy.func @dict_repeats(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant "a"
  %1 = pydy.constant "a"
  // expected-error @+1 {{the dict display repeats the key 'a'}}
  %2 = pydy.dict keys(%0, %1 : !pydy.str, !pydy.str) values(%x, %x : !pydy.object, !pydy.object) -> !pydy.object
  %3 = pydy.constant "a"
  %4 = pydy.subscript %2[%3] : (!pydy.object, !pydy.str) -> !pydy.object
  pydy.return %4 : !pydy.object
}

// -----

pydy.func @key_error(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant "a"
  %1 = pydy.dict keys(%0 : !pydy.str) values(%x : !pydy.object) -> !pydy.object
  %2 = pydy.constant "b"
  // expected-error @+1 {{KeyError: 'b'}}
  %3 = pydy.subscript %1[%2] : (!pydy.object, !pydy.str) -> !pydy.object
  pydy.return %3 : !pydy.object
}

// -----

pydy.func @zero_step(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list %x, %x, %x : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.constant none
  %2 = pydy.constant none
  %3 = pydy.constant 0 : i64
  %4 = pydy.slice %1, %2, %3 : !pydy.none, !pydy.none, i64
  // expected-error @+1 {{ValueError: slice step cannot be zero}}
  %5 = pydy.subscript %0[%4] : (!pydy.object, !pydy.slice) -> !pydy.object
  pydy.return %5 : !pydy.object
}

// -----

pydy.func @iterate_scalar(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{iteration over a 0-d tensor}}
  %1 = pydy.for_in %0 : !pydy.object iter_args(%0 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %2 = pydy.binary add %arg1, %arg0 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %2 : !pydy.object
  } {names = ["t"]}
  pydy.return %1 : !pydy.object
}

// -----

pydy.func @index_scalar(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.lib_call "sum"(%x) : (!pydy.object) -> !pydy.object
  %1 = pydy.constant 0 : i64
  // expected-error @+1 {{a 0-d tensor cannot be indexed}}
  %2 = pydy.subscript %0[%1] : (!pydy.object, i64) -> !pydy.object
  pydy.return %2 : !pydy.object
}

// -----

pydy.func @len_of_int(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 3 : i64
  // expected-error @+1 {{len() of an int is not defined}}
  %1 = pydy.len %0 : i64 -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

pydy.func @unpack_count(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list %x, %x, %x : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  // expected-error @+1 {{cannot unpack 3 values into 2 names}}
  %1:2 = pydy.unpack %0 : !pydy.object -> !pydy.object, !pydy.object
  pydy.return %1#0 : !pydy.object
}

// -----

pydy.func @invert_float(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 1.500000e+00 : f64
  // expected-error @+1 {{bad operand type for unary '~': float}}
  %1 = pydy.unary invert %0 : (f64) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

pydy.func @dict_key_tensor(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant "a"
  %1 = pydy.dict keys(%0 : !pydy.str) values(%x : !pydy.object) -> !pydy.object
  // expected-error @+1 {{dict keys in compiled code must be strings or ints known at compile time}}
  %2 = pydy.subscript %1[%x] : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %2 : !pydy.object
}

// -----

// expected-error @+1 {{signature gives 1 arguments but 'two_arguments' takes 2}}
pydy.func @two_arguments(%x: !pydy.object {pydy.name = "x"}, %y: !pydy.object {pydy.name = "y"}) -> !pydy.object {
  %0 = pydy.binary add %x, %y : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}

// -----

pydy.func @float_list_index(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.constant 1.500000e+00 : f64
  // expected-error @+1 {{list indices must be integers or one-element integer tensors, not a float}}
  %2 = pydy.subscript %0[%1] : (!pydy.object, f64) -> !pydy.object
  pydy.return %2 : !pydy.object
}

// -----

pydy.func @in_runtime_list(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 1 : i64
  %1 = pydy.constant 2 : i64
  %2 = pydy.list %0, %1 : (i64, i64) -> !pydy.object
  %3 = pydy.lib_call "argmax"(%x) : (!pydy.object) -> !pydy.object
  // expected-error @+1 {{'in' of a list or tuple needs the value and the items known at compile time in dy2st}}
  %4 = pydy.compare in %3, %2 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %4 : !pydy.object
}

// -----

pydy.func @list_slice_runtime(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list %x, %x, %x : (!pydy.object, !pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.lib_call "argmax"(%x) : (!pydy.object) -> !pydy.object
  %2 = pydy.constant none
  %3 = pydy.constant none
  %4 = pydy.slice %2, %3, %1 : !pydy.none, !pydy.none, !pydy.object
  // expected-error @+1 {{the step of a slice of a list whose length is known only at run time must be known when compiling}}
  %5 = pydy.subscript %0[%4] : (!pydy.object, !pydy.slice) -> !pydy.object
  %6 = pydy.constant 0 : i64
  %7 = pydy.subscript %5[%6] : (!pydy.object, i64) -> !pydy.object
  pydy.return %7 : !pydy.object
}

// -----

// Items of different kinds (a tensor and a number) make no TensorArray.
pydy.func @mixed_list_slice_runtime(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %n = pydy.constant 3 : i64
  %0 = pydy.list %x, %n : (!pydy.object, i64) -> !pydy.object
  %1 = pydy.lib_call "argmax"(%x) : (!pydy.object) -> !pydy.object
  %2 = pydy.constant none
  %3 = pydy.slice %2, %1, %2 : !pydy.none, !pydy.object, !pydy.none
  // expected-error @+1 {{slices of lists and tuples need bounds known at compile time}}
  %4 = pydy.subscript %0[%3] : (!pydy.object, !pydy.slice) -> !pydy.object
  pydy.return %4 : !pydy.object
}

// -----

pydy.func @stack_axis(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.constant 5 : i64
  // expected-error @+1 {{stack(): axis 5 is out of range for a 2-d tensor}}
  %2 = pydy.lib_call "stack"(%0, %1) {kwnames = ["axis"]} : (!pydy.object, i64) -> !pydy.object
  pydy.return %2 : !pydy.object
}

// -----

pydy.func @range_float(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 1.500000e+00 : f64
  %1 = pydy.constant 0 : i64
  %2 = pydy.constant 1 : i64
  // expected-error @+1 {{range() stop must be an int or a one-element integer tensor, not a float}}
  %3 = pydy.for_range %1, %0, %2 : i64, f64, i64 iter_args(%x : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %4 = pydy.binary add %arg1, %arg0 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %4 : !pydy.object
  } {names = ["t"]}
  pydy.return %3 : !pydy.object
}

// -----

pydy.func @iterate_int(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 5 : i64
  // expected-error @+1 {{iteration over an int is not supported in compiled code}}
  %1 = pydy.for_in %0 : i64 iter_args(%x : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %2 = pydy.binary add %arg1, %arg0 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %2 : !pydy.object
  } {names = ["t"]}
  pydy.return %1 : !pydy.object
}

// -----

pydy.func @subscript_int(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 4 : i64
  %1 = pydy.constant 0 : i64
  // expected-error @+1 {{int is not subscriptable in compiled code}}
  %2 = pydy.subscript %0[%1] : (i64, i64) -> !pydy.object
  pydy.return %2 : !pydy.object
}

// -----

pydy.func @index_with_string(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant "a"
  // expected-error @+1 {{indexing a tensor with a str is not supported by dy2st yet}}
  %1 = pydy.subscript %x[%0] : (!pydy.object, !pydy.str) -> !pydy.object
  pydy.return %1 : !pydy.object
}

// -----

pydy.func @unpack_int(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 5 : i64
  // expected-error @+1 {{unpacking an int is not supported by dy2st yet}}
  %1:2 = pydy.unpack %0 : i64 -> !pydy.object, !pydy.object
  pydy.return %x : !pydy.object
}

// -----

pydy.func @in_dict_tensor(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant "a"
  %1 = pydy.constant 1 : i64
  %2 = pydy.dict keys(%0 : !pydy.str) values(%1 : i64) -> !pydy.object
  // expected-error @+1 {{'in' a dict needs a string or an int known at compile time}}
  %3 = pydy.compare in %x, %2 : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %3 : !pydy.object
}

// -----

pydy.func @method_of_int(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 4 : i64
  // expected-error @+1 {{calling method 'foo' of an int is not supported by dy2st yet}}
  %result, %updated = pydy.call_method %0, "foo"() : i64, () -> (!pydy.object, !pydy.object)
  pydy.return %result : !pydy.object
}

// -----

pydy.func @tensor_method(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  // expected-error @+1 {{Tensor method 'frobnicate' is not supported in compiled code}}
  %result, %updated = pydy.call_method %x, "frobnicate"() : !pydy.object, () -> (!pydy.object, !pydy.object)
  pydy.return %result : !pydy.object
}

// -----

pydy.func @none_plus(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant none
  // expected-error @+1 {{unsupported operand types for '+': None and float32 tensor of shape [3]}}
  %1 = pydy.binary add %0, %x : (!pydy.none, !pydy.object) -> !pydy.object
  pydy.return %1 : !pydy.object
}


// -----

// Paddle's pad of every dimension takes no negative amount (its spatial
// form, two amounts per spatial dimension, crops by them).
pydy.func @pad_every_dimension_negative(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %a = pydy.constant -1 : i64
  %b = pydy.constant 2 : i64
  %pads = pydy.list %a, %b : (i64, i64) -> !pydy.object
  // expected-error @+1 {{the element of 'paddings' should be >= 0, but received -1}}
  %0 = pydy.lib_call "pad"(%x, %pads) : (!pydy.object, !pydy.object) -> !pydy.object
  pydy.return %0 : !pydy.object
}
