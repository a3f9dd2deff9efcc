// RUN: dy2st-opt %s | dy2st-opt | FileCheck %s

// CHECK-LABEL: func.func @array_ops
func.func @array_ops(%t: tensor<4xf32>, %i: i64, %n: index) -> (tensor<?x4xf32>, i64) {
  // CHECK: tensor_array.create : !tensor_array.array<tensor<4xf32>>
  %a = tensor_array.create : !tensor_array.array<tensor<4xf32>>
  // CHECK: tensor_array.create capacity(%{{.*}}) : !tensor_array.array<tensor<4xf32>>
  %b = tensor_array.create capacity(%n) : !tensor_array.array<tensor<4xf32>>
  // CHECK: tensor_array.append %{{.*}}, %{{.*}} : !tensor_array.array<tensor<4xf32>>
  %a1 = tensor_array.append %a, %t : !tensor_array.array<tensor<4xf32>>
  // CHECK: tensor_array.write %{{.*}}[%{{.*}}], %{{.*}} : !tensor_array.array<tensor<4xf32>>
  %a2 = tensor_array.write %a1[%i], %t : !tensor_array.array<tensor<4xf32>>
  // CHECK: tensor_array.read %{{.*}}[%{{.*}}] : !tensor_array.array<tensor<4xf32>>
  %r = tensor_array.read %a2[%i] : !tensor_array.array<tensor<4xf32>>
  // CHECK: tensor_array.pop %{{.*}} : !tensor_array.array<tensor<4xf32>>
  %a3, %last = tensor_array.pop %a2 : !tensor_array.array<tensor<4xf32>>
  // CHECK: tensor_array.pop %{{.*}}[%{{.*}}] : !tensor_array.array<tensor<4xf32>>
  %a4, %item = tensor_array.pop %a3[%i] : !tensor_array.array<tensor<4xf32>>
  // CHECK: tensor_array.length %{{.*}} : !tensor_array.array<tensor<4xf32>>
  %len = tensor_array.length %a4 : !tensor_array.array<tensor<4xf32>>
  // CHECK: tensor_array.stack %{{.*}} : !tensor_array.array<tensor<4xf32>> -> tensor<?x4xf32>
  %s = tensor_array.stack %a4 : !tensor_array.array<tensor<4xf32>> -> tensor<?x4xf32>
  // CHECK: tensor_array.stack %{{.*}} {axis = 1 : i64} : !tensor_array.array<tensor<4xf32>> -> tensor<4x?xf32>
  %s1 = tensor_array.stack %a4 {axis = 1} : !tensor_array.array<tensor<4xf32>> -> tensor<4x?xf32>
  // CHECK: tensor_array.stack %{{.*}} {empty_error = "need at least one array to stack"} : !tensor_array.array<tensor<4xf32>> -> tensor<?x4xf32>
  %s2 = tensor_array.stack %a4 {empty_error = "need at least one array to stack"} : !tensor_array.array<tensor<4xf32>> -> tensor<?x4xf32>
  return %s, %len : tensor<?x4xf32>, i64
}

// CHECK-LABEL: func.func @copy
func.func @copy(%a: !tensor_array.array<tensor<4xf32>>) -> !tensor_array.array<tensor<4xf32>> {
  // CHECK: tensor_array.copy %{{.*}} : !tensor_array.array<tensor<4xf32>>
  %b = tensor_array.copy %a : !tensor_array.array<tensor<4xf32>>
  return %b : !tensor_array.array<tensor<4xf32>>
}

// CHECK-LABEL: func.func @cast
func.func @cast(%a: !tensor_array.array<tensor<4xf32>>) -> !tensor_array.array<tensor<?xf32>> {
  // CHECK: tensor_array.cast %{{.*}} : !tensor_array.array<tensor<4xf32>> to !tensor_array.array<tensor<?xf32>>
  %b = tensor_array.cast %a : !tensor_array.array<tensor<4xf32>> to !tensor_array.array<tensor<?xf32>>
  return %b : !tensor_array.array<tensor<?xf32>>
}

// Arrays are values: they thread through loops like tensors.
// CHECK-LABEL: func.func @in_a_loop
func.func @in_a_loop(%t: tensor<2xi64>, %n: index) -> !tensor_array.array<tensor<2xi64>> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = tensor_array.create : !tensor_array.array<tensor<2xi64>>
  // CHECK: scf.for {{.*}} iter_args(%{{.*}} = %{{.*}}) -> (!tensor_array.array<tensor<2xi64>>)
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a) -> (!tensor_array.array<tensor<2xi64>>) {
    %next = tensor_array.append %acc, %t : !tensor_array.array<tensor<2xi64>>
    scf.yield %next : !tensor_array.array<tensor<2xi64>>
  }
  return %r : !tensor_array.array<tensor<2xi64>>
}

// An array of scalars reads and writes them as scalars; it stacks to a 1-d tensor.
// CHECK-LABEL: func.func @scalar_items
func.func @scalar_items(%x: f64, %i: i64) -> (f64, tensor<?xf64>) {
  // CHECK: tensor_array.create : !tensor_array.array<f64>
  %a = tensor_array.create : !tensor_array.array<f64>
  // CHECK: tensor_array.append %{{.*}}, %{{.*}} : !tensor_array.array<f64>
  %a1 = tensor_array.append %a, %x : !tensor_array.array<f64>
  // CHECK: tensor_array.write %{{.*}}[%{{.*}}], %{{.*}} : !tensor_array.array<f64>
  %a2 = tensor_array.write %a1[%i], %x : !tensor_array.array<f64>
  // CHECK: tensor_array.read %{{.*}}[%{{.*}}] : !tensor_array.array<f64>
  %r = tensor_array.read %a2[%i] : !tensor_array.array<f64>
  // CHECK: tensor_array.pop %{{.*}} : !tensor_array.array<f64>
  %a3, %last = tensor_array.pop %a2 : !tensor_array.array<f64>
  // CHECK: tensor_array.stack %{{.*}} : !tensor_array.array<f64> -> tensor<?xf64>
  %s = tensor_array.stack %a3 : !tensor_array.array<f64> -> tensor<?xf64>
  return %r, %s : f64, tensor<?xf64>
}

// CHECK-LABEL: func.func @find
// CHECK: tensor_array.find %{{.*}}, %{{.*}} : !tensor_array.array<i64>
func.func @find(%keys: !tensor_array.array<i64>, %k: i64) -> i64 {
  %i = tensor_array.find %keys, %k : !tensor_array.array<i64>
  return %i : i64
}
