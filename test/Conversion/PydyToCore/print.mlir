// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// print() becomes runtime calls, one per item then the end; a tensor goes as
// an unranked tensor to a declaration that only reads it, text as a global.
// CHECK-DAG: llvm.mlir.global internal constant @{{.*}}("x =\00")
// CHECK-DAG: func.func private @dy2st_print_tensor_f32(tensor<*xf32> {bufferization.access = "read"}) attributes {llvm.emit_c_interface}
// CHECK-DAG: func.func private @dy2st_print_i64(i64)
// CHECK-DAG: func.func private @dy2st_print_end(!llvm.ptr, !llvm.ptr)
// CHECK-LABEL: func.func @show
// CHECK: %[[S:.*]] = llvm.mlir.addressof
// CHECK: call @dy2st_print_str(%[[S]])
// CHECK: %[[U:.*]] = tensor.cast %{{.*}} : tensor<3xf32> to tensor<*xf32>
// CHECK: call @dy2st_print_tensor_f32(%[[U]])
// CHECK: call @dy2st_print_i64
// CHECK: %[[B:.*]] = arith.extui %{{.*}} : i1 to i64
// CHECK: call @dy2st_print_bool(%[[B]])
// CHECK: call @dy2st_print_end
pydy.func @show(%x: tensor<3xf32>, %n: i64, %b: i1) -> !pydy.none {
  %label = pydy.constant "x ="
  pydy.print %label, %x, %n, %b : !pydy.str, tensor<3xf32>, i64, i1
  %none = pydy.constant none
  pydy.return %none : !pydy.none
}

// A list of numbers whose length is known only at run time: its items
// stacked into a 1-d tensor, pushed as a tensor and marked as a list of
// numbers (0; 1 for tensors).
// CHECK-LABEL: func.func @show_numbers
// CHECK: %[[ROWS:.*]] = tensor_array.stack %{{.*}} : !tensor_array.array<f64> -> tensor<?xf64>
// CHECK: %[[U:.*]] = tensor.cast %[[ROWS]] : tensor<?xf64> to tensor<*xf64>
// CHECK: call @dy2st_print_tensor_f64(%[[U]])
// CHECK-NEXT: %[[NUMBERS:.*]] = arith.constant 0 : i64
// CHECK-NEXT: call @dy2st_print_as_list(%[[NUMBERS]])
// CHECK: call @dy2st_print_end
pydy.func @show_numbers(%a: !tensor_array.array<f64>) -> !pydy.none {
  pydy.print %a : !tensor_array.array<f64>
  %none = pydy.constant none
  pydy.return %none : !pydy.none
}
