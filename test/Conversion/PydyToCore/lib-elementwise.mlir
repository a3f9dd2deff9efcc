// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// CHECK-DAG: #[[BCAST:.*]] = affine_map<(d0, d1) -> (0, d1)>

// The Unary family: one linalg.generic with the op's scalar body; integer
// inputs of float math convert first.
// CHECK-LABEL: func.func @unary
// CHECK: linalg.generic
// CHECK:   arith.sitofp %{{.*}} : i32 to f32
// CHECK:   math.erf
// CHECK: linalg.generic
// CHECK:   math.roundeven
// CHECK: linalg.generic
// CHECK:   arith.cmpf uno
pydy.func @unary(%i: tensor<4xi32>, %x: tensor<4xf32>) -> tuple<tensor<4xf32>, tensor<4xf32>, tensor<4xi1>> {
  %0 = pydy.lib_call "erf"(%i) {kwnames = ["x"], static_args = {}} : (tensor<4xi32>) -> tensor<4xf32>
  %1 = pydy.lib_call "round"(%x) {kwnames = ["x"], static_args = {decimals = 0 : i64}} : (tensor<4xf32>) -> tensor<4xf32>
  %2 = pydy.lib_call "isnan"(%x) {kwnames = ["x"], static_args = {}} : (tensor<4xf32>) -> tensor<4xi1>
  %t = pydy.tuple %0, %1, %2 : (tensor<4xf32>, tensor<4xf32>, tensor<4xi1>) -> tuple<tensor<4xf32>, tensor<4xf32>, tensor<4xi1>>
  pydy.return %t : tuple<tensor<4xf32>, tensor<4xf32>, tensor<4xi1>>
}

// The Binary family broadcasts (a size-1 dimension reads index 0); a Python
// number is a scalar operand of the body.
// CHECK-LABEL: func.func @binary
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[BCAST]], #{{.*}}]
// CHECK:   math.atan2
// CHECK: linalg.generic
// CHECK:   arith.xori
pydy.func @binary(%x: tensor<2x3xf32>, %y: tensor<1x3xf32>, %b: tensor<2x3xi1>) -> tuple<tensor<2x3xf32>, tensor<2x3xi1>> {
  %0 = pydy.lib_call "atan2"(%x, %y) {kwnames = ["x", "y"], static_args = {}} : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  %1 = pydy.lib_call "logical_xor"(%b, %b) {kwnames = ["x", "y"], static_args = {}} : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  %t = pydy.tuple %0, %1 : (tensor<2x3xf32>, tensor<2x3xi1>) -> tuple<tensor<2x3xf32>, tensor<2x3xi1>>
  pydy.return %t : tuple<tensor<2x3xf32>, tensor<2x3xi1>>
}

// Select and Cast. A float out of the integer's range, or NaN, casts to
// INT_MIN as numpy and Paddle do on x86 (fptosi would be poison there).
// CHECK-LABEL: func.func @select_cast
// CHECK: linalg.generic
// CHECK:   arith.select
// CHECK: linalg.generic
// CHECK:   %[[LT:.*]] = arith.cmpf olt, %[[V:[^,]*]], %{{.*}} : f32
// CHECK:   %[[GE:.*]] = arith.cmpf oge, %[[V]], %{{.*}} : f32
// CHECK:   %[[IN:.*]] = arith.andi %[[GE]], %[[LT]]
// CHECK:   %[[MIN:.*]] = arith.constant -9223372036854775808 : i64
// CHECK:   %[[I:.*]] = arith.fptosi %[[V]] : f32 to i64
// CHECK:   arith.select %[[IN]], %[[I]], %[[MIN]] : i64
pydy.func @select_cast(%c: tensor<3xi1>, %x: tensor<3xf32>) -> tuple<tensor<3xf32>, tensor<3xi64>> {
  %f = pydy.constant 0.5 : f64
  %0 = pydy.lib_call "where"(%c, %x, %f) {kwnames = ["condition", "x", "y"], static_args = {}} : (tensor<3xi1>, tensor<3xf32>, f64) -> tensor<3xf32>
  %1 = pydy.lib_call "cast"(%x) {kwnames = ["x"], static_args = {dtype = "int64"}} : (tensor<3xf32>) -> tensor<3xi64>
  %t = pydy.tuple %0, %1 : (tensor<3xf32>, tensor<3xi64>) -> tuple<tensor<3xf32>, tensor<3xi64>>
  pydy.return %t : tuple<tensor<3xf32>, tensor<3xi64>>
}

// Float `//` as numpy's divmod: from the remainder, not floor(a / b).
// CHECK-LABEL: func.func @float_floor_divide
// CHECK: linalg.generic
// CHECK:   arith.remf
// CHECK:   math.floor
// CHECK:   math.copysign
pydy.func @float_floor_divide(%x: tensor<3xf32>, %y: tensor<3xf32>) -> tensor<3xf32> {
  %0 = pydy.lib_call "floor_divide"(%x, %y) {kwnames = ["x", "y"], static_args = {}} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  pydy.return %0 : tensor<3xf32>
}

// Float `%`: a zero remainder takes the divisor's sign (`0.0 % -3.5` is -0.0).
// CHECK-LABEL: func.func @float_remainder
// CHECK: linalg.generic
// CHECK:   %[[REM:.*]] = arith.remf
// CHECK:   %[[NONZERO:.*]] = arith.cmpf une, %[[REM]]
// CHECK:   %[[ZERO:.*]] = math.copysign %{{.*}}, %{{.*}} : f32
// CHECK:   arith.select %[[NONZERO]], %{{.*}}, %[[ZERO]] : f32
pydy.func @float_remainder(%x: tensor<3xf32>, %y: tensor<3xf32>) -> tensor<3xf32> {
  %0 = pydy.lib_call "remainder"(%x, %y) {kwnames = ["x", "y"], static_args = {}} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  pydy.return %0 : tensor<3xf32>
}
