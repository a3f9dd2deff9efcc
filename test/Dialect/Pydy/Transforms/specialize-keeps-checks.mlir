// RUN: dy2st-opt %s --pydy-specialize="entry=unused signature=tensor<3xf32>,i64,i64" | FileCheck %s

// Values that are never used are erased, except those of ops that may fail
// at run time, whose checks raise as eager code does: an index of a tensor
// not known to be in range, a Python-number division by a divisor that may
// be zero, the truth of a tensor of more than one element.
// CHECK-LABEL: pydy.func @unused
// CHECK-NEXT: pydy.subscript %x[%i] : (tensor<3xf32>, i64) -> tensor<f32>
// CHECK-NEXT: pydy.binary floordiv %n, %i : (i64, i64) -> i64
// CHECK-NEXT: pydy.unary to_bool %x : (tensor<3xf32>) -> i1
// CHECK-NEXT: pydy.return
pydy.func @unused(%x: !pydy.object {pydy.name = "x"}, %i: !pydy.object {pydy.name = "i"},
                  %n: !pydy.object {pydy.name = "n"}) {
  %one = pydy.constant 1 : i64
  %two = pydy.constant 2 : i64
  %in_range = pydy.subscript %x[%one] : (!pydy.object, i64) -> !pydy.object
  %unknown = pydy.subscript %x[%i] : (!pydy.object, !pydy.object) -> !pydy.object
  %halved = pydy.binary floordiv %n, %two : (!pydy.object, i64) -> !pydy.object
  %divided = pydy.binary floordiv %n, %i : (!pydy.object, !pydy.object) -> !pydy.object
  %negated = pydy.unary neg %x : (!pydy.object) -> !pydy.object
  %truth = pydy.unary to_bool %x : (!pydy.object) -> !pydy.object
  pydy.return
}
