// RUN: dy2st-opt %s --convert-pydy-to-core | FileCheck %s

// The message of @vector_condition's check (globals lead the module).
// CHECK-DAG: llvm.mlir.global internal constant @[[KIND:.*]]("AssertionError\00")
// CHECK-DAG: llvm.mlir.global internal constant @[[TEXT:.*]]("{{.*}}: When Variable is used as the condition of if/while , Variable can only contain one element.\00")

// A one-element bool tensor condition: its element is extracted for scf.if.
// CHECK-LABEL: func.func @tensor_condition
// CHECK-SAME: (%[[C:.*]]: tensor<1x1xi1> {bufferization.writable = false}, %[[X:.*]]: tensor<3xf32> {bufferization.writable = false}) -> tensor<3xf32> attributes {llvm.emit_c_interface}
// CHECK: %[[B:.*]] = tensor.extract %[[C]][%{{.*}}, %{{.*}}] : tensor<1x1xi1>
// CHECK: %[[R:.*]] = scf.if %[[B]] -> (tensor<3xf32>) {
// CHECK:   linalg.generic
// CHECK:   scf.yield %{{.*}} : tensor<3xf32>
// CHECK: } else {
// CHECK:   scf.yield %[[X]] : tensor<3xf32>
// CHECK: return %[[R]] : tensor<3xf32>
pydy.func @tensor_condition(%c: tensor<1x1xi1>, %x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = pydy.if %c : tensor<1x1xi1> -> tensor<3xf32> {
    %n = pydy.unary neg %x : (tensor<3xf32>) -> tensor<3xf32>
    pydy.yield %n : tensor<3xf32>
  } else {
    pydy.yield %x : tensor<3xf32>
  }
  pydy.return %0 : tensor<3xf32>
}

// A Python int condition tests `!= 0`.
// CHECK-LABEL: func.func @int_condition
// CHECK: %[[NZ:.*]] = arith.cmpi ne, %{{.*}}, %{{.*}} : i64
// CHECK: scf.if %[[NZ]] -> (i64)
pydy.func @int_condition(%n: i64) -> i64 {
  %0 = pydy.if %n : i64 -> i64 {
    %one = pydy.constant 1 : i64
    pydy.yield %one : i64
  } else {
    %two = pydy.constant 2 : i64
    pydy.yield %two : i64
  }
  pydy.return %0 : i64
}

// `a or b`: b is evaluated only in the else branch.
// CHECK-LABEL: func.func @lazy_or
// CHECK: %[[L:.*]] = arith.cmpi sgt
// CHECK: scf.if %[[L]] -> (i1) {
// CHECK-NEXT: scf.yield %[[L]] : i1
// CHECK: } else {
// CHECK: arith.cmpi slt
pydy.func @lazy_or(%a: i64) -> i1 {
  %z = pydy.constant 0 : i64
  %gt = pydy.compare gt %a, %z : (i64, i64) -> i1
  %0 = pydy.logical or %gt : i1 -> i1 {
    %m = pydy.constant -5 : i64
    %lt = pydy.compare lt %a, %m : (i64, i64) -> i1
    pydy.yield %lt : i1
  }
  pydy.return %0 : i1
}

// A condition of three elements: Paddle's AssertionError where it is reached
// (the size check folds to a constant once canonicalized), and no element is
// read.
// CHECK-LABEL: func.func @vector_condition
// CHECK: %[[SINGLE:.*]] = arith.cmpi eq
// CHECK: %[[FAILS:.*]] = arith.xori %[[SINGLE]]
// CHECK: scf.if %[[FAILS]] {
// CHECK:   llvm.mlir.addressof @[[KIND]]
// CHECK:   llvm.mlir.addressof @[[TEXT]]
// CHECK:   func.call @dy2st_raise
// CHECK: %[[B:.*]] = scf.if %[[SINGLE]] -> (i1) {
// CHECK:   tensor.extract
// CHECK: } else {
// CHECK:   arith.constant false
// CHECK: scf.if %[[B]] -> (tensor<3xf32>)
pydy.func @vector_condition(%c: tensor<3xi1>, %x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = pydy.if %c : tensor<3xi1> -> tensor<3xf32> {
    %n = pydy.unary neg %x : (tensor<3xf32>) -> tensor<3xf32>
    pydy.yield %n : tensor<3xf32>
  } else {
    pydy.yield %x : tensor<3xf32>
  }
  pydy.return %0 : tensor<3xf32>
}
