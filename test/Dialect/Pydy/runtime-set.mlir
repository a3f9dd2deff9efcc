// RUN: dy2st-opt %s -split-input-file -verify-diagnostics | FileCheck %s
// RUN: dy2st-opt %s -split-input-file -verify-diagnostics -canonicalize | FileCheck %s --check-prefix=FOLD

// A set of ints: made from the array of its items, and taken apart into it
// (which folds into the array it was made from).
// CHECK-LABEL: pydy.func @runtime_set
// CHECK-SAME: !pydy.runtime_set<i64>
// CHECK: pydy.runtime_set %{{.*}} : !tensor_array.array<i64> -> <i64>
// CHECK: pydy.runtime_set_items %{{.*}} : <i64> -> !tensor_array.array<i64>
// FOLD-LABEL: pydy.func @runtime_set
// FOLD-NOT: pydy.runtime_set_items
// FOLD: pydy.return %arg1
pydy.func @runtime_set(%s: !pydy.runtime_set<i64>, %items: !tensor_array.array<i64>)
    -> !pydy.object {
  %made = pydy.runtime_set %items : !tensor_array.array<i64> -> <i64>
  %back = pydy.runtime_set_items %made : <i64> -> !tensor_array.array<i64>
  pydy.return %back : !tensor_array.array<i64>
}

// -----

// expected-error @+1 {{the items of a run-time set are Python ints (i64), not 'f64'}}
pydy.func @float_items(%s: !pydy.runtime_set<f64>) -> !pydy.object {
  pydy.return
}

// -----

pydy.func @wrong_array(%items: !tensor_array.array<f64>) -> !pydy.object {
  // expected-error @+1 {{holds '!tensor_array.array<i64>', not '!tensor_array.array<f64>'}}
  %s = pydy.runtime_set %items : !tensor_array.array<f64> -> <i64>
  pydy.return
}

// -----

pydy.func @wrong_items(%s: !pydy.runtime_set<i64>) -> !pydy.object {
  // expected-error @+1 {{gives '!tensor_array.array<i64>', not '!tensor_array.array<f64>'}}
  %items = pydy.runtime_set_items %s : <i64> -> !tensor_array.array<f64>
  pydy.return
}
