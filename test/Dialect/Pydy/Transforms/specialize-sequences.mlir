// RUN: dy2st-opt %s --pydy-specialize="entry=seqs signature=tensor<2xf32>" | FileCheck %s --check-prefix=SEQS
// RUN: dy2st-opt %s --pydy-specialize="entry=loops signature=tensor<4xf32>" --canonicalize | FileCheck %s --check-prefix=LOOPS

// t = ("a", "b") + ("c",); r = [2] * 3; return t, r, "b" in t, "z" not in t
// Tuples concatenate and lists repeat item by item; 'in' of literals folds.
// SEQS-LABEL: pydy.func @seqs
// SEQS: %[[T:.*]] = pydy.tuple %{{.*}}, %{{.*}}, %{{.*}} : (!pydy.str, !pydy.str, !pydy.str)
// SEQS: %[[TWO:.*]] = pydy.constant 2 : i64
// SEQS: %[[R:.*]] = pydy.list %[[TWO]], %[[TWO]], %[[TWO]] : (i64, i64, i64)
// SEQS: %[[IN:.*]] = pydy.constant true
// SEQS: %[[NOTIN:.*]] = pydy.constant true
// SEQS: pydy.tuple %[[T]], %[[R]], %[[IN]], %[[NOTIN]]

// out = None; for k in range(2): out = x if out is None else out + x
// steps = [1, 2]; for d in range(2): x = x[::steps[d]]
// Constant-range loops that carry None, or index a Python list with the
// loop index, run as Python does: unrolled, each copy typed alone.
// LOOPS-LABEL: pydy.func @loops
// LOOPS-NOT: pydy.for_range
// LOOPS: %[[SUM:.*]] = pydy.binary add %x, %x : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// LOOPS: %[[HALF:.*]] = pydy.lib_call "strided_slice"{{.*}}strides = array<i64: 2>{{.*}} -> tensor<2xf32>
// LOOPS: pydy.tuple %[[SUM]], %[[HALF]]
module {
  pydy.func @seqs(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
    %0 = pydy.constant "a"
    %1 = pydy.constant "b"
    %2 = pydy.tuple %0, %1 : (!pydy.str, !pydy.str) -> !pydy.object
    %3 = pydy.constant "c"
    %4 = pydy.tuple %3 : (!pydy.str) -> !pydy.object
    %5 = pydy.binary add %2, %4 : (!pydy.object, !pydy.object) -> !pydy.object
    %6 = pydy.constant 2 : i64
    %7 = pydy.list %6 : (i64) -> !pydy.object
    %8 = pydy.constant 3 : i64
    %9 = pydy.binary mul %7, %8 : (!pydy.object, i64) -> !pydy.object
    %10 = pydy.constant "b"
    %11 = pydy.compare in %10, %5 : (!pydy.str, !pydy.object) -> !pydy.object
    %12 = pydy.constant "z"
    %13 = pydy.compare not_in %12, %5 : (!pydy.str, !pydy.object) -> !pydy.object
    %14 = pydy.tuple %5, %9, %11, %13 : (!pydy.object, !pydy.object, !pydy.object, !pydy.object) -> !pydy.object
    pydy.return %14 : !pydy.object
  }
  pydy.func @loops(%x: !pydy.object {pydy.name = "x"}) -> !pydy.object {
    %0 = pydy.constant none
    %1 = pydy.constant 2 : i64
    %2 = pydy.constant 0 : i64
    %3 = pydy.constant 1 : i64
    %4 = pydy.for_range %2, %1, %3 : i64, i64, i64 iter_args(%0 : !pydy.none) -> !pydy.object {
    ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
      %13 = pydy.constant none
      %14 = pydy.compare is %arg1, %13 : (!pydy.object, !pydy.none) -> !pydy.object
      %15 = pydy.if %14 : !pydy.object -> !pydy.object {
        pydy.yield %x : !pydy.object
      } else {
        %16 = pydy.binary add %arg1, %x : (!pydy.object, !pydy.object) -> !pydy.object
        pydy.yield %16 : !pydy.object
      } {names = ["out"]}
      pydy.yield %15 : !pydy.object
    } {names = ["out"]}
    %5 = pydy.constant 1 : i64
    %6 = pydy.constant 2 : i64
    %7 = pydy.list %5, %6 : (i64, i64) -> !pydy.object
    %8 = pydy.constant 2 : i64
    %9 = pydy.constant 0 : i64
    %10 = pydy.constant 1 : i64
    %11 = pydy.for_range %9, %8, %10 : i64, i64, i64 iter_args(%x : !pydy.object) -> !pydy.object {
    ^bb0(%arg0: !pydy.object, %arg1: !pydy.object):
      %13 = pydy.constant none
      %14 = pydy.constant none
      %15 = pydy.subscript %7[%arg0] : (!pydy.object, !pydy.object) -> !pydy.object
      %16 = pydy.slice %13, %14, %15 : !pydy.none, !pydy.none, !pydy.object
      %17 = pydy.subscript %arg1[%16] : (!pydy.object, !pydy.slice) -> !pydy.object
      pydy.yield %17 : !pydy.object
    } {names = ["x"]}
    %12 = pydy.tuple %4, %11 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.return %12 : !pydy.object
  }
}

