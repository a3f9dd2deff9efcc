// RUN: dy2st-opt %s | dy2st-opt | FileCheck %s

// CHECK-LABEL: pydy.func @unpromoted
pydy.func @unpromoted(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %x = pydy.load "x" : !pydy.object
  // CHECK: pydy.if %{{.*}} : !pydy.object {
  // CHECK: } else {
  pydy.if %x : !pydy.object {
    pydy.store "y", %x : !pydy.object
  } else {
  }
  // CHECK: pydy.while {
  // CHECK: pydy.condition(%{{.*}} : !pydy.object)
  // CHECK: } do {
  // CHECK: pydy.break
  // CHECK: pydy.continue
  pydy.while {
    %c = pydy.load "x" : !pydy.object
    pydy.condition(%c : !pydy.object)
  } do {
    pydy.if %x : !pydy.object {
      pydy.break
    } else {
      pydy.continue
    }
    pydy.yield
  }
  // CHECK: pydy.for_range %{{.*}}, %{{.*}}, %{{.*}} : i64, !pydy.object, i64 {
  // CHECK-NEXT: ^bb0(%{{.*}}: !pydy.object):
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  pydy.for_range %c0, %x, %c1 : i64, !pydy.object, i64 {
  ^bb0(%i: !pydy.object):
    pydy.store "i", %i : !pydy.object
    pydy.if %i : !pydy.object {
      pydy.return %i : !pydy.object
    } else {
    }
  }
  // CHECK: pydy.for_in %{{.*}} : !pydy.object {
  pydy.for_in %x : !pydy.object {
  ^bb0(%item: !pydy.object):
    pydy.store "item", %item : !pydy.object
  }
  pydy.return %x : !pydy.object
}

// CHECK-LABEL: pydy.func @promoted
pydy.func @promoted(%arg0: tensor<4xf32> {pydy.name = "x"}, %arg1: i64 {pydy.name = "n"}) -> tensor<4xf32> {
  %c0 = pydy.constant 0 : i64
  %c1 = pydy.constant 1 : i64
  // CHECK: pydy.for_range %{{.*}}, %{{.*}}, %{{.*}} : i64, i64, i64 iter_args(%{{.*}} : tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: } {names = ["x"]}
  %0 = pydy.for_range %c0, %arg1, %c1 : i64, i64, i64 iter_args(%arg0 : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%i: i64, %x: tensor<4xf32>):
    %y = pydy.binary mul %x, %i : (tensor<4xf32>, i64) -> tensor<4xf32>
    pydy.yield %y : tensor<4xf32>
  } {names = ["x"]}
  // CHECK: pydy.while(%{{.*}} : tensor<4xf32>) -> tensor<4xf32> {
  %1 = pydy.while(%0 : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%x: tensor<4xf32>):
    %s = pydy.lib_call "sum"(%x) {kwnames = ["x"], static_args = {axis = [0], keepdim = false}} : (tensor<4xf32>) -> tensor<f32>
    %l = pydy.constant 1.0e+02 : f64
    %c = pydy.compare lt %s, %l : (tensor<f32>, f64) -> tensor<i1>
    pydy.condition(%c : tensor<i1>) %x : tensor<4xf32>
  } do {
  ^bb0(%x: tensor<4xf32>):
    pydy.yield %x : tensor<4xf32>
  } {names = ["x"]}
  // CHECK: pydy.if %{{.*}} : i1 -> tensor<4xf32> {
  %t = pydy.constant true
  %2 = pydy.if %t : i1 -> tensor<4xf32> {
    pydy.yield %1 : tensor<4xf32>
  } else {
    pydy.yield %arg0 : tensor<4xf32>
  } {names = ["x"]}
  pydy.return %2 : tensor<4xf32>
}

// Before specialization a carried variable of type !pydy.object joins what
// enters the loop (an int) and what an iteration yields (a float).
// CHECK-LABEL: pydy.func @carried_joins
// CHECK: pydy.while(%{{.*}} : i64) -> !pydy.object {
// CHECK: pydy.yield %{{.*}} : f64
// CHECK: pydy.for_range %{{.*}}, %{{.*}}, %{{.*}} : i64, i64, i64 iter_args(%{{.*}} : i64) -> !pydy.object {
// CHECK: pydy.yield %{{.*}} : f64
pydy.func @carried_joins(%arg0: !pydy.object {pydy.name = "x"}) -> !pydy.object {
  %zero = pydy.constant 0 : i64
  %0 = pydy.while(%zero : i64) -> !pydy.object {
  ^bb0(%a: !pydy.object):
    %c = pydy.compare lt %a, %arg0 : (!pydy.object, !pydy.object) -> !pydy.object
    pydy.condition(%c : !pydy.object) %a : !pydy.object
  } do {
  ^bb0(%a: !pydy.object):
    %half = pydy.constant 5.000000e-01 : f64
    pydy.yield %half : f64
  } {names = ["a"]}
  %one = pydy.constant 1 : i64
  %1 = pydy.for_range %zero, %one, %one : i64, i64, i64 iter_args(%zero : i64) -> !pydy.object {
  ^bb0(%i: i64, %a: !pydy.object):
    %half = pydy.constant 5.000000e-01 : f64
    pydy.yield %half : f64
  } {names = ["a"]}
  pydy.return %1 : !pydy.object
}
