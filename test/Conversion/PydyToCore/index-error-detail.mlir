// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// An index out of range raises IndexError with eager's detail, computed at
// run time: the index and the size pushed as items, the message prefix (the
// location) given to dy2st_raise_items.
// CHECK-DAG: llvm.mlir.global internal constant @{{.*}}("IndexError\00")
// CHECK-DAG: llvm.mlir.global internal constant @[[TEXT:.*]](" is out of bounds for axis 0 with size \00")
// CHECK-DAG: llvm.mlir.global internal constant @[[TEXT1:.*]](" is out of bounds for axis 1 with size \00")
// CHECK-LABEL: func.func @row
// CHECK: scf.if
// CHECK: call @dy2st_print_str
// CHECK-NEXT: call @dy2st_print_i64(%arg1)
// CHECK: %[[T:.*]] = llvm.mlir.addressof @[[TEXT]]
// CHECK-NEXT: call @dy2st_print_str(%[[T]])
// CHECK-NEXT: call @dy2st_print_i64
// CHECK: call @dy2st_raise_items
// Only in range is the row read (an empty dimension has no row 0).
// CHECK: scf.if %{{.*}} -> (tensor<2xf32>)
// CHECK:   tensor.extract_slice
// CHECK: } else {
// CHECK-NOT: tensor.extract_slice
// CHECK:   tensor.empty() : tensor<2xf32>
pydy.func @row(%x: tensor<3x2xf32>, %i: i64) -> tensor<2xf32> {
  %r = pydy.subscript %x[%i] : (tensor<3x2xf32>, i64) -> tensor<2xf32>
  pydy.return %r : tensor<2xf32>
}

// A gather by an index tensor names its first index out of range: a
// reduction over the indices finds it (a flag and the index), then the same
// message as above.
// CHECK-LABEL: func.func @gathered
// CHECK: %[[FOUND:.*]]:2 = linalg.reduce ins(%{{.*}}, %{{.*}} : tensor<2xi64>, tensor<2xi64>) outs(%{{.*}}, %{{.*}} : tensor<i1>, tensor<i64>)
// CHECK: %[[BAD:.*]] = tensor.extract %[[FOUND]]#1[]
// CHECK: scf.if
// CHECK: call @dy2st_print_i64(%[[BAD]])
// CHECK: %[[T1:.*]] = llvm.mlir.addressof @[[TEXT1]]
// CHECK-NEXT: call @dy2st_print_str(%[[T1]])
// CHECK: call @dy2st_raise_items
// CHECK: scf.if %{{.*}} -> (tensor<3x2xf32>)
// CHECK:   linalg.generic
pydy.func @gathered(%x: tensor<3x4xf32>, %i: tensor<2xi64>) -> tensor<3x2xf32> {
  %r = pydy.lib_call "gather"(%x, %i) {kwnames = ["x", "index"], static_args = {axis = 1 : i64}} : (tensor<3x4xf32>, tensor<2xi64>) -> tensor<3x2xf32>
  pydy.return %r : tensor<3x2xf32>
}

// A gather by one index (`x[:, t]` in a loop) tests it as a scalar: no
// reduction, whose buffers would be allocated at every step.
// CHECK-LABEL: func.func @one_index
// CHECK-NOT: linalg.reduce
// CHECK: %[[I:.*]] = tensor.extract %arg1[]
// CHECK: arith.cmpi sge, %[[I]]
// CHECK: arith.cmpi slt, %[[I]]
// CHECK: scf.if
// CHECK: call @dy2st_print_i64(%[[I]])
// CHECK: call @dy2st_raise_items
// CHECK-NOT: linalg.reduce
// CHECK: return
pydy.func @one_index(%x: tensor<3x4xf32>, %i: tensor<i64>) -> tensor<3xf32> {
  %r = pydy.lib_call "gather"(%x, %i) {kwnames = ["x", "index"], static_args = {axis = 1 : i64}} : (tensor<3x4xf32>, tensor<i64>) -> tensor<3xf32>
  pydy.return %r : tensor<3xf32>
}
