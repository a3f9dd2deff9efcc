// RUN: dy2st-opt %s -split-input-file -verify-diagnostics | FileCheck %s
// RUN: dy2st-opt %s -split-input-file -verify-diagnostics -canonicalize | FileCheck %s --check-prefix=FOLD

// A dict given keys at run time: made from the arrays of its keys and
// values, and taken apart into them (which folds into the arrays it was
// made from).
// CHECK-LABEL: pydy.func @runtime_dict
// CHECK-SAME: !pydy.runtime_dict<i64, tensor<?x4xf32>>
// CHECK: pydy.runtime_dict %{{.*}}, %{{.*}} : !tensor_array.array<i64>, !tensor_array.array<f64> -> <i64, f64>
// CHECK: pydy.runtime_dict_keys %{{.*}} : <i64, f64> -> !tensor_array.array<i64>
// CHECK: pydy.runtime_dict_values %{{.*}} : <i64, f64> -> !tensor_array.array<f64>
// FOLD-LABEL: pydy.func @runtime_dict
// FOLD-NOT: pydy.runtime_dict_keys
// FOLD-NOT: pydy.runtime_dict_values
// FOLD: pydy.tuple %arg1, %arg2
pydy.func @runtime_dict(%d: !pydy.runtime_dict<i64, tensor<?x4xf32>>,
                        %k: !tensor_array.array<i64>, %v: !tensor_array.array<f64>)
    -> !pydy.object {
  %made = pydy.runtime_dict %k, %v : !tensor_array.array<i64>, !tensor_array.array<f64> -> <i64, f64>
  %keys = pydy.runtime_dict_keys %made : <i64, f64> -> !tensor_array.array<i64>
  %values = pydy.runtime_dict_values %made : <i64, f64> -> !tensor_array.array<f64>
  %r = pydy.tuple %keys, %values : (!tensor_array.array<i64>, !tensor_array.array<f64>) -> !pydy.object
  pydy.return %r : !pydy.object
}

// -----

// expected-error @+1 {{the keys of a run-time dict are Python ints (i64), not 'f64'}}
pydy.func @float_keys(%d: !pydy.runtime_dict<f64, i64>) -> !pydy.object {
  pydy.return
}

// -----

// expected-error @+1 {{the values of a run-time dict are tensors or Python numbers}}
pydy.func @string_values(%d: !pydy.runtime_dict<i64, !pydy.str>) -> !pydy.object {
  pydy.return
}

// -----

pydy.func @wrong_arrays(%k: !tensor_array.array<i64>, %v: !tensor_array.array<f64>) -> !pydy.object {
  // expected-error @+1 {{holds '!tensor_array.array<i64>' and '!tensor_array.array<i64>', not}}
  %d = pydy.runtime_dict %k, %v : !tensor_array.array<i64>, !tensor_array.array<f64> -> <i64, i64>
  pydy.return
}

// -----

pydy.func @wrong_keys(%d: !pydy.runtime_dict<i64, f64>) -> !pydy.object {
  // expected-error @+1 {{gives '!tensor_array.array<i64>', not}}
  %k = pydy.runtime_dict_keys %d : <i64, f64> -> !tensor_array.array<f64>
  pydy.return
}

// -----

pydy.func @wrong_values(%d: !pydy.runtime_dict<i64, f64>) -> !pydy.object {
  // expected-error @+1 {{gives '!tensor_array.array<f64>', not}}
  %v = pydy.runtime_dict_values %d : <i64, f64> -> !tensor_array.array<i64>
  pydy.return
}
