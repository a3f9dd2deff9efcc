// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// Python numbers stay scalars in registers: no tensors, no allocation. A zero
// divisor is reported to the caller (ZeroDivisionError, with the line) and
// replaced by 1, so the division itself never traps.
// CHECK-DAG: llvm.mlir.global internal constant @{{.*}}("ZeroDivisionError\00")
// CHECK-DAG: llvm.mlir.global internal constant @{{.*}}("{{.*}}scalar.mlir:34: division by zero\00")
// CHECK-DAG: func.func private @dy2st_raise(!llvm.ptr, !llvm.ptr)
// CHECK-LABEL: func.func @python_numbers
// CHECK-SAME: (%[[A:.*]]: i64, %[[B:.*]]: i64, %[[F:.*]]: f64)
// CHECK-NOT: tensor
// CHECK: %[[NZ:.*]] = arith.cmpi ne, %[[B]], %{{.*}} : i64
// CHECK: %[[BAD:.*]] = arith.xori %[[NZ]], %{{.*}} : i1
// CHECK: scf.if %[[BAD]] {
// CHECK:   func.call @dy2st_raise
// A divisor of -1 is replaced too (the smallest integer's quotient traps):
// the quotient is then the negation, as numpy's (wrapping).
// CHECK: %[[Z:.*]] = arith.cmpi eq, %[[B]], %{{.*}} : i64
// CHECK: %[[M1:.*]] = arith.cmpi eq, %[[B]], %{{.*}} : i64
// CHECK: %[[SPECIAL:.*]] = arith.ori %[[Z]], %[[M1]] : i1
// CHECK: %[[D:.*]] = arith.select %[[SPECIAL]], %{{.*}}, %[[B]] : i64
// CHECK: %[[Q:.*]] = arith.floordivsi %[[A]], %[[D]] : i64
// CHECK: arith.select %[[M1]], %{{.*}}, %[[Q]] : i64
// CHECK: arith.remsi %[[A]], %{{.*}} : i64
// CHECK: arith.select
// CHECK: arith.sitofp %[[A]] : i64 to f64
// CHECK: arith.divf
// CHECK: math.ipowi %[[A]], %[[B]] : i64
// CHECK: math.powf
// CHECK: arith.cmpf olt
// CHECK: arith.cmpi sle
// CHECK: arith.subi
pydy.func @python_numbers(%a: i64, %b: i64, %f: f64) -> tuple<i64, i64, f64, i64, f64, i1, i1, i64> {
  %0 = pydy.binary floordiv %a, %b : (i64, i64) -> i64
  %1 = pydy.binary mod %a, %b : (i64, i64) -> i64
  %2 = pydy.binary div %a, %b : (i64, i64) -> f64
  %3 = pydy.binary pow %a, %b : (i64, i64) -> i64
  %4 = pydy.binary pow %f, %b : (f64, i64) -> f64
  %5 = pydy.compare lt %f, %a : (f64, i64) -> i1
  %6 = pydy.compare le %a, %b : (i64, i64) -> i1
  %7 = pydy.unary neg %a : (i64) -> i64
  %t = pydy.tuple %0, %1, %2, %3, %4, %5, %6, %7 : (i64, i64, f64, i64, f64, i1, i1, i64) -> tuple<i64, i64, f64, i64, f64, i1, i1, i64>
  pydy.return %t : tuple<i64, i64, f64, i64, f64, i1, i1, i64>
}

// `x[i]` on a tensor: the slice at dim 0, with negative indices wrapped.
// CHECK-LABEL: func.func @index
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %{{.*}}, %{{.*}} : i64
// CHECK: %[[W:.*]] = arith.addi
// CHECK: arith.select %[[NEG]], %[[W]], %{{.*}} : i64
// CHECK: %[[ROW:.*]] = tensor.extract_slice %{{.*}}[%{{.*}}, 0] [1, 3] [1, 1] : tensor<4x3xf32> to tensor<1x3xf32>
// CHECK: tensor.collapse_shape %[[ROW]] {{\[}}[0, 1]] : tensor<1x3xf32> into tensor<3xf32>
// CHECK: %[[LEN:.*]] = tensor.dim %{{.*}}, %{{.*}} : tensor<?xf32>
// CHECK: arith.index_cast %[[LEN]] : index to i64
pydy.func @index(%x: tensor<4x3xf32>, %i: i64, %d: tensor<?xf32>) -> tuple<tensor<3xf32>, i64> {
  %0 = pydy.subscript %x[%i] : (tensor<4x3xf32>, i64) -> tensor<3xf32>
  %1 = pydy.len %d : tensor<?xf32> -> i64
  %t = pydy.tuple %0, %1 : (tensor<3xf32>, i64) -> tuple<tensor<3xf32>, i64>
  pydy.return %t : tuple<tensor<3xf32>, i64>
}

// int() of a float raises where Python has no int (NaN, infinities) and
// beyond the 64 bits of compiled Python ints.
// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s --check-prefix=MSG
// MSG-DAG: llvm.mlir.global internal constant @{{.*}}("{{.*}}:73: cannot convert float NaN to integer\00")
// MSG-DAG: llvm.mlir.global internal constant @{{.*}}("{{.*}}:73: cannot convert float infinity to integer\00")
// MSG-DAG: llvm.mlir.global internal constant @{{.*}}("{{.*}}:73: a Python int beyond 64 bits{{.*}}")
// CHECK-LABEL: func.func @int_of_float
// CHECK: arith.cmpf ord
// CHECK: call @dy2st_raise
// CHECK: arith.fptosi
pydy.func @int_of_float(%x: f64) -> i64 {
  %0 = pydy.unary to_int %x : (f64) -> i64
  pydy.return %0 : i64
}
