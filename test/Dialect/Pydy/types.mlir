// RUN: dy2st-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// CHECK-LABEL: pydy.func @types
// CHECK-SAME: !pydy.dict<"weight": tensor<4xf32>, "step": i64>
// CHECK-SAME: !pydy.dict<>
// CHECK-SAME: !pydy.list<i64, f64>
// CHECK-SAME: !pydy.list<>
pydy.func @types(%a: !pydy.dict<"weight": tensor<4xf32>, "step": i64>, %b: !pydy.dict<>,
                 %c: !pydy.list<i64, f64>, %d: !pydy.list<>) -> !pydy.object {
  // CHECK: pydy.dict keys() values() -> !pydy.object
  %e = pydy.dict keys() values() -> !pydy.object
  pydy.return
}

// -----

// expected-error @+1 {{duplicate dict key "a"}}
pydy.func @duplicate(%a: !pydy.dict<"a": i64, "a": f64>) -> !pydy.object {
  pydy.return
}
