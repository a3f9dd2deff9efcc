// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// numpy broadcasting: a size-1 dimension reads index 0, a missing leading
// dimension is dropped from the map, and a Python number is used as is.
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @outer_sum
// CHECK-SAME: (%[[A:.*]]: tensor<3x1xf32> {bufferization.writable = false}, %[[B:.*]]: tensor<4xf32> {bufferization.writable = false}, %[[K:.*]]: f64)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<3x4xf32>
// CHECK: %[[S:.*]] = linalg.generic {indexing_maps = [#[[COL]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
// CHECK-SAME: ins(%[[A]], %[[B]] : tensor<3x1xf32>, tensor<4xf32>) outs(%[[E]] : tensor<3x4xf32>)
// CHECK:   arith.addf
// CHECK: linalg.generic
// CHECK:   %[[KF:.*]] = arith.truncf %[[K]] : f64 to f32
// CHECK:   arith.mulf %{{.*}}, %[[KF]] : f32
pydy.func @outer_sum(%a: tensor<3x1xf32>, %b: tensor<4xf32>, %k: f64) -> tensor<3x4xf32> {
  %0 = pydy.binary add %a, %b : (tensor<3x1xf32>, tensor<4xf32>) -> tensor<3x4xf32>
  %1 = pydy.binary mul %0, %k : (tensor<3x4xf32>, f64) -> tensor<3x4xf32>
  pydy.return %1 : tensor<3x4xf32>
}

// Dynamic result dimensions take their size from an operand.
// CHECK-LABEL: func.func @dynamic
// CHECK: %[[D:.*]] = tensor.dim %{{.*}}, %{{.*}} : tensor<?x4xi64>
// CHECK: tensor.empty(%[[D]]) : tensor<?x4xi64>
pydy.func @dynamic(%a: tensor<?x4xi64>, %b: tensor<4xi64>) -> tensor<?x4xi64> {
  %0 = pydy.binary sub %a, %b : (tensor<?x4xi64>, tensor<4xi64>) -> tensor<?x4xi64>
  pydy.return %0 : tensor<?x4xi64>
}

// Integer tensors and a Python float compute in float32.
// CHECK-LABEL: func.func @int_times_float
// CHECK: arith.sitofp %{{.*}} : i32 to f32
// CHECK: arith.mulf
pydy.func @int_times_float(%a: tensor<2xi32>, %k: f64) -> tensor<2xf32> {
  %0 = pydy.binary mul %a, %k : (tensor<2xi32>, f64) -> tensor<2xf32>
  pydy.return %0 : tensor<2xf32>
}

// Dynamic sizes that meet in one dimension are compared at run time: a
// ValueError unless each is the largest or 1, and the computation only runs
// when they broadcast.
// CHECK-LABEL: func.func @dynamic_sizes_checked
// CHECK-SAME: (%[[A:.*]]: tensor<?xf32> {bufferization.writable = false}, %[[B:.*]]: tensor<?xf32> {bufferization.writable = false}, %[[C:.*]]: tensor<4xf32> {bufferization.writable = false})
// CHECK: %[[DA:.*]] = tensor.dim %[[A]], %{{.*}}
// CHECK: %[[DB:.*]] = tensor.dim %[[B]], %{{.*}}
// CHECK: %[[SIZE:.*]] = arith.maxsi %[[DA]], %[[DB]]
// CHECK: %[[A1:.*]] = arith.cmpi eq, %{{.*}}, %c1
// CHECK: %[[AFITS:.*]] = arith.cmpi eq, %{{.*}}, %[[SIZE]]
// CHECK: arith.ori %[[AFITS]], %[[A1]]
// CHECK: %[[OK:.*]] = arith.andi
// CHECK: scf.if %{{.*}} {
// CHECK:   func.call @dy2st_raise
// CHECK: %[[SUM:.*]] = scf.if %[[OK]] -> (tensor<?xf32>) {
// CHECK:   linalg.generic
// CHECK: } else {
// CHECK:   tensor.empty
// A static size meets a dynamic one: checked too.
// CHECK: %[[DA2:.*]] = tensor.dim %[[SUM]], %{{.*}}
// CHECK: arith.maxsi %[[DA2]], %{{.*}}
// CHECK: func.call @dy2st_raise
pydy.func @dynamic_sizes_checked(%a: tensor<?xf32>, %b: tensor<?xf32>, %c: tensor<4xf32>) -> tensor<4xf32> {
  %0 = pydy.binary add %a, %b : (tensor<?xf32>, tensor<?xf32>) -> tensor<?xf32>
  %1 = pydy.binary mul %0, %c : (tensor<?xf32>, tensor<4xf32>) -> tensor<4xf32>
  pydy.return %1 : tensor<4xf32>
}

// Static sizes need no check.
// CHECK-LABEL: func.func @static_sizes
// CHECK-NOT: dy2st_raise
// CHECK: return
pydy.func @static_sizes(%a: tensor<2x1xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = pydy.binary add %a, %b : (tensor<2x1xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  pydy.return %0 : tensor<2x3xf32>
}
