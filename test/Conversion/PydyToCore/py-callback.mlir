// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// A not_to_static call pushes its values as print items (None as its own
// item, not as the text "None"), then hands them to the registered callable.
// CHECK-DAG: llvm.mlir.global internal constant @{{.*}}("log#3\00")
// CHECK-DAG: func.func private @dy2st_print_none()
// CHECK-DAG: func.func private @dy2st_py_callback(!llvm.ptr)
// CHECK-LABEL: func.func @step
// CHECK: call @dy2st_print_tensor_f32
// CHECK: call @dy2st_print_i64
// CHECK: call @dy2st_print_none()
// CHECK: %[[KEY:.*]] = llvm.mlir.addressof
// CHECK: call @dy2st_py_callback(%[[KEY]])
// CHECK-NOT: pydy.py_callback
pydy.func @step(%x: tensor<3xf32>, %n: i64) -> !pydy.none {
  %none = pydy.constant none
  pydy.py_callback "log#3"(%x, %n, %none : tensor<3xf32>, i64, !pydy.none)
  pydy.return %none : !pydy.none
}
