// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32>" -split-input-file | FileCheck %s
// RUN: dy2st-opt %s --pydy-specialize="signature=tensor<2xf32> most-unrolled-ops=8" -split-input-file | FileCheck %s --check-prefix=BUDGET

// A loop of more than 32 constant iterations that grows a list of tensors
// stays a loop: the list is a tensor array (compile time does not grow with
// the trip count).
// CHECK-LABEL: pydy.func @long_tensor_list
// CHECK: %[[EMPTY:.*]] = tensor_array.create : !tensor_array.array<tensor<2xf32>>
// CHECK: pydy.for_range {{.*}} iter_args(%[[EMPTY]] : !tensor_array.array<tensor<2xf32>>)
// CHECK: tensor_array.append
pydy.func @long_tensor_list(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list  : () -> !pydy.object
  %1 = pydy.constant 0 : i64
  %2 = pydy.constant 1 : i64
  %3 = pydy.constant 300 : i64
  %4 = pydy.for_range %1, %3, %2 : i64, i64, i64 iter_args(%0 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %6 = pydy.binary mul %x, %arg0 : (!pydy.object, !pydy.object) -> !pydy.object
    %result, %updated = pydy.call_method %arg1, "append"(%6) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.yield %updated : !pydy.object
  } {names = ["l"]}
  %5 = pydy.lib_call "stack"(%4) : (!pydy.object) -> !pydy.object
  pydy.return %5 : !pydy.object
}

// -----

// Items an array cannot hold (Python numbers): the loop runs as Python,
// unrolled, whatever its length.
// CHECK-LABEL: pydy.func @long_number_list
// CHECK-NOT: pydy.for_range
// CHECK: pydy.return
pydy.func @long_number_list(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.list  : () -> !pydy.object
  %1 = pydy.constant 0 : i64
  %2 = pydy.constant 1 : i64
  %3 = pydy.constant 40 : i64
  %4 = pydy.for_range %1, %3, %2 : i64, i64, i64 iter_args(%0 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %result, %updated = pydy.call_method %arg1, "append"(%arg0) : !pydy.object, (!pydy.object) -> (!pydy.object, !pydy.object)
    pydy.yield %updated : !pydy.object
  } {names = ["l"]}
  %5 = pydy.len %4 : !pydy.object -> !pydy.object
  pydy.return %5 : !pydy.object
}

// -----

// A long loop carrying a tuple of tensors (a decoding loop's caches) stays a
// loop where its types settle, the growing dimension dynamic.
// CHECK-LABEL: pydy.func @long_tuple_loop
// CHECK: pydy.for_range {{.*}} -> tuple<tensor<?xf32>, tensor<?xf32>>
pydy.func @long_tuple_loop(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.tuple %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.constant 0 : i64
  %2 = pydy.constant 1 : i64
  %3 = pydy.constant 40 : i64
  %4 = pydy.for_range %1, %3, %2 : i64, i64, i64 iter_args(%0 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %5 = pydy.subscript %arg1[%1] : (!pydy.object, i64) -> !pydy.object
    %6 = pydy.subscript %arg1[%2] : (!pydy.object, i64) -> !pydy.object
    %7 = pydy.list %5, %x : (!pydy.object, !pydy.object) -> !pydy.object
    %8 = pydy.lib_call "concat"(%7) : (!pydy.object) -> !pydy.object
    %9 = pydy.tuple %6, %8 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %9 : !pydy.object
  } {names = ["past"]}
  pydy.return %4 : !pydy.object
}

// -----

// A short loop over a tuple unrolls while trips times body ops stay within
// the budget (3 x 6 here); past it, it stays a loop.
// CHECK-LABEL: pydy.func @short_tuple_loop
// CHECK-NOT: pydy.for_range
// CHECK: pydy.return
// BUDGET-LABEL: pydy.func @short_tuple_loop
// BUDGET: pydy.for_range {{.*}} -> tuple<tensor<2xf32>, tensor<2xf32>>
pydy.func @short_tuple_loop(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.tuple %x, %x : (!pydy.object, !pydy.object) -> !pydy.object
  %1 = pydy.constant 0 : i64
  %2 = pydy.constant 1 : i64
  %3 = pydy.constant 3 : i64
  %4 = pydy.for_range %1, %3, %2 : i64, i64, i64 iter_args(%0 : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %5 = pydy.subscript %arg1[%1] : (!pydy.object, i64) -> !pydy.object
    %6 = pydy.subscript %arg1[%2] : (!pydy.object, i64) -> !pydy.object
    %7 = pydy.binary add %5, %6 : (!pydy.object, !pydy.object) -> !pydy.object
    %8 = pydy.tuple %6, %7 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %8 : !pydy.object
  } {names = ["pair"]}
  pydy.return %4 : !pydy.object
}

// -----

// A loop over a tuple of numbers of one type (a sampler's time steps) is a
// loop over their indices: unrolled while small, past the budget a loop that
// reads the item at its index.
// CHECK-LABEL: pydy.func @number_steps
// CHECK-NOT: pydy.for_range
// CHECK: pydy.return
// BUDGET-LABEL: pydy.func @number_steps
// BUDGET: pydy.for_range
// BUDGET: pydy.constant 25 : i64
// BUDGET: pydy.constant 10 : i64
// BUDGET: pydy.binary mul
pydy.func @number_steps(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %0 = pydy.constant 25 : i64
  %1 = pydy.constant 10 : i64
  %2 = pydy.constant 0 : i64
  %3 = pydy.tuple %0, %1, %2 : (i64, i64, i64) -> !pydy.object
  %4 = pydy.for_in %3 : !pydy.object iter_args(%x : !pydy.object) -> !pydy.object {
  ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
    %5 = pydy.binary mul %arg1, %arg0 : (!pydy.object, !pydy.object) -> !pydy.object
    %6 = pydy.binary add %5, %arg1 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.yield %6 : !pydy.object
  } {names = ["x"]}
  pydy.return %4 : !pydy.object
}

// -----

// A body that tests the loop's index against constants (a call of
// `self.layers[i]`, chosen among the layers) unrolls past the budget too:
// each copy folds its tests to one layer's call.
// BUDGET-LABEL: pydy.func @index_dispatch
// BUDGET-NOT: pydy.for_range
// BUDGET: pydy.return
pydy.func @index_dispatch(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %none = pydy.constant none
  %0 = pydy.constant 0 : i64
  %1 = pydy.constant 1 : i64
  %2 = pydy.constant 3 : i64
  %3:2 = pydy.for_range %0, %2, %1 : i64, i64, i64 iter_args(%x, %none : !pydy.object, !pydy.none) -> !pydy.object, !pydy.object {
  ^bb0(%i: !pydy.object, %acc: !pydy.object, %last: !pydy.object):
    %first = pydy.compare eq %i, %0 : (!pydy.object, i64) -> !pydy.object
    %next = pydy.if %first : !pydy.object -> !pydy.object {
      %t = pydy.binary add %acc, %acc : (!pydy.object, !pydy.object) -> !pydy.object
      pydy.yield %t : !pydy.object
    } else {
      %t = pydy.binary mul %acc, %acc : (!pydy.object, !pydy.object) -> !pydy.object
      pydy.yield %t : !pydy.object
    }
    pydy.yield %next, %acc : !pydy.object, !pydy.object
  } {names = ["x", "last"]}
  pydy.return %3#0 : !pydy.object
}
