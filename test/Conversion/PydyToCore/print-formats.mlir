// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// An item with a format is followed by a call that attaches the format; a
// logging print ends with the logger, level and record fields, a raise with a message
// computed at run time with dy2st_raise_items (message prefix, then the items).
// CHECK-DAG: llvm.mlir.global internal constant @[[SPEC:.*]](":.3f\00")
// CHECK-DAG: llvm.mlir.global internal constant @[[LOGGER:.*]]("train\00")
// CHECK-DAG: llvm.mlir.global internal constant @[[PREFIX:.*]]("f.py:7: loss \00")
// CHECK-DAG: llvm.mlir.global internal constant @[[RECORD:.*]]("{\22line\22: 3}\00")
// CHECK-DAG: func.func private @dy2st_log_end(!llvm.ptr, !llvm.ptr, i64, !llvm.ptr)
// CHECK-LABEL: func.func @report
// CHECK: call @dy2st_print_f64
// CHECK: %[[S:.*]] = llvm.mlir.addressof @[[SPEC]]
// CHECK: call @dy2st_print_format(%[[S]])
// CHECK: %[[L:.*]] = llvm.mlir.addressof @[[LOGGER]]
// CHECK: %[[LEVEL:.*]] = arith.constant 20 : i64
// CHECK: %[[R:.*]] = llvm.mlir.addressof @[[RECORD]]
// CHECK: call @dy2st_log_end(%{{.*}}, %[[L]], %[[LEVEL]], %[[R]])
// CHECK: call @dy2st_print_tensor_f32
// CHECK-NOT: dy2st_print_format
// CHECK: %[[P:.*]] = llvm.mlir.addressof @[[PREFIX]]
// CHECK: call @dy2st_raise_items(%{{.*}}, %[[P]])
pydy.func @report(%loss: f64, %x: tensor<f32>) -> !pydy.none {
  pydy.print %loss : f64 {sep = "", formats = [":.3f"], logger = "train", level = 20 : i64, record = "{\"line\": 3}"}
  pydy.raise "ValueError", "loss " (%x : tensor<f32>) loc("f.py":7:5)
  %none = pydy.constant none
  pydy.return %none : !pydy.none
}
